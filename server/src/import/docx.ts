/**
 * A Word file (.docx) → a Markdown draft, one Word paragraph per line as Word has them: ordinals as the
 * text they show (automatic numbering written out), bold, links, footnotes, tables and images kept.
 * mammoth reads the document; fflate and xmldom only open the package to write the numbering out.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, strToU8, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { stringify } from 'yaml';
import { lint } from '../core/engine/lint';
import { lineOfOffset } from '../core/reading/model';
import { formatDate } from '../export/docx';
import { writeOutNumbering } from './numbering';
import { joinStyleSeparated } from './styleSeparator';
import { PackageProblem, unzipBounded } from './unzip';

export class ImportError extends Error {}

export interface ImportedImage {
  /** Path relative to the draft, as written in it. */
  path: string;
  data: Uint8Array;
}

export interface ImportedDraft {
  markdown: string;
  images: ImportedImage[];
  /** For each line of the Markdown, the Word paragraph it came from (1-based), or 0. */
  paragraphOfLine: number[];
}

/**
 * A report is a few hundred kilobytes: these bound what a hostile file can make us unpack and parse,
 * counted in bytes really inflated. XML parts are parsed into trees several times their size.
 */
const LIMITS = { part: 20 * 1024 * 1024, total: 100 * 1024 * 1024 };
const MAX_XML_BYTES = 10 * 1024 * 1024;
/** Word nests a few dozen elements deep (tables in tables included); far past that is built to overflow a parser. */
const MAX_XML_DEPTH = 256;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const IMAGE_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp', 'image/x-emf': 'emf', 'image/x-wmf': 'wmf', 'image/tiff': 'tif', 'image/svg+xml': 'svg' };

/** Where a draft's images go: a folder beside it named after it (述职报告.md → 述职报告-图片/). */
export function imageFolderFor(draftName: string): string {
  return `${draftName.replace(/\.(md|markdown)$/i, '')}-图片`;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

/** Why the bytes are not a Word file we can read, in Chinese; undefined when they may be one. */
export function notDocx(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, OLE_MAGIC)) return '这是旧版 Word 97-2003 文档（.doc），无法直接读取：请在 Word 或 WPS 中“另存为”Word 文档（.docx）后再试。';
  if (!startsWith(bytes, ZIP_MAGIC)) return '不是 Word 文档（.docx）。';
  return undefined;
}

/**
 * The package as mammoth reads it: only parts that passed the limits, repacked (stored, not compressed),
 * with the automatic numbering written out as text and style-separated paragraphs joined.
 */
function checkedPackage(bytes: Uint8Array): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipBounded(bytes, LIMITS);
  } catch (error) {
    if (error instanceof PackageProblem) throw new ImportError(error.message);
    throw error;
  }
  if (!files['word/document.xml']) throw new ImportError('文件中没有 Word 正文（word/document.xml），不是 Word 文档。');
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const problem = xmlProblem(data);
    if (problem) throw new ImportError(`文件中的 ${name} ${problem}，没有读取。`);
  }
  const parse = (name: string) => (files[name] ? new DOMParser({ errorHandler: () => undefined }).parseFromString(strFromU8(files[name]), 'text/xml') : undefined);
  const document = parse('word/document.xml')!;
  if (writeOutNumbering(document, parse('word/numbering.xml'), parse('word/styles.xml')) + joinStyleSeparated(document) > 0) {
    files['word/document.xml'] = strToU8(new XMLSerializer().serializeToString(document));
  }
  return zipSync(files, { level: 0 });
}

/**
 * Why an XML part is not parsed, before any parser sees it: too large, a DTD (Word never writes one; it is
 * how entity expansion bombs work), or elements nested deeper than any document. One linear pass.
 */
