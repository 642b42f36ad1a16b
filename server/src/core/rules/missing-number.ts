import { BOUNDARIES, COUNT_WORDS, DETERMINERS, NUMERALS, UNITS, type UnitSpec, words, YU_WORDS } from '../lexicon/units';
import type { Line } from '../reading/markdown';
import { isChinese, type Lexicon } from '../lexicon/lexicon';
import { simplified } from '../lexicon/simplified';
import { type PhraseMatch, PhraseMatcher } from '../lexicon/phrases';
import type { Rule, RuleContext } from '../engine/rule';
import { lineAsRead } from '../reading/model';
import { quoteAround } from '../features/snippet';
import { docsPath, execAll } from '../engine/rule';

/**
 * A quantity whose number was never filled in: 开展专题党课次, 投入资金万元, 截至月底.
 * Precision first: a unit counts as unfilled only when nothing before it can be a number,
 * a determiner (每名, 该项) or part of a word (个人, 名单, 支部).
 */
const UNIT_MATCHER = new PhraseMatcher<UnitSpec>([...UNITS.values()].map((spec) => [spec.unit, spec]));
/** Characters that belong to an explicit placeholder (X名, ××万元): the placeholder rule reports those. */
const PLACEHOLDER_CHARS = /[A-Za-zＸｘ×*＊_＿□〇○某】\]］]/;
const SPACE = /[ \t\u3000\u00a0]/;
const ASCII_DIGIT = /[0-9０-９]/;
const isDigit = (code: number) => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);

/** Month and day gaps in dates: 截至月底, 于年月日, 2024年月. */
const MONTH_FOLLOWERS = /^月(?:底|初|末|份|中旬|上旬|下旬|日|[0-9０-９]|[一二三四五六七八九十]+日)/;
const MONTH_DETERMINERS = new Set(words('每 本 上 下 当 次 同 该 各 逐 按 足 整 前 后 个 岁 正 腊 元 明 今 去 近 数 几 半 满 隔 跨 闰 经 多 风 蜜 日 赏 望 新 残 皓 秋 春 冬 夏 累 这 那 哪 某 其'));

const RANGE_MARK = /[至到~～\-—－]/;

interface Gap {
  index: number;
  unit: string;
  /** A rate whose value is missing after its verb (公开率达。): the text the value follows. */
  rate?: string;
}

/** 一万多元, 两亿多元: place values that 多 may follow, with the number before them. */
const PLACE_VALUES = new Set(['万', '亿']);
/** Words before a place value that make it a rough count (上万多, 近万): no number is missing. */
const ROUGH_BEFORE = /[上近逾超过破成数几]/;
/**
 * Units that name an amount, never a number of things: 多 before one (投入多万元, 增长多%) stands
 * for “and more” after a number, while 多个, 多人, 多次 mean several.
 */
const AMOUNT_UNIT = /^(?:[万亿千].+|%|％|‰|个百分点|百分点|平方米|立方米|平方公里|公里|千米|公顷|美元|欧元|港元)$/;
/** 公开率达。 覆盖率均达到， — a rate and its verb, then the clause ends: the value was never written. */
const RATE_WITHOUT_VALUE = /率(?:均|都|已|分别)?(?:达到|达|为|超过|提高到|提升到|提高至|提升至|保持在)(?=[，。；！？,;])/g;

function isNumeral(ch: string | undefined): boolean {
  return ch !== undefined && NUMERALS.has(ch);
}

