/**
 * Markdown draft → Word document in the GB/T 9704-2012 layout, built with the docx library.
 * Structure comes from the same ordinals the checks read, so `一、主要做法` is a heading with or without `#`.
 */
import {
  AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell,
  TableRow, TextRun, WidthType, type IRunOptions,
} from 'docx';
import type { List, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import type { ExportSettings } from '../core/lint';
import { looksLikeTitle, SENTENCE_END } from '../core/model';
import { parseOrdinal } from '../core/ordinals';
import { BODY_CHARACTER_SPACING, CHAR, DEFAULT_FONTS, type ExportFonts, LINE_PITCH, PAGE, SIZE } from './layout';

/** Font names and whether to bold the lead phrase of 一是…二是… (a common office custom). */
export type ExportOptions = ExportSettings;

interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** One report paragraph: a source line of a Markdown paragraph or heading, with its inline formatting. */
interface Line {
  segments: Segment[];
  mdDepth: number;
}

type Block = { kind: 'line'; line: Line } | { kind: 'table'; table: MdTable };

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const CLAUSE_END = /[，。；：,;:！？]/;
const ENUMERATION_LEAD = /(?<=^|[，。；：！？\s])[一二三四五六七八九十]{1,3}是/g;
const SUBTITLE_MAX_LENGTH = 40;

export async function exportDocx(markdown: string, options: ExportOptions = {}): Promise<Uint8Array> {
  const source = markdown.replace(/^\uFEFF/, '');
  const tree = processor.parse(source) as Root;
  const fonts = { ...DEFAULT_FONTS, ...options.fonts };
  const frontMatter = readFrontMatter(tree);
  const blocks = collectBlocks(tree, source);
  const builder = new BodyBuilder(fonts, options.boldEnumerationLead === true);
  const children = builder.build(blocks, frontMatter);

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

interface FrontMatter {
  title?: string;
  author?: string;
  date?: string;
}

function readFrontMatter(tree: Root): FrontMatter {
  const node = tree.children.find((child) => child.type === 'yaml');
  if (!node || node.type !== 'yaml') return {};
  let data: unknown;
  try {
    data = parseYaml(node.value);
  } catch {
    return {}; // The front-matter check reports broken YAML; export goes on without it.
  }
  if (!data || typeof data !== 'object') return {};
  const record = data as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  return { title: text(record.title), author: text(record.author), date: formatDate(record.date) };
}

/** 2025-01-05, 2025/1/5, 2025年01月05日 and YAML dates all become 2025年1月5日 (no zero padding). */
export function formatDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return `${value.getUTCFullYear()}年${value.getUTCMonth() + 1}月${value.getUTCDate()}日`;
  }
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const match = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(value);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : value.trim();
}

function collectBlocks(tree: Root, source: string): Block[] {
  const blocks: Block[] = [];
  const addLines = (lines: Line[]) => {
    for (const line of lines) if (plain(line).trim()) blocks.push({ kind: 'line', line });
  };
  const visit = (node: RootContent) => {
    switch (node.type) {
      case 'paragraph':
        addLines(splitLines(node.children, 0));
        break;
      case 'heading':
        addLines(splitLines(node.children, node.depth));
        break;
      case 'list':
        visitList(node);
        break;
      case 'blockquote':
        node.children.forEach(visit);
        break;
      case 'table':
        blocks.push({ kind: 'table', table: node });
        break;
      case 'code':
        addLines(node.value.split(/\r?\n/).map((text) => ({ segments: [{ text, bold: false, italic: false }], mdDepth: 0 })));
        break;
      default:
        break; // Front matter, HTML comments and rules are not report text.
    }
  };
  const visitList = (list: List) => {
    for (const item of list.children) {
      const [first, ...rest] = item.children;
      if (list.ordered && first?.type === 'paragraph') {
        // The user's own ordinal ("1.") is the list marker, which mdast drops.
        const marker = source.slice(item.position!.start.offset!, first.position!.start.offset!).trim();
        const lines = splitLines(first.children, 0);
        lines[0]?.segments.unshift({ text: marker, bold: false, italic: false });
        addLines(lines);
      } else if (first) {
        visit(first);
      }
      rest.forEach(visit);
    }
  };
  tree.children.forEach(visit);
  return blocks;
}

