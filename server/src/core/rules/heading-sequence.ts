import type { Rule } from '../engine/rule';
import { docsPath } from '../engine/rule';
import { ordinalLabel } from '../reading/ordinals';
import { ordinalRange, renumberHeadings, siblingRuns } from '../reading/structure';

export const headingSequence: Rule = {
  meta: {
    id: 'heading-sequence',
    name: '标题序号',
    description: '同级标题序号跳号、重复或在新的上级标题下没有从头编号（一、二、四）',
    defaultSeverity: 'warning',
    docs: docsPath('heading-sequence'),
    fixable: true,
    structure: true,
  },
  check(context) {
    const { model } = context;
    for (const run of siblingRuns(model)) {
      const fix = renumberHeadings(model, run);
      run.forEach((heading, index) => {
        const ordinal = heading.ordinal!;
        const written = ordinalLabel(ordinal.level, ordinal.value);
        let message: string | undefined;
        if (index === 0) {
          if (ordinal.value !== 1) {
            message = `本级序号应从“${ordinalLabel(ordinal.level, 1)}”开始，这里是“${written}”：换了上级标题后要重新编号。`;
          }
        } else {
          const previous = run[index - 1].ordinal!.value;
          const expected = ordinalLabel(ordinal.level, previous + 1);
          if (ordinal.value === previous) message = `序号重复：前面已有“${written}”，这里应为“${expected}”。`;
          else if (ordinal.value < previous) message = `序号倒退：“${ordinalLabel(ordinal.level, previous)}”之后应为“${expected}”，这里是“${written}”。`;
          else if (ordinal.value > previous + 1) message = `序号跳号：“${ordinalLabel(ordinal.level, previous)}”之后应为“${expected}”，这里是“${written}”。`;
        }
        if (!message) return;
        // Spelled out rather than spread: a spread object costs more, on every finding of a long draft.
        const { start, end } = ordinalRange(model, heading);
        context.report({ start, end, message, fix });
      });
    }
  },
};
