/**
 * Markdown to report lines. Each source line of a paragraph or heading is one report line, because
 * drafts pasted from Word keep one paragraph per line, often without blank lines between. This is the
 * only place that reads Markdown syntax; everything else reads the lines. The syntax is micromark's (the
 * parser under remark), read from its events: no syntax tree is built, which keeps a whole check of a
 * draft within 1.5 times what parsing alone takes (`npm run bench`).
 */
import './linearEdits';
import { parse as micromark, postprocess, preprocess } from 'micromark';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Construct, Event, Extension, Point, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { countsFrom } from '../lexicon/units';

export type LineKind = 'paragraph' | 'heading' | 'bullet' | 'ordered' | 'tableRow' | 'code' | 'footnote';

/** Inline formatting over a text range of a line. */
export interface Mark {
  start: number;
  end: number;
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

export interface Line {
  /** Plain text: inline markup removed, line ending excluded. */
  text: string;
  /** Source offset of each text index, plus one entry for the end. */
  map: Int32Array;
  /** 0 for paragraph lines, 1–6 for the line of a Markdown heading. */
  mdDepth: number;
  kind: LineKind;
  /** Lines of one Markdown block (paragraph, list item, table, code block) share this number. */
  block: number;
  /**
   * The last character of the previous line when this line continues the same Markdown paragraph,
   * else ''. Hard-wrapped text (…共1200⏎名党员) reads across the wrap through it.
   */
  wrappedAfter: string;
  marks: Mark[];
  /** Table rows: the text range of each cell, and its column's alignment. */
  cells?: Array<{ start: number; end: number; align?: 'left' | 'center' | 'right' }>;
  /** Footnote references ([^1]) and images (![说明](图.png)), at the text index they stand at. */
  anchors?: Anchor[];
  /** Lines of a footnote's text ([^1]: ……): its label. */
  footnoteLabel?: string;
}

export type Anchor = { at: number; footnote: string } | { at: number; image: { url: string; alt: string } };

/** Source range of a line's text without its leading and trailing blanks. */
export function trimmedRange(line: Line): { start: number; end: number } {
  const lead = line.text.length - line.text.trimStart().length;
  return { start: line.map[lead], end: line.map[line.text.trimEnd().length] };
}

export interface HtmlComment {
  start: number;
  end: number;
  value: string;
}

export interface ParsedMarkdown {
  lines: Line[];
  comments: HtmlComment[];
  /** `*` runs that Markdown took for emphasis but that stand where a number or name belongs (开展*次, ***镇). */
  starPlaceholders: Array<{ start: number; end: number }>;
  /** Fenced code blocks: kept out of the report (not checked, not exported). */
  fenced: Array<{ start: number; end: number }>;
  /** Source offset of a <!-- that is never closed: the rest of the draft is hidden from every reader. */
  unclosedComment?: number;
  frontMatter?: { value: string; start: number; end: number };
}

/** Lines (numbered from 1, as micromark does) where a table can be: set before each parse, which is synchronous. */
let tableLines: Uint8Array = new Uint8Array(0);

/**
 * GFM's table, turned away before it reads a line on which no table can be. It is tried at the start of
 * every line and reads the whole line before it fails; a table starts only on a line followed by a
 * delimiter row (| --- | --- |) and ends at the next blank line, so most lines of a draft need no try.
 */
function tableOnPossibleLines(): Extension {
  const table = (gfmTable().flow as Record<string, Construct>).null;
  const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
    const read = table.tokenize.call(this, effects, ok, nok);
    const line = this.now().line;
    return (code) => (tableLines[line] === 1 ? read(code) : nok(code));
  };
  return { flow: { null: { ...table, tokenize } } };
}

/** Nothing but pipes, colons, dashes, blanks and quote marks, with at least one pipe and one dash. */
const DELIMITER_ROW = /^(?=[^|\n]*\|)(?=[^-\n]*-)[ \t>|:-]+$/;

/** Marks the lines from each line followed by a delimiter row to the next blank line; null when there is none. */
function possibleTableLines(text: string): Uint8Array | null {
  if (!text.includes('|')) return null;
  const lines = text.split(/\r\n?|\n/);
  let marks: Uint8Array | null = null;
  let inTable = false;
  for (let index = 0; index < lines.length; index++) {
    if (index + 1 < lines.length && DELIMITER_ROW.test(lines[index + 1])) inTable = true;
    else if (lines[index].trim() === '') inTable = false;
    if (inTable) (marks ??= new Uint8Array(lines.length + 1))[index + 1] = 1;
  }
  return marks;
}

/**
 * Runs of non-ASCII characters at least this long are handed to the parser as their first and last
 * character: in the middle of a run no character can start, end or change a construct (emphasis looks
 * only at the character beside a delimiter), and on Chinese text that spares the parser most of its
 * character-by-character work. Offsets are mapped back, so every reader sees the draft's own text.
 */
