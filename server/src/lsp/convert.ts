/** Core findings and offsets → LSP diagnostics, ranges and edits (UTF-16 positions via TextDocument). */
import { type Diagnostic, DiagnosticSeverity, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../core/rules/index';
import type { Finding, Fix, Severity } from '../core/types';
import { quoteForWord } from '../import/quote';

export const RULE_NAMES: ReadonlyMap<string, string> = new Map(RULES.map((rule) => [rule.meta.id, rule.meta.name]));

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
    source: 'shuzhi',
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
    source: 'shuzhi',
    code: 'truncated',
    message: `问题太多，只显示了前 ${MAX_DIAGNOSTICS} 个，还有 ${hidden} 个未显示。可用命令行 shuzhi lint 查看全部。`,
  };
}

/** A problem with the file as a whole (a Word file that cannot be read). */
export function fileDiagnostic(message: string): Diagnostic {
  return { range: DOCUMENT_START, severity: DiagnosticSeverity.Error, source: 'shuzhi', message };
}

/**
 * Diagnostics of a Word file, checked as the Markdown it converts to: its lines and columns mean nothing
 * in Word, so each diagnostic sits at the file's start and names its paragraph and quotes its words.
 */
export function inWordTerms(diagnostics: readonly Diagnostic[], markdown: string, paragraphOfLine: readonly number[]): Diagnostic[] {
  const lines = markdown.split(/\r\n?|\n/);
  return diagnostics.map((diagnostic) => {
    const { start, end } = diagnostic.range;
    const paragraph = paragraphOfLine[start.line];
    const words = start.line === end.line ? quoteForWord((lines[start.line] ?? '').slice(start.character, end.character)) : '';
    const place = `${paragraph ? `第${paragraph}段` : '全文'}${words ? `“${words}”` : ''}：`;
    return { ...diagnostic, range: DOCUMENT_START, message: place + diagnostic.message };
  });
}

export function configDiagnostic(message: string): Diagnostic {
  return { range: DOCUMENT_START, severity: DiagnosticSeverity.Warning, source: 'shuzhi', code: 'config', message };
}

/** The finding a diagnostic was made from, among the findings for the document's current text. */
export function findingFor(findings: readonly Finding[], document: TextDocument, diagnostic: Diagnostic): Finding | undefined {
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return findings.find((finding) =>
    finding.start === start && finding.end === end && finding.rule === diagnostic.code && finding.message === diagnostic.message);
}
