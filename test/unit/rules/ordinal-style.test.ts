import { strict as assert } from 'node:assert';
import { applyFix, findingsOf, REPORT, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

describe('ordinal-style', () => {
  const cases: Array<[string, string]> = [
    ['1、抓学习。', '1.抓学习。'],
    ['1．抓学习。', '1.抓学习。'],
    ['（一）、抓学习', '（一）抓学习'],
    ['(一)抓学习', '（一）抓学习'],
    ['(1)抓学习。', '（1）抓学习。'],
    ['一.主要做法', '一、主要做法'],
  ];
  for (const [line, fixed] of cases) {
    it(`${line} → ${fixed}`, () => {
      const source = REPORT(`${line}\n\n内容。\n`);
      const [seen] = findingsOf('ordinal-style', source);
      assert.ok(seen, 'expected a finding');
      assert.equal(applyFix(source, seen.finding), REPORT(`${fixed}\n\n内容。\n`));
    });
  }

  it('leaves standard marks alone', () => {
    assert.deepEqual(findingsOf('ordinal-style', REPORT('一、主要做法\n（一）抓学习\n1.读原文。\n（1）写体会。\n')), []);
  });
});

testRule('ordinal-style', {
  valid: [WORD_PASTE('一、主要做法\r\n（一）抓学习\r\n1.读原文。\r\n（1）写体会。\r\n')],
  invalid: [
    {
      text: WORD_PASTE('一.主要做法\r\n（一）、抓学习\r\n1、读原文。\r\n(2)写体会。\r\n'),
      found: ['一.', '（一）、', '1、', '(2)'],
      messages: [/应写作“一、”/, /应写作“（一）”/, /应写作“1\.”/, /应写作“（2）”/],
      output: WORD_PASTE('一、主要做法\r\n（一）抓学习\r\n1.读原文。\r\n（2）写体会。\r\n'),
    },
  ],
});

describe('ordinal-style messages', () => {
  it('names a space that cannot be seen instead of quoting two look-alike ordinals', () => {
    const text = '2024年度述职报告\n\n一、主要做法\n\n（一） 加强学习。\n\n（二 ）改进作风。\n\n二、存在问题\n\n三、下步打算\n';
    const messages = findingsOf('ordinal-style', text).map((seen) => seen.message.split('（括号')[0]);
    assert.deepEqual(messages, ['序号格式不规范：“（一）”后多了空格', '序号格式不规范：“（二）”中间多了空格']);
  });
});

describe('ordinal-style on headings a page ran into a paragraph', () => {
  const marks = (source: string) => findingsOf('ordinal-style', source).map((seen) => seen.text);

  it('reads 1、 after a run-in 一、 heading as a heading mark (……增长。1、大力发展……)', () => {
    const source = '2025年度乡长述职报告各位代表：我于今年三月到任，现将履职情况报告如下。一、抓实产业，经济稳中有进今年以来全乡经济平稳增长。1、做强特色种植。新发展茶园800亩。\n';
    const [seen] = findingsOf('ordinal-style', source);
    assert.equal(seen.text, '1、');
    assert.equal(applyFix(source, seen.finding), source.replace('1、做强', '1.做强'));
  });

  it('reads 1、 after spaces that stand for a lost line break behind a heading', () => {
    assert.deepEqual(marks(REPORT('驻村以来共走访农户126户。 一、工作开展情况及成效 1、加强学习，提升本领。驻村以来边干边学。\n')), ['1、']);
  });

  it('finds arabic marks whose dot became a space, numbered 1, 2 under a numbered paragraph, and leaves the space to this rule', () => {
    const source = REPORT('一、2025年工作回顾  全年各项工作有序推进。  1 经济运行平稳。全年完成投资3亿元。  2 招商引资有突破。新引进企业4家。\n');
    const [first, second] = findingsOf('ordinal-style', source);
    assert.deepEqual([first.text, second.text], ['1 ', '2 ']);
    assert.match(first.message, /“1”应写作“1\.”/);
    assert.equal(applyFix(source, first.finding), source.replace('1 经济', '1.经济'));
    const insideMarks = (at: number) => [first, second].some((mark) => at >= mark.finding.start && at < mark.finding.end);
    assert.deepEqual(findingsOf('punctuation', source).filter((seen) => insideMarks(seen.finding.start)), []);
  });

  it('leaves a list written in one paragraph and quantities copied with spaces alone', () => {
    assert.deepEqual(marks(REPORT('主要做法：一、加强学习；二、改进作风；三、狠抓落实。\n')), []);
    assert.deepEqual(marks(REPORT('主要做法有三条。1、加强学习；2、改进作风；3、狠抓落实。\n')), []);
    assert.deepEqual(marks(REPORT('一、主要做法\n\n全年完成投资3亿元。 3 个项目已开工。 4 个项目在建。\n')), []);
    // Items of a list under a numbered paragraph end their clause with ；, not with a heading's full stop.
    assert.deepEqual(marks(REPORT('一、主要做法。1、加强学习；2、改进作风；3、狠抓落实。\n')), []);
    // One bare number is no run: it may be a quantity that lost its unit.
    assert.deepEqual(marks(REPORT('一、主要做法  全年任务全部完成。  1 项目进展顺利。\n')), []);
  });

  it('reads 一） at a line start as （一） that lost its opening bracket, and says it once', () => {
    const source = REPORT('一、主要举措\n\n一）深入学习法治思想\n\n全年组织学法4次。\n');
    const [seen] = findingsOf('ordinal-style', source);
    assert.equal(seen.text, '一）');
    assert.match(seen.message, /“一）”应写作“（一）”/);
    assert.equal(applyFix(source, seen.finding), source.replace('一）深入', '（一）深入'));
    assert.deepEqual(findingsOf('punctuation', source).map((found) => found.text), []);
  });
});

describe('ordinal-style on a first-level heading that lost its 、', () => {
  const marks = (source: string) => findingsOf('ordinal-style', source).map((seen) => seen.text);

  it('reads 四以…… as 四、 where it follows 三、 and opens a （一）', () => {
    const source = REPORT('一、加强党建\n\n全年学习40次。\n\n二、优化服务\n\n全年办件300件。\n\n三、抓实产业\n\n（一）做强茶叶。全年新增茶园800亩。\n\n四以美丽乡村为抓手，人居环境持续改善。\n\n（一）整治村容村貌。全年拆除危旧房40间。\n');
    const [seen] = findingsOf('ordinal-style', source);
    assert.equal(seen.text, '四');
    assert.match(seen.message, /“四”应写作“四、”/);
    assert.equal(applyFix(source, seen.finding), source.replace('四以美丽', '四、以美丽'));
    assert.deepEqual(findingsOf('heading-sequence', source), []);
  });

  it('reads it so in an excerpt that begins under an earlier part (second-level headings before it)', () => {
    assert.deepEqual(marks(REPORT('（五）环境整治成效明显。全年清理背街小巷12条。\n\n四以建设平安社区为重点，社区治理稳步提升。\n\n（一）强化政务服务。建成服务大厅1个。\n')), ['四']);
  });

  it('leaves words that start with a numeral, lines that open no （一） and numbers out of sequence alone', () => {
    const after = (line: string) => REPORT(`三、抓实产业\n\n（一）做强茶叶。全年新增茶园800亩。\n\n${line}\n\n（一）整治村容村貌。全年拆除危旧房40间。\n`);
    assert.deepEqual(marks(after('四个意识不断增强，班子团结有力。')), []);
    assert.deepEqual(marks(after('三年来，全镇人居环境持续改善。')), []);
    assert.deepEqual(marks(after('四是以美丽乡村为抓手，人居环境持续改善。')), []);
    assert.deepEqual(marks(after('六以美丽乡村为抓手，人居环境持续改善。')), []);
    assert.deepEqual(marks(REPORT('三、抓实产业\n\n（一）做强茶叶。\n\n四以美丽乡村为抓手，人居环境持续改善。\n\n全年拆除危旧房40间。\n')), []);
  });
});