function splitLines(nodes: PhrasingContent[], mdDepth: number): Line[] {
  const lines: Line[] = [{ segments: [], mdDepth }];
  const walk = (children: PhrasingContent[], bold: boolean, italic: boolean) => {
    for (const node of children) {
      if (node.type === 'text' || node.type === 'inlineCode') {
        node.value.split(/\r?\n/).forEach((part, index) => {
          if (index > 0) lines.push({ segments: [], mdDepth });
          if (part) lines[lines.length - 1].segments.push({ text: part, bold, italic });
        });
      } else if (node.type === 'break') {
        lines.push({ segments: [], mdDepth });
      } else if (node.type === 'strong') {
        walk(node.children, true, italic);
      } else if (node.type === 'emphasis') {
        walk(node.children, bold, true);
      } else if ('children' in node) {
        walk(node.children as PhrasingContent[], bold, italic);
      }
    }
  };
  walk(nodes, false, false);
  return lines;
}

function plain(line: Line): string {
  return line.segments.map((segment) => segment.text).join('');
}

/** A stretch of a line set in another font or bold: the heading part of a run-in heading, an enumeration lead. */
interface Span {
  start: number;
  end: number;
  font?: string;
  bold?: boolean;
}

class BodyBuilder {
  title = '';

  constructor(private readonly fonts: ExportFonts, private readonly boldLeads: boolean) {}