/** Where the number of the unit at `start` is missing, if it is. */
function unitGap(text: string, start: number, spec: UnitSpec): number | undefined {
  // Most units of a draft follow their number; no word list can make those unfilled (余 and 多 are looked at below).
  const before = text[start - 1];
  if (before === '多') {
    const more = moreGap(text, start, spec);
    if (more !== undefined) return more;
  }
  if (before !== '余' && isNumeral(before)) return undefined;
  const end = start + spec.unit.length;
  const next = text[end];
  if (isDigit(text.charCodeAt(end))) return undefined;
  if (spec.counts?.endsAt(text, end)) return start;
  // 的村只有个。 支部书记达人。 组建宣讲团支，: a unit that ends its clause right after these has lost its number.
  const endsClause = next === undefined || BOUNDARIES.has(next);
  if (endsClause && spec.endPrevChars?.has(text[start - 1])) return start;
  if (spec.after.startsAt(text, start) || spec.before.endsAt(text, end)) return undefined;
  const contextual = spec.prevChars !== undefined || spec.triggers !== undefined;

  let p = start - 1;
  while (p >= 0 && SPACE.test(text[p])) p--;
  const gap = p === start - 1 ? start : p + 1;
  if (p < 0 || BOUNDARIES.has(text[p])) {
    // 下辖个村、个社区: a list item that lost its number starts the clause with the unit.
    const nextIsWord = next !== undefined && !BOUNDARIES.has(next) && !SPACE.test(next);
    return !contextual && nextIsWord ? gap : undefined;
  }
  const prev = text[p];
  if (PLACEHOLDER_CHARS.test(prev)) return undefined;
  if (prev === '余') {
    // 200余人 is filled (also as 200 余人), 其余人员 is a word, 群众余户 lacks its number.
    let q = p - 1;
    while (q >= 0 && SPACE.test(text[q])) q--;
    const beforeYu = text[q] ?? '';
    if (isNumeral(beforeYu) || PLACEHOLDER_CHARS.test(beforeYu) || YU_WORDS.endsAt(text, p + 1)) return undefined;
    return p;
  }
  if (isNumeral(prev)) return undefined;
  // 80%万立方米 has its number, garbled: the typo rule says so.
  if ((prev === '%' || prev === '％') && isDigit(text.charCodeAt(p - 1))) return undefined;
  if (DETERMINERS.endsAt(text, p + 1)) return undefined;
  if (!contextual) return gap;
  if (spec.prevChars?.has(prev)) return gap;
  if (spec.triggers?.endsAt(text, p + 1) || COUNT_WORDS.endsAt(text, p + 1)) return gap;
  return endsClause && spec.endPrevChars?.has(prev) ? gap : undefined;
}

/** The character before `index`, spaces skipped, and where it stands. */
function previousOf(text: string, index: number): { at: number; ch: string | undefined } {
  let at = index - 1;
  while (at >= 0 && SPACE.test(text[at])) at--;
  return { at, ch: text[at] };
}

/**
 * A unit after 多 whose number is missing: 投入经费万多元 (before the place value), 投入多万元,
 * 增长多% (before 多). 20多万元, 一万多元, 上万多人 are filled; 多个, 多人 (several) are words.
 */
function moreGap(text: string, start: number, spec: UnitSpec): number | undefined {
  const more = start - 1;
  const previous = previousOf(text, more);
  if (previous.ch === undefined || PLACEHOLDER_CHARS.test(previous.ch)) return undefined;
  if (PLACE_VALUES.has(previous.ch)) {
    const beforePlace = previousOf(text, previous.at).ch;
    const filled = beforePlace !== undefined && (isNumeral(beforePlace) || PLACEHOLDER_CHARS.test(beforePlace) || ROUGH_BEFORE.test(beforePlace) || DETERMINERS.endsAt(text, previous.at));
    return filled ? undefined : previous.at;
  }
  if (isNumeral(previous.ch) || !AMOUNT_UNIT.test(spec.unit)) return undefined;
  return more;
}

function dateGaps(text: string, gaps: Gap[]): void {
  for (let i = text.indexOf('月'); i !== -1; i = text.indexOf('月', i + 1)) {
    // 今年X至月: the second bound of a range of months.
    if (RANGE_MARK.test(text[i - 1] ?? '') && /[0-9０-９一二三四五六七八九十月XxＸ×*＊]/.test(text[i - 2] ?? '')) {
      gaps.push({ index: i, unit: '月' });
      continue;
    }
    if (!MONTH_FOLLOWERS.test(text.slice(i, i + 5))) continue;
    // 预计 10 月初: text copied from PDFs puts spaces around numbers.
    let p = i - 1;
    while (p >= 0 && SPACE.test(text[p])) p--;
    const prev = text[p];
    if (prev === undefined || BOUNDARIES.has(prev) || PLACEHOLDER_CHARS.test(prev) || isNumeral(prev)) continue;
    if (ASCII_DIGIT.test(prev) || MONTH_DETERMINERS.has(prev)) continue;
    if (prev === '年') {
      // 于年月日: the year is missing too, unless a word like 今年 names it.
      let q = p - 1;
      while (q >= 0 && SPACE.test(text[q])) q--;
      const beforeYear = text[q];
      const yearNamed = beforeYear !== undefined && (isNumeral(beforeYear) || PLACEHOLDER_CHARS.test(beforeYear) || MONTH_DETERMINERS.has(beforeYear) || /[今去明前后当同全本上下往翌隔]/.test(beforeYear));
      if (!yearNamed && beforeYear !== undefined && !BOUNDARIES.has(beforeYear)) gaps.push({ index: p, unit: '年' });
    }
    gaps.push({ index: i, unit: '月' });
    if (text[i + 1] === '日') gaps.push({ index: i + 1, unit: '日' });
  }
}

