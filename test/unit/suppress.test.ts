import { strict as assert } from 'node:assert';
import { findingsOf, REPORT } from './helpers';

describe('inline comments', () => {
  const source = REPORT('新发展党员X名。\n<!-- shuzhi-disable-next-line placeholder -->\n投入资金X万元。\n<!-- shuzhi-disable -->\n选派X名干部。\n<!-- shuzhi-enable -->\n走访X户。\n');

  it('turns rules off for the next line and for a stretch, then on again', () => {
    assert.deepEqual(findingsOf('placeholder', source).map((seen) => seen.message.slice(0, 10)), ['占位符“X”尚未填写', '占位符“X”尚未填写']);
    const lines = findingsOf('placeholder', source).map((seen) => source.slice(0, seen.finding.start).split('\n').length);
    assert.deepEqual(lines, [3, 9]);
  });
});
