/** Messages shared by the language server and the VS Code client. */
import type { SetPage } from './core/features/pages';

export type { SetLine, SetPage } from './core/features/pages';

export const STATUS_NOTIFICATION = 'shuzhi/status';

export interface StatusParams {
  uri: string;
  /** Detected or configured genre. */
  profile?: string;
  /** False when the file was not checked because it does not look like a report. */
  isReport: boolean;
  /** Why the file is or is not checked as a report, in Chinese. */
  scope: string;
  /** Something the user should know about how the file was checked (Restricted Mode). */
  note?: string;
  counts: { error: number; warning: number; info: number; hint: number };
  /** A report's length: characters as Word counts 字数, pages as exported, minutes at readingSpeed. */
  length?: { characters: number; pages: number; minutes: number; readingSpeed: number; parts: Array<{ name: string; characters: number }> };
}

/** The draft set in pages as the Word export lays it out, for the page view. */
export const PAGES_REQUEST = 'shuzhi/pages';

export interface PagesParams {
  uri: string;
}

export interface PagesResult {
  /** The document version the pages were set from. */
  version: number;
  pages: SetPage[];
  characters: number;
  minutes: number;
}

export const OUTLINE_REQUEST = 'shuzhi/outline';

/** The genres known for a document (built-in and from its .shuzhirc.json). */
export const GENRES_REQUEST = 'shuzhi/genres';

export const CHECK_FILES_REQUEST = 'shuzhi/checkFiles';

export interface CheckFilesParams {
  /** Markdown files with their text; Word files (.docx) with their bytes, base64-encoded. */
  files: Array<{ uri: string; text: string } | { uri: string; docx: string }>;
}

export interface CheckFilesResult {
  /** Files that looked like reports and were checked. */
  reports: number;
  counts: StatusParams['counts'];
}

export interface OutlineItem {
  name: string;
  level: number;
  line: number;
}

export const EXPORT_DOCX_REQUEST = 'shuzhi/exportDocx';

export interface ExportDocxParams {
  uri: string;
  text: string;
}

export interface ExportDocxResult {
  /** The .docx, base64-encoded. */
  docx: string;
  /** Unfilled placeholders, missing numbers and missing sections still in the draft. */
  unfinished: number;
  /** What the Word file would lose (an unclosed comment): asked about before writing. */
  blocking: string[];
  /** What the export cleaned on its way. */
  notes: string[];
  /** The report's title, the name an unsaved draft's Word file is offered under. */
  title?: string;
}

export const IMPORT_DOCX_REQUEST = 'shuzhi/importDocx';

export interface ImportDocxParams {
  /** The Word file, base64-encoded (read by the client, which may be remote from it). */
  docx: string;
  /** The file name of the draft to be written (述职报告.md): its images go to a folder named after it. */
  draftName: string;
}

export type ImportDocxResult =
  | { markdown: string; images: Array<{ path: string; data: string }> }
  | { error: string };

/**
 * Findings of a Word file found by "check the workspace" are published for a read-only view of its text
 * (the Markdown an import makes of it), so that clicking one opens that paragraph, not a binary file.
 * The view's URI keeps the Word file's path, so the Problems panel names the Word file, and carries
 * the file's own URI in its query.
 */
export const WORD_VIEW_SCHEME = 'shuzhi-word';

export function wordViewUri(fileUri: string): string {
  let path: string;
  try {
    path = new URL(fileUri).pathname;
  } catch {
    path = `/${encodeURIComponent(fileUri)}`;
  }
  return `${WORD_VIEW_SCHEME}:${path}?${encodeURIComponent(fileUri)}`;
}

/** The draft an import of the Word file would write (述职报告.docx → 述职报告.md): its images folder is named after it. */
export function draftNameFor(fileUri: string): string {
  const last = fileUri.split(/[/?#]/).filter(Boolean).pop() ?? 'word.docx';
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  return name.replace(/\.docx?$/i, '') + '.md';
}

/*
 * Asked by the browser build's server (a web worker, with no file system of its own) of its client, which
 * reads through the editor's file system: a draft's .shuzhirc.json, the images it shows, the dictionary.
 */

/** The nearest .shuzhirc.json at or above a document's folder, within its workspace folder. */
export const CONFIG_FILE_REQUEST = 'shuzhi/configFile';

export interface ConfigFileParams {
  uri: string;
}

/** The file's URI and text, its problem when it could not be read, or null when there is none. */
export type ConfigFileResult = { uri: string; text: string } | { uri: string; problem: string } | null;

/** The bytes of an image a document shows, by its address as written in the document. */
export const IMAGE_FILE_REQUEST = 'shuzhi/imageFile';

export interface ImageFileParams {
  uri: string;
  address: string;
}

/** Base64-encoded bytes, or why they could not be read (in Chinese, after the address). */
export type ImageFileResult = { data: string } | { problem: string };

/** The dictionary's data files, from the extension's dist/lexicon. */
export const LEXICON_REQUEST = 'shuzhi/lexicon';

export interface LexiconResult {
  words: string;
  readings: string;
  shapes: string;
}
