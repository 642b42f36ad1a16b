import type { Line } from '../reading/markdown';
import type { LineRole, ReportModel } from '../reading/model';
import { parseOrdinal } from '../reading/ordinals';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath, type LineRange, reportInLine, execAll } from '../engine/rule';
import { CharacterKinds } from '../engine/characters';

/**
 * Punctuation as GB/T 15834-2011 wants it in Chinese text: full-width marks, no doubled marks, quotes
 * and brackets that close, no spaces inside Chinese text (2025年, not 2025 年), body paragraphs that end.
 */
const CJK = /[\u4e00-\u9fff]/;
const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const HALF_MARK = /[,;:?!]/g;
const DOUBLED = /([，。、；：！？])\1+/g;
const MIXED = /[，、；：][。，、；：]|。[，、；：]/g;
const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》' };
const CLOSERS: Record<string, string> = { '”': '“', '’': '‘', '）': '（', '》': '《' };
const PAIRED_MARK = /[“”‘’（）《》]/g;
const SPACES = /[ \u3000\u00a0]+/g;
/** Full-width marks carry their own spacing: a space beside one inside Chinese text is stray (按照 “三区互动”). */
const FULL_WIDTH_MARK = /[，。、；：？！“”‘’（）《》【】…—]/;
const DIGIT = /[0-9]/;
/** 65 .2%, 5. 9亿元: a space inside a decimal. */
const DECIMAL_SPACE = /(?<=[0-9])[ \u00a0]+(?=\.[0-9])|(?<=[0-9]\.)[ \u00a0]+(?=[0-9])/g;
/** 5 9亿元, 108 3%: a decimal point typed as a space (the number and its unit or % follow). */
/** 三大经济.事业, 职责，.坚决: an ASCII full stop inside Chinese text, where no number or word of Latin letters is. */
const STRAY_PERIOD = /(?<=[\u4e00-\u9fff，。、；：])\.(?=[\u4e00-\u9fff])/g;
/**
 * 《民法典》、《行政复议法》: between titles in 书名号 GB/T 15834-2011 (4.5.3.5) uses no 顿号. (It says the
 * same of quotations, but “三会一课”、“主题党日” is so usual in official writing that it is left alone.)
 */
const COMMA_BETWEEN_MARKED = /(?<=》)、(?=《)/g;
const POINT_AS_SPACE = /(?<![0-9.])([0-9]+)[ \u00a0]([0-9]{1,2})(?=[%％万亿元])/g;
/** Characters the checks of a line look for, found in one pass so a check whose characters are absent is skipped. */
const HAS_HALF_MARK = 1;
const HAS_PAREN = 2;
const HAS_DOUBLE_QUOTE = 4;
const HAS_SINGLE_QUOTE = 8;
const HAS_PERIOD = 16;
/** Two of ，。、；：！？ side by side, which DOUBLED and MIXED need. */
const HAS_ADJACENT_MARKS = 32;
const SENTENCE_MARK = 64;
const CHARACTER_KINDS = new CharacterKinds()
  .add(',;:?!', HAS_HALF_MARK)
  .add('(', HAS_PAREN)
  .add('"', HAS_DOUBLE_QUOTE)
  .add("'", HAS_SINGLE_QUOTE)
  .add('.', HAS_PERIOD)
  .add('，。、；：！？', SENTENCE_MARK);

/** The kinds of a line's characters, and whether two sentence marks stand side by side. */
function characterKinds(text: string): number {
  let kinds = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const kind = CHARACTER_KINDS.of(text.charCodeAt(i));
    if (kind & previous & SENTENCE_MARK) kinds |= HAS_ADJACENT_MARKS;
    kinds |= kind;
    previous = kind;
  }
  return kinds;
}

/** Half-width pairs around Chinese, with the character kind that tells a line holds their opener. */
const HALF_PAIRS: ReadonlyArray<readonly [string, string, string, string, number]> = [
  ['(', ')', '（', '）', HAS_PAREN],
  ['"', '"', '“', '”', HAS_DOUBLE_QUOTE],
  ["'", "'", '‘', '’', HAS_SINGLE_QUOTE],
];

const CLOSING_MARK = /[。！？；：…”’）》」』】\]）.!?;:)]$/;
/** A body paragraph shorter than this may be a heading typed without an ordinal; it is not asked to end with 。. */
const SENTENCE_MIN_LENGTH = 30;
const CHECKED_ROLES: ReadonlySet<LineRole> = new Set(['title', 'subtitle', 'salutation', 'body', 'closing']);

