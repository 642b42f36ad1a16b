import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, type Diagnostic, DidChangeWatchedFilesNotification,
  DocumentSymbolRequest, FoldingRangeRequest,
  type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { draftLength } from '../../server/src/core/features/length';
import { lint } from '../../server/src/core/engine/lint';
import { prepareExport } from '../../server/src/export/prepare';
import type { PagesResult, StatusParams } from '../../server/src/protocol';
import { RULE_NAMES } from '../../server/src/lsp/convert';
import { draftNameFor, wordViewUri } from '../../server/src/protocol';
import { LspHarness } from './harness';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'report-draft.md');
const URI = pathToFileURL(EXAMPLE).toString();

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 0, text), edits);
}

describe('language server over stdio', function () {
  let server: LspHarness;
  const text = readFileSync(EXAMPLE, 'utf8');

  before(async () => {
    server = new LspHarness();
    await server.initialize();
  });
  after(() => server.dispose());

  it('publishes diagnostics for the example draft with rule ids, ranges and docs links', async () => {
    await server.open(URI, text);
    const { diagnostics } = await server.diagnostics(URI);
    const codes = new Set(diagnostics.map((diagnostic) => diagnostic.code));
    for (const rule of ['placeholder', 'missing-number', 'heading-sequence', 'ordinal-style', 'enumeration-sequence']) {
      assert.ok(codes.has(rule), `expected a ${rule} diagnostic`);
    }
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === `shuzhi·${RULE_NAMES.get(String(diagnostic.code))}`), 'the source names the rule in Chinese beside its id');
    const lesson = diagnostics.find((diagnostic) => diagnostic.code === 'missing-number')!;
    // 讲授专题党课次 on line 7 (0-based 6); UTF-16 columns, the ideographic-space indent counts as one unit.
    assert.equal(lesson.range.start.line, 6);
    assert.equal(text.split('\n')[6].slice(lesson.range.start.character, lesson.range.end.character), '次');
    assert.match(lesson.codeDescription!.href, /docs\/rules\/missing-number\.md$/);
  });

  it('follows edits: a filled number clears its finding', async () => {
    const edited = text.replace('讲授专题党课次', '讲授专题党课4次');
    await server.change(URI, 2, edited);
    const { diagnostics } = await server.diagnostics(URI, (params) => params.version === 2);
    const messages = diagnostics.map((diagnostic) => String(diagnostic.message));
    assert.ok(!messages.some((message) => message.includes('专题党课次')));
    assert.ok(messages.some((message) => message.includes('党员名')));
  });

  it('offers a quick fix whose edit renumbers the headings, and a fix-all', async () => {
    const current = text.replace('讲授专题党课次', '讲授专题党课4次');
    const all = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 18, character: 0 }, end: { line: 18, character: 2 } },
      context: { diagnostics: [], only: ['source.fixAll.shuzhi'] },
    });
    assert.equal(all?.length, 1);
    const fixedAll = applyEdits(current, ((all![0] as { edit: WorkspaceEdit }).edit.changes![URI]));
    assert.match(fixedAll, /三、下步打算/);
    assert.match(fixedAll, /（三）坚持严管厚爱/);
    assert.match(fixedAll, /^1\.压紧压实责任/m);
    assert.match(fixedAll, /二是推行党员积分管理/);

    const published = await requestDiagnostics(server, URI, current);
    const sequence = published.find((diagnostic) => diagnostic.code === 'heading-sequence' && diagnostic.range.start.line === 18)!;
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: sequence.range,
      context: { diagnostics: [sequence], only: ['quickfix'] },
    });
    const titles = actions!.map((action) => action.title);
    assert.ok(titles.includes('将本组序号依次改为一、二、三、'), titles.join(' | '));
    assert.ok(titles.includes('在这一行停用“标题序号”检查'));
    assert.ok(titles.includes('在本文件停用“标题序号”检查'));
    const renumber = actions!.find((action) => action.title === '将本组序号依次改为一、二、三、') as { edit: WorkspaceEdit };
    assert.equal(applyEdits(current, renumber.edit.changes![URI]).split('\n')[18], '三、下步打算');
  });

  it('provides the report outline and folding ranges', async () => {
    const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } });
    const names = (symbols as Array<{ name: string; children?: Array<{ name: string }> }>).map((symbol) => symbol.name);
    assert.deepEqual(names, ['一、主要做法及成效', '二、存在问题', '四、下步打算']);
    const children = (symbols as Array<{ children: Array<{ name: string }> }>)[0].children.map((child) => child.name);
    assert.equal(children.length, 4);
    const folds = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    // 一、主要做法及成效 (line 5) folds down to the last paragraph of its section (line 13).
    assert.ok(folds!.some((fold) => fold.startLine === 4 && fold.endLine === 12));
  });

  it('re-checks when settings change', async () => {
    await server.configure({ debounceMs: 0, scope: 'all', rules: { placeholder: 'off' } });
    const { diagnostics } = await server.diagnostics(URI, (params) => !params.diagnostics.some((d) => d.code === 'placeholder'));
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'missing-number'));
    await server.configure({ debounceMs: 0, scope: 'all' });
  });

  it('sets the draft in pages for the page view, counts it in the status, and applies length limits from the settings', async () => {
    const final = join(__dirname, '..', '..', 'examples', 'report-final.md');
    const uri = pathToFileURL(final).toString();
    const finalText = readFileSync(final, 'utf8');
    const statuses: StatusParams[] = [];
    server.connection.onNotification('shuzhi/status', (params: StatusParams) => void statuses.push(params));
    await server.configure({ debounceMs: 0, scope: 'all', limits: { pages: 1 } });
    await server.open(uri, finalText);
    const { diagnostics } = await server.diagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'length'));
    const expected = draftLength(lint(finalText).model);
    assert.equal(expected.pages, 3);
    assert.match(String(diagnostics.find((diagnostic) => diagnostic.code === 'length')!.message), /^按导出的版式共 3 页，超过限额 1 页，多出 2 页。/);
    const result = await server.connection.sendRequest<PagesResult>('shuzhi/pages', { uri });
    assert.deepEqual(result.pages.map((page) => page.lines.map((line) => line.text)), expected.layout.pages.map((page) => page.lines.map((line) => line.text)));
    await server.publishedSoFar(uri);
    const last = statuses.filter((status) => status.uri === uri).at(-1)!;
    assert.deepEqual([last.length?.characters, last.length?.pages, last.length?.readingSpeed], [expected.characters, 3, 200]);
    server.connection.onNotification('shuzhi/status', () => undefined);
    await server.close(uri);
    await server.configure({ debounceMs: 0, scope: 'all' });
  });

  it('clears diagnostics and the status counts when checking is turned off', async () => {
    const statuses: Array<{ uri: string; isReport: boolean; counts: Record<string, number> }> = [];
    server.connection.onNotification('shuzhi/status', (params) => void statuses.push(params));
    await server.configure({ debounceMs: 0, scope: 'all', enable: false });
    await server.diagnostics(URI, (params) => params.diagnostics.length === 0);
    await server.publishedSoFar(URI);
    const last = statuses.filter((status) => status.uri === URI).at(-1)!;
    assert.equal(last.isReport, false);
    assert.deepEqual(Object.values(last.counts), [0, 0, 0, 0]);
    server.connection.onNotification('shuzhi/status', () => undefined);
    await server.configure({ debounceMs: 0, scope: 'all' });
    await server.diagnostics(URI, (params) => params.diagnostics.length > 0);
  });

  it('checks only on save when shuzhi.run is onSave', async () => {
    const uri = 'file:///drafts/on-save.md';
    await server.configure({ debounceMs: 0, scope: 'all', run: 'onSave' });
    await server.open(uri, '2024年度述职报告\n\n投入资金5万元。\n');
    assert.deepEqual((await server.diagnostics(uri)).diagnostics.filter((d) => d.code === 'missing-number'), []);
    await server.change(uri, 2, '2024年度述职报告\n\n投入资金万元。\n');
    assert.deepEqual(await server.publishedSoFar(uri, (params) => params.version === 2), [], 'checked while typing');
    await server.save(uri);
    const saved = await server.diagnostics(uri, (params) => params.version === 2);
    assert.ok(saved.diagnostics.some((diagnostic) => diagnostic.code === 'missing-number'));
    await server.close(uri);
    await server.configure({ debounceMs: 0, scope: 'all' });
  });

  it('leaves Markdown that is not a report alone by default (scope: reports)', async () => {
    const uri = 'file:///drafts/notes.md';
    await server.configure({ debounceMs: 0 });
    await server.open(uri, '# 会议记录\n\n待定事项：X名同志参加。\n');
    assert.deepEqual((await server.diagnostics(uri)).diagnostics, []);
    await server.change(uri, 2, '# 2024年度述职报告\n\n新发展党员X名。\n');
    const report = await server.diagnostics(uri, (params) => params.version === 2);
    assert.ok(report.diagnostics.some((diagnostic) => diagnostic.code === 'placeholder'));
    await server.close(uri);
    await server.configure({ debounceMs: 0, scope: 'all' });
  });

  it('survives binary-looking and huge text without crashing', async () => {
    const uri = 'untitled:noise';
    const noise = Array.from({ length: 20000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    await server.open(uri, noise);
    await server.diagnostics(uri);
    await server.open('untitled:long', '一、'.repeat(5000) + '（'.repeat(5000) + '\n'.repeat(3000));
    await server.diagnostics('untitled:long');
    await server.open('untitled:many', `2024年度述职报告\n\n${'投入资金万元。'.repeat(3000)}\n`);
    const { diagnostics } = await server.diagnostics('untitled:many');
    assert.equal(diagnostics.length, 2001);
    // 3,000 missing numbers, the missing parts and the missing signature: 3,002 findings.
    assert.match(String(diagnostics[2000].message), /只显示了前 2000 个，还有 1002 个未显示/);
  });

  it('keeps diagnostics small when a long run is misnumbered, and still offers the renumbering', async () => {
    const uri = 'untitled:thousand';
    // Every item written as 1.: 999 findings that share one renumbering of 999 edits.
    const headings = Array.from({ length: 1000 }, (_, i) => `1.第${i + 1}项工作。内容。`).join('\n');
    await server.open(uri, `2024年度述职报告\n\n一、主要做法\n\n${headings}\n`);
    const { diagnostics } = await server.diagnostics(uri);
    const sequence = diagnostics.filter((diagnostic) => diagnostic.code === 'heading-sequence');
    assert.equal(sequence.length, 999);
    assert.ok(JSON.stringify(diagnostics).length < 600_000, `${JSON.stringify(diagnostics).length} bytes published`);
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: sequence[0].range, context: { diagnostics: [sequence[0]], only: ['quickfix'] },
    });
    const renumber = actions!.find((action) => action.title.startsWith('将本组序号依次改为')) as { edit: WorkspaceEdit } | undefined;
    assert.ok(renumber, JSON.stringify(actions?.map((action) => action.title)));
    assert.equal(renumber.edit.changes![uri].length, 999);
  });

  it('reads the nearest .shuzhirc.json, reports a broken one once, and re-checks when it changes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shuzhi-lsp-'));
    const draftUri = pathToFileURL(join(folder, 'draft.md')).toString();
    const configPath = join(folder, '.shuzhirc.json');
    try {
      writeFileSync(configPath, '{ "rules": { "placeholder": "shout" } }');
      await server.open(draftUri, '2024年度述职报告\n\n新发展党员X名。\n');
      const broken = (await server.diagnostics(draftUri)).diagnostics;
      const configProblems = broken.filter((diagnostic) => diagnostic.code === 'config');
      assert.equal(configProblems.length, 1);
      assert.match(String(configProblems[0].message), /\.shuzhirc\.json 有误/);
      assert.ok(broken.some((diagnostic) => diagnostic.code === 'placeholder'), 'checking goes on with defaults');

      writeFileSync(configPath, '{ "rules": { "placeholder": "off" } }');
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(configPath).toString(), type: 2 }] });
      const fixed = await server.diagnostics(draftUri, (params) => !params.diagnostics.some((d) => d.code === 'config'));
      assert.ok(!fixed.diagnostics.some((diagnostic) => diagnostic.code === 'placeholder'));
      await server.close(draftUri);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('clears diagnostics when the draft is closed', async () => {
    server.clearPublished();
    await server.close(URI);
    const { diagnostics } = await server.diagnostics(URI);
    assert.deepEqual(diagnostics, []);
  });
});

