/**
 * Structure ordinals at the start of a paragraph (GB/T 9704 §7.3.3, GB/T 15834 B.3):
 * 一、 → （一） → 1. → （1） → ①.
 */
import { arabicToNumber, chineseToNumber, circledToNumber, numberToChinese, numberToCircled } from './numerals';
import { countsFrom } from '../lexicon/units';

export type NumeralKind = 'chinese' | 'arabic' | 'circled';

export interface Ordinal {
  level: 1 | 2 | 3 | 4 | 5;
  value: number;
  kind: NumeralKind;
  /** Text indexes within the line. */
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  /** The marker as written and as the standard wants it. */
  written: string;
  canonical: string;
}

const CHINESE_NUM = '[一二三四五六七八九十]{1,3}';
const ARABIC_NUM = '[0-9０-９]{1,2}';
const LEVEL1 = new RegExp(`^(${CHINESE_NUM})[ \\t]*([、，,.．:：])`);
const LEVEL2 = new RegExp(`^([（(])[ \\t]*(${CHINESE_NUM})[ \\t]*([）)])[ \\t]*([、，,.．]?)`);
const LEVEL3 = new RegExp(`^(${ARABIC_NUM})[ \\t]*([.．、,，:：)）])(?![0-9０-９])`);
const LEVEL4 = new RegExp(`^([（(])[ \\t]*(${ARABIC_NUM})[ \\t]*([）)])[ \\t]*([、，,.．]?)`);
const LEVEL5 = /^([\u2460-\u2473])[ \t]*([、，,.．]?)/;
/** 一）纵深推进……: a second-level ordinal that lost its opening bracket. */
const LEVEL2_OPEN_LOST = new RegExp(`^()(${CHINESE_NUM})[ \\t]*([）)])`);

/**
 * A numeral followed by 、 and the next numeral is a range (一、二等奖, 1、2号楼), not an ordinal; a year
 * after the mark is a heading's text (一、2025年工作回顾, 一、二〇二五年……).
 */
function isRange(value: number, rest: string): boolean {
  const next = /^([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})(?![0-9０-９〇零○])/.exec(rest);
  if (!next) return false;
  const nextValue = /[0-9０-９]/.test(next[1]) ? arabicToNumber(next[1]) : chineseToNumber(next[1]);
  return nextValue === value + 1;
}

const CHINESE_DIGITS = new Set([...'一二三四五六七八九十'].map((digit) => digit.charCodeAt(0)));

/** A character an ordinal can start with (一…十, brackets, digits, ①…⑳); most lines are rejected on this alone. */
function startsOrdinal(code: number): boolean {
  if (code < 0x80) return code === 0x28 || (code >= 0x30 && code <= 0x39);
  return CHINESE_DIGITS.has(code) || code === 0xff08 || (code >= 0xff10 && code <= 0xff19) || (code >= 0x2460 && code <= 0x2473);
}

