/**
 * The report model: the one reading of a draft. Residue, title, salutation, opening and closing
 * formulas, headings, tables of contents, enumerations and the signature are found here once; rules,
 * completion, outline, scope and the Word export all read this model and nothing else.
 */
import { parse as parseYaml } from 'yaml';
import { collectEnumerations, type EnumerationRun } from './enumerations';
import { decideGenre, type GenreSource } from './genre';
import { parseMarkdown, type HtmlComment, type Line, type ParsedMarkdown } from './markdown';
import { chineseToNumber } from './numerals';
import { type Ordinal, parseOrdinal, runInOrdinals, shiftOrdinal, skipBlank } from './ordinals';
import { countsFrom } from '../lexicon/units';
import { findProfile, matchSectionRoles, type Profile } from '../lexicon/profiles';
import { findPageSplits, isOfficialElement, outlineAboveTitle, repeatsTitle, sandwichedChrome, titleDecorationStart } from './chrome';
import { ABOVE_TITLE_REASON, COLLECTION_SUFFIX, findResidue, namesCollection, looksLikeSiteChrome, type Residue, wholeLineResidue } from './residue';

export type Level = 1 | 2 | 3 | 4 | 5;

/** What a line is to a reader. Headings and the opening paragraph are body lines; the model lists them apart. */
export type LineRole = 'residue' | 'title' | 'subtitle' | 'byline' | 'salutation' | 'toc' | 'body' | 'closing' | 'signature' | 'date' | 'footnote';

export interface Heading {
  lineIndex: number;
  level: Level;
  ordinal?: Ordinal;
  mdDepth: number;
  /** Text index in the line where the heading starts (after a title glued in front of it). */
  start: number;
  /** Heading text without the ordinal, up to the first sentence end. */
  title: string;
  /** Text index in the line where the heading text starts (after the ordinal). */
  titleStart: number;
  /** Text index where a run-in body starts (（一）完善制度。基础不牢……), or the line length. */
  bodyStart: number;
  parent?: Heading;
  children: Heading[];
}

export interface Title {
  text: string;
  /** Source lines the title is written on, in order. */
  lineIndexes: number[];
  /** Text index in the last title line where the title ends: a title glued to the body ends mid-line. */
  end: number;
  /** Text index in the first title line where the title starts: after a preview's page marker. */
  start: number;
}

export interface Signature {
  /** Name or post lines (right above the date), as typed. */
  name?: string;
  date?: string;
  nameLines: number[];
  dateLine?: number;
  source: 'body' | 'frontMatter';
}

export interface ReportModel {
  source: string;
  lines: Line[];
  roles: LineRole[];
  comments: HtmlComment[];
  starPlaceholders: ParsedMarkdown['starPlaceholders'];
  fenced: ParsedMarkdown['fenced'];
  unclosedComment?: number;
  /** Source offset of the first character of each source line. */
  lineStarts: number[];
  frontMatter: Record<string, unknown>;
  frontMatterRange?: { start: number; end: number; error?: string };
  residue: Residue[];
  title?: Title;
  /** First line of the title, if the title is written in the body. */
  titleLine?: number;
  subtitleLine?: number;
  salutationLine?: number;
  /** The 主送机关 (县委、县人民政府：), written like a salutation and laid out like one. */
  addresseeLine?: number;
  /** The line holding the opening formula (现将……报告如下), else the first body line before any heading. */
  openingLine?: number;
  closingLine?: number;
  /** First and last line of a table of contents. */
  toc?: { first: number; last: number };
  signature?: Signature;
  profile?: Profile;
  genreSource?: GenreSource;
  headings: Heading[];
  /** The heading on each line, if that line is one. */
  headingOfLine: Array<Heading | undefined>;
  /**
   * Ordinals of headings a page ran into a paragraph (……增长。1、大力发展……): their marks are read
   * as headings' marks; the outline stays with the headings that start a line.
   */
  runInOrdinals: Array<{ lineIndex: number; ordinal: Ordinal }>;
  enumerations: EnumerationRun[];
  /**
   * The draft has its ending: a closing formula, a signature, or the genre's last part. Until then
   * it is being written, and what comes later (a second item, a last part's text) is not missing yet.
   */
  ended: boolean;
  /** The title says the text is about reports (……述职报告怎么写, ……述职评议会议方案), not one. */
  aboutReports: boolean;
  /** Lines that begin with a preview's page marker: where the line's own text starts. */
  leadingChrome: Map<number, number>;
  /** True for a line that continues the paragraph of the line before (hard-wrapped Markdown). */
  continuesParagraph: boolean[];
  /** True for a body line laid out as a table's row (项目 资产总额 负债总额 备注): cells, not a sentence. */
  tabular: boolean[];
}

export interface ModelOptions {
  profiles: readonly Profile[];
  /** Genre chosen by configuration; front matter `profile:` wins over it. */
  profile?: string;
}

