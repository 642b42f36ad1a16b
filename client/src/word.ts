/** The read-only view of a Word file's text, where the workspace check's findings for that file sit. */
import { type CancellationToken, type TextDocumentContentProvider, Uri, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { toBase64 } from '../../server/src/io/base64';
import { draftNameFor, IMPORT_DOCX_REQUEST, type ImportDocxResult } from '../../server/src/protocol';

/** A report is some hundred kilobytes; a Word file past this is not one. */
const MAX_WORD_BYTES = 50 * 1024 * 1024;

export class WordView implements TextDocumentContentProvider {
  constructor(private readonly client: () => BaseLanguageClient | undefined) {}

  /** The text an import makes of the Word file: the very text its findings were found in. */
  async provideTextDocumentContent(uri: Uri, token: CancellationToken): Promise<string> {
    const file = Uri.parse(uri.query);
    const client = this.client();
    if (!client) return '述职报告助手的检查服务没有运行，无法显示这个 Word 文件的文字。';
    try {
      const stat = await workspace.fs.stat(file);
      if (stat.size > MAX_WORD_BYTES) return `${file.fsPath} 超过 50 MB，不像是一份文稿。`;
      const bytes = await workspace.fs.readFile(file);
      const result = await client.sendRequest<ImportDocxResult>(IMPORT_DOCX_REQUEST, { docx: toBase64(bytes), draftName: draftNameFor(file.toString()) }, token);
      return 'error' in result ? `${file.path.split('/').pop()}：${result.error}` : result.markdown;
    } catch (error) {
      return `无法读取 ${file.fsPath}：${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
