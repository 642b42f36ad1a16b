/** Helpers shared by the structure rules: where a heading sits in the source, sibling runs, renumbering. */
import { trimmedRange } from './markdown';
import type { Heading, ReportModel } from './model';
import { formatNumber, ordinalLabel } from './ordinals';
import type { Fix, TextEditOffsets } from '../engine/types';

/** Source range of a heading line's text (leading indentation excluded). */
export function headingRange(model: ReportModel, heading: Heading): { start: number; end: number } {
  const range = trimmedRange(model.lines[heading.lineIndex]);
  return heading.start > 0 ? { ...range, start: model.lines[heading.lineIndex].map[heading.start] } : range;
}

/** Source range of the ordinal marker, or the heading text when there is none. */
export function ordinalRange(model: ReportModel, heading: Heading): { start: number; end: number } {
  if (!heading.ordinal) return headingRange(model, heading);
  const line = model.lines[heading.lineIndex];
  return { start: line.map[heading.ordinal.start], end: line.map[heading.ordinal.end] };
}

/** The heading as a reader names it in an outline: ordinal and heading sentence, without a run-in body. */
export function headingName(heading: Heading): string {
  return `${heading.ordinal ? ordinalLabel(heading.ordinal.level, heading.ordinal.value) : ''}${heading.title}` || '（无标题）';
}

export function headingLabel(heading: Heading): string {
  return heading.ordinal ? ordinalLabel(heading.ordinal.level, heading.ordinal.value) : heading.title;
}

/** Headings with an ordinal that share a parent and a level, in document order. */
export function siblingRuns(model: ReportModel): Heading[][] {
  const runs: Heading[][] = [];
  // Parent → level → run, found without making a key per heading.
  const byParent = new Map<Heading | undefined, Heading[][]>();
  for (const heading of model.headings) {
    if (!heading.ordinal) continue;
    let byLevel = byParent.get(heading.parent);
    if (!byLevel) byParent.set(heading.parent, (byLevel = []));
    const run = byLevel[heading.level];
    if (run) run.push(heading);
    else runs.push((byLevel[heading.level] = [heading]));
  }
  return runs;
}

/** Edits that number a run of headings 1…n, leaving correct numbers alone. */
export function renumberHeadings(model: ReportModel, run: Heading[]): Fix | undefined {
  const edits: TextEditOffsets[] = [];
  run.forEach((heading, index) => {
    const ordinal = heading.ordinal!;
    if (ordinal.value === index + 1) return;
    const line = model.lines[heading.lineIndex];
    edits.push({ start: line.map[ordinal.numberStart], end: line.map[ordinal.numberEnd], newText: formatNumber(ordinal.kind, index + 1) });
  });
  if (edits.length === 0) return undefined;
  const first = run[0].ordinal!;
  // Only the labels the title shows: all of four or fewer, else the first three and the last.
  const label = (index: number) => ordinalLabel(first.level, index + 1);
  const shown = run.length > 4 ? `${label(0)}${label(1)}${label(2)}…${label(run.length - 1)}` : run.map((_, index) => label(index)).join('');
  return { title: `将本组序号依次改为${shown}`, edits };
}
