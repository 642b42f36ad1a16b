import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../server/src/core/engine/fix';
import { lint } from '../../server/src/core/engine/lint';
import { CheckRunner } from '../../server/src/lsp/checkRunner';
import { codeActions, FIX_ALL_KIND } from '../../server/src/lsp/codeActions';
import { findingFor, toDiagnostic } from '../../server/src/lsp/convert';
import { DocumentStates } from '../../server/src/lsp/documentStates';
import { CheckScheduler } from '../../server/src/lsp/scheduler';
import { SettingsSource } from '../../server/src/lsp/settingsSource';
import { foldingRanges } from '../../server/src/lsp/symbols';
import { normalizeSettings } from '../../server/src/config/settings';
import packageJson from '../../package.json';

const FIXTURES = join(__dirname, '..', 'fixtures');
const WORKER = join(__dirname, '..', '..', 'dist', 'checkWorker.js');
const URI = 'file:///drafts/report.md';

function apply(document: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(document, edits);
}

describe('code actions (pure function of a check)', () => {
  const text = readFileSync(join(FIXTURES, 'zongjie-defects.md'), 'utf8');
  const document = TextDocument.create(URI, 'markdown', 1, text);
  const result = lint(text);
  const diagnostics = result.findings.map((finding) => toDiagnostic(document, finding, new Map()));

  it('fixes everything fixable in one fix-all: nothing fixable is left for a second save', async () => {
    const [fixAll] = await codeActions(document, result, { diagnostics: [], only: [CodeActionKind.SourceFixAll] }, {});
    assert.equal(fixAll.kind, FIX_ALL_KIND);
    const fixed = apply(document, fixAll.edit!.changes![URI]);
    assert.notEqual(fixed, text);
    assert.deepEqual(lint(fixed).findings.filter((finding) => finding.fix).map((finding) => finding.rule), []);
  });

  it('offers one pair of disable actions per rule and line, with the rule\'s Chinese name', async () => {
    const byLine = new Map<string, Diagnostic[]>();
    for (const diagnostic of diagnostics) {
      const key = `${diagnostic.code}:${diagnostic.range.start.line}`;
      byLine.set(key, [...(byLine.get(key) ?? []), diagnostic]);
    }
    const actions = await codeActions(document, result, { diagnostics, only: [CodeActionKind.QuickFix] }, {});
    const lineDisables = actions.filter((action) => action.title.startsWith('在这一行停用'));
    assert.equal(lineDisables.length, byLine.size);
    assert.ok(lineDisables.every((action) => !/[a-z]-[a-z]/.test(action.title)), 'titles name rules in Chinese');
  });

  it('offers fix-all in the lightbulb (as a quick fix) at a fixable finding, fixing as much as the source action', async () => {
    const fixable = diagnostics.find((diagnostic) => findingFor(result.findings, document, diagnostic)?.fix)!;
    const actions = await codeActions(document, result, { diagnostics: [fixable], only: [CodeActionKind.QuickFix] }, {});
    const all = actions.find((action) => action.title.startsWith('修复本文所有可自动修复的问题'))!;
    assert.equal(all.kind, CodeActionKind.QuickFix);
    assert.match(all.title, new RegExp(`（${result.findings.filter((finding) => finding.fix).length} 处）`));
    const [source] = await codeActions(document, result, { diagnostics: [], only: [CodeActionKind.SourceFixAll] }, {});
    assert.equal(apply(document, all.edit!.changes![URI]), apply(document, source.edit!.changes![URI]));
    const unfixable = diagnostics.find((diagnostic) => !findingFor(result.findings, document, diagnostic)?.fix)!;
    assert.ok(!(await codeActions(document, result, { diagnostics: [unfixable], only: [CodeActionKind.QuickFix] }, {})).some((action) => action.title.startsWith('修复本文所有')));
  });

  it('offers 忽略这一处 for each finding and 加入允许词语 for a wording rule\'s words, to a client that runs them', async () => {
    const draft = '2024年度县委书记述职报告\n\n一、主要做法\n\n全县统筹布署，全区上下齐心，新发展党员X名。\n';
    const doc = TextDocument.create(URI, 'markdown', 1, draft);
    const checked = lint(draft);
    const at = (rule: string) => checked.findings.filter((finding) => finding.rule === rule).map((finding) => toDiagnostic(doc, finding, new Map()));
    const titles = async (rule: string, clientCommands: boolean) =>
      (await codeActions(doc, checked, { diagnostics: at(rule), only: [CodeActionKind.QuickFix] }, {}, undefined, clientCommands)).map((action) => action.title);
    assert.ok((await titles('fixed-phrase', true)).includes('将“布署”加入允许词语（不再提示）'), (await titles('fixed-phrase', true)).join(' | '));
    assert.ok((await titles('jurisdiction', true)).includes('将“全区”加入允许词语（不再提示）'));
    // A placeholder is no word to allow everywhere; it can be ignored where it is.
    assert.deepEqual((await titles('placeholder', true)).filter((title) => /忽略|允许/.test(title)), ['忽略这一处“占位符”问题（记入工作区设置，可撤销）']);
    assert.deepEqual((await titles('fixed-phrase', false)).filter((title) => /忽略|允许/.test(title)), [], 'other editors cannot run the commands');
    const [ignore] = (await codeActions(doc, checked, { diagnostics: at('placeholder'), only: [CodeActionKind.QuickFix] }, {}, undefined, true)).filter((action) => action.command);
    assert.deepEqual(ignore.command!.arguments, [{ uri: URI, entry: { rule: 'placeholder', text: 'X', before: '上下齐心，新发展党员', after: '名。' } }]);
    // What the commands record makes the findings go, as the settings bring them back to the server.
    const settings = normalizeSettings({ allow: ['布署', '全区'], ignore: [ignore.command!.arguments![0].entry] });
    assert.deepEqual(lint(draft, { allow: settings.allow, ignore: settings.ignore }).findings.filter((finding) => ['fixed-phrase', 'jurisdiction', 'placeholder'].includes(finding.rule)), []);
  });

  it('names the rule in Chinese in the diagnostic source, beside its id in the code', () => {
    const [first] = diagnostics;
    assert.match(String(first.source), /^shuzhi·[\u4e00-\u9fff]+$/);
    assert.equal(typeof first.code, 'string');
  });

  it('offers nothing for diagnostics that are not rule findings', async () => {
    const config: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, source: 'shuzhi', code: 'config', message: '配置文件有误' };
    assert.deepEqual(await codeActions(document, result, { diagnostics: [config], only: [CodeActionKind.QuickFix] }, {}), []);
  });
});

