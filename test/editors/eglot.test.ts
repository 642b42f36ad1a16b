import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/cli';

const ROOT = join(__dirname, '..', '..');
const hasEmacs = spawnSync('emacs', ['--batch', '--eval', "(progn (require 'package) (package-initialize) (require 'eglot))"]).status === 0;

/** A second real non-VS Code client: Debian's Emacs 28 with elpa-eglot, in batch mode. */
describe('Emacs eglot as an LSP client (batch)', function () {
  this.timeout(90000);
  let dir: string;
  let seen: { diagnostics: Array<{ line: number; rule: string; message: string }>; fixedLine?: string; ruleOff: boolean; errors: string[] };
  let expected: JsonFinding[];

  before(function () {
    if (!hasEmacs) {
      // .ci/run installs emacs-nox and elpa-eglot; a developer machine without them skips.
      if (process.env.CI) throw new Error('emacs with eglot is required in CI');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-eglot-'));
    const draft = join(dir, 'report-draft.md');
    copyFileSync(join(ROOT, 'examples', 'report-draft.md'), draft);
    expected = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', draft], { encoding: 'utf8' }).stdout);
    const out = join(dir, 'seen.json');
    execFileSync('emacs', ['--batch', '-l', join(__dirname, 'eglot.el')], {
      env: { ...process.env, SHUZHI_SERVER: join(ROOT, 'dist', 'server.js'), SHUZHI_DRAFT: draft, SHUZHI_OUT: out, HOME: dir },
      timeout: 80000,
      stdio: 'ignore',
    });
    seen = JSON.parse(readFileSync(out, 'utf8'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('runs without errors in the client', () => assert.deepEqual(seen.errors, []));

  it('shows exactly the findings shuzhi lint reports', () => {
    const key = (finding: { line: number; rule: string; message: string }) => `${finding.line} ${finding.rule} ${finding.message}`;
    assert.deepEqual(seen.diagnostics.map(key).sort(), expected.map(key).sort());
  });

  it('applies a quick fix', () => assert.match(seen.fixedLine ?? '', /^1\.压紧压实责任/, JSON.stringify(seen)));

  it('turns a rule off through eglot-workspace-configuration', () => assert.equal(seen.ruleOff, true));
});