/** Publishes the text as a new version and returns its diagnostics. */
let version = 10;
async function requestDiagnostics(server: LspHarness, uri: string, text: string): Promise<Diagnostic[]> {
  version += 1;
  const wanted = version;
  await server.change(uri, wanted, text);
  return (await server.diagnostics(uri, (params) => params.version === wanted)).diagnostics;
}

describe('language server with hostile configuration', function () {
  this.timeout(30000);
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'shuzhi-hostile-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('runs a catastrophic-backtracking pattern from .shuzhirc.json in linear time', async () => {
    const server = new LspHarness();
    try {
      await server.initialize();
      writeFileSync(join(folder, '.shuzhirc.json'), JSON.stringify({ placeholders: ['([^。]*)*待填'] }));
      const uri = pathToFileURL(join(folder, 'draft.md')).toString();
      await server.open(uri, `2024年度述职报告\n\n${'一'.repeat(30000)}a\n\n此处待填。\n`);
      const { diagnostics } = await server.diagnostics(uri);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'placeholder' && /待填/.test(String(diagnostic.message))));
    } finally {
      await server.dispose();
    }
  });

  it('leaves the workspace\'s patterns unused in an untrusted workspace, and says so', async () => {
    const server = new LspHarness();
    // The status follows the diagnostics it describes.
    const status = new Promise<{ note?: string }>((resolve) => server.connection.onNotification('shuzhi/status', resolve));
    try {
      await server.initialize({ trusted: false });
      writeFileSync(join(folder, '.shuzhirc.json'), JSON.stringify({ placeholders: ['待核实'] }));
      const uri = pathToFileURL(join(folder, 'draft.md')).toString();
      await server.open(uri, '2024年度述职报告\n\n此处数据待核实。\n');
      const { diagnostics } = await server.diagnostics(uri);
      assert.ok(!diagnostics.some((diagnostic) => /待核实/.test(String(diagnostic.message))), JSON.stringify(diagnostics));
      assert.match((await status).note ?? '', /受限模式/);
    } finally {
      await server.dispose();
    }
  });

  it('reports invalid editor settings once each and checks with the rest', async () => {
    const server = new LspHarness();
    try {
      await server.initialize();
      await server.configure({ debounceMs: 0, scope: 'all', rules: { placeholder: 'warn' }, placeholders: ['(a)\\1', '待核实'] });
      await server.open('untitled:settings', '2024年度述职报告\n\n此处数据待核实，新发展党员X名。\n');
      const { diagnostics } = await server.diagnostics('untitled:settings');
      const config = diagnostics.filter((diagnostic) => diagnostic.code === 'config').map((diagnostic) => String(diagnostic.message));
      assert.equal(config.length, 2, config.join(' | '));
      assert.ok(config.some((message) => /shuzhi.rules.placeholder 的值“warn” 必须是/.test(message)));
      assert.ok(config.some((message) => /不支持反向引用/.test(message)));
      const placeholders = diagnostics.filter((diagnostic) => diagnostic.code === 'placeholder');
      assert.equal(placeholders.length, 2);
      assert.ok(placeholders.every((diagnostic) => diagnostic.severity === 1), 'an invalid severity falls back to the default');
    } finally {
      await server.dispose();
    }
  });

  it('checks documents whose URI names no local file path (file://host/…, %2F)', async () => {
    const server = new LspHarness();
    try {
      await server.initialize();
      for (const uri of ['file://fileserver/share/draft.md', 'file:///tmp/a%2Fb.md']) {
        await server.open(uri, '2024年度述职报告\n\n新发展党员X名。\n');
        const { diagnostics } = await server.diagnostics(uri);
        assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'placeholder'), uri);
      }
    } finally {
      await server.dispose();
    }
  });
});

