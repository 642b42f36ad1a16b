/** Core findings and offsets → LSP diagnostics, ranges and edits (UTF-16 positions via TextDocument). */
import { type Diagnostic, DiagnosticSeverity, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../core/rules/index';
import type { Finding, Fix, Severity } from '../core/engine/types';
import { quoteForWord } from '../import/quote';

export const RULE_NAMES: ReadonlyMap<string, string> = new Map(RULES.map((rule) => [rule.meta.id, rule.meta.name]));

export const SOURCE = 'shuzhi';

/** The source of a rule's diagnostics: editors show it beside the code, so the Chinese name stands next to the id (shuzhi·占位符(placeholder)). */
export function sourceFor(rule: string): string {
  const name = RULE_NAMES.get(rule);
  return name ? `${SOURCE}·${name}` : SOURCE;
}

export function isOurs(diagnostic: Diagnostic): boolean {
  return diagnostic.source === SOURCE || diagnostic.source?.startsWith(`${SOURCE}·`) === true;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** More findings than an editor can show usefully: the rest are summed up in one note. */
export const MAX_DIAGNOSTICS = 2000;

export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toEdits(document: TextDocument, fix: Fix): TextEdit[] {
  return fix.edits.map((edit) => ({ range: toRange(document, edit.start, edit.end), newText: edit.newText }));
}

export function toDiagnostic(document: TextDocument, finding: Finding, docs: ReadonlyMap<string, string>): Diagnostic {
  const href = docs.get(finding.rule);
  return {
    range: toRange(document, finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: sourceFor(finding.rule),
    code: finding.rule,
    codeDescription: href ? { href } : undefined,
    message: finding.message,
    // The fix is looked up when a code action is asked for: a renumbering fix holds an edit for every
    // heading of its run, and copying it into each diagnostic would grow with the square of the run.
  };
}

const DOCUMENT_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function truncatedDiagnostic(hidden: number): Diagnostic {
  return {
    range: DOCUMENT_START,
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    code: 'truncated',
    message: `问题太多，只显示了前 ${MAX_DIAGNOSTICS} 个，还有 ${hidden} 个未显示。可用命令行 shuzhi lint 查看全部。`,
  };
}

/** A problem with the file as a whole (a Word file that cannot be read). */
export function fileDiagnostic(message: string): Diagnostic {
  return { range: DOCUMENT_START, severity: DiagnosticSeverity.Error, source: SOURCE, message };
}

/**
 * Diagnostics of a Word file, checked as the Markdown it converts to. They keep their place in that text
 * (the read-only view of the Word file shows it) and name the Word paragraph and quote its words, which
 * is how the writer finds them in Word.
 */
export function inWordTerms(diagnostics: readonly Diagnostic[], markdown: string, paragraphOfLine: readonly number[]): Diagnostic[] {
  const lines = markdown.split(/\r\n?|\n/);
  return diagnostics.map((diagnostic) => {
    const { start, end } = diagnostic.range;
    const paragraph = paragraphOfLine[start.line];
    const words = start.line === end.line ? quoteForWord((lines[start.line] ?? '').slice(start.character, end.character)) : '';
    const place = `${paragraph ? `第${paragraph}段` : '全文'}${words ? `“${words}”` : ''}：`;
    return { ...diagnostic, message: place + diagnostic.message };
  });
}

export function configDiagnostic(message: string): Diagnostic {
  return { range: DOCUMENT_START, severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'config', message };
}

/** The finding a diagnostic was made from, among the findings for the document's current text. */
export function findingFor(findings: readonly Finding[], document: TextDocument, diagnostic: Diagnostic): Finding | undefined {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return findings.find((finding) =>
    finding.start === start && finding.end === end && finding.rule === diagnostic.code && finding.message === diagnostic.message);
}
