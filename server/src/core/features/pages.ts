/**
 * The draft set in lines and pages as the Word export lays it out (GB/T 9704-2012: A4, 28 characters ×
 * 22 lines, the title in rows, headings kept with the next line, the signature block): the one layout
 * the page view, the counts and the length rule read. It sets the export's own paragraphs
 * (export/blocks.ts) with the export's measurements (export/layout.ts, titleLines.ts).
 */
import { type Block, exportBlocks, type Piece, scaledImage } from '../../export/blocks';
import { BODY_TRACKING, emWidth, FIRST_LINE_INDENT, LINE_PITCH, PAGE, SIZE, TEXT_WIDTH } from '../../export/layout';
import { AUTOSPACE, isClosingMark, isOpeningMark, spacedApart } from '../../export/titleLines';
import type { ReportModel } from '../reading/model';

export type LineStyle = 'title' | 'subtitle' | 'blank' | 'salutation' | 'body' | 'heading' | 'signature' | 'table' | 'image' | 'footnote';

export interface SetLine {
  text: string;
  style: LineStyle;
  /** Heading level 1–4 (a heading, or a paragraph that opens with a run-in heading). */
  level?: number;
  align: 'justify' | 'center' | 'right' | 'left';
  /** Left indent in twips: the first line of a body paragraph has two characters. */
  indent: number;
  /** Right indent in twips (the signature lines). */
  right?: number;
  /** The last line of its paragraph, which is not stretched to the margin. */
  last: boolean;
  /** A run-in heading's characters at the start of this line, set in the heading's font. */
  strong?: number;
  /** Height in twips. */
  height: number;
  /** Table cells of a table row. */
  cells?: string[];
  /** Source offset of the line's first character; -1 for text not in the draft (a front-matter title). */
  offset: number;
  /** Labels of the footnotes whose numbers stand on this line. */
  references?: string[];
}

export interface SetPage {
  /** 1-based, as the footer prints it: — 1 —. */
  number: number;
  lines: SetLine[];
  /** Footnotes at the foot of the page. */
  footnotes: SetLine[];
}

export interface PageLayout {
  pages: SetPage[];
  /** Characters as Word's 字数统计 counts 字数, per line of the model; key -1: text not written in the draft. */
  charactersByLine: Map<number, number>;
  characters: number;
}

export interface LayoutOptions {
  /** Sizes in pixels of the images the export will embed, by the URL written in the draft. */
  images?: ReadonlyMap<string, { width: number; height: number }>;
}

/** The text block's height: 225 mm, 22 lines of 28.95 pt. */
const BLOCK_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom;
const PIXEL = 15;
/** Table and footnote text: 四号, no tracking, at least 20 pt a line (styles.ts). */
const SMALL_LINE = 400;
const CELL_MARGINS = 2 * 108;
/** The rule above the footnotes and the space around it. */
const FOOTNOTE_SEPARATOR = 300;

interface Paragraph {
  lines: SetLine[];
  keepNext: boolean;
  keepLines: boolean;
  /** Footnote lines each line of the paragraph brings to its page. */
  notes: SetLine[][];
}

/** Text with the source offset of each of its UTF-16 units and the model line it comes from. */
interface Sourced {
  text: string;
  offsets: number[];
  /** The model line of each unit; NOT_COUNTED for a footnote's number. */
  lineIndexes: number[];
  /** Footnote numbers set in the text: where, and whose. */
  references: Array<{ index: number; label: string }>;
}

const NOT_COUNTED = -2;
const emptySourced = (): Sourced => ({ text: '', offsets: [], lineIndexes: [], references: [] });