/** Where a heading's own sentence ends and a run-in body begins. */
const SENTENCE_END = /[。！？；!?;：:]/;
const TITLE_MAX_LENGTH = 60;
const CLAUSE_PUNCTUATION = /[。，；！？,;!?：:、]$/;
/** Words that end a report's title or make a line one: 述职报告, 工作总结, 对照检查材料, 发言提纲. */
const GENRE_NOUN = /报告|总结|述职|述廉|述责|述法|材料|提纲|发言|汇报|计划|谋划|剖析/;
const SALUTATION = /^(尊敬的|各位|同志们|亲爱的)[^。！？]{0,40}[：:]$/;
/** 同志们：大家好！ — a salutation that goes on with its greeting. */
const GREETING_AFTER = /[：:]\s*(?:大家|各位)?(?:好|上午好|下午好|晚上好)[！!。]?$/;
/** Who a report is addressed to ends in a body's or a person's name: 县委、县人民政府：, 主任、各位副主任、委员：. */
const ADDRESSED = /(?:委|政府|委员会|人大|政协|常委会|党组|党委|纪委|监委|局|办|办公室|部|厅|院|处|科|所|中心|支部|总支|集团|公司|学校|同志们|同志|领导|代表|委员|主任|书记|同事们|老师们|朋友们|大家)$/;
const PERSONS = /同志|领导|代表|老师|朋友|同事|大家|各位|尊敬|亲爱/;
/** 现将……报告如下, ……汇报如下：, and the form a speech takes: 做如下对照检查：, 作如下述职：. */
const OPENING_FORMULA = /现将.{0,80}?如下|(报告|述职|总结|汇报|剖析|检查)如下[：:。]?$|[作做]如下[^。！？]{0,12}(报告|述职|总结|汇报|剖析|检查)[：:。]?$/;
const CLOSING_FORMULA = /^(以上|上述).{0,40}(评议|审议|指正|批评|监督|帮助|报告完毕|述职完毕)|不妥之处.{0,16}(指正|批评)|^谢谢(大家)?[！!。]?$/;
const DATE_LINE = /^(?:(?:日期|时间)[:：]\s*)?[（(]?\s*(?:((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?|(?:19|20)\d{2}([./-])(?:0?[1-9]|1[0-2])\4(?:0?[1-9]|[12]\d|3[01]))\s*[)）]?$/;
const STAMP_DATE_LINE = /^(?:19|20)\d{2}-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])$/;
/** 述职人：张三 — a signature that names its field. */
const SIGNER_FIELD = /^(?:述职人|述责人|报告人|汇报人|发言人|署名|单位|述职单位|报告单位)\s*[:：]/;
const SIGNATURE_MAX_LENGTH = 30;
const SIGNATURE_MAX_LINES = 2;
/** Shorter lines with no punctuation are lines of their own, not part of a wrapped sentence. */
const WRAPPED_MIN_LENGTH = 60;
/** Lines looked at for the title, after residue. */
const TITLE_SEARCH_LINES = 6;
/** Lines under the title searched for copies of it, before the text begins. */
const REPEAT_SEARCH_LINES = 12;
const TOC_ENTRY = /^(.{1,60}?)([\s\u3000.．…·_\-—]*)(\d{1,3})$/;
const TOC_HEADER = /^目\s*录$/;
const TOC_ENTRY_MAX_LENGTH = 80;
/** A heading with its ordinal's dot missing (10企业……) continues a run of 1. 2. …; these after digits are quantities, not headings. */
const MISSING_DOT = /^\s*([0-9]{1,2})(?=[\u4e00-\u9fff])(?![年月日个名人次项件户家万亿元岁天号期批届级类份场支所座条篇处起])/;
/** A first-level heading that lost its 、 (四以建设平安社区为重点……): read as one only where it opens a （一）. */
const MISSING_COMMA = /^\s*([二三四五六七八九十]{1,3})(?=[\u4e00-\u9fff])(?![是])/;
/** A heading is one short sentence at most. */
const HEADING_MAX_LENGTH = 40;

export function buildModel(source: string, options: ModelOptions): ReportModel {
  const parsed = parseMarkdown(source);
  const lines = parsed.lines;
  const model: ReportModel = {
    source,
    lines,
    roles: new Array<LineRole>(lines.length).fill('body'),
    comments: parsed.comments,
    starPlaceholders: parsed.starPlaceholders,
    fenced: parsed.fenced,
    unclosedComment: parsed.unclosedComment,
    lineStarts: computeLineStarts(source),
    frontMatter: {},
    residue: findResidue(lines),
    headings: [],
    headingOfLine: new Array(lines.length),
    runInOrdinals: [],
    enumerations: [],
    continuesParagraph: new Array<boolean>(lines.length).fill(false),
    tabular: new Array<boolean>(lines.length).fill(false),
    ended: false,
    leadingChrome: new Map(),
    aboutReports: false,
  };
  if (parsed.frontMatter) readFrontMatter(model, parsed.frontMatter);
  for (const residue of model.residue) if (residue.whole) model.roles[residue.lineIndex] = 'residue';
  for (const split of findPageSplits(lines, model.roles)) {
    model.residue.push(split);
    model.leadingChrome.set(split.lineIndex, split.end);
  }
  lines.forEach((line, index) => {
    if (line.kind === 'footnote' && model.roles[index] === 'body') model.roles[index] = 'footnote';
  });

  findTitle(model);
  // A salutation can stand between a site's lines (a repeated title below it); it is the report's.
  for (const residue of sandwichedChrome(model)) if (!greeting(lines[residue.lineIndex].text.trim())) markResidue(model, residue.lineIndex, residue.reason);
  findTableOfContents(model);
  findSignature(model);
  findFormulas(model);
  collectHeadings(model);
  decideProfile(model, options);
  model.ended = hasEnding(model);
  markContinuations(model);
  lines.forEach((line, index) => {
    model.tabular[index] = model.roles[index] === 'body' && line.kind === 'paragraph' && !model.headingOfLine[index] && laidOutAsCells(line.text);
  });
  collectRunInOrdinals(model);
  model.enumerations = collectEnumerations(
    lines.map((line, index) => (model.roles[index] === 'body' || model.roles[index] === 'closing' ? line.text : undefined)),
    lines.map((_, index) => {
      const heading = model.headingOfLine[index];
      if (heading) return heading.bodyStart;
      return model.title && index === model.title.lineIndexes[model.title.lineIndexes.length - 1] ? model.title.end : 0;
    }),
    lines.map((_, index) => model.headingOfLine[index] !== undefined),
  );
  return model;
}

