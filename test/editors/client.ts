/** Runs a real editor as shuzhi's LSP client on a copy of the example draft, beside what `shuzhi lint` says of it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/cli';

const ROOT = join(__dirname, '..', '..');

export interface SeenByEditor {
  diagnostics: Array<{ line: number; rule: string; message: string }>;
  fixedLine?: string;
  completions?: string[];
  ruleOff: boolean;
  errors: string[];
}

/**
 * The editor script reads SHUZHI_SERVER, SHUZHI_DRAFT and SHUZHI_OUT and writes what it saw to the
 * latter as JSON. Returns that, and the CLI's findings for the same draft.
 */
export function runEditor(command: string, args: string[], timeout: number): { seen: SeenByEditor; expected: JsonFinding[] } {
  const dir = mkdtempSync(join(tmpdir(), 'shuzhi-editor-'));
  try {
    const draft = join(dir, 'report-draft.md');
    copyFileSync(join(ROOT, 'examples', 'report-draft.md'), draft);
    // Exit code 1 only means the draft has errors, which this one has on purpose.
    const expected = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', draft], { encoding: 'utf8' }).stdout) as JsonFinding[];
    const out = join(dir, 'seen.json');
    execFileSync(command, args, {
      env: { ...process.env, SHUZHI_SERVER: join(ROOT, 'dist', 'server.js'), SHUZHI_DRAFT: draft, SHUZHI_OUT: out, HOME: dir },
      timeout,
      stdio: 'ignore',
    });
    return { seen: JSON.parse(readFileSync(out, 'utf8')) as SeenByEditor, expected };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `line rule message` of each finding, sorted: the editor's diagnostics and the CLI's findings compare equal. */
export function findingKeys(findings: Array<{ line: number; rule: string; message: string }>): string[] {
  return findings.map((finding) => `${finding.line} ${finding.rule} ${finding.message}`).sort();
}
