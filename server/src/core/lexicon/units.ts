/**
 * The one vocabulary of units and measure words (data/units.json): what a number is counted in, and the
 * words around a unit that make it no count. Read by missing-number and by the Markdown reader's star
 * placeholders (开展*次).
 */
import data from '../../data/units.json';

/**
 * Words looked up by the text that ends or starts at a position, compared in place (no strings made).
 * Words are filed under their two end characters, so a lookup compares only the few that can fit.
 */
export class WordSet {
  private readonly single = new Set<number>();
  private readonly byStart = new Map<number, string[]>();
  private readonly byEnd = new Map<number, string[]>();

  constructor(list: string[]) {
    for (const word of new Set(list)) {
      if (word.length === 1) this.single.add(word.charCodeAt(0));
      if (word.length < 2) continue;
      push(this.byStart, pairKey(word.charCodeAt(0), word.charCodeAt(1)), word);
      push(this.byEnd, pairKey(word.charCodeAt(word.length - 1), word.charCodeAt(word.length - 2)), word);
    }
  }

  endsAt(text: string, end: number): boolean {
    if (end < 1) return false;
    if (this.single.has(text.charCodeAt(end - 1))) return true;
    const candidates = end >= 2 ? this.byEnd.get(pairKey(text.charCodeAt(end - 1), text.charCodeAt(end - 2))) : undefined;
    if (candidates) for (const word of candidates) if (word.length <= end && text.startsWith(word, end - word.length)) return true;
    return false;
  }

  startsAt(text: string, start: number): boolean {
    if (start >= text.length) return false;
    if (this.single.has(text.charCodeAt(start))) return true;
    const candidates = this.byStart.get(pairKey(text.charCodeAt(start), text.charCodeAt(start + 1)));
    if (candidates) for (const word of candidates) if (text.startsWith(word, start)) return true;
    return false;
  }
}

const pairKey = (outer: number, inner: number) => outer * 0x10000 + inner;

function push(map: Map<number, string[]>, key: number, word: string): void {
  const list = map.get(key);
  if (list) list.push(word);
  else map.set(key, [word]);
}

/** One entry of units.json, its word lists space-separated. */
interface UnitEntry {
  unit: string;
  before?: string;
  after?: string;
  prevChars?: string;
  endPrevChars?: string;
  triggers?: string;
  counts?: string;
  countNoun?: boolean;
}

export interface UnitSpec {
  unit: string;
  before: WordSet;
  after: WordSet;
  prevChars?: Set<string>;
  endPrevChars?: Set<string>;
  triggers?: WordSet;
  counts?: WordSet;
}

export const words = (list?: string) => (list ? list.split(/\s+/).filter(Boolean) : []);

const COUNT_NOUN_FOLLOWERS = words(data.countNounFollowers);
export const UNITS = new Map<string, UnitSpec>(
  (data.units as UnitEntry[]).map((entry) => [
    entry.unit,
    {
      unit: entry.unit,
      before: new WordSet(words(entry.before)),
      after: new WordSet([...words(entry.after), ...(entry.countNoun ? COUNT_NOUN_FOLLOWERS.map((follower) => entry.unit + follower) : [])]),
      prevChars: entry.prevChars ? new Set(words(entry.prevChars)) : undefined,
      endPrevChars: entry.endPrevChars ? new Set(words(entry.endPrevChars)) : undefined,
      triggers: entry.triggers ? new WordSet(words(entry.triggers)) : undefined,
      counts: entry.counts ? new WordSet(words(entry.counts)) : undefined,
    },
  ]),
);
export const NUMERALS = new Set(words(data.numerals));
export const DETERMINERS = new WordSet(words(data.determiners));
export const BOUNDARIES = new Set(words(data.boundaries));
export const YU_WORDS = new WordSet(words(data.afterYu));
export const COUNT_WORDS = new WordSet(words(data.countWords));

/** Besides units: what may follow a `*` standing for a number or a name (*年度, ***镇). */
const STAR_FOLLOWERS = new Set(words(data.starFollowers));
const UNITS_BY_LENGTH = [...UNITS.keys()].sort((a, b) => b.length - a.length);

/**
 * True when the text at `index` is what a number or a name stands before: a unit that is not the start
 * of a longer word (台 in 台设备, not 公 in 公开), a date part or a place suffix.
 */
export function countsFrom(text: string, index: number): boolean {
  if (STAR_FOLLOWERS.has(text[index])) return true;
  const unit = UNITS_BY_LENGTH.find((candidate) => text.startsWith(candidate, index));
  return unit !== undefined && !UNITS.get(unit)!.after.startsAt(text, index);
}
