/** One check's result as the editor sees it: diagnostics, whether the file is a report, and why. */
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DraftLength, draftLength, type ImageSizes } from '../core/features/length';
import type { LintResult } from '../core/engine/lint';
import { decideScope } from '../core/reading/scope';
import type { Finding } from '../core/engine/types';
import type { EditorSettings } from '../config/settings';
import type { StatusParams } from '../protocol';
import type { ConfigInForce } from './configInForce';
import { configDiagnostic, MAX_DIAGNOSTICS, toDiagnostic, truncatedDiagnostic } from './convert';

export interface Evaluation {
  version: number;
  result: LintResult;
  isReport: boolean;
  diagnostics: Diagnostic[];
  scopeExplanation: string;
  note?: string;
  /** Characters, pages and reading time, from the page layout: set when first asked, after the diagnostics are out. */
  length(): DraftLength;
  readingSpeed: number;
}

/** Characters beyond which typing does not trigger checks (reports are tens of thousands). */
export const LARGE_DOCUMENT = 1_000_000;

/**
 * Where a document stands: a draft of the writer's (in the workspace, unsaved, or with no folder open), a
 * file outside the workspace, or a page of the extension itself (a rule's docs page opened from a finding).
 */
export type Placement = 'draft' | 'outside' | 'own';

/** `workspaceFolders` and `ownFolders` are URIs; with no folder open every file counts as a draft. */
export function placementOf(uri: string, workspaceFolders: readonly string[], ownFolders: readonly string[]): Placement {
  const inside = (folder: string) => uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
  if (ownFolders.some(inside)) return 'own';
  if (!uri.startsWith('file:') || workspaceFolders.length === 0 || workspaceFolders.some(inside)) return 'draft';
  return 'outside';
}

export function evaluation(
  document: TextDocument, result: LintResult, settings: EditorSettings, file: ConfigInForce, docs: ReadonlyMap<string, string>, placement: Placement = 'draft',
  images: ImageSizes = {},
): Evaluation {
  const readingSpeed = file.config.readingSpeed ?? settings.readingSpeed;
  let measured: DraftLength | undefined;
  const decided = decideScope(result.model, result.findings, file.path !== undefined && placement === 'draft');
  // Outside the workspace only a file that names itself a report is checked (not by scope "all" or a .shuzhirc.json).
  const scope = placement === 'own'
    ? { checked: false, explanation: '述职报告助手自带的说明页面，不检查' }
    : placement === 'outside' && decided.reason !== 'genre'
      ? { checked: false, explanation: `不在工作区中，${decided.checked ? '也没有识别出文种' : decided.explanation}` }
      : decided;
  const isReport = placement === 'draft' ? settings.scope === 'all' || scope.checked : scope.checked;
  const shown = isReport ? result.findings.slice(0, MAX_DIAGNOSTICS) : [];
  const diagnostics = shown.map((finding) => toDiagnostic(document, finding, docs));
  if (isReport && result.findings.length > MAX_DIAGNOSTICS) diagnostics.push(truncatedDiagnostic(result.findings.length - MAX_DIAGNOSTICS));
  for (const note of result.notes ?? []) diagnostics.unshift(configDiagnostic(`${note}。`));
  if (file.error) diagnostics.unshift(configDiagnostic(file.error));
  for (const problem of settings.problems) diagnostics.unshift(configDiagnostic(`${problem}。`));
  const large = result.model.source.length > LARGE_DOCUMENT ? '文稿超过 100 万字：输入时不检查，打开和保存时检查' : undefined;
  return {
    version: document.version,
    result,
    isReport,
    scopeExplanation: scope.explanation,
    note: [file.note, large].filter(Boolean).join('；') || undefined,
    diagnostics,
    length: () => (measured ??= draftLength(result.model, readingSpeed, images)),
    readingSpeed,
  };
}

export function statusOf(uri: string, evaluation: Evaluation): StatusParams {
  return {
    uri,
    profile: evaluation.result.model.profile?.id,
    isReport: evaluation.isReport,
    scope: evaluation.scopeExplanation,
    note: evaluation.note,
    counts: countBySeverity(evaluation.isReport ? evaluation.result.findings : []),
    length: evaluation.isReport ? lengthStatus(evaluation.length(), evaluation.readingSpeed) : undefined,
  };
}

function lengthStatus(length: DraftLength, readingSpeed: number): StatusParams['length'] {
  const { characters, pages, minutes, parts } = length;
  return { characters, pages, minutes, readingSpeed, parts: parts.map((part) => ({ name: part.name, characters: part.characters })) };
}

export function countBySeverity(findings: readonly Finding[]): StatusParams['counts'] {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
