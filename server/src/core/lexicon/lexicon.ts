/**
 * Words, not characters: the jieba dictionary (word, frequency, part of speech) with a segmenter and the
 * toneless readings of its characters. The data is read by server/src/lexicon/load.ts; this module only
 * parses text it is given, so the core stays free of file access. Rules that need words read
 * `context.lexicon`, which stays undefined until the data is loaded: they are skipped, the others run.
 *
 * The words stay in the text they came in; an open-addressing table of offsets finds them by their
 * character codes, so loading builds no string per word and a look-up allocates nothing.
 */

/** A stretch of a text as the segmenter cut it; `frequency` 0 for a character the dictionary lacks. */
export interface Token {
  start: number;
  end: number;
  frequency: number;
}

/** A common two-character word one character away from a pair in the text, read and built alike. */
export interface SoundAlike {
  word: string;
  /** Which character of the pair it replaces (0 or 1). */
  position: number;
}

const ADVERB = 1;
const VERB = 2;
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;
/** The lowest frequency of a word offered as the right spelling of a sound-alike pair. */
export const COMMON_FREQUENCY = 100;

export function isChinese(code: number): boolean {
  return code >= CJK_FIRST && code <= CJK_LAST;
}

function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}
const HASH_SEED = 0x811c9dc5 | 0;
/** Longer entries of the dictionary (long names of organisations) are not needed to read a report. */
const LONGEST_WORD = 8;
/** Frequencies are capped to fit the slot's 22 bits; only 的, 是, 在… come near. */
const MAX_FREQUENCY = 0x3fffff;

export class Lexicon {
  private readonly words: string;
  private readonly mask: number;
  /**
   * Two numbers per slot: the offset in `words` of the entry's first character (-1: empty), and its
   * length × 2^24 + frequency × 4 + part-of-speech bits. One array, so a probe touches one cache line.
   */
  private readonly slots: Int32Array;
  private readonly logTotal: number;
  /** Per Chinese character (code − 0x4e00), how many words of the dictionary it is written in. */
  private readonly wordsWith = new Uint16Array(CJK_LAST - CJK_FIRST + 1);
  /** Per Chinese character, its syllables' ids; a character with none is absent. */
  private readonly syllablesOf = new Map<number, number[]>();
  /**
   * Per Chinese character (code − 0x4e00), the ids of the sound components it is built on and read
   * as: 涣 and 痪 both on 奂 (huan). Two characters of one such group sound alike and look alike.
   */
  private readonly voicedGroups: Array<number[] | undefined> = new Array(CJK_LAST - CJK_FIRST + 1);
  /** Group id × 2^17 + position × 2^16 + the other character's code → common two-character words. */
  private readonly alikeIndex = new Map<number, string[]>();
  /**
   * One bit per hash of each pair of characters that has a sound-alike: nearly every pair of a draft
   * has none, told by one read of a table that stays in the cache.
   */
  private readonly alikePairs = new Int32Array(ALIKE_FILTER_BITS / 32);
  readonly size: number;

