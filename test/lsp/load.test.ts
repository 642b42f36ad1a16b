import { strict as assert } from 'node:assert';
import { LspHarness } from './harness';
import { runLoad } from './load';
import { HOSTILE_SHAPES } from './shapes';

describe('language server under load', function () {
  this.timeout(300000);

  it('200 documents, 2,000 rapid edits: every final diagnostic set equals the core\'s', async () => {
    const figures = await runLoad(200, 2000);
    assert.deepEqual(figures.mismatches, []);
  });

  it('answers completion while a 400,000-character draft of every once-slow shape is being checked', async () => {
    const server = new LspHarness();
    try {
      await server.initialize();
      const complete = await server.completionProbe();
      const late: string[] = [];
      // Each shape at 400,000 characters, and setext headings at the 52,000 that once blocked every request for seconds.
      const drafts: Array<[string, string]> = Object.entries(HOSTILE_SHAPES).map(([name, make]) => [name, make(400_000)]);
      drafts.push(['setext headings, 52,000 characters', HOSTILE_SHAPES['setext headings 标题/---'](52_000)]);
      for (const [name, text] of drafts) {
        const uri = `untitled:${encodeURIComponent(name)}`;
        const order: string[] = [];
        await server.open(uri, text);
        const published = server.diagnostics(uri, () => true, 120000).then(() => order.push('diagnostics'));
        const completion = complete().then((items) => order.push(Array.isArray(items) && items.length > 0 ? 'completion' : 'empty completion'));
        await Promise.all([published, completion]);
        if (order.join() !== 'completion,diagnostics') late.push(`${name}: ${order.join(' before ')}`);
        await server.close(uri);
      }
      assert.deepEqual(late, [], 'completion waited for the check of these shapes');
    } finally {
      await server.dispose();
    }
  });
});
