import { strict as assert } from 'node:assert';
import { applyFix, findingsOf, REPORT, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

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

testRule('heading-sequence', {
  valid: [
    WORD_PASTE('一、主要做法\r\n（一）抓学习\r\n　　1.读原文。\r\n　　2.写体会。\r\n（二）抓队伍\r\n二、存在问题\r\n　　问题。\r\n三、下步打算\r\n　　打算。\r\n'),
    '# 2024年度述职报告\n\n## 一、主要做法\n\n### （一）抓学习\n\n内容。\n\n### （二）抓队伍\n\n内容。\n',
  ],
  invalid: [
    {
      text: WORD_PASTE('一、主要做法\r\n　　做法。\r\n二、存在问题\r\n　　问题。\r\n四、下步打算\r\n　　打算。\r\n'),
      found: ['四、'],
      messages: [/“二、”之后应为“三、”/],
      output: WORD_PASTE('一、主要做法\r\n　　做法。\r\n二、存在问题\r\n　　问题。\r\n三、下步打算\r\n　　打算。\r\n'),
    },
    {
      text: WORD_PASTE('一、主要做法\r\n（一）抓学习。内容。\r\n（二）抓队伍。内容。\r\n（二）抓作风。内容。\r\n'),
      found: ['（二）'],
      messages: [/重复/],
      output: WORD_PASTE('一、主要做法\r\n（一）抓学习。内容。\r\n（二）抓队伍。内容。\r\n（三）抓作风。内容。\r\n'),
    },
    {
      text: WORD_PASTE('一、主要做法\r\n1.读原文。\r\n3.写体会。\r\n4.讲党课。\r\n'),
      found: ['3.'],
      output: WORD_PASTE('一、主要做法\r\n1.读原文。\r\n2.写体会。\r\n3.讲党课。\r\n'),
    },
  ],
});
