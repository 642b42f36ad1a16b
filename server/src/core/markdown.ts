/**
 * Markdown to report lines. Each source line of a paragraph or heading is one report paragraph,
 * because drafts pasted from Word keep one paragraph per line, often without blank lines between.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, PhrasingContent, ListItem } from 'mdast';

export interface Line {
  /** Plain text: inline markup removed, line ending excluded. */
  text: string;
  /** Source offset of each text index, plus one entry for the end. */
  map: Int32Array;
  /** 0 for paragraph lines, 1–6 for the line of a Markdown heading. */
  mdDepth: number;
  /**
   * The last character of the previous line when this line continues the same Markdown paragraph,
   * else ''. Hard-wrapped text (…共1200⏎名党员) reads across the wrap through it.
   */
  wrappedAfter: string;
}

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
  /** `*` runs that Markdown took for emphasis but that stand where a number belongs (开展*次…覆盖*人). */
  starPlaceholders: Array<{ start: number; end: number }>;
  frontMatter?: { value: string; start: number; end: number };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

function parseMarkdownTree(source: string): Root {
  return processor.parse(source);
}

export function parseMarkdown(source: string): ParsedMarkdown {
  // micromark drops a byte order mark and counts offsets without it; shift them back.
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? source.slice(1) : source;
  const tree = parseMarkdownTree(text);
  const collector = new LineCollector(text);
  const parsed: ParsedMarkdown = { lines: collector.lines, comments: collector.comments, starPlaceholders: collector.starPlaceholders };
  for (const node of tree.children) {
    if (node.type === 'yaml' && node.position) {
      parsed.frontMatter = { value: node.value, start: node.position.start.offset!, end: node.position.end.offset! };
    } else {
      collector.block(node);
    }
  }
  if (bom) {
    for (const line of parsed.lines) for (let i = 0; i < line.map.length; i++) line.map[i] += bom;
    for (const range of [...parsed.comments, ...parsed.starPlaceholders]) {
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

const CJK = /[\u4e00-\u9fff]/;
/** Measure words and units that need a number before them. */
const MEASURE_START = /[次人个名万亿元%％项件户家场期篇份批处起条所公亩平吨倍]/;

/** How far ahead an unescaped character is looked for in its source (&#x4e00; is 8 units long). */
const ALIGN_WINDOW = 16;

/** Accumulates plain text with a source offset per UTF-16 code unit. */
class TextBuffer {
  text = '';
  offsets: number[] = [];

  push(value: string, sourceStart: number, sourceEnd: number, source: string): void {
    this.text += value;
    if (sourceEnd - sourceStart === value.length && source.startsWith(value, sourceStart)) {
      for (let i = 0; i < value.length; i++) this.offsets.push(sourceStart + i);
      return;
    }
    // Escapes, entities and stripped indentation make value and source differ: align them, looking
    // only a short way ahead so text full of entities stays linear.
    let s = sourceStart;
    for (let i = 0; i < value.length; i++) {
      let probe = s;
      const limit = Math.min(sourceEnd, s + ALIGN_WINDOW);
      while (probe < limit && source.charCodeAt(probe) !== value.charCodeAt(i)) probe++;
      if (probe === limit) probe = sourceEnd;
      if (probe < sourceEnd) s = probe;
      this.offsets.push(Math.min(s, sourceEnd));
      if (probe < sourceEnd) s++;
    }
  }

  pushSeparator(char: string, offset: number): void {
    this.text += char;
    this.offsets.push(offset);
  }
}

class LineCollector {
  lines: Line[] = [];
  comments: HtmlComment[] = [];
  starPlaceholders: Array<{ start: number; end: number }> = [];

  constructor(private readonly source: string) {}

  block(node: RootContent): void {
    switch (node.type) {
      case 'paragraph':
        this.phrasingBlock(node.children, 0);
        break;
      case 'heading':
        this.phrasingBlock(node.children, node.depth);
        break;
      case 'list':
        for (const item of node.children) this.listItem(item, node.ordered === true);
        break;
      case 'blockquote':
        for (const child of node.children) this.block(child);
        break;
      case 'html':
        this.html(node.value, node.position!.start.offset!, node.position!.end.offset!);
        break;
      default:
        // Code, thematic breaks and definitions are not report text.
        break;
    }
  }

  private listItem(item: ListItem, ordered: boolean): void {
    const [first, ...rest] = item.children;
    if (ordered && first?.type === 'paragraph') {
      // The ordinal the user typed ("1." / "1)") is the list marker, which mdast drops.
      const itemStart = item.position!.start.offset!;
      const firstStart = first.position!.start.offset!;
      const marker = this.source.slice(itemStart, firstStart).trimEnd();
      const buffer = new TextBuffer();
      buffer.push(marker.trimStart(), itemStart, firstStart, this.source);
      this.phrasingInto(buffer, first.children);
      this.flush(buffer, 0);
    } else if (first) {
      this.block(first);
    }
    for (const child of rest) this.block(child);
  }

  private html(value: string, start: number, end: number): void {
    const pattern = /<!--([\s\S]*?)-->/g;
    for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
      this.comments.push({ start: start + match.index, end: Math.min(end, start + match.index + match[0].length), value: match[1] });
    }
  }

  private phrasingBlock(children: PhrasingContent[], depth: number): void {
    const buffer = new TextBuffer();
    this.phrasingInto(buffer, children);
    this.flush(buffer, depth);
  }

  private phrasingInto(buffer: TextBuffer, nodes: PhrasingContent[]): void {
    for (const node of nodes) {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      switch (node.type) {
        case 'text':
          buffer.push(node.value, start, end, this.source);
          break;
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
        case 'strong':
          this.checkStars(start, end);
          this.phrasingInto(buffer, node.children as PhrasingContent[]);
          break;
        case 'delete':
        case 'link':
        case 'linkReference':
          this.phrasingInto(buffer, node.children as PhrasingContent[]);
          break;
        default:
          break;
      }
    }
  }

  /**
   * Templates write unknown numbers as `*`: 开展*次培训，覆盖*人 parses as emphasis. A delimiter that
   * sits between a Chinese character and a measure word is such a placeholder, not markup.
   */
  private checkStars(start: number, end: number): void {
    const source = this.source;
    if (source[start] !== '*' || source[end - 1] !== '*') return;
    let open = start;
    while (source[open] === '*') open++;
    let close = end;
    while (source[close - 1] === '*') close--;
    const placeholderAt = (before: string | undefined, after: string | undefined) =>
      before !== undefined && CJK.test(before) && after !== undefined && MEASURE_START.test(after);
    if (placeholderAt(source[start - 1], source[open])) this.starPlaceholders.push({ start, end: open });
    if (placeholderAt(source[close - 1], source[end])) this.starPlaceholders.push({ start: close, end });
  }

  private flush(buffer: TextBuffer, depth: number): void {
    const { text, offsets } = buffer;
    let wrappedAfter = '';
    for (let lineStart = 0; lineStart <= text.length; ) {
      const newline = text.indexOf('\n', lineStart);
      const next = newline === -1 ? text.length : newline;
      const lineEnd = next > lineStart && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      const lineText = text.slice(lineStart, lineEnd);
      if (lineText.trim().length > 0) {
        // Alignment can run to the end of the source on odd input (entities); never past it.
        const limit = this.source.length;
        const map = new Int32Array(lineText.length + 1);
        for (let k = 0; k < lineText.length; k++) map[k] = Math.min(offsets[lineStart + k], limit);
        map[lineText.length] = Math.min(offsets[lineEnd - 1] + 1, limit);
        this.lines.push({ text: lineText, map, mdDepth: depth, wrappedAfter });
        wrappedAfter = lineText.trimEnd().slice(-1);
      }
      lineStart = next + 1;
    }
  }
}
