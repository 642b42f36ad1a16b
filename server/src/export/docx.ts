/**
 * The report model → Word document in the GB/T 9704-2012 layout, built with the docx library.
 * Structure comes from the model only (title, addressee, salutation, headings, signature, residue), so the
 * Word file shows the draft exactly as the checks read it.
 */
import {
  AlignmentType, Document, DocumentGridType, ExternalHyperlink, Footer, FootnoteReferenceRun, ImageRun, type IParagraphOptions, type IRunOptions,
  Packer, Paragraph, type ParagraphChild, SimpleField, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { ExportAssets } from './assets';
import type { ExportSettings } from '../core/lint';
import type { Line } from '../core/markdown';
import { type Heading, lineOfOffset, type ReportModel } from '../core/model';
import { chineseToNumber, chineseYearDigits } from '../core/numerals';
import { BODY_TRACKING, CHAR_PITCH, DEFAULT_FONTS, GRID_CHAR_SPACE, LINE_PITCH, PAGE, SIZE, TEXT_WIDTH, TITLE_LINE_CHARACTERS } from './layout';
import { fontTableXml } from './fonts';
import { documentDefaultsXml, NO_INDENT, reportStyles, STYLE } from './styles';
import { balancedTitleLines, textWidth } from './titleLines';

/** Font names and whether to bold the lead phrase of 一是…二是… (a common office custom). */
export type ExportOptions = ExportSettings;

const CLAUSE_END = /[，。；：,;:！？]/;
/** Characters XML 1.0 (and so Word) cannot hold: controls other than tab and line breaks, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** The text block is 156 × 225 mm: 590 × 850 pixels at Word's 96 to the inch. */
const MAX_IMAGE_WIDTH_PX = Math.floor((156 / 25.4) * 96);
const MAX_IMAGE_HEIGHT_PX = Math.floor((225 / 25.4) * 96) - 40;
/** Reports run to some tens of thousands of characters; a draft past this is not one, and would take minutes and gigabytes. */
export const MAX_EXPORT_CHARACTERS = 1_000_000;

/** Said before the draft is even checked, and no --force goes past it. */
export function exportSizeProblem(text: string): string | undefined {
  if (text.length <= MAX_EXPORT_CHARACTERS) return undefined;
  return `文稿有 ${text.length} 个字符，超过导出上限（100 万字）：这不像一份报告，没有导出（--force 也不能越过这个上限）。`;
}

export interface ExportCheck {
  /** Why the Word file would lose part of the draft: the export refuses unless told to go on. */
  blocking: string[];
  /** What the export cleans on its way (characters Word cannot hold). */
  notes: string[];
}

/** What the export cannot represent, said before anything is written, so nothing is dropped silently. */
export function checkExport(model: ReportModel): ExportCheck {
  const blocking: string[] = [];
  const notes: string[] = [];
  if (model.unclosedComment !== undefined) {
    const line = lineOfOffset(model.lineStarts, model.unclosedComment) + 1;
    blocking.push(`第 ${line} 行的注释“<!--”没有对应的“-->”，其后的内容都被当作注释，不会出现在 Word 文件中。请补上“-->”。`);
  }
  const dropped = model.lines.reduce((sum, line) => sum + (line.text.match(NOT_XML)?.length ?? 0), 0);
  if (dropped > 0) notes.push(`删去了 ${dropped} 个 Word 无法保存的控制字符或无效字符。`);
  if (model.fenced.length > 0) notes.push(`${model.fenced.length} 个用 \`\`\` 围起来的代码块不是报告正文，不放进 Word 文件。`);
  const { referenced, defined } = footnoteLabels(model);
  for (const label of referenced) if (!defined.has(label)) blocking.push(`脚注“[^${label}]”没有写内容（缺少“[^${label}]: ……”）。`);
  for (const label of defined) if (!referenced.has(label)) blocking.push(`脚注“[^${label}]: ……”在正文中没有引用，导出后会丢失。`);
  const bullets = model.lines.filter((line, index) => line.kind === 'bullet' && model.roles[index] === 'body').length;
  if (bullets > 0) notes.push(`${bullets} 个项目符号列表项按正文段落导出（公文不用项目符号，层次用“一、（一）1.（1）”）。`);
  return { blocking, notes };
}
/** Footnote labels referred to and defined; a [^a] with no definition is plain text to Markdown, so it is read here. */
function footnoteLabels(model: ReportModel): { referenced: Set<string>; defined: Set<string> } {
  const referenced = new Set<string>();
  const defined = new Set<string>();
  model.lines.forEach((line, index) => {
    if (model.roles[index] === 'residue') return;
    if (line.footnoteLabel !== undefined) defined.add(line.footnoteLabel);
    for (const anchor of line.anchors ?? []) if ('footnote' in anchor) referenced.add(anchor.footnote);
    for (const match of line.text.matchAll(UNDEFINED_FOOTNOTE)) referenced.add(match[1].toLowerCase());
  });
  return { referenced, defined };
}
const UNDEFINED_FOOTNOTE = /\[\^([^\]\s]+)\]/g;

