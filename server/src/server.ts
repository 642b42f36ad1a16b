/** Language server adapter around the checking core: diagnostics, fixes, completion, outline, folding, Word export. */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionKind, type CodeActionParams, type CompletionItem, CompletionItemKind, createConnection, type Diagnostic, DiagnosticSeverity,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentSymbol, type FoldingRange, ProposedFeatures, type Range, SymbolKind,
  TextDocumentSyncKind, TextDocuments, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, findConfigFile, loadConfigFile, mergeConfigs, type LoadedConfig } from './config';
import { blockingFindings } from './core/blocking';
import { type Completion, completionsAt } from './core/complete';
import { fixAll, minimalEdit } from './core/fix';
import { type LintConfig, lint, type LintResult, profilesFor } from './core/lint';
import { decideScope } from './core/scope';
import { checkExport, exportDocx } from './export/docx';
import type { Heading, ReportModel } from './core/model';
import { RULES } from './core/rules/index';
import type { Finding, Fix, Severity } from './core/types';
import { headingName, headingRange } from './core/structure';
import { type EditorSettings, normalizeSettings } from './settings';
import { disableActions, fileCommentOffset } from './disable';
import {
  CHECK_FILES_REQUEST, type CheckFilesParams, type CheckFilesResult, EXPORT_DOCX_REQUEST, type ExportDocxParams,
  type ExportDocxResult, GENRES_REQUEST, OUTLINE_REQUEST, type OutlineItem, STATUS_NOTIFICATION,
  type StatusParams,
} from './protocol';

// `shuzhi-language-server` with no transport argument speaks over stdio, as most editors expect.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) process.argv.push('--stdio');
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

