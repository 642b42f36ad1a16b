import type { Rule } from '../engine/rule';
import { docsPath } from '../engine/rule';
import { headingRange } from '../reading/structure';
import { placeRequiredSections } from './sections';

export const sectionOrder: Rule = {
  meta: {
    id: 'section-order',
    name: '部分顺序',
    description: '文种要求的各部分顺序颠倒（如“存在问题”写在“主要做法”之前）',
    defaultSeverity: 'warning',
    docs: docsPath('section-order'),
    fixable: false,
    structure: true,
  },
  check(context) {
    const { model } = context;
    const present = placeRequiredSections(model).filter((placement) => placement.heading);
    for (let i = 1; i < present.length; i++) {
      const earlier = present[i - 1];
      const later = present[i];
      if (later.heading!.lineIndex >= earlier.heading!.lineIndex) continue;
      context.report({
        ...headingRange(model, later.heading!),
        message: `顺序颠倒：“${later.spec.name}”部分应放在“${earlier.spec.name}”之后（${model.profile!.id}的顺序是：${model.profile!.sections.map((spec) => spec.name).join('、')}）。`,
      });
    }
  },
};
