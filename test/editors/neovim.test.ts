import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { program, requireNeeds } from '../requirements';
import { readmeSnippet } from '../readme';
import { type EditorRun, itWorksAsTheReadmeSays, runEditor, withSettings } from './client';

/**
 * A real non-VS Code client: Debian's Neovim 0.7.2, headless, with the README's init.lua as its only
 * configuration (its settings turned to values whose effect shows: a rule off, scope all).
 */
describe('Neovim as an LSP client, set up as the README says (headless)', function () {
  this.timeout(90000);
  let run: EditorRun;

  before(function () {
    requireNeeds(this, [program('nvim', 'neovim')]);
    const text = withSettings(readmeSnippet('### Neovim', 'lua'), [["['ordinal-style'] = 'warning'", "['ordinal-style'] = 'off'"], ["scope = 'reports'", "scope = 'all'"]]);
    run = runEditor(
      'nvim',
      (config) => ['--headless', '-u', config, '-i', 'NONE', '-n', '-c', `luafile ${join(__dirname, 'neovim.lua')}`],
      { text, extension: 'lua', ruleOff: 'ordinal-style' },
      80000,
    );
  });

  itWorksAsTheReadmeSays(() => run, 'ordinal-style');

  it('completes the next enumeration marker', () => assert.ok(run.seen.completions?.includes('二是'), run.seen.completions?.join(' ')));

  it('turns a rule off when the client settings change', () => assert.equal(run.seen.ruleOff, true));
});
