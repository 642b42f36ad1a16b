import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint';
import { lineOfOffset } from '../../server/src/core/model';

/**
 * Each fixture states its expected findings at the end of the line they belong to:
 * `……<!-- expect: missing-number×2, placeholder -->`. Lines without a comment expect nothing.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');

function expectedFindings(text: string): Map<number, string[]> {
  const expected = new Map<number, string[]>();
  text.split(/\r\n?|\n/).forEach((line, index) => {
    const match = /<!-- expect: ([^>]*) -->/.exec(line);
    if (!match) return;
    const rules = match[1].split(',').flatMap((item) => {
      const [rule, count] = item.trim().split('×');
      return Array<string>(count ? Number(count) : 1).fill(rule);
    });
    expected.set(index, rules.sort());
  });
  return expected;
}

function actualFindings(text: string): Map<number, string[]> {
  const { findings, model } = lint(text);
  const actual = new Map<number, string[]>();
  for (const finding of findings) {
    const line = lineOfOffset(model.lineStarts, finding.start);
    actual.set(line, [...(actual.get(line) ?? []), finding.rule].sort());
  }
  return actual;
}

const variants: Array<[string, (text: string) => string]> = [
  ['LF', (text) => text],
  ['CRLF', (text) => text.replace(/\n/g, '\r\n')],
  ['BOM + CRLF', (text) => '\uFEFF' + text.replace(/\n/g, '\r\n')],
  ['CR', (text) => text.replace(/\n/g, '\r')],
];

describe('fixture drafts', () => {
  for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.md'))) {
    const source = readFileSync(join(FIXTURES, name), 'utf8');
    for (const [variant, transform] of variants) {
      it(`${name} (${variant}) gives exactly the findings marked in it`, () => {
        const text = transform(source);
        const describeLines = (map: Map<number, string[]>) =>
          [...map.entries()].sort((a, b) => a[0] - b[0]).map(([line, rules]) => `${line + 1}: ${rules.join(', ')}`);
        assert.deepEqual(describeLines(actualFindings(text)), describeLines(expectedFindings(text)));
      });
    }
  }

  it('filled reports raise no placeholder or missing-number finding', () => {
    for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('-filled.md'))) {
      const { findings } = lint(readFileSync(join(FIXTURES, name), 'utf8'));
      const alarms = findings.filter((finding) => finding.rule === 'placeholder' || finding.rule === 'missing-number');
      assert.deepEqual(alarms.map((finding) => finding.message), [], name);
    }
  });
});