/** A table copied as text: cells of a few words each, in columns apart by spaces or tabs, and no sentence. */
const CELL_MAX_LENGTH = 12;
const MIN_CELLS = 3;

function laidOutAsCells(text: string): boolean {
  const trimmed = text.trim();
  if (/[，。；！？,;]/.test(trimmed) || parseOrdinal(trimmed)) return false;
  const cells = trimmed.split(/[ \t\u3000]+/);
  const enough = cells.length >= MIN_CELLS || (cells.length === 2 && trimmed.includes('\t'));
  return enough && cells.every((cell) => cell.length <= CELL_MAX_LENGTH) && cells.filter((cell) => /[\u4e00-\u9fff]/.test(cell)).length >= 2;
}

function readFrontMatter(model: ReportModel, block: { value: string; start: number; end: number }): void {
  model.frontMatterRange = { start: block.start, end: block.end };
  try {
    // YAML knows LF and CRLF only; a lone CR would run every key into the first.
    const data: unknown = parseYaml(block.value.replace(/\r\n?/g, '\n'));
    if (data && typeof data === 'object' && !Array.isArray(data)) model.frontMatter = data as Record<string, unknown>;
  } catch (error) {
    model.frontMatterRange.error = error instanceof Error ? error.message : String(error);
  }
}

/** A line that can be (part of) a title: a level-1 Markdown heading, or short, with no ordinal and no sentence punctuation. */
function titleLike(line: Line, start = 0): boolean {
  const text = line.text.slice(start).trim();
  if (/^[—–]/.test(text)) return false;
  if (line.mdDepth === 1) return true;
  return text.length > 0 && text.length <= TITLE_MAX_LENGTH && !CLAUSE_PUNCTUATION.test(text) && !/[。；！？]/.test(text)
    && !parseOrdinal(text) && !DATE_LINE.test(text) && line.kind !== 'tableRow';
}

function findTitle(model: ReportModel): void {
  const { lines, roles } = model;
  // A document preview's page marker before the text: the title, if any, follows it on the same line.
  const textStart = (index: number) => model.leadingChrome.get(index) ?? 0;
  const candidates: number[] = [];
  let from = 0;
  const outline = leadingOutline(model);
  if (outline) {
    for (const index of outline.block) markResidue(model, index, '标题之前列出的提纲（正文中又重复）');
    from = outline.titleLine;
  }
  for (let i = from; i < lines.length && candidates.length < TITLE_SEARCH_LINES; i++) {
    if (roles[i] === 'residue') continue;
    const text = lines[i].text.slice(textStart(i)).trim();
    if (greeting(text) || parseOrdinal(text) || (!titleLike(lines[i], textStart(i)) && candidates.length > 0)) break;
    candidates.push(i);
    if (!titleLike(lines[i], textStart(i))) break;
  }
  if (candidates.length === 0) return;

  // The first line that names a genre is the title; whatever stands above it is the page's.
  let chosen = candidates.find((index) => titleLike(lines[index], textStart(index)) && GENRE_NOUN.test(lines[index].text));
  if (chosen === undefined) {
    const first = candidates[0];
    if (titleLike(lines[first], textStart(first))) chosen = first;
    else {
      const start = textStart(first);
      const glued = gluedTitleEnd(lines[first].text.slice(start));
      if (glued !== undefined) setTitle(model, [first], start + glued, start);
      return;
    }
  }
  // A title line that runs into the first heading: ……工作总结及2025年工作谋划一、工作开展情况.
  const gluedHeading = gluedOrdinalAt(lines[chosen].text);
  if (gluedHeading !== undefined) {
    markAboveTitle(model, candidates, chosen);
    setTitle(model, [chosen], gluedHeading);
    return;
  }
  const titleLines = [chosen];
  // A title written over two or three lines: 关于XX县2024年度 / 法治政府建设情况的报告.
  for (let above = candidates.indexOf(chosen) - 1; above >= 0; above--) {
    const index = candidates[above];
    if (index !== titleLines[0] - 1 || !titleRow(lines[index], lines[chosen]) || titleLines.length >= 3) break;
    if (lines[index].mdDepth !== lines[chosen].mdDepth) break;
    titleLines.unshift(index);
  }
  for (let below = chosen + 1; below < lines.length && titleLines.length < 3; below++) {
    const last = lines[titleLines[titleLines.length - 1]].text;
    // A line that ends in its genre noun, or in a site's decoration after it (……工作总结 篇1), is a whole title.
    if (roles[below] === 'residue' || GENRE_NOUN.test(last.slice(-4)) || titleDecorationStart(last) !== undefined || !titleLike(lines[below])) break;
    if (!GENRE_NOUN.test(lines[below].text) || lines[below].mdDepth !== lines[chosen].mdDepth) break;
    titleLines.push(below);
  }
  markAboveTitle(model, candidates, titleLines[0]);
  const lastLine = titleLines[titleLines.length - 1];
  const decoration = titleDecorationStart(lines[lastLine].text);
  if (decoration !== undefined) {
    model.residue.push({ lineIndex: lastLine, start: decoration, end: lines[lastLine].text.trimEnd().length, whole: false, reason: '网站加在标题后的标注（范文、例文、篇数、页码）' });
  }
  setTitle(model, titleLines, decoration ?? lines[lastLine].text.trimEnd().length);
  markRepeatedTitles(model, lastLine + 1);

  let next = lastLine + 1;
  // A site's publish date under the title (2024-04-19); a writer dates a report 2024年4月19日, at its end.
  while (next < lines.length && (roles[next] === 'residue' || STAMP_DATE_LINE.test(lines[next].text.trim()))) {
    markResidue(model, next, '网页的发布日期');
    next++;
  }
  if (next < lines.length && /^[—–]{1,2}/.test(lines[next].text.trim())) {
    model.subtitleLine = next;
    roles[next] = 'subtitle';
    next++;
  }
  // A name or date line under the title: XX县委书记　张三, （2024年12月20日）.
  while (next < lines.length && isByline(lines[next])) {
    roles[next] = 'byline';
    next++;
  }
}

