import { trimmedRange } from '../reading/markdown';
import type { ReportModel } from '../reading/model';
import type { Rule } from '../engine/rule';
import { docsPath } from '../engine/rule';
import { documentAnchor } from './sections';

/** A date as a byline under the title has it: （2024年12月20日）, 2024.12.20. */
const DATE_IN_LINE = /(?:19|20)\d{2}\s*[年.\-/]\s*\d{1,2}|[〇零○一二三四五六七八九]{4}年/;
const SIGNATURE_MAX_LENGTH = 30;
/** Roles of lines after which nothing the writer wrote follows. */
const TRAILING_ROLES = new Set(['residue', 'footnote']);

/** The last line the writer wrote, where a signature would follow. */
function lastWritten(model: ReportModel): number | undefined {
  for (let index = model.lines.length - 1; index >= 0; index--) {
    if (!TRAILING_ROLES.has(model.roles[index]) && model.lines[index].text.trim()) return index;
  }
  return undefined;
}

/** The last character of a line: where the signature would follow, and no other finding of that line is overlapped. */
function lastCharacter(model: ReportModel, index: number): { start: number; end: number } {
  const { end } = trimmedRange(model.lines[index]);
  // One UTF-16 unit back, or two for a character outside the BMP.
  const low = model.source.charCodeAt(end - 1);
  return { start: end - (low >= 0xdc00 && low <= 0xdfff ? 2 : 1), end };
}

/** A short line without sentence punctuation after the closing formula: a name still waiting for its date. */
function isUndatedName(model: ReportModel, index: number | undefined): boolean {
  if (index === undefined || model.closingLine === undefined || index <= model.closingLine || model.roles[index] !== 'body') return false;
  const text = model.lines[index].text.trim();
  return text.length <= SIGNATURE_MAX_LENGTH && !/[。，；！？：:]/.test(text);
}

export const signature: Rule = {
  meta: {
    id: 'signature',
    name: '署名日期',
    description: '报告末尾没有署名或日期（写到结尾后提示为警告，之前只作提示）',
    defaultSeverity: 'warning',
    docs: docsPath('signature'),
    fixable: false,
    structure: true,
  },
  check(context) {
    const { model } = context;
    if (!model.profile) return;
    const bylines = model.lines.filter((_, index) => model.roles[index] === 'byline').map((line) => line.text);
    const last = lastWritten(model);
    const named = model.signature?.name !== undefined || bylines.some((text) => !DATE_IN_LINE.test(text)) || isUndatedName(model, last);
    const dated = model.signature?.date !== undefined || bylines.some((text) => DATE_IN_LINE.test(text));
    if (named && dated) return;
    const missing = !named && !dated ? '署名和日期' : named ? '日期' : '署名';
    const how = !named && !dated
      ? '在结尾另起两行，先写署名（单位，或职务和姓名），再写日期（如“2025年1月8日”）'
      : named
        ? '在署名下一行写上日期（如“2025年1月8日”）'
        : '在日期上一行写上署名（单位，或职务和姓名）';
    context.report({
      ...(last === undefined ? documentAnchor(model) : lastCharacter(model, last)),
      message: `${model.profile.id}末尾缺少${missing}：${how}。`,
      // Until the draft has its ending, a missing signature is progress, not a fault.
      severityAtMost: model.ended ? undefined : 'info',
    });
  },
};
