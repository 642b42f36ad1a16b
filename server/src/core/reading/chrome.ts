/**
 * Page chrome found by where a line stands (domain reference §5): the report runs from its title (or
 * its salutation or first paragraph) to its signature; what a site printed around that, and the
 * markers a document preview cut into it, are not report text whatever their words.
 */
import type { Line } from './markdown';
import type { LineRole, ReportModel } from './model';
import { parseOrdinal } from './ordinals';
import { type Residue, wholeLineResidue } from './residue';

/** Elements of a real 公文 that stand above its title (GB/T 9704 §7.2): never chrome. */
const OFFICIAL_ELEMENT = /^(?:附件\s*[0-9一二三四五六七八九十]*[:：]?|[0-9]{6}|(?:绝密|机密|秘密)(?:[★☆].*)?|特急|加急|[\u4e00-\u9fff]{1,12}[〔[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号)$/;
const SENTENCE_MARK = /[。！？；，]/;
/** A site's decoration after a title: 例文, 范文, 篇1, （9）, 【经典3篇】, （精选5篇）, 锦集6篇. */
const TITLE_DECORATION = /(?:[（(【\[]\s*(?:精选|经典|通用|优秀|热门|最新|必备)?\s*[0-9一二三四五六七八九十]*\s*篇?\s*[)）】\]]|[（(【\[]\s*篇\s*[0-9一二三四五六七八九十]{1,2}\s*[)）】\]]|(?:范文|例文|模板|样本|锦集|合集|大全|精选)(?:[0-9一二三四五六七八九十]+篇)?|篇\s*[0-9一二三四五六七八九十]{1,2}|[（(【]?(?:word|Word|WORD|docx?)版?[)）】]?)$/;
const GENRE_BEFORE_DECORATION = /(?:报告|总结|材料|提纲|发言|述职|述廉|述责|述法|汇报|剖析|计划|谋划|打算|思路)$/;
/** A page of a document preview is this long at least; a list item after a short line is a list item. */
const PREVIEW_PAGE_MIN_LENGTH = 100;
const SPLIT_MARKER = /^([ \t\u3000]*)([0-9]{1,3})、/;
const OPEN_SENTENCE = /[\u4e00-\u9fffA-Za-z0-9０-９%％]$/;
const SANDWICH_MAX_LENGTH = 15;

export function isOfficialElement(text: string): boolean {
  return OFFICIAL_ELEMENT.test(text.trim());
}

/** Where a site's decoration starts at the end of a title line, if it has one. */
export function titleDecorationStart(text: string): number | undefined {
  let before = text.trimEnd();
  // Decorations come stacked (述职报告范文 篇一): strip them one by one.
  for (let match = TITLE_DECORATION.exec(before); match && match.index > 0; match = TITLE_DECORATION.exec(before)) {
    if (/^[（(【\[]/.test(match[0]) && !/篇|[0-9一二三四五六七八九十]|word|doc/i.test(match[0])) break;
    before = before.slice(0, match.index).trimEnd();
  }
  // 述职报告（讨论稿） keeps its note; only a decoration after the genre noun goes.
  if (before.length === text.trimEnd().length || !GENRE_BEFORE_DECORATION.test(before)) return undefined;
  return before.length;
}

/**
 * `N、` where a document preview began a page: it cuts a sentence or a number in two, so the line
 * before a marker ends mid-sentence and is a page long, or the marker is followed by punctuation.
 * The first marker of such a run stands on the first line.
 */
export function findPageSplits(lines: readonly Line[], roles: readonly LineRole[]): Residue[] {
  const found: Residue[] = [];
  const splitAt = new Map<number, number>();
  for (let index = 0; index < lines.length; index++) {
    const match = SPLIT_MARKER.exec(lines[index].text);
    if (!match || roles[index] === 'residue') continue;
    const rest = lines[index].text.slice(match[0].length);
    const previous = lines[index - 1]?.text.trimEnd() ?? '';
    const cutsText = /^[，。、；：,.;:%％]/.test(rest);
    // A list starts at 1; a preview's later pages start at 2, 3, … after a page that stops mid-sentence.
    const cutsSentence = Number(match[2]) >= 2 && previous.length >= PREVIEW_PAGE_MIN_LENGTH && OPEN_SENTENCE.test(previous);
    if (cutsText || cutsSentence) splitAt.set(index, Number(match[2]));
  }
  for (const [index, value] of [...splitAt]) {
    // The run's first marker: 1、 on the draft's first line, the next page starting with 2、.
    if (value === 2 && index === 1 && SPLIT_MARKER.exec(lines[0].text)?.[2] === '1') splitAt.set(0, 1);
  }
  for (const index of [...splitAt.keys()].sort((a, b) => a - b)) {
    const match = SPLIT_MARKER.exec(lines[index].text)!;
    let end = match[0].length;
    // An advertising label glued to the marker: 1、-精品合同推荐-
    const label = /^\s*[-—]{1,2}[^-—\s]{2,12}[-—]{1,2}\s*/.exec(lines[index].text.slice(end));
    if (label) end += label[0].length;
    found.push({ lineIndex: index, start: match[1].length, end, whole: false, reason: '文档预览的分页标记（把句子或数字断开的“N、”）' });
  }
  return found;
}

/**
 * Headings printed above the title as an outline (a generated table of contents without page
 * numbers): a block of short numbered lines right above the title, whose headings recur below it.
 */
export function outlineAboveTitle(lines: readonly Line[], roles: readonly LineRole[], titleLine: number): number[] {
  const block: number[] = [];
  for (let index = titleLine - 1; index >= 0; index--) {
    if (roles[index] === 'residue') continue;
    const text = lines[index].text.trim();
    const ordinal = parseOrdinal(text);
    if (!ordinal || text.length > 40 || SENTENCE_MARK.test(text)) break;
    block.unshift(index);
  }
  if (block.length < 2) return [];
  const below = new Set<string>();
  for (let index = titleLine + 1; index < lines.length; index++) {
    const ordinal = parseOrdinal(lines[index].text);
    if (ordinal) below.add(headingKey(lines[index].text.slice(ordinal.end)));
  }
  const recurs = block.some((index) => {
    const text = lines[index].text;
    const key = headingKey(text.slice(parseOrdinal(text)!.end));
    return key.length >= 2 && [...below].some((heading) => heading.startsWith(key));
  });
  return recurs ? block : [];
}

function headingKey(text: string): string {
  return text.replace(/[\s\u3000]/g, '');
}

/** A second copy of the title, as sites print it above the text or after a 第N篇 label. */
export function repeatsTitle(text: string, title: string): boolean {
  const key = headingKey(text);
  return key.length >= 4 && key === headingKey(title);
}

/**
 * A short line between two chrome lines is part of the same page furniture (栏目, 正文复制): nothing
 * of a report stands alone between two site lines.
 */
export function sandwichedChrome(model: ReportModel): Residue[] {
  const { lines, roles } = model;
  const found: Residue[] = [];
  for (let index = 1; index < lines.length - 1; index++) {
    if (roles[index] !== 'body' || roles[index - 1] !== 'residue' || roles[index + 1] !== 'residue') continue;
    const text = lines[index].text.trim();
    if (text.length > SANDWICH_MAX_LENGTH || SENTENCE_MARK.test(text) || parseOrdinal(text) || isOfficialElement(text)) continue;
    found.push(wholeLineResidue(lines[index], index, '夹在网页内容之间的短行'));
  }
  return found;
}
