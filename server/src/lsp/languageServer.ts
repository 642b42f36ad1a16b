/**
 * The language server's wiring: LSP requests and notifications → the checking core. Policy lives in the
 * modules it imports; the connection is made by the entry point (server.ts) or by a test.
 */
import {
  type CompletionItem, CompletionItemKind, type Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  TextDocumentSyncKind, TextDocuments, CodeActionKind, ErrorCodes, ResponseError,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../config/configParse';
import { type Completion, completionsAt } from '../core/features/complete';
import { draftLength } from '../core/features/length';
import { profilesFor } from '../core/engine/lint';
import { buildModel } from '../core/reading/model';
import { byCommonness } from '../core/lexicon/profiles';
import type { EditorSettings } from '../config/settings';
import {
  CHECK_FILES_REQUEST, type CheckFilesParams, type CheckFilesResult, EXPORT_DOCX_REQUEST, type ExportDocxParams,
  type ExportDocxResult, GENRES_REQUEST, IMPORT_DOCX_REQUEST, type ImportDocxParams, type ImportDocxResult, OUTLINE_REQUEST, type OutlineItem,
  PAGES_REQUEST, type PagesParams, type PagesResult, type SetLine,
  STATUS_NOTIFICATION, draftNameFor, wordViewUri,
} from '../protocol';
import { fromBase64, toBase64 } from '../io/base64';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { configInForce, lintConfig } from './configInForce';
import { fileDiagnostic, inWordTerms, toRange } from './convert';
import { DocumentStates } from './documentStates';
import { countBySeverity, type Evaluation, evaluation, LARGE_DOCUMENT, placementOf, statusOf } from './evaluate';
import { CheckScheduler } from './scheduler';
import { SettingsSource } from './settingsSource';
import { finished, type ServerHost } from './host';
import { documentSymbols, foldingRanges, outlineItems } from './symbols';

export interface ServerOptions {
  /** Rule id → docs page URL, for the links in diagnostics; or made from the folder of the editor extension (its first own folder). */
  docs: ReadonlyMap<string, string> | ((extensionFolder: string | undefined) => ReadonlyMap<string, string>);
  /** Files, checks and the dictionary where the server runs (Node or a browser). */
  host: ServerHost;
}

/** Footnote labels are the layout's own bookkeeping: the page view has no use for them. */
const withoutReferences = ({ references: _references, ...line }: SetLine): SetLine => line;

const COMPLETION_KIND: Record<Completion['kind'], CompletionItemKind> = {
  enumeration: CompletionItemKind.Keyword,
  ordinal: CompletionItemKind.EnumMember,
  section: CompletionItemKind.Module,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
};

export function startLanguageServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const states = new DocumentStates();
  const { host } = options;
  const runner = host.runner;
  let docs = typeof options.docs === 'function' ? options.docs(undefined) : options.docs;
  let settingsSource = new SettingsSource();
  /** VS Code says whether the workspace is trusted; other editors have no such notion and are trusted. */
  let workspaceTrusted = true;
  let canWatchFiles = false;
  /** The client runs the ignore and allow commands (VS Code); other clients are not offered them. */
  let clientCommands = false;
  let workspaceFolders: string[] = [];
  /** Folders of the editor extension itself (its docs pages): never checked as drafts. */
  let ownFolders: string[] = [];
  let canRegisterConfiguration = false;

  const settingsOf = (uri: string): Promise<EditorSettings> => {
    const state = states.peek(uri);
    if (!state) return settingsSource.resolve(uri);
    return (state.settings ??= settingsSource.resolve(uri));
  };
  const configFileFor = async (uri: string) => configInForce(await host.configNear(uri), workspaceTrusted);
  const configFor = async (uri: string) => lintConfig(await settingsOf(uri), (await configFileFor(uri)).config);

  /** Checks the document's text as it is now, off the main thread; undefined if cancelled. */
  const evaluate = async (document: TextDocument, onStart?: (cancel: () => void) => void): Promise<Evaluation | undefined> => {
    const [settings, file] = await Promise.all([settingsOf(document.uri), configFileFor(document.uri)]);
    // Text and version are read together, after the waits, so the result always names the text it checked.
    const snapshot = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
    const running = runner.run(snapshot.getText(), lintConfig(settings, file.config), snapshot.uri);
    onStart?.(running.cancel);
    const result = await running.result;
    return result && evaluation(snapshot, result, settings, file, docs, placementOf(snapshot.uri, workspaceFolders, ownFolders), host.imageSizes(snapshot.uri));
  };

  const scheduler = new CheckScheduler(states, async (uri, ticket) => {
    const settings = await settingsOf(uri);
    const document = documents.get(uri);
    if (!document || !scheduler.isCurrent(uri, ticket)) return;
    const state = states.get(uri);
    if (!settings.enable) {
      state.checked = undefined;
      state.lastStatus = undefined;
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      void connection.sendNotification(STATUS_NOTIFICATION, { uri, isReport: false, scope: '已在设置中停用（shuzhi.enable）', counts: countBySeverity([]) });
      return;
    }
    let checked: Evaluation | undefined;
    try {
      checked = await evaluate(document, (cancel) => {
        // The next edit cancels a check still running.
        if (scheduler.isCurrent(uri, ticket)) state.pending = { cancel };
      });
    } catch (error) {
      logCheckError(uri, error);
      return;
    }
    if (!checked || !scheduler.isCurrent(uri, ticket)) return;
    state.pending = undefined;
    state.checked = checked;
    void connection.sendDiagnostics({ uri, version: checked.version, diagnostics: checked.diagnostics });
    loadLexiconOnce();
    const status = statusOf(uri, checked);
    const key = JSON.stringify(status);
    if (state.lastStatus !== key) {
      state.lastStatus = key;
      void connection.sendNotification(STATUS_NOTIFICATION, status);
    }
  });

  /**
   * The dictionary is read after the first diagnostics are out, so no check waits for it; once it is
   * there, open drafts are checked again and the word-based findings (duplicate-text, typo) appear.
   */
  let lexiconRequested = false;
  const loadLexiconOnce = () => {
    if (lexiconRequested) return;
    lexiconRequested = true;
    host.loadLexicon().then(
      () => recheckAll(),
      (error: unknown) => connection.console.error(`词库加载失败，按词检查的规则（duplicate-text、typo）不可用：${error instanceof Error ? error.message : String(error)}`),
    );
  };

  /** A check that throws is logged and skipped: the server keeps serving every other request. */
  const logCheckError = (uri: string, error: unknown) =>
    connection.console.error(`检查 ${uri} 时出错：${error instanceof Error ? error.stack : String(error)}`);

  /** A result for the document's current text (requests may come before the debounced check). */
  const current = async (document: TextDocument): Promise<Evaluation> => {
    const state = states.get(document.uri);
    if (state.checked?.version === document.version) return state.checked;
    const fresh = await evaluate(document);
    // Nothing cancels a check a request waits for.
    if (fresh && fresh.version === document.version) state.checked = fresh;
    return fresh!;
  };

  connection.onInitialize((params) => {
    const capabilities = params.capabilities;
    const initializationOptions = (params.initializationOptions ?? {}) as { trusted?: unknown; clientCommands?: unknown; ownFolders?: unknown };
    workspaceTrusted = initializationOptions.trusted !== false;
    clientCommands = initializationOptions.clientCommands === true;
    ownFolders = Array.isArray(initializationOptions.ownFolders) ? initializationOptions.ownFolders.filter((folder): folder is string => typeof folder === 'string') : [];
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (typeof options.docs === 'function') docs = options.docs(ownFolders[0]);
    settingsSource = new SettingsSource(
      (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'shuzhi' }),
      capabilities.workspace?.configuration === true,
    );
    settingsSource.setInitial(initializationOptions);
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

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { result, isReport } = await current(document);
    if (!isReport) return [];
    return codeActions(document, result, params.context, await configFor(document.uri), (text, config, onlyRule) => runner.fix(text, config, onlyRule).result, clientCommands);
  });

  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { result } = await current(document);
    const profiles = profilesFor(await configFor(document.uri));
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
    return document ? documentSymbols(document, (await current(document)).result.model) : [];
  });

  connection.onFoldingRanges(async (params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? foldingRanges(document, (await current(document)).result.model) : [];
  });

  connection.onRequest(OUTLINE_REQUEST, async (params: { uri: string }): Promise<OutlineItem[]> => {
    const document = documents.get(params.uri);
    return document ? outlineItems(document, (await current(document)).result.model) : [];
  });

  connection.onRequest(PAGES_REQUEST, async (params: PagesParams): Promise<PagesResult | null> => {
    const document = documents.get(params.uri);
    if (!document) return null;
    // The pages need the model, not the rules: while typing, the draft is read again without waiting for a check.
    const config = await configFor(document.uri);
    const readingSpeed = config.readingSpeed ?? (await settingsOf(document.uri)).readingSpeed;
    // Text and version read together, after the waits, so the pages name the text they were set from.
    const version = document.version;
    const checked = states.get(document.uri).checked;
    const length = checked?.version === version
      ? checked.length()
      : draftLength(buildModel(document.getText(), { profiles: profilesFor(config), profile: config.profile }), readingSpeed, host.imageSizes(document.uri));
    const pages = length.layout.pages.map((page) => ({ ...page, lines: page.lines.map(withoutReferences), footnotes: page.footnotes.map(withoutReferences) }));
    return { version, pages, characters: length.characters, minutes: length.minutes };
  });

  documents.onDidOpen(({ document }) => {
    states.get(document.uri).openedVersion = document.version;
    host.refresh(document.uri);
    scheduler.schedule(document.uri, 0);
  });
  documents.onDidChangeContent(async ({ document }) => {
    const state = states.get(document.uri);
    if (state.openedVersion === document.version) return;
    // Past this size a check takes seconds: such a file is checked on open and save, not per keystroke.
    if (document.getText().length > LARGE_DOCUMENT) return;
    const settings = await settingsOf(document.uri);
    if (settings.run === 'onType') scheduler.schedule(document.uri, settings.debounceMs);
  });
  documents.onDidSave(({ document }) => {
    host.refresh(document.uri);
    scheduler.schedule(document.uri, 0);
  });
  documents.onDidClose(({ document }) => {
    states.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const recheckAll = () => {
    for (const document of documents.all()) scheduler.schedule(document.uri, 0);
  };
  connection.onDidChangeConfiguration((params) => {
    settingsSource.push(params.settings);
    states.forgetSettings();
    recheckAll();
  });
  connection.onDidChangeWatchedFiles(() => {
    host.clearConfigs();
    recheckAll();
  });

  connection.onRequest(GENRES_REQUEST, async (params: { uri: string }): Promise<string[]> =>
    byCommonness(profilesFor(await configFor(params.uri))).map((profile) => profile.id));

  /** The Word file for a draft, with how much of it is still unfilled (the client asks before writing). */
  connection.onRequest(EXPORT_DOCX_REQUEST, async (params: ExportDocxParams): Promise<ExportDocxResult> => {
    const exported = await finished(runner.exportWord(params.text, await configFor(params.uri), params.uri));
    if ('refused' in exported) throw new ResponseError(ErrorCodes.InvalidParams, exported.refused);
    const { docx, unfinished, title, blocking, notes } = exported;
    return { docx: toBase64(docx), unfinished, title, blocking, notes };
  });

  /** A Word file → the Markdown draft and its images; the client writes them where the user wants. */
  connection.onRequest(IMPORT_DOCX_REQUEST, async (params: ImportDocxParams): Promise<ImportDocxResult> => {
    const outcome = await finished(runner.importWord(fromBase64(params.docx), params.draftName));
    if ('problem' in outcome) return { error: outcome.problem };
    const { markdown, images } = outcome.imported;
    return { markdown, images: images.map((image) => ({ path: image.path, data: toBase64(image.data) })) };
  });

  /** Drafts that are not open, sent by the client's "check the workspace" command. */
  connection.onRequest(CHECK_FILES_REQUEST, async (params: CheckFilesParams): Promise<CheckFilesResult> => {
    const counts = countBySeverity([]);
    let reports = 0;
    for (const file of params.files) {
      const settings = await settingsOf(file.uri);
      if (!settings.enable) continue;
      // An open draft counts with the text in the editor, which is already published.
      const open = documents.get(file.uri);
      let checked: Evaluation | undefined;
      let paragraphOfLine: number[] | undefined;
      try {
        if ('docx' in file) {
          // The same text the read-only view shows (an import's), so each finding's place is right there.
          const outcome = await finished(runner.importWord(fromBase64(file.docx), draftNameFor(file.uri)));
          if ('problem' in outcome) {
            void connection.sendDiagnostics({ uri: file.uri, diagnostics: [fileDiagnostic(outcome.problem)] });
            continue;
          }
          paragraphOfLine = outcome.imported.paragraphOfLine;
          checked = await evaluate(TextDocument.create(file.uri, 'markdown', 0, outcome.imported.markdown));
        } else {
          checked = open ? await current(open) : await evaluate(TextDocument.create(file.uri, 'markdown', 0, file.text));
        }
      } catch (error) {
        logCheckError(file.uri, error);
        continue;
      }
      if (!checked?.isReport) continue;
      reports++;
      for (const finding of checked.result.findings) counts[finding.severity]++;
      if (open) continue;
      if (paragraphOfLine) {
        // Published for the view of the Word file's text; the .docx itself keeps no stale findings.
        void connection.sendDiagnostics({ uri: file.uri, diagnostics: [] });
        void connection.sendDiagnostics({ uri: wordViewUri(file.uri), diagnostics: inWordTerms(checked.diagnostics, checked.result.model.source, paragraphOfLine) });
      } else {
        void connection.sendDiagnostics({ uri: file.uri, diagnostics: checked.diagnostics });
      }
    }
    return { reports, counts };
  });

  connection.onShutdown(() => runner.dispose());
  documents.listen(connection);
  connection.listen();
}
