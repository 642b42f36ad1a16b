import { strict as assert } from 'node:assert';
import { applyFix, findingsOf, REPORT, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

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

testRule('enumeration-sequence', {
  valid: [
    WORD_PASTE('　　一是加强学习；二是强化监督；三是改进作风。\r\n'),
    WORD_PASTE('　　坚持统一是前提，唯一是标准。第一书记第一时间到位。\r\n'),
    WORD_PASTE('　　这项工作难度不小。因为一是涉及的群众多，诉求各不相同，协调起来费时费力。二是全镇600多户要一次安置到位。\r\n'),
  ],
  invalid: [
    {
      text: WORD_PASTE('　　一是加强学习；二是强化监督；二是改进作风；五是严格考核。\r\n'),
      found: ['二是', '五是'],
      messages: [/重复/, /跳号/],
      output: WORD_PASTE('　　一是加强学习；二是强化监督；三是改进作风；四是严格考核。\r\n'),
    },
    {
      text: WORD_PASTE('第一，要学习。第二，要落实。第四，要担当。\r\n'),
      found: ['第四'],
      output: WORD_PASTE('第一，要学习。第二，要落实。第三，要担当。\r\n'),
    },
  ],
});