function leadOf(line: Line): number {
  return line.text.length - line.text.trimStart().length;
}

function markResidue(model: ReportModel, index: number, reason: string): void {
  if (model.roles[index] === 'residue') return;
  model.residue.push(wholeLineResidue(model.lines[index], index, reason));
  model.roles[index] = 'residue';
}

/** Lines above the title are the page's (site header, greeting, copy button), except a 公文's own elements. */
function markAboveTitle(model: ReportModel, candidates: readonly number[], titleLine: number): void {
  for (const index of candidates) {
    if (index >= titleLine) break;
    if (!isOfficialElement(model.lines[index].text)) markResidue(model, index, ABOVE_TITLE_REASON);
  }
}

/** The upper row of a title written over two lines: a title's own words, as long as a row is. */
function titleRow(upper: Line, lower: Line): boolean {
  const text = upper.text.trim();
  // Spaces around numbers come with text taken from a PDF or Word (班子 2025 年度); spaces between words mark a site's line.
  const words = text.replace(/[ \u3000]*([0-9A-Za-z]+)[ \u3000]*/g, '$1');
  return titleLike(upper) && !looksLikeSiteChrome(text) && !/\S[ \u3000]+\S/.test(words) && text.length >= Math.min(8, lower.text.trim().length / 2);
}

/** An outline printed at the very top, before the title it belongs to. */
function leadingOutline(model: ReportModel): { block: number[]; titleLine: number } | undefined {
  const { lines, roles } = model;
  let index = 0;
  while (index < lines.length && (roles[index] === 'residue' || (parseOrdinal(lines[index].text.trim()) && titleLike(lines[index], parseOrdinal(lines[index].text.trim())!.end + leadOf(lines[index]))))) index++;
  if (index >= lines.length || !titleLike(lines[index]) || !GENRE_NOUN.test(lines[index].text)) return undefined;
  const block = outlineAboveTitle(lines, roles, index);
  return block.length > 0 ? { block, titleLine: index } : undefined;
}

/** Copies of the title under it (a site prints the title again, or after a 第N篇 label), before the text begins. */
function markRepeatedTitles(model: ReportModel, from: number): void {
  const { lines, roles, title } = model;
  if (!title) return;
  for (let index = from; index < lines.length && index < from + REPEAT_SEARCH_LINES; index++) {
    const text = lines[index].text.trim();
    if (roles[index] === 'body' && repeatsTitle(text, title.text)) markResidue(model, index, '重复的标题');
    else if (roles[index] === 'body' && text.length > 40 && /[。；！？]/.test(text)) return;
  }
}

function isByline(line: Line): boolean {
  const text = line.text.trim();
  if (line.mdDepth > 0 || text.length > SIGNATURE_MAX_LENGTH || /[。，；！？：:]/.test(text) || parseOrdinal(text)) return false;
  return /^[（(].{0,12}\d{4}\s*年.{0,10}[)）]$/.test(text) || /^\S{2,20}[ \u3000]+\S{2,4}$/.test(text);
}

/** What only continues a sentence: a copula or an adverb of frequency, never the start of a report's text. */
const COPULA_START = /^(?:是|指|即|就是|一般|通常|普遍|往往|包括|分为|可分为)/;

/** Where a title run together with the body ends: before the first heading ordinal, or after the genre noun. */
function gluedTitleEnd(text: string): number | undefined {
  const atOrdinal = gluedOrdinalAt(text);
  if (atOrdinal !== undefined) return atOrdinal;
  const window = text.slice(0, 100);
  // Half-width marks too: text that went through a converter or an editor set to half-width keeps them.
  const firstMark = window.search(/[，。；：！？,;:!?]/);
  const head = firstMark === -1 ? window : window.slice(0, firstMark);
  let end = -1;
  for (const match of head.matchAll(/(报告|总结|材料|提纲|述职)/g)) {
    end = match.index + match[0].length;
    if (!COPULA_START.test(head.slice(end))) continue;
    // 述职报告是指……: a definition, not a title; no report's first sentence starts with a copula.
    // ……述职报告述职报告就是……: a title, then a text that opens with the same words.
    const repeated = /(\S{2,6})\1$/.exec(head.slice(0, end));
    if (!repeated) return undefined;
    end -= repeated[1].length;
    break;
  }
  // 现将……报告如下 names the genre inside the opening sentence; it is no title.
  const formula = OPENING_FORMULA.exec(text);
  if (formula && formula.index < end) return undefined;
  // The same when no copula follows: ……述职报告述职报告一年来…….
  const doubled = /(\S{2,6})\1$/.exec(text.slice(0, end));
  if (doubled) end -= doubled[1].length;
  if (end > 0 && end < text.length && plausibleTitle(text.slice(0, end))) return end;
  return undefined;
}

