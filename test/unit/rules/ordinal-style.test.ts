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