export const punctuation: Rule = {
  meta: {
    id: 'punctuation',
    name: '标点',
    description: '中文里的半角标点、重复的标点、不成对的引号和括号、中文里和全角标点旁的空格、小数中的空格、段末缺少句号',
    defaultSeverity: 'warning',
    docs: docsPath('punctuation'),
    fixable: true,
  },
  check(context: RuleContext) {
    const { model } = context;
    let block: Line[] = [];
    // 一）纵深推进: a heading's bracket that lost its pair is ordinal-style's to mend, with the whole mark.
    const headingMarks = new Map<Line, { start: number; end: number }>();
    for (const heading of model.headings) if (heading.ordinal) headingMarks.set(model.lines[heading.lineIndex], heading.ordinal);
    // Run-in headings' ordinals (……平稳。  1 经济发展……): a space in one is ordinal-style's to mend.
    const runInMarks = new Map<number, Array<{ start: number; end: number }>>();
    for (const { lineIndex, ordinal } of model.runInOrdinals) {
      const marks = runInMarks.get(lineIndex);
      if (marks) marks.push(ordinal);
      else runInMarks.set(lineIndex, [ordinal]);
    }
    const flush = () => {
      if (block.length > 0) checkPairs(context, block, headingMarks);
      block = [];
    };
    model.lines.forEach((line, index) => {
      if (!CHECKED_ROLES.has(model.roles[index]) || line.kind === 'code') {
        flush();
        return;
      }
      if (block.length > 0 && block[block.length - 1].block !== line.block) flush();
      block.push(line);
      const textStart = ordinalEnd(model, index);
      const kinds = characterKinds(line.text);
      checkHalfWidth(context, line, textStart, kinds);
      checkDoubled(context, line, kinds);
      if (model.roles[index] === 'title') {
        // A letter-spaced title (述　职　报　告) is spaced on purpose. Inside a title only: where a title
        // runs into the text, the space stands for a lost line break.
        if (!LETTER_SPACED.test(line.text)) {
          const last = index === model.title!.lineIndexes[model.title!.lineIndexes.length - 1];
          checkSpaces(context, line, kinds, textStart, last ? model.title!.end : line.text.length);
          if (last) checkSpaces(context, line, kinds, model.title!.end, line.text.length);
        }
      } else if (!model.tabular[index]) {
        // A table copied as text keeps its cells apart with spaces.
        checkSpaces(context, line, kinds, textStart, line.text.length, model.headingOfLine[index]?.ordinal ? ordinalMarkEnd(model, index) : 0, runInMarks.get(index));
      }
      if (endsParagraph(model, index)) checkEnding(context, model, index);
    });
    flush();
  },
};

const LETTER_SPACED = /(?:^|[ \u3000])[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff](?:[ \u3000]|$)/;

/** Where a heading's ordinal (一、, （二）) ends, before any space. */
function ordinalMarkEnd(model: ReportModel, lineIndex: number): number {
  const heading = model.headingOfLine[lineIndex]!;
  let end = heading.titleStart;
  while (end > heading.start && /[ \u3000\u00a0]/.test(model.lines[lineIndex].text[end - 1])) end--;
  return end;
}

/** Where a heading's own text starts: its ordinal ((一)、1、) is ordinal-style's business. */
function ordinalEnd(model: ReportModel, lineIndex: number): number {
  const heading = model.headingOfLine[lineIndex];
  return heading ? heading.titleStart : 0;
}

function report(context: RuleContext, line: Line, start: number, end: number, message: string, title?: string, edits?: Array<LineRange & { newText: string }>): void {
  reportInLine(context, line, { start, end }, message, title && edits ? { title, edits } : undefined);
}

function checkHalfWidth(context: RuleContext, line: Line, from: number, kinds: number): void {
  const text = line.text;
  if (kinds & HAS_HALF_MARK) checkHalfMarks(context, line, from);
  // (说明) and "说明" around Chinese: both marks become full-width together.
  for (const [open, close, fullOpen, fullClose, kind] of HALF_PAIRS) {
    if ((kinds & kind) === 0) continue;
    for (let start = text.indexOf(open, from); start !== -1; ) {
      const end = text.indexOf(close, start + 1);
      if (end === -1) break;
      const inner = text.slice(start + 1, end);
      if (CJK.test(inner) && (CJK.test(text[start - 1] ?? '') || CJK.test(inner[0]))) {
        report(context, line, start, end + 1, `中文中应使用全角${open === '(' ? '括号' : '引号'}：“${open}${inner}${close}”应为“${fullOpen}${inner}${fullClose}”。`, `改为“${fullOpen}${fullClose}”`, [
          { start, end: start + 1, newText: fullOpen },
          { start: end, end: end + 1, newText: fullClose },
        ]);
      }
      start = text.indexOf(open, end + 1);
    }
  }
}

