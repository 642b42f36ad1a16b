import data from '../../data/formulations.json';
import type { LineRole } from '../reading/model';
import { PhraseMatcher } from '../lexicon/phrases';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath, reportInLine } from '../engine/rule';
import { yearOfReport } from '../reading/year';

/**
 * Wording that belongs to another period than the report's year: 决胜全面建成小康社会 in a 2024 report,
 * the 四个全面 of before 2020, 党的二十大精神 in a report on 2021. Silent when the report states no year.
 */
interface DatedFormulation { text: string; from?: number; until?: number; instead: string; certain: boolean; source: string; repealed?: string }

const MATCHER = new PhraseMatcher<DatedFormulation>((data.formulations as DatedFormulation[]).map((entry) => [entry.text, entry]));
const CHECKED_ROLES: ReadonlySet<LineRole> = new Set(['title', 'subtitle', 'body', 'closing']);

export const datedFormulation: Rule = {
  meta: {
    id: 'dated-formulation',
    name: '过时表述',
    description: '与报告年度不符的时段性表述（2020年后仍写“决胜全面建成小康社会”、旧的“四个全面”）',
    defaultSeverity: 'warning',
    docs: docsPath('dated-formulation'),
    fixable: true,
    allowable: true,
  },
  check(context: RuleContext) {
    const reportYear = yearOfReport(context.model);
    if (!reportYear) return;
    const { year } = reportYear;
    context.model.lines.forEach((line, index) => {
      if (!CHECKED_ROLES.has(context.model.roles[index]) || line.kind === 'code') return;
      for (const { index: at, length, entry } of MATCHER.find(line.text)) {
        const stale = entry.until !== undefined && year > entry.until;
        const early = entry.from !== undefined && year < entry.from;
        if (!stale && !early) continue;
        const range = { start: at, end: at + length };
        const period = stale ? `${entry.until}年以前的表述` : `${entry.from}年起才有的表述`;
        const instead = entry.instead ? `，${year}年度应为“${entry.instead}”` : '';
        const message = stale && entry.repealed
          ? `“${entry.text}”已于${entry.repealed}废止，${year}年度的报告应引用“${entry.instead}”（${entry.source}）。`
          : `“${entry.text}”是${period}，与报告年度（${reportYear.source}：${year}年）不符${instead}（${entry.source}）。`;
        reportInLine(context, line, range, message,
          entry.certain && entry.instead ? { title: `改为“${entry.instead}”`, edits: [{ ...range, newText: entry.instead }] } : undefined);
      }
    });
  },
};
