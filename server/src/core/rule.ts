/** What a rule module exports and what it sees while checking. */
import type { ReportModel } from './model';
import type { UserPattern } from './patterns';
import type { PhraseEntry } from './phrases';
import type { Report, RuleMeta } from './types';

export interface RuleContext {
  readonly model: ReportModel;
  /** Extra placeholder patterns from configuration, already compiled. */
  readonly extraPlaceholders: readonly UserPattern[];
  /** Ids of the genres in force, for messages. */
  readonly profileIds: readonly string[];
  readonly options: { readonly strictHierarchy: boolean };
  /** Words the configuration allows: a finding inside one of them is not reported. */
  readonly allow: readonly string[];
  /** Extra wrong → right spellings from the configuration. */
  readonly phrases: readonly PhraseEntry[];
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
