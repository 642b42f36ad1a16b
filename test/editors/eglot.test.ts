import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/cli';
import { findingKeys, runEditor, type SeenByEditor } from './client';

const hasEmacs = spawnSync('emacs', ['--batch', '--eval', "(progn (require 'package) (package-initialize) (require 'eglot))"]).status === 0;

/** A second real non-VS Code client: Debian's Emacs 28 with elpa-eglot, in batch mode. */
describe('Emacs eglot as an LSP client (batch)', function () {
  this.timeout(90000);
  let seen: SeenByEditor;
  let expected: JsonFinding[];

  before(function () {
    if (!hasEmacs) {
      // .ci/run installs emacs-nox and elpa-eglot; a developer machine without them skips.
      if (process.env.CI) throw new Error('emacs with eglot is required in CI');
      this.skip();
    }
    ({ seen, expected } = runEditor('emacs', ['--batch', '-l', join(__dirname, 'eglot.el')], 80000));
  });

  it('runs without errors in the client', () => assert.deepEqual(seen.errors, []));

  it('shows exactly the findings shuzhi lint reports', () => assert.deepEqual(findingKeys(seen.diagnostics), findingKeys(expected)));

  it('applies a quick fix', () => assert.match(seen.fixedLine ?? '', /^1\.压紧压实责任/, JSON.stringify(seen)));

  it('turns a rule off through eglot-workspace-configuration', () => assert.equal(seen.ruleOff, true));
});
