import { strict as assert } from 'node:assert';
import { findingsOf, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

testRule('punctuation', {
  valid: [
    WORD_PASTE('　　2024年，全镇召开党委会议26次，于10:30准时开会，投入资金1,200万元，落实“三会一课”制度（试行）。\r\n'),
    WORD_PASTE('一、主要做法\r\n（一）强化理论武装\r\n　　全年开展集中学习12次，撰写心得体会《学思践悟》30篇。\r\n'),
    '述　职　报　告\n\n一、主要做法\n\n全年开展集中学习12次，撰写心得体会30篇，研讨交流8次。\n\n张　三\n2025年1月8日\n',
    '2024年度述职报告\n\n全年开展集中学习12次，撰写心得体会30篇，研讨交流8次，\n形成调研报告5篇。\n',
    WORD_PASTE('以上报告，请予评议\r\n'),
    // A heading with no text run in after it is no paragraph to end.
    WORD_PASTE('一、主要做法\r\n1、做好法律服务工作。\r\n　　全年开展法律讲座12场，为居民普及常用的法律知识。\r\n'),
  ],
  invalid: [
    {
      text: WORD_PASTE('　　全年完成任务,取得明显成效;主要做法有:加强学习.\r\n'),
      found: [',', ';', ':'],
      messages: [/“,”应为“，”/, /“;”应为“；”/, /“:”应为“：”/],
      output: WORD_PASTE('　　全年完成任务，取得明显成效；主要做法有：加强学习.\r\n'),
    },
    {
      text: WORD_PASTE('　　认真落实"三会一课"制度，修订(试行)办法。\r\n'),
      found: ['"三会一课"', '(试行)'],
      output: WORD_PASTE('　　认真落实“三会一课”制度，修订（试行）办法。\r\n'),
    },
    {
      text: WORD_PASTE('　　全年召开会议12次，，开展培训5期。。\r\n'),
      found: ['，，', '。。'],
      output: WORD_PASTE('　　全年召开会议12次，开展培训5期。\r\n'),
    },
    { text: WORD_PASTE('　　坚决做到“两个维护，始终在思想上同党中央保持高度一致。\r\n'), found: ['“'], messages: [/没有对应的“””/] },
    { text: WORD_PASTE('　　学习《条例》》等党内法规，认真查摆问题。\r\n'), found: ['》'], messages: [/前面没有与它成对的“《”/] },
    {
      text: WORD_PASTE('　　全面 推进基层党建，2025 年共 12 名党员参加培训。\r\n'),
      found: [' ', ' ', ' ', ' '],
      output: WORD_PASTE('　　全面推进基层党建，2025年共12名党员参加培训。\r\n'),
    },
    {
      text: WORD_PASTE('　　全年召开党委会议26次，研究重大事项48项，开展专题调研12次，形成调研报告5篇\r\n'),
      found: ['篇'],
      messages: [/段落末尾缺少句号/],
      output: WORD_PASTE('　　全年召开党委会议26次，研究重大事项48项，开展专题调研12次，形成调研报告5篇。\r\n'),
    },
    { text: WORD_PASTE('　　全年召开会议，。开展培训5期。\r\n'), found: ['，。'], messages: [/标点连用/] },
    {
      // A heading with its text run in ends a paragraph like any other.
      text: WORD_PASTE('一、主要做法\r\n1、做好调解服务工作。每月开展一次普法活动，向居民讲解婚姻家庭方面常见的法律问题，\r\n2、管理财务经费。按时支付各项费用。\r\n'),
      found: ['，'],
      messages: [/段落末尾是“，”/],
      output: WORD_PASTE('一、主要做法\r\n1、做好调解服务工作。每月开展一次普法活动，向居民讲解婚姻家庭方面常见的法律问题。\r\n2、管理财务经费。按时支付各项费用。\r\n'),
    },
    {
      // Paragraphs pasted with a four-space indent are prose, not a code block.
      text: '2024年度述职报告\n\n    依法履行职责，.坚决推行各项改革，取得了新成效。\n',
      found: ['.'],
      output: '2024年度述职报告\n\n    依法履行职责，坚决推行各项改革，取得了新成效。\n',
    },
  ],
});

describe('punctuation: spaces in numbers, around full-width marks and after heading ordinals', () => {
  const spaces = (body: string) => findingsOf('punctuation', WORD_PASTE(body)).map((seen) => seen.message);
  it('finds a space inside a decimal and a decimal point typed as a space', () => {
    assert.deepEqual(spaces('　　森林覆盖率达到65 .2%，完成国内生产总值5 9亿元。\r\n'), ['小数中不应有空格。', '“5 9”中间有空格：是否漏了小数点（5.9）？请核对。']);
  });
  it('finds spaces beside quotation marks and after ；in Chinese text', () => {
    assert.deepEqual(spaces('　　有效提升股份公司 “一肩挑” 与交叉任职比例； 制度不健全。\r\n'), ['全角标点前后不应有空格。', '全角标点前后不应有空格。', '全角标点前后不应有空格。']);
  });
  it('finds a space after a heading ordinal', () => {
    assert.deepEqual(findingsOf('punctuation', WORD_PASTE('一、 加强队伍建设\r\n\r\n　　全年开展培训3次。\r\n')).map((seen) => seen.message), ['标题序号后不应有空格。']);
  });
  it('leaves a field and its value, numbers in Latin text and well-spaced text alone', () => {
    assert.deepEqual(spaces('　　发布机构： 古镛镇人民政府，version 2.0 and 3 5 items，增长12.5%。\r\n'), []);
  });
});

describe('punctuation: a paragraph that ends without its full stop', () => {
  const ending = (source: string) => findingsOf('punctuation', source).filter((seen) => /段落末尾/.test(seen.message));
  it('offers the full stop when a heading or the end follows', () => {
    const [seen] = ending('2024年度述职报告\n\n一、主要做法\n\n全年召开党委会议24次，研究讨论“三重一大”事项56项，推动各项工作落地见效\n\n二、存在问题\n\n问题不少。\n');
    assert.equal(seen.message, '段落末尾缺少句号。');
    assert.equal(seen.finding.fix?.edits[0].newText, '。');
  });
  it('only points at it when the next paragraph may be the rest of the sentence, cut off by a blank line', () => {
    const [seen] = ending('2024年度述职报告\n\n今年全区还有46个老旧小区没有改造，改造中遇到的困难在哪里，要拿出\n\n什么办法加快推进，是各部门要认真研究解决的问题。\n');
    assert.match(seen.message, /如果下一段是这句话的后半部分，请删去中间的空行/);
    assert.equal(seen.finding.fix, undefined);
  });
});
