/**
 * Words a regular expression cannot match without, read from its source. A pattern that can start
 * at any position is tried at every position of every line; a line that holds none of its words is
 * ruled out by one scan for them instead. The reading is conservative: what it does not read
 * (wide classes, \s, backreferences) adds no word, and a pattern it cannot read at all gets no hint
 * and runs on every line as before.
 */

/**
 * What one part of a pattern matches: `exact`, every text it can match, when they are few; `needs`,
 * words one of which every match holds. Either may be unknown.
 */
interface Reading {
  exact?: Set<string>;
  needs?: Set<string>;
}

/** Beyond these the sets say too little to be worth keeping. */
const MAX_TEXTS = 64;
const MAX_WORD_LENGTH = 12;

class Unreadable extends Error {}

const DIGITS = new Set(Array.from({ length: 10 }, (_, digit) => String(digit)));
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
const ZERO_WIDTH: Reading = { exact: new Set(['']) };
const UNKNOWN: Reading = {};

function exactly(texts: Set<string>): Reading {
  return { exact: texts, needs: texts.has('') ? undefined : texts };
}

/** Every text of `a` followed by every text of `b`, while they stay few and short. */
function product(a: Set<string>, b: Set<string>): Set<string> | undefined {
  if (a.size * b.size > MAX_TEXTS) return undefined;
  const texts = new Set<string>();
  for (const first of a) for (const second of b) texts.add(first + second);
  return [...texts].some((text) => text.length > MAX_WORD_LENGTH) ? undefined : texts;
}

/** Two characters in a row are already rare in a line; more make the scan no better. */
const RARE_LENGTH = 2;

/** The better of two word sets to scan for: words of two characters or more first, then fewer words, then longer ones. */
function better(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const shortest = (set: Set<string>) => Math.min(...[...set].map((word) => word.length));
  const rare = (set: Set<string>) => Math.min(shortest(set), RARE_LENGTH);
  if (rare(a) !== rare(b)) return rare(a) > rare(b) ? a : b;
  if (a.size !== b.size) return a.size < b.size ? a : b;
  return shortest(a) >= shortest(b) ? a : b;
}

/** Reads the subset of JavaScript pattern syntax the residue data is written in (no flags). */
class PatternReader {
  private at = 0;

  constructor(private readonly source: string) {}

  read(): Reading {
    const found = this.alternation();
    if (this.at !== this.source.length) throw new Unreadable();
    return found;
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }

  /** One of the branches matches: their texts and words together. */
  private alternation(): Reading {
    const branches: Reading[] = [];
    for (;;) {
      branches.push(this.sequence());
      if (this.peek() !== '|') break;
      this.at++;
    }
    const union = (sets: Array<Set<string> | undefined>) => {
      if (sets.some((set) => set === undefined)) return undefined;
      const all = new Set(sets.flatMap((set) => [...set!]));
      return all.size > MAX_TEXTS ? undefined : all;
    };
    return { exact: union(branches.map((branch) => branch.exact)), needs: union(branches.map((branch) => branch.needs)) };
  }

