/** 述职报告：从 Word 导入 — a .docx becomes a Markdown draft beside it, opened with its findings. */
import { Uri, window, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { IMPORT_DOCX_REQUEST, type ImportDocxResult } from '../../server/src/protocol';
import { fromBase64, toBase64 } from '../../server/src/io/base64';
import { exists, uriOfPath } from './export';

/** For tasks, keybindings and tests: skip the questions. */
export interface ImportArguments {
  target?: string;
  overwrite?: boolean;
}

/** A report is some hundred kilobytes; a Word file past this is not one. */
const MAX_WORD_BYTES = 50 * 1024 * 1024;

export async function importDocxCommand(client: BaseLanguageClient | undefined, resource?: Uri, args: ImportArguments = {}): Promise<Uri | undefined> {
  if (!client) return undefined;
  const source = resource ?? (await window.showOpenDialog({ canSelectMany: false, filters: { 'Word 文档': ['docx', 'doc'] }, title: '选择要导入的 Word 文稿' }))?.[0];
  if (!source) return undefined;
  const stat = await workspace.fs.stat(source);
  if (stat.size > MAX_WORD_BYTES) {
    void window.showErrorMessage(`${source.fsPath} 超过 50 MB，不像是一份文稿，没有导入。`);
    return undefined;
  }
  let target = args.target ? uriOfPath(args.target) : source.with({ path: source.path.replace(/\.docx?$/i, '') + '.md' });
  const name = () => target.path.split('/').pop()!;
  let result = await convert(client, source, name());
  if ('error' in result) {
    void window.showErrorMessage(`${source.path.split('/').pop()}：${result.error}`);
    return undefined;
  }
  const images = () => (result as Exclude<ImportDocxResult, { error: string }>).images.map((image) => ({ uri: Uri.joinPath(target, '..', image.path), data: image.data }));
  const taken = [];
  for (const file of [target, ...images().map((image) => image.uri)]) if (await exists(file)) taken.push(file);
  if (taken.length > 0 && !args.overwrite) {
    // 另存为 first: a modal's first button is the one Enter presses, and Enter should not overwrite.
    const choice = await window.showWarningMessage(`${taken.map((uri) => uri.path.split('/').pop()).join('、')} 已经存在。`, { modal: true }, '另存为…', '覆盖');
    if (choice === '另存为…') {
      const chosen = await window.showSaveDialog({ defaultUri: target, filters: { Markdown: ['md'] } });
      if (!chosen) return undefined;
      if (chosen.toString() === source.toString()) {
        void window.showErrorMessage('导入的文稿不能覆盖 Word 文件本身，请换一个文件名。');
        return undefined;
      }
      target = chosen;
      // Images are named after the draft: convert again for the new name.
      result = await convert(client, source, name());
      if ('error' in result) return undefined;
    } else if (choice !== '覆盖') {
      return undefined;
    }
  }
  try {
    for (const image of images()) await workspace.fs.writeFile(image.uri, fromBase64(image.data));
    await workspace.fs.writeFile(target, new TextEncoder().encode(result.markdown));
  } catch (error) {
    void window.showErrorMessage(`无法写入 ${target.fsPath}（${error instanceof Error ? error.message : String(error)}）。`);
    return undefined;
  }
  await window.showTextDocument(target);
  return target;
}

async function convert(client: BaseLanguageClient, source: Uri, draftName: string): Promise<ImportDocxResult> {
  const bytes = await workspace.fs.readFile(source);
  return window.withProgress({ location: { viewId: 'workbench.explorer.fileView' } }, () =>
    client.sendRequest<ImportDocxResult>(IMPORT_DOCX_REQUEST, { docx: toBase64(bytes), draftName }));
}