/** `units` are the units found in the line's own text, when the wrapped character before it (if any) starts none. */
function findGaps(line: Line, units: ReadonlyArray<PhraseMatch<UnitSpec>> | undefined): Gap[] {
  // The character before a wrapped line, so 1200⏎名 reads as a number and its unit.
  const lead = line.wrappedAfter ? 1 : 0;
  const text = line.wrappedAfter + line.text;
  const gaps: Gap[] = [];
  /** Where each unit found without its number ends: 批多人次 after 参观人员批 lacks its number too. */
  let unfilledEnds: Set<number> | undefined;
  for (const unit of units ?? UNIT_MATCHER.find(text)) {
    const at = units ? unit.index + lead : unit.index;
    const spec = unit.entry;
    let index = unitGap(text, at, spec);
    if (index === undefined && text[at - 1] === '多' && unfilledEnds?.has(at - 1)) index = at - 1;
    if (index === undefined) continue;
    // 投入多万元: the message shows the unit with the 多 (or place value) the number goes before.
    gaps.push({ index, unit: index < at && !SPACE.test(text[index]) ? text.slice(index, at + spec.unit.length) : spec.unit });
    (unfilledEnds ??= new Set()).add(at + spec.unit.length);
  }
  if (text.includes('率')) {
    for (const match of execAll(RATE_WITHOUT_VALUE, text)) {
      gaps.push({ index: match.index + match[0].length, unit: '', rate: text.slice(Math.max(0, match.index - 2), match.index + match[0].length) });
    }
  }
  // Day after a written month (3月日).
  for (let i = text.indexOf('月日'); i !== -1; i = text.indexOf('月日', i + 1)) {
    if (ASCII_DIGIT.test(text.slice(0, i).trimEnd().slice(-1))) gaps.push({ index: i + 1, unit: '日' });
  }
  dateGaps(text, gaps);
  if (lead === 0) return gaps;
  // Back to the line's own indexes, in place: the gaps are this call's own.
  let kept = 0;
  for (const gap of gaps) {
    gap.index -= lead;
    if (gap.index >= 0) gaps[kept++] = gap;
  }
  if (kept < gaps.length) gaps.length = kept;
  return gaps;
}

/** A common word of this frequency that ends with the unit makes the unit part of it (等次, 档次). */
const WORD_FREQUENCY = 50;

/**
 * Whether the unit is the end of a word that starts before it (评定等次, 提升档次): then it counts
 * nothing and no number is missing. The word lists of units.json name the usual ones; the
 * dictionary knows the rest.
 */
function insideWord(lexicon: Lexicon, text: string, gap: Gap): boolean {
  const at = gap.index;
  if (!text.startsWith(gap.unit, at) || at === 0 || !isChinese(text.charCodeAt(at - 1))) return false;
  // 以上的有人，: 有 (达, 占…) asks for a number, 有人 as a word notwithstanding. Asked before the cut, which costs more.
  if (COUNT_WORDS.endsAt(text, at) || /[有达占共计约近逾]/.test(text[at - 1])) return false;
  if (!lexicon.wordAcross(text, at, at + gap.unit.length, 6, WORD_FREQUENCY)) return false;
  const covering = lexicon.segmentAround(text, at, at + gap.unit.length, 6).find((token) => token.start < at && token.end > at);
  return covering !== undefined && covering.frequency >= WORD_FREQUENCY;
}