export function layoutPages(model: ReportModel, options: LayoutOptions = {}): PageLayout {
  const charactersByLine = new Map<number, number>();
  const footnotes = footnoteTexts(model);
  const residueByLine = new Map<number, Array<{ start: number; end: number }>>();
  for (const residue of model.residue) {
    if (residue.whole) continue;
    const inLine = residueByLine.get(residue.lineIndex);
    if (inLine) inLine.push(residue);
    else residueByLine.set(residue.lineIndex, [residue]);
  }
  const context: SetContext = { model, options, numbers: footnoteNumbers(model, footnotes), residueByLine, count: (sourced) => countInto(sourced, charactersByLine) };
  const paragraphs: Paragraph[] = [];
  for (const block of exportBlocks(model)) paragraphs.push(...setBlock(context, block));
  // A footnote goes to the foot of the page of its first reference.
  const noted = new Set<string>();
  for (const paragraph of paragraphs) {
    paragraph.notes = paragraph.lines.map((line) => (line.references ?? []).flatMap((label) => {
      const sourced = footnotes.get(label);
      if (!sourced || noted.has(label)) return [];
      noted.add(label);
      context.count(sourced);
      const number = String(context.numbers.get(label));
      const note = { ...sourced, text: `${number} ${sourced.text}`, offsets: [...new Array<number>(number.length + 1).fill(sourced.offsets[0]), ...sourced.offsets] };
      return setLines(note, { style: 'footnote', font: { size: SIZE.footnote * 10, tracking: 0 }, indent: 0, align: 'justify', lineHeight: SMALL_LINE });
    }));
  }
  const pages = paginate(paragraphs);
  let characters = 0;
  for (const value of charactersByLine.values()) characters += value;
  return { pages, charactersByLine, characters };
}

interface SetContext {
  model: ReportModel;
  options: LayoutOptions;
  /** Footnote numbers by label, in the order the body first refers to them (as Word numbers them). */
  numbers: Map<string, number>;
  /** Residue inside a line (the export leaves it out), by line. */
  residueByLine: Map<number, Array<{ start: number; end: number }>>;
  count: (sourced: Sourced) => void;
}

function setBlock(context: SetContext, block: Block): Paragraph[] {
  const { model, options, count } = context;
  const sourcedOf = (pieces: Piece[]) => sourcedText(context, pieces);
  const paragraph = (lines: SetLine[], keepNext: boolean, keepLines = false): Paragraph => ({ lines, keepNext, keepLines, notes: [] });
  const body = { font: { size: SIZE.body * 10, tracking: BODY_TRACKING }, lineHeight: LINE_PITCH };
  switch (block.kind) {
    case 'title': {
      // Each row is a line of its own (a break inside the Title paragraph); a row too long for a line wraps.
      const rows = block.rows.map((row) => sourcedOf([row]));
      rows.forEach(count);
      const lines = rows.flatMap((row) => setLines(row, { style: 'title', font: { size: SIZE.title * 10, tracking: 0 }, indent: 0, align: 'center', lineHeight: LINE_PITCH }));
      return [paragraph(lines, true, true)];
    }
    case 'subtitle':
    case 'salutation': {
      const sourced = sourcedOf([block.piece]);
      count(sourced);
      return [paragraph(setLines(sourced, { ...body, style: block.kind, indent: 0, align: block.kind === 'subtitle' ? 'center' : 'left' }), block.kind === 'subtitle')];
    }
    case 'blank':
      return [paragraph([blankLine()], false)];
    case 'paragraph': {
      const sourced = sourcedOf(block.pieces);
      count(sourced);
      const { heading } = block;
      let strong: number | undefined;
      if (heading && !block.headingStyle) {
        // The run-in heading: from the heading's start to its sentence's end, in the sourced text.
        const end = model.lines[heading.lineIndex].map[model.lines[heading.lineIndex].text.slice(0, heading.bodyStart).trimEnd().length];
        strong = sourced.offsets.findIndex((offset) => offset >= end);
        if (strong < 0) strong = sourced.text.length;
      }
      const lines = setLines(sourced, { ...body, style: block.headingStyle ? 'heading' : 'body', indent: FIRST_LINE_INDENT, align: 'justify', strong });
      if (heading) for (const line of lines) line.level = block.level! + 1;
      return [paragraph(lines, block.keepNext, block.headingStyle)];
    }
    case 'image': {
      const size = options.images?.get(block.url);
      if (!size) return [];
      const { width, height } = scaledImage(size);
      return [paragraph([{ text: block.alt, style: 'image', align: 'center', indent: 0, last: true, height: height * PIXEL, cells: [String(width * PIXEL)], offset: model.lines[block.lineIndex].map[0] }], false)];
    }
    case 'table': {
      const columns = Math.max(1, ...block.rows.map((row) => model.lines[row].cells?.length ?? 0));
      const capacity = TEXT_WIDTH / columns - CELL_MARGINS;
      const lines = block.rows.map((row): SetLine => {
        const line = model.lines[row];
        const cells = (line.cells ?? []).map((cell) => sourcedOf([{ lineIndex: row, from: cell.start, to: cell.end }]));
        cells.forEach(count);
        const rows = Math.max(1, ...cells.map((cell) => breakLines(cell.text, TABLE_FONT, capacity, capacity).length));
        return { text: cells.map((cell) => cell.text).join(' '), cells: cells.map((cell) => cell.text), style: 'table', align: 'left', indent: 0, last: true, height: rows * SMALL_LINE + 30, offset: line.map[0] };
      });
      return [paragraph(lines, false)];
    }
    case 'signature': {
      const lines: Paragraph[] = [paragraph([blankLine()], true)];
      const signatureLine = (text: string, at: { right: number } | { left: number }, lineIndex: number | undefined): SetLine => ({
        text, style: 'signature', ...('left' in at ? { align: 'left', indent: at.left } : { align: 'right', indent: 0, right: at.right }), last: true, height: LINE_PITCH,
        offset: lineIndex === undefined ? -1 : model.lines[lineIndex].map[model.lines[lineIndex].text.length - model.lines[lineIndex].text.trimStart().length],
      });
      block.names.forEach((name, index) => {
        const lineIndex = block.nameLines[index];
        count({ ...emptySourced(), text: name, lineIndexes: new Array<number>(name.length).fill(lineIndex ?? -1) });
        lines.push(paragraph([signatureLine(name, { right: block.nameRight }, lineIndex)], block.date !== undefined));
      });
      if (block.date) {
        count({ ...emptySourced(), text: block.date, lineIndexes: new Array<number>(block.date.length).fill(block.dateLine ?? -1) });
        lines.push(paragraph([signatureLine(block.date, block.dateLeft === undefined ? { right: block.dateRight } : { left: block.dateLeft }, block.dateLine)], false));
      }
      return lines;
    }
  }
}

