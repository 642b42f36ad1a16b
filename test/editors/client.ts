/**
 * Runs a real editor, configured with the README's own snippet for it, as shuzhi's LSP client on a copy
 * of the example draft and on a note, beside what `shuzhi lint` says of them.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { JsonFinding } from '../../server/src/cli/main';

const ROOT = join(__dirname, '..', '..');

/** A note, not a report: the server checks it only with `scope` set to `all`. */
export const NOTE = '会议记录\n\n今天讨论了下周安排，投入资金X万元。\n';

export interface SeenByEditor {
  diagnostics: Array<{ line: number; rule: string; message: string }>;
  noteDiagnostics: Array<{ line: number; rule: string; message: string }>;
  fixedLine?: string;
  completions?: string[];
  ruleOff: boolean;
  errors: string[];
}

/** The snippet with each setting value replaced by one whose effect shows; each must occur exactly once. */
export function withSettings(snippet: string, replacements: Array<[string, string]>): string {
  let result = snippet;
  for (const [from, to] of replacements) {
    const count = result.split(from).length - 1;
    if (count !== 1) throw new Error(`expected “${from}” once in the README snippet, found it ${count} times:\n${snippet}`);
    result = result.replace(from, to);
  }
  return result;
}

/**
 * Runs `command args` with SHUZHI_CONFIG (the snippet, saved with `extension`), SHUZHI_DRAFT, SHUZHI_NOTE
 * and SHUZHI_OUT set, and `shuzhi-language-server` on PATH as after `npm install -g .`. The editor
 * script writes what it saw to SHUZHI_OUT as JSON. Returns that, and the CLI's findings on the same
 * files with `ruleOff` turned off (the settings the snippet was given).
 */
export interface EditorRun {
  seen: SeenByEditor;
  expected: JsonFinding[];
  expectedNote: JsonFinding[];
}

export function runEditor(
  command: string,
  args: (config: string) => string[],
  snippet: { text: string; extension: string; ruleOff: string },
  timeout: number,
): EditorRun {
  const dir = mkdtempSync(join(tmpdir(), 'shuzhi-editor-'));
  try {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const launcher = join(bin, 'shuzhi-language-server');
    writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${join(ROOT, 'dist', 'server.js')}' "$@"\n`);
    chmodSync(launcher, 0o755);
    const work = join(dir, 'work');
    mkdirSync(work);
    const draft = join(work, 'report-draft.md');
    const note = join(work, 'note.md');
    copyFileSync(join(ROOT, 'examples', 'report-draft.md'), draft);
    writeFileSync(note, NOTE);
    const config = join(dir, `config.${snippet.extension}`);
    writeFileSync(config, snippet.text);
    // Outside the drafts' folder, so only the CLI reads it.
    const cliConfig = join(dir, 'cli.json');
    writeFileSync(cliConfig, JSON.stringify({ rules: { [snippet.ruleOff]: 'off' } }));
    const out = join(dir, 'seen.json');
    execFileSync(command, args(config), {
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, SHUZHI_DRAFT: draft, SHUZHI_NOTE: note, SHUZHI_OUT: out, HOME: dir },
      timeout,
      stdio: 'ignore',
    });
    return {
      seen: JSON.parse(readFileSync(out, 'utf8')) as SeenByEditor,
      expected: lintJson(draft, ['--config', cliConfig]),
      expectedNote: lintJson(note, []),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function lintJson(file: string, options: string[]): JsonFinding[] {
  // Exit code 1 only means the file has errors, which these have on purpose.
  return JSON.parse(spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', ...options, file], { encoding: 'utf8' }).stdout) as JsonFinding[];
}

/** `line rule message` of each finding, sorted: the editor's diagnostics and the CLI's findings compare equal. */
export function findingKeys(findings: Array<{ line: number; rule: string; message: string }>): string[] {
  return findings.map((finding) => `${finding.line} ${finding.rule} ${finding.message}`).sort();
}

/** What every editor set up as the README says must show; `run` is filled in by the suite's `before`. */
export function itWorksAsTheReadmeSays(run: () => EditorRun, ruleOff: string): void {
  it('runs without errors in the client', () => assert.deepEqual(run().seen.errors, []));

  it('shows exactly the findings shuzhi lint reports with the rule the settings turn off left out', () => {
    const { seen, expected } = run();
    assert.ok(!expected.some((finding) => finding.rule === ruleOff) && expected.length > 10);
    assert.deepEqual(findingKeys(seen.diagnostics), findingKeys(expected));
  });

  it('checks a note, because the settings say scope all', () => {
    const { seen, expectedNote } = run();
    assert.ok(expectedNote.length > 0);
    assert.deepEqual(findingKeys(seen.noteDiagnostics), findingKeys(expectedNote));
  });

  it('applies a quick fix', () => assert.match(run().seen.fixedLine ?? '', /^（三）坚持严管厚爱/, JSON.stringify(run().seen)));
}