const CONDENSED_RUN = 3;

/** The text the parser read, and the draft offset of each of its offsets when runs were condensed. */
class ParsedText {
  constructor(readonly source: string, readonly parsed: string, private readonly offsets?: Int32Array) {}

  at(point: Point): number {
    return this.offsets ? this.offsets[point.offset] : point.offset;
  }

  slice(token: Token): string {
    return this.source.slice(this.at(token.start), this.at(token.end));
  }

  /**
   * A token as the parser serialises it (tabs partly indentation, quote marks left out). A token that
   * holds a condensed run stands on a line without tabs, where that is its own text.
   */
  serialized([, token, context]: Event): string {
    const start = this.at(token.start);
    const end = this.at(token.end);
    return end - start === token.end.offset - token.start.offset ? context.sliceSerialize(token) : this.source.slice(start, end);
  }
}

/**
 * The draft with its long non-ASCII runs condensed (see CONDENSED_RUN). Lines holding a tab or a NUL are
 * left whole: a tab's width depends on its column, and the parser reads both differently from the source.
 * A draft with a link definition ([标签]: 地址) is left whole too: its labels are matched by their words.
 */
function condensed(source: string): ParsedText {
  if (source.includes(']:')) return new ParsedText(source, source);
  const offsets = new Int32Array(source.length + 1);
  const pieces: string[] = [];
  let length = 0;
  let copiedFrom = 0;
  const keep = (end: number) => {
    for (let at = copiedFrom; at < end; at++) offsets[length++] = at;
    pieces.push(source.slice(copiedFrom, end));
  };
  // The line of the last run looked at, whether it holds a tab or a NUL, and the next of each.
  let lineEnd = -1;
  let whole = false;
  let nextTab = -1;
  let nextNul = -1;
  for (const run of source.matchAll(CONDENSABLE_RUN)) {
    const start = run.index;
    const end = start + run[0].length;
    if (start > lineEnd) {
      const lineStart = source.lastIndexOf('\n', start) + 1;
      lineEnd = indexOrEnd(source, '\n', end);
      if (nextTab < lineStart) nextTab = indexOrEnd(source, '\t', lineStart);
      if (nextNul < lineStart) nextNul = indexOrEnd(source, '\0', lineStart);
      whole = nextTab < lineEnd || nextNul < lineEnd;
    }
    if (whole) continue;
    keep(start + 1);
    copiedFrom = end - 1;
  }
  if (copiedFrom === 0) return new ParsedText(source, source);
  keep(source.length);
  offsets[length] = source.length;
  return new ParsedText(source, pieces.join(''), offsets.subarray(0, length + 1));
}

/** A run of characters outside ASCII, surrogate halves left out so a pair is never split. */
const CONDENSABLE_RUN = new RegExp(`[^\\x00-\\x7f\\ud800-\\udfff]{${CONDENSED_RUN},}`, 'g');

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

/**
 * A token's text as Markdown reads it. A line ending inside a list item or a quote also spans the next
 * line's indent or quote mark, and a tab can be partly indentation: the parser's own view leaves those out.
 */
function valueOf(text: ParsedText, event: Event): string {
  const [, token] = event;
  const raw = text.slice(token);
  const plain = token.type === 'lineEnding' ? raw === '\n' || raw === '\r\n' || raw === '\r' : !raw.includes('\t');
  return plain ? raw : text.serialized(event);
}

/** Index of the event that closes the token entered at `index`. */
function closing(events: Event[], index: number): number {
  const token = events[index][1];
  let end = index + 1;
  while (end < events.length && !(events[end][0] === 'exit' && events[end][1] === token)) end++;
  return end;
}

/** A link's target when it has one written out ([文字](地址)); a reference link ([文字][1]) has none here. */
function linkTarget(text: ParsedText, events: Event[], index: number): Style {
  const end = closing(events, index);
  let nested = 0;
  for (let at = index + 1; at < end; at++) {
    const [phase, token] = events[at];
    if (token.type === 'image') nested += phase === 'enter' ? 1 : -1;
    else if (nested === 0 && phase === 'enter' && token.type === 'resource') return { link: destination(text, events, at) };
  }
  return {};
}

function destination(text: ParsedText, events: Event[], resource: number): string {
  const end = closing(events, resource);
  for (let at = resource + 1; at < end; at++) {
    const token = events[at][1];
    if (token.type === 'resourceDestinationString') return decodeString(text.serialized(events[at]));
  }
  return '';
}

