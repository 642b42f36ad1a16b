/** Which top-level heading holds each part of the detected genre. */
import { trimmedRange } from '../reading/markdown';
import type { Heading, ReportModel } from '../reading/model';
import { matchSectionRoles, type SectionSpec } from '../lexicon/profiles';

export interface SectionPlacement {
  spec: SectionSpec;
  heading?: Heading;
}

/** Two rules and completion ask for the same draft's placements; they are worked out once. */
const placements = new WeakMap<ReportModel, SectionPlacement[]>();

export function placeRequiredSections(model: ReportModel): SectionPlacement[] {
  let placed = placements.get(model);
  if (!placed) placements.set(model, (placed = place(model)));
  return placed;
}

function place(model: ReportModel): SectionPlacement[] {
  const profile = model.profile;
  if (!profile) return [];
  const topLevel = model.headings.filter((heading) => heading.level === 1);
  const firstHeadingOf = new Map<string, Heading>();
  const unmatched: Heading[] = [];
  for (const heading of topLevel) {
    const roles = matchSectionRoles(heading.title, profile);
    if (roles.length === 0) unmatched.push(heading);
    for (const spec of roles) {
      if (!firstHeadingOf.has(spec.id)) firstHeadingOf.set(spec.id, heading);
    }
  }
  // Reports often split the first part into topical sections (一、抓党建促发展 二、抓产业强基础 三、存在问题):
  // headings that name no part, before every named part, are that first part.
  const first = profile.sections[0];
  if (!firstHeadingOf.has(first.id)) {
    const firstNamed = Math.min(...[...firstHeadingOf.values()].map((heading) => heading.lineIndex));
    const topical = unmatched.find((heading) => heading.lineIndex < firstNamed);
    if (topical) firstHeadingOf.set(first.id, topical);
  }
  return profile.sections.map((spec) => ({ spec, heading: firstHeadingOf.get(spec.id) }));
}

/** Where a whole-document finding goes: the title, else the first line. */
export function documentAnchor(model: ReportModel): { start: number; end: number } {
  const { title } = model;
  if (title) {
    const first = model.lines[title.lineIndexes[0]];
    const last = model.lines[title.lineIndexes[title.lineIndexes.length - 1]];
    return { start: first.map[skipBlank(first.text, title.start)], end: last.map[title.end] };
  }
  // Page chrome is no part of the report: the anchor is the report's first line.
  const index = model.roles.findIndex((role) => role !== 'residue');
  const line = model.lines[index];
  return line ? trimmedRange(line) : { start: 0, end: Math.min(1, model.source.length) };
}

function skipBlank(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index])) index++;
  return index;
}