export function xmlProblem(data: Uint8Array): string | undefined {
  if (data.length > MAX_XML_BYTES) return `有 ${(data.length / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_XML_BYTES / 1024 / 1024} MB 的上限，不像一份报告`;
  let depth = 0;
  for (let at = data.indexOf(0x3c); at !== -1 && at < data.length; at = data.indexOf(0x3c, at)) {
    const next = data[at + 1];
    if (next === 0x21) {
      // <!-- comment -->, <![CDATA[ … ]]>, <!DOCTYPE …>
      if (data[at + 2] === 0x2d) at = endOf(data, at, '-->');
      else if (data[at + 2] === 0x5b) at = endOf(data, at, ']]>');
      else return '含有 DTD 声明（<!DOCTYPE），Word 从不写它，这是构造出来的文件';
      continue;
    }
    if (next === 0x3f) {
      at = endOf(data, at, '?>');
      continue;
    }
    // To the tag's end, past '>' inside quoted attribute values.
    let quote = 0;
    let end = at + 1;
    for (; end < data.length; end++) {
      const byte = data[end];
      if (quote) {
        if (byte === quote) quote = 0;
      } else if (byte === 0x22 || byte === 0x27) quote = byte;
      else if (byte === 0x3e) break;
    }
    if (next === 0x2f) depth--;
    else if (data[end - 1] !== 0x2f && ++depth > MAX_XML_DEPTH) return `的元素嵌套超过 ${MAX_XML_DEPTH} 层（嵌套过深），不像 Word 保存的文件`;
    at = end + 1;
  }
  return undefined;
}

/** Where `terminator` (ASCII) ends, searching from `from + 2`; the end of the data if it never comes. */
function endOf(data: Uint8Array, from: number, terminator: string): number {
  const first = terminator.charCodeAt(0);
  for (let at = data.indexOf(first, from + 2); at !== -1; at = data.indexOf(first, at + 1)) {
    let matched = 1;
    while (matched < terminator.length && data[at + matched] === terminator.charCodeAt(matched)) matched++;
    if (matched === terminator.length) return at + terminator.length;
  }
  return data.length;
}

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  isBold?: boolean;
  href?: string;
  noteType?: string;
  noteId?: string;
  breakType?: string;
  colSpan?: number;
  altText?: string;
  contentType?: string;
  alignment?: string;
  /** The style's name as Word stores it: built-in styles by their English name (Signature, 签名 in Chinese Word). */
  styleName?: string;
  readAsArrayBuffer?: () => Promise<ArrayBuffer>;
  body?: MammothElement[];
}

interface MammothDocument extends MammothElement {
  notes: { resolve(reference: MammothElement): MammothElement | null };
}

/** A signature block is a few short lines: a unit or post and name, a date. */
const SIGNATURE_MAX_PARAGRAPHS = 4;
const SIGNATURE_MAX_LENGTH = 40;
const NORMAL_DATE = /^\d{4}年\d{1,2}月(\d{1,2}日)?$/;

/** Characters Markdown would read as syntax inside a line. */
const INLINE_SYNTAX = /[\\`*_[\]<]/g;
/** Line starts Markdown would read as a heading, quote, list item, rule or code. */
const BLOCK_START = /^(\s*)([#>+=|~-]|\d+[.)](?=\s)|`{3})/;

function escapeInline(text: string): string {
  return text.replace(INLINE_SYNTAX, (ch) => `\\${ch}`);
}

/** Pieces of text as Markdown: neighbouring bold pieces become one **…**, the markers hugging the words. */
function joinPieces(pieces: Array<{ text: string; bold: boolean }>): string {
  let out = '';
  for (let i = 0; i < pieces.length; ) {
    if (!pieces[i].bold) {
      out += pieces[i++].text;
      continue;
    }
    let text = '';
    while (i < pieces.length && pieces[i].bold) text += pieces[i++].text;
    // Spaces stay outside the markers, and blank bold text is no emphasis.
    const core = text.trim();
    out += core && !core.includes('\n') ? text.replace(core, `**${core}**`) : text;
  }
  return out;
}

