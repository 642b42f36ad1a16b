import type { Line } from '../reading/markdown';
import { yearIn, yearOfReport } from '../reading/year';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath, reportInLine, execAll } from '../engine/rule';

/**
 * Years that contradict the report's own: last year's report reworked (现将2023年工作 under a 2024 title),
 * a year compared with itself (由2023年的85%提高到2023年的92%), a signature date far from the year.
 */
/** The year the opening or closing formula says it reports on: 现将2023年度工作, 2023年度述职. */
const CLAIMED_YEAR = /(?:现将|^)\s*((?:19|20)[0-9]{2})\s*年度?(?=(?:[^，。；]{0,12})(?:工作|述职|履职|情况|报告))/g;
/** 由2023年的85%提高到2023年的92%, 2023年……比2023年: a year compared with itself. */
const SELF_COMPARISON = /由((?:19|20)[0-9]{2})年[^。；]{0,30}?(?:到|至)\1年|((?:19|20)[0-9]{2})年[^。；，]{0,20}?(?:比|较|同比|相比)(?:于)?\2年/g;
const YEAR = /(?:19|20)[0-9]{2}年/g;

/** A comparison of a year with itself names a year twice; most lines do not, and are passed over at once. */
function namesTwoYears(text: string): boolean {
  YEAR.lastIndex = 0;
  return YEAR.test(text) && YEAR.test(text);
}

export const yearConsistency: Rule = {
  meta: {
    id: 'year-consistency',
    name: '年份一致',
    description: '正文所说的报告年度与标题不符、同一年份自己比自己、落款日期与报告年度相差太远',
    defaultSeverity: 'warning',
    docs: docsPath('year-consistency'),
    fixable: false,
  },
  check(context: RuleContext) {
    const { model } = context;
    const reportYear = yearOfReport(model);
    for (const lineIndex of [model.openingLine, model.closingLine]) {
      if (reportYear === undefined || lineIndex === undefined) continue;
      const line = model.lines[lineIndex];
      for (const match of execAll(CLAIMED_YEAR, line.text)) {
        const year = Number(match[1]);
        if (year === reportYear.year) continue;
        const at = match.index! + match[0].indexOf(match[1]);
        report(context, line, at, at + 4, `${reportYear.source}是${reportYear.year}年度，这里写的是${year}年：是否沿用了往年的文稿？`);
      }
    }
    model.lines.forEach((line, index) => {
      if (model.roles[index] !== 'body' || line.kind === 'code' || !namesTwoYears(line.text)) return;
      for (const match of execAll(SELF_COMPARISON, line.text)) {
        const year = match[1] ?? match[2];
        report(context, line, match.index!, match.index! + match[0].length, `${year}年同${year}年相比：比较的两个年份相同，其中一个应是别的年份。`);
      }
    });
    const signature = model.signature;
    if (reportYear && signature?.date && signature.dateLine !== undefined) {
      const signed = yearIn(signature.date);
      if (signed !== undefined && Math.abs(signed - reportYear.year) > 1) {
        const line = model.lines[signature.dateLine];
        const lead = line.text.length - line.text.trimStart().length;
        report(context, line, lead, line.text.trimEnd().length, `落款日期是${signed}年，${reportYear.source}是${reportYear.year}年度：请核对日期。`);
      }
    }
  },
};

function report(context: RuleContext, line: Line, start: number, end: number, message: string): void {
  reportInLine(context, line, { start, end }, message);
}