/** The first 一、 or （一） within the first 100 characters, after a plausible title. */
function gluedOrdinalAt(text: string): number | undefined {
  const window = text.slice(0, 100);
  for (let at = window.search(/[一（(]/); at > 0; at = nextIndex(window, /[一（(]/, at + 1)) {
    const ordinal = parseOrdinal(text.slice(at));
    if (ordinal && ordinal.value === 1 && ordinal.level <= 2 && plausibleTitle(text.slice(0, at))) return at;
  }
  return undefined;
}

function nextIndex(text: string, pattern: RegExp, from: number): number {
  const found = text.slice(from).search(pattern);
  return found === -1 ? -1 : from + found;
}

function plausibleTitle(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= 4 && trimmed.length <= 80 && !/[。；！？，：,;:!?]/.test(trimmed) && GENRE_NOUN.test(trimmed);
}

function setTitle(model: ReportModel, lineIndexes: number[], end: number, start = 0): void {
  const last = lineIndexes[lineIndexes.length - 1];
  const text = lineIndexes.map((index, at) => model.lines[index].text.slice(at === 0 ? start : 0, index === last ? end : undefined).trim()).join('');
  model.title = { text, lineIndexes, end, start };
  model.titleLine = lineIndexes[0];
  for (const index of lineIndexes) model.roles[index] = 'title';
}

/** Lines ending in page numbers: after 目录, with dot leaders, or three in a row with rising numbers. */
function findTableOfContents(model: ReportModel): void {
  const { lines, roles } = model;
  const entry = (index: number) => {
    const text = lines[index].text.trim();
    if (roles[index] !== 'body' || text.length > TOC_ENTRY_MAX_LENGTH || !/[0-9]$/.test(text)) return undefined;
    const match = TOC_ENTRY.exec(text);
    if (!match || /[0-9０-９%％]$/.test(match[1]) || /[。；！？]/.test(match[1])) return undefined;
    return { page: Number(match[3]), leader: match[2].replace(/[\s\u3000]/g, '').length >= 2 || match[2].includes('\t') };
  };
  for (let i = 0; i < lines.length; ) {
    const header = roles[i] === 'body' && TOC_HEADER.test(lines[i].text.trim());
    let last = i - (header ? 0 : 1);
    let pages = 0;
    let leaders = false;
    for (let j = header ? i + 1 : i; j < lines.length; j++) {
      const found = entry(j);
      if (!found || found.page < pages) break;
      pages = found.page;
      leaders ||= found.leader;
      last = j;
    }
    const count = last - i + (header ? 0 : 1);
    if (header ? count > 0 : count >= 3 || (count >= 1 && leaders)) {
      model.toc = { first: i, last };
      for (let k = i; k <= last; k++) roles[k] = 'toc';
      return;
    }
    // Lines of a run too short to be a table of contents cannot start a longer one.
    i = Math.max(i + 1, last + 1);
  }
}

/** A date line at the end, and the name or post lines right above it. */
function findSignature(model: ReportModel): void {
  const { lines, roles } = model;
  let index = lines.length - 1;
  // Footnote texts ([^1]: ……) are written at the very end, after the signature.
  while (index >= 0 && (roles[index] === 'residue' || roles[index] === 'footnote')) index--;
  // A report ends with its date: short lines after it (扫一扫…, 打印本页) are the page's.
  const dated = trailingDate(model, index);
  if (dated !== undefined) {
    for (let after = dated + 1; after <= index; after++) {
      if (roles[after] === 'body' && !isOfficialElement(lines[after].text)) markResidue(model, after, '报告落款之后的网页内容');
    }
    index = dated;
  }
  if (index >= 0 && roles[index] === 'body' && DATE_LINE.test(lines[index].text.trim())) {
    const signature: Signature = { nameLines: [], dateLine: index, date: lines[index].text.trim(), source: 'body' };
    roles[index] = 'date';
    for (let above = index - 1; above >= 0 && signature.nameLines.length < SIGNATURE_MAX_LINES; above--) {
      const text = lines[above].text.trim();
      // Posts joined by 、 (县委副书记、县长　某某) and 述职人：某某 are signatures; a clause is not.
      const field = SIGNER_FIELD.test(text);
      if (roles[above] !== 'body' || lines[above].mdDepth > 0 || text.length > SIGNATURE_MAX_LENGTH || /[。，；！？]/.test(text)
        || (!field && /[：:]/.test(text)) || parseOrdinal(text) || CLOSING_FORMULA.test(text)) break;
      signature.nameLines.unshift(above);
    }
    for (const line of signature.nameLines) roles[line] = 'signature';
    if (signature.nameLines.length > 0) signature.name = signature.nameLines.map((line) => lines[line].text.trim()).join('\n');
    model.signature = signature;
    return;
  }
  const author = model.frontMatter.author;
  const date = model.frontMatter.date;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const dateText = date instanceof Date ? date.toISOString().slice(0, 10) : text(date);
  if (text(author) || dateText) model.signature = { name: text(author), date: dateText, nameLines: [], source: 'frontMatter' };
}

/**
 * A line naming whom the report goes to, ending in `：`: the 主送机关 (县委、县人民政府：) or a
 * salutation (尊敬的各位领导：, 主任、各位副主任、委员：, 同志们：大家好！).
 */
export function greeting(text: string): 'addressee' | 'salutation' | undefined {
  if (SALUTATION.test(text)) return 'salutation';
  const greeted = GREETING_AFTER.exec(text);
  const head = (greeted ? text.slice(0, greeted.index) : text.replace(/[：:]$/, '')).trim();
  if (head === text || head.length === 0 || head.length > 40 || /[。！？；;]/.test(head) || parseOrdinal(head)) return undefined;
  const names = head.split(/[、，,和及]/);
  if (!names.every((name) => name.trim().length > 0 && ADDRESSED.test(name.trim()))) return undefined;
  return PERSONS.test(head) || greeted ? 'salutation' : 'addressee';
}

/** Lines after a report's date that may still be the page's. */
const AFTER_DATE_LINES = 3;

/** The date line among the last few lines, when only short unpunctuated lines follow it. */
function trailingDate(model: ReportModel, last: number): number | undefined {
  const { lines, roles } = model;
  for (let index = last; index >= 0 && index >= last - AFTER_DATE_LINES; index--) {
    const text = lines[index].text.trim();
    if (roles[index] === 'body' && DATE_LINE.test(text)) return index < last ? index : undefined;
    if (roles[index] === 'footnote' || lines[index].mdDepth > 0 || text.length > 20 || /[。，；！？：:]/.test(text) || parseOrdinal(text)) return undefined;
  }
  return undefined;
}

function findFormulas(model: ReportModel): void {
  const { lines, roles } = model;
  let firstBody: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'body') continue;
    const text = lines[i].text.trim();
    const greets = firstBody === undefined && model.salutationLine === undefined ? greeting(text) : undefined;
    if (greets === 'addressee' && model.addresseeLine === undefined) {
      model.addresseeLine = i;
      roles[i] = 'salutation';
      continue;
    }
    if (greets) {
      model.salutationLine = i;
      roles[i] = 'salutation';
      continue;
    }
    if (parseOrdinal(text) || lines[i].mdDepth > 0) break;
    firstBody ??= i;
    if (OPENING_FORMULA.test(text)) {
      model.openingLine = i;
      break;
    }
  }
  model.openingLine ??= firstBody;
  for (let i = lines.length - 1, seen = 0; i >= 0 && seen < 4; i--) {
    if (roles[i] !== 'body') continue;
    seen++;
    if (CLOSING_FORMULA.test(lines[i].text.trim()) && !parseOrdinal(lines[i].text)) {
      model.closingLine = i;
      roles[i] = 'closing';
      return;
    }
  }
}

