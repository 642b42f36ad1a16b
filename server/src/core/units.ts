/**
 * The one vocabulary of units and measure words (data/units.json): what a number is counted in, and the
 * words around a unit that make it no count. Read by missing-number and by the Markdown reader's star
 * placeholders (开展*次).
 */
import data from '../data/units.json';

/** Words looked up by the text that ends or starts at a position: one slice per word length. */
export class WordSet {
  private readonly words: Set<string>;
  private readonly lengths: number[];
  /** Last and first characters of the words: most positions are ruled out without making a string. */
  private readonly lastCharacters: Set<string>;
  private readonly firstCharacters: Set<string>;

  constructor(list: string[]) {
    this.words = new Set(list);
    this.lengths = [...new Set(list.map((word) => word.length))];
    this.lastCharacters = new Set(list.map((word) => word[word.length - 1]));
    this.firstCharacters = new Set(list.map((word) => word[0]));
  }

  endsAt(text: string, end: number): boolean {
    if (!this.lastCharacters.has(text[end - 1])) return false;
    for (const length of this.lengths) if (length <= end && this.words.has(text.slice(end - length, end))) return true;
    return false;
  }

  startsAt(text: string, start: number): boolean {
    if (!this.firstCharacters.has(text[start])) return false;
    for (const length of this.lengths) if (this.words.has(text.slice(start, start + length))) return true;
    return false;
  }
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
