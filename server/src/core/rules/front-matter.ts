import type { Rule } from '../engine/rule';
import { docsPath } from '../engine/rule';

export const frontMatter: Rule = {
  meta: {
    id: 'front-matter',
    name: '文首信息',
    description: '文首 YAML 信息块无法解析，或 profile 指定了未知的文种',
    defaultSeverity: 'error',
    docs: docsPath('front-matter'),
    fixable: false,
  },
  check(context) {
    const { model } = context;
    const range = model.frontMatterRange;
    if (!range) return;
    if (range.error) {
      const firstLine = range.error.split('\n')[0];
      context.report({ ...range, message: `文首信息块（--- 之间）不是有效的 YAML：${firstLine}。请检查冒号后是否有空格、缩进是否一致。` });
      return;
    }
    const profile = model.frontMatter.profile;
    if (profile !== undefined && (typeof profile !== 'string' || !model.profile)) {
      context.report({
        ...range,
        message: `profile “${String(profile)}”不是已知文种：可用 ${context.profileIds.join('、')}，或在 .shuzhirc.json 的 genres 中定义。`,
      });
    }
  },
};