const EXTENSION_ROOT = dirname(__dirname);
const RULE_NAMES = new Map(RULES.map((rule) => [rule.meta.id, rule.meta.name]));
const RULE_DOCS = new Map(RULES.map((rule) => [rule.meta.id, pathToFileURL(join(EXTENSION_ROOT, rule.meta.docs)).toString()]));
const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};
const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shuzhi`;

interface Checked {
  version: number;
  result: LintResult;
  isReport: boolean;
}

let hasConfigurationCapability = false;
/** VS Code says whether the workspace is trusted; other editors have no such notion and are trusted. */
let workspaceTrusted = true;
let canWatchFiles = false;
let canRegisterConfiguration = false;
const checked = new Map<string, Checked>();
const pending = new Map<string, { cancel(): void }>();
/** Bumped on every scheduled check, so a slow check never publishes over a newer one. */
const generation = new Map<string, number>();
const settingsCache = new Map<string, Promise<EditorSettings>>();
/** The status last sent per document, so typing that changes no count sends nothing. */
const lastStatus = new Map<string, string>();
const configCache = new Map<string, LoadedConfig & { mtimeMs?: number }>();
/** Folder → its nearest .shuzhirc.json (or none), so a keystroke does not walk the file system. */
const configPathCache = new Map<string, string | undefined>();

connection.onInitialize((params) => {
  const capabilities = params.capabilities;
  const options = (params.initializationOptions ?? {}) as { trusted?: unknown; shuzhi?: unknown };
  workspaceTrusted = options.trusted !== false;
  initialSettings = sectionOf(options);
  hasConfigurationCapability = capabilities.workspace?.configuration === true;
  canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canRegisterConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      // 。and ；end an enumeration item (offer 二是); （ starts a heading ordinal (offer （三））.
      completionProvider: { triggerCharacters: ['。', '；', '（'] },
    },
  };
});

connection.onInitialized(() => {
  // Clients such as VS Code send configuration changes only to servers that register for them. A client
  // that refuses is told nothing more: the server works on without it.
  const refused = (what: string) => (error: unknown) => connection.console.warn(`客户端拒绝注册${what}：${String(error)}`);
  if (canRegisterConfiguration) connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(refused('设置变更通知'));
  if (canWatchFiles) {
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(refused('配置文件监视'));
  }
});

/** Settings given at start (initializationOptions) and pushed since (didChangeConfiguration), for clients that are not asked. */
let initialSettings: Record<string, unknown> = {};
let pushedSettings: Record<string, unknown> = {};
/** How long a client may take to answer workspace/configuration before the known settings are used. */
const CONFIGURATION_TIMEOUT_MS = 2000;

/** The `shuzhi` part of a settings object, whether sent as { shuzhi: {…} } or as the section itself. */
function sectionOf(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  if (record.shuzhi && typeof record.shuzhi === 'object') return record.shuzhi as Record<string, unknown>;
  const { trusted: _trusted, ...rest } = record;
  return rest;
}

/** defaults < initializationOptions < didChangeConfiguration payload < workspace/configuration answer. */
function settingsFor(uri: string): Promise<EditorSettings> {
  let settings = settingsCache.get(uri);
  if (!settings) {
    const known = { ...initialSettings, ...pushedSettings };
    settings = hasConfigurationCapability
      ? withTimeout(connection.workspace.getConfiguration({ scopeUri: uri, section: 'shuzhi' }), CONFIGURATION_TIMEOUT_MS)
        .then((answer) => normalizeSettings({ ...known, ...sectionOf(answer) }), () => normalizeSettings(known))
      : Promise.resolve(normalizeSettings(known));
    settingsCache.set(uri, settings);
  }
  return settings;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    }, (error: unknown) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const UNTRUSTED_NOTE = '受限模式（不受信任的工作区）：没有使用 .shuzhirc.json 中的占位符正则表达式';

function configFileFor(uri: string): LoadedConfig & { path?: string; note?: string } {
  const folder = folderOf(uri);
  if (folder === undefined) return { config: {} };
  if (!configPathCache.has(folder)) configPathCache.set(folder, findConfigFile(folder));
  const path = configPathCache.get(folder);
  if (!path) return { config: {} };
  if (!configCache.has(path)) configCache.set(path, { ...loadConfigFile(path), mtimeMs: modifiedAt(path) });
  const loaded = configCache.get(path)!;
  // A cloned repository's patterns do not apply until the user trusts the workspace.
  if (!workspaceTrusted && loaded.config.placeholders?.length) {
    return { ...loaded, config: { ...loaded.config, placeholders: undefined }, path, note: UNTRUSTED_NOTE };
  }
  return { ...loaded, path };
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * For clients that do not watch files: on open and save, look for the nearest .shuzhirc.json again and
 * re-read it if it changed since it was read.
 */
function refreshConfigFor(uri: string): void {
  const folder = folderOf(uri);
  if (folder === undefined) return;
  const before = configPathCache.get(folder);
  configPathCache.delete(folder);
  const path = configFileFor(uri).path;
  if (path !== before && before !== undefined) configCache.delete(before);
  if (path !== undefined && configCache.get(path)?.mtimeMs !== modifiedAt(path)) configCache.delete(path);
}

/** The folder of a file: URI, or undefined for other schemes and for URIs no file path can be made of (file://host/…, %2F). */
function folderOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function schedule(document: TextDocument, delay: number): void {
  const uri = document.uri;
  pending.get(uri)?.cancel();
  const ticket = (generation.get(uri) ?? 0) + 1;
  generation.set(uri, ticket);
  const run = () => {
    pending.delete(uri);
    void check(uri, ticket);
  };
  // setTimeout(0) waits at least a millisecond; with no debounce, check as soon as the edit is in.
  if (delay === 0) {
    const immediate = setImmediate(run);
    pending.set(uri, { cancel: () => clearImmediate(immediate) });
  } else {
    const timer = setTimeout(run, delay);
    pending.set(uri, { cancel: () => clearTimeout(timer) });
  }
}

/** Editor settings first, then the draft's .shuzhirc.json over them. */
function configFor(settings: EditorSettings, fileConfig: LintConfig): LintConfig {
  return mergeConfigs(
    { profile: settings.profile || undefined, rules: settings.rules, placeholders: settings.placeholders, strictHierarchy: settings.strictHierarchy, export: settings.export },
    fileConfig,
  );
}

interface Evaluation extends Checked {
  diagnostics: Diagnostic[];
  scopeExplanation: string;
  note?: string;
}

/** Checks one text with the settings and the nearest .shuzhirc.json of its URI. */
async function evaluate(document: TextDocument): Promise<Evaluation> {
  const settings = await settingsFor(document.uri);
  // Text and version are read together, after the wait, so the result always names the text it checked.
  const { uri, version } = document;
  const file = configFileFor(uri);
  const config = configFor(settings, file.config);
  const result = lint(document.getText(), config);
  const scope = decideScope(result.model, result.findings, file.path !== undefined);
  const isReport = settings.scope === 'all' || scope.checked;
  const shown = isReport ? result.findings.slice(0, MAX_DIAGNOSTICS) : [];
  const diagnostics = shown.map((finding) => toDiagnostic(document, finding));
  if (isReport && result.findings.length > MAX_DIAGNOSTICS) diagnostics.push(truncatedDiagnostic(result.findings.length - MAX_DIAGNOSTICS));
  if (file.error) diagnostics.unshift(configDiagnostic(file.error));
  for (const problem of settings.problems) diagnostics.unshift(configDiagnostic(`${problem}。`));
  const large = document.getText().length > LARGE_DOCUMENT ? '文稿超过 100 万字：输入时不检查，打开和保存时检查' : undefined;
  return { version, result, isReport, scopeExplanation: scope.explanation, note: [file.note, large].filter(Boolean).join('；') || undefined, diagnostics };
}

async function check(uri: string, ticket: number): Promise<void> {
  const settings = await settingsFor(uri);
  const document = documents.get(uri);
  if (!document || generation.get(uri) !== ticket) return;
  if (!settings.enable) {
    checked.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    return;
  }
  let evaluation: Evaluation;
  const started = performance.now();
  try {
    evaluation = await evaluate(document);
  } catch (error) {
    logCheckError(uri, error);
    return;
  } finally {
    lastCheckMs.set(uri, performance.now() - started);
  }
  if (generation.get(uri) !== ticket) return;
  checked.set(uri, evaluation);
  void connection.sendDiagnostics({ uri, version: evaluation.version, diagnostics: evaluation.diagnostics });
  const status: StatusParams = {
    uri,
    profile: evaluation.result.model.profile?.id,
    isReport: evaluation.isReport,
    scope: evaluation.scopeExplanation,
    note: evaluation.note,
    counts: countBySeverity(evaluation.isReport ? evaluation.result.findings : []),
  };
  const key = JSON.stringify(status);
  if (lastStatus.get(uri) !== key) {
    lastStatus.set(uri, key);
    void connection.sendNotification(STATUS_NOTIFICATION, status);
  }
}

/** A check that throws is logged and skipped: the server keeps serving every other request. */
function logCheckError(uri: string, error: unknown): void {
  connection.console.error(`检查 ${uri} 时出错：${error instanceof Error ? error.stack : String(error)}`);
}

function countBySeverity(findings: Finding[]): StatusParams['counts'] {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** More findings than an editor can show usefully: the rest are summed up in one note. */
const MAX_DIAGNOSTICS = 2000;

function truncatedDiagnostic(hidden: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'shuzhi',
    code: 'truncated',
    message: `问题太多，只显示了前 ${MAX_DIAGNOSTICS} 个，还有 ${hidden} 个未显示。可用命令行 shuzhi lint 查看全部。`,
  };
}

function configDiagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: 'shuzhi', code: 'config', message };
}

function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

function toEdits(document: TextDocument, fix: Fix): TextEdit[] {
  return fix.edits.map((edit) => ({ range: toRange(document, edit.start, edit.end), newText: edit.newText }));
}

function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const href = RULE_DOCS.get(finding.rule);
  return {
    range: toRange(document, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: 'shuzhi',
    code: finding.rule,
    codeDescription: href ? { href } : undefined,
    message: finding.message,
    // The fix is looked up when a code action is asked for: a renumbering fix holds an edit for every
    // heading of its run, and copying it into each diagnostic would grow with the square of the run.
  };
}

/** A fresh result for the document's current text (code actions may come before the debounced check). */
async function current(document: TextDocument): Promise<Checked> {
  const known = checked.get(document.uri);
  if (known && known.version === document.version) return known;
  const fresh = await evaluate(document);
  checked.set(document.uri, fresh);
  return fresh;
}

/** Every fix of a rule, run to the end by the core's fix engine, as one edit of the text that changed. */
async function fixedEdits(document: TextDocument, onlyRule?: string): Promise<TextEdit[]> {
  const config = configFor(await settingsFor(document.uri), configFileFor(document.uri).config);
  const before = document.getText();
  const edit = minimalEdit(before, fixAll(before, config, onlyRule).text);
  return edit ? [{ range: toRange(document, edit.start, edit.end), newText: edit.newText }] : [];
}

/** The finding a diagnostic was made from, in the result for the document's current text. */
function findingFor(result: LintResult, document: TextDocument, diagnostic: Diagnostic): Finding | undefined {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return result.findings.find((finding) =>
    finding.start === start && finding.end === end && finding.rule === diagnostic.code && finding.message === diagnostic.message);
}

connection.onCodeAction(async (params: CodeActionParams) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  const { result, isReport } = await current(document);
  if (!isReport) return [];
  const edit = (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [document.uri]: edits } });
  const frontMatter = result.model.frontMatterRange;
  const fileOffset = fileCommentOffset(document.getText(), frontMatter?.end);

  if (wants(CodeActionKind.QuickFix)) {
    // Two findings of one rule on a line need one pair of "disable" actions, not two.
    const disabledOffered = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      // Only rule findings: the config-file diagnostic has nothing to fix or disable.
      if (diagnostic.source !== 'shuzhi' || typeof diagnostic.code !== 'string' || !RULE_DOCS.has(diagnostic.code)) continue;
      const fix = findingFor(result, document, diagnostic)?.fix;
      if (fix) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(toEdits(document, fix)) });
        const sameRule = result.findings.filter((finding) => finding.rule === diagnostic.code && finding.fix);
        if (sameRule.length > 1) {
          actions.push({
            title: `修复本文中所有“${RULE_NAMES.get(diagnostic.code)}”问题（${sameRule.length} 处）`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: edit(await fixedEdits(document, diagnostic.code)),
          });
        }
      }
      const inFrontMatter = frontMatter !== undefined && document.offsetAt(diagnostic.range.start) < frontMatter.end;
      const key = `${diagnostic.code}:${diagnostic.range.start.line}`;
      if (disabledOffered.has(key)) continue;
      disabledOffered.add(key);
      actions.push(...disableActions(document, diagnostic.code, RULE_NAMES.get(diagnostic.code)!, diagnostic.range.start.line, diagnostic, fileOffset, !inFrontMatter));
    }
  }
  if (wants(FIX_ALL_KIND)) {
    // Fixes that touch each other (renumbering and the ordinal's style) need a second pass: the engine repeats until done.
    if (result.findings.some((finding) => finding.fix)) {
      actions.push({ title: '修复所有可自动修复的述职报告问题', kind: FIX_ALL_KIND, edit: edit(await fixedEdits(document)) });
    }
  }
  return actions;
});

const COMPLETION_KIND: Record<Completion['kind'], CompletionItemKind> = {
  enumeration: CompletionItemKind.Keyword,
  ordinal: CompletionItemKind.EnumMember,
  section: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
};

connection.onCompletion(async (params): Promise<CompletionItem[]> => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const { result } = await current(document);
  const profiles = profilesFor(configFor(await settingsFor(document.uri), configFileFor(document.uri).config));
  return completionsAt(result.model, document.offsetAt(params.position), profiles).map((completion, index) => ({
    label: completion.label,
    kind: COMPLETION_KIND[completion.kind],
    detail: completion.detail,
    sortText: String(index).padStart(3, '0'),
    filterText: completion.label,
    textEdit: { range: toRange(document, completion.replaceStart, completion.replaceEnd), newText: completion.insertText },
  }));
});

connection.onDocumentSymbol(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const { model } = (await current(document)).result;
  return outline(document, model);
});

function outline(document: TextDocument, model: ReportModel): DocumentSymbol[] {
  const symbolOf = (heading: Heading): DocumentSymbol => {
    const { start, end } = headingRange(model, heading);
    const sectionEnd = sectionEndOffset(model, heading);
    return DocumentSymbol.create(
      headingName(heading),
      undefined,
      heading.level === 1 ? SymbolKind.Module : heading.level === 2 ? SymbolKind.Namespace : SymbolKind.String,
      toRange(document, start, Math.max(end, sectionEnd)),
      toRange(document, start, end),
      heading.children.map(symbolOf),
    );
  };
  return model.headings.filter((heading) => !heading.parent).map(symbolOf);
}

function sectionEndOffset(model: ReportModel, heading: Heading): number {
  const index = model.headings.indexOf(heading);
  const next = model.headings.slice(index + 1).find((other) => other.level <= heading.level);
  const lastLine = (next ? next.lineIndex : model.lines.length) - 1;
  const line = model.lines[Math.max(lastLine, heading.lineIndex)];
  return line.map[line.text.length];
}

connection.onFoldingRanges(async (params): Promise<FoldingRange[]> => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const { model } = (await current(document)).result;
  const ranges: FoldingRange[] = [];
  for (const heading of model.headings) {
    const startLine = document.positionAt(headingRange(model, heading).start).line;
    const endLine = document.positionAt(sectionEndOffset(model, heading)).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
});

/** Characters beyond which typing does not trigger checks (reports are tens of thousands). */
const LARGE_DOCUMENT = 1_000_000;
/** How long the last check of each document took. */
const lastCheckMs = new Map<string, number>();
/** The version each document was opened with: its first content event is the open, checked at once. */
const openedVersion = new Map<string, number>();
documents.onDidOpen(({ document }) => {
  openedVersion.set(document.uri, document.version);
  refreshConfigFor(document.uri);
  schedule(document, 0);
});
documents.onDidChangeContent(async ({ document }) => {
  if (openedVersion.get(document.uri) === document.version) return;
  // Past this size a check takes seconds: such a file is checked on open and save, not per keystroke.
  if (document.getText().length > LARGE_DOCUMENT) return;
  const settings = await settingsFor(document.uri);
  // A document whose check takes longer than the debounce waits as long as its last check took, so
  // typing in a huge file leaves the server at least half its time for requests (completion, actions).
  if (settings.run === 'onType') schedule(document, Math.max(settings.debounceMs, lastCheckMs.get(document.uri) ?? 0));
});
documents.onDidSave(({ document }) => {
  refreshConfigFor(document.uri);
  schedule(document, 0);
});
documents.onDidClose(({ document }) => {
  pending.get(document.uri)?.cancel();
  pending.delete(document.uri);
  generation.delete(document.uri);
  checked.delete(document.uri);
  settingsCache.delete(document.uri);
  lastStatus.delete(document.uri);
  openedVersion.delete(document.uri);
  lastCheckMs.delete(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

function recheckAll(): void {
  for (const document of documents.all()) schedule(document, 0);
}

connection.onDidChangeConfiguration((params) => {
  // VS Code sends null and expects to be asked; Neovim, Helix and others send the settings themselves.
  if (params.settings) pushedSettings = sectionOf(params.settings);
  settingsCache.clear();
  recheckAll();
});
connection.onDidChangeWatchedFiles(() => {
  configCache.clear();
  configPathCache.clear();
  recheckAll();
});

connection.onRequest(OUTLINE_REQUEST, async (params: { uri: string }): Promise<OutlineItem[]> => {
  const document = documents.get(params.uri);
  if (!document) return [];
  const { model } = (await current(document)).result;
  return model.headings.map((heading) => ({
    name: headingName(heading), level: heading.level, line: document.positionAt(headingRange(model, heading).start).line,
  }));
});

connection.onRequest(GENRES_REQUEST, async (params: { uri: string }): Promise<string[]> =>
  profilesFor(configFor(await settingsFor(params.uri), configFileFor(params.uri).config)).map((profile) => profile.id));

/** The Word file for a draft, with how much of it is still unfilled (the client asks before writing). */
connection.onRequest(EXPORT_DOCX_REQUEST, async (params: ExportDocxParams): Promise<ExportDocxResult> => {
  const config = configFor(await settingsFor(params.uri), configFileFor(params.uri).config);
  const checked = lint(params.text, config);
  const unfinished = blockingFindings(checked.findings).length;
  const docx = await exportDocx(checked.model, config.export);
  const title = checked.model.title?.text ?? (typeof checked.model.frontMatter.title === 'string' ? checked.model.frontMatter.title : undefined);
  return { docx: Buffer.from(docx).toString('base64'), unfinished, title, ...checkExport(checked.model) };
});

/** Drafts that are not open, sent by the client's "check the workspace" command. */
connection.onRequest(CHECK_FILES_REQUEST, async (params: CheckFilesParams): Promise<CheckFilesResult> => {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let reports = 0;
  for (const file of params.files) {
    const settings = await settingsFor(file.uri);
    if (!settings.enable) continue;
    // An open draft counts with the text in the editor, which is already published.
    const open = documents.get(file.uri);
    if (open) {
      const known = await current(open).catch(() => undefined);
      if (!known?.isReport) continue;
      reports++;
      for (const finding of known.result.findings) counts[finding.severity]++;
      continue;
    }
    let evaluation: Evaluation;
    try {
      evaluation = await evaluate(TextDocument.create(file.uri, 'markdown', 0, file.text));
    } catch (error) {
      logCheckError(file.uri, error);
      continue;
    }
    settingsCache.delete(file.uri);
    if (!evaluation.isReport) continue;
    reports++;
    for (const finding of evaluation.result.findings) counts[finding.severity]++;
    void connection.sendDiagnostics({ uri: file.uri, diagnostics: evaluation.diagnostics });
  }
  return { reports, counts };
});

documents.listen(connection);
connection.listen();