/** Builds the Markdown, one Word paragraph per line, a blank line between, as a reader of the draft expects. */
class MarkdownWriter {
  readonly lines: string[] = [];
  readonly paragraphOfLine: number[] = [];
  readonly images: ImportedImage[] = [];
  /** Paragraphs set as a signature is: right-aligned, or in Word's Signature style (签名), as shuzhi export sets a date. */
  private readonly setAsSignature = new Set<number>();
  private paragraphs = 0;
  private readonly footnotes: Array<{ label: number; note: MammothElement }> = [];

  constructor(private readonly document: MammothDocument, private readonly imageFolder: string) {}

  async write(): Promise<void> {
    for (const block of this.document.children ?? []) await this.block(block);
    for (const { label, note } of this.footnotes) {
      const texts: string[] = [];
      for (const paragraph of note.body ?? []) texts.push((await this.inline(paragraph.children ?? [])).trim());
      this.push([`[^${label}]: ${texts.filter(Boolean).join(' ')}`], 0);
    }
  }

  private push(lines: string[], paragraph: number): void {
    if (this.lines.length > 0) {
      this.lines.push('');
      this.paragraphOfLine.push(0);
    }
    for (const line of lines) {
      this.lines.push(line);
      this.paragraphOfLine.push(paragraph);
    }
  }

  /**
   * The lines of the signature block as Word sets it: the last paragraphs of the body, each set as a
   * signature and short, at most four. Empty when the body does not end so.
   */
  signatureLines(): number[] {
    const block: number[] = [];
    for (let paragraph = this.paragraphs; paragraph > 0 && this.paragraphs - paragraph < SIGNATURE_MAX_PARAGRAPHS; paragraph--) {
      if (!this.setAsSignature.has(paragraph)) break;
      const lines = this.paragraphOfLine.flatMap((owner, line) => (owner === paragraph ? [line] : []));
      if (lines.some((line) => this.lines[line].length > SIGNATURE_MAX_LENGTH || /^!\[|[。！？]$/.test(this.lines[line]))) break;
      block.unshift(...lines);
    }
    return block;
  }

  private async block(element: MammothElement): Promise<void> {
    if (element.type === 'paragraph') {
      const text = (await this.inline(element.children ?? [])).replace(/[ \t]+$/gm, '');
      const images = this.takeImages();
      if (text.trim()) {
        const paragraph = ++this.paragraphs;
        if (/^signature$/i.test(element.styleName ?? '') || element.alignment === 'right' || element.alignment === 'end') this.setAsSignature.add(paragraph);
        this.push(text.split('\n').filter((line) => line.trim()).map((line) => line.replace(BLOCK_START, '$1\\$2')), paragraph);
      }
      for (const image of images) this.push([image], this.paragraphs);
    } else if (element.type === 'table') {
      await this.table(element);
    }
  }

  private pendingImages: string[] = [];

  private takeImages(): string[] {
    const images = this.pendingImages;
    this.pendingImages = [];
    return images;
  }

  private async table(table: MammothElement): Promise<void> {
    const rows: string[][] = [];
    const rowParagraphs: number[] = [];
    for (const row of table.children ?? []) {
      if (row.type !== 'tableRow') continue;
      rowParagraphs.push(this.paragraphs + 1);
      const cells: string[] = [];
      for (const cell of row.children ?? []) {
        if (cell.type !== 'tableCell') continue;
        const texts: string[] = [];
        for (const paragraph of cell.children ?? []) {
          if (paragraph.type !== 'paragraph') continue;
          const text = (await this.inline(paragraph.children ?? [])).replace(/\s*\n\s*/g, ' ').trim();
          if (text) {
            this.paragraphs++;
            texts.push(text);
          }
        }
        cells.push(texts.join(' ').replace(/\|/g, '\\|'));
        for (let span = 1; span < (cell.colSpan ?? 1); span++) cells.push('');
      }
      rows.push(cells);
    }
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((row) => row.length));
    const line = (cells: string[]) => `| ${[...cells, ...Array<string>(width - cells.length).fill('')].join(' | ')} |`;
    this.push([line(rows[0]), line(Array<string>(width).fill('---'))], rowParagraphs[0]);
    rows.slice(1).forEach((row, index) => {
      this.lines.push(line(row));
      this.paragraphOfLine.push(rowParagraphs[index + 1]);
    });
    for (const image of this.takeImages()) this.push([image], this.paragraphs);
  }

