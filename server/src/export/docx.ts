/**
 * The report model → Word document in the GB/T 9704-2012 layout, built with the docx library.
 * Structure comes from the model only (title, salutation, headings, signature, residue), so the
 * Word file shows the draft exactly as the checks read it.
 */
import {
  AlignmentType, Document, DocumentGridType, ExternalHyperlink, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell,
  TableRow, TextRun, WidthType, type IRunOptions,
} from 'docx';
import type { ExportSettings } from '../core/lint';
import type { Line } from '../core/markdown';
import { type Heading, lineOfOffset, type ReportModel } from '../core/model';
import { chineseToNumber, chineseYearDigits } from '../core/numerals';
import { BODY_CHARACTER_SPACING, CHAR, DEFAULT_FONTS, type ExportFonts, LINE_PITCH, PAGE, SIZE } from './layout';

/** Font names and whether to bold the lead phrase of 一是…二是… (a common office custom). */
export type ExportOptions = ExportSettings;

const CLAUSE_END = /[，。；：,;:！？]/;
/** Characters XML 1.0 (and so Word) cannot hold: controls other than tab and line breaks, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Reports run to some tens of kilobytes; a draft past this is not one, and would take minutes and gigabytes. */
const MAX_EXPORT_CHARACTERS = 5 * 1024 * 1024;

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
  if (model.source.length > MAX_EXPORT_CHARACTERS) {
    blocking.push(`文稿有 ${model.source.length} 个字符，超过导出上限 ${MAX_EXPORT_CHARACTERS}：这不像一份报告，没有导出。`);
  }
  if (model.unclosedComment !== undefined) {
    const line = lineOfOffset(model.lineStarts, model.unclosedComment) + 1;
    blocking.push(`第 ${line} 行的注释“<!--”没有对应的“-->”，其后的内容都被当作注释，不会出现在 Word 文件中。请补上“-->”。`);
  }
  const dropped = model.lines.reduce((sum, line) => sum + (line.text.match(NOT_XML)?.length ?? 0), 0);
  if (dropped > 0) notes.push(`删去了 ${dropped} 个 Word 无法保存的控制字符或无效字符。`);
  if (model.fenced.length > 0) notes.push(`${model.fenced.length} 个用 \`\`\` 围起来的代码块不是报告正文，没有导出。`);
  return { blocking, notes };
}
const ENUMERATION_LEAD = /(?<=^|[，。；：！？\s])[一二三四五六七八九十]{1,3}是/g;

export async function exportDocx(model: ReportModel, options: ExportOptions = {}): Promise<Uint8Array> {
  const fonts = { ...DEFAULT_FONTS, ...options.fonts };
  const builder = new BodyBuilder(model, fonts, options.boldEnumerationLead === true);
  const children = builder.build();

  const document = new Document({
    creator: 'shuzhi',
    title: builder.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFont(fonts.body, fonts.latin), size: SIZE.body },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginLeft, right: PAGE.marginRight, header: PAGE.header, footer: PAGE.footer },
          },
          // No line grid: with exact spacing Word ignores it anyway, and LibreOffice would give the 二号 title two rows.
          grid: { linePitch: LINE_PITCH, type: DocumentGridType.DEFAULT },
        },
        footers: { default: pageNumberFooter(fonts, 'odd'), even: pageNumberFooter(fonts, 'even') },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function runFont(eastAsia: string, latin: string): IRunOptions['font'] {
  // The eastAsia hint keeps quotation marks and dashes in the Chinese font.
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin, hint: 'eastAsia' };
}

/** `— 1 —` in 宋体 四号: odd pages right, even pages left, one character in from the edge. */
function pageNumberFooter(fonts: ExportFonts, side: 'odd' | 'even'): Footer {
  const oneChar = SIZE.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar, firstLine: 0, firstLineChars: 0 } : { left: oneChar, firstLine: 0, firstLineChars: 0 },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: runFont(fonts.pageNumber, fonts.pageNumber), size: SIZE.pageNumber }),
        ],
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

/** A stretch of text set apart: the heading part of a run-in heading, an enumeration lead. */
interface Span {
  start: number;
  end: number;
  font?: string;
  bold?: boolean;
}

/** A piece of one source line that goes into a Word paragraph. */
interface Piece {
  lineIndex: number;
  from: number;
  to: number;
  spans: Span[];
}

class BodyBuilder {
  title = '';
  private readonly excluded = new Map<number, Array<{ start: number; end: number }>>();

  constructor(private readonly model: ReportModel, private readonly fonts: ExportFonts, private readonly boldLeads: boolean) {
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
      out.push(this.centered(model.title.lineIndexes.map((index) => this.piece(index, 0, index === lastTitleLine ? model.title!.end : undefined)), this.fonts.title, SIZE.title));
    } else if (frontMatterTitle) {
      // A title in front matter may hold line breaks where the writer wants the title broken.
      this.title = frontMatterTitle.replace(/\s*\n\s*/g, '');
      out.push(this.centeredText(frontMatterTitle.split(/\s*\n\s*/), this.fonts.title, SIZE.title));
    }
    const underTitle: Paragraph[] = [];
    model.lines.forEach((_, index) => {
      const role = model.roles[index];
      if (role === 'subtitle' || role === 'byline') underTitle.push(this.centered([this.piece(index, 0)], this.fonts.heading2, SIZE.body));
    });
    out.push(...underTitle);
    if (model.title || frontMatterTitle) out.push(this.emptyLine());

