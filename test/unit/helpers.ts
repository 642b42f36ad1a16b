import { main } from '../../server/src/cli/main';
import { lint, type LintConfig } from '../../server/src/core/engine/lint';
import type { Finding } from '../../server/src/core/engine/types';

export interface Seen {
  /** The source text the finding covers. */
  text: string;
  message: string;
  finding: Finding;
}

/** Findings of one rule on a draft, with the text each one covers. */
export function findingsOf(rule: string, source: string, config: LintConfig = {}): Seen[] {
  return lint(source, config)
    .findings.filter((finding) => finding.rule === rule)
    .map((finding) => ({ text: source.slice(finding.start, finding.end), message: finding.message, finding }));
}

/** Applies a finding's fix edits to the source. */
export function applyFix(source: string, finding: Finding): string {
  const edits = [...(finding.fix?.edits ?? [])].sort((a, b) => b.start - a.start);
  let result = source;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with `cwd` as its working folder and `stdin` as standard input. */
export async function runCli(args: string[], cwd: string, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: async () => new TextEncoder().encode(stdin),
    cwd,
  });
  return { code, stdout, stderr };
}

/** A report draft with its title, written in Markdown. */
export const REPORT = (body: string): string => `2024年度述职报告\n\n${body}`;

/** A draft as Word pastes it: CRLF, no #, full-width indents. */
export const WORD_PASTE = (body: string): string => `2024年度述职报告\r\n\r\n${body}`;
