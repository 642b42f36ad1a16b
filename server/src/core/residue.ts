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
    const whole = PATTERNS.find((pattern) => pattern.whole && text.length <= pattern.maxLength && pattern.regex.test(text));
    if (whole) {
      found.push(wholeLineResidue(line, lineIndex, whole.reason));
      return;
    }
    const spans: Residue[] = [];
    for (const pattern of PATTERNS) {
      if (pattern.whole) continue;
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