/** An image written out (![说明](图.png)): its address and its text, markup and escapes resolved. */
function imageOf(text: ParsedText, events: Event[], index: number): { url: string; alt: string } | undefined {
  const end = closing(events, index);
  let alt = '';
  let url: string | undefined;
  let nestedImages = 0;
  let inResource = false;
  for (let at = index + 1; at < end; at++) {
    const [phase, token] = events[at];
    if (token.type === 'image') nestedImages += phase === 'enter' ? 1 : -1;
    if (nestedImages > 0 || token.type === 'image') continue;
    if (token.type === 'resource') {
      inResource = phase === 'enter';
      if (inResource) url = destination(text, events, at);
    } else if (phase === 'enter' && !inResource) {
      if (ALT_TEXT.has(token.type)) alt += valueOf(text, events[at]);
      else if (token.type === 'characterReference') alt += decodeString(valueOf(text, events[at]));
    }
  }
  return url === undefined ? undefined : { url, alt };
}

const ALT_TEXT = new Set(['data', 'characterEscapeValue', 'codeTextData', 'lineEnding']);

/** The text of an HTML block or inline tag as Markdown gives it: its lines, without the quote marks or indents before them. */
function htmlValue(text: ParsedText, events: Event[], index: number): string {
  const end = closing(events, index);
  let value = '';
  for (let at = index + 1; at < end; at++) {
    const [phase, token] = events[at];
    if (phase === 'enter' && (token.type === 'htmlFlowData' || token.type === 'htmlTextData' || token.type === 'lineEnding')) {
      value += text.serialized(events[at]);
    }
  }
  return value;
}

/** YAML front matter: the text between its fences. */
function frontMatterOf(text: ParsedText, events: Event[], index: number): { value: string; start: number; end: number } {
  const token = events[index][1];
  const end = closing(events, index);
  const fences = events.slice(index + 1, end).filter(([phase, inner]) => phase === 'enter' && (inner.type as string) === 'yamlFence').map(([, fence]) => fence);
  const from = text.at(fences[0]?.end ?? token.start);
  const to = text.at(fences.length > 1 ? fences[fences.length - 1].start : token.end);
  return { value: text.source.slice(from, to).replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, ''), start: text.at(token.start), end: text.at(token.end) };
}

/**
 * Front matter, and of GFM only tables and footnotes, each only for texts that can hold one (a delimiter
 * row, a `[^`): the rest of GFM costs time and gives nothing here. Indexed by (tables ? 1 : 0) + (footnotes ? 2 : 0).
 */
const EXTENSIONS: Extension[][] = [false, true].flatMap((footnotes) => [false, true].map((tables) => [
  frontmatter(['yaml']), ...(tables ? [tableOnPossibleLines()] : []), ...(footnotes ? [gfmFootnote()] : []),
]));

/** `condense: false` parses every character: the tests compare both readings. */
export function parseMarkdown(source: string, { condense = true } = {}): ParsedMarkdown {
  // micromark drops a byte order mark and counts offsets without it; shift them back.
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = boundedForParsing(bom ? source.slice(1) : source);
  const tables = possibleTableLines(text);
  if (tables) tableLines = tables;
  const extensions = EXTENSIONS[(tables ? 1 : 0) + (text.includes('[^') ? 2 : 0)];
  const parsedText = condense ? condensed(text) : new ParsedText(text, text);
  const events = postprocess(micromark({ extensions }).document().write(preprocess()(parsedText.parsed, 'utf8', true)));
  const collector = new LineCollector(parsedText);
  collector.read(events);
  const parsed: ParsedMarkdown = { lines: collector.lines, comments: collector.comments, starPlaceholders: collector.starPlaceholders, fenced: collector.fenced };
  if (collector.frontMatter) parsed.frontMatter = collector.frontMatter;
  parsed.unclosedComment = collector.unclosedComments[0];
  if (bom) {
    if (parsed.unclosedComment !== undefined) parsed.unclosedComment += bom;
    for (const line of parsed.lines) for (let i = 0; i < line.map.length; i++) line.map[i] += bom;
    for (const range of [...parsed.comments, ...parsed.starPlaceholders, ...parsed.fenced]) {
      range.start += bom;
      range.end += bom;
    }
    if (parsed.frontMatter) {
      parsed.frontMatter.start += bom;
      parsed.frontMatter.end += bom;
    }
  }
  return parsed;
}

/**
 * What is handed to Markdown, with the shapes that would make it superlinear defused in place (same
 * length, so every offset holds). Markdown pairs emphasis delimiters in time that grows with the square of their number in one
 * paragraph, and a Word paste is often one paragraph. Where a stretch between blank lines holds more
 * than this many `*` or `_`, they are read as the full-width marks of the same length (＊, ＿): the
 * placeholders they are stay placeholders, offsets stay exact, and the parse stays linear.
 */
const DELIMITER_FLOOD = 128;

/** Quotes nested deeper than this are read as text from there on: Markdown's time grows with the square of the depth. */
const MAX_QUOTE_DEPTH = 32;
const DEEP_QUOTE = new RegExp(`^((?:[ \\t]*>){${MAX_QUOTE_DEPTH}})([ \\t>]+)`, 'gm');

