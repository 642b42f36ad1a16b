import type { Rule } from '../rule';
import { docsPath } from '../rule';
import { ordinalRange } from '../structure';

const WHY = [
  '',
  '汉字数字后用顿号“、”',
  '括号用全角“（）”，括号后不再加标点',
  '阿拉伯数字后用下脚点“.”',
  '括号用全角“（）”，括号后不再加标点',
  '带圈数字后不再加标点',
];

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
    for (const heading of model.headings) {
      const ordinal = heading.ordinal;
      if (!ordinal || ordinal.written === ordinal.canonical) continue;
      const range = ordinalRange(model, heading);
      context.report({
        ...range,
        message: `序号格式不规范：“${ordinal.written.trim()}”应写作“${ordinal.canonical}”（${WHY[ordinal.level]}）。`,
        fix: { title: `改为“${ordinal.canonical}”`, edits: [{ ...range, newText: ordinal.canonical }] },
      });
    }
  },
};