function blankLine(): SetLine {
  return { text: '', style: 'blank', align: 'left', indent: 0, last: true, height: LINE_PITCH, offset: -1 };
}

/** The pieces' text as the export writes it: residue inside a line left out, footnote numbers where referred to. */
function sourcedText(context: SetContext, pieces: Piece[]): Sourced {
  const { model, numbers } = context;
  const sourced = emptySourced();
  const push = (ch: string, offset: number, lineIndex: number) => {
    sourced.text += ch;
    sourced.offsets.push(offset);
    sourced.lineIndexes.push(lineIndex);
  };
  for (const piece of pieces) {
    if (piece.text !== undefined) {
      for (const ch of piece.text.slice(piece.from, piece.to)) push(ch, -1, -1);
      continue;
    }
    const line = model.lines[piece.lineIndex];
    const residue = (context.residueByLine.get(piece.lineIndex) ?? []).filter((range) => range.end > piece.from && range.start < piece.to);
    const references = (line.anchors ?? []).flatMap((anchor) => ('footnote' in anchor && numbers.has(anchor.footnote)
      ? [{ at: Math.min(Math.max(anchor.at, piece.from), piece.to), label: anchor.footnote }] : []));
    // Cut where residue starts or ends and where a footnote number goes; copy the stretches between.
    const cuts = [...new Set([piece.from, piece.to, ...references.map((reference) => reference.at),
      ...residue.flatMap((range) => [range.start, range.end]).filter((at) => at > piece.from && at < piece.to)])].sort((a, b) => a - b);
    const referencesAt = new Map<number, string[]>();
    for (const reference of references) {
      const labels = referencesAt.get(reference.at);
      if (labels) labels.push(reference.label);
      else referencesAt.set(reference.at, [reference.label]);
    }
    // Which stretches residue covers: +1 where a residue range starts, −1 where it ends, summed along the cuts.
    const cutIndex = new Map(cuts.map((at, index) => [at, index]));
    const depth = new Int32Array(cuts.length + 1);
    for (const range of residue) {
      depth[cutIndex.get(Math.max(range.start, piece.from)) ?? 0]++;
      depth[cutIndex.get(Math.min(range.end, piece.to)) ?? cuts.length]--;
    }
    let inResidue = 0;
    for (let k = 0; k < cuts.length; k++) {
      inResidue += depth[k];
      const at = cuts[k];
      for (const label of referencesAt.get(at) ?? []) {
        sourced.references.push({ index: sourced.text.length, label });
        for (const digit of String(numbers.get(label))) push(digit, line.map[at], NOT_COUNTED);
      }
      const end = cuts[k + 1];
      if (end === undefined || inResidue > 0) continue;
      sourced.text += line.text.slice(at, end);
      for (let i = at; i < end; i++) {
        sourced.offsets.push(line.map[i]);
        sourced.lineIndexes.push(piece.lineIndex);
      }
    }
  }
  return sourced;
}

