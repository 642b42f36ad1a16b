/**
 * Table-driven rule tests, as textlint-tester and ESLint's RuleTester do: drafts a rule must leave alone,
 * drafts where it must find exactly the given texts, and what the draft becomes after fix-all of that rule.
 */
import { strict as assert } from 'node:assert';
import { fixAll } from '../../../server/src/core/engine/fix';
import { lint, type LintConfig } from '../../../server/src/core/engine/lint';
import { findingsOf } from '../helpers';

export interface InvalidCase {
  text: string;
  /** The source text each finding covers, in order. */
  found: string[];
  /** Patterns the messages must match, one per finding (or one for all). */
  messages?: RegExp[];
  /** The draft after every fix of this rule, run to the end by the fix engine. */
  output?: string;
  config?: LintConfig;
}

export interface RuleCases {
  valid: Array<string | { text: string; config?: LintConfig }>;
  invalid: InvalidCase[];
}

const label = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function testRule(rule: string, cases: RuleCases): void {
  describe(`${rule} (table)`, () => {
    for (const valid of cases.valid) {
      const { text, config } = typeof valid === 'string' ? { text: valid, config: undefined } : valid;
      it(`leaves ${label(text)} alone`, () => {
        assert.deepEqual(findingsOf(rule, text, config).map((seen) => seen.text), []);
      });
    }
    for (const invalid of cases.invalid) {
      it(`finds ${invalid.found.map((text) => `“${text}”`).join('、')} in ${label(invalid.text)}`, () => {
        const found = findingsOf(rule, invalid.text, invalid.config);
        assert.deepEqual(found.map((seen) => seen.text), invalid.found);
        for (const [index, seen] of found.entries()) {
          const pattern = invalid.messages?.[Math.min(index, invalid.messages.length - 1)];
          if (pattern) assert.match(seen.message, pattern);
        }
        if (invalid.output !== undefined) {
          const fixed = fixAll(invalid.text, invalid.config ?? {}, rule).text;
          assert.equal(fixed, invalid.output);
          // markdownlint's check: what a fix leaves behind must not still be a fixable finding of this rule.
          assert.deepEqual(lint(fixed, invalid.config).findings.filter((finding) => finding.rule === rule && finding.fix), []);
        } else {
          assert.ok(found.every((seen) => !seen.finding.fix), 'a fixable finding needs an expected output');
        }
      });
    }
  });
}