    let table: number[] = [];
    const flushTable = () => {
      if (table.length > 0) out.push(this.table(table));
      table = [];
    };
    let paragraph: Piece[] = [];
    let paragraphHeading: Heading | undefined;
    const flushParagraph = () => {
      if (paragraph.length > 0) out.push(this.paragraph(paragraph, paragraphHeading));
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
        out.push(this.flushLeft(this.piece(index, 0)));
        return;
      }
      if (!model.continuesParagraph[index]) flushParagraph();
      const heading = model.headingOfLine[index];
      const from = gluedRest ? model.title!.end : 0;
      const piece = this.piece(index, from);
      if (heading) {
        paragraphHeading = heading;
        const headEnd = model.lines[index].text.slice(0, heading.bodyStart).trimEnd().length;
        piece.spans.push({ start: heading.start, end: headEnd, font: this.headingFont(heading) });
      }
      paragraph.push(piece);
    });
    flushParagraph();
    flushTable();
    out.push(...this.signature());
    return out;
  }

  private headingFont(heading: Heading): string {
    return heading.level === 1 ? this.fonts.heading1 : heading.level === 2 ? this.fonts.heading2 : this.fonts.heading3;
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

  private paragraph(pieces: Piece[], heading: Heading | undefined): Paragraph {
    const last = pieces[pieces.length - 1];
    const endsSentence = /[。；！？]$/.test(this.model.lines[last.lineIndex].text.slice(0, last.to));
    return new Paragraph({
      alignment: AlignmentType.BOTH,
      indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
      keepNext: heading !== undefined && !endsSentence,
      children: pieces.flatMap((piece) => this.runs(piece, SIZE.body)),
    });
  }

  private flushLeft(piece: Piece): Paragraph {
    return new Paragraph({ alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 }, children: this.runs(piece, SIZE.body) });
  }

  private centered(pieces: Piece[], font: string, size: number): Paragraph {
    // Word reads firstLineChars before firstLine: both must be zero for a truly centred line.
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, firstLineChars: 0 },
      keepNext: true,
      children: pieces.flatMap((piece, index) => [
        ...(index > 0 ? [new TextRun({ break: 1 })] : []),
        ...this.runs({ ...piece, spans: [{ start: piece.from, end: piece.to, font }] }, size),
      ]),
    });
  }

  private centeredText(lines: string[], font: string, size: number): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, firstLineChars: 0 },
      keepNext: true,
      children: lines.map((text, index) => new TextRun({ text: text.replace(NOT_XML, ''), break: index > 0 ? 1 : undefined, font: runFont(font, this.fonts.latin), size })),
    });
  }

  private emptyLine(): Paragraph {
    return new Paragraph({ children: [] });
  }

  /** Name two characters in from the right; the date under it starts two characters further right (GB/T 9704 7.3.5.2). */
  private signature(): Paragraph[] {
    const signature = this.model.signature;
    if (!signature) return [];
    const names = signature.name ? signature.name.split('\n') : [];
    const date = formatDate(signature.date);
    const width = (text: string) => [...text].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
    const nameWidth = Math.max(0, ...names.map(width));
    const dateWidth = date ? width(date) : 0;
    let nameRight = 2;
    let dateRight = nameWidth - dateWidth;
    if (names.length === 0 || dateRight < 2) {
      dateRight = 2;
      nameRight = 4 + dateWidth - nameWidth;
    }
    const line = (text: string, rightChars: number, keepNext: boolean) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(rightChars * CHAR), firstLine: 0, firstLineChars: 0 },
        keepNext,
        children: [new TextRun({ text: text.replace(NOT_XML, ''), font: runFont(this.fonts.body, this.fonts.latin), size: SIZE.body, characterSpacing: BODY_CHARACTER_SPACING })],
      });
    const paragraphs = [new Paragraph({ keepNext: true, children: [] })];
    names.forEach((name) => paragraphs.push(line(name, nameRight, date !== undefined)));
    if (date) paragraphs.push(line(date, dateRight, false));
    return paragraphs;
  }

  private runs(piece: Piece, size: number): Array<TextRun | ExternalHyperlink> {
    const line: Line = this.model.lines[piece.lineIndex];
    const { from, to } = piece;
    const excluded = this.excluded.get(piece.lineIndex) ?? [];
    const cuts = new Set<number>([from, to]);
    for (const range of [...line.marks, ...piece.spans, ...excluded]) {
      if (range.start > from && range.start < to) cuts.add(range.start);
      if (range.end > from && range.end < to) cuts.add(range.end);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const runs: Array<TextRun | ExternalHyperlink> = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [start, end] = [sorted[i], sorted[i + 1]];
      const covers = (range: { start: number; end: number }) => range.start <= start && end <= range.end;
      if (start === end || excluded.some(covers)) continue;
      const marks = line.marks.filter(covers);
      const font = piece.spans.find((span) => span.font && covers(span))?.font ?? this.fonts.body;
      const run = new TextRun({
        text: line.text.slice(start, end).replace(NOT_XML, ''),
        font: runFont(font, this.fonts.latin),
        size,
        bold: marks.some((mark) => mark.bold) || piece.spans.some((span) => span.bold && covers(span)),
        italics: marks.some((mark) => mark.italic),
        characterSpacing: size === SIZE.body ? BODY_CHARACTER_SPACING : undefined,
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
            alignment: rowIndex === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
            indent: { firstLine: 0, firstLineChars: 0 },
            spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
            children: this.runs({ lineIndex, from: cell.start, to: cell.end, spans: rowIndex === 0 ? [{ start: cell.start, end: cell.end, bold: true }] : [] }, SIZE.table),
          })],
        })),
      })),
    });
  }
}
