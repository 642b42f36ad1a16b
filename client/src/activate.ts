/**
 * VS Code client, the same under Node and in a browser: starts the language server the entry point makes
 * (extension.ts, browser.ts) and adds the status item and commands around it.
 */
import {
  commands, type ExtensionContext, type LogOutputChannel, Position, ProgressLocation,
  Range, Selection, StatusBarAlignment, TextEditorRevealType, Uri, window, workspace,
} from 'vscode';
import { type BaseLanguageClient, type LanguageClientOptions, RevealOutputChannelOn } from 'vscode-languageclient';
import { toBase64 } from '../../server/src/io/base64';
import { type ExportArguments, exportDocxCommand } from './export';
import { ignoreCommands } from './ignore';
import { type ImportArguments, importDocxCommand } from './import';
import { lengthText, lengthTooltip, registerPageView } from './pageView';
import { type NewReportArguments, newReport } from './newReport';
import { twinsOfDrafts } from '../../server/src/io/twins';
import { WordView } from './word';
import {
  CHECK_FILES_REQUEST, type CheckFilesParams, type CheckFilesResult, GENRES_REQUEST, OUTLINE_REQUEST, type OutlineItem, STATUS_NOTIFICATION, type StatusParams,
  WORD_VIEW_SCHEME, wordViewUri,
} from '../../server/src/protocol';

let client: BaseLanguageClient | undefined;

/** Makes the language client with the options both builds share; the entry point says how the server runs. */
export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

// vscode-remote: a remote folder opened in a browser window, read by the browser build.
const DRAFT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'];

/** Markdown drafts larger than this are not sent by "check the workspace" (they are not reports). */
const MAX_WORKSPACE_FILE_BYTES = 5 * 1024 * 1024;
const WORKSPACE_BATCH = 20;

export async function activateShuzhi(context: ExtensionContext, makeClient: ClientFactory): Promise<void> {
  const output = window.createOutputChannel('述职报告助手', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output, makeClient);

  // Our own status bar entry: a language status item would hide the genre and the count behind { }.
  const status = window.createStatusBarItem('shuzhi.status', StatusBarAlignment.Right, 100);
  status.name = '述职报告助手';
  context.subscriptions.push(status);
  const statusByUri = new Map<string, StatusParams>();
  const showStatus = () => {
    const editor = window.activeTextEditor;
    const current = editor ? statusByUri.get(editor.document.uri.toString()) : undefined;
    if (!editor || editor.document.languageId !== 'markdown' || !current) {
      status.hide();
      return;
    }
    const { error, warning, info, hint } = current.counts;
    const total = error + warning + info + hint;
    if (current.isReport) {
      status.text = `${error > 0 ? '$(error)' : warning > 0 ? '$(warning)' : '$(check)'} ${current.profile ?? '报告'} · ${total} 个问题${lengthText(current)}`;
      status.tooltip = `述职报告助手：${current.profile ?? '未识别文种'}，${error} 个错误，${warning} 个警告，${info + hint} 个提示${current.note ? `。${current.note}` : ''}。${lengthTooltip(current)}点击查看提纲`;
      status.command = 'shuzhi.showOutline';
    } else {
      status.text = '$(circle-slash) 未作为报告检查';
      status.tooltip = `述职报告助手：${current.scope}。点击选择文种，作为报告检查`;
      status.command = 'shuzhi.checkAsReport';
    }
    status.show();
  };
  context.subscriptions.push(
    window.onDidChangeActiveTextEditor(showStatus),
    workspace.onDidCloseTextDocument((document) => statusByUri.delete(document.uri.toString())),
  );

  const startClient = async () => {
    await client!.start();
    client!.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      statusByUri.set(params.uri, params);
      showStatus();
    });
  };

  context.subscriptions.push(
    commands.registerCommand('shuzhi.restartServer', async () => {
      output.info('重启检查服务……');
      await client?.stop();
      client = createClient(context, output, makeClient);
      await startClient();
      window.setStatusBarMessage('述职报告助手：检查服务已重启', 3000);
    }),
    commands.registerCommand('shuzhi.checkWorkspace', () => checkWorkspace(output)),
    commands.registerCommand('shuzhi.newReport', (chosen?: NewReportArguments) => newReport(client, chosen)),
    ...ignoreCommands(),
    workspace.registerTextDocumentContentProvider(WORD_VIEW_SCHEME, new WordView(() => client)),
    // Trust granted: start again so the workspace's own placeholder patterns apply.
    workspace.onDidGrantWorkspaceTrust(() => commands.executeCommand('shuzhi.restartServer')),
    commands.registerCommand('shuzhi.showOutline', showOutline),
    commands.registerCommand('shuzhi.checkAsReport', (chosen?: { genre?: string }) => checkAsReport(chosen)),
    commands.registerCommand('shuzhi.importDocx', (resource?: Uri, args?: ImportArguments) =>
      importDocxCommand(client, resource instanceof Uri ? resource : undefined, args)),
    commands.registerCommand('shuzhi.exportDocx', (resource?: Uri, args?: ExportArguments) =>
      exportDocxCommand(client, resource instanceof Uri ? resource : undefined, args)),
  );
  registerPageView(context, () => client);
  await startClient();
}

