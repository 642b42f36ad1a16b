/** 述职报告：导出为 Word — asks about unfinished drafts and existing files, writes safely, offers to open. */
import { commands, env, FileType, ProgressLocation, UIKind, Uri, window, workspace, type TextDocument } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { fromBase64 } from '../../server/src/io/base64';
import { wordLockNames } from '../../server/src/export/lock';
import { EXPORT_DOCX_REQUEST, type ExportDocxResult } from '../../server/src/protocol';
import { EXPORT_ANYWAY, SHOW_PROBLEMS, unfinishedQuestion } from './exportQuestion';

/** For tasks, keybindings and tests: skip the questions. */
export interface ExportArguments {
  target?: string;
  overwrite?: boolean;
  ignoreUnfinished?: boolean;
}

export async function exportDocxCommand(client: BaseLanguageClient | undefined, resource?: Uri, args: ExportArguments = {}): Promise<Uri | undefined> {
  const document = await draftFor(resource);
  if (!client || !document) {
    void window.showInformationMessage('请先打开一份 Markdown 文稿再导出。');
    return undefined;
  }
  const result = await window.withProgress({ location: ProgressLocation.Notification, title: '正在生成 Word 文件……' }, () =>
    client.sendRequest<ExportDocxResult>(EXPORT_DOCX_REQUEST, { uri: document.uri.toString(), text: document.getText() }),
  );
  if (result.unfinished > 0 && !args.ignoreUnfinished) {
    const question = unfinishedQuestion(result.unfinished);
    const choice = await window.showWarningMessage(question.message, { modal: true }, ...question.buttons);
    if (choice === SHOW_PROBLEMS) void commands.executeCommand('workbench.actions.view.problems');
    if (choice !== EXPORT_ANYWAY) return undefined;
  }
  if (result.blocking.length > 0 && !args.ignoreUnfinished) {
    const choice = await window.showWarningMessage(`导出的 Word 文件会缺少内容：${result.blocking.join(' ')}仍要导出吗？`, { modal: true }, '仍然导出');
    if (choice !== '仍然导出') return undefined;
  }
  const target = args.target ? uriOfPath(args.target) : await chooseTarget(document, args.overwrite === true, result.title);
  if (!target) return undefined;
  if (target.toString() === document.uri.toString() || (target.scheme === 'file' && target.fsPath.toLowerCase() === document.uri.fsPath.toLowerCase())) {
    void window.showErrorMessage('导出的 Word 文件不能覆盖文稿本身，请换一个文件名。');
    return undefined;
  }
  if (result.notes.length > 0) void window.showInformationMessage(result.notes.join(' '));
  const written = await writeSafely(target, fromBase64(result.docx));
  if (!written) return undefined;
  if (!args.target) void offerToOpen(target);
  return target;
}

/**
 * A path given to a command (tasks, keybindings, tests) on the workspace's own file system: the disk on
 * the desktop, the remote or virtual one in a browser, where a file: URI would lead nowhere.
 */
export function uriOfPath(path: string): Uri {
  const folder = workspace.workspaceFolders?.[0]?.uri;
  return !folder || folder.scheme === 'file' ? Uri.file(path) : folder.with({ path: path.replace(/\\/g, '/') });
}

async function draftFor(resource?: Uri): Promise<TextDocument | undefined> {
  if (resource) return workspace.openTextDocument(resource);
  const document = window.activeTextEditor?.document;
  return document?.languageId === 'markdown' ? document : undefined;
}

