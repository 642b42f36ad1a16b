/**
 * The report model → Word document in the GB/T 9704-2012 layout, built with the docx library.
 * Structure comes from the model only (title, addressee, salutation, headings, signature, residue), so the
 * Word file shows the draft exactly as the checks read it.
 */
import {
  AlignmentType, Document, DocumentGridType, ExternalHyperlink, Footer, FootnoteReferenceRun, ImageRun, type IParagraphOptions, type IRunOptions,
  Packer, Paragraph, type ParagraphChild, SimpleField, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { ExportAssets } from './images';
import type { ExportSettings } from '../core/engine/lint';
import type { Line } from '../core/reading/markdown';
import { lineOfOffset, type ReportModel } from '../core/reading/model';
import { type Block, exportBlocks, type ParagraphBlock, type Piece as BlockPiece, pieceOf, scaledImage, textOfPiece } from './blocks';
import { DEFAULT_FONTS, GRID_CHAR_SPACE, LINE_PITCH, PAGE, SIZE } from './layout';
import { fontTableXml } from './fonts';
import { documentDefaultsXml, NO_INDENT, reportStyles, STYLE } from './styles';

export { formatDate } from './blocks';

/** Font names and whether to bold the lead phrase of 一是…二是… (a common office custom). */
export type ExportOptions = ExportSettings;

const CLAUSE_END = /[，。；：,;:！？]/;
/** Characters XML 1.0 (and so Word) cannot hold: controls other than tab and line breaks, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
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
  // An ArrayBuffer, not a Node Buffer: the browser build renders the same file.
  return new Uint8Array(await Packer.toArrayBuffer(document, false, [{ path: 'word/fontTable.xml', data: fontTableXml(fonts) }]));
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

/** A stretch of text set apart: an enumeration lead, a table's header cell. */
interface Span {
  start: number;
  end: number;
  bold?: boolean;
}

/** A piece of a paragraph with the stretches set apart in it. */
interface Piece extends BlockPiece {
  spans: Span[];
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

  constructor(private readonly model: ReportModel, private readonly boldLeads: boolean, private readonly assets: ExportAssets) {
    this.definedFootnotes = footnoteLabels(model).defined;
    for (const residue of model.residue) {
      if (residue.whole) continue;
      this.excluded.set(residue.lineIndex, [...(this.excluded.get(residue.lineIndex) ?? []), residue]);
    }
  }

  build(): Array<Paragraph | Table> {
    const { model } = this;
    const out: Array<Paragraph | Table> = [];
    for (const block of exportBlocks(model)) {
      switch (block.kind) {
        case 'title':
          this.title = block.rows.map((row) => textOfPiece(model, row)).join('');
          out.push(this.titleParagraph(block.rows.map((row) => this.withSpans(row))));
          break;
        case 'subtitle':
          out.push(new Paragraph({ style: STYLE.subtitle, children: this.runs(this.withSpans(block.piece)) }));
          break;
        case 'blank':
          out.push(new Paragraph({ children: [] }));
          break;
        case 'salutation':
          out.push(new Paragraph({ style: STYLE.salutation, children: this.runs(this.withSpans(block.piece)) }));
          break;
        case 'paragraph':
          out.push(...this.paragraphs(block));
          break;
        case 'image':
          out.push(...this.imageParagraph(block));
          break;
        case 'table':
          out.push(this.table(block.rows));
          break;
        case 'signature':
          out.push(...this.signature(block));
          break;
      }
    }
    return out;
  }

  /** The footnotes the body refers to, each its definition's lines as one paragraph. */
  footnotes(): Record<number, { children: Paragraph[] }> {
    const notes: Record<number, { children: Paragraph[] }> = {};
    for (const [label, id] of this.footnoteIds) {
      const pieces = this.model.lines.flatMap((line, index) => (line.footnoteLabel === label ? [this.withSpans(pieceOf(this.model, index, 0))] : []));
      notes[id] = { children: [new Paragraph({ style: STYLE.footnote, children: pieces.flatMap((piece) => this.runs(piece)) })] };
    }
    return notes;
  }

  /** The enumeration leads to bold (一是…), when asked for. */
  private withSpans(piece: BlockPiece): Piece {
    const spans: Span[] = [];
    if (this.boldLeads && piece.text === undefined) {
      const text = this.model.lines[piece.lineIndex].text;
      for (const match of text.slice(0, piece.to).matchAll(ENUMERATION_LEAD)) {
        if (match.index < piece.from) continue;
        const rest = text.slice(match.index, piece.to).search(CLAUSE_END);
        spans.push({ start: match.index, end: rest === -1 ? piece.to : match.index + rest, bold: true });
      }
    }
    return { ...piece, spans };
  }

  /**
   * A heading on its own is a 标题 n paragraph (outline level, kept with the next). A run-in heading
   * (（一）完善制度。基础不牢……) is two paragraphs joined by Word's style separator: the heading sentence
   * in 标题 n, its paragraph mark hidden (specVanish), then the body, so that Word sets them on one line
   * while the navigation pane and a table of contents list the heading sentence only. A heading line is
   * never joined to another (the model keeps it whole), so its paragraph is that one piece.
   */
  private paragraphs(block: ParagraphBlock): Paragraph[] {
    const pieces = block.pieces.map((piece) => this.withSpans(piece));
    const { heading, level } = block;
    if (!heading || level === undefined) return [new Paragraph({ keepNext: block.keepNext || undefined, children: pieces.flatMap((piece) => this.runs(piece)) })];
    const style = STYLE.headings[level];
    const [piece] = pieces;
    if (block.headingStyle) return [new Paragraph({ style, children: this.runs(piece) })];
    const headEnd = this.model.lines[piece.lineIndex].text.slice(0, heading.bodyStart).trimEnd().length;
    return [
      new Paragraph({
        style,
        run: { vanish: true, specVanish: true },
        children: this.runs({ ...piece, to: headEnd, spans: piece.spans.filter((span) => span.start < headEnd), anchorsBefore: heading.bodyStart }),
      }),
      new Paragraph({
        keepNext: block.keepNext || undefined,
        children: this.runs({ ...piece, from: heading.bodyStart, spans: piece.spans.filter((span) => span.end > heading.bodyStart), anchorsFrom: heading.bodyStart }),
      }),
    ];
  }

  private titleParagraph(rows: Piece[]): Paragraph {
    return new Paragraph({
      style: STYLE.title,
      children: rows.flatMap((piece, index) => [...(index > 0 ? [new TextRun({ break: 1 })] : []), ...this.runs(piece)]),
    });
  }

  /** The date is set from the left when a name stands above it (see signatureBlock). */
  private signature(block: Extract<Block, { kind: 'signature' }>): Paragraph[] {
    const line = (text: string, indent: IParagraphOptions['indent'], keepNext: boolean, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
      new Paragraph({
        style: STYLE.signature,
        alignment,
        indent,
        keepNext,
        children: [new TextRun({ text: text.replace(NOT_XML, ''), font: EAST_ASIAN_HINT })],
      });
    const paragraphs = [new Paragraph({ keepNext: true, children: [] })];
    block.names.forEach((name) => paragraphs.push(line(name, { ...NO_INDENT, right: block.nameRight }, block.date !== undefined)));
    if (block.date && block.dateLeft !== undefined) paragraphs.push(line(block.date, { ...NO_INDENT, left: block.dateLeft }, false, AlignmentType.LEFT));
    else if (block.date) paragraphs.push(line(block.date, { ...NO_INDENT, right: block.dateRight }, false));
    return paragraphs;
  }

  /** Images stand in paragraphs of their own, centred: an exact line pitch would cut them to one line's height. */
  private imageParagraph(block: Extract<Block, { kind: 'image' }>): Paragraph[] {
    const image = this.assets.images.get(block.url);
    if (!image) return [];
    const { width, height } = scaledImage(image);
    return [new Paragraph({
      style: STYLE.figure,
      children: [new ImageRun({
        type: image.type,
        data: image.data,
        transformation: { width, height },
        altText: { name: block.alt || block.url, description: block.alt, title: block.alt },
      })],
    })];
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