function collectHeadings(model: ReportModel): void {
  const pending: Array<{ lineIndex: number; ordinal?: Ordinal; mdDepth: number; start: number }> = [];
  const lastTitleLine = model.title?.lineIndexes[model.title.lineIndexes.length - 1];
  let listItem: Ordinal | undefined;
  model.lines.forEach((line, lineIndex) => {
    // A title glued to the body (……工作总结一、工作开展情况……) leaves its heading on the title's line.
    const glued = lineIndex === lastTitleLine && model.title!.end < line.text.trimEnd().length;
    if (model.roles[lineIndex] !== 'body' && !glued) return;
    // After a preview's page marker the line goes on with the sentence the page cut.
    if (model.leadingChrome.has(lineIndex)) return;
    const start = glued ? model.title!.end : 0;
    const found = parseOrdinal(line.text.slice(start));
    const ordinal = found && start > 0 ? shiftOrdinal(found, start) : found;
    // The next item of a list is a list item too, however short.
    if (ordinal && line.mdDepth === 0 && (listInParagraph(line.text, ordinal) || (listItem?.level === ordinal.level && listItem.value === ordinal.value - 1))) {
      listItem = ordinal;
      return;
    }
    if (ordinal || (line.mdDepth > 0 && !glued)) pending.push({ lineIndex, ordinal, mdDepth: line.mdDepth, start });
    else if (!glued) {
      const missingDot = MISSING_DOT.exec(line.text);
      const previous = pending[pending.length - 1]?.ordinal;
      if (missingDot && previous?.level === 3 && previous.value === Number(missingDot[1]) - 1) {
        pending.push({ lineIndex, ordinal: ordinalWithoutDot(missingDot), mdDepth: 0, start: 0 });
      }
      const withoutComma = missingDot ? undefined : firstLevelWithoutComma(model, lineIndex, pending);
      if (withoutComma) pending.push({ lineIndex, ordinal: withoutComma, mdDepth: 0, start: 0 });
    }
  });

  const depthOfLevel1 = levelOneDepth(model, pending);
  // A site's stamp after a heading (一、主要做法 某文汇 www.…) is no part of its title.
  const residueStart = new Map<number, number>();
  for (const residue of model.residue) {
    if (!residue.whole) residueStart.set(residue.lineIndex, Math.min(residue.start, residueStart.get(residue.lineIndex) ?? Infinity));
  }
  const stack: Heading[] = [];
  for (const { lineIndex, ordinal, mdDepth, start } of pending) {
    const text = model.lines[lineIndex].text;
    const level = ordinal ? ordinal.level : (Math.min(5, Math.max(1, mdDepth - depthOfLevel1 + 1)) as Level);
    const titleStart = ordinal ? skipBlank(text, ordinal.end) : skipBlank(text, start);
    const sentenceEnd = text.slice(titleStart).search(SENTENCE_END);
    const stampAt = residueStart.get(lineIndex) ?? Infinity;
    const titleEnd = Math.min(sentenceEnd === -1 ? text.length : titleStart + sentenceEnd, stampAt > titleStart ? stampAt : Infinity);
    const bodyStart = sentenceEnd === -1 ? text.length : skipBlank(text, titleEnd + 1);
    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    const heading: Heading = {
      lineIndex, level, ordinal, mdDepth, start,
      title: text.slice(titleStart, titleEnd).trim(),
      titleStart,
      bodyStart,
      children: [],
      parent: stack[stack.length - 1],
    };
    heading.parent?.children.push(heading);
    stack.push(heading);
    model.headings.push(heading);
    model.headingOfLine[lineIndex] = heading;
  }
}