function boundedForParsing(source: string): string {
  const text = source.includes('>'.repeat(2)) || source.includes('> >')
    ? source.replace(DEEP_QUOTE, (_, kept: string, rest: string) => kept + rest.replace(/>/g, '＞'))
    : source;
  // The usual draft holds fewer delimiters in all than one stretch may: nothing to rebuild.
  if (delimiterCount(text) <= DELIMITER_FLOOD) return text;
  let out = '';
  let from = 0;
  for (const separator of text.matchAll(/\n[ \t]*\r?\n/g)) {
    out += neutralised(text.slice(from, separator.index)) + separator[0];
    from = separator.index + separator[0].length;
  }
  return out + neutralised(text.slice(from));
}

/** `*` and `_` in the text, counted no further than one past the flood limit. */
function delimiterCount(text: string): number {
  let count = 0;
  for (let i = text.indexOf('*'); i !== -1 && count <= DELIMITER_FLOOD; i = text.indexOf('*', i + 1)) count++;
  for (let i = text.indexOf('_'); i !== -1 && count <= DELIMITER_FLOOD; i = text.indexOf('_', i + 1)) count++;
  return count;
}

function neutralised(stretch: string): string {
  return delimiterCount(stretch) > DELIMITER_FLOOD ? stretch.replace(/\*/g, '＊').replace(/_/g, '＿') : stretch;
}

const CJK = /[\u4e00-\u9fff]/;

