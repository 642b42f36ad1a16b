/**
 * The paragraphs the Word export makes of a report model, before any Word object exists: the export
 * writes them, and the page layout (core/pages.ts) sets them in lines and pages, so both read one list.
 */
import type { Heading, ReportModel } from '../core/reading/model';
import { chineseToNumber, chineseYearDigits } from '../core/reading/numerals';
import { BODY_TRACKING, CHAR_PITCH, SIZE, TEXT_WIDTH, TITLE_LINE_CHARACTERS } from './layout';
import { balancedTitleLines, textWidth } from './titleLines';

/** A piece of one source line that goes into a paragraph; `text` for text that is no line of the draft (a front-matter title). */
export interface Piece {
  lineIndex: number;
  from: number;
  to: number;
  text?: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  pieces: Piece[];
  heading?: Heading;
  /** 0-based outline level of a heading paragraph. */
  level?: number;
  /** A heading on its own line takes the heading style (kept with the next, never split). */
  headingStyle: boolean;
  /** Kept on one page with the next paragraph. */
  keepNext: boolean;
}

export type Block =
  | { kind: 'title'; rows: Piece[] }
  | { kind: 'subtitle'; piece: Piece }
  /** The empty line under the title. */
  | { kind: 'blank' }
  | { kind: 'salutation'; piece: Piece }
  | ParagraphBlock
  | { kind: 'image'; lineIndex: number; url: string; alt: string }
  | { kind: 'table'; rows: number[] }
    /** Under a name the date is set from the left (`dateLeft`); alone it is set from the right (`dateRight`). */
  | { kind: 'signature'; names: string[]; date?: string; nameRight: number; dateLeft?: number; dateRight: number; nameLines: number[]; dateLine?: number };

/** A line from `from` on, its leading blanks dropped: the style indents, so typed full-width spaces would double it. */
export function pieceOf(model: ReportModel, lineIndex: number, from: number, to?: number): Piece {
  const text = model.lines[lineIndex].text;
  let start = from;
  while (start < text.length && /[\s\u3000]/.test(text[start])) start++;
  const end = to ?? text.trimEnd().length;
  return { lineIndex, from: start, to: Math.max(start, end) };
}

export function textOfPiece(model: ReportModel, piece: Piece): string {
  return (piece.text ?? model.lines[piece.lineIndex].text).slice(piece.from, piece.to);
}

function textPiece(text: string): Piece {
  return { lineIndex: -1, from: 0, to: text.length, text };
}

export function exportBlocks(model: ReportModel): Block[] {
  const out: Block[] = [];
  const titleLines = new Set(model.title?.lineIndexes ?? []);
  const lastTitleLine = model.title?.lineIndexes[model.title.lineIndexes.length - 1];
  const frontMatterTitle = typeof model.frontMatter.title === 'string' ? model.frontMatter.title.trim() : '';
  if (model.title) {
    out.push({ kind: 'title', rows: titleRows(model, model.title.lineIndexes.map((index) => pieceOf(model, index, 0, index === lastTitleLine ? model.title!.end : undefined))) });
  } else if (frontMatterTitle) {
    // A title in front matter may hold line breaks where the writer wants the title broken.
    out.push({ kind: 'title', rows: titleRows(model, frontMatterTitle.split(/\s*\n\s*/).map(textPiece)) });
  }
  model.lines.forEach((_, index) => {
    const role = model.roles[index];
    if (role === 'subtitle' || role === 'byline') out.push({ kind: 'subtitle', piece: pieceOf(model, index, 0) });
  });
  if (model.title || frontMatterTitle) out.push({ kind: 'blank' });

  const lastBodyLine = model.roles.map((role) => role === 'body' || role === 'closing').lastIndexOf(true);
  let table: number[] = [];
  const flushTable = () => {
    if (table.length > 0) out.push({ kind: 'table', rows: table });
    table = [];
  };
  let paragraph: Piece[] = [];
  let paragraphHeading: Heading | undefined;
  const flushParagraph = () => {
    const hasFootnote = (piece: Piece) => (model.lines[piece.lineIndex]?.anchors ?? []).some((anchor) => 'footnote' in anchor);
    if (paragraph.some((piece) => piece.to > piece.from || hasFootnote(piece))) out.push(paragraphBlock(model, paragraph, paragraphHeading, lastBodyLine));
    for (const piece of paragraph) {
      for (const anchor of model.lines[piece.lineIndex].anchors ?? []) {
        if ('image' in anchor) out.push({ kind: 'image', lineIndex: piece.lineIndex, url: anchor.image.url, alt: anchor.image.alt });
      }
    }
    paragraph = [];
    paragraphHeading = undefined;
  };
  model.lines.forEach((line, index) => {
    const role = model.roles[index];
    const gluedRest = index === lastTitleLine && model.title!.end < line.text.trimEnd().length;
    if (line.kind !== 'tableRow' || (table.length > 0 && model.lines[table[0]].block !== line.block)) flushTable();
    if (!(role === 'body' || role === 'closing' || role === 'salutation' || gluedRest) || (titleLines.has(index) && !gluedRest)) return;
    if (line.kind === 'tableRow') {
      flushParagraph();
      table.push(index);
      return;
    }
    if (role === 'salutation') {
      flushParagraph();
      out.push({ kind: 'salutation', piece: pieceOf(model, index, 0) });
      return;
    }
    if (!model.continuesParagraph[index]) flushParagraph();
    const heading = model.headingOfLine[index];
    if (heading) paragraphHeading = heading;
    paragraph.push(pieceOf(model, index, gluedRest ? model.title!.end : 0));
  });
  flushParagraph();
  flushTable();
  const signature = signatureBlock(model);
  if (signature) out.push(signature);
  return out;
}