function collectRunInOrdinals(model: ReportModel): void {
  const lastTitleLine = model.title?.lineIndexes[model.title.lineIndexes.length - 1];
  model.lines.forEach((line, lineIndex) => {
    const glued = lineIndex === lastTitleLine && model.title!.end < line.text.trimEnd().length;
    if ((model.roles[lineIndex] !== 'body' && !glued) || line.kind === 'tableRow' || line.kind === 'code' || model.tabular[lineIndex]) return;
    const heading = model.headingOfLine[lineIndex];
    const from = heading ? heading.titleStart : glued ? model.title!.end : (model.leadingChrome.get(lineIndex) ?? 0);
    // A numbered paragraph that is no heading (一、……。  1 经济……) still opens the outline run into it.
    const level = heading?.level ?? (glued ? undefined : parseOrdinal(line.text.slice(from))?.level);
    for (const ordinal of runInOrdinals(line.text, from, level)) model.runInOrdinals.push({ lineIndex, ordinal });
  });
}

/** A numbered item that is a whole sentence of some length is a list item, not a heading. */
const LIST_ITEM_SENTENCE_LENGTH = 40;

/**
 * A paragraph that holds a list (一、……；二、……；三、……), a numbered item ending in a semicolon, or
 * one written as a full, long sentence: body text, not a heading.
 */
function listInParagraph(text: string, ordinal: Ordinal): boolean {
  const rest = text.slice(ordinal.end);
  // An item that ends in a semicolon is one of a list's items (（一）坚持……；): no heading ends so.
  if (/[；;]\s*$/.test(rest)) return true;
  for (let at = rest.search(/[；;。]/); at !== -1; at = nextIndex(rest, /[；;。]/, at + 1)) {
    const next = parseOrdinal(rest.slice(at + 1).trimStart());
    if (next && next.level === ordinal.level && next.value === ordinal.value + 1) return true;
  }
  const sentenceEnd = rest.search(/[。！？；：:]/);
  const sentence = sentenceEnd === -1 ? '' : rest.slice(0, sentenceEnd);
  return rest[sentenceEnd] === '。' && sentence.length >= LIST_ITEM_SENTENCE_LENGTH && /[，,]/.test(sentence);
}

/**
 * 四以建设平安社区为重点，社区治理稳步提升。⏎（一）……: a short line that starts with the next
 * first-level number, not a word (四个, 三年, 四是), and opens a （一）, is that heading without its 、.
 * It must follow 三、, or, where no first-level heading came before (an excerpt), second-level ones.
 */
function firstLevelWithoutComma(model: ReportModel, lineIndex: number, pending: ReadonlyArray<{ ordinal?: Ordinal }>): Ordinal | undefined {
  const text = model.lines[lineIndex].text;
  const match = MISSING_COMMA.exec(text);
  if (!match || countsFrom(text, match[0].length) || text.trim().length > HEADING_MAX_LENGTH || /[。！？；]./.test(text.trim())) return undefined;
  const value = chineseToNumber(match[1]);
  let next = lineIndex + 1;
  while (next < model.lines.length && model.lines[next].text.trim() === '') next++;
  const opened = next < model.lines.length && model.roles[next] === 'body' ? parseOrdinal(model.lines[next].text) : undefined;
  if (!value || opened?.level !== 2 || opened.value !== 1) return undefined;
  const firstLevels = pending.filter((entry) => entry.ordinal?.level === 1);
  const fits = firstLevels.length > 0
    ? firstLevels[firstLevels.length - 1].ordinal!.value === value - 1
    : pending.some((entry) => entry.ordinal?.level === 2);
  if (!fits) return undefined;
  const lead = match[0].length - match[1].length;
  return { level: 1, value, kind: 'chinese', start: lead, end: match[0].length, numberStart: lead, numberEnd: match[0].length, written: match[1], canonical: `${match[1]}、` };
}

function ordinalWithoutDot(match: RegExpExecArray): Ordinal {
  const lead = match[0].length - match[1].length;
  const end = match[0].length;
  return { level: 3, value: Number(match[1]), kind: 'arabic', start: lead, end, numberStart: lead, numberEnd: end, written: match[1], canonical: `${match[1]}.` };
}

