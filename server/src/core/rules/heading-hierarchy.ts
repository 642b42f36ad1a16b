import { type Heading, lineOfOffset, type ReportModel } from '../reading/model';
import type { Rule } from '../engine/rule';
import { docsPath } from '../engine/rule';
import { ordinalLabel } from '../reading/ordinals';
import { headingLabel, headingRange, ordinalRange, siblingRuns } from '../reading/structure';
import type { Fix } from '../engine/types';

const LEVEL_EXAMPLE = ['', '一、', '（一）', '1.', '（1）', '①'];

export const headingHierarchy: Rule = {
  meta: {
    id: 'heading-hierarchy',
    name: '标题层级',
    description: '标题层级颠倒（“1.”之后又用“（一）”）、某级只有（一）没有（二）、Markdown 标题级别与序号层级不符；可选严格检查跳级',
    defaultSeverity: 'warning',
    docs: docsPath('heading-hierarchy'),
    fixable: true,
    structure: true,
  },
  check(context) {
    const { model } = context;
    let previous: Heading | undefined;
    for (const heading of model.headings) {
      const previousLevel = previous?.level ?? 0;
      if (context.options.strictHierarchy && heading.level > previousLevel + 1) {
        const missing = LEVEL_EXAMPLE.slice(previousLevel + 1, heading.level).map((label) => `“${label}”`).join('');
        const message = previous
          ? `层级跳级：“${headingLabel(previous)}”之后直接用了“${LEVEL_EXAMPLE[heading.level]}”级序号，中间缺少${missing}一级。`
          : `第一个标题用的是“${LEVEL_EXAMPLE[heading.level]}”级序号，缺少上一级${missing}：请从“一、”级开始。`;
        context.report({ ...ordinalRange(model, heading), message });
      }
      const skipped = previous && skippedPast(previous, heading.level);
      if (skipped) {
        context.report({
          ...ordinalRange(model, heading),
          message: `层级颠倒：“${headingLabel(skipped)}”级已经用在前面，这里又出现上一级的“${LEVEL_EXAMPLE[heading.level]}”：同一部分里应先用“${LEVEL_EXAMPLE[heading.level]}”，再在其下用“${LEVEL_EXAMPLE[skipped.level]}”。`,
        });
      }
      previous = heading;
    }

    for (const run of siblingRuns(model)) {
      if (run.length === 1 && run[0].ordinal!.value === 1) {
        const { level } = run[0].ordinal!;
        // The draft stops inside this item: its second may simply not be written yet.
        const inProgress = !model.ended && !model.headings.some((heading) => heading.lineIndex > run[0].lineIndex && heading.level <= level);
        context.report({
          ...ordinalRange(model, run[0]),
          message: inProgress
            ? `目前只有“${ordinalLabel(level, 1)}”还没有“${ordinalLabel(level, 2)}”（文稿还没有结尾，可能尚未写完）：写完后只有一项的，不必编号。`
            : `只有“${ordinalLabel(level, 1)}”没有“${ordinalLabel(level, 2)}”：只有一项时不必编号，或补充第二项。`,
          severityAtMost: inProgress ? 'info' : undefined,
        });
      }
    }

    const withDepth = model.headings.filter((heading) => heading.ordinal && heading.mdDepth > 0);
    if (withDepth.length === 0) return;
    const base = withDepth[0].mdDepth - withDepth[0].level + 1;
    for (const heading of withDepth) {
      const expected = base + heading.level - 1;
      if (heading.mdDepth === expected || expected < 1 || expected > 6) continue;
      context.report({
        ...headingRange(model, heading),
        message: `Markdown 标题级别与序号层级不符：“${headingLabel(heading)}”这一级应使用“${'#'.repeat(expected)}”，这里是“${'#'.repeat(heading.mdDepth)}”。`,
        fix: depthFix(model, headingRange(model, heading).start, expected),
      });
    }
  },
};

/**
 * The heading at or above `previous` that skipped down past `level` (一、 → 1.), when a heading of that
 * level now follows it in the same part: the levels are used in reverse order.
 */
function skippedPast(previous: Heading, level: number): Heading | undefined {
  for (let node: Heading | undefined = previous; node; node = node.parent) {
    if (node.level <= level) return undefined;
    if ((node.parent?.level ?? 0) < level && node.parent) return node;
  }
  return undefined;
}

/** Replace the ATX marks of the heading line that holds `offset` (a setext heading has none: no fix). */
function depthFix(model: ReportModel, offset: number, depth: number): Fix | undefined {
  // The model's line starts know every line ending, a lone CR included.
  const lineStart = model.lineStarts[lineOfOffset(model.lineStarts, offset)];
  const marks = /^ {0,3}(#{1,6})/.exec(model.source.slice(lineStart, offset));
  if (!marks) return undefined;
  const start = lineStart + marks[0].length - marks[1].length;
  return { title: `改为 ${'#'.repeat(depth)} 标题`, edits: [{ start, end: start + marks[1].length, newText: '#'.repeat(depth) }] };
}
