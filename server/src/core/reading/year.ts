/** The year a report is about, as the draft states it: front matter `year:`, else the title. */
import type { ReportModel } from './model';
import { chineseYearDigits } from './numerals';

const YEAR_IN_TEXT = /((?:19|20)[0-9]{2})\s*年|([〇零○一二三四五六七八九]{4})年/;

export function yearIn(text: string): number | undefined {
  const match = YEAR_IN_TEXT.exec(text);
  if (!match) return undefined;
  return Number(match[1] ?? chineseYearDigits(match[2]));
}

/** The report's year: front matter `year:`, else the year in the title; none, and the rules that need it are silent. */
export function yearOfReport(model: ReportModel): { year: number; source: string } | undefined {
  const declared = model.frontMatter.year;
  if (typeof declared === 'number' || (typeof declared === 'string' && /^\d{4}$/.test(declared.trim()))) {
    return { year: Number(declared), source: '文首 year:' };
  }
  const fromTitle = model.title ? yearIn(model.title.text) : undefined;
  return fromTitle === undefined ? undefined : { year: fromTitle, source: '标题' };
}
