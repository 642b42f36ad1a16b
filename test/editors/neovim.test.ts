import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/cli';
import { program, requireNeeds } from '../requirements';
import { readmeSnippet } from '../readme';
import { findingKeys, runEditor, type SeenByEditor, withSettings } from './client';

/**
 * A real non-VS Code client: Debian's Neovim 0.7.2, headless, with the README's init.lua as its only
 * configuration (its settings turned to values whose effect shows: a rule off, scope all).
 */
describe('Neovim as an LSP client, set up as the README says (headless)', function () {
  this.timeout(90000);
  let seen: SeenByEditor;
  let expected: JsonFinding[];
  let expectedNote: JsonFinding[];

  before(function () {
    requireNeeds(this, [program('nvim', 'neovim')]);
    const text = withSettings(readmeSnippet('### Neovim', 'lua'), [["['ordinal-style'] = 'warning'", "['ordinal-style'] = 'off'"], ["scope = 'reports'", "scope = 'all'"]]);
    ({ seen, expected, expectedNote } = runEditor(
      'nvim',
      (config) => ['--headless', '-u', config, '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'neovim.lua')}`],
      { text, extension: 'lua', ruleOff: 'ordinal-style' },
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

  it('completes the next enumeration marker', () => assert.ok(seen.completions?.includes('二是'), seen.completions?.join(' ')));

  it('turns a rule off when the client settings change', () => assert.equal(seen.ruleOff, true));
});