function createClient(context: ExtensionContext, output: LogOutputChannel, makeClient: ClientFactory): BaseLanguageClient {
  const clientOptions: LanguageClientOptions = {
    // Drafts on disk, unsaved and in virtual workspaces; not the other texts VS Code opens in the background
    // (a Git diff's old side, a Word file's read-only view), which would repeat every finding.
    documentSelector: DRAFT_SCHEMES.map((scheme) => ({ language: 'markdown', scheme })),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: {
      // In Restricted Mode the server leaves the workspace's placeholder patterns unused.
      trusted: workspace.isTrusted,
      // This client runs 忽略这一处 and 加入允许词语 (they write to the settings).
      clientCommands: true,
      // The rule pages shipped with the extension are opened from findings; they are not drafts.
      ownFolders: [context.extensionUri.toString()],
    },
  };
  return makeClient(clientOptions);
}

/** Sends every Markdown file of the workspace to the server, which puts its findings in the Problems panel. */
async function checkWorkspace(output: LogOutputChannel): Promise<CheckFilesResult | undefined> {
  if (!client) return undefined;
  const found = await workspace.findFiles('**/*.{md,markdown,docx}', '**/{node_modules,.git}/**');
  // A Word file exported from a draft, or imported into one, is that draft again: checked once, as the draft.
  const twins = twinsOfDrafts(found.map((uri) => uri.path), exportFolders());
  const uris = found.filter((uri) => !twins.has(uri.path));
  // Findings an earlier check listed for a Word file that has since become a twin would be listed twice.
  for (const twin of found.filter((uri) => twins.has(uri.path))) {
    client.diagnostics?.delete(twin);
    client.diagnostics?.delete(Uri.parse(wordViewUri(twin.toString())));
  }
  const total: CheckFilesResult = { reports: 0, counts: { error: 0, warning: 0, info: 0, hint: 0 } };
  await window.withProgress({ location: ProgressLocation.Notification, title: '检查工作区中的文稿', cancellable: true }, async (progress, token) => {
    for (let i = 0; i < uris.length && !token.isCancellationRequested; i += WORKSPACE_BATCH) {
      const batch = uris.slice(i, i + WORKSPACE_BATCH);
      const files: CheckFilesParams['files'] = [];
      for (const uri of batch) {
        try {
          const stat = await workspace.fs.stat(uri);
          if (stat.size > MAX_WORKSPACE_FILE_BYTES) {
            output.warn(`跳过 ${uri.toString()}：文件超过 5 MB`);
            continue;
          }
          const bytes = await workspace.fs.readFile(uri);
          // Word files are converted by the server; their findings name the paragraph.
          files.push(/\.docx$/i.test(uri.path) ? { uri: uri.toString(), docx: toBase64(bytes) } : { uri: uri.toString(), text: new TextDecoder().decode(bytes) });
        } catch (error) {
          output.warn(`无法读取 ${uri.toString()}：${String(error)}`);
        }
      }
      const result = await client!.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { files });
      total.reports += result.reports;
      for (const key of Object.keys(total.counts) as Array<keyof CheckFilesResult['counts']>) total.counts[key] += result.counts[key];
      progress.report({ increment: (batch.length / uris.length) * 100, message: `${Math.min(i + batch.length, uris.length)} / ${uris.length}` });
    }
  });
  const problems = total.counts.error + total.counts.warning + total.counts.info + total.counts.hint;
  const skipped = twins.size > 0 ? `（${twins.size} 个 Word 文件是文稿导出或导入的副本，随文稿检查）` : '';
  void window.showInformationMessage(`检查了 ${uris.length} 个 Markdown 和 Word 文件${skipped}，其中 ${total.reports} 份报告，发现 ${problems} 个问题（${total.counts.error} 个错误）。`);
  if (problems > 0) void commands.executeCommand('workbench.actions.view.problems');
  return total;
}

