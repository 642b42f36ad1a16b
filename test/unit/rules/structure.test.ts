import { strict as assert } from 'node:assert';
import { applyFix, findingsOf } from '../helpers';

const REPORT = (body: string) => `2024年度述职报告\n\n${body}`;

describe('required-section', () => {
  it('names the missing parts once, at the title, with accepted headings', () => {
    const source = REPORT('一、主要工作\n\n全年完成各项任务。\n\n二、下步打算\n\n继续努力。\n');
    const found = findingsOf('required-section', source);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, '2024年度述职报告');
    assert.match(found[0].message, /缺少“存在问题”部分/);
    assert.match(found[0].message, /存在的问题/);
  });

  it('matches headings by synonyms, with and without #, combined headings too', () => {
    const source = '# 2024年度述职报告\n\n## 一、履职尽责情况\n\n做了工作。\n\n## 二、存在的不足及下一步打算\n\n还有不足。\n';
    assert.deepEqual(findingsOf('required-section', source), []);
  });

  it('uses the genre from front matter and reports its parts', () => {
    const source = '---\nprofile: 对照检查材料\n---\n个人发言提纲\n\n一、查摆的问题\n\n问题。\n';
    const [seen] = findingsOf('required-section', source);
    assert.match(seen.message, /对照检查材料缺少“原因剖析”“整改措施”部分/);
  });

  it('takes topical sections before the named ones as the first part', () => {
    const source = REPORT('一、抓党建促发展\n\n做法。\n\n二、抓产业强基础\n\n做法。\n\n三、存在问题\n\n问题。\n\n四、下步打算\n\n打算。\n');
    assert.deepEqual(findingsOf('required-section', source), []);
    assert.deepEqual(findingsOf('section-order', source), []);
    const noProblems = REPORT('一、抓党建促发展\n\n做法。\n\n二、下步打算\n\n打算。\n');
    assert.match(findingsOf('required-section', noProblems)[0].message, /缺少“存在问题”部分/);
  });

  it('stays quiet when no genre is detected', () => {
    assert.deepEqual(findingsOf('required-section', '会议纪要\n\n一、会议内容\n\n内容。\n'), []);
  });

  it('accepts extra synonyms from configuration', () => {
    const source = REPORT('一、工作回顾\n\n做了工作。\n\n二、存在问题\n\n问题。\n\n三、明年思路\n\n思路。\n');
    assert.equal(findingsOf('required-section', source, { synonyms: { 述职报告: { work: ['工作回顾'] } } }).length, 0);
  });
});

describe('section-order', () => {
  it('reports a part placed before the part it should follow', () => {
    const source = REPORT('一、存在问题\n\n问题。\n\n二、主要做法\n\n做法。\n\n三、下步打算\n\n打算。\n');
    const found = findingsOf('section-order', source);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, '一、存在问题');
    assert.match(found[0].message, /“存在问题”部分应放在“主要做法”之后/);
  });

  it('leaves the conventional order alone', () => {
    const source = REPORT('一、主要做法\n\n做法。\n\n二、存在问题\n\n问题。\n\n三、下步打算\n\n打算。\n');
    assert.deepEqual(findingsOf('section-order', source), []);
  });
});

describe('empty-section', () => {
  it('reports a heading followed directly by one of the same level', () => {
    const source = REPORT('一、主要做法\n\n（一）抓学习\n\n（二）抓队伍\n\n队伍建设情况。\n');
    assert.deepEqual(findingsOf('empty-section', source).map((seen) => seen.text), ['（一）抓学习']);
  });

  it('accepts run-in headings, full-sentence items and headings with sub-sections', () => {
    const source = REPORT('一、主要做法\n（一）完善制度体系，夯实工作基础。基础不牢，地动山摇。\n（二）全面推行清单管理。\n');
    assert.deepEqual(findingsOf('empty-section', source), []);
  });
});

