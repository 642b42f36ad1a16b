import type { Line } from '../reading/markdown';
import type { LineRole, ReportModel } from '../reading/model';
import { chineseToNumber } from '../reading/numerals';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath, reportInLine, execAll } from '../engine/rule';

/**
 * Numbers written against GB/T 15835-2011 and counts that do not match what follows: 03月, 二0二四年,
 * 24年度, and 从以下三个方面 followed by four sections.
 */
const ZERO_PADDED = /(?<=年|^|[^0-9])0([1-9])(?=月)|(?<=月)0([1-9])(?=日)/g;
const CHINESE_YEAR = /(?<![一二三四五六七八九〇零○OＯ0０])[一二三四五六七八九〇零○OＯ0０]{4}(?=年)/g;
const WRONG_ZERO = /[零○OＯ0０]/g;
/** The patterns above and YEAR_WRITTEN below without their look-behinds, which cost a step at every character: a line they miss is passed over. */
const PADDED_ANYWHERE = /0[1-9][月日]/;
const CHINESE_YEAR_ANYWHERE = /[一二三四五六七八九〇零○OＯ0０]年/;
const YEAR_ANYWHERE = /(?:19|20)[0-9]{2}(?:年|[-—－~～至到](?:19|20)[0-9]{2})/;
const DATE_CHARACTER = /[年月日]/;
const ASCII_DIGIT = /[0-9]/;
const FOUR_DIGITS = /[0-9]{4}/;
const COUNT_LEAD = /以下|如下|下列|下面/;
const SHORT_YEAR = /(?<![0-9０-９])([0-9]{2})(?=年度|年[0-9]{1,2}月)/g;
/** 从以下三个方面, 存在以下四个问题, 主要有以下几点 (几 is no count). */
const STATED_COUNT = /(?:以下|如下|下列|下面)(?:的)?([一二两三四五六七八九十]|[2-9])(?:个|项|条|点|大|方面)/g;
/** Two years run together where a dash was lost: 20212025年 (2021—2025年). */
const GLUED_YEARS = /(?<![0-9])((?:19|20)[0-9]{2})((?:19|20)[0-9]{2})(?=年)/g;
/** A year as a year: 2023年, 2023-2025. */
const YEAR_WRITTEN = /(?<![0-9])((?:19|20)[0-9]{2})(?=年|[-—－~～至到](?:19|20)[0-9]{2})/g;
/** A count: a number and the unit or measure word it counts (not 年, 年度, 届, a date or a code). */
const COUNT = /(?<![0-9.])([0-9]{4,})(?=余|多|[个户人名起次项家所处座条件场期份套台辆头只亩万千百元])/g;
/**
 * How many counts must contain the draft's year before they are taken for the splices of a
 * find-and-replace of a template's 20XX (2023个村民小组, 总户数42023户): one could be a real number.
 */
const SPLICES_NEEDED = 2;
const CHECKED_ROLES: ReadonlySet<LineRole> = new Set(['title', 'subtitle', 'body', 'closing', 'date', 'signature']);

export const numberFormat: Rule = {
  meta: {
    id: 'number-format',
    name: '数字写法',
    description: '日期补零（03月）、年份写法（二0二四年、24年度、20212025年）、替换模板年份时误改的数量（2023个村民小组）、“以下三个方面”与后文的项数不符',
    defaultSeverity: 'warning',
    docs: docsPath('number-format'),
    fixable: true,
  },
  check(context: RuleContext) {
    const { model } = context;
    model.lines.forEach((line, index) => {
      if (!CHECKED_ROLES.has(model.roles[index]) || line.kind === 'code') return;
      checkDates(context, line);
      checkStatedCounts(context, model, index);
    });
    checkSplicedYears(context, model);
  },
};

/** A finding whose fix, if any, replaces the range with `newText`. */
function report(context: RuleContext, line: Line, start: number, end: number, message: string, newText?: string): void {
  reportInLine(context, line, { start, end }, message, newText === undefined ? undefined : { title: `改为“${newText}”`, edits: [{ start, end, newText }] });
}

