import { enumerationLabel, type EnumerationRun, ORDER_WORD } from '../reading/enumerations';
import { trimmedRange } from '../reading/markdown';
import type { ReportModel } from '../reading/model';
import { numberToChinese } from '../reading/numerals';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath } from '../engine/rule';
import type { Fix } from '../engine/types';

const HEADING_LIKE_MAX = 30;

function renumber(model: ReportModel, run: EnumerationRun): Fix | undefined {
  const wrong = run.markers.map((marker, index) => ({ marker, value: index + 1 })).filter(({ marker, value }) => marker.value !== value);
  // 首先/其次 cannot be renumbered; a run that needs them changed is left to the writer.
  if (wrong.some(({ marker }) => marker.word)) return undefined;
  const edits = wrong.map(({ marker, value }) => {
    const line = model.lines[marker.lineIndex];
    return { start: line.map[marker.numberStart], end: line.map[marker.numberEnd], newText: numberToChinese(value) };
  });
  if (edits.length === 0) return undefined;
  return { title: `将这组列举依次改为${run.markers.map((_, index) => enumerationLabel(run.family, index + 1)).join('、')}`, edits };
}

function checkRun(context: RuleContext, run: EnumerationRun): void {
  const { model } = context;
  // Worked out at the first finding: most runs count right and need none.
  let fix: Fix | undefined | null = null;
  run.markers.forEach((marker, index) => {
    let message: string | undefined;
    if (index === 0 && marker.value !== 1) {
      message = marker.word
        ? `“${ORDER_WORD[marker.value]}”之前没有“首先”或“第一”。`
        : `列举没有从“${enumerationLabel(marker.family, 1)}”开始：这里是“${marker.label}”。`;
    } else if (index > 0) {
      const previous = run.markers[index - 1].value;
      const expected = enumerationLabel(marker.family, previous + 1);
      if (marker.value === previous) message = `列举重复：前面已有“${marker.label}”，这里应为“${expected}”。`;
      else if (marker.value < previous) message = `列举倒退：“${enumerationLabel(marker.family, previous)}”之后应为“${expected}”，这里是“${marker.label}”。`;
      else if (marker.value > previous + 1) message = `列举跳号：“${enumerationLabel(marker.family, previous)}”之后应为“${expected}”，这里是“${marker.label}”。`;
    }
    if (!message) return;
    const line = model.lines[marker.lineIndex];
    const start = marker.word ? marker.numberStart : marker.numberStart - (marker.family === 'shi' ? 0 : 1);
    const end = marker.word ? marker.numberEnd : marker.numberEnd + (marker.family === 'shi' ? 1 : 0);
    if (fix === null) fix = renumber(model, run);
    context.report({ start: line.map[start], end: line.map[end], message, fix });
  });
}

export const enumerationSequence: Rule = {
  meta: {
    id: 'enumeration-sequence',
    name: '段内列举',
    description: '段内列举（一是、二是，第一、第二，首先、其次）跳号、重复或倒退；“一是”用作标题',
    defaultSeverity: 'warning',
    docs: docsPath('enumeration-sequence'),
    fixable: true,
  },
  check(context) {
    const { model } = context;
    for (const run of model.enumerations) checkRun(context, run);
    model.lines.forEach((_, lineIndex) => {
      if (model.roles[lineIndex] === 'body') reportHeadingLike(context, lineIndex);
    });
  },
};

/** 一是 opening a Markdown heading or a short stand-alone line used as one. */
function reportHeadingLike(context: RuleContext, lineIndex: number): void {
  const { model } = context;
  const line = model.lines[lineIndex];
  const text = line.text.trim();
  const match = /^([一二三四五六七八九十]{1,3})是/.exec(text);
  if (!match) return;
  // A short line with no sentence in it; a line that merely wraps a sentence (……不彻底。班子在) is not one.
  const standsAlone = text.length <= HEADING_LIKE_MAX && !/[。！？；…：，]$/.test(text) && !/[。！？；]/.test(text);
  if (line.mdDepth === 0 && !standsAlone) return;
  context.report({
    ...trimmedRange(line),
    message: `“${match[0]}”是段内列举用语，不能用作标题：标题请改用“（一）”“1.”等序号，或把这句并入段落。`,
  });
}
