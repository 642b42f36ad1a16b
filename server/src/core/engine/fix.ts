/**
 * The fix engine, shared by the language server, the CLI and the tests: apply the fixes of findings
 * without overlap, check again, and repeat until nothing fixable is left, so "fix all" converges in one
 * action (ESLint's loop, markdownlint's applyFixes).
 */
import { lint, type LintConfig } from './lint';
import type { Finding, TextEditOffsets } from './types';

/** Passes before giving up on fixes that keep producing new fixable findings. */
const MAX_PASSES = 10;

/** The non-overlapping edits of the findings' fixes, in document order; an edit already taken is not taken twice. */
function nonOverlappingEdits(findings: readonly Finding[]): TextEditOffsets[] {
  // Findings of one run share its fix (renumbering a list is one fix for each of its items): its edits
  // are taken once, or 1,000 numbered items would give a million edits to sort.
  const fixes = new Set(findings.map((finding) => finding.fix).filter((fix) => fix !== undefined));
  const edits = [...fixes].flatMap((fix) => fix.edits).sort((a, b) => a.start - b.start || a.end - b.end);
  const taken: TextEditOffsets[] = [];
  for (const edit of edits) {
    const last = taken[taken.length - 1];
    if (last && last.start === edit.start && last.end === edit.end && last.newText === edit.newText) continue;
    if (last && edit.start < last.end) continue;
    taken.push(edit);
  }
  return taken;
}

export function applyEdits(text: string, edits: readonly TextEditOffsets[]): string {
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

export interface FixOutcome {
  text: string;
  /** Checks run that applied something. */
  passes: number;
  /** Fixable findings still there after the last pass (fixes that undo each other, or the pass limit). */
  remaining: Finding[];
}

/** Applies every fix, re-checking after each pass, until no fixable finding is left. */
export function fixAll(text: string, config: LintConfig = {}, onlyRule?: string): FixOutcome {
  let current = text;
  for (let pass = 0; ; pass++) {
    const fixable = lint(current, config).findings.filter((finding) => finding.fix && (!onlyRule || finding.rule === onlyRule));
    if (fixable.length === 0 || pass === MAX_PASSES) return { text: current, passes: pass, remaining: fixable };
    const next = applyEdits(current, nonOverlappingEdits(fixable));
    if (next === current) return { text: current, passes: pass, remaining: fixable };
    current = next;
  }
}

/** One edit that turns `before` into `after`: the differing middle, so the editor keeps the cursor and folds elsewhere. */
export function minimalEdit(before: string, after: string): TextEditOffsets | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair.
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1])) start--;
  if (end > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - end])) end--;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
