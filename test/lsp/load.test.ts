import { strict as assert } from 'node:assert';
import { runLoad } from './load';

describe('language server under load', function () {
  this.timeout(300000);

  it('200 documents, 2,000 rapid edits: every final diagnostic set equals the core\'s', async () => {
    const figures = await runLoad(200, 2000);
    assert.deepEqual(figures.mismatches, []);
  });
});
