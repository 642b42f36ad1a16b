/** Leftovers of download sites and text generators: whole lines and spans inside lines (domain reference §5). */
import data from '../data/residue.json';
import type { Line } from './markdown';

export interface Residue {
  lineIndex: number;
  /** Text indexes in the line; a whole line spans its trimmed text. */
  start: number;
  end: number;
  whole: boolean;
  /** Why it is residue, in Chinese. */
  reason: string;
}

interface Pattern {
  regex: RegExp;
  whole: boolean;
  maxLength: number;
  reason: string;
}

const DEFAULT_MAX_LENGTH = 80;
const PATTERNS: Pattern[] = data.patterns.map((entry: { pattern: string; scope: string; maxLength?: number; reason: string }) => ({
  regex: new RegExp(entry.pattern, entry.scope === 'span' ? 'g' : ''),
  whole: entry.scope === 'line',
  maxLength: entry.maxLength ?? DEFAULT_MAX_LENGTH,
  reason: entry.reason,
}));
const ABOVE_TITLE_CUES = new RegExp(data.aboveTitleCues);
/** Whole-line patterns of one length limit, joined: most lines are ruled out by one test. */
const LINE_GROUPS = [...new Set(PATTERNS.filter((pattern) => pattern.whole).map((pattern) => pattern.maxLength))].map((maxLength) => {
  const members = PATTERNS.filter((pattern) => pattern.whole && pattern.maxLength === maxLength);
  return { maxLength, any: new RegExp(members.map((pattern) => `(?:${pattern.regex.source})`).join('|')), members };
});
const SPAN_PATTERNS = PATTERNS.filter((pattern) => !pattern.whole);
const ANY_SPAN = new RegExp(SPAN_PATTERNS.map((pattern) => `(?:${pattern.regex.source})`).join('|'));

/** A line with no Chinese or Latin word left once its residue spans are gone is residue as a whole. */
const WORD = /[\u4e00-\u9fffA-Za-z]/;

export function wholeLineResidue(line: Line, lineIndex: number, reason: string): Residue {
  const lead = line.text.length - line.text.trimStart().length;
  return { lineIndex, start: lead, end: line.text.trimEnd().length, whole: true, reason };
}

/** Residue found by its wording anywhere in the draft. */
export function findResidue(lines: readonly Line[]): Residue[] {
  const found: Residue[] = [];
  lines.forEach((line, lineIndex) => {
    const text = line.text.trim();
    const group = LINE_GROUPS.find((candidate) => text.length <= candidate.maxLength && candidate.any.test(text));
    if (group) {
      found.push(wholeLineResidue(line, lineIndex, group.members.find((pattern) => pattern.regex.test(text))!.reason));
      return;
    }
    if (!ANY_SPAN.test(line.text)) return;
    const spans: Residue[] = [];
    for (const pattern of SPAN_PATTERNS) {
      pattern.regex.lastIndex = 0;
      for (let match = pattern.regex.exec(line.text); match; match = pattern.regex.exec(line.text)) {
        if (match[0].length === 0) {
          pattern.regex.lastIndex++;
          continue;
        }
        spans.push({ lineIndex, start: match.index, end: match.index + match[0].length, whole: false, reason: pattern.reason });
      }
    }
    if (spans.length === 0) return;
    spans.sort((a, b) => a.start - b.start);
    let rest = '';
    let at = 0;
    for (const span of spans) {
      rest += line.text.slice(at, Math.max(at, span.start));
      at = Math.max(at, span.end);
    }
    rest += line.text.slice(at);
    if (!WORD.test(rest)) found.push(wholeLineResidue(line, lineIndex, spans[0].reason));
    else found.push(...spans);
  });
  return found;
}

/** Above the title, a line with a site's wording (下载, 首页, KB, 范文…) is page residue even when no pattern names it. */
export function looksLikeSiteChrome(text: string): boolean {
  return ABOVE_TITLE_CUES.test(text);
}

export const ABOVE_TITLE_REASON: string = data.aboveTitleCuesReason;
