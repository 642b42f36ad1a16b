import { strict as assert } from 'node:assert';
import { LspHarness } from './harness';

const URI = 'file:///tmp/shuzhi-lexicon/draft.md';
const DRAFT = '2024年度述职报告\n\n　　做为党支部书记，我深知部分村级班子较为痪散，全镇全镇党员12名。\n';

describe('language server: the dictionary is read after the first diagnostics', function () {
  let server: LspHarness;
  before(async () => {
    server = new LspHarness();
    await server.initialize();
  });
  after(() => server.dispose());

  it('publishes the checks that need no dictionary at once, then the word-based ones when it is ready', async () => {
    await server.open(URI, DRAFT);
    const first = await server.diagnostics(URI);
    const WORDING = new Set(['typo', 'duplicate-text']);
    const rules = (params: typeof first) => params.diagnostics.filter((diagnostic) => WORDING.has(String(diagnostic.code))).map((diagnostic) => `${diagnostic.code} ${DRAFT.split('\n')[diagnostic.range.start.line].slice(diagnostic.range.start.character, diagnostic.range.end.character)}`);
    assert.deepEqual(rules(first), ['typo 做为']);
    const later = await server.diagnostics(URI, (params) => rules(params).length > 1);
    assert.deepEqual(rules(later), ['typo 做为', 'typo 痪散', 'duplicate-text 全镇全镇']);
  });
});
