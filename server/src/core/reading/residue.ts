/** Leftovers of download sites and text generators: whole lines and spans inside lines (domain reference §5). */
import data from '../../data/residue.json';
import type { Line } from './markdown';
import { hintOf } from './patternHint';

export interface Residue {
  lineIndex: number;
  /** Text indexes in the line; a whole line spans its trimmed text. */
  start: number;
  end: number;
  whole: boolean;
  /** Why it is residue, in Chinese. */
  reason: string;
}

interface Pattern {
  regex: RegExp;
  /** Finds a word every match needs (patternHint): a line without one is not tried. */
  hint?: RegExp;
  whole: boolean;
  maxLength: number;
  reason: string;
}

const DEFAULT_MAX_LENGTH = 80;
const PATTERNS: Pattern[] = data.patterns.map((entry: { pattern: string; scope: string; maxLength?: number; reason: string }) => ({
  regex: new RegExp(entry.pattern, entry.scope === 'span' ? 'g' : ''),
  hint: hintOf([entry.pattern]),
  whole: entry.scope === 'line',
  maxLength: entry.maxLength ?? DEFAULT_MAX_LENGTH,
  reason: entry.reason,
}));
const ABOVE_TITLE_CUES = new RegExp(data.aboveTitleCues);
/** Whole-line patterns of one length limit, joined: most lines are ruled out by one test. */
const LINE_GROUPS = [...new Set(PATTERNS.filter((pattern) => pattern.whole).map((pattern) => pattern.maxLength))].map((maxLength) => {
  const members = PATTERNS.filter((pattern) => pattern.whole && pattern.maxLength === maxLength);
  const sources = members.map((pattern) => pattern.regex.source);
  return { maxLength, regex: new RegExp(sources.map((source) => `(?:${source})`).join('|')), hint: hintOf(sources), members };
});
const SPAN_PATTERNS = PATTERNS.filter((pattern) => !pattern.whole);
const SPAN_SOURCES = SPAN_PATTERNS.map((pattern) => pattern.regex.source);
const ANY_SPAN = { regex: new RegExp(SPAN_SOURCES.map((source) => `(?:${source})`).join('|')), hint: hintOf(SPAN_SOURCES) };

/** Whether the pattern matches in the text, tried only where the text has a word it needs. */
function matchesIn(pattern: { regex: RegExp; hint?: RegExp }, text: string): boolean {
  return (pattern.hint === undefined || pattern.hint.test(text)) && pattern.regex.test(text);
}

/** Bullets a page's widgets are drawn with (• 相关推荐); Markdown list markers are gone already. */
const LEADING_BULLET = /^[•·▪◆◇■□●○►▶]\s*/;
/** Sentence punctuation: page chrome is made of labels and values, not sentences. */
const SENTENCE = /[。！？；，]/;
/** A field name, letter-spaced on some sites (索 引 号). */
const KEY = '[\\u4e00-\\u9fff](?:[ \\u3000]?[\\u4e00-\\u9fff/]){0,6}';
/** Publishing fields of a page: what every site shows next to an article, whatever words stand around them. */
const PUBLISHING_KEY = /^[\u4e00-\u9fff/]{0,6}(?:时间|日期|来源|作者|浏览(?:量|次数)?|阅读(?:量|数)?|热度|点击(?:量|数)?|人数|栏目|分类|机构|文号|索引号|有效性|编辑|字数|页数|评论|网站|标签|关键词|下载(?:量|次数)?|大小|格式)$/;
/** 日期：2025.1.8 under a signature: a whole date and nothing else. */
const SIGNED_DATE = /^(?:19|20)\d{2}([./-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])$/;
const FIELD = /^([^:：]{1,14})[:：]\s*(.*)$/;
/** FIELD and PLAYER_TIME need a colon: most lines have none. */
const COLON = /[:：]/;
/** `[ 索引号 ] 值`: a government site's information table, one or more fields to a line. */
const BRACKET_FIELD = new RegExp(`^(?:\\[\\s*${KEY}\\s*\\]|【[ \\u3000]+${KEY}[ \\u3000]+】)`);
/** 【打印本页】【关闭窗口】: a row of bracketed buttons and nothing else. */
const BUTTON_ROW = /^(?:【[^】\s]{2,8}】\s*){2,}$/;
/** A date as a site stamps it (2024-09-21, 2024/9/21 23:07); reports write 2024年9月21日. */
const STAMP_DATE = /(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![0-9])/;
const CLOCK = /(?:^|[^0-9])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![0-9])/;
const PATH_SEPARATORS = /\s*[>›»＞]\s*/;
/** Without one of these the text is one part, no path. */
const PATH_MARK = /[>›»＞]/;
const PLACE_WORD = /^(?:首页|主页|当前位置|您的位置|您当前(?:所在)?位置|所在位置)/;
const GREETING = /^欢迎(?:光临|访问|来到|您)|[，,\s]欢迎(?:您|你)(?:光临|访问)?[！!。]?$/;
const COUNTER = /^[\u4e00-\u9fff]{1,6}\s*[（(]\s*\d{1,7}\s*[)）]$/;
/** A collection of texts: ……述职报告（5篇）, ……十二篇, ……精选（九篇）. */
const COLLECTION = /(?:[0-9一二三四五六七八九十百]+\s*篇\s*[)）】]?|[（(【]\s*(?:精选|经典|通用|优秀|热门|最新|必备)?\s*[0-9一二三四五六七八九十]+\s*篇[^)）】]{0,4}[)）】].*)$/;
/** The count and decoration a collection adds after the genre noun. */
export const COLLECTION_SUFFIX = /(?:精选|经典|通用|优秀|范文|锦集|合集|大全)*\s*[（(【]?\s*(?:精选|经典|通用|优秀|热门|最新|必备)?\s*[0-9一二三四五六七八九十百]+\s*篇[^)）】]{0,4}[)）】]?$/;