/** Next to the draft (or in the folder set by shuzhi.export.folder); an existing file is only replaced when the user says so. */
async function chooseTarget(document: TextDocument, overwrite: boolean, title: string | undefined): Promise<Uri | undefined> {
  // An unsaved draft (Untitled-1) is offered under its report title.
  const fromTitle = title && fileNameFrom(title);
  const name = (document.isUntitled && fromTitle) || document.uri.path.split('/').pop()!.replace(/\.(md|markdown)$/i, '') || '述职报告';
  const folderSetting = workspace.getConfiguration('shuzhi', document.uri).get<string>('export.folder', '').trim();
  const workspaceFolder = workspace.getWorkspaceFolder(document.uri)?.uri ?? workspace.workspaceFolders?.[0]?.uri;
  let folder: Uri | undefined;
  if (folderSetting) folder = folderSetting.startsWith('/') || /^[A-Za-z]:[\\/]/.test(folderSetting) ? Uri.file(folderSetting) : workspaceFolder && Uri.joinPath(workspaceFolder, folderSetting);
  else if (document.uri.scheme !== 'untitled') folder = Uri.joinPath(document.uri, '..');
  if (!folder) return window.showSaveDialog({ defaultUri: workspaceFolder && Uri.joinPath(workspaceFolder, `${name}.docx`), filters: { 'Word 文档': ['docx'] } });
  const target = Uri.joinPath(folder, `${name}.docx`);
  if (overwrite || !(await exists(target))) return target;
  // 另存为 first: a modal's first button is the one Enter presses, and Enter should not overwrite.
  const choice = await window.showWarningMessage(`${target.fsPath} 已经存在。`, { modal: true }, '另存为…', '覆盖');
  if (choice === '覆盖') return target;
  if (choice === '另存为…') return window.showSaveDialog({ defaultUri: target, filters: { 'Word 文档': ['docx'] } });
  return undefined;
}

export async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Temporary file beside the target, then rename: a failure never leaves a half-written document. */
async function writeSafely(target: Uri, bytes: Uint8Array): Promise<boolean> {
  const existing = await workspace.fs.stat(target).then((stat) => stat, () => undefined);
  if (existing && existing.type !== FileType.File) {
    void window.showErrorMessage(`${target.fsPath} 不是普通文件（文件夹或其他），不能写入。请换一个文件名。`);
    return false;
  }
  const name = target.path.split('/').pop()!;
  const folder = Uri.joinPath(target, '..');
  const locks = wordLockNames(name).map((lock) => Uri.joinPath(folder, lock));
  for (const lock of locks) {
    if (await exists(lock)) {
      void window.showErrorMessage(`${target.fsPath} 正在被 Word 或 WPS 打开，无法覆盖。请先关闭这个文件再导出。`);
      return false;
    }
  }
  const temporary = Uri.joinPath(folder, `.${name}.${Date.now()}.tmp`);
  try {
    await workspace.fs.writeFile(temporary, bytes);
  } catch (error) {
    void window.showErrorMessage(`无法在 ${folder.fsPath} 中写入文件（${describe(error)}）。请在设置 shuzhi.export.folder 中换一个有写入权限的文件夹。`);
    return false;
  }
  try {
    await workspace.fs.rename(temporary, target, { overwrite: true });
    return true;
  } catch (error) {
    await workspace.fs.delete(temporary).then(undefined, () => undefined);
    void window.showErrorMessage(`无法写入 ${target.fsPath}（${describe(error)}）：文件可能正在 Word 中打开，请关闭后重试。`);
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Local: the system opens the file in Word or WPS. Remote or in the browser the file is not on this
 * computer: opening it would send the workbench to a vscode-remote:// address, so it is shown in the
 * Explorer instead and offered for download.
 */
async function offerToOpen(target: Uri): Promise<void> {
  if (isAwayFromFiles()) {
    const where = env.remoteName ? '远程机器' : target.scheme === 'vscode-remote' ? '服务器' : '浏览器打开的工作区';
    const choice = await window.showInformationMessage(
      `已导出 ${target.path.split('/').pop()}。文件在${where}上：点“下载”保存到本机（或在资源管理器中右键它，选择“下载…”）。`, '下载', '在资源管理器中显示');
    if (choice) await commands.executeCommand('revealInExplorer', target);
    // The workbench's 下载… fetches what the Explorer has selected: the file just revealed.
    if (choice === '下载') void commands.executeCommand('explorer.download');
    return;
  }
  const choice = await window.showInformationMessage(`已导出 ${target.fsPath}`, '打开', '在文件夹中显示');
  if (choice === '打开') void env.openExternal(target);
  if (choice === '在文件夹中显示') void commands.executeCommand('revealFileInOS', target);
}

function isAwayFromFiles(): boolean {
  return env.remoteName !== undefined || env.uiKind === UIKind.Web;
}

/** A title as a file name: characters Windows and macOS refuse removed, at most 60 characters. */
export function fileNameFrom(title: string): string {
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/\s+/g, ' ').trim().slice(0, 60);
}
