import type { Rule } from '../engine/rule';
import { docsPath } from '../engine/rule';
import { documentAnchor, placeRequiredSections } from './sections';

export const requiredSection: Rule = {
  meta: {
    id: 'required-section',
    name: '缺少部分',
    description: '按文种应有的部分缺失（如述职报告缺“存在问题”或“下步打算”）',
    defaultSeverity: 'warning',
    docs: docsPath('required-section'),
    fixable: false,
    structure: true,
  },
  check(context) {
    const { model } = context;
    const placements = placeRequiredSections(model);
    const missing = placements.filter((placement) => !placement.heading);
    if (missing.length === 0) return;
    const order = placements.map((placement) => placement.spec.name).join('、');
    const accepted = missing
      .map(({ spec }) => `“${spec.name}”可用的标题如${spec.synonyms.slice(0, 4).map((name) => `“${name}”`).join('')}`)
      .join('；');
    context.report({
      ...documentAnchor(model),
      message: `${model.profile!.id}缺少${missing.map(({ spec }) => `“${spec.name}”`).join('')}部分（应依次包含：${order}）。${accepted}。`,
    });
  },
};