function checkHalfMarks(context: RuleContext, line: Line, from: number): void {
  const text = line.text;
  for (const match of execAll(HALF_MARK, text)) {
    const at = match.index!;
    if (at < from || !CJK.test(text[at - 1] ?? '')) continue;
    // 工作, 进展: the space after a half-width comma goes with it.
    let end = at + 1;
    while (end < text.length && text[end] === ' ' && CJK.test(text[end + 1] ?? '')) end++;
    const full = HALF_TO_FULL[match[0]];
    report(context, line, at, at + 1, `中文中应使用全角标点：“${match[0]}”应为“${full}”。`, `改为“${full}”`, [{ start: at, end, newText: full }]);
  }
}

function checkDoubled(context: RuleContext, line: Line, kinds: number): void {
  const text = line.text;
  // Each pattern runs only where the characters its matches hold are.
  if (kinds & HAS_PERIOD) {
    for (const match of execAll(STRAY_PERIOD, text)) {
      const at = match.index!;
      report(context, line, at, at + 1, '中文中多了一个半角句点“.”。', '删去“.”', [{ start: at, end: at + 1, newText: '' }]);
    }
  }
  if (text.includes('》、《')) {
    for (const match of execAll(COMMA_BETWEEN_MARKED, text)) {
      const at = match.index!;
      report(context, line, at, at + 1, '书名号标出的并列成分之间通常不用顿号（GB/T 15834-2011）。', '删去顿号', [{ start: at, end: at + 1, newText: '' }]);
    }
  }
  if ((kinds & HAS_ADJACENT_MARKS) === 0) return;
  for (const match of execAll(DOUBLED, text)) {
    const at = match.index!;
    report(context, line, at, at + match[0].length, `标点重复：“${match[0]}”应为“${match[1]}”。`, `删去重复的“${match[1]}”`, [{ start: at + 1, end: at + match[0].length, newText: '' }]);
  }
  for (const match of execAll(MIXED, text)) {
    const at = match.index!;
    if (match[0][0] === match[0][1]) continue;
    report(context, line, at, at + 2, `标点连用：“${match[0]}”只应保留一个。`);
  }
}

/** Quotes and brackets of one paragraph, which may be hard-wrapped over several lines. */
function checkPairs(context: RuleContext, lines: Line[], headingMarks: ReadonlyMap<Line, { start: number; end: number }>): void {
  const open: Array<{ line: Line; index: number; mark: string }> = [];
  for (const line of lines) {
    // Each match is one mark: `test` moves past it without making a match array.
    PAIRED_MARK.lastIndex = 0;
    while (PAIRED_MARK.test(line.text)) {
      const index = PAIRED_MARK.lastIndex - 1;
      const mark = line.text[index];
      if (OPENERS[mark]) {
        open.push({ line, index, mark });
      } else if (CLOSERS[mark]) {
        const top = open[open.length - 1];
        if (top?.mark === CLOSERS[mark]) open.pop();
        else if (!open.some((entry) => entry.mark === CLOSERS[mark])) {
          const heading = headingMarks.get(line);
          if (heading && index >= heading.start && index < heading.end) continue;
          report(context, line, index, index + 1, `“${mark}”前面没有与它成对的“${CLOSERS[mark]}”。`);
        } else {
          // 《……“……》: the inner mark never closed.
          report(context, top.line, top.index, top.index + 1, `“${top.mark}”没有对应的“${OPENERS[top.mark]}”。`);
          while (open.length > 0 && open[open.length - 1].mark !== CLOSERS[mark]) open.pop();
          open.pop();
        }
      }
    }
  }
  for (const entry of open) report(context, entry.line, entry.index, entry.index + 1, `“${entry.mark}”没有对应的“${OPENERS[entry.mark]}”。`);
}

