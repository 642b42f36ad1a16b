import { strict as assert } from 'node:assert';
import { findingsOf, REPORT, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

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

testRule('empty-section', {
  valid: [WORD_PASTE('一、主要做法\r\n（一）完善制度体系。基础不牢，地动山摇。\r\n（二）全面推行清单管理。\r\n')],
  invalid: [
    { text: WORD_PASTE('一、主要做法\r\n（一）抓学习\r\n（二）抓队伍\r\n　　队伍建设情况。\r\n'), found: ['（一）抓学习'], messages: [/下没有内容/] },
  ],
});