describe('heading-sequence', () => {
  it('reports a gap and renumbers the run', () => {
    const source = REPORT('一、主要做法\n\n做法。\n\n二、存在问题\n\n问题。\n\n四、下步打算\n\n打算。\n');
    const [seen] = findingsOf('heading-sequence', source);
    assert.equal(seen.text, '四、');
    assert.match(seen.message, /“二、”之后应为“三、”/);
    assert.match(applyFix(source, seen.finding), /三、下步打算/);
  });

  it('reports a repeat and a run that does not restart under a new parent', () => {
    const source = REPORT('一、主要做法\n（一）抓学习。内容。\n（一）抓队伍。内容。\n二、存在问题\n（三）学习不够。内容。\n（四）作风不实。内容。\n');
    const found = findingsOf('heading-sequence', source);
    assert.deepEqual(found.map((seen) => seen.text), ['（一）', '（三）']);
    assert.match(found[0].message, /重复/);
    assert.match(found[1].message, /应从“（一）”开始/);
    const fixed = applyFix(source, found[1].finding);
    assert.match(fixed, /（一）学习不够/);
    assert.match(fixed, /（二）作风不实/);
  });

  it('leaves correct numbering alone, including Arabic and bracketed levels', () => {
    const source = REPORT('一、主要做法\n（一）抓学习\n1.读原文。\n2.写体会。\n（二）抓队伍\n（1）选干部。\n（2）育人才。\n二、存在问题\n问题。\n三、下步打算\n打算。\n');
    assert.deepEqual(findingsOf('heading-sequence', source), []);
  });
});

