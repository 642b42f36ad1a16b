/**
 * What to offer at a position: the next enumeration marker (二是), the next heading ordinal ((三)),
 * the genre's missing sections by their conventional names, front-matter keys and genres.
 * Numbers always come from the runs in the report model, never from guesses.
 */
import { type Heading, lineOfOffset, type ReportModel } from '../reading/model';
import { numberToChinese } from '../reading/numerals';
import { ordinalLabel } from '../reading/ordinals';
import type { Profile } from '../lexicon/profiles';
import { enumerationLabel, type EnumerationMarker } from '../reading/enumerations';
import { placeRequiredSections } from '../rules/sections';

export type CompletionKind = 'enumeration' | 'ordinal' | 'section' | 'key' | 'value';

export interface Completion {
  label: string;
  insertText: string;
  kind: CompletionKind;
  detail: string;
  /** Source offsets of the text the completion replaces (what the user typed of it). */
  replaceStart: number;
  replaceEnd: number;
}

const FRONT_MATTER_KEYS: Array<[string, string]> = [
  ['profile', '文种：述职报告、述责述廉报告、年度工作总结、对照检查材料'],
  ['title', '标题（正文中没有标题行时用于导出）'],
  ['author', '署名，导出时右空二字排在正文之后'],
  ['date', '成文日期，如 2025-01-08，导出为 2025年1月8日'],
  ['year', '报告所属年度，年份类检查以它为准'],
  ['unit', '写作单位，如 青山县应急管理局（用于判断辖区层级）'],
];
const CLAUSE_END = /[。；！？]$/;
/** After 首先 / 其次 / 再次, the next ordinal word. */
const ORDER_NEXT: Record<number, string[]> = { 1: ['其次'], 2: ['再次', '最后'], 3: ['最后'] };

export function completionsAt(model: ReportModel, offset: number, profiles: readonly Profile[]): Completion[] {
  const { source } = model;
  const lineStart = model.lineStarts[lineOfOffset(model.lineStarts, offset)];
  const before = source.slice(lineStart, offset).replace(/\r$/, '');
  const frontMatter = model.frontMatterRange;
  if (frontMatter && offset > frontMatter.start && offset < frontMatter.end) return frontMatterCompletions(model, before, offset, profiles);

  const completions: Completion[] = [];
  const trimmed = before.trimStart();
  const typedStart = offset - trimmed.length;
  const atLineStart = /^[（(一二三四五六七八九十0-9]*$/.test(trimmed);
  if (CLAUSE_END.test(before.trimEnd()) || trimmed === '') completions.push(...enumerationCompletions(model, offset, offset));
  if (atLineStart) {
    if (trimmed !== '') completions.push(...enumerationCompletions(model, offset, typedStart).filter((item) => item.label.startsWith(trimmed)));
    completions.push(...headingCompletions(model, offset, typedStart));
  }
  return completions;
}

function frontMatterCompletions(model: ReportModel, before: string, offset: number, profiles: readonly Profile[]): Completion[] {
  const key = /^\s*([A-Za-z]*)$/.exec(before);
  if (key) {
    return FRONT_MATTER_KEYS.filter(([name]) => !(name in model.frontMatter)).map(([name, detail]) => ({
      label: name, insertText: `${name}: `, kind: 'key', detail, replaceStart: offset - key[1].length, replaceEnd: offset,
    }));
  }
  const value = /^\s*profile:\s*(\S*)$/.exec(before);
  if (!value) return [];
  return profiles.map((profile) => ({
    label: profile.id, insertText: profile.id, kind: 'value', detail: `必备部分：${profile.sections.map((spec) => spec.name).join('、')}`,
    replaceStart: offset - value[1].length, replaceEnd: offset,
  }));
}

/** The next marker of the enumeration run the cursor follows; runs end at headings. */
function enumerationCompletions(model: ReportModel, offset: number, replaceStart: number): Completion[] {
  const at = (marker: EnumerationMarker) => model.lines[marker.lineIndex].map[marker.numberStart];
  let last: EnumerationMarker | undefined;
  for (const run of model.enumerations) {
    for (const marker of run.markers) if (at(marker) < offset && (!last || at(marker) > at(last))) last = marker;
  }
  const headingBetween = last && model.headings.some((heading) => {
    const start = model.lines[heading.lineIndex].map[heading.start];
    return start > at(last!) && start < offset;
  });
  if (headingBetween) last = undefined;
  const previous = last;
  if (!previous) return [];
  const next = previous.word
    ? ORDER_NEXT[previous.value] ?? []
    : [previous.family === 'shi' ? enumerationLabel('shi', previous.value + 1) : `${enumerationLabel(previous.family, previous.value + 1)}，`];
  const shown = previous.word ? previous.label : enumerationLabel(previous.family, previous.value);
  return next.map((text) => ({ label: text, insertText: text, kind: 'enumeration', detail: `接着“${shown}”列举`, replaceStart, replaceEnd: offset }));
}

function headingCompletions(model: ReportModel, offset: number, replaceStart: number): Completion[] {
  const before = model.headings.filter((heading) => model.lines[heading.lineIndex].map[0] < offset);
  const last = before[before.length - 1];
  const offers: Completion[] = [];
  const offer = (label: string, detail: string, kind: CompletionKind = 'ordinal') => {
    if (!offers.some((item) => item.label === label)) offers.push({ label, insertText: label, kind, detail, replaceStart, replaceEnd: offset });
  };
  // The next sibling of the last heading, then of each heading above it, then its first child.
  for (let heading: Heading | undefined = last; heading; heading = heading.parent) {
    if (!heading.ordinal) continue;
    const siblings = (heading.parent?.children ?? model.headings.filter((other) => !other.parent)).filter((other) => other.ordinal && other.level === heading!.level);
    const latest = siblings.filter((other) => model.lines[other.lineIndex].map[0] < offset).pop() ?? heading;
    offer(ordinalLabel(heading.level, latest.ordinal!.value + 1), `接着“${ordinalLabel(heading.level, latest.ordinal!.value)}”的同级标题`);
  }
  if (last?.ordinal && last.level < 4) offer(ordinalLabel((last.level + 1) as Heading['level'], 1), `“${ordinalLabel(last.level, last.ordinal.value)}”下的第一个小标题`);
  if (!last) offer(ordinalLabel(1, 1), '第一个一级标题');

  const topLevel = before.filter((heading) => heading.level === 1 && heading.ordinal);
  const nextTop = (topLevel[topLevel.length - 1]?.ordinal?.value ?? 0) + 1;
  const missing = placeRequiredSections(model).filter((placement) => !placement.heading);
  if (missing.length > 0) {
    offer(`${numberToChinese(nextTop)}、${missing[0].spec.name}`, `${model.profile!.id}还缺少的部分`, 'section');
  }
  return offers;
}