/** Paths of the folders Word files are exported to (shuzhi.export.folder), per workspace folder. */
function exportFolders(): string[] {
  return (workspace.workspaceFolders ?? []).flatMap((folder) => {
    const setting = workspace.getConfiguration('shuzhi', folder.uri).get<string>('export.folder', '').trim();
    if (!setting) return [];
    return [setting.startsWith('/') || /^[A-Za-z]:[\\/]/.test(setting) ? Uri.file(setting).path : Uri.joinPath(folder.uri, setting).path];
  });
}

/** A quick pick of the report's headings, indented by level; choosing one moves the cursor there. */
async function showOutline(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'markdown') {
    void window.showInformationMessage('请先打开一份 Markdown 文稿。');
    return;
  }
  const items = await client.sendRequest<OutlineItem[]>(OUTLINE_REQUEST, { uri: editor.document.uri.toString() });
  if (items.length === 0) {
    void window.showInformationMessage('这份文稿还没有“一、”“（一）”这样的标题。');
    return;
  }
  const picked = await window.showQuickPick(
    items.map((item) => ({ label: `${'\u3000'.repeat(item.level - 1)}${item.name}`, description: `第 ${item.line + 1} 行`, item})),
    { title: '报告提纲', placeHolder: '选择一个标题跳转' },
  );
  if (!picked) return;
  const position = new Position(picked.item.line, 0);
  editor.selection = new Selection(position, position);
  editor.revealRange(new Range(position, position), TextEditorRevealType.AtTop);
}

/**
 * One click for a draft that was not recognised as a report: the chosen genre goes into the draft's
 * front matter (profile:), which every editor and the command line honour.
 */
async function checkAsReport(chosen?: { genre?: string }): Promise<void> {
  const editor = window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'markdown') {
    void window.showInformationMessage('请先打开一份 Markdown 文稿。');
    return;
  }
  const { document } = editor;
  const genres = await client.sendRequest<string[]>(GENRES_REQUEST, { uri: document.uri.toString() });
  const genre = chosen?.genre && genres.includes(chosen.genre)
    ? chosen.genre
    : await window.showQuickPick(genres, { title: '这份文稿是哪种报告？', placeHolder: '选择文种，将写入文首的 profile:' });
  if (!genre) return;
  const hasFrontMatter = document.lineCount > 1 && document.lineAt(0).text.trim() === '---';
  let profileLine: number | undefined;
  for (let line = 1; hasFrontMatter && line < document.lineCount && document.lineAt(line).text.trim() !== '---'; line++) {
    if (/^profile\s*:/.test(document.lineAt(line).text)) profileLine = line;
  }
  await editor.edit((builder) => {
    if (profileLine !== undefined) builder.replace(document.lineAt(profileLine).range, `profile: ${genre}`);
    else if (hasFrontMatter) builder.insert(new Position(1, 0), `profile: ${genre}\n`);
    else builder.insert(new Position(0, 0), `---\nprofile: ${genre}\n---\n\n`);
  });
}

export async function deactivateShuzhi(): Promise<void> {
  await client?.stop();
}

