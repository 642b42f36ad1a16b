/**
 * A long title broken the way GB/T 9704 7.3.1 asks: between words, lines of near-equal length in a
 * trapezoid (each line no longer than the one below), never a word or a lone 报告 on a line of its own.
 */
import titleTerms from '../data/titleTerms.json';
import { emWidth } from './layout';

/**
 * Width in characters: Latin letters and digits as Times New Roman sets them (a digit is half a Chinese
 * character), and a little kept where a Chinese character meets a Latin letter or digit, for the space
 * LibreOffice and WPS put there.
 */
export function textWidth(text: string): number {
  let width = 0;
  let previous = '';
  for (const ch of text) {
    width += emWidth(ch, previous);
    if (spacedApart(previous, ch)) width += AUTOSPACE;
    previous = ch;
  }
  return width;
}

/** Latin letters, digits and ASCII marks: set in the Latin font. */
export function isHalfWidth(ch: string): boolean {
  return ch >= '\x20' && ch <= '\x7e';
}

/** The space LibreOffice keeps where Chinese and Latin meet, in ems (measured on its PDFs, and the value that breaks every example's lines where it does). */
export const AUTOSPACE = 0.235;

/** A Chinese character next to a Latin letter or digit (not next to a mark). */
export function spacedApart(a: string, b: string): boolean {
  const first = a.charCodeAt(0);
  const second = b.charCodeAt(0);
  return (isIdeograph(first) && isLatinLetterOrDigit(second)) || (isLatinLetterOrDigit(first) && isIdeograph(second));
}

function isIdeograph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isLatinLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Marks that may not start a line, and marks that may not end one. */
const CLOSING_MARKS = '，。、；：？！）》〉」』”’,.;:?!)]';
const OPENING_MARKS = '（《〈「『“‘([';
export const isClosingMark = (ch: string) => CLOSING_MARKS.includes(ch);
export const isOpeningMark = (ch: string) => OPENING_MARKS.includes(ch);
/** A title over more lines than this is not one; trying every break of it would only cost time. */
const MAX_LINES = 4;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The segmenter's words, joined where a known title word spans several of them. */
function wordsOf(title: string): string[] {
  const inside = new Uint8Array(title.length + 1);
  for (const term of titleTerms.terms) {
    for (let at = title.indexOf(term); at !== -1; at = title.indexOf(term, at + 1)) inside.fill(1, at + 1, at + term.length);
  }
  const words: string[] = [];
  for (const { segment, index } of segmenter.segment(title)) {
    if (index > 0 && inside[index]) words[words.length - 1] += segment;
    else words.push(segment);
  }
  return words;
}

export function balancedTitleLines(title: string, lineCharacters: number): string[] {
  if (textWidth(title) <= lineCharacters) return [title];
  const minimumLines = Math.ceil(textWidth(title) / lineCharacters);
  if (minimumLines > MAX_LINES) return [title];
  const words = wordsOf(title);
  // One more row than needed is worth trying: it may avoid splitting a word.
  let best: Candidate | undefined;
  for (let lines = minimumLines; lines <= Math.min(words.length, minimumLines + 1, MAX_LINES); lines++) {
    const candidate = bestBreaks(words, lines, lineCharacters);
    if (candidate && (!best || candidate.score + (lines - minimumLines) * EXTRA_ROW < best.score)) best = candidate;
  }
  return best?.lines ?? [title];
}

interface Candidate {
  lines: string[];
  score: number;
}

/** What one row more than the title needs costs, against the unevenness it may save. */
const EXTRA_ROW = 3;

/** Tries every way to cut the words into `count` lines that fit; keeps the most even, trapezoid first. */
function bestBreaks(words: string[], count: number, lineCharacters: number): Candidate | undefined {
  let best: Candidate | undefined;
  const cuts: number[] = [];
  const visit = (from: number, remaining: number) => {
    if (remaining === 1) {
      const lines = [...cuts, words.length].map((end, index) => words.slice(index === 0 ? 0 : cuts[index - 1], end).join(''));
      const score = scoreOf(lines, lineCharacters, cuts.filter((cut) => isWeakBoundary(words, cut)).length);
      if (score !== undefined && (!best || score < best.score)) best = { lines, score };
      return;
    }
    for (let cut = from + 1; cut <= words.length - remaining + 1; cut++) {
      if (textWidth(words.slice(from, cut).join('')) > lineCharacters) break;
      cuts.push(cut);
      visit(cut, remaining - 1);
      cuts.pop();
    }
  };
  visit(0, count);
  return best;
}

/**
 * Between two one-character Chinese segments the segmenter met a word it does not know (党风廉政 comes
 * out as 党/风/廉/政), and a number belongs with its unit (2024/年度): a break there splits a word.
 */
function isWeakBoundary(words: string[], cut: number): boolean {
  const single = (word: string | undefined) => word !== undefined && word.length === 1 && /[\u4e00-\u9fff]/.test(word);
  return (single(words[cut - 1]) && single(words[cut])) || (/\d$/.test(words[cut - 1] ?? '') && /^[^\d]/.test(words[cut] ?? ''));
}

function scoreOf(lines: string[], lineCharacters: number, weakBreaks: number): number | undefined {
  const widths = lines.map(textWidth);
  if (widths.some((width) => width > lineCharacters)) return undefined;
  if (lines.some((line, index) => isClosingMark(line[0] ?? '') || (index < lines.length - 1 && isOpeningMark(line[line.length - 1] ?? '')))) return undefined;
  const spread = Math.max(...widths) - Math.min(...widths);
  // A line longer than the one under it turns the trapezoid upside down: allowed, but only when nothing better fits.
  const inverted = widths.slice(1).filter((width, index) => width < widths[index]).length;
  return spread + inverted * 2 + weakBreaks * 10;
}