describe('heading-hierarchy', () => {
  it('allows a level skipped going down, as most guides do for short documents', () => {
    const source = REPORT('一、主要做法\n1.抓学习。内容。\n2.抓队伍。内容。\n二、存在问题\n（一）学习不深。\n（二）作风不实。\n');
    assert.deepEqual(findingsOf('heading-hierarchy', source), []);
    assert.deepEqual(findingsOf('heading-hierarchy', '（一）抓学习。内容。\n（二）抓队伍。内容。\n'), []);
  });

  it('reports a skipped level going down when strictHierarchy is on', () => {
    const source = REPORT('一、主要做法\n1.抓学习。内容。\n2.抓队伍。内容。\n二、存在问题\n问题。\n');
    const found = findingsOf('heading-hierarchy', source, { strictHierarchy: true });
    assert.deepEqual(found.map((seen) => seen.text), ['1.']);
    assert.match(found[0].message, /中间缺少“（一）”一级/);
  });

  it('reports levels used in reverse order (1. then （一） in the same part)', () => {
    const source = REPORT('一、主要做法\n1.抓学习。内容。\n2.抓队伍。内容。\n（一）抓作风。内容。\n（二）抓纪律。内容。\n二、存在问题\n问题。\n');
    const found = findingsOf('heading-hierarchy', source);
    assert.deepEqual(found.map((seen) => seen.text), ['（一）']);
    assert.match(found[0].message, /层级颠倒/);
  });

  it('reports a lone （一） with no （二）', () => {
    const source = REPORT('一、主要做法\n（一）抓学习\n内容。\n二、存在问题\n问题。\n');
    const messages = findingsOf('heading-hierarchy', source).map((seen) => seen.message);
    assert.ok(messages.some((message) => /只有“（一）”没有“（二）”/.test(message)));
  });

  it('reports a Markdown depth that contradicts the ordinal, with a fix', () => {
    const source = '# 2024年度述职报告\n\n## 一、主要做法\n\n## （一）抓学习\n\n内容。\n\n## （二）抓队伍\n\n内容。\n\n## 二、存在问题\n\n问题。\n';
    const found = findingsOf('heading-hierarchy', source);
    assert.equal(found.length, 2);
    assert.match(found[0].message, /应使用“###”/);
    assert.match(applyFix(source, found[0].finding), /### （一）抓学习/);
  });
});

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

describe('enumeration-sequence', () => {
  it('reports a gap within a paragraph and renumbers the run', () => {
    const source = REPORT('一是加强学习；三是强化监督；四是改进作风。\n');
    const found = findingsOf('enumeration-sequence', source);
    assert.deepEqual(found.map((seen) => seen.text), ['三是']);
    assert.equal(applyFix(source, found[0].finding), REPORT('一是加强学习；二是强化监督；三是改进作风。\n'));
  });

  it('follows a run across paragraphs and restarts it at a new 一是 or heading', () => {
    const source = REPORT('（一）学习\n一是读原文。\n二是写体会。\n（二）队伍\n一是选干部。\n二是育人才。\n一是新的一组。\n三是跳号了。\n');
    assert.deepEqual(findingsOf('enumeration-sequence', source).map((seen) => seen.text), ['三是']);
  });

  it('checks 第一，第二， and 首先、其次 runs', () => {
    const found = findingsOf('enumeration-sequence', REPORT('第一，要学习。第三，要落实。其次，要团结。首先，要担当。\n'));
    assert.deepEqual(found.map((seen) => seen.text), ['第三', '其次', '首先']);
    assert.match(found[1].message, /倒退/);
    assert.match(found[2].message, /倒退/);
  });

  it('reads 首先……其次……第三 as one run, as real reports mix them', () => {
    const source = REPORT('市纪委首先严把审核关。其次，抓好牵头部门。第三，实行工作月报告。\n');
    assert.deepEqual(findingsOf('enumeration-sequence', source), []);
    const [seen] = findingsOf('enumeration-sequence', REPORT('工作中，其次要抓好落实。\n'));
    assert.match(seen.message, /“其次”之前没有“首先”或“第一”/);
  });

  it('reports 一是 used as a heading', () => {
    const found = findingsOf('enumeration-sequence', REPORT('一是加强理论学习\n全年学习12次。\n二是加强队伍建设\n全年培训3次。\n'));
    assert.equal(found.length, 2);
    assert.match(found[0].message, /不能用作标题/);
  });

  it('does not take a hard-wrapped line that starts with 一是 for a heading', () => {
    const source = REPORT('一是理论学习的转化效果不彻底。班子在组织学习党的二十\n届四中全会精神时，思考不深。\n二是政治风险的洞察能力不敏锐。对意识形态领域的复杂性\n认识不足。\n');
    assert.deepEqual(findingsOf('enumeration-sequence', source), []);
  });

  it('leaves words that only look like markers alone', () => {
    const source = REPORT('坚持统一是前提，唯一是标准，一是一、二是二。第一书记第一时间到位。最后一公里要打通。\n');
    assert.deepEqual(findingsOf('enumeration-sequence', source), []);
  });
});

describe('inline comments', () => {
  const source = REPORT('新发展党员X名。\n<!-- shuzhi-disable-next-line placeholder -->\n投入资金X万元。\n<!-- shuzhi-disable -->\n选派X名干部。\n<!-- shuzhi-enable -->\n走访X户。\n');

  it('turns rules off for the next line and for a stretch, then on again', () => {
    assert.deepEqual(findingsOf('placeholder', source).map((seen) => seen.message.slice(0, 10)), ['占位符“X”尚未填写', '占位符“X”尚未填写']);
    const lines = findingsOf('placeholder', source).map((seen) => source.slice(0, seen.finding.start).split('\n').length);
    assert.deepEqual(lines, [3, 9]);
  });
});

describe('front-matter', () => {
  it('reports YAML it cannot read, naming the problem', () => {
    const source = '---\nprofile: 述职报告\nauthor 李明\n  date: [\n---\n2024年度述职报告\n';
    const [seen] = findingsOf('front-matter', source);
    assert.match(seen.message, /不是有效的 YAML/);
    assert.equal(seen.finding.start, 0);
  });

  it('reports an unknown genre and lists the known ones', () => {
    const [seen] = findingsOf('front-matter', '---\nprofile: 述职报吿\n---\n2024年度述职报告\n');
    assert.match(seen.message, /profile “述职报吿”不是已知文种：可用 述责述廉报告、述法报告、对照检查材料、年度工作总结、述职报告/);
  });

  it('accepts known genres, genres from configuration and front matter without a profile', () => {
    assert.deepEqual(findingsOf('front-matter', '---\nprofile: 年度工作总结\nauthor: 李明\ndate: 2025-01-08\n---\n标题\n'), []);
    assert.deepEqual(findingsOf('front-matter', '---\nauthor: 李明\n---\n标题\n'), []);
    const genres = [{ id: '调研报告', titles: ['调研报告'], sections: [{ id: 'status', name: '基本情况', synonyms: ['基本情况'] }] }];
    assert.deepEqual(findingsOf('front-matter', '---\nprofile: 调研报告\n---\n标题\n', { genres }), []);
  });
});