function checkSpaces(context: RuleContext, line: Line, kinds: number, from: number, until: number, ordinalEnd = 0, ordinalMarks: ReadonlyArray<{ start: number; end: number }> = []): void {
  const text = line.text;
  if (line.kind === 'tableRow') return;
  // 一、 加强队伍建设: the ordinal's mark is followed by the heading text directly.
  if (ordinalEnd > 0 && ordinalEnd < from && SPACES.test(text.slice(ordinalEnd, from)) && CJK.test(text[from] ?? '')) {
    report(context, line, ordinalEnd, from, '标题序号后不应有空格。', '删去空格', [{ start: ordinalEnd, end: from, newText: '' }]);
  }
  // The marks are in text order, as the spaces are: one pass over both.
  let mark = 0;
  for (const match of execAll(SPACES, text)) {
    const at = match.index!;
    const end = at + match[0].length;
    while (mark < ordinalMarks.length && ordinalMarks[mark].end < end) mark++;
    if (at <= from || end >= until || (mark < ordinalMarks.length && at >= ordinalMarks[mark].start)) continue;
    const before = text[at - 1];
    const after = text[end];
    const chinese = CJK.test(before) || CJK.test(after) || (FULL_WIDTH_MARK.test(before) && FULL_WIDTH_MARK.test(after));
    const joins = (ch: string) => CJK.test(ch) || DIGIT.test(ch) || FULL_WIDTH_MARK.test(ch);
    // 发布机构： 古镛镇: a field and its value, laid out on purpose.
    if (!chinese || !joins(before) || !joins(after) || before === '：') continue;
    const message = FULL_WIDTH_MARK.test(before) || FULL_WIDTH_MARK.test(after)
      ? '全角标点前后不应有空格。'
      : `中文中不应有空格${DIGIT.test(before + after) ? '（数字与汉字之间也不空格，如“2025年”）' : ''}。`;
    report(context, line, at, end, message, '删去空格', [{ start: at, end, newText: '' }]);
  }
  if (kinds & HAS_PERIOD) {
    for (const match of execAll(DECIMAL_SPACE, text)) {
      const at = match.index!;
      if (at < from || at >= until) continue;
      report(context, line, at, at + match[0].length, '小数中不应有空格。', '删去空格', [{ start: at, end: at + match[0].length, newText: '' }]);
    }
  }
  for (const match of execAll(POINT_AS_SPACE, text)) {
    const at = match.index! + match[1].length;
    if (at < from || at >= until) continue;
    report(context, line, at, at + 1, `“${match[0]}”中间有空格：是否漏了小数点（${match[1]}.${match[2]}）？请核对。`);
  }
}

/**
 * The last line of a body paragraph that is not a heading, a list item's lead-in or a table. A heading
 * with its text run in after it (1、做好调解工作。每月走访……) ends a paragraph too.
 */
function endsParagraph(model: ReportModel, index: number): boolean {
  const line = model.lines[index];
  const heading = model.headingOfLine[index];
  if (model.roles[index] !== 'body' || line.kind !== 'paragraph' || model.tabular[index]) return false;
  if (heading && line.text.trimEnd().length <= heading.titleStart + heading.title.length + 1) return false;
  return !model.continuesParagraph[index + 1];
}

function checkEnding(context: RuleContext, model: ReportModel, index: number): void {
  const line = model.lines[index];
  const text = line.text.trimEnd();
  // 常见的婚姻家庭法律问题，⏎ and the next item: the paragraph ends, its comma should be a full stop.
  // The next paragraph may be the rest of this one, cut off by a blank line: then no full stop belongs here.
  const mayGoOn = nextParagraphMayContinue(model, index);
  const orSplit = '；如果下一段是这句话的后半部分，请删去中间的空行';
  if (/[\u4e00-\u9fff][，、]$/.test(text)) {
    const at = text.length - 1;
    if (mayGoOn) report(context, line, at, at + 1, `段落末尾是“${text[at]}”：一段话结束应用句号${orSplit}。`);
    else report(context, line, at, at + 1, `段落末尾是“${text[at]}”：一段话结束应用句号。`, '改为“。”', [{ start: at, end: at + 1, newText: '。' }]);
    return;
  }
  if (CLOSING_MARK.test(text) || !/[\u4e00-\u9fff0-9]$/.test(text)) return;
  // A hard-wrapped paragraph is measured as a whole.
  let length = text.trim().length;
  for (let first = index; first > 0 && model.continuesParagraph[first]; first--) length += model.lines[first - 1].text.trim().length;
  if (length < SENTENCE_MIN_LENGTH) return;
  if (mayGoOn) report(context, line, text.length - 1, text.length, `段落末尾缺少句号${orSplit}。`);
  else report(context, line, text.length - 1, text.length, '段落末尾缺少句号。', '补上“。”', [{ start: text.length, end: text.length, newText: '。' }]);
}

/** The next paragraph is plain body text that starts with a word, not a heading, an item or a table. */
function nextParagraphMayContinue(model: ReportModel, index: number): boolean {
  let next = index + 1;
  while (next < model.lines.length && model.lines[next].text.trim() === '') next++;
  if (next >= model.lines.length || model.roles[next] !== 'body' || model.headingOfLine[next] || model.tabular[next]) return false;
  const text = model.lines[next].text.trim();
  return model.lines[next].kind === 'paragraph' && !parseOrdinal(text) && /^[\u4e00-\u9fff]/.test(text);
}