describe('check runner', () => {
  const base = readFileSync(join(FIXTURES, 'shuzhi-template.md'), 'utf8');
  const large = Array.from({ length: 40 }, () => base).join('\n\n');

  it('checks a large draft in a worker thread with the same findings as the core', async () => {
    const runner = new CheckRunner(WORKER);
    try {
      const result = await runner.run(large, {}).result;
      const direct = lint(large);
      assert.deepEqual(result!.findings, direct.findings);
      assert.equal(result!.model.headings.length, direct.model.headings.length);
      // Headings keep their tree after crossing the thread boundary.
      assert.ok(result!.model.headings.some((heading) => heading.parent && heading.parent.children.includes(heading)));
    } finally {
      runner.dispose();
    }
  });

  it('cancels a running check at once and stays usable', async () => {
    const runner = new CheckRunner(WORKER);
    try {
      const running = runner.run(large, {});
      running.cancel();
      assert.equal(await running.result, undefined);
      const next = await runner.run(base, {}).result;
      assert.deepEqual(next!.findings, lint(base).findings);
    } finally {
      runner.dispose();
    }
  });

  it('checks a small draft in a worker too, and fixes there with the core\'s result', async () => {
    const runner = new CheckRunner(WORKER);
    try {
      assert.deepEqual((await runner.run(base, {}).result)!.findings, lint(base).findings);
      const broken = '2024年度述职报告\n\n一、主要做法\n\n三、存在问题\n';
      assert.equal(await runner.fix(broken, {}).result, fixAll(broken).text);
    } finally {
      runner.dispose();
    }
  });

  it('runs many jobs at once on a few workers, each with its own result', async () => {
    const runner = new CheckRunner(WORKER);
    try {
      const texts = Array.from({ length: 12 }, (_, index) => `2024年度述职报告\n\n新发展党员${'X'.repeat(index + 1)}名。\n`);
      const runs = texts.map((text) => runner.run(text, {}));
      runs[3].cancel();
      const results = await Promise.all(runs.map((running) => running.result));
      assert.equal(results[3], undefined);
      results.forEach((result, index) => index !== 3 && assert.deepEqual(result!.findings, lint(texts[index]).findings));
    } finally {
      runner.dispose();
    }
  });
});

