/**
 * Markdown to report lines. Each source line of a paragraph or heading is one report line, because
 * drafts pasted from Word keep one paragraph per line, often without blank lines between. This is the
 * only place that reads Markdown syntax; everything else reads the lines.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Processor } from 'unified';
import type { Construct, Extension, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { Root, RootContent, PhrasingContent, ListItem, Table } from 'mdast';
import { countsFrom } from './units';

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

/**
 * GFM tables and footnotes only, each only for texts that can hold one (a delimiter row, a `[^`): the
 * rest of GFM costs time and gives nothing here.
 */
function gfmParts(tables: boolean, footnotes: boolean) {
  return function (this: Processor): void {
    const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
    if (tables) {
      (data.micromarkExtensions ??= []).push(tableOnPossibleLines());
      (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
    }
    if (footnotes) {
      (data.micromarkExtensions ??= []).push(gfmFootnote());
      (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown());
    }
  };
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

/** Indexed by (tables ? 1 : 0) + (footnotes ? 2 : 0). */
const processors = [false, true].flatMap((footnotes) => [false, true].map((tables) =>
  unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmParts(tables, footnotes))));

export function parseMarkdown(source: string): ParsedMarkdown {
  // micromark drops a byte order mark and counts offsets without it; shift them back.
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = boundedForParsing(bom ? source.slice(1) : source);
  const tables = possibleTableLines(text);
  if (tables) tableLines = tables;
  const tree: Root = processors[(tables ? 1 : 0) + (text.includes('[^') ? 2 : 0)].parse(text);
  const collector = new LineCollector(text);
  const parsed: ParsedMarkdown = { lines: collector.lines, comments: collector.comments, starPlaceholders: collector.starPlaceholders, fenced: collector.fenced };
  for (const node of tree.children) {
    if (node.type === 'yaml' && node.position) {
      parsed.frontMatter = { value: node.value, start: node.position.start.offset!, end: node.position.end.offset! };
    } else {
      collector.block(node);
    }
  }
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

class LineCollector {
  lines: Line[] = [];
  comments: HtmlComment[] = [];
  starPlaceholders: Array<{ start: number; end: number }> = [];
  fenced: Array<{ start: number; end: number }> = [];
  /** Where a <!-- with no --> starts: Markdown hides everything after it. */
  unclosedComments: number[] = [];
  private blockCount = 0;

  constructor(private readonly source: string) {}

  /** Walks a top-level block and everything nested in it without recursion: quotes can nest thousands deep. */
  block(top: RootContent): void {
    const pending: RootContent[] = [top];
    while (pending.length > 0) this.visit(pending.pop()!, pending);
  }

  /** Handles one block; nested blocks go onto `pending`, last first, so they come out in document order. */
  private visit(node: RootContent, pending: RootContent[]): void {
    switch (node.type) {
      case 'paragraph':
        this.phrasingBlock(node.children, 0, 'paragraph');
        break;
      case 'heading':
        this.phrasingBlock(node.children, node.depth, 'heading');
        break;
      case 'list':
        pending.push(...node.children.map((item) => ({ ...item, ordered: node.ordered === true }) as unknown as RootContent).reverse());
        break;
      case 'listItem':
        this.listItem(node, (node as ListItem & { ordered?: boolean }).ordered === true, pending);
        break;
      case 'blockquote':
        pending.push(...[...node.children].reverse());
        break;
      case 'footnoteDefinition':
        for (const child of node.children) {
          if (child.type !== 'paragraph') continue;
          const from = this.lines.length;
          this.phrasingBlock(child.children, 0, 'footnote');
          for (const line of this.lines.slice(from)) line.footnoteLabel = node.identifier;
        }
        break;
      case 'table':
        this.table(node);
        break;
      case 'code': {
        const start = node.position!.start.offset!;
        const end = node.position!.end.offset!;
        // A fenced block is set apart on purpose (an example, a note to self): not report text. Four-space
        // indents are what Word pastes leave, and those lines are the report.
        if (/^[ \t]*(`{3,}|~{3,})/.test(this.source.slice(start, start + 8))) this.fenced.push({ start, end });
        else this.code(node.value, start, end);
        break;
      }
      case 'html':
        this.html(node.value, node.position!.start.offset!, node.position!.end.offset!);
        break;
      default:
        // Thematic breaks and definitions are not report text.
        break;
    }
  }

  private listItem(item: ListItem, ordered: boolean, pending: RootContent[]): void {
    const [first, ...rest] = item.children;
    pending.push(...[...rest].reverse());
    if (ordered && first?.type === 'paragraph') {
      // The ordinal the user typed ("1." / "1)") is the list marker, which mdast drops.
      const itemStart = item.position!.start.offset!;
      const firstStart = first.position!.start.offset!;
      const marker = this.source.slice(itemStart, firstStart).trimEnd();
      const buffer = new TextBuffer();
      buffer.push(marker.trimStart(), itemStart, firstStart, this.source);
      this.phrasingInto(buffer, first.children, {});
      this.flush(buffer, 0, 'ordered');
    } else if (first?.type === 'paragraph') {
      this.phrasingBlock(first.children, 0, 'bullet');
    } else if (first) {
      pending.push(first);
    }
  }

  private table(node: Table): void {
    this.blockCount++;
    const align = node.align ?? [];
    for (const row of node.children) {
      const buffer = new TextBuffer();
      row.children.forEach((cell, index) => {
        const cellStart = cell.position?.start.offset ?? 0;
        // Cells are kept apart by a pipe, which the rules read as a clause boundary.
        if (index > 0) buffer.pushSeparator('|', cellStart);
        const start = buffer.text.length;
        this.phrasingInto(buffer, cell.children, {});
        buffer.cells.push({ start, end: buffer.text.length, align: align[index] ?? undefined });
      });
      if (buffer.text.length === 0 && buffer.anchors.length === 0) continue;
      const map = this.mapOf(buffer, 0, buffer.text.length);
      this.lines.push({ text: buffer.text, map, mdDepth: 0, kind: 'tableRow', block: this.blockCount, wrappedAfter: '', marks: buffer.marks, cells: buffer.cells, ...(buffer.anchors.length > 0 ? { anchors: buffer.anchors } : {}) });
    }
  }

  private code(value: string, start: number, end: number): void {
    const buffer = new TextBuffer();
    // The value leaves out fences and indentation; find where it sits in the source.
    const firstLine = value.split('\n', 1)[0];
    const at = firstLine ? this.source.indexOf(firstLine, start) : -1;
    buffer.push(value, at === -1 ? start : at, end, this.source);
    this.flush(buffer, 0, 'code');
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

  private phrasingBlock(children: PhrasingContent[], depth: number, kind: LineKind): void {
    const buffer = new TextBuffer();
    this.phrasingInto(buffer, children, {});
    this.flush(buffer, depth, kind);
  }

  /** Inline content into the buffer, without recursion: emphasis and links can nest deep in odd input. */
  private phrasingInto(buffer: TextBuffer, nodes: PhrasingContent[], style: Style): void {
    const frames: Array<{ nodes: PhrasingContent[]; index: number; style: Style }> = [{ nodes, index: 0, style }];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (frame.index >= frame.nodes.length) {
        frames.pop();
        continue;
      }
      const node = frame.nodes[frame.index++];
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      const enter = (inner: Style) => frames.push({ nodes: (node as { children: PhrasingContent[] }).children, index: 0, style: inner });
      switch (node.type) {
        case 'text': {
          const textStart = buffer.text.length;
          buffer.push(node.value, start, end, this.source);
          const { bold, italic, link } = frame.style;
          if ((bold || italic || link) && buffer.text.length > textStart) buffer.marks.push({ start: textStart, end: buffer.text.length, ...frame.style });
          break;
        }
        case 'inlineCode':
          // Code is not prose: one object character keeps words on either side apart.
          buffer.pushSeparator('\uFFFC', start);
          break;
        case 'break':
          buffer.pushSeparator('\n', start);
          break;
        case 'html':
          this.html(node.value, start, end);
          break;
        case 'emphasis':
        case 'strong': {
          const isMarkup = this.checkStars(start, end, node.type === 'strong');
          enter(isMarkup ? { ...frame.style, [node.type === 'strong' ? 'bold' : 'italic']: true } : frame.style);
          break;
        }
        case 'link':
          enter({ ...frame.style, link: node.url });
          break;
        case 'footnoteReference':
          buffer.anchors.push({ at: buffer.text.length, footnote: node.identifier });
          break;
        case 'image':
          buffer.anchors.push({ at: buffer.text.length, image: { url: node.url, alt: node.alt ?? '' } });
          break;
        case 'delete':
        case 'linkReference':
          enter(frame.style);
          break;
        default:
          break;
      }
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
    for (let lineStart = 0; lineStart <= text.length; ) {
      lineEnding.lastIndex = lineStart;
      const ending = lineEnding.exec(text);
      const lineEnd = ending ? ending.index : text.length;
      const lineText = text.slice(lineStart, lineEnd);
      const anchors = buffer.anchors.filter((anchor) => anchor.at >= lineStart && anchor.at <= lineEnd).map((anchor) => ({ ...anchor, at: anchor.at - lineStart }));
      // A line holding only an image is a line of the report too.
      if (lineText.trim().length > 0 || anchors.length > 0) {
        const marks = buffer.marks
          .filter((mark) => mark.end > lineStart && mark.start < lineEnd)
          .map((mark) => ({ ...mark, start: Math.max(mark.start, lineStart) - lineStart, end: Math.min(mark.end, lineEnd) - lineStart }));
        const line: Line = { text: lineText, map: this.mapOf(buffer, lineStart, lineEnd), mdDepth: depth, kind, block: this.blockCount, wrappedAfter, marks };
        if (anchors.length > 0) line.anchors = anchors;
        this.lines.push(line);
        wrappedAfter = lineText.trimEnd().slice(-1);
      }
      lineStart = ending ? ending.index + ending[0].length : text.length + 1;
    }
  }
}
