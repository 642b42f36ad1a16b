import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/cli';
import { findingKeys, runEditor, type SeenByEditor } from './client';

const hasNeovim = spawnSync('nvim', ['--version']).status === 0;

/** A real non-VS Code client: Debian's Neovim, headless, with its built-in LSP client. */
describe('Neovim as an LSP client (headless)', function () {
  this.timeout(60000);
  let seen: SeenByEditor;
  let expected: JsonFinding[];

  before(function () {
    if (!hasNeovim) {
      // .ci/run installs neovim; a developer machine without it skips.
      if (process.env.CI) throw new Error('nvim is required in CI');
      this.skip();
    }
    ({ seen, expected } = runEditor('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'neovim.lua')}`], 50000));
  });

  it('runs without errors in the client', () => assert.deepEqual(seen.errors, []));

  it('shows exactly the findings shuzhi lint reports', () => assert.deepEqual(findingKeys(seen.diagnostics), findingKeys(expected)));

  it('applies a quick fix', () => assert.match(seen.fixedLine ?? '', /^1\.压紧压实责任/, JSON.stringify(seen)));

  it('completes the next enumeration marker', () => assert.ok(seen.completions?.includes('二是'), seen.completions?.join(' ')));

  it('turns a rule off through the client settings', () => assert.equal(seen.ruleOff, true));
});