const ENUMERATION_LEAD = /(?<=^|[，。；：！？\s])[一二三四五六七八九十]{1,3}是/g;

export async function exportDocx(model: ReportModel, options: ExportOptions = {}, assets: ExportAssets = { images: new Map() }): Promise<Uint8Array> {
  const fonts = { ...DEFAULT_FONTS, ...options.fonts };
  const builder = new BodyBuilder(model, options.boldEnumerationLead === true, assets);
  const children = builder.build();
  const author = authorOf(model);

  const document = new Document({
    creator: author ?? '',
    lastModifiedBy: author ?? '',
    title: builder.title,
    description: '由述职报告助手按 GB/T 9704-2012 版式导出',
    evenAndOddHeaderAndFooters: true,
    footnotes: builder.footnotes(),
    externalStyles: documentDefaultsXml(fonts),
    styles: reportStyles(fonts),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight, header: PAGE.header, footer: PAGE.footer },
          },
          // Page Setup → 文档网格 shows 22 lines × 28 characters, as in the templates offices use.
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: GRID_CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml(fonts) }]));
}

/** The document's author: front matter `author`, else the signature's name. */
function authorOf(model: ReportModel): string | undefined {
  const author = model.frontMatter.author;
  if (typeof author === 'string' && author.trim()) return author.trim();
  return model.signature?.name?.split('\n')[0].trim() || undefined;
}

/** `— 1 —` in 宋体 四号 (the footer style): odd pages right, even pages left, one character in from the edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const oneChar = SIZE.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { ...NO_INDENT, right: oneChar } : { ...NO_INDENT, left: oneChar },
        // The stored 1 is what a viewer that does not compute fields shows.
        children: [new TextRun({ text: '— ', font: EAST_ASIAN_HINT }), new SimpleField('PAGE', '1'), new TextRun({ text: ' —', font: EAST_ASIAN_HINT })],
      }),
    ],
  });
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

/** A stretch of text set apart: an enumeration lead, a table's header cell. */
interface Span {
  start: number;
  end: number;
  bold?: boolean;
}

/** A piece of one source line that goes into a Word paragraph. */
interface Piece {
  lineIndex: number;
  from: number;
  to: number;
  spans: Span[];
  /** Text that is not a line of the draft (a front-matter title). */
  text?: string;
  /** A line split in two (a run-in heading) gives each part the footnote references written in it. */
  anchorsFrom?: number;
  anchorsBefore?: number;
}

/** The East Asian hint keeps quotation marks and dashes in the Chinese font, as Word itself marks Chinese runs. */
const EAST_ASIAN_HINT: IRunOptions['font'] = { hint: 'eastAsia' };

class BodyBuilder {
  title = '';
  private readonly excluded = new Map<number, Array<{ start: number; end: number }>>();

  /** Footnote ids by label, numbered in the order the body first refers to them. */
  private readonly footnoteIds = new Map<string, number>();
  private readonly definedFootnotes: Set<string>;
  /** The last line exported as body text: its paragraph is kept with the signature. */
  private readonly lastBodyLine: number;

  constructor(private readonly model: ReportModel, private readonly boldLeads: boolean, private readonly assets: ExportAssets) {
    this.definedFootnotes = footnoteLabels(model).defined;
    this.lastBodyLine = model.roles.map((role) => role === 'body' || role === 'closing').lastIndexOf(true);
    for (const residue of model.residue) {
      if (residue.whole) continue;
      this.excluded.set(residue.lineIndex, [...(this.excluded.get(residue.lineIndex) ?? []), residue]);
    }
  }

