/** Looking up many fixed strings in a line at once, and the configuration's allow-list. */

/** A wrong spelling and its right one, with where the right one comes from. */
export interface PhraseEntry {
  wrong: string;
  right: string;
  reason?: string;
  /** Longer words that contain `wrong` and are right (按排名 for 按排). */
  except?: string[];
}

export interface PhraseMatch<T> {
  index: number;
  length: number;
  entry: T;
}

/**
 * Finds keys in text, longest first at each position, never overlapping. Tables of first characters
 * and of first-two-character pairs let the scan pass over almost every other position with array reads.
 */
export class PhraseMatcher<T> {
  private readonly byFirst = new Map<number, Array<{ key: string; entry: T }>>();
  private readonly starts = new Uint8Array(0x10000);
  /** By a hash of the first two characters; a first character with a one-character key passes them all. */
  private readonly pairs = new Uint8Array(0x10000);

  constructor(entries: ReadonlyArray<readonly [string, T]>) {
    for (const [key, entry] of entries) {
      if (key.length === 0) continue;
      const code = key.charCodeAt(0);
      const list = this.byFirst.get(code) ?? [];
      if (!list.some((known) => known.key === key)) list.push({ key, entry });
      this.byFirst.set(code, list);
      this.starts[code] = key.length === 1 ? 2 : Math.max(this.starts[code], 1);
      if (key.length > 1) this.pairs[pairHash(code, key.charCodeAt(1))] = 1;
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
  }

  /** Whether a key starts with this character: when none does, a character put before a text changes none of its matches. */
  canStart(code: number): boolean {
    return this.starts[code] !== 0;
  }

  find(text: string): Array<PhraseMatch<T>> {
    const found: Array<PhraseMatch<T>> = [];
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      const start = this.starts[code];
      if (start === 0 || (start === 1 && this.pairs[pairHash(code, text.charCodeAt(index + 1))] === 0)) continue;
      const candidates = this.byFirst.get(code)!;
      let hit: { key: string; entry: T } | undefined;
      // The first character is known to match: a one-character key needs no comparison.
      for (let i = 0; i < candidates.length && !hit; i++) if (candidates[i].key.length === 1 || text.startsWith(candidates[i].key, index)) hit = candidates[i];
      if (!hit) continue;
      found.push({ index, length: hit.key.length, entry: hit.entry });
      index += hit.key.length - 1;
    }
    return found;
  }

  /**
   * A pass over a text telling which of `matchers` may find something in it (bit i for matchers[i]),
   * by the tables their own scans filter with: a matcher whose bit is clear finds nothing there.
   */
  static candidatesOf(matchers: ReadonlyArray<PhraseMatcher<unknown>>): (text: string) => number {
    const starts = new Uint8Array(0x10000);
    const singles = new Uint8Array(0x10000);
    const pairs = new Uint8Array(0x10000);
    matchers.forEach((matcher, i) => {
      for (let code = 0; code < 0x10000; code++) {
        if (matcher.starts[code] !== 0) starts[code] |= 1 << i;
        if (matcher.starts[code] === 2) singles[code] |= 1 << i;
        if (matcher.pairs[code] !== 0) pairs[code] |= 1 << i;
      }
    });
    return (text) => {
      let found = 0;
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        const first = starts[code];
        if (first !== 0) found |= first & (singles[code] | pairs[pairHash(code, text.charCodeAt(index + 1))]);
      }
      return found;
    };
  }
}

function pairHash(first: number, second: number): number {
  return ((first << 5) ^ second) & 0xffff;
}

/** True when [start, end) of `text` lies inside an occurrence of one of `words`. */
export function insideAny(text: string, start: number, end: number, words: readonly string[]): boolean {
  return words.some((word) => {
    for (let at = text.indexOf(word, Math.max(0, end - word.length)); at !== -1 && at <= start; at = text.indexOf(word, at + 1)) {
      if (at + word.length >= end) return true;
    }
    return false;
  });
}
