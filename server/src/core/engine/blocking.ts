/** Findings that mean the draft is not finished: exporting it would hand in blanks. */
import type { Finding } from './types';

export const BLOCKING_RULES: readonly string[] = ['placeholder', 'missing-number', 'template-residue', 'name-gap', 'required-section'];

export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => BLOCKING_RULES.includes(finding.rule));
}
