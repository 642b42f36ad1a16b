/**
 * How long a draft is: characters as Word's 字数统计 counts 字数, pages as the export sets them, and
 * minutes to read it out. Counted once per model from the page layout (core/pages.ts).
 */
import type { Heading, ReportModel } from '../reading/model';
import { layoutPages, type PageLayout } from './pages';

/** Characters a minute when a report is read out at a meeting: an unhurried speaking pace. */
export const DEFAULT_READING_SPEED = 200;

export interface Limits {
  characters?: number;
  pages?: number;
  minutes?: number;
}

export interface LengthPart {
  /** 开头, the level-1 heading (一、主要工作), or 结尾. */
  name: string;
  /** 0-based model line where the part starts (the heading's line), or -1 for text not in the draft. */
  lineIndex: number;
  characters: number;
}

export interface DraftLength {
  characters: number;
  pages: number;
  minutes: number;
  /** 开头, each level-1 section, 结尾 (closing formula and signature), in the order of the draft. */
  parts: LengthPart[];
  layout: PageLayout;
}

/** Finds the size of an image written in the draft, where the adapter can read it. */
export interface ImageSizes {
  imageSize?: (url: string) => { width: number; height: number } | undefined;
}

const cache = new WeakMap<ReportModel, PageLayout>();

/** The page layout of a model, set once however many features ask (with the images of the first). */
export function layoutOf(model: ReportModel, sizes: ImageSizes = {}): PageLayout {
  let layout = cache.get(model);
  if (!layout) {
    const images = new Map<string, { width: number; height: number }>();
    for (const line of model.lines) {
      for (const anchor of line.anchors ?? []) {
        if (!('image' in anchor) || images.has(anchor.image.url)) continue;
        const size = sizes.imageSize?.(anchor.image.url);
        if (size) images.set(anchor.image.url, size);
      }
    }
    layout = layoutPages(model, { images });
    cache.set(model, layout);
  }
  return layout;
}

/**
 * The limits in force: front matter `limits:` over the configuration's, key by key. A front-matter
 * value that is not a positive number is left out (the length rule names it).
 */
export function limitsOf(model: ReportModel, configured: Limits = {}): Limits {
  const written = model.frontMatter.limits;
  const limits: Limits = { ...configured };
  if (written && typeof written === 'object') {
    for (const key of LIMIT_KEYS) {
      const value = (written as Record<string, unknown>)[key];
      if (typeof value === 'number' && value > 0) limits[key] = value;
    }
  }
  return limits;
}

export const LIMIT_KEYS = ['characters', 'pages', 'minutes'] as const;

export function draftLength(model: ReportModel, readingSpeed = DEFAULT_READING_SPEED, sizes: ImageSizes = {}): DraftLength {
  const layout = layoutOf(model, sizes);
  const { characters } = layout;
  const parts: LengthPart[] = [];
  const firstSection = model.headings.find((heading) => heading.level === 1);
  const ending = new Set(model.roles.flatMap((role, index) => (role === 'closing' || role === 'signature' || role === 'date' ? [index] : [])));
  const opening: LengthPart = { name: '开头', lineIndex: 0, characters: 0 };
  const closing: LengthPart = { name: '结尾', lineIndex: model.closingLine ?? model.signature?.dateLine ?? -1, characters: 0 };
  const sections = model.headings.filter((heading) => heading.level === 1)
    .map((heading): LengthPart => ({ name: headingName(model, heading), lineIndex: heading.lineIndex, characters: 0 }));
  for (const [lineIndex, count] of layout.charactersByLine) {
    if (lineIndex < 0) {
      // Text not written in the draft: a front-matter title opens it, a front-matter signature ends it.
      (lineIndex === -1 ? opening : closing).characters += count;
    } else if (ending.has(lineIndex)) closing.characters += count;
    else if (!firstSection || lineIndex < firstSection.lineIndex) opening.characters += count;
    else sectionAt(sections, lineIndex).characters += count;
  }
  if (opening.characters > 0) parts.push(opening);
  parts.push(...sections);
  if (closing.characters > 0) parts.push(closing);
  return { characters, pages: layout.pages.length, minutes: minutesFor(characters, readingSpeed), parts, layout };
}

/** Minutes to read out, to a tenth. */
export function minutesFor(characters: number, readingSpeed: number): number {
  return Math.round((characters / readingSpeed) * 10) / 10;
}

/** Characters under a heading: its line and everything up to the next heading of its level or above. */
export function headingCharacters(model: ReportModel, layout: PageLayout): Map<Heading, number> {
  const counts = new Map<Heading, number>();
  const open: Heading[] = [];
  const ending = (index: number) => model.roles[index] === 'closing' || model.roles[index] === 'signature' || model.roles[index] === 'date';
  const headings = [...model.headings];
  let next = 0;
  for (let lineIndex = 0; lineIndex < model.lines.length; lineIndex++) {
    while (next < headings.length && headings[next].lineIndex === lineIndex) {
      const heading = headings[next++];
      while (open.length > 0 && open[open.length - 1].level >= heading.level) open.pop();
      open.push(heading);
      counts.set(heading, 0);
    }
    const count = layout.charactersByLine.get(lineIndex) ?? 0;
    if (count === 0 || ending(lineIndex)) continue;
    for (const heading of open) counts.set(heading, counts.get(heading)! + count);
  }
  return counts;
}

/** The last section starting at or before the line (binary search: a draft may hold thousands). */
function sectionAt(sections: LengthPart[], lineIndex: number): LengthPart {
  let low = 0;
  let high = sections.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sections[mid].lineIndex <= lineIndex) low = mid;
    else high = mid - 1;
  }
  return sections[low];
}

function headingName(model: ReportModel, heading: Heading): string {
  const text = model.lines[heading.lineIndex].text;
  return text.slice(heading.start, heading.bodyStart).trim().replace(/[。：:]$/, '') || heading.title;
}