export const missingNumber: Rule = {
  meta: {
    id: 'missing-number',
    name: '缺少数字',
    description: '数量缺少数字（“开展专题党课次”“投入资金万元”“截至月底”）',
    defaultSeverity: 'error',
    docs: docsPath('missing-number'),
    fixable: false,
  },
  check(context: RuleContext) {
    context.model.lines.forEach((_, lineIndex) => {
      const role = context.model.roles[lineIndex];
      // A table's header row names its columns (比增% 备注): units there count nothing.
      if (role === 'residue' || role === 'toc' || context.model.tabular[lineIndex]) return;
      const line = lineAsRead(context.model, lineIndex);
      // Units, numbers and words are read in simplified characters (兩次, 審批); messages quote the line as written.
      const text = simplified(line.text);
      const read = text === line.text ? line : { ...line, text, wrappedAfter: simplified(line.wrappedAfter) };
      // The units of the line's own text serve both searches unless the wrapped character before it starts one.
      const units = read.wrappedAfter && UNIT_MATCHER.canStart(read.wrappedAfter.charCodeAt(0)) ? undefined : UNIT_MATCHER.find(read.text);
      let seen: Set<number> | undefined;
      for (const gap of findGaps(read, units)) {
        // 开展*次: Markdown ate the star, the placeholder rule reports it.
        if (seen?.has(gap.index) || (context.lexicon && gap.rate === undefined && insideWord(context.lexicon, read.text, gap)) || /[*＊]/.test(context.model.source[line.map[gap.index] - 1] ?? '')) continue;
        (seen ??= new Set()).add(gap.index);
        let shown = quoteAround(line.text, gap.index, gap.index + gap.unit.length, 6, 0);
        // A unit that starts its clause (、个社区) reads better with the word it counts.
        if (shown.length <= gap.unit.length) shown = quoteAround(line.text, gap.index, gap.index + gap.unit.length, 0, 3);
        const atGap = SPACE.test(line.text[gap.index]) ? gap.unit : line.text[gap.index];
        if (gap.rate !== undefined) {
          const rate = read === line ? gap.rate : line.text.slice(Math.max(0, gap.index - gap.rate.length), gap.index);
          context.report({
            start: line.map[gap.index],
            end: line.map[gap.index + 1],
            message: `“${rate}”缺少数值：请在“${rate.slice(-1)}”后填入具体数值（如“98%”）。`,
          });
          continue;
        }
        context.report({
          start: line.map[gap.index],
          end: line.map[gap.index + 1],
          message: DATE_PART_BEFORE.test(line.text.slice(Math.max(0, gap.index - 8), gap.index).trimEnd())
            ? `“${shown}”数字不完整或有误：日期缺了一部分，请在“${atGap}”前填入数字。`
            : `“${shown}”缺少数字：请在“${atGap}”前填入具体数量。`,
        });
      }
      for (const garbled of garbledNumbers(read.text, units)) {
        const written = line.text.slice(garbled.start, garbled.end);
        context.report({
          start: line.map[garbled.start],
          end: line.map[garbled.end],
          message: `“${quoteAround(line.text, garbled.start, garbled.end + garbled.unit.length, 4, 0)}”数字不完整或有误：“${written}”${garbled.why}，请改正。`,
        });
      }
    });
  },
};

/** The year or month of a date, written, right before a gap: 2024年月底, 2024年3月日. */
const DATE_PART_BEFORE = /[0-9０-９]\s*[年月]$/;
/** Letters typed for digits: O for 0, l and I for 1. */
const LOOK_ALIKES = /^[OoIl]$/;
/** A number with its unit: digits, look-alike letters and points, right before the unit. */
const NUMBER_BEFORE_UNIT = /[0-9０-９OoIl.．]+$/;

/** Numbers that are there but broken, right before a unit: 1O万元 (a letter for 0), 12.万元 (the decimals lost). */
function garbledNumbers(text: string, units: ReadonlyArray<PhraseMatch<UnitSpec>> | undefined): Array<{ start: number; end: number; unit: string; why: string }> {
  const found: Array<{ start: number; end: number; unit: string; why: string }> = [];
  if (units?.length === 0 || !/[0-9０-９]/.test(text)) return found;
  for (const { index: at, entry: spec } of units ?? UNIT_MATCHER.find(text)) {
    const run = NUMBER_BEFORE_UNIT.exec(text.slice(Math.max(0, at - 24), at))?.[0];
    if (!run || !/[0-9０-９]/.test(run)) continue;
    const start = at - run.length;
    // Part of a longer word (ABCl2名, v1.2版) or a list of versions: not a number typed wrong.
    if (/[A-Za-z0-9０-９]/.test(text[start - 1] ?? '')) continue;
    const letters = [...run].filter((ch) => /[A-Za-z]/.test(ch));
    if (letters.length > 0 && letters.every((ch) => LOOK_ALIKES.test(ch)) && !/^[A-Za-z]+$/.test(run.replace(/[.．]/g, ''))) {
      found.push({ start, end: at, unit: spec.unit, why: `中有字母“${[...new Set(letters)].join('”“')}”，像是把数字打成了字母` });
    } else if (letters.length === 0 && /^[0-9０-９]+[.．]$/.test(run) && /[\u4e00-\u9fff]/.test(text[start - 1] ?? '')) {
      // After a word only: at a line's or clause's start 1. is an ordinal (1.个人事项……).
      found.push({ start, end: at, unit: spec.unit, why: '以小数点结尾，小数部分缺失' });
    }
  }
  return found;
}
