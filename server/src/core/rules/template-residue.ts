import type { Rule } from '../engine/rule';
import { docsPath } from '../engine/rule';
import { lineOfOffset, type ReportModel } from '../reading/model';
import type { Residue } from '../reading/residue';
import type { Fix } from '../engine/types';

/** Page chrome and generator leftovers: never part of a report. One finding per region, deleted as a whole. */
export const templateResidue: Rule = {
  meta: {
    id: 'template-residue',
    name: '网站残留',
    description: '网页和文字生成工具留下的内容（栏目路径、发布信息、网站名称、合集标题、小编导语、分页标记、“此处隐藏N个字”等）',
    defaultSeverity: 'error',
    docs: docsPath('template-residue'),
    fixable: true,
  },
  check(context) {
    const { model } = context;
    for (const region of residueRegions(model)) {
      const first = region[0];
      const line = model.lines[first.lineIndex];
      const shown = quote(line.text.slice(first.start, first.end).trim());
      if (!first.whole) {
        context.report({
          start: line.map[first.start],
          end: line.map[first.end],
          message: `“${shown}”是${first.reason}，不属于报告内容：请删除这段文字。`,
          fix: { title: `删除“${shown}”`, edits: [{ start: line.map[first.start], end: line.map[first.end], newText: '' }] },
        });
        continue;
      }
      const last = region[region.length - 1];
      const start = line.map[first.start];
      const end = model.lines[last.lineIndex].map[last.end];
      // The whole source lines go, with their line breaks, so no blank line is left where they stood.
      const from = model.lineStarts[lineOfOffset(model.lineStarts, start)];
      const to = model.lineStarts[lineOfOffset(model.lineStarts, end) + 1] ?? model.source.length;
      const count = region.length;
      const fix: Fix = { title: count === 1 ? '删除这一行' : `删除这${count}行网页残留`, edits: [{ start: from, end: to, newText: '' }] };
      context.report({
        start,
        end,
        message: count === 1
          ? `“${shown}”是${first.reason}，不属于报告内容：请删除这一行。`
          : `从“${shown}”起的${count}行是网页残留（${[...new Set(region.map((residue) => residue.reason))].join('；')}），不属于报告内容：请删除这${count}行。`,
        fix,
      });
    }
  },
};

function quote(text: string): string {
  return text.length > 30 ? `${text.slice(0, 28)}…` : text;
}

/** Whole-line residue on neighbouring lines forms one region; a span inside a line stands alone. */
function residueRegions(model: ReportModel): Residue[][] {
  const regions: Residue[][] = [];
  const sorted = [...model.residue].sort((a, b) => a.lineIndex - b.lineIndex || a.start - b.start);
  for (const residue of sorted) {
    const open = regions[regions.length - 1];
    const previous = open?.[open.length - 1];
    if (residue.whole && previous?.whole && residue.lineIndex === previous.lineIndex + 1) open.push(residue);
    else regions.push([residue]);
  }
  return regions;
}