interface SetOptions {
  style: LineStyle;
  font: Font;
  indent: number;
  align: SetLine['align'];
  lineHeight: number;
  strong?: number;
}

function setLines(sourced: Sourced, options: SetOptions): SetLine[] {
  const breaks = breakLines(sourced.text, options.font, TEXT_WIDTH - options.indent, TEXT_WIDTH);
  return breaks.map(([start, end], index) => ({
    text: sourced.text.slice(start, end),
    style: options.style,
    align: options.align,
    indent: index === 0 ? options.indent : 0,
    last: index === breaks.length - 1,
    strong: options.strong !== undefined && options.strong > start ? Math.min(options.strong, end) - start : undefined,
    height: options.lineHeight,
    offset: sourced.offsets[start] ?? -1,
    references: referencesIn(sourced, start, end),
  }));
}

/** Labels of the footnote numbers set in [start, end): found by binary search, the references being in text order. */
function referencesIn(sourced: Sourced, start: number, end: number): string[] | undefined {
  const { references } = sourced;
  if (references.length === 0) return undefined;
  let low = 0;
  let high = references.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (references[mid].index < start) low = mid + 1;
    else high = mid;
  }
  const labels: string[] = [];
  for (let k = low; k < references.length && references[k].index < end; k++) labels.push(references[k].label);
  return labels;
}

/** A font size and the tracking of its characters, in twips. */
export interface Font {
  size: number;
  tracking: number;
}
const TABLE_FONT: Font = { size: SIZE.table * 10, tracking: 0 };

/**
 * Greedy line breaking as Word and LibreOffice set Chinese: a break may fall between any two Chinese
 * characters, never inside a run of Latin letters or digits; a mark that may not start a line takes the
 * character before it down with it, one that may not end a line goes down itself, —— and …… stay whole.
 * Widths in twips (`room` on the first line, `capacity` on the others). Returns [start, end) of each line;
 * an empty text is one empty line.
 */
export function breakLines(text: string, font: Font, room: number, capacity: number): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let lineStart = 0;
  let width = 0;
  for (let start = 0; start < text.length; ) {
    let end = unitEnd(text, start);
    // A closing mark holds on to what is before it; an opening mark to what follows.
    while (end < text.length && (isClosingMark(text[end]) || isOpeningMark(text[end - 1]))) end = unitEnd(text, end);
    const unitWidth = widthOf(text, start, end, font);
    const join = start > lineStart && spacedApart(text[start - 1], text[start]) ? AUTOSPACE * font.size : 0;
    // Spaces at the end of a line hang past the margin.
    const fits = width + join + unitWidth <= room + 0.5 || text[start] === ' ';
    if (!fits && start > lineStart) {
      lines.push([lineStart, start]);
      lineStart = start;
      width = unitWidth;
      room = capacity;
    } else {
      width += join + unitWidth;
    }
    start = end;
  }
  lines.push([lineStart, text.length]);
  return lines;
}

/** Where the stretch that cannot be broken from `start` ends: a Latin word or number, a run of —— or ……, a character. */
function unitEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  let end = start + 1;
  if (first > 0x20 && first <= 0x7e) {
    while (end < text.length && isLatinWordCode(text.charCodeAt(end))) end++;
  } else if (first === 0x2014 || first === 0x2026) {
    while (end < text.length && text.charCodeAt(end) === first) end++;
  } else if (first >= 0xd800 && first <= 0xdbff && end < text.length) {
    end++;
  }
  return end;
}

function isLatinWordCode(code: number): boolean {
  return code > 0x20 && code <= 0x7e;
}

function widthOf(text: string, start: number, end: number, font: Font): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // The second half of a surrogate pair adds nothing: the pair is one character.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    width += emWidth(text[i], text[i - 1]) * font.size + font.tracking;
    if (i > start && spacedApart(text[i - 1], text[i])) width += AUTOSPACE * font.size;
  }
  return width;
}

/**
 * Lines onto pages of 225 mm. A paragraph kept with the next moves to the next page with it when the
 * next one's first line would not fit; one kept together (a heading, the title) is never split.
 */
