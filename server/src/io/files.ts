/** Reading drafts from disk for the CLI: binary, oversized, non-regular and non-UTF-8 files get a clear message. */
import { importDocx, ImportError } from '../import/docx';
import { readBounded } from './read';
import { writeFileSafely, WriteError } from './safeWrite';

/** A report is tens of kilobytes; past this a draft is refused before it is read, from a file or standard input alike. */
export const MAX_DRAFT_BYTES = 5 * 1024 * 1024;
/** A Word file carries its pictures: larger, and what it unpacks to is bounded by the importer. */
export const MAX_WORD_BYTES = 50 * 1024 * 1024;

/** `bom`: the UTF-8 file began with a byte order mark, which decoding drops and writing back restores. */
export type ReadResult = { text: string; notice?: string; bom?: boolean } | { error: string };

export function decodeDraft(bytes: Uint8Array, name: string): ReadResult {
  if (bytes.length > MAX_DRAFT_BYTES) {
    return { error: `${name}：超过 ${MAX_DRAFT_BYTES / 1024 / 1024} MB 的上限，不像是一份文稿，未检查。` };
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), notice: `${name}：是 UTF-16 编码，已按 UTF-16 读取。建议另存为 UTF-8。` };
    } catch {
      return { error: `${name}：看起来是 UTF-16 编码，但内容有误，未检查。请另存为 UTF-8 后重试。` };
    }
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { error: `${name}：这是二进制文件（如图片），不是 Markdown 文稿，未检查。Word 文稿请用 .docx 文件名检查。` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
  } catch {
    // Drafts saved by older Windows tools are often GB18030/GBK; those from Taiwan or Hong Kong, Big5.
    const gb = decodeOrUndefined('gb18030', bytes);
    const big5 = decodeOrUndefined('big5', bytes);
    if (big5 !== undefined && (gb === undefined || garbled(gb) > garbled(big5))) {
      return { text: big5, notice: `${name}：不是 UTF-8 编码，已按 Big5（繁体中文）读取。建议另存为 UTF-8。` };
    }
    if (gb !== undefined) return { text: gb, notice: `${name}：不是 UTF-8 编码，已按 GB18030（GBK）读取。建议另存为 UTF-8。` };
    return { error: `${name}：无法识别文字编码（不是 UTF-8、GBK 或 Big5），未检查。请另存为 UTF-8 后重试。` };
  }
}

function decodeOrUndefined(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Characters a Chinese report hardly ever holds but a wrong legacy decoding produces in numbers: kana,
 * bopomofo, Cyrillic, Greek, box drawing, private use. The share of them tells GBK from Big5.
 */
const UNLIKELY = /[\u3040-\u30ff\u3100-\u312f\u0400-\u04ff\u0370-\u03ff\u2500-\u257f\ue000-\uf8ff]/g;

function garbled(text: string): number {
  return (text.match(UNLIKELY)?.length ?? 0) / Math.max(1, text.length);
}

/** UTF-16 by its byte order mark (Notepad saves "Unicode" that way). */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A Word draft read as the Markdown it converts to, with the Word paragraph of each line. */
export type WordReadResult = { text: string; paragraphOfLine: number[] } | { error: string };

export async function readWordDraft(path: string, shown = path): Promise<WordReadResult> {
  const read = readBounded(path, MAX_WORD_BYTES);
  if ('problem' in read) return { error: `${shown}：${read.problem}。` };
  try {
    const imported = await importDocx(read.bytes, 'images');
    return { text: imported.markdown, paragraphOfLine: imported.paragraphOfLine };
  } catch (error) {
    if (error instanceof ImportError) return { error: `${shown}：${error.message}` };
    throw error;
  }
}

/** Word files by name: .docx is read through the importer, .doc gets the importer's request to save as .docx. */
export const WORD_FILE = /\.docx?$/i;

/** Reads the draft at `path` (regular files only, at most the size limit); messages name it as `shown`. */
export async function readDraft(path: string, shown = path): Promise<ReadResult> {
  const read = readBounded(path, MAX_DRAFT_BYTES);
  if ('problem' in read) return { error: `${shown}：${read.problem}。` };
  return decodeDraft(read.bytes, shown);
}

/**
 * Writes a fixed draft back (see safeWrite): never half-written, never over changes made since `original`
 * was read, owner, mode and links kept. Returns the problem, naming `shown`, or undefined.
 */
export function writeFixedDraft(path: string, shown: string, text: string, bom: boolean, original: string): string | undefined {
  const encode = (value: string) => new TextEncoder().encode((bom ? '\uFEFF' : '') + value);
  try {
    writeFileSafely(path, encode(text), { expected: encode(original), throughLink: true, shown });
    return undefined;
  } catch (error) {
    if (error instanceof WriteError) return error.message;
    throw error;
  }
}