  /**
   * Inline content as Markdown text; bold stretches of neighbouring runs are joined into one. Walked
   * with a stack, not recursion: a hostile file can nest elements deeply. A link is written when the
   * walk comes back past its children.
   */
  private async inline(elements: MammothElement[]): Promise<string> {
    type Piece = { text: string; bold: boolean };
    const levels: Piece[][] = [[]];
    type Frame = { element: MammothElement; bold: boolean } | { linkEnd: string };
    const stack: Frame[] = elements.map((element) => ({ element, bold: false })).reverse();
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const pieces = levels[levels.length - 1];
      if ('linkEnd' in frame) {
        const text = joinPieces(levels.pop()!);
        levels[levels.length - 1].push({ text: text.trim() ? `[${text}](<${frame.linkEnd}>)` : text, bold: false });
        continue;
      }
      const { element, bold } = frame;
      const inner = (innerBold: boolean) => stack.push(...(element.children ?? []).map((child) => ({ element: child, bold: innerBold })).reverse());
      switch (element.type) {
        case 'text':
          pieces.push({ text: escapeInline(element.value ?? ''), bold });
          break;
        case 'tab':
          pieces.push({ text: ' ', bold: false });
          break;
        case 'break':
          if (element.breakType === 'line' || element.breakType === undefined) pieces.push({ text: '\n', bold: false });
          break;
        case 'run':
          inner(element.isBold === true);
          break;
        case 'hyperlink':
          if (element.href) {
            levels.push([]);
            stack.push({ linkEnd: linkDestination(element.href) });
          }
          inner(false);
          break;
        case 'noteReference': {
          const note = this.document.notes.resolve(element);
          if (!note) break;
          const label = this.footnotes.length + 1;
          this.footnotes.push({ label, note });
          pieces.push({ text: `[^${label}]`, bold: false });
          break;
        }
        case 'image':
          this.pendingImages.push(await this.image(element));
          break;
        default:
          inner(bold);
      }
    }
    return joinPieces(levels[0]);
  }

  /**
   * A picture saved beside the draft. One Word only links to ("链接到文件") or whose data is missing from
   * the file cannot be saved: a note in the draft says where it stood, and the import goes on.
   */
  private async image(element: MammothElement): Promise<string> {
    const alt = (element.altText ?? '').replace(/[\r\n]+/g, ' ').replace(/[[\]\\]/g, '');
    let data: Uint8Array;
    try {
      if (!element.readAsArrayBuffer) throw new Error('no data');
      data = new Uint8Array(await element.readAsArrayBuffer());
    } catch {
      // In a comment, nothing of the note can end it early or be checked as report text.
      return `<!-- 这里原有一张图片${alt ? `（${alt.replace(/-(?=-)/g, '- ')}）` : ''}，Word 文件中没有它的数据（可能是“链接到文件”的图片），没有导入。 -->`;
    }
    const extension = IMAGE_EXTENSIONS[element.contentType ?? ''] ?? 'bin';
    const path = `${this.imageFolder}/图${this.images.length + 1}.${extension}`;
    this.images.push({ path, data });
    return `![${alt}](<${path}>)`;
  }
}

/**
 * A link target as Markdown can hold it between < and >: blanks, line breaks, control characters, < > and
 * backslashes percent-encoded, so no target can end the link early and open a comment or a new block.
 */
function linkDestination(href: string): string {
  return href.replace(/[\u0000-\u0020<>\\\u007f\u0085\u2028\u2029]/g, (ch) => encodeURIComponent(ch));
}

/**
 * Converts a Word file. `imageFolder` is the folder, relative to the draft, that images are written
 * to (the caller writes them). Throws ImportError with a Chinese message for what is not a Word file.
 */
