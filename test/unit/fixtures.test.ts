import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../server/src/core/engine/fix';
import { lint } from '../../server/src/core/engine/lint';
import { lineOfOffset } from '../../server/src/core/reading/model';

/**
 * Each fixture states its expected findings at the end of the line they belong to:
 * `……<!-- expect: missing-number×2, placeholder -->`. Lines without a comment expect nothing.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
/** Every finding with its line, UTF-16 columns and message, and the draft after fix-all, per fixture. */
const EXPECTED = join(FIXTURES, 'expected');
/** `SHUZHI_UPDATE_EXPECTED=1 npm test` rewrites the expected files; review the diff before committing. */
const UPDATE = process.env.SHUZHI_UPDATE_EXPECTED === '1';

/** `line:column-line:column rule message`, 1-based lines, UTF-16 columns as editors count them. */
function findingLines(text: string): string {
  const body = text.replace(/^\uFEFF/, '');
  const shift = text.length - body.length;
  const document = TextDocument.create('file:///fixture.md', 'markdown', 1, body);
  const at = (offset: number) => {
    const position = document.positionAt(offset - shift);
    return `${position.line + 1}:${position.character}`;
  };
  return lint(text).findings.map((finding) => `${at(finding.start)}-${at(finding.end)} ${finding.rule} ${finding.message}`).join('\n') + '\n';
}

function matchesExpected(file: string, actual: string): void {
  const path = join(EXPECTED, file);
  if (UPDATE || !existsSync(path)) writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'), `${file} differs (SHUZHI_UPDATE_EXPECTED=1 rewrites it)`);
}

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
        // Same places, columns and messages in every line-ending variant.
        matchesExpected(`${name}.findings.txt`, findingLines(text));
      });
    }

    it(`${name}: fix-all gives the expected draft and leaves nothing fixable`, () => {
      const fixed = fixAll(source);
      assert.deepEqual(fixed.remaining.map((finding) => finding.message), [], 'fixable error(s) not fixed');
      assert.deepEqual(lint(fixed.text).findings.filter((finding) => finding.fix).map((finding) => finding.message), []);
      if (fixed.text !== source) matchesExpected(`${name}.fixed.md`, fixed.text);
      else assert.ok(!existsSync(join(EXPECTED, `${name}.fixed.md`)), 'nothing to fix, yet an expected fixed draft');
    });
  }

  it('filled reports raise no placeholder or missing-number finding', () => {
    for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('-filled.md'))) {
      const { findings } = lint(readFileSync(join(FIXTURES, name), 'utf8'));
      const alarms = findings.filter((finding) => finding.rule === 'placeholder' || finding.rule === 'missing-number');
      assert.deepEqual(alarms.map((finding) => finding.message), [], name);
    }
  });
});
