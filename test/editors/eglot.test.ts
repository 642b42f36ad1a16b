import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { program, requireNeeds } from '../requirements';
import { readmeSnippet } from '../readme';
import { type EditorRun, itWorksAsTheReadmeSays, runEditor, withSettings } from './client';

/** package.el finds a Debian elpa- package once it is installed. */
const elpa = (feature: string, debianPackage: string) => ({
  what: `Emacs 的 ${feature}`,
  debianPackage,
  present: () => spawnSync('emacs', ['--batch', '--eval', `(progn (require 'package) (package-initialize) (require '${feature}))`], { stdio: 'ignore' }).status === 0,
});

/**
 * A second real non-VS Code client: Debian's Emacs 28 with elpa-eglot, in batch mode, with the README's
 * setup as its configuration (its settings turned to values whose effect shows: a rule off, scope all).
 */
describe('Emacs eglot as an LSP client, set up as the README says (batch)', function () {
  this.timeout(90000);
  let run: EditorRun;

  before(function () {
    requireNeeds(this, [program('emacs', 'emacs-nox'), elpa('eglot', 'elpa-eglot'), elpa('markdown-mode', 'elpa-markdown-mode')]);
    const text = withSettings(readmeSnippet('### Emacs（eglot）', 'elisp'), [[':scope "reports"', ':scope "all"'], ['(:ordinal-style "warning")', '(:ordinal-style "off")']]);
    run = runEditor(
      'emacs',
      (config) => ['--batch', '--eval', `(setenv "SHUZHI_CONFIG" ${JSON.stringify(config)})`, '-l', join(__dirname, 'eglot.el')],
      { text, extension: 'el', ruleOff: 'ordinal-style' },
      80000,
    );
  });

  itWorksAsTheReadmeSays(() => run, 'ordinal-style');

  it('turns a rule off when eglot-workspace-configuration changes', () => assert.equal(run.seen.ruleOff, true));
});
