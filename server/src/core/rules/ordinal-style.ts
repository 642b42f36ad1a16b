import type { Rule } from '../engine/rule';
import { docsPath } from '../engine/rule';
import type { Ordinal } from '../reading/ordinals';
import { ordinalRange } from '../reading/structure';

const WHY = [
  '',
  '汉字数字后用顿号“、”',
  '括号用全角“（）”，括号后不再加标点',
  '阿拉伯数字后用下脚点“.”',
  '括号用全角“（）”，括号后不再加标点',
  '带圈数字后不再加标点',
];

const BLANKS = /[\s\u3000]/g;

/** What is wrong, said so the writer sees it: a space cannot be seen between quotation marks. */
function difference(written: string, canonical: string): string {
  const visible = written.replace(BLANKS, '');
  if (visible !== canonical) return `“${written.trim()}”应写作“${canonical}”`;
  if (written.trimEnd() === canonical) return `“${canonical}”后多了空格`;
  return `“${canonical}”中间多了空格`;
}

export const ordinalStyle: Rule = {
  meta: {
    id: 'ordinal-style',
    name: '序号格式',
    description: '序号后的标点或括号不规范（1、→1.，（一）、→（一），(一)→（一））',
    defaultSeverity: 'warning',
    docs: docsPath('ordinal-style'),
    fixable: true,
  },
  check(context) {
    const { model } = context;
    const report = (ordinal: Ordinal, range: { start: number; end: number }) => {
      if (ordinal.written === ordinal.canonical) return;
      context.report({
        ...range,
        message: `序号格式不规范：${difference(ordinal.written, ordinal.canonical)}（${WHY[ordinal.level]}）。`,
        fix: { title: `改为“${ordinal.canonical}”`, edits: [{ ...range, newText: ordinal.canonical }] },
      });
    };
    for (const heading of model.headings) if (heading.ordinal) report(heading.ordinal, ordinalRange(model, heading));
    for (const { lineIndex, ordinal } of model.runInOrdinals) {
      const line = model.lines[lineIndex];
      report(ordinal, { start: line.map[ordinal.start], end: line.map[ordinal.end] });
    }
  },
};
