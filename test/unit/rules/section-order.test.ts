import { strict as assert } from 'node:assert';
import { findingsOf, REPORT, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

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

testRule('section-order', {
  valid: [WORD_PASTE('一、主要做法\r\n　　做法。\r\n二、存在问题\r\n　　问题。\r\n三、下步打算\r\n　　打算。\r\n')],
  invalid: [
    {
      text: WORD_PASTE('一、下步打算\r\n　　打算。\r\n二、主要做法\r\n　　做法。\r\n三、存在问题\r\n　　问题。\r\n'),
      found: ['一、下步打算'],
      messages: [/“下步打算”部分应放在“存在问题”之后/],
    },
  ],
});
