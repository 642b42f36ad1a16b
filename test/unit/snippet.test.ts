import { strict as assert } from 'node:assert';
import { quoteAround } from '../../server/src/core/features/snippet';
import { findingsOf } from './helpers';

describe('quoted clauses in messages', () => {
  it('never start or end inside a number or a Latin word', () => {
    const text = '2024年度XX镇党委书记';
    assert.equal(quoteAround(text, 6, 8, 5, 3), '2024年度XX镇党委');
    assert.equal(quoteAround('村“两委”干部中35岁以下的占%。', 15, 16, 6, 0), '35岁以下的占%');
    assert.equal(quoteAround('使用WindowsServer系统X台', 17, 18, 3, 1), 'WindowsServer系统X台');
    const long = '使用InternationalBusinessMachines系统X台';
    assert.equal(quoteAround(long, long.indexOf('X'), long.indexOf('X') + 1, 3, 1), '系统X台');
  });

  it('shows whole numbers in real findings', () => {
    const [seen] = findingsOf('missing-number', '2024年度述职报告\n\n村“两委”干部中35岁以下的占%，大专以上学历的占52.3%。\n');
    assert.match(seen.message, /“35岁以下的占%”/);
  });
});