describe('language server with large drafts', function () {
  this.timeout(60000);
  // A filled report repeated past 100,000 characters: few findings, a check of a few hundred milliseconds.
  const base = readFileSync(join(__dirname, '..', 'fixtures', 'shuzhi-filled.md'), 'utf8');
  const large = Array.from({ length: Math.ceil(100_000 / base.length) }, () => base).join('\n\n');

  it('answers requests while a large draft is being checked, and an edit cancels the check it outdates', async () => {
    const server = new LspHarness();
    try {
      await server.initialize();
      const complete = await server.completionProbe();
      const uri = 'untitled:large';
      await server.open(uri, large, 1);
      await server.diagnostics(uri, (params) => params.version === 1, 60000);
      const order: string[] = [];
      await server.change(uri, 2, `${large}\n\n新发展党员X名。`);
      await server.change(uri, 3, `${large}\n\n新发展党员X名，培训XX人次。`);
      const published = server.diagnostics(uri, () => true, 60000).then((params) => {
        order.push('diagnostics');
        return params;
      });
      const completion = complete().then(() => order.push('completion'));
      const [first] = await Promise.all([published, completion]);
      assert.deepEqual(order, ['completion', 'diagnostics'], 'the completion waited for the large check');
      assert.equal(first.version, 3, 'an outdated check was published');
      const lastLine = large.split('\n').length + 1;
      assert.equal(first.diagnostics.filter((diagnostic) => diagnostic.code === 'placeholder' && diagnostic.range.start.line === lastLine).length, 2);
    } finally {
      await server.dispose();
    }
  });
});

