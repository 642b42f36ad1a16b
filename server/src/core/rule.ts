/** What a rule module exports and what it sees while checking. */
import type { ReportModel } from './model';
import type { UserPattern } from './patterns';
import type { Report, RuleMeta } from './types';

export interface RuleContext {
  readonly model: ReportModel;
  /** Extra placeholder patterns from configuration, already compiled. */
  readonly extraPlaceholders: readonly UserPattern[];
  /** Ids of the genres in force, for messages. */
  readonly profileIds: readonly string[];
  readonly options: { readonly strictHierarchy: boolean };
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