describe('settings source', () => {
  it('layers initializationOptions < didChangeConfiguration payload < workspace/configuration answer', async () => {
    const source = new SettingsSource(async () => ({ debounceMs: 30 }));
    source.setInitial({ shuzhi: { debounceMs: 10, run: 'onSave', scope: 'all' }, trusted: true });
    source.push({ shuzhi: { debounceMs: 20, run: 'onType' } });
    const settings = await source.resolve(URI);
    assert.equal(settings.debounceMs, 30);
    assert.equal(settings.run, 'onType');
    assert.equal(settings.scope, 'all');
  });

  it('keeps a null push (VS Code) from wiping pushed settings, and falls back when the client never answers', async () => {
    const source = new SettingsSource(() => new Promise(() => undefined), true, 20);
    source.push({ shuzhi: { debounceMs: 99 } });
    source.push(null);
    assert.equal((await source.resolve(URI)).debounceMs, 99);
  });

  it('asks a client that did not declare workspace/configuration, and stops after its first refusal', async () => {
    let asked = 0;
    const answering = new SettingsSource(async () => (asked++, { scope: 'all' }), false);
    assert.equal((await answering.resolve(URI)).scope, 'all');
    assert.equal((await answering.resolve(URI)).scope, 'all');
    assert.equal(asked, 2);
    asked = 0;
    const refusing = new SettingsSource(async () => {
      asked++;
      throw new Error('MethodNotFound');
    }, false);
    refusing.push({ shuzhi: { scope: 'all' } });
    assert.equal((await refusing.resolve(URI)).scope, 'all');
    assert.equal((await refusing.resolve(URI)).scope, 'all');
    assert.equal(asked, 1);
  });
});

describe('document states and scheduling', () => {
  it('runs only the newest scheduled check and forgets everything on close', async () => {
    const states = new DocumentStates();
    const ran: number[] = [];
    const scheduler = new CheckScheduler(states, async (_uri, ticket) => void ran.push(ticket));
    scheduler.schedule(URI, 0);
    scheduler.schedule(URI, 0);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(ran, [2]);
    scheduler.schedule(URI, 5);
    states.forget(URI);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(ran, [2]);
    assert.equal(states.size, 0);
    assert.equal(scheduler.isCurrent(URI, 3), false);
  });
});

describe('folding ranges', () => {
  it('end each section before the next heading of its level or above', () => {
    const text = '一、主要做法\n正文一\n（一）学习\n正文二\n（二）落实\n正文三\n二、存在问题\n正文四\n';
    const document = TextDocument.create(URI, 'markdown', 1, text);
    assert.deepEqual(foldingRanges(document, lint(text).model).map(({ startLine, endLine }) => [startLine, endLine]), [[0, 5], [2, 3], [4, 5], [6, 7]]);
  });
});

describe('editor settings', () => {
  it('take every default VS Code sends without a problem', () => {
    const contributed = (packageJson.contributes.configuration as { properties: Record<string, { default: unknown }> }).properties;
    const sent: Record<string, unknown> = {};
    for (const [key, { default: value }] of Object.entries(contributed)) {
      const path = key.split('.').slice(1);
      let target = sent;
      for (const part of path.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
      target[path[path.length - 1]] = value;
    }
    assert.deepEqual(normalizeSettings(sent).problems, []);
  });

  it('are validated by the .shuzhirc.json schema: each wrong value named once and dropped, the rest used', () => {
    const settings = normalizeSettings({
      rules: { placeholder: 'warn', 'ordinal-style': 'off', 'no-such-rule': 'off' },
      placeholders: [3, '待核实'],
      strictHierarchy: 'yes',
      export: { fonts: { title: 5, body: '仿宋_GB2312', heading1: '' }, boldEnumerationLead: true },
    });
    assert.deepEqual(settings.rules, { 'ordinal-style': 'off' });
    assert.deepEqual(settings.placeholders, ['待核实']);
    assert.equal(settings.strictHierarchy, false);
    assert.deepEqual(settings.export, { fonts: { body: '仿宋_GB2312' }, boldEnumerationLead: true });
    assert.deepEqual(settings.problems, [
      '设置 shuzhi.rules.no-such-rule 不是已知的规则编号，已忽略',
      '设置 shuzhi.rules.placeholder 的值“warn” 必须是 off、error、warning、info、hint 之一，已按默认值检查',
      '设置 shuzhi.strictHierarchy 的值“yes” 应为 boolean 类型，已按默认值检查',
      '设置 shuzhi.placeholders.0 的值“3” 应为 string 类型，已按默认值检查',
      '设置 shuzhi.export.fonts.title 的值“5” 应为 string 类型，已按默认值检查',
    ]);
  });

  it('take length limits and a reading speed, and name a limit that is not a positive number', () => {
    const settings = normalizeSettings({ limits: { characters: 3000, pages: -1, minutes: 5 }, readingSpeed: 2000 });
    assert.deepEqual(settings.limits, { characters: 3000, minutes: 5 });
    assert.equal(settings.readingSpeed, 200);
    assert.deepEqual(settings.problems, [
      '设置 shuzhi.limits.pages 的值“-1” 应为正数，已按默认值检查',
      '设置 shuzhi.readingSpeed 的值“2000” 应不大于 600，已按默认值检查',
    ]);
  });
});
