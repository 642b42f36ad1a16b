/**
 * Findings the writer chose to ignore, one occurrence at a time. An entry names the rule, the flagged
 * words and the words around them on their line, not a line number: it keeps holding while the draft is
 * edited elsewhere, and lets go when that sentence itself is rewritten.
 */
import type { Finding } from './types';

export interface IgnoredFinding {
  rule: string;
  /** The flagged text. */
  text: string;
  /** Up to CONTEXT_CHARS characters of the same line before and after it. */
  before: string;
  after: string;
}

const CONTEXT_CHARS = 10;
const LINE_BREAK = /[\r\n]/;

/** What identifies this occurrence of a finding in the text. */
export function ignoreEntry(source: string, finding: Pick<Finding, 'rule' | 'start' | 'end'>): IgnoredFinding {
  let from = finding.start;
  while (from > 0 && finding.start - from < CONTEXT_CHARS && !LINE_BREAK.test(source[from - 1])) from--;
  let to = finding.end;
  while (to < source.length && to - finding.end < CONTEXT_CHARS && !LINE_BREAK.test(source[to])) to++;
  return {
    rule: finding.rule,
    text: source.slice(finding.start, finding.end),
    before: source.slice(from, finding.start),
    after: source.slice(finding.end, to),
  };
}

/** The findings that no entry ignores. */
export function withoutIgnored<T extends Pick<Finding, 'rule' | 'start' | 'end'>>(source: string, findings: T[], entries: readonly IgnoredFinding[]): T[] {
  if (entries.length === 0) return findings;
  const byKey = new Map<string, IgnoredFinding[]>();
  for (const entry of entries) {
    const key = `${entry.rule}\u0000${entry.text}`;
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  return findings.filter((finding) => {
    const candidates = byKey.get(`${finding.rule}\u0000${source.slice(finding.start, finding.end)}`);
    return !candidates?.some((entry) =>
      source.startsWith(entry.before, finding.start - entry.before.length) && finding.start >= entry.before.length
      && source.startsWith(entry.after, finding.end));
  });
}

/** Whether two entries name the same occurrence (so recording one twice adds nothing). */
export function sameEntry(a: IgnoredFinding, b: IgnoredFinding): boolean {
  return a.rule === b.rule && a.text === b.text && a.before === b.before && a.after === b.after;
}