/** The Markdown depth that stands for level 1, so headings written without an ordinal get a level. */
function levelOneDepth(model: ReportModel, pending: Array<{ ordinal?: Ordinal; mdDepth: number }>): number {
  const withOrdinal = pending.find((entry) => entry.mdDepth > 0 && entry.ordinal);
  if (withOrdinal) return withOrdinal.mdDepth - withOrdinal.ordinal!.level + 1;
  const titleIsHeading = model.titleLine !== undefined && model.lines[model.titleLine].mdDepth > 0;
  const depths = pending.filter((entry) => entry.mdDepth > 0).map((entry) => entry.mdDepth);
  if (depths.length === 0) return titleIsHeading ? 2 : 1;
  return Math.max(Math.min(...depths), titleIsHeading ? 2 : 1);
}

/** A guide, plan or notice whose title names a genre: 述职报告怎么写, 年度述职评议工作方案. */
const ABOUT_REPORTS = /(?:怎么写|如何写|写法|写作|技巧|要点|格式|注意事项|指南|方案|通知|安排|流程|议程)$/;

function decideProfile(model: ReportModel, options: ModelOptions): void {
  model.aboutReports = model.title !== undefined && GENRE_NOUN.test(model.title.text) && ABOUT_REPORTS.test(model.title.text.replace(/[（(【\[][^）)】\]]*[）)】\]]$/, ''));
  const chosen = typeof model.frontMatter.profile === 'string' ? model.frontMatter.profile : options.profile;
  if (model.aboutReports && !chosen) return;
  if (chosen) {
    model.profile = findProfile(chosen, options.profiles);
    model.genreSource = typeof model.frontMatter.profile === 'string' ? 'frontMatter' : 'config';
    return;
  }
  const frontMatterTitle = typeof model.frontMatter.title === 'string' ? model.frontMatter.title : '';
  // Without a title of its own, a collection's title names the genre of the texts under it.
  const collection = model.title ? undefined : model.residue.find((residue) => residue.whole && namesCollection(model.lines[residue.lineIndex].text.trim()));
  const titleText = model.title?.text ?? (collection ? model.lines[collection.lineIndex].text.trim().replace(COLLECTION_SUFFIX, '') : '');
  const decision = decideGenre({
    title: `${frontMatterTitle} ${titleText}`.trim(),
    opening: openingEvidence(model),
    closing: model.closingLine !== undefined ? model.lines[model.closingLine].text : undefined,
    headingTitles: model.headings.filter((heading) => heading.level === 1).map((heading) => heading.title),
  }, options.profiles);
  model.profile = decision.profile;
  model.genreSource = decision.source;
}

/**
 * The opening that may name the genre: the line with the opening formula, or, in a speech (a
 * salutation first), the first paragraph after it — 回顾一年来的履职情况 says what is being given.
 */
function openingEvidence(model: ReportModel): string | undefined {
  if (model.openingLine === undefined) return undefined;
  const text = model.lines[model.openingLine].text;
  return OPENING_FORMULA.test(text) || (model.salutationLine !== undefined && model.openingLine > model.salutationLine) ? text : undefined;
}

function hasEnding(model: ReportModel): boolean {
  if (model.closingLine !== undefined || model.signature?.source === 'body') return true;
  const lastPart = model.profile?.sections[model.profile.sections.length - 1];
  const topHeadings = model.headings.filter((heading) => heading.level === 1);
  const last = topHeadings[topHeadings.length - 1];
  return lastPart !== undefined && last !== undefined && matchSectionRoles(last.title, model.profile!).some((spec) => spec.id === lastPart.id);
}

/** Hard-wrapped Markdown: a body line that ends mid-sentence and the next line of its paragraph are one paragraph. */
function markContinuations(model: ReportModel): void {
  const { lines, roles } = model;
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1];
    if (roles[i] !== 'body' || roles[i - 1] !== 'body' || previous.block !== lines[i].block || previous.kind === 'tableRow') continue;
    if (model.headingOfLine[i] || model.headingOfLine[i - 1]) continue;
    const text = previous.text.trim();
    // A short line with no punctuation at all is a line of its own (a heading without a number, a second title), not a wrapped sentence.
    if (text.length <= WRAPPED_MIN_LENGTH && !/[，、；：,;:]/.test(text)) continue;
    if (!/[。！？；：…”’」』）)!?;:]$/.test(text)) model.continuesParagraph[i] = true;
  }
}

/** A line as the text reads on: after a preview's page marker it goes on from the line before (45000⏎3、余元). */
export function lineAsRead(model: ReportModel, index: number): Line {
  const line = model.lines[index];
  const start = model.leadingChrome.get(index);
  if (start === undefined) return line;
  return { ...line, text: line.text.slice(start), map: line.map.subarray(start), wrappedAfter: model.lines[index - 1]?.text.trimEnd().slice(-1) ?? '' };
}

/** Where each source line starts, after LF, CRLF or a lone CR, as editors count lines. */
export function computeLineStarts(source: string): number[] {
  const starts = [0];
  if (!source.includes('\r')) {
    // LF only, as most drafts are: found without a match object per line.
    for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (const ending of source.matchAll(/\r\n?|\n/g)) starts.push(ending.index + ending[0].length);
  return starts;
}

/** 0-based source line of an offset. */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
