import type { Rule } from '../engine/rule';
import { docsPath } from '../engine/rule';
import { headingLabel, headingRange } from '../reading/structure';

export const emptySection: Rule = {
  meta: {
    id: 'empty-section',
    name: '标题下无内容',
    description: '标题下没有内容（到下一个同级或更高级标题之前没有正文）',
    defaultSeverity: 'warning',
    docs: docsPath('empty-section'),
    fixable: false,
    structure: true,
  },
  check(context) {
    const { model } = context;
    model.headings.forEach((heading, index) => {
      const text = model.lines[heading.lineIndex].text.trimEnd();
      // A run-in heading, or one written as a full sentence, carries its own content.
      if (heading.bodyStart < text.length || /[。！？；…]$/.test(text)) return;
      const next = model.headings[index + 1];
      const nextLine = next ? next.lineIndex : model.lines.length;
      const hasBody = nextLine > heading.lineIndex + 1;
      const hasSubsections = next !== undefined && next.level > heading.level;
      if (hasBody || hasSubsections) return;
      const label = heading.ordinal ? `${headingLabel(heading)}${heading.title}` : heading.title;
      // The last line of a draft still being written: its text has not been typed yet.
      const inProgress = !model.ended && !next && !hasBody;
      const { start, end } = headingRange(model, heading);
      context.report({
        start,
        end,
        message: inProgress
          ? `“${label}”下还没有内容（文稿还没有结尾，可能尚未写完）：写完这一部分后此提示消失。`
          : `“${label}”下没有内容：请补写这一部分，或删去这个标题。`,
        severityAtMost: inProgress ? 'info' : undefined,
      });
    });
  },
};
