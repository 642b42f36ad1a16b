import { LIMIT_KEYS, type LengthPart } from '../features/length';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath } from '../engine/rule';

const LONGEST_NAMED = 3;

/** 3,260: the way Word's 字数统计 and most offices write counts. */
const grouped = (value: number) => value.toLocaleString('en-US');

export const length: Rule = {
  meta: {
    id: 'length',
    name: '篇幅超限',
    description: '全文字数、页数或宣读时间超过 limits 设定的限额（默认不设限额）',
    defaultSeverity: 'warning',
    docs: docsPath('length'),
    fixable: false,
  },
  check(context) {
    const { limits, readingSpeed } = context.options;
    reportWrongFrontMatterLimits(context);
    if (limits.characters === undefined && limits.pages === undefined && limits.minutes === undefined) return;
    const measured = context.length();
    const over: string[] = [];
    if (limits.characters !== undefined && measured.characters > limits.characters) {
      over.push(`全文 ${grouped(measured.characters)} 字，超过限额 ${grouped(limits.characters)} 字，多出 ${grouped(measured.characters - limits.characters)} 字`);
    }
    if (limits.pages !== undefined && measured.pages > limits.pages) {
      const lastPage = measured.layout.pages[measured.pages - 1];
      const extra = measured.pages - limits.pages;
      over.push(`按导出的版式共 ${measured.pages} 页，超过限额 ${limits.pages} 页，多出 ${extra} 页${extra === 1 ? `（最后一页 ${lastPage.lines.length} 行）` : ''}`);
    }
    if (limits.minutes !== undefined && measured.minutes > limits.minutes) {
      const allowed = Math.floor(limits.minutes * readingSpeed);
      over.push(`按每分钟 ${readingSpeed} 字宣读约 ${measured.minutes} 分钟，超过限额 ${limits.minutes} 分钟，需删去约 ${grouped(measured.characters - allowed)} 字`);
    }
    if (over.length === 0) return;
    const longest = [...measured.parts].sort((a, b) => b.characters - a.characters).slice(0, LONGEST_NAMED);
    const parts = measured.parts.length > 1 ? `最长的部分：${longest.map((part) => describePart(part, measured.characters)).join('，')}` : '';
    context.report({ ...whereToReport(context), message: `${over.join('；')}。${parts ? `${parts}。` : ''}请压缩篇幅。` });
  },
};

function describePart(part: LengthPart, total: number): string {
  return `“${part.name}” ${grouped(part.characters)} 字（${Math.round((part.characters / Math.max(1, total)) * 100)}%）`;
}

/** The title, else the front matter's limits, else the first line of text: the draft as a whole. */
function whereToReport(context: RuleContext): { start: number; end: number } {
  const { model } = context;
  if (model.title) {
    const first = model.lines[model.title.lineIndexes[0]];
    const last = model.lines[model.title.lineIndexes[model.title.lineIndexes.length - 1]];
    return { start: first.map[first.text.length - first.text.trimStart().length], end: last.map[model.title.end] };
  }
  if (model.frontMatterRange && model.frontMatter.limits !== undefined) return { start: model.frontMatterRange.start, end: model.frontMatterRange.end };
  const line = model.lines.find((candidate, index) => candidate.text.trim() && model.roles[index] !== 'residue') ?? model.lines[0];
  return { start: line.map[line.text.length - line.text.trimStart().length], end: line.map[line.text.trimEnd().length] };
}

function reportWrongFrontMatterLimits(context: RuleContext): void {
  const { model } = context;
  const written = model.frontMatter.limits;
  if (written === undefined || !model.frontMatterRange) return;
  const range = { start: model.frontMatterRange.start, end: model.frontMatterRange.end };
  if (!written || typeof written !== 'object' || Array.isArray(written)) {
    context.report({ ...range, message: '文首 limits: 应写成 characters、pages、minutes 的限额，如“limits: { characters: 3000, pages: 5 }”。' });
    return;
  }
  for (const [key, value] of Object.entries(written)) {
    if (!(LIMIT_KEYS as readonly string[]).includes(key)) {
      context.report({ ...range, message: `文首 limits 中的“${key}”不是已知的限额：可用 characters（字数）、pages（页数）、minutes（宣读分钟数）。` });
    } else if (typeof value !== 'number' || !(value > 0)) {
      context.report({ ...range, message: `文首 limits.${key} 的值“${String(value)}”应为正数，这个限额没有生效。` });
    }
  }
}