/**
 * A heading on its own is a 标题 n paragraph (outline level, kept with the next); a run-in heading is
 * exported as its heading sentence and its body joined by Word's style separator, set on one line.
 */
function paragraphBlock(model: ReportModel, pieces: Piece[], heading: Heading | undefined, lastBodyLine: number): ParagraphBlock {
  const last = pieces[pieces.length - 1];
  // The signature never stands alone on the last page: the last body paragraph goes with it.
  const beforeSignature = model.signature !== undefined && last.lineIndex === lastBodyLine;
  if (!heading) return { kind: 'paragraph', pieces, headingStyle: false, keepNext: beforeSignature };
  const level = Math.min(heading.level, 4) - 1;
  const runIn = heading.bodyStart < model.lines[heading.lineIndex].text.trimEnd().length;
  if (runIn || pieces.length > 1) return { kind: 'paragraph', pieces, heading, level, headingStyle: false, keepNext: beforeSignature };
  return { kind: 'paragraph', pieces, heading, level, headingStyle: true, keepNext: true };
}

/** The title as written when every written line fits a row; else broken evenly between words. */
function titleRows(model: ReportModel, pieces: Piece[]): Piece[] {
  const written = pieces.map((piece) => textOfPiece(model, piece));
  if (written.every((text) => textWidth(text) <= TITLE_LINE_CHARACTERS)) return pieces;
  return balancedTitleLines(written.join(''), TITLE_LINE_CHARACTERS).map(textPiece);
}

/**
 * GB/T 9704 7.3.5.2: the name two characters in from the right; the date under it starts two characters
 * further right, or, when it is the longer, ends two characters in and the name moves left. The date
 * is set from the left, at the name's first character plus two: LibreOffice and WPS space digits from
 * Chinese characters, which Word is told not to, so a date set from the right would start a character
 * early there. A date with no name is set two characters in from the right.
 */
function signatureBlock(model: ReportModel): Block | undefined {
  const signature = model.signature;
  if (!signature) return undefined;
  const names = signature.name ? signature.name.split('\n') : [];
  const date = formatDate(signature.date);
  const nameWidth = Math.max(0, ...names.map(renderedWidth));
  const dateWidth = date ? renderedWidth(date) : 0;
  const two = 2 * CHAR_PITCH;
  let nameRight = two;
  if (names.length > 0 && nameRight + nameWidth - two - dateWidth < two) nameRight = 2 * two + dateWidth - nameWidth;
  const dateLeft = names.length > 0 ? Math.round(TEXT_WIDTH - nameRight - nameWidth + two) : undefined;
  return { kind: 'signature', names, date, nameRight: Math.round(nameRight), dateLeft, dateRight: Math.round(two), nameLines: signature.nameLines, dateLine: signature.dateLine };
}

/**
 * Width in twips as Word sets a signature line: Chinese characters one em of 三号, Latin letters and
 * digits (Times New Roman) half of one, each with the body's tracking, no extra space between the two.
 */
export function renderedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (/[\x20-\x7e]/.test(ch) ? SIZE.body * 5 : SIZE.body * 10) + BODY_TRACKING;
  return width;
}

/**
 * 2025-01-05, 2025/1/5, 2025年01月05日, 二〇二五年一月五日 and YAML dates all become 2025年1月5日
 * (Arabic numerals, no zero padding, GB/T 9704 7.3.5.2); brackets around a typed date are dropped.
 */
export function formatDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  }
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const text = value.trim().replace(/^[（(]\s*|\s*[)）]$/g, '');
  const arabic = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?$/.exec(text);
  if (arabic) return `${arabic[1]}年${Number(arabic[2])}月${arabic[3] ? `${Number(arabic[3])}日` : ''}`;
  const chinese = /^([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*(?:([一二三四五六七八九十]{1,3})\s*日)?$/.exec(text);
  if (chinese) {
    const year = chineseYearDigits(chinese[1]);
    const month = chineseToNumber(chinese[2]);
    const day = chinese[3] ? chineseToNumber(chinese[3]) : undefined;
    if (month) return `${year}年${month}月${day ? `${day}日` : ''}`;
  }
  return text;
}

/** The text block is 156 × 225 mm: 590 × 850 pixels at Word's 96 to the inch. */
const MAX_IMAGE_WIDTH_PX = Math.floor((156 / 25.4) * 96);
const MAX_IMAGE_HEIGHT_PX = Math.floor((225 / 25.4) * 96) - 40;

/** An image's size in the document, in pixels: shrunk to the text block, never enlarged. */
export function scaledImage(image: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, MAX_IMAGE_WIDTH_PX / image.width, MAX_IMAGE_HEIGHT_PX / image.height);
  return { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
}
