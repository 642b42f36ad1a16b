import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/cli';

const ROOT = join(__dirname, '..', '..');
const hasNeovim = spawnSync('nvim', ['--version']).status === 0;

/** A real non-VS Code client: Debian's Neovim, headless, with its built-in LSP client. */
describe('Neovim as an LSP client (headless)', function () {
  this.timeout(60000);
  let dir: string;
  let seen: { diagnostics: Array<{ line: number; rule: string; message: string }>; fixedLine?: string; completions: string[]; ruleOff: boolean; errors: string[] };
  let expected: JsonFinding[];

  before(function () {
    if (!hasNeovim) {
      // .ci/run installs neovim; a developer machine without it skips.
      if (process.env.CI) throw new Error('nvim is required in CI');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-nvim-'));
    const draft = join(dir, 'report-draft.md');
    copyFileSync(join(ROOT, 'examples', 'report-draft.md'), draft);
    // Exit code 1 only means the draft has errors, which this one has on purpose.
    expected = JSON.parse(spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', draft], { encoding: 'utf8' }).stdout);
    const out = join(dir, 'seen.json');
    execFileSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'neovim.lua')}`], {
      env: { ...process.env, SHUZHI_SERVER: join(ROOT, 'dist', 'server.js'), SHUZHI_DRAFT: draft, SHUZHI_OUT: out },
      timeout: 50000,
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

  it('completes the next enumeration marker', () => assert.ok(seen.completions.includes('二是'), seen.completions.join(' ')));

  it('turns a rule off through the client settings', () => assert.equal(seen.ruleOff, true));
});