/** Space before an ordinal or after its mark: spaces, tabs, full-width and no-break spaces. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

export function parseOrdinal(text: string): Ordinal | undefined {
  const lead = skipBlank(text, 0);
  if (!startsOrdinal(text.charCodeAt(lead))) return undefined;
  const rest = text.slice(lead);
  let match: RegExpExecArray | null;
  if ((match = LEVEL2.exec(rest))) {
    const value = chineseToNumber(match[2]);
    if (value) return build(2, value, 'chinese', lead, match, match[0].indexOf(match[2], 1), `（${match[2]}）`);
  }
  if ((match = LEVEL4.exec(rest))) {
    return build(4, arabicToNumber(match[2]), 'arabic', lead, match, match[0].indexOf(match[2], 1), `（${halfWidth(match[2])}）`);
  }
  if ((match = LEVEL2_OPEN_LOST.exec(rest))) {
    const value = chineseToNumber(match[2]);
    if (value) return build(2, value, 'chinese', lead, match, 0, `（${match[2]}）`);
  }
  if ((match = LEVEL1.exec(rest))) {
    const value = chineseToNumber(match[1]);
    if (value && !isRange(value, rest.slice(match[0].length))) return build(1, value, 'chinese', lead, match, 0, `${match[1]}、`);
  }
  if ((match = LEVEL3.exec(rest))) {
    const value = arabicToNumber(match[1]);
    if (value > 0 && !isRange(value, rest.slice(match[0].length))) return build(3, value, 'arabic', lead, match, 0, `${halfWidth(match[1])}.`);
  }
  if ((match = LEVEL5.exec(rest))) {
    return build(5, circledToNumber(match[1])!, 'circled', lead, match, 0, match[1]);
  }
  return undefined;
}

function build(
  level: Ordinal['level'], value: number, kind: NumeralKind, lead: number,
  match: RegExpExecArray, numberIndex: number, canonical: string,
): Ordinal {
  const numberText = kind === 'circled' ? match[1] : level === 2 || level === 4 ? match[2] : match[1];
  return {
    level, value, kind, canonical,
    start: lead,
    end: lead + match[0].length,
    numberStart: lead + numberIndex,
    numberEnd: lead + numberIndex + numberText.length,
    written: match[0],
  };
}

const CJK = /[\u4e00-\u9fff]/;
/** A sentence end, after which a page that ran paragraphs together starts the next heading. */
const SENTENCE_END = /[。！？；]/;
/** The longest heading sentence run into a paragraph. */
const RUN_IN_HEADING_MAX = 40;
/** A character an ordinal can start with (those of startsOrdinal) after one it cannot: where a run-in ordinal may stand. */
const RUN_IN_START = /[^一二三四五六七八九十（(0-9０-９\u2460-\u2473][一二三四五六七八九十（(0-9０-９\u2460-\u2473]/g;
/** 1 经济发展平稳: an arabic ordinal whose dot a page turned into a space. */
const BARE_ARABIC = /^([0-9]{1,2})[ \u3000](?=[\u4e00-\u9fff])/;

/**
 * Heading ordinals that a page ran into one paragraph with the text above them (……增长。1、大力发展……,
 * ……取得成效 1、加强学习……): found only in a paragraph that holds an outline's levels in order — a
 * heading of a higher level first (at the line's start or run in), then one of a lower level numbered
 * from 1. A list written in a paragraph (一、……；二、……) keeps one level and is left alone.
 * `contextLevel` is the level of the heading the line starts with, if any.
 */
export function runInOrdinals(text: string, from: number, contextLevel?: number): Ordinal[] {
  const candidates: Array<{ ordinal: Ordinal; bare: boolean }> = [];
  RUN_IN_START.lastIndex = from;
  while (RUN_IN_START.test(text)) {
    const at = RUN_IN_START.lastIndex - 1;
    let before = at - 1;
    while (before >= from && isBlank(text.charCodeAt(before))) before--;
    const spaced = before < at - 1;
    // After a sentence's end, or after spaces that stand for a lost line break behind a heading without a mark.
    if (before < from || !(SENTENCE_END.test(text[before]) || (spaced && CJK.test(text[before])))) continue;
    const rest = text.slice(at);
    const parsed = parseOrdinal(rest);
    if (parsed && parsed.level <= 3 && CJK.test(rest[skipBlank(rest, parsed.end)] ?? '')) {
      candidates.push({ ordinal: shiftOrdinal(parsed, at), bare: false });
      continue;
    }
    const bare = BARE_ARABIC.exec(rest);
    if (bare && !countsFrom(text, at + bare[0].length)) {
      const value = Number(bare[1]);
      candidates.push({ ordinal: { level: 3, value, kind: 'arabic', start: at, end: at + bare[0].length, numberStart: at, numberEnd: at + bare[1].length, written: bare[0], canonical: `${value}.` }, bare: true });
    }
  }
  if (candidates.length === 0) return [];
  // Bare numbers are ordinals only as a run 1, 2, …: one alone may be a quantity copied with spaces.
  const bareValues = candidates.filter((candidate) => candidate.bare).map((candidate) => candidate.ordinal.value);
  const bareRun = bareValues[0] === 1 && bareValues[1] === 2;
  const found: Ordinal[] = [];
  let context = contextLevel;
  const next = new Map<number, number>();
  for (const { ordinal, bare } of candidates) {
    if (bare && !bareRun) continue;
    if (context === undefined || ordinal.level <= context) {
      // A heading of the outer level opens (or goes on with) the outline run into this paragraph.
      if (context === undefined && (bare || ordinal.level > 2)) continue;
      context = ordinal.level;
      for (const level of [...next.keys()]) if (level > context) next.delete(level);
      continue;
    }
    if (ordinal.value !== (next.get(ordinal.level) ?? 1) || !headingSentence(text, ordinal.end)) continue;
    next.set(ordinal.level, ordinal.value + 1);
    found.push(ordinal);
  }
  return found;
}

/** A heading's own sentence, short and closed by a full stop (1、做强特色种植。), not a list item's clause (1、加强学习；). */
function headingSentence(text: string, from: number): boolean {
  const end = text.slice(from, from + RUN_IN_HEADING_MAX + 1).search(/[。！？；]/);
  return end !== -1 && text[from + end] !== '；';
}

/** The index of the first character at or after `index` that is not a space, tab, full-width or no-break space. */
export function skipBlank(text: string, index: number): number {
  while (index < text.length && isBlank(text.charCodeAt(index))) index++;
  return index;
}

/** The ordinal as found in a text that starts `by` characters further on. */
export function shiftOrdinal(ordinal: Ordinal, by: number): Ordinal {
  return { ...ordinal, start: ordinal.start + by, end: ordinal.end + by, numberStart: ordinal.numberStart + by, numberEnd: ordinal.numberEnd + by };
}

function halfWidth(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The number text for an ordinal of the given kind, as used when renumbering. */
export function formatNumber(kind: NumeralKind, value: number): string {
  switch (kind) {
    case 'chinese': return numberToChinese(value);
    case 'circled': return numberToCircled(value);
    default: return String(value);
  }
}

/** How an ordinal of each level is written, for messages. */
export function ordinalLabel(level: Ordinal['level'], value: number): string {
  switch (level) {
    case 1: return `${numberToChinese(value)}、`;
    case 2: return `（${numberToChinese(value)}）`;
    case 3: return `${value}.`;
    case 4: return `（${value}）`;
    default: return numberToCircled(value);
  }
}
