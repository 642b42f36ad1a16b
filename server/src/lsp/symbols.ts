/** The model's headings as LSP document symbols, folding ranges and the client's outline list. */
import { DocumentSymbol, type FoldingRange, SymbolKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Heading, ReportModel } from '../core/reading/model';
import { headingName, headingRange } from '../core/reading/structure';
import type { OutlineItem } from '../protocol';
import { toRange } from './convert';

export function documentSymbols(document: TextDocument, model: ReportModel): DocumentSymbol[] {
  const sectionEnd = sectionEnds(model);
  const symbolOf = (heading: Heading): DocumentSymbol => {
    const { start, end } = headingRange(model, heading);
    return DocumentSymbol.create(
      headingName(heading),
      undefined,
      heading.level === 1 ? SymbolKind.Module : heading.level === 2 ? SymbolKind.Namespace : SymbolKind.String,
      toRange(document, start, Math.max(end, sectionEnd.get(heading)!)),
      toRange(document, start, end),
      heading.children.map(symbolOf),
    );
  };
  return model.headings.filter((heading) => !heading.parent).map(symbolOf);
}

export function foldingRanges(document: TextDocument, model: ReportModel): FoldingRange[] {
  const sectionEnd = sectionEnds(model);
  const ranges: FoldingRange[] = [];
  for (const heading of model.headings) {
    const startLine = document.positionAt(headingRange(model, heading).start).line;
    const endLine = document.positionAt(sectionEnd.get(heading)!).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}

export function outlineItems(document: TextDocument, model: ReportModel): OutlineItem[] {
  return model.headings.map((heading) => ({
    name: headingName(heading), level: heading.level, line: document.positionAt(headingRange(model, heading).start).line,
  }));
}

/** Where each heading's section ends: the end of the last line before the next heading of the same or a higher level. */
function sectionEnds(model: ReportModel): Map<Heading, number> {
  const ends = new Map<Heading, number>();
  const close = (heading: Heading, lastLine: number) => {
    const line = model.lines[Math.max(lastLine, heading.lineIndex)];
    ends.set(heading, line.map[line.text.length]);
  };
  const open: Heading[] = [];
  for (const heading of model.headings) {
    while (open.length > 0 && open[open.length - 1].level >= heading.level) close(open.pop()!, heading.lineIndex - 1);
    open.push(heading);
  }
  for (const heading of open) close(heading, model.lines.length - 1);
  return ends;
}
