/** The report model: title, genre, structural headings and body paragraphs, built on the Markdown lines. */
import { parse as parseYaml } from 'yaml';
import { parseMarkdown, type HtmlComment, type Line, type ParsedMarkdown } from './markdown';
import { parseOrdinal, type Ordinal } from './ordinals';
import { detectProfile, findProfile, type Profile } from './profiles';

export type Level = 1 | 2 | 3 | 4 | 5;

export interface Heading {
  lineIndex: number;
  level: Level;
  ordinal?: Ordinal;
  mdDepth: number;
  /** Heading text without the ordinal, up to the first sentence end. */
  title: string;
  /** Text index in the line where the heading text starts (after the ordinal). */
  titleStart: number;
  /** Text index where a run-in body starts (（一）完善制度。基础不牢……), or the line length. */
  bodyStart: number;
  parent?: Heading;
  children: Heading[];
}

export interface ReportModel {
  source: string;
  lines: Line[];
  comments: HtmlComment[];
  starPlaceholders: ParsedMarkdown['starPlaceholders'];
  /** Source offset of the first character of each source line. */
  lineStarts: number[];
  frontMatter: Record<string, unknown>;
  frontMatterRange?: { start: number; end: number; error?: string };
  titleLine?: number;
  profile?: Profile;
  headings: Heading[];
  /** The heading on each line, if that line is one. */
  headingOfLine: Array<Heading | undefined>;
}

export interface ModelOptions {
  profiles: readonly Profile[];
  /** Genre chosen by configuration; front matter `profile:` wins over it. */
  profile?: string;
}

/** Where a heading's own sentence ends and a run-in body begins. */
export const SENTENCE_END = /[。！？；!?;：:]/;
const TITLE_MAX_LENGTH = 60;
const CLAUSE_PUNCTUATION = /[。，；！？,;!?：:]$/;

export function buildModel(source: string, options: ModelOptions): ReportModel {
  const parsed = parseMarkdown(source);
  const model: ReportModel = {
    source,
    lines: parsed.lines,
    comments: parsed.comments,
    starPlaceholders: parsed.starPlaceholders,
    lineStarts: computeLineStarts(source),
    frontMatter: {},
    headings: [],
    headingOfLine: new Array(parsed.lines.length),
  };
  if (parsed.frontMatter) readFrontMatter(model, parsed.frontMatter);

  model.titleLine = findTitleLine(model.lines);
  const titleText = model.titleLine === undefined ? '' : model.lines[model.titleLine].text.trim();
  const frontMatterTitle = typeof model.frontMatter.title === 'string' ? model.frontMatter.title : '';
  const chosen = typeof model.frontMatter.profile === 'string' ? model.frontMatter.profile : options.profile;
  model.profile = chosen
    ? findProfile(chosen, options.profiles)
    : detectProfile(`${frontMatterTitle} ${titleText}`, options.profiles);

  collectHeadings(model);
  return model;
}

function readFrontMatter(model: ReportModel, block: { value: string; start: number; end: number }): void {
  model.frontMatterRange = { start: block.start, end: block.end };
  try {
    const data: unknown = parseYaml(block.value);
    if (data && typeof data === 'object' && !Array.isArray(data)) model.frontMatter = data as Record<string, unknown>;
  } catch (error) {
    model.frontMatterRange.error = error instanceof Error ? error.message : String(error);
  }
}

/** The title is a level-1 Markdown heading or a short first line with no ordinal and no sentence punctuation. */
export function looksLikeTitle(text: string, mdDepth: number): boolean {
  if (mdDepth === 1) return true;
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= TITLE_MAX_LENGTH && !CLAUSE_PUNCTUATION.test(trimmed) && !parseOrdinal(trimmed);
}

function findTitleLine(lines: Line[]): number | undefined {
  const first = lines[0];
  return first && looksLikeTitle(first.text, first.mdDepth) ? 0 : undefined;
}

function collectHeadings(model: ReportModel): void {
  const pending: Array<{ lineIndex: number; ordinal?: Ordinal; mdDepth: number }> = [];
  model.lines.forEach((line, lineIndex) => {
    if (lineIndex === model.titleLine) return;
    const ordinal = parseOrdinal(line.text);
    if (ordinal || line.mdDepth > 0) pending.push({ lineIndex, ordinal, mdDepth: line.mdDepth });
  });

  const depthOfLevel1 = levelOneDepth(model, pending);
  const stack: Heading[] = [];
  for (const { lineIndex, ordinal, mdDepth } of pending) {
    const text = model.lines[lineIndex].text;
    const level = ordinal ? ordinal.level : (Math.min(5, Math.max(1, mdDepth - depthOfLevel1 + 1)) as Level);
    const titleStart = ordinal ? skipSpace(text, ordinal.end) : skipSpace(text, 0);
    const sentenceEnd = text.slice(titleStart).search(SENTENCE_END);
    const titleEnd = sentenceEnd === -1 ? text.length : titleStart + sentenceEnd;
    const bodyStart = sentenceEnd === -1 ? text.length : skipSpace(text, titleEnd + 1);
    const heading: Heading = {
      lineIndex, level, ordinal, mdDepth,
      title: text.slice(titleStart, titleEnd).trim(),
      titleStart,
      bodyStart,
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    heading.parent = stack[stack.length - 1];
    heading.parent?.children.push(heading);
    stack.push(heading);
    model.headings.push(heading);
    model.headingOfLine[lineIndex] = heading;
  }
}

/** The Markdown depth that stands for level 1, so headings written without an ordinal get a level. */
function levelOneDepth(model: ReportModel, pending: Array<{ ordinal?: Ordinal; mdDepth: number }>): number {
  const withOrdinal = pending.find((entry) => entry.mdDepth > 0 && entry.ordinal);
  if (withOrdinal) return withOrdinal.mdDepth - withOrdinal.ordinal!.level + 1;
  const titleIsHeading = model.titleLine !== undefined && model.lines[model.titleLine].mdDepth > 0;
  const depths = pending.filter((entry) => entry.mdDepth > 0).map((entry) => entry.mdDepth);
  if (depths.length === 0) return titleIsHeading ? 2 : 1;
  return Math.max(Math.min(...depths), titleIsHeading ? 2 : 1);
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && /[ \t\u3000\u00a0]/.test(text[index])) index++;
  return index;
}

export function computeLineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 0-based source line of an offset. */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