  build(blocks: Block[], frontMatter: FrontMatter): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = [];
    let index = 0;
    const first = blocks[0];
    if (first?.kind === 'line' && looksLikeTitle(plain(first.line), first.line.mdDepth)) {
      this.title = plain(first.line).trim();
      out.push(this.centered(first.line, this.fonts.title, SIZE.title));
      index = 1;
      // Lines right under the title that read like a name or date line (XX县委书记 张三；（2024年12月）).
      while (index < blocks.length) {
        const block = blocks[index];
        if (block.kind !== 'line' || !this.isSubtitle(block.line)) break;
        out.push(this.centered(block.line, this.fonts.heading2, SIZE.body));
        index++;
      }
      out.push(this.emptyLine());
    } else if (frontMatter.title) {
      this.title = frontMatter.title;
      out.push(this.centered({ segments: [{ text: frontMatter.title, bold: false, italic: false }], mdDepth: 1 }, this.fonts.title, SIZE.title));
      out.push(this.emptyLine());
    }
    for (; index < blocks.length; index++) {
      const block = blocks[index];
      out.push(block.kind === 'table' ? this.table(block.table) : this.paragraph(block.line));
    }
    if (frontMatter.author || frontMatter.date) out.push(...this.signature(frontMatter));
    return out;
  }

  private isSubtitle(line: Line): boolean {
    const text = plain(line).trim();
    return line.mdDepth === 0 && text.length <= SUBTITLE_MAX_LENGTH && !/[。；！？，]$/.test(text) && !parseOrdinal(text);
  }

  private paragraph(line: Line): Paragraph {
    const text = plain(line);
    const ordinal = parseOrdinal(text);
    const level = ordinal?.level ?? (line.mdDepth > 0 ? Math.min(3, Math.max(1, line.mdDepth - 1)) : 0);
    const spans: Span[] = [];
    if (level > 0) {
      const headingFont = level === 1 ? this.fonts.heading1 : level === 2 ? this.fonts.heading2 : this.fonts.heading3;
      const afterOrdinal = ordinal?.end ?? 0;
      const sentenceEnd = text.slice(afterOrdinal).search(SENTENCE_END);
      // A run-in heading (（一）完善制度体系。基础不牢……) keeps its first sentence in the heading font.
      spans.push({ start: 0, end: sentenceEnd === -1 ? text.length : afterOrdinal + sentenceEnd + 1, font: headingFont });
    }
    if (this.boldLeads) {
      for (const match of text.matchAll(ENUMERATION_LEAD)) {
        const rest = text.slice(match.index).search(CLAUSE_END);
        spans.push({ start: match.index, end: rest === -1 ? text.length : match.index + rest, bold: true });
      }
    }
    return new Paragraph({
      alignment: AlignmentType.BOTH,
      indent: { firstLine: 2 * CHAR, firstLineChars: 200 },
      keepNext: level === 1 && !/[。；！？]$/.test(text.trim()),
      children: this.runs(line, spans, SIZE.body),
    });
  }

  private centered(line: Line, font: string, size: number): Paragraph {
    // Word reads firstLineChars before firstLine: both must be zero for a truly centred line.
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, firstLineChars: 0 },
      children: this.runs(line, [{ start: 0, end: plain(line).length, font }], size),
    });
  }

  private emptyLine(): Paragraph {
    return new Paragraph({ children: [] });
  }

  /** Name two characters in from the right; the date under it starts two characters further right (GB/T 9704 7.3.5.2). */
  private signature({ author, date }: FrontMatter): Paragraph[] {
    const width = (text: string) => [...text].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
    const nameWidth = author ? width(author) : 0;
    const dateWidth = date ? width(date) : 0;
    let nameRight = 2;
    let dateRight = nameWidth - dateWidth;
    if (!author || dateRight < 2) {
      dateRight = 2;
      nameRight = 4 + dateWidth - nameWidth;
    }
    const line = (text: string, rightChars: number) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(rightChars * CHAR), firstLine: 0, firstLineChars: 0 },
        children: this.runs({ segments: [{ text, bold: false, italic: false }], mdDepth: 0 }, [], SIZE.body),
      });
    const paragraphs = [this.emptyLine()];
    if (author) paragraphs.push(line(author, nameRight));
    if (date) paragraphs.push(line(date, dateRight));
    return paragraphs;
  }

  private runs(line: Line, spans: Span[], size: number): TextRun[] {
    const cuts = new Set<number>([0]);
    let offset = 0;
    for (const segment of line.segments) {
      cuts.add(offset);
      offset += segment.text.length;
    }
    cuts.add(offset);
    for (const span of spans) {
      cuts.add(span.start);
      cuts.add(span.end);
    }
    const sorted = [...cuts].filter((cut) => cut <= offset).sort((a, b) => a - b);
    const text = plain(line);
    const runs: TextRun[] = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const [start, end] = [sorted[i], sorted[i + 1]];
      if (start === end) continue;
      const segment = segmentAt(line, start);
      const font = spans.find((span) => span.font && span.start <= start && end <= span.end)?.font ?? this.fonts.body;
      const bold = segment.bold || spans.some((span) => span.bold && span.start <= start && end <= span.end);
      runs.push(new TextRun({
        text: text.slice(start, end),
        font: runFont(font, this.fonts.latin),
        size,
        bold,
        italics: segment.italic,
        characterSpacing: size === SIZE.body ? BODY_CHARACTER_SPACING : undefined,
      }));
    }
    return runs;
  }

  private table(node: MdTable): Table {
    const cellParagraphs = (children: PhrasingContent[], header: boolean) =>
      splitLines(children, 0).map((line) => new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        indent: { firstLine: 0, firstLineChars: 0 },
        spacing: { line: 400, lineRule: LineRuleType.AT_LEAST },
        children: this.runs({ ...line, segments: line.segments.map((segment) => ({ ...segment, bold: segment.bold || header })) }, [], SIZE.table),
      }));
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: node.children.map((row, rowIndex) => new TableRow({
        tableHeader: rowIndex === 0,
        children: row.children.map((cell) => new TableCell({ children: cellParagraphs(cell.children, rowIndex === 0) })),
      })),
    });
  }
}

function segmentAt(line: Line, index: number): Segment {
  let offset = 0;
  for (const segment of line.segments) {
    if (index < offset + segment.text.length) return segment;
    offset += segment.text.length;
  }
  return line.segments[line.segments.length - 1];
}
