import { strict as assert } from 'node:assert';
import { applyFix, findingsOf, REPORT, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

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

  it('fixes the marks of the heading itself in a draft with old Mac line endings (CR only)', () => {
    const source = '# 2024年度述职报告\r\r## 一、主要做法\r\r## （一）抓学习\r\r内容。\r\r## （二）抓队伍\r\r内容。\r\r## 二、存在问题\r\r问题。\r';
    const found = findingsOf('heading-hierarchy', source);
    assert.match(found[0].message, /应使用“###”/);
    assert.equal(applyFix(source, found[0].finding), source.replace('## （一）', '### （一）'));
  });

  it('offers no fix for a setext heading, which has no # marks to change', () => {
    const source = '# （一）抓学习\r（二）抓队伍\n---\n\n内容。\n';
    const found = findingsOf('heading-hierarchy', source);
    assert.ok(found.length > 0);
    for (const { finding } of found) assert.equal(finding.fix, undefined);
  });
});

testRule('heading-hierarchy', {
  valid: [WORD_PASTE('一、主要做法\r\n1.抓学习。内容。\r\n2.抓队伍。内容。\r\n二、存在问题\r\n（一）学习不深。\r\n（二）作风不实。\r\n')],
  invalid: [
    {
      text: WORD_PASTE('一、主要做法\r\n1.抓学习。内容。\r\n2.抓队伍。内容。\r\n（一）抓作风。内容。\r\n（二）抓纪律。内容。\r\n二、存在问题\r\n'),
      found: ['（一）'],
      messages: [/层级颠倒/],
    },
    {
      text: '# 2024年度述职报告\n\n## 一、主要做法\n\n## （一）抓学习\n\n内容。\n\n## （二）抓队伍\n\n内容。\n\n## 二、存在问题\n',
      found: ['（一）抓学习', '（二）抓队伍'],
      messages: [/应使用“###”/],
      output: '# 2024年度述职报告\n\n## 一、主要做法\n\n### （一）抓学习\n\n内容。\n\n### （二）抓队伍\n\n内容。\n\n## 二、存在问题\n',
    },
  ],
});
