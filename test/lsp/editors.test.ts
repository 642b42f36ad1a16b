import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DidSaveTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { LspHarness } from './harness';

const DRAFT = '2024年度述职报告\n\n一、主要做法\n\n1、抓学习，投入资金X万元。\n\n2、抓队伍。内容。\n\n二、存在问题\n\n问题。\n\n三、下步打算\n\n打算。\n';
const rulesOf = (diagnostics: Array<{ code?: unknown }>) => new Set(diagnostics.map((diagnostic) => String(diagnostic.code)));

/** Clients other than VS Code: settings pushed or given at start, no file watching, odd answers. */
describe('language server with every kind of client', function () {
  this.timeout(30000);
  let server: LspHarness;
  afterEach(async () => server?.dispose());

  it('takes settings from initializationOptions from a client that neither declares nor answers workspace/configuration', async () => {
    server = new LspHarness();
    await server.initialize({ shuzhi: { rules: { 'ordinal-style': 'off' } } }, false);
    await server.open('untitled:a', DRAFT);
    const rules = rulesOf((await server.diagnostics('untitled:a')).diagnostics);
    assert.ok(rules.has('placeholder') && !rules.has('ordinal-style'), [...rules].join());
  });

  it('takes settings sent with didChangeConfiguration, and checks a note once scope is all', async () => {
    server = new LspHarness();
    await server.initialize(undefined, false);
    const note = '会议记录\n\n今天讨论了下周安排，投入资金X万元。\n';
    await server.open('untitled:note', note);
    assert.equal((await server.diagnostics('untitled:note')).diagnostics.length, 0);
    await server.pushSettings({ scope: 'all', debounceMs: 0 });
    const { diagnostics } = await server.diagnostics('untitled:note', (params) => params.diagnostics.length > 0);
    assert.ok(rulesOf(diagnostics).has('placeholder'));
  });

  it('checks at once on open, whatever the typing debounce', async () => {
    server = new LspHarness();
    server.settings = { debounceMs: 5000, scope: 'all' };
    await server.initialize();
    const opened = Date.now();
    await server.open('untitled:fast', DRAFT);
    await server.diagnostics('untitled:fast', (params) => params.diagnostics.length > 0, 4000);
    assert.ok(Date.now() - opened < 4000);
  });

  it('re-reads a changed .shuzhirc.json on save when the client does not watch files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shuzhi-fresh-'));
    try {
      server = new LspHarness();
      await server.initialize(undefined, false);
      const uri = pathToFileURL(join(folder, 'draft.md')).toString();
      await server.open(uri, DRAFT);
      assert.ok(rulesOf((await server.diagnostics(uri)).diagnostics).has('ordinal-style'));
      writeFileSync(join(folder, '.shuzhirc.json'), JSON.stringify({ rules: { 'ordinal-style': 'off' } }));
      await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
      const { diagnostics } = await server.diagnostics(uri, (params) => !rulesOf(params.diagnostics).has('ordinal-style'));
      assert.ok(rulesOf(diagnostics).has('placeholder'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  for (const behaviour of ['error', 'silent'] as const) {
    it(`keeps working with a client that ${behaviour === 'error' ? 'answers every server request with an error' : 'never answers the server\'s requests'}`, async () => {
      server = new LspHarness(behaviour);
      await server.initialize();
      await server.open('untitled:odd', DRAFT);
      const { diagnostics } = await server.diagnostics('untitled:odd', () => true, 10000);
      assert.ok(rulesOf(diagnostics).has('placeholder'));
    });
  }

  it('answers the generic source.fixAll kind, and offers one pair of disable actions per rule and line', async () => {
    server = new LspHarness();
    await server.initialize();
    const text = '2024年度述职报告\n\n一、主要做法\n\n新发展党员X名，投入资金XX万元。\n\n三、存在问题\n\n问题。\n';
    await server.open('untitled:fix', text);
    const { diagnostics } = await server.diagnostics('untitled:fix');
    const generic = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: 'untitled:fix' }, range: diagnostics[0].range, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(generic?.length, 1);
    const line = diagnostics.filter((diagnostic) => diagnostic.code === 'placeholder');
    assert.equal(line.length, 2);
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: 'untitled:fix' }, range: line[0].range, context: { diagnostics: line, only: ['quickfix'] },
    });
    assert.deepEqual(actions!.map((action) => action.title), ['在这一行停用“占位符”检查', '在本文件停用“占位符”检查']);
  });

  it('starts over stdio when run as shuzhi-language-server with no argument', async () => {
    server = new LspHarness('answer', []);
    await server.initialize();
    await server.open('untitled:bin', DRAFT);
    assert.ok((await server.diagnostics('untitled:bin')).diagnostics.length > 0);
  });
});

describe('language server with a huge file', function () {
  this.timeout(120000);

  it('checks a file of over a million characters on open and save, not per keystroke, and says so', async () => {
    const server = new LspHarness();
    try {
      await server.initialize();
      const status = new Promise<{ note?: string }>((resolve) => server.connection.onNotification('shuzhi/status', resolve));
      const text = `2024年度述职报告\n\n${'今年以来认真履行职责。\n'.repeat(100_000)}`;
      await server.open('untitled:huge', text);
      await server.diagnostics('untitled:huge', (params) => params.version === 1, 60000);
      assert.match((await status).note ?? '', /输入时不检查/);
      await server.edit('untitled:huge', 2, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, '投入资金万元。');
      await server.save('untitled:huge');
      const { diagnostics } = await server.diagnostics('untitled:huge', (params) => params.version === 2, 60000);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'missing-number'));
    } finally {
      await server.dispose();
    }
  });
});