  /**
   * `words`: lines `词 词频 词性`; `readings`: lines `读音 汉字…`; `shapes`: lines `部件 汉字…`;
   * `#` lines are comments.
   */
  constructor(words: string, readings: string, shapes: string) {
    this.words = words;
    let lines = 0;
    for (let at = words.indexOf('\n'); at !== -1; at = words.indexOf('\n', at + 1)) lines++;
    const slotCount = 2 ** Math.ceil(Math.log2(lines * 2 + 16));
    this.mask = slotCount - 1;
    this.slots = new Int32Array(slotCount * 2).fill(-1);
    let total = 0;
    let size = 0;
    const commonPairs: number[] = [];
    for (let at = 0; at < words.length; ) {
      let end = words.indexOf('\n', at);
      if (end === -1) end = words.length;
      const space = words.indexOf(' ', at);
      const length = space - at;
      if (words.charCodeAt(at) !== 35 /* # */ && length > 0 && length <= LONGEST_WORD && space < end) {
        let frequency = 0;
        let cursor = space + 1;
        for (; cursor < end && words.charCodeAt(cursor) >= 48 && words.charCodeAt(cursor) <= 57; cursor++) frequency = frequency * 10 + words.charCodeAt(cursor) - 48;
        // Only the one-letter tags d (adverb) and v (verb) are kept.
        const tag = end === cursor + 2 ? words.charCodeAt(cursor + 1) : 0;
        if (frequency > 0) {
          let hash = HASH_SEED;
          for (let k = at; k < space; k++) {
            const code = words.charCodeAt(k);
            hash = hashStep(hash, code);
            if (isChinese(code) && this.wordsWith[code - CJK_FIRST] < 0xffff) this.wordsWith[code - CJK_FIRST]++;
          }
          const slot = this.find(words, at, length, hash);
          this.slots[slot] = at;
          this.slots[slot + 1] = length * 0x1000000 + Math.min(frequency, MAX_FREQUENCY) * 4 + (tag === 100 /* d */ ? ADVERB : 0) + (tag === 118 /* v */ ? VERB : 0);
          total += frequency;
          size++;
          if (length === 2 && frequency >= COMMON_FREQUENCY && isChinese(words.charCodeAt(at)) && isChinese(words.charCodeAt(at + 1))) commonPairs.push(at);
        }
      }
      at = end + 1;
    }
    this.logTotal = Math.log(total);
    this.size = size;
    this.readReadings(readings);
    const members = this.readShapes(shapes);
    // Every common two-character word under each of its one-character-wildcard keys.
    for (const at of commonPairs) {
      const word = this.words.slice(at, at + 2);
      for (let position = 0; position < 2; position++) {
        for (const group of this.voicedGroups[word.charCodeAt(position) - CJK_FIRST] ?? []) {
          const key = alikeKey(group, position, word.charCodeAt(1 - position));
          const list = this.alikeIndex.get(key);
          if (list) list.push(word);
          else this.alikeIndex.set(key, [word]);
          // The pairs the word can be written as: another character of the group in its place.
          for (const member of members[group]) {
            if (member === word.charCodeAt(position) || !this.readAlike(member, word.charCodeAt(position))) continue;
            const bit = position === 0 ? pairBit(member, word.charCodeAt(1)) : pairBit(word.charCodeAt(0), member);
            this.alikePairs[bit >>> 5] |= 1 << (bit & 31);
          }
        }
      }
    }
  }

  /** Returns the characters of each group. */
  private readShapes(shapes: string): number[][] {
    const members: number[][] = [];
    let group = 0;
    for (const line of shapes.split('\n')) {
      if (line.startsWith('#') || !line.includes(' ')) continue;
      const component = this.syllablesOf.get(line.charCodeAt(0)) ?? [];
      const characters = line.slice(line.indexOf(' ') + 1);
      for (let k = 0; k < characters.length; k++) {
        const code = characters.charCodeAt(k);
        if (!isChinese(code) || !(this.syllablesOf.get(code) ?? []).some((syllable) => component.includes(syllable))) continue;
        (this.voicedGroups[code - CJK_FIRST] ??= []).push(group);
        (members[group] ??= []).push(code);
      }
      group++;
    }
    return members;
  }

  /**
   * Whether two characters are built on the same sound component, read as they are: 痪 and 涣 on 奂
   * (huan), the likeness that makes one written for the other. A shared small part (儿 of 先 and 见)
   * or a radical (氵) is no such likeness.
   */
  lookAlike(first: string, second: string): boolean {
    const groups = isChinese(first.charCodeAt(0)) ? this.voicedGroups[first.charCodeAt(0) - CJK_FIRST] : undefined;
    const others = isChinese(second.charCodeAt(0)) ? this.voicedGroups[second.charCodeAt(0) - CJK_FIRST] : undefined;
    return groups !== undefined && others !== undefined && groups.some((id) => others.includes(id));
  }