function checkDates(context: RuleContext, line: Line): void {
  const text = line.text;
  // Every pattern here ends at 年, 月 or 日: most lines have none and are done with one scan.
  if (!DATE_CHARACTER.test(text)) return;
  if (PADDED_ANYWHERE.test(text)) {
    for (const match of execAll(ZERO_PADDED, text)) {
      const at = match.index!;
      const digit = match[1] ?? match[2];
      report(context, line, at, at + 2, `日期中的月、日不补零：“${match[0]}${match[1] ? '月' : '日'}”应为“${digit}${match[1] ? '月' : '日'}”（GB/T 15835-2011）。`, digit);
    }
  }
  for (const match of CHINESE_YEAR_ANYWHERE.test(text) ? execAll(CHINESE_YEAR, text) : []) {
    const written = match[0];
    if (!/[一二三四五六七八九]/.test(written) || !/[零○OＯ0０]/.test(written)) continue;
    const right = written.replace(WRONG_ZERO, '〇');
    report(context, line, match.index!, match.index! + 4, `汉字年份中的“零”写作“〇”：“${written}年”应为“${right}年”（GB/T 15835-2011）。`, right);
  }
  // Both look-behind patterns below hold ASCII digits.
  if (!ASCII_DIGIT.test(text)) return;
  for (const match of execAll(GLUED_YEARS, text)) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (second <= first || second - first > 20) continue;
    const at = match.index!;
    report(context, line, at, at + 8, `年份范围缺少连接号：“${match[0]}年”应为“${first}—${second}年”。`, `${first}—${second}`);
  }
  for (const match of execAll(SHORT_YEAR, text)) {
    const at = match.index!;
    report(context, line, at, at + 2, `年份应写全：“${match[1]}年”应为“20${match[1]}年”（GB/T 15835-2011）。`, `20${match[1]}`);
  }
}

/**
 * A template's 20XX replaced by the year everywhere, also inside its counts: XX个村民小组 became
 * 2023个村民小组, 4XX户 became 42023户. Reported when several counts of the draft hold a year the
 * draft writes as a year; a single count could be a real number.
 */
function checkSplicedYears(context: RuleContext, model: ReportModel): void {
  const checked = model.lines.filter((line, index) => CHECKED_ROLES.has(model.roles[index]) && line.kind !== 'code');
  const years = new Set<string>();
  for (const line of checked) {
    if (YEAR_ANYWHERE.test(line.text)) for (const match of execAll(YEAR_WRITTEN, line.text)) years.add(match[1]);
  }
  if (years.size === 0) return;
  const spliced = new Map<string, Array<{ line: Line; at: number; number: string }>>();
  for (const line of checked) {
    if (!FOUR_DIGITS.test(line.text)) continue;
    for (const match of execAll(COUNT, line.text)) {
      for (const year of years) {
        if (!match[1].includes(year)) continue;
        spliced.set(year, [...(spliced.get(year) ?? []), { line, at: match.index!, number: match[1] }]);
      }
    }
  }
  for (const [year, counts] of spliced) {
    if (counts.length < SPLICES_NEEDED) continue;
    for (const { line, at, number } of counts) {
      report(context, line, at, at + number.length, `数字“${number}”含有年份“${year}”，文中还有${counts.length - 1}处也是这样：像是替换模板年份（20XX）时把数量也替换了，请核对实际数字。`);
    }
  }
}

/** 从以下三个方面 and the items that follow: an enumeration run, or the headings of the next section. */
function checkStatedCounts(context: RuleContext, model: ReportModel, lineIndex: number): void {
  const line = model.lines[lineIndex];
  if (!COUNT_LEAD.test(line.text)) return;
  for (const match of execAll(STATED_COUNT, line.text)) {
    const stated = /[0-9]/.test(match[1]) ? Number(match[1]) : chineseToNumber(match[1] === '两' ? '二' : match[1]);
    if (!stated) continue;
    const counted = itemsAfter(model, lineIndex, match.index! + match[0].length);
    if (!counted || counted.count === stated) continue;
    report(context, line, match.index!, match.index! + match[0].length,
      `这里说“${match[0]}”，后面却列了${counted.count}${counted.what}：请核对数目。`);
  }
}

function itemsAfter(model: ReportModel, lineIndex: number, textIndex: number): { count: number; what: string } | undefined {
  // 一是……二是……三是 in the same paragraph or the one right after.
  const run = model.enumerations.find((candidate) => {
    const first = candidate.markers[0];
    return !candidate.parent && (first.lineIndex === lineIndex ? first.numberStart >= textIndex : first.lineIndex > lineIndex && first.lineIndex <= lineIndex + 2);
  });
  const nextHeading = model.headings.find((heading) => heading.lineIndex > lineIndex);
  if (run && (!nextHeading || run.markers[0].lineIndex < nextHeading.lineIndex)) {
    return { count: run.markers.length, what: `项（${run.markers[0].label}……${run.markers[run.markers.length - 1].label}）` };
  }
  // 一、……下面从三个方面报告： followed by （一）（二）（三）: the headings of the same rank that come next.
  if (!nextHeading || nextHeading.lineIndex > lineIndex + 3) return undefined;
  const siblings = model.headings.filter((heading) => heading.parent === nextHeading.parent && heading.level === nextHeading.level && heading.lineIndex >= nextHeading.lineIndex);
  if (siblings.length < 2) return undefined;
  return { count: siblings.length, what: `个小标题（${siblings[0].ordinal?.written ?? siblings[0].title}……${siblings[siblings.length - 1].ordinal?.written ?? siblings[siblings.length - 1].title}）` };
}