describe('language server: Word files', function () {
  let server: LspHarness;
  before(async () => {
    server = new LspHarness();
    await server.initialize();
  });
  after(() => server.dispose());

  it('converts a Word file for the client to write, and checks Word files in the workspace check by paragraph', async () => {
    const copied = readFileSync(join(__dirname, '..', 'fixtures', 'copied-county.md'), 'utf8');
    const docx = Buffer.from(await prepareExport(copied, {}).render()).toString('base64');
    const imported = await server.connection.sendRequest<{ markdown: string; images: unknown[] }>('shuzhi/importDocx', { docx, draftName: '述职报告.md' });
    assert.match(imported.markdown, /^---\ntitle: 青山县委书记2024年度抓基层党建工作述职报告\n/);
    const refused = await server.connection.sendRequest<{ error: string }>('shuzhi/importDocx', { docx: Buffer.from('plain text').toString('base64'), draftName: 'x.md' });
    assert.match(refused.error, /不是 Word 文档/);
    await assert.rejects(server.connection.sendRequest('shuzhi/exportDocx', { uri: 'untitled:huge', text: '全年开展专题党课4次。\n\n'.repeat(80_000) }),
      (error: Error) => /超过导出上限（100 万字）/.test(error.message));

    const uri = 'file:///tmp/shuzhi-word/copied.docx';
    const result = await server.connection.sendRequest<{ reports: number; counts: Record<string, number> }>('shuzhi/checkFiles', { files: [{ uri, docx }] });
    assert.equal(result.reports, 1);
    // The findings go to the read-only view of the Word file's text, each at its place there.
    const view = wordViewUri(uri);
    assert.equal(view, `shuzhi-word:/tmp/shuzhi-word/copied.docx?${encodeURIComponent(uri)}`);
    const { diagnostics } = await server.diagnostics(view);
    const typo = diagnostics.find((diagnostic) => diagnostic.code === 'fixed-phrase' && String(diagnostic.message).includes('软弱散涣'))!;
    assert.match(String(typo.message), /^第7段“软弱散涣”：/);
    const shown = await server.connection.sendRequest<{ markdown: string }>('shuzhi/importDocx', { docx, draftName: draftNameFor(uri) });
    assert.equal(TextDocument.create(view, 'markdown', 1, shown.markdown).getText(typo.range), '软弱散涣');
  });

  it('answers other requests while it imports or exports a long Word file (both take seconds, off the main thread)', async () => {
    const complete = await server.completionProbe('untitled:probe-word');
    const long = `2024年度述职报告\n\n${'全镇上下围绕中心工作，持续推进乡村振兴，产业发展取得明显成效，全年完成投资3亿元。\n\n'.repeat(1500)}`;
    const docx = Buffer.from(await prepareExport(long, {}).render()).toString('base64');
    for (const [job, request] of [
      ['import', () => server.connection.sendRequest('shuzhi/importDocx', { docx, draftName: '述职报告.md' })],
      ['export', () => server.connection.sendRequest('shuzhi/exportDocx', { uri: 'untitled:long', text: long })],
    ] as const) {
      // Completion asked again and again while the job runs: on the main thread the job would hold it up
      // for its whole parse and layout, answering only at the job's few pauses.
      let done = false;
      const working = request().then(() => {
        done = true;
      });
      let answered = 0;
      while (!done) {
        await complete();
        answered++;
      }
      await working;
      assert.ok(answered >= 50, `${job}: ${answered} completions answered during the job`);
    }
  });
});