  /** Items in a row: runs of exactly known items join into words; any item's words are needed. */
  private sequence(): Reading {
    let run: Set<string> | undefined = new Set(['']);
    let needs: Set<string> | undefined;
    let whole = true;
    const endRun = () => {
      if (run && !run.has('')) needs = better(needs, run);
      run = undefined;
    };
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const item = this.quantified(this.atom());
      needs = better(needs, item.needs);
      const joined: Set<string> | undefined = run && item.exact ? product(run, item.exact) : undefined;
      if (joined) {
        run = joined;
        continue;
      }
      whole = false;
      endRun();
      // A new run starts with this item if it is known exactly.
      run = item.exact;
    }
    const exact = whole ? run : undefined;
    endRun();
    return { exact, needs };
  }

  private atom(): Reading {
    const char = this.source[this.at++];
    switch (char) {
      case '(': return this.group();
      case '[': return this.characterClass();
      case '\\': return this.escape();
      case '^': case '$': return ZERO_WIDTH;
      case '.': return UNKNOWN;
      case '*': case '+': case '?': case '{': case ')': case '|': throw new Unreadable();
      default: return exactly(new Set([char]));
    }
  }

  private group(): Reading {
    let lookaround = false;
    if (this.peek() === '?') {
      const kind = /^\?(?::|=|!|<=|<!)/.exec(this.source.slice(this.at, this.at + 3));
      if (!kind) throw new Unreadable();
      lookaround = kind[0] !== '?:';
      this.at += kind[0].length;
    }
    const inner = this.alternation();
    if (this.source[this.at++] !== ')') throw new Unreadable();
    // A look-around takes no text of the match; what it looks at may stand outside the match.
    return lookaround ? ZERO_WIDTH : inner;
  }

  /** The item with its quantifier, if any: optional items may match nothing, repeated ones are not known exactly. */
  private quantified(item: Reading): Reading {
    let min: number;
    let max: number;
    const char = this.peek();
    if (char === '*') [min, max] = [0, Infinity];
    else if (char === '+') [min, max] = [1, Infinity];
    else if (char === '?') [min, max] = [0, 1];
    else if (char === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!braces) throw new Unreadable();
      this.at += braces[0].length - 1;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    } else return item;
    this.at++;
    if (this.peek() === '?') this.at++;
    const needs = min > 0 ? item.needs : undefined;
    if (item.exact && min === 0 && max === 1) return { exact: new Set([...item.exact, '']), needs };
    if (item.exact && min === 1 && max === 1) return item;
    return { needs };
  }

  private escape(): Reading {
    const char = this.source[this.at++];
    if (char === undefined) throw new Unreadable();
    if (char === 'd') return exactly(DIGITS);
    if (char === 'b' || char === 'B') return ZERO_WIDTH;
    if ('DsSwW'.includes(char)) return UNKNOWN;
    if (/[1-9]/.test(char)) {
      while (/[0-9]/.test(this.peek() ?? '')) this.at++;
      return UNKNOWN;
    }
    return exactly(new Set([this.escaped(char)]));
  }

  /** The character an escape stands for, other than the class escapes. */
  private escaped(char: string): string {
    if (char in CONTROL_ESCAPES) return CONTROL_ESCAPES[char];
    const digits = char === 'u' ? 4 : char === 'x' ? 2 : 0;
    if (digits > 0) {
      const hex = this.source.slice(this.at, this.at + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) throw new Unreadable();
      this.at += digits;
      return String.fromCharCode(parseInt(hex, 16));
    }
    // Letters and digits escape to something else (\c, \k, \p, octal); punctuation stands for itself.
    if (/[0-9A-Za-z]/.test(char)) throw new Unreadable();
    return char;
  }

  private characterClass(): Reading {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const members = new Set<string>();
    let wide = false;
    while (this.peek() !== ']') {
      const from = this.classAtom();
      if (this.peek() === '-' && this.source[this.at + 1] !== ']' && this.source[this.at + 1] !== undefined) {
        this.at++;
        const to = this.classAtom();
        if (typeof from !== 'string' || typeof to !== 'string' || to < from) throw new Unreadable();
        if (to.charCodeAt(0) - from.charCodeAt(0) >= MAX_TEXTS) wide = true;
        else for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) members.add(String.fromCharCode(code));
      } else if (from === undefined) wide = true;
      else if (typeof from === 'string') members.add(from);
      else for (const digit of from) members.add(digit);
    }
    this.at++;
    return negated || wide || members.size === 0 || members.size > MAX_TEXTS ? UNKNOWN : exactly(members);
  }

  /** One character of a class, the digits of \d, or undefined for a class escape of many characters. */
  private classAtom(): string | Set<string> | undefined {
    const char = this.source[this.at++];
    if (char === undefined) throw new Unreadable();
    if (char !== '\\') return char;
    const escaped = this.source[this.at++];
    if (escaped === undefined) throw new Unreadable();
    if (escaped === 'd') return DIGITS;
    if ('DsSwW'.includes(escaped)) return undefined;
    if (escaped === 'b') return '\b';
    if (escaped === '-') return '-';
    return this.escaped(escaped);
  }
}

/** Words one of which every match of the pattern holds, or undefined when there are none to tell. */
export function neededWords(source: string): Set<string> | undefined {
  try {
    return new PatternReader(source).read().needs;
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}

/**
 * A pattern that finds a word one of the patterns needs: in a text it does not match, none of them
 * matches. Undefined when one of the patterns needs no particular word.
 */
export function hintOf(sources: readonly string[]): RegExp | undefined {
  const words = new Set<string>();
  for (const source of sources) {
    const needed = neededWords(source);
    if (needed === undefined) return undefined;
    for (const word of needed) words.add(word);
  }
  const escape = (word: string) => [...word].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return new RegExp([...words].map(escape).join('|'));
}