  build(): Array<Paragraph | Table> {
    const { model } = this;
    const out: Array<Paragraph | Table> = [];
    const titleLines = new Set(model.title?.lineIndexes ?? []);
    const lastTitleLine = model.title?.lineIndexes[model.title.lineIndexes.length - 1];
    const frontMatterTitle = typeof model.frontMatter.title === 'string' ? model.frontMatter.title.trim() : '';
    if (model.title) {
      this.title = model.title.text;
      out.push(this.titleParagraph(model.title.lineIndexes.map((index) => this.piece(index, 0, index === lastTitleLine ? model.title!.end : undefined))));
    } else if (frontMatterTitle) {
      // A title in front matter may hold line breaks where the writer wants the title broken.
      this.title = frontMatterTitle.replace(/\s*\n\s*/g, '');
      out.push(this.titleParagraph(frontMatterTitle.split(/\s*\n\s*/).map((text) => this.textPiece(text))));
    }
    model.lines.forEach((_, index) => {
      const role = model.roles[index];
      if (role === 'subtitle' || role === 'byline') out.push(new Paragraph({ style: STYLE.subtitle, children: this.runs(this.piece(index, 0)) }));
    });
    if (model.title || frontMatterTitle) out.push(new Paragraph({ children: [] }));

    let table: number[] = [];
    const flushTable = () => {
      if (table.length > 0) out.push(this.table(table));
      table = [];
    };
    let paragraph: Piece[] = [];
    let paragraphHeading: Heading | undefined;
    const flushParagraph = () => {
      if (paragraph.some((piece) => piece.to > piece.from || this.footnotesIn(piece))) out.push(...this.paragraphs(paragraph, paragraphHeading));
      out.push(...paragraph.flatMap((piece) => this.imageParagraphs(piece)));
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
      // The addressee (主送机关, 县委、县人民政府：) has the salutation's role: both are set flush left.
      if (role === 'salutation') {
        flushParagraph();
        out.push(new Paragraph({ style: STYLE.salutation, children: this.runs(this.piece(index, 0)) }));
        return;
      }
      if (!model.continuesParagraph[index]) flushParagraph();
      const heading = model.headingOfLine[index];
      const from = gluedRest ? model.title!.end : 0;
      const piece = this.piece(index, from);
      if (heading) paragraphHeading = heading;
      paragraph.push(piece);
    });
    flushParagraph();
    flushTable();
    out.push(...this.signature());
    return out;
  }

  /** The footnotes the body refers to, each its definition's lines as one paragraph. */
  footnotes(): Record<number, { children: Paragraph[] }> {
    const notes: Record<number, { children: Paragraph[] }> = {};
    for (const [label, id] of this.footnoteIds) {
      const pieces = this.model.lines.flatMap((line, index) => (line.footnoteLabel === label ? [this.piece(index, 0)] : []));
      notes[id] = { children: [new Paragraph({ style: STYLE.footnote, children: pieces.flatMap((piece) => this.runs(piece)) })] };
    }
    return notes;
  }

  /** A line from `from` on, its leading blanks dropped: the style indents, so typed full-width spaces would double it. */
  private piece(lineIndex: number, from: number, to?: number): Piece {
    const text = this.model.lines[lineIndex].text;
    let start = from;
    while (start < text.length && /[\s\u3000]/.test(text[start])) start++;
    const end = to ?? text.trimEnd().length;
    const spans: Span[] = [];
    if (this.boldLeads) {
      for (const match of text.slice(0, end).matchAll(ENUMERATION_LEAD)) {
        if (match.index < start) continue;
        const rest = text.slice(match.index, end).search(CLAUSE_END);
        spans.push({ start: match.index, end: rest === -1 ? end : match.index + rest, bold: true });
      }
    }
    return { lineIndex, from: start, to: Math.max(start, end), spans };
  }

  /** Text that is not a line of the draft (a front-matter title): a piece of its own. */
  private textPiece(text: string): Piece {
    return { lineIndex: -1, from: 0, to: text.length, spans: [], text };
  }

  /**
   * A heading on its own is a 标题 n paragraph (outline level, kept with the next). A run-in heading
   * (（一）完善制度。基础不牢……) is two paragraphs joined by Word's style separator: the heading sentence
   * in 标题 n, its paragraph mark hidden (specVanish), then the body, so that Word sets them on one line
   * while the navigation pane and a table of contents list the heading sentence only. A heading line is
   * never joined to another (the model keeps it whole), so its paragraph is that one piece.
   */
  private paragraphs(pieces: Piece[], heading: Heading | undefined): Paragraph[] {
    const last = pieces[pieces.length - 1];
    // The signature never stands alone on the last page: the last body paragraph goes with it.
    const beforeSignature = this.model.signature !== undefined && last.lineIndex === this.lastBodyLine;
    if (!heading) return [new Paragraph({ keepNext: beforeSignature || undefined, children: pieces.flatMap((piece) => this.runs(piece)) })];
    const style = STYLE.headings[Math.min(heading.level, STYLE.headings.length) - 1];
    const [piece] = pieces;
    const text = this.model.lines[piece.lineIndex].text;
    if (heading.bodyStart >= text.trimEnd().length) return [new Paragraph({ style, children: this.runs(piece) })];
    const headEnd = text.slice(0, heading.bodyStart).trimEnd().length;
    return [
      new Paragraph({
        style,
        run: { vanish: true, specVanish: true },
        children: this.runs({ ...piece, to: headEnd, spans: piece.spans.filter((span) => span.start < headEnd), anchorsBefore: heading.bodyStart }),
      }),
      new Paragraph({
        keepNext: beforeSignature || undefined,
        children: this.runs({ ...piece, from: heading.bodyStart, spans: piece.spans.filter((span) => span.end > heading.bodyStart), anchorsFrom: heading.bodyStart }),
      }),
    ];
  }

  /** The title as written when every written line fits a row; else broken evenly between words. */
  private titleParagraph(pieces: Piece[]): Paragraph {
    const written = pieces.map((piece) => this.textOf(piece));
    const rows = written.every((text) => textWidth(text) <= TITLE_LINE_CHARACTERS)
      ? pieces
      : balancedTitleLines(written.join(''), TITLE_LINE_CHARACTERS).map((text) => this.textPiece(text));
    return new Paragraph({
      style: STYLE.title,
      children: rows.flatMap((piece, index) => [...(index > 0 ? [new TextRun({ break: 1 })] : []), ...this.runs(piece)]),
    });
  }

  private textOf(piece: Piece): string {
    return (piece.text ?? this.model.lines[piece.lineIndex].text).slice(piece.from, piece.to);
  }

  /**
   * GB/T 9704 7.3.5.2: the name two characters in from the right; the date under it starts two characters
   * further right, or, when it is the longer, ends two characters in and the name moves left. The date
   * is set from the left, at the name's first character plus two: LibreOffice and WPS space digits from
   * Chinese characters, which Word is told not to, so a date set from the right would start a character
   * early there.
   */
  private signature(): Paragraph[] {
    const signature = this.model.signature;
    if (!signature) return [];
    const names = signature.name ? signature.name.split('\n') : [];
    const date = formatDate(signature.date);
    const nameWidth = Math.max(0, ...names.map(renderedWidth));
    const dateWidth = date ? renderedWidth(date) : 0;
    const two = 2 * CHAR_PITCH;
    let nameRight = two;
    if (names.length > 0 && nameRight + nameWidth - two - dateWidth < two) nameRight = 2 * two + dateWidth - nameWidth;
    const line = (text: string, indent: IParagraphOptions['indent'], keepNext: boolean, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
      new Paragraph({
        style: STYLE.signature,
        alignment,
        indent,
        keepNext,
        children: [new TextRun({ text: text.replace(NOT_XML, ''), font: EAST_ASIAN_HINT })],
      });
    const paragraphs = [new Paragraph({ keepNext: true, children: [] })];
    names.forEach((name) => paragraphs.push(line(name, { ...NO_INDENT, right: Math.round(nameRight) }, date !== undefined)));
    if (date && names.length === 0) paragraphs.push(line(date, { ...NO_INDENT, right: Math.round(two) }, false));
    else if (date) paragraphs.push(line(date, { ...NO_INDENT, left: Math.round(TEXT_WIDTH - nameRight - nameWidth + two) }, false, AlignmentType.LEFT));
    return paragraphs;
  }

  private footnotesIn(piece: Piece): boolean {
    return (this.model.lines[piece.lineIndex]?.anchors ?? []).some((anchor) => 'footnote' in anchor);
  }

  /** Images stand in paragraphs of their own, centred: an exact line pitch would cut them to one line's height. */
  private imageParagraphs(piece: Piece): Paragraph[] {
    if (piece.text !== undefined) return [];
    return (this.model.lines[piece.lineIndex].anchors ?? []).flatMap((anchor) => {
      const image = 'image' in anchor ? this.assets.images.get(anchor.image.url) : undefined;
      if (!image || !('image' in anchor)) return [];
      const scale = Math.min(1, MAX_IMAGE_WIDTH_PX / image.width, MAX_IMAGE_HEIGHT_PX / image.height);
      return [new Paragraph({
        style: STYLE.figure,
        children: [new ImageRun({
          type: image.type,
          data: image.data,
          transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
          altText: { name: anchor.image.alt || anchor.image.url, description: anchor.image.alt, title: anchor.image.alt },
        })],
      })];
    });
  }

  private footnoteId(label: string): number {
    let id = this.footnoteIds.get(label);
    if (id === undefined) {
      id = this.footnoteIds.size + 1;
      this.footnoteIds.set(label, id);
    }
    return id;
  }

  private runs(piece: Piece): ParagraphChild[] {
    if (piece.text !== undefined) return [new TextRun({ text: piece.text.slice(piece.from, piece.to).replace(NOT_XML, ''), font: EAST_ASIAN_HINT })];
    const line: Line = this.model.lines[piece.lineIndex];
    const { from, to } = piece;
    const excluded = this.excluded.get(piece.lineIndex) ?? [];
    // Footnote references go where they are written; images get paragraphs of their own.
    const inPiece = (at: number) => at >= (piece.anchorsFrom ?? 0) && at < (piece.anchorsBefore ?? Infinity);
    const references = (line.anchors ?? []).filter((anchor) => 'footnote' in anchor && this.definedFootnotes.has(anchor.footnote) && inPiece(anchor.at))
      .map((anchor) => ({ at: Math.min(Math.max(anchor.at, from), to), label: (anchor as { footnote: string }).footnote }));
    const cuts = new Set<number>([from, to, ...references.map((reference) => reference.at)]);
    for (const range of [...line.marks, ...piece.spans, ...excluded]) {
      if (range.start > from && range.start < to) cuts.add(range.start);
      if (range.end > from && range.end < to) cuts.add(range.end);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const runs: ParagraphChild[] = [];
    const referencesAt = (at: number) => references.filter((reference) => reference.at === at).map((reference) => new FootnoteReferenceRun(this.footnoteId(reference.label)));
    for (let i = 0; i < sorted.length; i++) {
      runs.push(...referencesAt(sorted[i]));
      if (i + 1 === sorted.length) break;
      const [start, end] = [sorted[i], sorted[i + 1]];
      const covers = (range: { start: number; end: number }) => range.start <= start && end <= range.end;
      if (start === end || excluded.some(covers)) continue;
      const marks = line.marks.filter(covers);
      const run = new TextRun({
        text: line.text.slice(start, end).replace(NOT_XML, ''),
        font: EAST_ASIAN_HINT,
        bold: marks.some((mark) => mark.bold) || piece.spans.some((span) => span.bold && covers(span)) || undefined,
        italics: marks.some((mark) => mark.italic) || undefined,
      });
      const link = marks.find((mark) => mark.link)?.link;
      runs.push(link ? new ExternalHyperlink({ link, children: [run] }) : run);
    }
    return runs;
  }

  private table(rows: number[]): Table {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map((lineIndex, rowIndex) => new TableRow({
        tableHeader: rowIndex === 0,
        children: (this.model.lines[lineIndex].cells ?? []).map((cell) => new TableCell({
          children: [new Paragraph({
            style: STYLE.table,
            alignment: rowIndex === 0 || cell.align === 'center' ? AlignmentType.CENTER : cell.align === 'right' ? AlignmentType.RIGHT : undefined,
            children: this.runs({ lineIndex, from: cell.start, to: cell.end, spans: rowIndex === 0 ? [{ start: cell.start, end: cell.end, bold: true }] : [] }),
          })],
        })),
      })),
    });
  }
}

/**
 * Width in twips as Word sets a signature line: Chinese characters one em of 三号, Latin letters and
 * digits (Times New Roman) half of one, each with the body's tracking, no extra space between the two.
 */
function renderedWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (/[\x20-\x7e]/.test(ch) ? SIZE.body * 5 : SIZE.body * 10) + BODY_TRACKING;
  return width;
}