/** Bold text starts and ends with a word: a letter, a digit, a Chinese character or a quotation mark. */
const WORD_EDGES = /^[\p{L}\p{N}“‘"'《（(][\s\S]*[\p{L}\p{N}”’"'》）)。，；：！？]$|^[\p{L}\p{N}]$/u;

/** How far ahead an unescaped character is looked for in its source (&#x4e00; is 8 units long). */
const ALIGN_WINDOW = 16;
const AMPERSAND = 0x26;
/** &CounterClockwiseContourIntegral; is the longest named entity. */
const MAX_ENTITY_LENGTH = 34;

/** Source offsets of this many text indexes share one allocation. */
const MAP_CHUNK_LENGTH = 8192;

/** Accumulates plain text with a source offset per UTF-16 code unit. */
class TextBuffer {
  text = '';
  offsets: number[] = [];
  marks: Mark[] = [];
  cells: Array<{ start: number; end: number; align?: 'left' | 'center' | 'right' }> = [];
  anchors: Anchor[] = [];

  push(value: string, sourceStart: number, sourceEnd: number, source: string): void {
    this.text += value;
    if (sourceEnd - sourceStart === value.length && source.startsWith(value, sourceStart)) {
      for (let i = 0; i < value.length; i++) this.offsets.push(sourceStart + i);
      return;
    }
    // Escapes, entities and stripped indentation make value and source differ: align them, looking
    // only a short way ahead so text full of entities stays linear. An entity (&#x4e00;) stands for the
    // character it makes, so it is taken before any later copy of that character is looked for.
    let s = sourceStart;
    let afterEntity = -1;
    for (let i = 0; i < value.length; i++) {
      const wanted = value.charCodeAt(i);
      // The second half of an astral character made by one entity sits where the entity does.
      if (afterEntity !== -1 && wanted >= 0xdc00 && wanted <= 0xdfff) {
        this.offsets.push(this.offsets[this.offsets.length - 1]);
        afterEntity = -1;
        continue;
      }
      afterEntity = -1;
      let probe = s;
      let entityEnd = -1;
      const limit = Math.min(sourceEnd, s + ALIGN_WINDOW);
      for (; probe < limit; probe++) {
        const at = source.charCodeAt(probe);
        if (at === wanted) break;
        if (at === AMPERSAND) {
          const semicolon = source.indexOf(';', probe);
          if (semicolon !== -1 && semicolon - probe <= MAX_ENTITY_LENGTH && semicolon < sourceEnd) {
            entityEnd = semicolon + 1;
            break;
          }
        }
      }
      if (probe >= limit) {
        this.offsets.push(Math.min(s, sourceEnd));
        continue;
      }
      this.offsets.push(probe);
      if (entityEnd !== -1) afterEntity = probe;
      s = entityEnd !== -1 ? entityEnd : probe + 1;
    }
  }

  pushSeparator(char: string, offset: number): void {
    this.text += char;
    this.offsets.push(offset);
  }
}

interface Style {
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

/** The blocks that a list item, a quote or a footnote holds: the first one of a list item carries its marker. */
const FLOW_BLOCKS = new Set(['paragraph', 'definition', 'atxHeading', 'setextHeading', 'codeFenced', 'codeIndented', 'htmlFlow',
  'table', 'thematicBreak', 'blockQuote', 'listOrdered', 'listUnordered', 'gfmFootnoteDefinition']);
/** Inline content of a paragraph, a heading or a table cell. */
const TEXT_PARTS = new Set(['paragraph', 'atxHeadingText', 'setextHeadingText', 'tableContent']);
/** Not report text, with everything inside: definitions, a link's target, code spans, footnote calls, breaks. */
const PASSED_OVER = new Set(['definition', 'thematicBreak', 'resource', 'reference', 'codeText', 'gfmFootnoteCall', 'hardBreakEscape', 'hardBreakTrailing', 'htmlText', 'autolink', 'image']);

type Container = { kind: 'list'; ordered: boolean } | { kind: 'footnote'; label: string } | { kind: 'quote' };

/**
 * Reads micromark's events into report lines. Events come in document order with exact source offsets,
 * so text is taken piece by piece where it stands, and nothing is nested by recursion (quotes and
 * emphasis can nest thousands deep in odd input).
 */
class LineCollector {
  lines: Line[] = [];
  comments: HtmlComment[] = [];
  starPlaceholders: Array<{ start: number; end: number }> = [];
  fenced: Array<{ start: number; end: number }> = [];
  frontMatter?: { value: string; start: number; end: number };
  /** Where a <!-- with no --> starts: Markdown hides everything after it. */
  unclosedComments: number[] = [];
  private blockCount = 0;

  private containers: Container[] = [];
  /** Set by a list item's marker until the item's first block: a paragraph there is the item's text. */
  private itemStart?: { ordered: boolean; start: number };
  private buffer?: TextBuffer;
  private kind: LineKind = 'paragraph';
  private depth = 0;
  private styles: Style[] = [{}];
  private textDepth = 0;
  /** Text pieces of one run (no markup between) share one mark, as they are one piece of text. */
  private joinsRun = false;
  /** The line ending right after a hard break belongs to the break. */
  private afterBreak = false;
  /** A token whose contents are not read, until it closes. */
  private passing?: Token;
  private table?: { align: Array<'left' | 'center' | 'right' | undefined>; cell: number; cellStart: number };
  /** The text of an indented code block, gathered as it is read; undefined outside one. */
  private codeValue?: string;
  /** An ordered item's typed ordinal (1. / 1)), put before the text of the paragraph that follows it. */
  private marker?: { start: number; end: number };
  /** The first line of the footnote paragraph being read. */
  private footnoteFrom = 0;

  private readonly source: string;

  constructor(private readonly parsed: ParsedText) {
    this.source = parsed.source;
  }

  private at(point: Point): number {
    return this.parsed.at(point);
  }

  read(events: Event[]): void {
    for (let index = 0; index < events.length; index++) {
      const [phase, token] = events[index];
      if (this.passing) {
        if (phase === 'exit' && token === this.passing) this.passing = undefined;
        continue;
      }
      if (phase === 'enter') this.enter(token, events, index);
      else this.exit(token);
    }
  }

  private slice(token: Token): string {
    return this.parsed.slice(token);
  }

  private enter(token: Token, events: Event[], index: number): void {
    const type = token.type as string;
    if (FLOW_BLOCKS.has(type) && this.startsBlock(token)) return;
    if (TEXT_PARTS.has(type)) this.textDepth++;
    switch (type) {
      case 'paragraph':
      case 'atxHeading':
      case 'setextHeading':
        this.buffer = new TextBuffer();
        this.styles = [{}];
        this.joinsRun = false;
        this.afterBreak = false;
        this.depth = type === 'paragraph' ? 0 : -1;
        if (type !== 'paragraph') this.kind = 'heading';
        if (type === 'paragraph' && this.marker) {
          const { start, end } = this.marker;
          this.buffer.push(this.source.slice(start, end).trim(), start, end, this.source);
          this.marker = undefined;
        }
        return;
      case 'data':
      case 'characterEscapeValue':
      case 'characterReference':
      case 'lineEnding':
        if (this.buffer && this.textDepth > 0) this.text(events[index], type);
        else if (type === 'lineEnding' && this.codeValue !== undefined) this.codeValue += valueOf(this.parsed, events[index]);
        return;
      case 'emphasis':
      case 'strong': {
        const style = this.styles[this.styles.length - 1];
        const isMarkup = this.checkStars(this.at(token.start), this.at(token.end), type === 'strong');
        this.styles.push(isMarkup ? { ...style, [type === 'strong' ? 'bold' : 'italic']: true } : style);
        this.joinsRun = false;
        return;
      }
      case 'link':
        this.styles.push({ ...this.styles[this.styles.length - 1], ...linkTarget(this.parsed, events, index) });
        this.joinsRun = false;
        return;
      case 'listOrdered':
      case 'listUnordered':
        this.containers.push({ kind: 'list', ordered: type === 'listOrdered' });
        return;
      case 'listItemPrefix': {
        const list = this.containers[this.containers.length - 1];
        this.itemStart = { ordered: list?.kind === 'list' && list.ordered, start: this.at(token.start) };
        return;
      }
      case 'blockQuote':
        this.containers.push({ kind: 'quote' });
        return;
      case 'gfmFootnoteDefinition':
        this.containers.push({ kind: 'footnote', label: '' });
        return;
      case 'gfmFootnoteDefinitionLabelString': {
        const footnote = this.containers[this.containers.length - 1];
        if (footnote?.kind === 'footnote') footnote.label = normalizeIdentifier(this.slice(token)).toLowerCase();
        return;
      }
      case 'codeIndented':
        this.codeValue = '';
        return;
      case 'codeFlowValue':
        if (this.codeValue !== undefined) this.codeValue += valueOf(this.parsed, events[index]);
        return;
      case 'codeFenced':
        this.fenced.push({ start: this.at(token.start), end: this.at(token.end) });
        this.passing = token;
        return;
      case 'htmlFlow':
        this.html(htmlValue(this.parsed, events, index), this.at(token.start), this.at(token.end));
        this.passing = token;
        return;
      case 'table':
        this.blockCount++;
        this.table = { align: (token._align ?? []).map((align) => (align === 'none' ? undefined : align)), cell: 0, cellStart: 0 };
        return;
      case 'tableRow':
        this.buffer = new TextBuffer();
        this.styles = [{}];
        this.table!.cell = 0;
        return;
      case 'tableHeader':
      case 'tableData':
        // Cells are kept apart by a pipe, which the rules read as a clause boundary.
        if (this.table!.cell > 0) this.buffer!.pushSeparator('|', this.at(token.start));
        this.table!.cellStart = this.buffer!.text.length;
        this.joinsRun = false;
        return;
      case 'yaml':
        if (this.containers.length === 0) this.frontMatter = frontMatterOf(this.parsed, events, index);
        this.passing = token;
        return;
      default:
        if (PASSED_OVER.has(type)) this.inline(token, type, events, index);
    }
  }

  /** A block inside a list item, a quote or a footnote: whether it is passed over whole. */
  private startsBlock(token: Token): boolean {
    const container = this.containers[this.containers.length - 1];
    const first = this.itemStart;
    this.itemStart = undefined;
    this.marker = undefined;
    if (container?.kind === 'footnote') {
      // Of a footnote's text only its paragraphs are read.
      if (token.type !== 'paragraph') {
        this.passing = token;
        return true;
      }
      this.kind = 'footnote';
      this.footnoteFrom = this.lines.length;
      return false;
    }
    if (token.type !== 'paragraph') return false;
    this.kind = first ? (first.ordered ? 'ordered' : 'bullet') : 'paragraph';
    // The ordinal the user typed ("1." / "1)") is the list marker: it starts the item's text.
    this.marker = first?.ordered ? { start: first.start, end: this.at(token.start) } : undefined;
    return false;
  }

  /** Inline constructs that are not text: each stands in the line as what it is. */
  private inline(token: Token, type: string, events: Event[], index: number): void {
    this.passing = token;
    this.joinsRun = false;
    const buffer = this.buffer;
    if (!buffer || this.textDepth === 0) return;
    const start = this.at(token.start);
    switch (type) {
      case 'codeText':
        // Code is not prose: one object character keeps words on either side apart.
        buffer.pushSeparator('\uFFFC', start);
        break;
      case 'hardBreakEscape':
      case 'hardBreakTrailing':
        buffer.pushSeparator('\n', start);
        this.afterBreak = true;
        break;
      case 'htmlText':
        this.html(htmlValue(this.parsed, events, index), start, this.at(token.end));
        break;
      case 'gfmFootnoteCall': {
        const label = events.slice(index, index + 8).find(([, inner]) => inner.type === 'gfmFootnoteCallString');
        if (label) buffer.anchors.push({ at: buffer.text.length, footnote: normalizeIdentifier(this.slice(label[1])).toLowerCase() });
        break;
      }
      case 'image': {
        const image = imageOf(this.parsed, events, index);
        if (image) buffer.anchors.push({ at: buffer.text.length, image });
        break;
      }
      case 'autolink': {
        const inner = events.slice(index, index + 6).map(([, part]) => part).find((part) => part.type === 'autolinkProtocol' || part.type === 'autolinkEmail');
        if (!inner) break;
        const value = this.slice(inner);
        this.push(value, this.at(inner.start), this.at(inner.end), { ...this.styles[this.styles.length - 1], link: inner.type === 'autolinkEmail' ? `mailto:${value}` : value });
        this.joinsRun = false;
        break;
      }
      default:
        break;
    }
  }

  private text(event: Event, type: string): void {
    const token = event[1];
    if (type === 'lineEnding' && this.afterBreak) {
      this.afterBreak = false;
      return;
    }
    this.afterBreak = false;
    const value = valueOf(this.parsed, event);
    this.push(type === 'characterReference' ? decodeString(value) : value, this.at(token.start), this.at(token.end), this.styles[this.styles.length - 1]);
  }

  private push(value: string, start: number, end: number, style: Style): void {
    const buffer = this.buffer!;
    const textStart = buffer.text.length;
    buffer.push(value, start, end, this.source);
    const { bold, italic, link } = style;
    if (!(bold || italic || link) || buffer.text.length === textStart) return;
    const last = buffer.marks[buffer.marks.length - 1];
    if (this.joinsRun && last && last.end === textStart) last.end = buffer.text.length;
    else buffer.marks.push({ start: textStart, end: buffer.text.length, ...style });
    this.joinsRun = true;
  }

  private exit(token: Token): void {
    const type = token.type as string;
    if (TEXT_PARTS.has(type)) this.textDepth--;
    switch (type) {
      case 'atxHeadingSequence':
        if (this.depth === -1) this.depth = this.at(token.end) - this.at(token.start);
        return;
      case 'setextHeadingLineSequence':
        this.depth = this.source[this.at(token.start)] === '=' ? 1 : 2;
        return;
      case 'paragraph':
      case 'atxHeading':
      case 'setextHeading': {
        this.flush(this.buffer!, Math.max(this.depth, 0), this.kind);
        this.buffer = undefined;
        const container = this.containers[this.containers.length - 1];
        if (container?.kind === 'footnote') for (const line of this.lines.slice(this.footnoteFrom)) line.footnoteLabel = container.label;
        return;
      }
      case 'emphasis':
      case 'strong':
      case 'link':
        this.styles.pop();
        this.joinsRun = false;
        return;
      case 'listOrdered':
      case 'listUnordered':
      case 'blockQuote':
      case 'gfmFootnoteDefinition':
        this.containers.pop();
        this.itemStart = undefined;
        return;
      case 'codeIndented': {
        const start = this.at(token.start);
        const value = (this.codeValue ?? '').replace(/(\r?\n|\r)$/, '');
        this.codeValue = undefined;
        // A fence indented four spaces or more is code, not a fence; the source is what tells them apart.
        if (/^[ \t]*(`{3,}|~{3,})/.test(this.source.slice(start, start + 8))) this.fenced.push({ start, end: this.at(token.end) });
        else this.code(value, start, this.at(token.end));
        return;
      }
      case 'tableHeader':
      case 'tableData': {
        const table = this.table!;
        this.buffer!.cells.push({ start: table.cellStart, end: this.buffer!.text.length, align: table.align[table.cell] });
        table.cell++;
        return;
      }
      case 'tableRow': {
        const buffer = this.buffer!;
        this.buffer = undefined;
        if (buffer.text.length === 0 && buffer.anchors.length === 0) return;
        const map = this.mapOf(buffer, 0, buffer.text.length);
        this.lines.push({ text: buffer.text, map, mdDepth: 0, kind: 'tableRow', block: this.blockCount, wrappedAfter: '', marks: buffer.marks, cells: buffer.cells, ...(buffer.anchors.length > 0 ? { anchors: buffer.anchors } : {}) });
        return;
      }
      case 'table':
        this.table = undefined;
        return;
      default:
    }
  }

  private code(value: string, start: number, end: number): void {
    const buffer = new TextBuffer();
    // The value leaves out indentation; find where it sits in the source.
    const firstLine = value.split('\n', 1)[0];
    const at = firstLine ? this.source.indexOf(firstLine, start) : -1;
    buffer.push(value, at === -1 ? start : at, end, this.source);
    this.flush(buffer, 0, isChineseProse(value) ? 'paragraph' : 'code');
  }

  private html(value: string, start: number, end: number): void {
    // indexOf, not a lazy regex: a run of unclosed <!-- would make the regex rescan to the end each time.
    for (let open = value.indexOf('<!--'); open !== -1; ) {
      const close = value.indexOf('-->', open + 4);
      if (close === -1) {
        this.unclosedComments.push(start + open);
        return;
      }
      this.comments.push({ start: start + open, end: Math.min(end, start + close + 3), value: value.slice(open + 4, close) });
      open = value.indexOf('<!--', close + 3);
    }
  }

  /**
   * Templates write unknown numbers and names as `*` (开展*次, *年度, ***镇, *-*月), and pasted text
   * with single newlines lets Markdown pair those stars into emphasis. 公文 set no Chinese in italics,
   * so single stars around Chinese are two placeholders; `**bold**` (and `*Latin*`) is markup when it
   * opens and closes on one line around words, unless a delimiter stands where a number belongs (投入**万元).
   * Returns whether the node is real markup.
   */
  private checkStars(start: number, end: number, strong: boolean): boolean {
    const source = this.source;
    if (!/[*＊]/.test(source[start]) || !/[*＊]/.test(source[end - 1])) return true;
    let open = start;
    while (source[open] === '*') open++;
    let close = end;
    while (close > open && source[close - 1] === '*') close--;
    const inner = source.slice(open, close);
    if (inner.includes('\n') || !WORD_EDGES.test(inner) || (!strong && CJK.test(inner))) {
      this.starPlaceholders.push({ start, end: open }, { start: close, end });
      return false;
    }
    // 开展*次, *年度, ***镇: a star between a word and a unit, date part or place suffix stands for what is missing.
    const placeholderAt = (before: string | undefined, after: number) =>
      before !== undefined && (CJK.test(before) || /[0-9]/.test(before)) && after < source.length && countsFrom(source, after);
    let markup = true;
    if (placeholderAt(source[start - 1], open)) {
      this.starPlaceholders.push({ start, end: open });
      markup = false;
    }
    if (placeholderAt(source[close - 1], end)) {
      this.starPlaceholders.push({ start: close, end });
      markup = false;
    }
    return markup;
  }

  /** Line maps are views into shared chunks: a typed array of its own costs each line an allocation outside the heap. */
  private mapChunk = new Int32Array(0);
  private mapChunkUsed = 0;

  private newMap(length: number): Int32Array {
    if (this.mapChunkUsed + length > this.mapChunk.length) {
      this.mapChunk = new Int32Array(Math.max(length, MAP_CHUNK_LENGTH));
      this.mapChunkUsed = 0;
    }
    this.mapChunkUsed += length;
    return this.mapChunk.subarray(this.mapChunkUsed - length, this.mapChunkUsed);
  }

  private mapOf(buffer: TextBuffer, lineStart: number, lineEnd: number): Int32Array {
    // Alignment can run to the end of the source on odd input (entities); never past it.
    const limit = this.source.length;
    const map = this.newMap(lineEnd - lineStart + 1);
    for (let k = 0; k < lineEnd - lineStart; k++) map[k] = Math.min(buffer.offsets[lineStart + k], limit);
    map[lineEnd - lineStart] = lineEnd > lineStart ? Math.min(buffer.offsets[lineEnd - 1] + 1, limit) : Math.min(buffer.offsets[lineStart] ?? limit, limit);
    return map;
  }

  private flush(buffer: TextBuffer, depth: number, kind: LineKind): void {
    const { text } = buffer;
    this.blockCount++;
    let wrappedAfter = '';
    // Line endings as Markdown knows them: LF, CRLF, and a lone CR (old Mac and some Word exports).
    const lineEnding = /\r\n?|\n/g;
    // Marks and anchors come in text order: one cursor each keeps a long paragraph linear.
    let firstMark = 0;
    let firstAnchor = 0;
    for (let lineStart = 0; lineStart <= text.length; ) {
      lineEnding.lastIndex = lineStart;
      const ending = lineEnding.exec(text);
      const lineEnd = ending ? ending.index : text.length;
      const lineText = text.slice(lineStart, lineEnd);
      while (firstAnchor < buffer.anchors.length && buffer.anchors[firstAnchor].at < lineStart) firstAnchor++;
      const anchors: Anchor[] = [];
      for (let index = firstAnchor; index < buffer.anchors.length && buffer.anchors[index].at <= lineEnd; index++) {
        anchors.push({ ...buffer.anchors[index], at: buffer.anchors[index].at - lineStart });
      }
      while (firstMark < buffer.marks.length && buffer.marks[firstMark].end <= lineStart) firstMark++;
      // A line holding only an image is a line of the report too.
      if (lineText.trim().length > 0 || anchors.length > 0) {
        const marks: Mark[] = [];
        for (let index = firstMark; index < buffer.marks.length && buffer.marks[index].start < lineEnd; index++) {
          const mark = buffer.marks[index];
          if (mark.end > lineStart) marks.push({ ...mark, start: Math.max(mark.start, lineStart) - lineStart, end: Math.min(mark.end, lineEnd) - lineStart });
        }
        const line: Line = { text: lineText, map: this.mapOf(buffer, lineStart, lineEnd), mdDepth: depth, kind, block: this.blockCount, wrappedAfter, marks };
        if (anchors.length > 0) line.anchors = anchors;
        this.lines.push(line);
        wrappedAfter = lineText.trimEnd().slice(-1);
      }
      lineStart = ending ? ending.index + ending[0].length : text.length + 1;
    }
  }
}

/**
 * An indented block of Chinese sentences is a paragraph pasted with its first-line indent of spaces
 * (a web page or Word copy), not code: no code writes mostly Chinese characters and full-width marks.
 */
function isChineseProse(value: string): boolean {
  const visible = value.replace(/\s+/g, '');
  if (visible.length === 0 || /[{};=<>$\\]/.test(visible)) return false;
  const chinese = visible.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return chinese * 2 > visible.length;
}