export async function importDocx(bytes: Uint8Array, imageFolder: string): Promise<ImportedDraft> {
  const problem = notDocx(bytes);
  if (problem) throw new ImportError(problem);
  const prepared = checkedPackage(bytes);
  let captured: MammothDocument | undefined;
  try {
    // mammoth reads `buffer` under Node and `arrayBuffer` in a browser; both take the bytes as they are.
    await mammoth.convertToHtml({ buffer: prepared, arrayBuffer: prepared } as unknown as { buffer: Buffer }, {
      transformDocument: (document: MammothDocument) => {
        captured = document;
        return document;
      },
    } as Parameters<typeof mammoth.convertToHtml>[1]);
  } catch (error) {
    // The depth check comes first; a reader that still runs out of stack met nesting of another kind.
    if (error instanceof RangeError) throw new ImportError('文件中的内容嵌套过深，不像 Word 保存的文件，没有读取。');
    throw new ImportError(`文件已损坏，无法作为 Word 文档（.docx）读取（${String((error as Error)?.message ?? error).split('\n')[0].slice(0, 200)}）。`);
  }
  const writer = new MarkdownWriter(captured!, imageFolder);
  await writer.write();
  const { fields, moved } = frontMatterOf(writer.lines, writer.signatureLines());
  // A signature block the checks would not read as one goes into front matter, with the blank line before it.
  const kept = writer.lines.map((_, line) => !moved.has(line) && !(writer.lines[line] === '' && moved.has(line + 1)));
  const lines = writer.lines.filter((_, line) => kept[line]);
  const paragraphOfLine = writer.paragraphOfLine.filter((_, line) => kept[line]);
  const body = lines.join('\n') + '\n';
  const frontMatter = Object.keys(fields).length > 0 ? `---\n${stringify(fields)}---\n\n` : '';
  const frontMatterLines = frontMatter ? frontMatter.split('\n').length - 1 : 0;
  return {
    markdown: frontMatter + body,
    images: writer.images,
    paragraphOfLine: [...Array<number>(frontMatterLines).fill(0), ...paragraphOfLine],
  };
}

/**
 * Title, signer and date as the document states them, read the way the checks read the draft. When
 * Word sets the last lines as a signature (right-aligned, or shuzhi's own export) and the checks do not
 * read them as one, they are taken out of the body into front matter, so that exporting again sets them
 * as a signature, not as body text.
 */
function frontMatterOf(lines: string[], signatureLines: number[]): { fields: Record<string, string>; moved: Set<number> } {
  const { model } = lint(lines.join('\n') + '\n');
  const fields: Record<string, string> = {};
  if (model.title) fields.title = model.title.text;
  // The model reads lines with text only; signatureLines count every line of the Markdown.
  const sourceLine = (index: number) => lineOfOffset(model.lineStarts, model.lines[index].map[0]);
  const modelLine = new Map(model.lines.map((_, index) => [sourceLine(index), index]));
  const signature = model.signature;
  const read = signature?.source === 'body' ? [...signature.nameLines, signature.dateLine!].map(sourceLine) : [];
  const plain = signatureLines.every((line) => {
    const index = modelLine.get(line);
    return index !== undefined && !model.headingOfLine[index] && ['body', 'signature', 'date'].includes(model.roles[index]);
  });
  if (signatureLines.length > 0 && plain && !signatureLines.every((line) => read.includes(line))) {
    const texts = signatureLines.map((line) => model.lines[modelLine.get(line)!].text.trim());
    const date = formatDate(texts[texts.length - 1]);
    const dated = date !== undefined && NORMAL_DATE.test(date);
    if (dated) texts.pop();
    if (texts.length > 0) fields.author = texts.join('\n');
    if (dated) fields.date = date;
    return { fields, moved: new Set(signatureLines) };
  }
  if (model.signature?.name) fields.author = model.signature.name.replace(/\n/g, ' ');
  const date = formatDate(model.signature?.date);
  if (date) fields.date = date;
  return { fields, moved: new Set() };
}