  /** The slot (index of its first number) holding text[start, start + length), or the empty one where it would go. */
  private find(text: string, start: number, length: number, hash: number): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const offset = this.slots[slot * 2];
      if (offset === -1) return slot * 2;
      if (this.slots[slot * 2 + 1] >>> 24 !== length) continue;
      let same = true;
      for (let k = 0; k < length && same; k++) same = this.words.charCodeAt(offset + k) === text.charCodeAt(start + k);
      if (same) return slot * 2;
    }
  }

  /** Entry value of text[start, end) without its length: 0 when no word. */
  private valueAt(text: string, start: number, end: number): number {
    if (end - start > LONGEST_WORD) return 0;
    let hash = HASH_SEED;
    for (let k = start; k < end; k++) hash = hashStep(hash, text.charCodeAt(k));
    const slot = this.find(text, start, end - start, hash);
    return this.slots[slot] === -1 ? 0 : this.slots[slot + 1] & 0xffffff;
  }

  /**
   * In how many words of the dictionary the character is written: few for a character of the
   * traditional script (開) or a rare one, which the dictionary cannot judge.
   */
  wordsWritten(character: string): number {
    const code = character.charCodeAt(0);
    return isChinese(code) ? this.wordsWith[code - CJK_FIRST] : 0;
  }

  /** How often the dictionary saw text[start, end) as a word; 0 for no word. */
  frequencyAt(text: string, start: number, end: number): number {
    return this.valueAt(text, start, end) >> 2;
  }

  frequency(word: string): number {
    return this.frequencyAt(word, 0, word.length);
  }

  /** Tagged only as an adverb (不断, 逐步): followed by 的 and a verb it wants 地. */
  isAdverb(word: string): boolean {
    return (this.valueAt(word, 0, word.length) & ADVERB) !== 0;
  }

  isVerb(word: string): boolean {
    return (this.valueAt(word, 0, word.length) & VERB) !== 0;
  }

  private readReadings(readings: string): void {
    let id = 0;
    for (const line of readings.split('\n')) {
      if (line.startsWith('#') || !line.includes(' ')) continue;
      const characters = line.slice(line.indexOf(' ') + 1);
      for (let k = 0; k < characters.length; k++) {
        const code = characters.charCodeAt(k);
        const known = this.syllablesOf.get(code);
        if (known) known.push(id);
        else this.syllablesOf.set(code, [id]);
      }
      id++;
    }
  }

  /**
   * Common words that text[at, at + 2) becomes when one of its two characters is replaced by another
   * read the same and built on the same sound component (痪散 → 涣散).
   */
  soundAlikes(text: string, at: number): readonly SoundAlike[] {
    // Called at every pair of a draft and nearly always empty: nothing is allocated then.
    let found: SoundAlike[] | undefined;
    for (let position = 0; position < 2; position++) {
      const code = text.charCodeAt(at + position);
      const groups = isChinese(code) ? this.voicedGroups[code - CJK_FIRST] : undefined;
      if (!groups) continue;
      const other = text.charCodeAt(at + 1 - position);
      for (const group of groups) {
        const words = this.alikeIndex.get(alikeKey(group, position, other));
        if (!words) continue;
        for (const word of words) {
          if (word.charCodeAt(position) === code || found?.some((known) => known.word === word) || !this.readAlike(code, word.charCodeAt(position))) continue;
          (found ??= []).push({ word, position });
        }
      }
    }
    return found ?? NONE;
  }

  /**
   * Whether text[at, at + 2) can have sound-alikes: a check of the filter alone, never wrong when it
   * says no, and cheap enough to ask before anything else at every pair of a draft.
   */
  maySoundAlike(text: string, at: number): boolean {
    const bit = pairBit(text.charCodeAt(at), text.charCodeAt(at + 1));
    return (this.alikePairs[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }

  /** Whether two characters share a reading (a component read two ways groups 绍 shao with 沼 zhao). */
  private readAlike(first: number, second: number): boolean {
    const others = this.syllablesOf.get(second);
    return others !== undefined && (this.syllablesOf.get(first) ?? []).some((syllable) => others.includes(syllable));
  }

  /** How probable the cut is, as a sum of log probabilities (a character seen nowhere counts once). */
  logProbability(tokens: readonly Token[]): number {
    let sum = 0;
    for (const token of tokens) sum += Math.log(token.frequency || 1) - this.logTotal;
    return sum;
  }

  /**
   * The cut of the Chinese text around text[start, end), reaching at most `reach` characters each
   * side: what a rule needs to see which words a few characters belong to.
   */
  segmentAround(text: string, start: number, end: number, reach: number): Token[] {
    let from = start;
    while (from > 0 && from > start - reach && isChinese(text.charCodeAt(from - 1))) from--;
    let to = end;
    while (to < text.length && to < end + reach && isChinese(text.charCodeAt(to))) to++;
    return this.segment(text, from, to);
  }

  /**
   * Whether a word seen at least `frequency` times runs across `at` (starts before it, ends after it)
   * inside the text segmentAround(text, at, end, reach) cuts: when none does, no token of that cut
   * does, and the cut need not be made.
   */
  wordAcross(text: string, at: number, end: number, reach: number, frequency: number): boolean {
    let from = at;
    while (from > 0 && from > at - reach && isChinese(text.charCodeAt(from - 1))) from--;
    let to = end;
    while (to < text.length && to < end + reach && isChinese(text.charCodeAt(to))) to++;
    for (let start = at - 1; start >= from; start--) {
      for (let stop = at + 1; stop <= to && stop - start <= LONGEST_WORD && isChinese(text.charCodeAt(stop - 1)); stop++) {
        if (this.frequencyAt(text, start, stop) >= frequency) return true;
      }
    }
    return false;
  }

  /**
   * The most probable cut of text[from, to) into dictionary words (jieba's method without its hidden
   * Markov model: a character the dictionary does not join stays a token of its own, which is how a
   * wrong character shows). Only Chinese characters are cut; anything else is a token per run.
   */
  segment(text: string, from = 0, to = text.length): Token[] {
    const tokens: Token[] = [];
    for (let at = from; at < to; ) {
      let end = at;
      if (isChinese(text.charCodeAt(at))) {
        while (end < to && isChinese(text.charCodeAt(end))) end++;
        this.cutRun(text, at, end, tokens);
      } else {
        while (end < to && !isChinese(text.charCodeAt(end))) end++;
        tokens.push({ start: at, end, frequency: 0 });
      }
      at = end;
    }
    return tokens;
  }

  /** The cut's working arrays, kept between calls: typed arrays of their own cost each run an allocation outside the heap. */
  private score = new Float64Array(64);
  private next = new Int32Array(64);
  private frequencies = new Int32Array(64);

  private cutRun(text: string, from: number, to: number, tokens: Token[]): void {
    const length = to - from;
    if (length + 1 > this.score.length) {
      this.score = new Float64Array(2 * (length + 1));
      this.next = new Int32Array(2 * (length + 1));
      this.frequencies = new Int32Array(2 * (length + 1));
    }
    const { score, next, frequencies } = this;
    // Every index before `length` is written below; the end scores nothing.
    score[length] = 0;
    for (let i = length - 1; i >= 0; i--) {
      let hash = HASH_SEED;
      // A character the dictionary lacks counts as seen once, as in jieba.
      let best = -Infinity;
      for (let j = i + 1; j <= Math.min(length, i + LONGEST_WORD); j++) {
        hash = hashStep(hash, text.charCodeAt(from + j - 1));
        const slot = this.find(text, from + i, j - i, hash);
        const frequency = this.slots[slot] === -1 ? 0 : (this.slots[slot + 1] & 0xffffff) >> 2;
        if (frequency === 0 && j > i + 1) continue;
        const candidate = Math.log(frequency || 1) - this.logTotal + score[j];
        if (candidate > best) {
          best = candidate;
          next[i] = j;
          frequencies[i] = frequency;
        }
      }
      score[i] = best;
    }
    for (let i = 0; i < length; i = next[i]) tokens.push({ start: from + i, end: from + next[i], frequency: frequencies[i] });
  }
}

const NONE: readonly SoundAlike[] = Object.freeze([]);

function alikeKey(group: number, position: number, other: number): number {
  return group * 0x20000 + position * 0x10000 + other;
}

/** Bits of the pair filter: some 200,000 pairs with a sound-alike leave about one pair in twenty passing for nothing. */
const ALIKE_FILTER_LOG2 = 22;
const ALIKE_FILTER_BITS = 2 ** ALIKE_FILTER_LOG2;

function pairBit(first: number, second: number): number {
  return Math.imul((first << 16) | second, 0x9e3779b1) >>> (32 - ALIKE_FILTER_LOG2);
}

let loaded: Lexicon | undefined;

/** The lexicon once loaded (server/src/lexicon/load.ts sets it); until then word-based checks wait. */
export function lexiconInUse(): Lexicon | undefined {
  return loaded;
}

export function useLexicon(lexicon: Lexicon | undefined): void {
  loaded = lexicon;
}
