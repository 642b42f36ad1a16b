import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhraseMatcher } from '../../server/src/core/lexicon/phrases';

const DRAFTS = ['examples/report-draft.md', 'test/fixtures/shuzhi-filled.md', 'test/fixtures/download-template.md', 'test/fixtures/copied-county.md']
  .map((path) => readFileSync(join(__dirname, '../..', path), 'utf8'));

describe('phrase matcher', () => {
  const units = new PhraseMatcher([['个', 1], ['人次', 2], ['人', 3], ['万元', 4], ['次', 5]]);
  const slips = new PhraseMatcher([['布署', 'a'], ['再接再砺', 'b'], ['党建', 'c']]);
  const lists = new PhraseMatcher([['政治意识', 'x'], ['大局意识', 'y']]);

  it('finds the longest key at each place, never overlapping', () => {
    assert.deepEqual(units.find('培训人次，投入万元个').map(({ index, length, entry }) => [index, length, entry]), [[2, 2, 2], [7, 2, 4], [9, 1, 1]]);
  });

  it('tells in one pass which matchers may find something in a line, and never clears one that does', () => {
    const candidatesIn = PhraseMatcher.candidatesOf([units, slips, lists]);
    const matchers = [units, slips, lists];
    let cleared = 0;
    for (const line of DRAFTS.join('\n').split('\n').concat(['认真布署工作', '增强政治意识、大局意识', '党'])) {
      const candidates = candidatesIn(line);
      matchers.forEach((matcher, i) => {
        if (candidates & (1 << i)) return;
        cleared++;
        assert.deepEqual(matcher.find(line), [], `${i}: ${line}`);
      });
    }
    assert.ok(cleared > 100, `${cleared} scans spared`);
  });

  it('finds the same keys after a character that starts none', () => {
    for (const line of DRAFTS.join('\n').split('\n')) {
      for (const lead of ['。', '人', '万', 'a']) {
        if (units.canStart(lead.charCodeAt(0))) continue;
        assert.deepEqual(units.find(lead + line).map((match) => ({ ...match, index: match.index - 1 })), units.find(line), line);
      }
    }
    assert.ok(units.canStart('人'.charCodeAt(0)) && units.canStart('万'.charCodeAt(0)) && !units.canStart('。'.charCodeAt(0)));
  });
});
