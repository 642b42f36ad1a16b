/** Reading drafts from disk for the CLI: binary, oversized and non-UTF-8 files get a clear message. */
import { readFile } from 'node:fs/promises';

export const MAX_DRAFT_BYTES = 50 * 1024 * 1024;

export type ReadResult = { text: string; notice?: string } | { error: string };

export function decodeDraft(bytes: Uint8Array, name: string): ReadResult {
  if (bytes.length > MAX_DRAFT_BYTES) {
    return { error: `${name}：文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 50 MB，不像是一份文稿，未检查。` };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { error: `${name}：这是二进制文件（如 .docx、图片），不是 Markdown 文稿，未检查。请检查 Markdown 源文件。` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Drafts saved by older Windows tools are often GB18030/GBK.
    try {
      return {
        text: new TextDecoder('gb18030', { fatal: true }).decode(bytes),
        notice: `${name}：不是 UTF-8 编码，已按 GB18030（GBK）读取。建议另存为 UTF-8。`,
      };
    } catch {
      return { error: `${name}：无法识别文字编码（既不是 UTF-8 也不是 GBK），未检查。请另存为 UTF-8 后重试。` };
    }
  }
}

/** Reads the draft at `path`; messages name it as `shown` (the path the user typed). */
export async function readDraft(path: string, shown = path): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : code === 'EISDIR' ? '这是一个文件夹' : `无法读取（${code ?? String(error)}）`;
    return { error: `${shown}：${reason}。` };
  }
  return decodeDraft(bytes, shown);
}
