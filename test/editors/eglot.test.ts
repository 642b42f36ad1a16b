import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/cli';
import { program, requireNeeds } from '../requirements';
import { readmeSnippet } from '../readme';
import { findingKeys, runEditor, type SeenByEditor, withSettings } from './client';

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
  let seen: SeenByEditor;
  let expected: JsonFinding[];
  let expectedNote: JsonFinding[];

  before(function () {
    requireNeeds(this, [program('emacs', 'emacs-nox'), elpa('eglot', 'elpa-eglot'), elpa('markdown-mode', 'elpa-markdown-mode')]);
    const text = withSettings(readmeSnippet('### Emacs（eglot）', 'elisp'), [[':scope "reports"', ':scope "all"'], ['(:ordinal-style "warning")', '(:ordinal-style "off")']]);
    ({ seen, expected, expectedNote } = runEditor(
      'emacs',
      (config) => ['--batch', '--eval', `(setenv "SHUZHI_CONFIG" ${JSON.stringify(config)})`, '-l', join(__dirname, 'eglot.el')],
      { text, extension: 'el', ruleOff: 'ordinal-style' },
      80000,
    ));
  });

  it('runs without errors in the client', () => assert.deepEqual(seen.errors, []));

  it('shows exactly the findings shuzhi lint reports with the rule the settings turn off left out', () => {
    assert.ok(!expected.some((finding) => finding.rule === 'ordinal-style') && expected.length > 10);
    assert.deepEqual(findingKeys(seen.diagnostics), findingKeys(expected));
  });

  it('checks a note, because the settings say scope all', () => {
    assert.ok(expectedNote.length > 0);
    assert.deepEqual(findingKeys(seen.noteDiagnostics), findingKeys(expectedNote));
  });

  it('applies a quick fix', () => assert.match(seen.fixedLine ?? '', /^（三）坚持严管厚爱/, JSON.stringify(seen)));

  it('turns a rule off when eglot-workspace-configuration changes', () => assert.equal(seen.ruleOff, true));
});
