/** What a rule module exports and what it sees while checking. */
import type { DraftLength, Limits } from '../features/length';
import type { Lexicon } from '../lexicon/lexicon';
import type { Line } from '../reading/markdown';
import type { ReportModel } from '../reading/model';
import { insideAny } from '../lexicon/phrases';
import type { UserPattern } from './patterns';
import type { PhraseEntry } from '../lexicon/phrases';
import type { Report, RuleMeta } from './types';

export interface RuleContext {
  readonly model: ReportModel;
  /** Extra placeholder patterns from configuration, already compiled. */
  readonly extraPlaceholders: readonly UserPattern[];
  /** Ids of the genres in force, for messages. */
  readonly profileIds: readonly string[];
  readonly options: { readonly strictHierarchy: boolean; readonly limits: Limits; readonly readingSpeed: number };
  /** The draft's length, laid out once however many rules ask. */
  length(): DraftLength;
  /** Words the configuration allows: a finding inside one of them is not reported. */
  readonly allow: readonly string[];
  /** Extra wrong → right spellings from the configuration. */
  readonly phrases: readonly PhraseEntry[];
  /** The dictionary, once loaded; rules that read words skip the check until then. */
  readonly lexicon?: Lexicon;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** An edit or a range in a line's text indexes, mapped to source offsets when reported. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * Reports [start, end) of a line's text, unless it lies inside a word the configuration allows; the
 * fix's edits are given in the line's text indexes too.
 */
export function reportInLine(
  context: RuleContext, line: Line, range: LineRange, message: string, fix?: { title: string; edits: Array<LineRange & { newText: string }> },
): void {
  if (insideAny(line.text, range.start, range.end, context.allow)) return;
  context.report({
    start: line.map[range.start],
    end: line.map[range.end],
    message,
    fix: fix && { title: fix.title, edits: fix.edits.map((edit) => ({ start: line.map[edit.start], end: line.map[edit.end], newText: edit.newText })) },
  });
}

/**
 * Every match of a global pattern in the text. Unlike matchAll it does not copy the pattern first, a
 * cost that adds up over every line of a draft times every pattern of a rule.
 */
export function execAll(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push(match);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return found;
}
