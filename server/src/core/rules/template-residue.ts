import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { lineOfOffset } from '../model';
import type { Fix } from '../types';

/** Download-site lines and spans left in the draft: never part of a report. */
export const templateResidue: Rule = {
  meta: {
    id: 'template-residue',
    name: '网站残留',
    description: '下载网站、文字生成工具留下的内容（网址、QQ、“仅供学习”、“此处隐藏N个字”、范文标题等）',
    defaultSeverity: 'error',
    docs: docsPath('template-residue'),
    fixable: true,
  },
  check(context) {
    const { model } = context;
    for (const residue of model.residue) {
      const line = model.lines[residue.lineIndex];
      const shown = line.text.slice(residue.start, residue.end).trim();
      const quoted = shown.length > 30 ? `${shown.slice(0, 28)}…` : shown;
      const start = line.map[residue.start];
      const end = line.map[residue.end];
      let fix: Fix;
      if (residue.whole) {
        // The whole source line goes, with its line break, so no blank line is left where it stood.
        const line = lineOfOffset(model.lineStarts, start);
        const next = model.lineStarts[line + 1] ?? model.source.length;
        fix = { title: '删除这一行', edits: [{ start: model.lineStarts[line], end: next, newText: '' }] };
      } else {
        fix = { title: `删除“${quoted}”`, edits: [{ start, end, newText: '' }] };
      }
      context.report({
        start,
        end,
        message: `“${quoted}”是${residue.reason}，不属于报告内容：请删除${residue.whole ? '这一行' : '这段文字'}。`,
        fix,
      });
    }
  },
};