function paginate(paragraphs: Paragraph[]): SetPage[] {
  const pages: SetPage[] = [{ number: 1, lines: [], footnotes: [] }];
  let used = 0;
  const newPage = () => {
    pages.push({ number: pages.length + 1, lines: [], footnotes: [] });
    used = 0;
  };
  const heightOf = (paragraph: Paragraph, upTo = paragraph.lines.length) => {
    let height = 0;
    for (let i = 0; i < upTo; i++) height += paragraph.lines[i].height + notesHeight(paragraph.notes[i] ?? [], false);
    return height;
  };
  // What must fit on the page with each paragraph: the chain kept with it and the first line after the chain,
  // summed from the end so that a long run of headings costs no more than a short one.
  const kept = new Array<number>(paragraphs.length).fill(0);
  for (let i = paragraphs.length - 2; i >= 0; i--) {
    if (paragraphs[i].keepNext) kept[i] = heightOf(paragraphs[i]) + (paragraphs[i + 1].keepNext && i + 1 < paragraphs.length - 1 ? kept[i + 1] : heightOf(paragraphs[i + 1], 1));
  }
  for (let i = 0; i < paragraphs.length; i++) {
    let needed = kept[i];
    const paragraph = paragraphs[i];
    if (paragraph.keepLines) needed = Math.max(needed, heightOf(paragraph));
    if (used > 0 && used + needed > BLOCK_HEIGHT && needed <= BLOCK_HEIGHT) newPage();
    paragraph.lines.forEach((line, index) => {
      const notes = paragraph.notes[index] ?? [];
      const page = () => pages[pages.length - 1];
      const height = line.height + notesHeight(notes, page().footnotes.length === 0);
      if (used > 0 && used + height > BLOCK_HEIGHT) newPage();
      page().lines.push(line);
      page().footnotes.push(...notes);
      used += height;
    });
  }
  return pages;
}

function notesHeight(notes: SetLine[], firstOnPage: boolean): number {
  if (notes.length === 0) return 0;
  return notes.reduce((sum, note) => sum + note.height, firstOnPage ? FOOTNOTE_SEPARATOR : 0);
}

/** The text of each footnote, by label: its definition's lines, one paragraph. */
function footnoteTexts(model: ReportModel): Map<string, Sourced> {
  const notes = new Map<string, Sourced>();
  model.lines.forEach((line, index) => {
    if (line.footnoteLabel === undefined || model.roles[index] === 'residue') return;
    const note = notes.get(line.footnoteLabel) ?? emptySourced();
    for (let i = line.text.length - line.text.trimStart().length; i < line.text.trimEnd().length; i++) {
      note.text += line.text[i];
      note.offsets.push(line.map[i]);
      note.lineIndexes.push(index);
    }
    notes.set(line.footnoteLabel, note);
  });
  return notes;
}

function footnoteNumbers(model: ReportModel, notes: Map<string, Sourced>): Map<string, number> {
  const numbers = new Map<string, number>();
  model.lines.forEach((line, index) => {
    if (model.roles[index] !== 'body' && model.roles[index] !== 'closing') return;
    for (const anchor of line.anchors ?? []) {
      if ('footnote' in anchor && notes.has(anchor.footnote) && !numbers.has(anchor.footnote)) numbers.set(anchor.footnote, numbers.size + 1);
    }
  });
  return numbers;
}

/**
 * Word's 字数 (审阅 → 字数统计): each Chinese character and full-width mark counts one, and so does each
 * run of Latin letters, digits and ASCII marks between spaces (2024年 is two, 95% one); spaces count none.
 * Calls `counted` with the UTF-16 index where each counted word starts.
 */
export function forEachWord(text: string, counted: (index: number) => void): void {
  let inLatin = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x20 || code === 0x3000 || code === 0xa0) inLatin = false;
    else if (code <= 0x7e) {
      if (!inLatin) counted(i);
      inLatin = true;
    } else {
      // The second half of a surrogate pair belongs to the character already counted.
      if (code < 0xdc00 || code > 0xdfff) counted(i);
      inLatin = false;
    }
  }
}

export function wordCount(text: string): number {
  let count = 0;
  forEachWord(text, () => count++);
  return count;
}

function countInto(sourced: Sourced, byLine: Map<number, number>): void {
  forEachWord(sourced.text, (index) => {
    const line = sourced.lineIndexes[index];
    if (line !== NOT_COUNTED) byLine.set(line, (byLine.get(line) ?? 0) + 1);
  });
}
