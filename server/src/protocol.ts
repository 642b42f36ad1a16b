/** Messages shared by the language server and the VS Code client. */

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
}

export const OUTLINE_REQUEST = 'shuzhi/outline';

/** The genres known for a document (built-in and from its .shuzhirc.json). */
export const GENRES_REQUEST = 'shuzhi/genres';

export const CHECK_FILES_REQUEST = 'shuzhi/checkFiles';

export interface CheckFilesParams {
  files: Array<{ uri: string; text: string }>;
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
