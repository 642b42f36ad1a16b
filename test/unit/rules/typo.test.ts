import { strict as assert } from 'node:assert';
import { lexiconInUse, useLexicon } from '../../../server/src/core/lexicon/lexicon';
import { findingsOf, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

testRule('typo', {
  valid: [
    // Words of official writing the dictionary lacks, which sound like other words: no evidence of a slip.
    WORD_PASTE('　　推动农业提质增效，持之以恒纠治“四风”，严格依法依规决策，反对以会代学，向县委述职述法。\r\n'),
    // The issuer's code of a document number: abbreviations (辽 for 辽宁), not words.
    WORD_PASTE('　　按照《关于印发实施方案的通知》（辽法委发〔2023〕2号）要求，全面推进法治建设。\r\n'),
    // Names of people and places next to their titles and place words.
    WORD_PASTE('　　在王焕同志的带领下，焕散村党支部书记李涣带头，把焕散镇建设成示范镇；按照市委副书记陈绍泽的要求。\r\n'),
    // Grammatical reduplication and correct rare words.
    WORD_PASTE('　　家家户户通了自来水，人人常常说，这些变化的的确确看得见，他的涣然冰释令人欣慰。\r\n'),
    // 截止 as a deadline, 当做为 as verb + 为, 的 after an adverb before a noun.
    WORD_PASTE('　　申报截止日期为6月30日，截止时间不再延长；把学习当做为民服务的基础；取得不断的成绩。\r\n'),
    // A draft in traditional characters: 開展 is 开展 in another script.
    '2024年度述職報告\r\n\r\n　　今年以來，我們認真履行職責，全年開展黨課12次。\r\n',
    // Letters in codes are no digits.
    WORD_PASTE('　　统一社会信用代码11500230008689762A，型号XL9，第O号。\r\n'),
    // Substitutes where they are the right word: after 为, before an adjective, with 了, before the object's modifier, in names.
    WORD_PASTE('　　全心全意为人民效劳，竭诚为您效劳；这一做法确实可行、确实有效，我们确实加强了管理。\r\n'),
    WORD_PASTE('　　他的国学根底很好，根底扎实；人为抬高物价、大幅抬高房价的行为被查处；树立正确的政绩观，树立相应的意识。\r\n'),
    WORD_PASTE('　　王建立同志任书记，李树立同志任主任，张确实老师负责教学。\r\n'),
    // 的 of a modifier: before a noun, and 在…的…中 where what follows is a noun.
    WORD_PASTE('　　经过持续的努力，取得了不断的进步；在不断的发展中壮大，在持续的改革下前进；实现可持续的发展。\r\n'),
    // 必需 of what is needed; 当真 and 宣扬 where they are the right words; 的 of a modifier after 逐渐, 不停.
    WORD_PASTE('　　发放生活必需品，这是生产所必需的，必需的物资已到位；别把玩笑当真，当真对待每一件事，大肆宣扬封建迷信；逐渐的变化令人欣喜，不停的雨下了一周。\r\n'),
    // A percentage followed by a new clause, 万元 after a comma.
    WORD_PASTE('　　完成投资增长80%，万元以上项目5个；覆盖率达到95.5%。\r\n'),
  ],
  invalid: [
    {
      text: WORD_PASTE('　　部分村级班子较为痪散，制度不健全。\r\n'),
      found: ['痪散'],
      messages: [/“痪散”可能是错别字，应为“涣散”/],
      output: WORD_PASTE('　　部分村级班子较为涣散，制度不健全。\r\n'),
    },
    {
      text: WORD_PASTE('　　截止2024年底，累计培养入党积极分子12名；截止到今年6月，完成投资3亿元。\r\n'),
      found: ['截止', '截止到'],
      messages: [/应为“截至”/],
      output: WORD_PASTE('　　截至2024年底，累计培养入党积极分子12名；截至今年6月，完成投资3亿元。\r\n'),
    },
    {
      text: WORD_PASTE('　　做为街道党工委书记，我不断的提高政治站位，逐步的完善工作机制。\r\n'),
      found: ['做为', '不断的', '逐步的'],
      output: WORD_PASTE('　　作为街道党工委书记，我不断地提高政治站位，逐步地完善工作机制。\r\n'),
    },
    {
      text: WORD_PASTE('　　全县累计完成荒山造林l9万立方米，2O24年新造林3万亩。\r\n'),
      found: ['l', 'O'],
      output: WORD_PASTE('　　全县累计完成荒山造林19万立方米，2024年新造林3万亩。\r\n'),
    },
    {
      // A rewriting tool's substitute where the dictionary knows the phrase of the word it replaced.
      text: WORD_PASTE('　　开展便民效劳32人次，建成效劳中心一处；打牢经济根底；下一步将确实加强队伍建设，抬高认识，树立健全工作机制。\r\n'),
      found: ['效劳', '效劳', '根底', '确实', '抬高', '树立'],
      messages: [/“便民效劳”应为“便民服务”.*改写工具/, /“效劳中心”应为“服务中心”/, /“经济根底”应为“经济基础”/, /“确实加强”应为“切实加强”/, /“抬高认识”应为“提高认识”/, /“树立健全”应为“建立健全”/],
      output: WORD_PASTE('　　开展便民服务32人次，建成服务中心一处；打牢经济基础；下一步将切实加强队伍建设，提高认识，建立健全工作机制。\r\n'),
    },
    {
      // 的 after a manner adverb before a preposition, and after 在 before a predicate that ends the clause.
      text: WORD_PASTE('　　我们尽可能的在会前备齐材料，不断的向先进看齐；队伍在不断的进步，在持续的改进。\r\n'),
      found: ['尽可能的', '不断的', '不断的', '持续的'],
      output: WORD_PASTE('　　我们尽可能地在会前备齐材料，不断地向先进看齐；队伍在不断地进步，在持续地改进。\r\n'),
    },
    {
      text: WORD_PASTE('　　我们必需加强学习，要当真落实各项制度，宣扬教育群众，逐渐的完善制度，不停的探索创新。\r\n'),
      found: ['必需', '当真', '宣扬', '逐渐的', '不停的'],
      messages: [/“必需加强”应为“必须加强”/, /“当真落实”应为“认真落实”/, /“宣扬教育”应为“宣传教育”/, /修饰动词用“地”/, /修饰动词用“地”/],
      output: WORD_PASTE('　　我们必须加强学习，要认真落实各项制度，宣传教育群众，逐渐地完善制度，不停地探索创新。\r\n'),
    },
    {
      // A percentage run into a magnitude: which one is wrong only the writer knows, so no fix.
      text: WORD_PASTE('　　木材蓄积量净增80%万立方米，产值增长12.5％亿元。\r\n'),
      found: ['80%万', '12.5％亿'],
      messages: [/“80%万”数量有误/, /“12.5％亿”数量有误/],
      output: WORD_PASTE('　　木材蓄积量净增80%万立方米，产值增长12.5％亿元。\r\n'),
    },
    {
      // A paragraph pasted with a four-space indent is prose, not a code block.
      text: '2024年度述职报告\n\n    全县累计完成荒山造林l9万立方米，开展便民效劳。\n',
      found: ['l', '效劳'],
      output: '2024年度述职报告\n\n    全县累计完成荒山造林19万立方米，开展便民服务。\n',
    },
  ],
});

describe('typo without the lexicon', () => {
  it('checks the usage pairs at once and the sound-alike words once the dictionary is loaded', () => {
    const draft = WORD_PASTE('　　做为书记，部分村级班子较为痪散。\r\n');
    const loaded = lexiconInUse();
    useLexicon(undefined);
    try {
      assert.deepEqual(findingsOf('typo', draft).map((seen) => seen.text), ['做为']);
      assert.deepEqual(findingsOf('duplicate-text', WORD_PASTE('　　全镇全镇共发展党员12名。\r\n')), []);
    } finally {
      useLexicon(loaded);
    }
    assert.deepEqual(findingsOf('typo', draft).map((seen) => seen.text), ['做为', '痪散']);
  });
});
