/** The report model as a reader sees it, for `shuzhi outline` and tests: plain data, 1-based source lines. */
import type { GenreSource } from '../reading/genre';
import { type DraftLength, draftLength, headingCharacters } from './length';
import { type Heading, lineOfOffset, type ReportModel } from '../reading/model';
import { ordinalLabel } from '../reading/ordinals';
import type { ScopeDecision } from '../reading/scope';

export interface OutlineHeading {
  level: number;
  /** The ordinal as the standard writes it (一、（一）1.), or null for a Markdown heading without one. */
  ordinal: string | null;
  title: string;
  line: number;
  /** Characters (Word's 字数) under the heading, its own line included. */
  characters: number;
  children: OutlineHeading[];
}

export interface LineText {
  line: number;
  text: string;
}

export interface ReportOutline {
  genre: string | null;
  genreSource: GenreSource | null;
  checkedByDefault: boolean;
  scopeReason: string;
  title: (LineText & { lines: number[] }) | null;
  subtitle: LineText | null;
  /** The 主送机关 (县委、县人民政府：). */
  addressee: LineText | null;
  salutation: LineText | null;
  opening: LineText | null;
  closing: LineText | null;
  residue: Array<{ line: number; text: string; whole: boolean; reason: string }>;
  toc: { first: number; last: number } | null;
  headings: OutlineHeading[];
  signature: { name: string | null; date: string | null; source: 'body' | 'frontMatter'; lines: number[] } | null;
  /** Characters as Word counts 字数, pages as the export sets them, minutes to read out. */
  length: { characters: number; pages: number; minutes: number; parts: Array<{ name: string; line: number | null; characters: number }> };
}

export function reportOutline(model: ReportModel, scope: ScopeDecision, measured: DraftLength = draftLength(model)): ReportOutline {
  const sourceLine = (lineIndex: number, textIndex = 0) => lineOfOffset(model.lineStarts, model.lines[lineIndex].map[textIndex]) + 1;
  const lineText = (lineIndex: number | undefined): LineText | null =>
    lineIndex === undefined ? null : { line: sourceLine(lineIndex), text: model.lines[lineIndex].text.trim() };
  const heading = (node: Heading): OutlineHeading => ({
    level: node.level,
    ordinal: node.ordinal ? ordinalLabel(node.ordinal.level, node.ordinal.value) : null,
    title: node.title,
    line: sourceLine(node.lineIndex, node.start),
    characters: underHeadings.get(node) ?? 0,
    children: node.children.map(heading),
  });
  const underHeadings = headingCharacters(model, measured.layout);
  const { title, signature, toc } = model;
  return {
    genre: model.profile?.id ?? null,
    genreSource: model.profile ? model.genreSource ?? null : null,
    checkedByDefault: scope.checked,
    scopeReason: scope.explanation,
    title: title ? { line: sourceLine(title.lineIndexes[0]), lines: title.lineIndexes.map((index) => sourceLine(index)), text: title.text } : null,
    subtitle: lineText(model.subtitleLine),
    addressee: lineText(model.addresseeLine),
    salutation: lineText(model.salutationLine),
    opening: lineText(model.openingLine),
    closing: lineText(model.closingLine),
    residue: model.residue.map((residue) => ({
      line: sourceLine(residue.lineIndex, residue.start),
      text: model.lines[residue.lineIndex].text.slice(residue.start, residue.end),
      whole: residue.whole,
      reason: residue.reason,
    })).sort((a, b) => a.line - b.line),
    toc: toc ? { first: sourceLine(toc.first), last: sourceLine(toc.last) } : null,
    headings: model.headings.filter((node) => !node.parent).map(heading),
    signature: signature ? {
      name: signature.name ?? null,
      date: signature.date ?? null,
      source: signature.source,
      lines: [...signature.nameLines, ...(signature.dateLine === undefined ? [] : [signature.dateLine])].map((index) => sourceLine(index)),
    } : null,
    length: {
      characters: measured.characters,
      pages: measured.pages,
      minutes: measured.minutes,
      parts: measured.parts.map((part) => ({ name: part.name, line: part.lineIndex < 0 ? null : sourceLine(part.lineIndex), characters: part.characters })),
    },
  };
}
