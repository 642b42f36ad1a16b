/** Shared shapes of the checking core. Offsets are UTF-16 code unit offsets into the checked text. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEditOffsets {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Shown as the quick-fix title, in Chinese. */
  title: string;
  edits: TextEditOffsets[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fix?: Fix;
}

export interface RuleMeta {
  /** Stable id, used in configuration, inline comments and diagnostics. */
  id: string;
  /** Short Chinese name, for every string a user reads (quick fixes, settings descriptions). */
  name: string;
  /** One line, in Chinese. */
  description: string;
  defaultSeverity: Severity;
  /** Path of the rule's documentation page, relative to the package root. */
  docs: string;
  fixable: boolean;
  /** Checks the parts and numbering of a report: not run on a text about reports (a writing guide, a meeting plan). */
  structure?: boolean;
  /** The flagged words can be added to `allow` (a wording rule: the finding is about those words, not a mark). */
  allowable?: boolean;
}

export interface Report {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  /** At most this severity: what an unfinished draft has not reached yet is information. */
  severityAtMost?: Severity;
}
