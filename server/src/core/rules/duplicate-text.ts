import data from '../../data/duplicates.json';
import type { Lexicon } from '../lexicon/lexicon';
import type { Line } from '../reading/markdown';
import type { LineRole } from '../reading/model';
import { insideAny } from '../lexicon/phrases';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath } from '../engine/rule';
import { words } from '../lexicon/units';

/** A character or word typed twice: 的的, 全镇全镇, 加强党的建设加强党的建设. */
interface DoubledCharacter { followers: Set<string>; words: string[] }

const CHARACTERS = new Map<string, DoubledCharacter>(
  data.characters.map((entry) => [entry.char, { followers: new Set(words(entry.followers)), words: words(entry.words) }]),
);
const VERBS = new Set(words(data.verbs));
const CJK = /^[\u4e00-\u9fff]+$/;
/** The longest stretch looked at for a repeat: a clause, not a paragraph. */
const LONGEST = 16;
const CHECKED_ROLES: ReadonlySet<LineRole> = new Set(['title', 'subtitle', 'body', 'closing']);

export const duplicateText: Rule = {
  meta: {
    id: 'duplicate-text',
    name: '重复字词',
    description: '字或词重复（的的、全镇全镇），删去重复的一处',
    defaultSeverity: 'warning',
    docs: docsPath('duplicate-text'),
    fixable: true,
    allowable: true,
  },
  check(context: RuleContext) {
    // Whether a repeat straddles two words (党组织组织生活会) is only known from the dictionary.
    const lexicon = context.lexicon;
    if (!lexicon) return;
    const { model } = context;
    const titleLine = model.title?.lineIndexes[model.title.lineIndexes.length - 1];
    model.lines.forEach((line, index) => {
      // A title run into its text (……述职报告述职报告就是……): the words either side of its end are two sentences'.
      const titleEnd = index === titleLine && model.title!.end < line.text.trimEnd().length ? model.title!.end : undefined;
      if (CHECKED_ROLES.has(model.roles[index]) && line.kind !== 'code') checkLine(context, lexicon, line, titleEnd);
    });
  },
};

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;
/** Last index each Chinese character was seen at, and for which scan: reused, never cleared. */
const lastSeen = new Int32Array(CJK_LAST - CJK_FIRST + 1);
const lastScan = new Int32Array(CJK_LAST - CJK_FIRST + 1);
let scan = 0;
const NO_REPEATS: ReadonlyMap<number, number[]> = new Map();
/** Next index of the same character, per index of the line; grown, never shrunk, so lines allocate nothing. */
let nextSame = new Int32Array(1024);

/**
 * Where a stretch of 1–16 Chinese characters is followed by itself, as start → lengths (longest first).
 * A repeat of length L at i needs text[i] = text[i + L], so only the next few places the same character
 * occurs are tried.
 */
function repeats(text: string): ReadonlyMap<number, number[]> {
  scan++;
  // Most lines repeat nothing: their map is the shared empty one.
  let found: Map<number, number[]> | undefined;
  if (nextSame.length < text.length) nextSame = new Int32Array(2 ** Math.ceil(Math.log2(text.length)));
  const next = nextSame;
  for (let index = text.length - 1; index >= 0; index--) {
    next[index] = -1;
    const code = text.charCodeAt(index);
    if (code < CJK_FIRST || code > CJK_LAST) continue;
    const slot = code - CJK_FIRST;
    if (lastScan[slot] === scan) next[index] = lastSeen[slot];
    lastScan[slot] = scan;
    lastSeen[slot] = index;
    // The places after this one are linked already: the repeats starting here are found in the same pass.
    for (let at = next[index]; at !== -1 && at - index <= LONGEST; at = next[at]) {
      if (!followedByItself(text, index, at - index)) continue;
      const lengths = found?.get(index);
      if (lengths) lengths.unshift(at - index);
      else (found ??= new Map()).set(index, [at - index]);
    }
  }
  // Found from the end: handed on in text order.
  return found ? new Map([...found].reverse()) : NO_REPEATS;
}

function followedByItself(text: string, index: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(index + k) !== text.charCodeAt(index + length + k)) return false;
  return true;
}

/** Whether the stretch at `index`, written twice, is a slip rather than a word or a reduplication. */
function isSlip(text: string, index: number, length: number): boolean {
  const unit = text.slice(index, index + length);
  if (!CJK.test(unit)) return false;
  if (length === 1) {
    const character = CHARACTERS.get(unit);
    return character !== undefined && !character.followers.has(text[index + 2] ?? '') && !insideAny(text, index, index + 2, character.words);
  }
  // 天天 doubled, 一步一步, 研究研究: reduplications a writer means.
  return new Set(unit).size > 1 && !unit.startsWith('一') && !VERBS.has(unit);
}

/** Characters of context cut with a repeat to decide its word boundaries. */
const CONTEXT = 10;

/**
 * Whether both copies of the stretch at `index` are whole words or phrases of the sentence: the cut
 * puts a boundary before, between and after them, the doubled text is no word itself (人人,
 * 家家户户, 的的确确) and no verb said twice (交流交流). 党组织|组织生活会 and 目的|的 straddle a
 * boundary: no repeat.
 */
function standsAlone(lexicon: Lexicon, text: string, index: number, length: number): boolean {
  const end = index + 2 * length;
  if (lexicon.frequencyAt(text, index, end) > 0) return false;
  // 研究研究, 拜托拜托: a verb said twice is a way of saying it.
  if (length === 2 && lexicon.isVerb(text.slice(index, index + 2))) return false;
  const tokens = lexicon.segmentAround(text, index, end, CONTEXT);
  const boundaries = new Set(tokens.map((token) => token.start));
  boundaries.add(tokens[tokens.length - 1].end);
  return boundaries.has(index) && boundaries.has(index + length) && boundaries.has(end);
}

function checkLine(context: RuleContext, lexicon: Lexicon, line: Line, titleEnd?: number): void {
  const text = line.text;
  const found = repeats(text);
  let after = 0;
  // Starts were added in text order.
  for (const [index, lengths] of found) {
    if (index < after) continue;
    // Longest first: 加强党的建设加强党的建设 is one repeat, not a repeated 加.
    const length = lengths.find((candidate) => isSlip(text, index, candidate) && standsAlone(lexicon, text, index, candidate));
    if (length === undefined) continue;
    const end = index + 2 * length;
    if (insideAny(text, index, end, context.allow) || index + length === titleEnd) continue;
    const unit = text.slice(index, index + length);
    const second = { start: line.map[index + length], end: line.map[end] };
    context.report({
      start: line.map[index],
      end: line.map[end],
      message: `“${unit}”重复了：“${text.slice(index, end)}”应为“${unit}”。`,
      fix: { title: `删去重复的“${unit}”`, edits: [{ ...second, newText: '' }] },
    });
    after = end;
  }
}