export function namesCollection(text: string): boolean {
  return text.length <= 60 && !SENTENCE.test(text) && COLLECTION.test(text);
}

/** 第1篇, 篇一, 【第二篇】 at the start of a line: a separator between the texts of a collection. */
const SEPARATOR = /^[【\[]?\s*(?:第\s*[0-9一二三四五六七八九十]{1,3}\s*篇|篇\s*[0-9一二三四五六七八九十]{1,3}(?![\u4e00-\u9fff]))/;
/** A page number left on a line of its own by a PDF or Word copy: 5, - 5 - (Markdown takes its first dash for a bullet), — 5 —. */
const PAGE_NUMBER = /^(?:\d{1,3}|(?:[-—–]\s*)?\d{1,3}\s*[-—–])$/;
/** Nothing but code-like symbols (``, ~~~, ===): a page's markup left over, not text. */
const SYMBOLS_ONLY = /^[`~^_=+|\\]+$/;
/** 微信扫一扫 ×: a pop-up's close button at the end of a short line. */
const CLOSE_BUTTON = /\s[×✕✖╳]$/;
const CLOSE_BUTTON_MAX_LENGTH = 20;
/** 收听本文 00:00/00:00: a player's elapsed and total time. */
const PLAYER_TIME = /(?:^|[^0-9])\d{1,2}:\d{2}\s*\/\s*\d{1,2}:\d{2}(?![0-9])/;
const SITE_NAME = /^[\u4e00-\u9fffA-Za-z0-9]{2,12}(?:网|文库|文档|网站|素材库|资料库)(?:\s*(?:首页|主页))?$/;
const CHROME_MAX_LENGTH = 80;

/**
 * What a page put around the text, known by its make-up rather than its words: publishing fields,
 * stamps with clock times, paths, widgets, counters, greetings, collection titles and separators.
 */
export function chromeShape(text: string): string | undefined {
  if (text.length === 0) return undefined;
  if (text.length > CHROME_MAX_LENGTH) return /小编|本站/.test(text) && text.length <= 300 ? '下载网站的导语或结束语' : undefined;
  if (BRACKET_FIELD.test(text) && !SENTENCE.test(text)) return '网站的信息表（[ 索引号 ] 一类字段）';
  if (text.length <= 30 && GREETING.test(text)) return '网站的欢迎语';
  // 小编 and 本站 are a site speaking about itself; no report says either.
  if (/小编|本站/.test(text)) return '下载网站的导语或结束语';
  if (SENTENCE.test(text)) return undefined;
  if (BUTTON_ROW.test(text) || (text.length <= CLOSE_BUTTON_MAX_LENGTH && CLOSE_BUTTON.test(text))) return '网页的按钮';
  const colon = COLON.test(text);
  if (colon && PLAYER_TIME.test(text)) return '网页的播放器';
  const field = colon ? FIELD.exec(text) : null;
  // 日期：2025年1月8日 under a signature is the writer's own; sites stamp 2025-01-08.
  if (field && /^(?:日期|时间)$/.test(field[1].trim()) && SIGNED_DATE.test(field[2].trim())) return undefined;
  if (field && PUBLISHING_KEY.test(field[1].replace(/[ \u3000]/g, '')) && !(/[时日]期?$|时间$/.test(field[1]) && /年/.test(field[2]))) {
    return '网页的发布信息（时间、来源、浏览次数、栏目等字段）';
  }
  if (STAMP_DATE.test(text) && (CLOCK.test(text) || text.replace(STAMP_DATE, '').trim().length > 0)) return '网页的发布时间';
  if (PATH_MARK.test(text)) {
    const path = text.split(PATH_SEPARATORS);
    if ((path.length >= 3 || (path.length === 2 && PLACE_WORD.test(text))) && path.every((part) => part.length <= 16)) return '栏目路径';
  }
  if (/[|｜]/.test(text) && text.length <= 40 && text.split(/\s*[|｜]\s*/).every((part) => part.length <= 10)) return '网页的导航或按钮';
  if (COUNTER.test(text) && !/^附件/.test(text)) return '网页的计数（评论、点赞等）';
  // Separators and collections count 篇.
  if (text.includes('篇')) {
    if (SEPARATOR.test(text) && text.length <= 60) return '多篇范文之间的“第N篇”标签';
    if (namesCollection(text)) return '多篇范文合集的标题';
  }
  if (SYMBOLS_ONLY.test(text)) return '没有文字的符号行';
  if (PAGE_NUMBER.test(text)) return '页码';
  if (SITE_NAME.test(text)) return '网站名称';
  // The first word, if a space parts the text into words.
  const space = text.search(SPACE);
  if (space !== -1 && SITE_NAME.test(text.slice(0, space))) return '网站名称和栏目';
  return undefined;
}

/** A line with no Chinese or Latin word left once its residue spans are gone is residue as a whole. */
const WORD = /[\u4e00-\u9fffA-Za-z]/;

export function wholeLineResidue(line: Line, lineIndex: number, reason: string): Residue {
  const lead = line.text.length - line.text.trimStart().length;
  return { lineIndex, start: lead, end: line.text.trimEnd().length, whole: true, reason };
}

/**
 * A web address, not part of an e-mail address or a longer token. Reports cite an address inside a
 * sentence (请登录 www.12388.gov.cn 举报。); sites stamp theirs at the end of lines or on a line of its own.
 */
const ADDRESS = /(?<![@A-Za-z0-9._-])(?:(?:https?:\/\/|www\.)[!-~]+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)(?![A-Za-z0-9])[!-~]*)/;
/** The site's name before its address at the end of a line (公文汇 www.…): a word standing apart. */
const NAME_BEFORE = /(?:^|[ \u3000])([^ \u3000]{2,12})[ \u3000]*$/;
const SPACE = /[ \u3000]/;

interface AddressSpan {
  start: number;
  end: number;
  /** The site's name just before the address, which may stand at the end of other lines alone. */
  name?: string;
}

/** A site's address and its name at the end of a line, or a line that is an address and no sentence. */
function addressSpan(text: string): AddressSpan | undefined {
  const match = ADDRESS.exec(text);
  if (!match) return undefined;
  const end = match.index + match[0].length;
  if (text.slice(end).trim() !== '') {
    if (SENTENCE.test(text)) return undefined;
    return { start: text.length - text.trimStart().length, end: text.trimEnd().length };
  }
  let start = match.index;
  while (start > 0 && SPACE.test(text[start - 1])) start--;
  if (start === match.index) return { start, end };
  const name = NAME_BEFORE.exec(text.slice(0, start));
  if (name && !SENTENCE.test(name[1])) {
    start -= name[0].length - name[0].search(/[^ \u3000]/);
    while (start > 0 && SPACE.test(text[start - 1])) start--;
    return { start, end, name: name[1] };
  }
  return { start, end };
}

/**
 * A forum's anti-copy noise (i( j( e7 Z2 {! |0 K): a run of one- to three-character ASCII tokens, many of
 * them symbols. No report writes four such tokens in a row.
 */
const NOISE = /(?<=^|\s)(?:[!-~]{1,3}[ \t]+){3,}[!-~]{1,3}(?=\s|$)/g;
const NOISE_MIN_SYMBOL_TOKENS = 3;

/** NOISE needs at least three ASCII characters each followed by a space or tab: most lines have none. */
const NOISE_HINT = /[!-~][ \t](?:[^]*?[!-~][ \t]){2}/;

function noiseSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  if (!NOISE_HINT.test(text)) return spans;
  NOISE.lastIndex = 0;
  for (let match = NOISE.exec(text); match; match = NOISE.exec(text)) {
    const symbols = match[0].split(/[ \t]+/).filter((token) => /[^A-Za-z0-9]/.test(token)).length;
    if (symbols < NOISE_MIN_SYMBOL_TOKENS) continue;
    let start = match.index;
    while (start > 0 && SPACE.test(text[start - 1])) start--;
    spans.push({ start, end: match.index + match[0].length });
  }
  return spans;
}

/** A site's name standing apart at the end of a line (…法治思想 公文汇,办公文档之家), once its address is seen. */
function namedWatermark(text: string, names: ReadonlySet<string>): { start: number; end: number } | undefined {
  const trimmed = text.trimEnd();
  for (let at = trimmed.length - 1; at > 0 && trimmed.length - at <= 24; at--) {
    if (!SPACE.test(trimmed[at])) continue;
    const tail = trimmed.slice(at + 1);
    if (SENTENCE.test(tail) || ![...names].some((name) => tail.startsWith(name))) continue;
    let start = at;
    while (start > 0 && SPACE.test(trimmed[start - 1])) start--;
    return { start, end: trimmed.length };
  }
  return undefined;
}

/** Residue found by its wording or its make-up anywhere in the draft. */
export function findResidue(lines: readonly Line[]): Residue[] {
  const found: Residue[] = [];
  const siteNames = new Set<string>();
  lines.forEach((line, lineIndex) => {
    const trimmed = line.text.trim();
    const text = LEADING_BULLET.test(trimmed) ? trimmed.replace(LEADING_BULLET, '') : trimmed;
    const shape = line.kind === 'code' || line.kind === 'tableRow' ? undefined : chromeShape(text);
    if (shape) {
      found.push(wholeLineResidue(line, lineIndex, shape));
      return;
    }
    const group = LINE_GROUPS.find((candidate) => text.length <= candidate.maxLength && matchesIn(candidate, text));
    if (group) {
      found.push(wholeLineResidue(line, lineIndex, group.members.find((pattern) => matchesIn(pattern, text))!.reason));
      return;
    }
    const address = line.kind === 'code' ? undefined : addressSpan(line.text);
    const noise = line.kind === 'code' ? [] : noiseSpans(line.text);
    if (!address && noise.length === 0 && !matchesIn(ANY_SPAN, line.text)) return;
    const spans: Residue[] = noise.map((span) => ({ lineIndex, ...span, whole: false, reason: '论坛防复制的乱码' }));
    if (address) {
      spans.push({ lineIndex, start: address.start, end: address.end, whole: false, reason: '网址' });
      if (address.name) siteNames.add(address.name);
    }
    for (const pattern of SPAN_PATTERNS) {
      if (pattern.hint?.test(line.text) === false) continue;
      pattern.regex.lastIndex = 0;
      for (let match = pattern.regex.exec(line.text); match; match = pattern.regex.exec(line.text)) {
        if (match[0].length === 0) {
          pattern.regex.lastIndex++;
          continue;
        }
        spans.push({ lineIndex, start: match.index, end: match.index + match[0].length, whole: false, reason: pattern.reason });
      }
    }
    if (spans.length === 0) return;
    spans.sort((a, b) => a.start - b.start);
    let rest = '';
    let at = 0;
    for (const span of spans) {
      rest += line.text.slice(at, Math.max(at, span.start));
      at = Math.max(at, span.end);
    }
    rest += line.text.slice(at);
    if (!WORD.test(rest)) found.push(wholeLineResidue(line, lineIndex, spans[0].reason));
    else found.push(...spans);
  });
  if (siteNames.size === 0) return found;
  const marked = new Set(found.map((residue) => residue.lineIndex));
  lines.forEach((line, lineIndex) => {
    if (marked.has(lineIndex) || line.kind === 'code') return;
    const watermark = namedWatermark(line.text, siteNames);
    if (watermark) found.push({ lineIndex, ...watermark, whole: false, reason: '网站的水印（站名）' });
  });
  return found.sort((a, b) => a.lineIndex - b.lineIndex || a.start - b.start);
}

/** Above the title, a line with a site's wording (下载, 首页, KB, 范文…) is page residue even when no pattern names it. */
export function looksLikeSiteChrome(text: string): boolean {
  return ABOVE_TITLE_CUES.test(text);
}

export const ABOVE_TITLE_REASON: string = data.aboveTitleCuesReason;
