import { strict as assert } from 'node:assert';
import { completionsAt } from '../../server/src/core/features/complete';
import { lint, profilesFor } from '../../server/src/core/engine/lint';
import { exportDocx } from '../../server/src/export/docx';

/** Deterministic pseudo-random drafts built from the characters that matter to the rules. */
function* drafts(count: number): Generator<string> {
  const pieces = ['一、', '（一）', '(二)', '1.', '1、', '（1）', '①', '一是', '三是', '第一，', '首先，', 'X', 'XX', '×', '某某', '【待填】', '（ ）',
    '名', '人次', '万元', '%', '余', '个', '月底', '年月日', '#', '## ', '**', '*', '_', '`', '\\', '&amp;', '&#x4e00;', '<!--', '-->', '---', '|', '- ',
    '\n', '\r\n', '\n\n', '　', ' ', '。', '，', '；', '“', '”', '\uFEFF', '\uD83D\uDE00', '\uD800', '党员', '述职报告', 'profile: 述职报告\n', '```'];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = Math.floor(next() * 200);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
    yield text;
  }
}

describe('robustness on arbitrary text', () => {
  it('never throws, and every finding and fix stays inside the text', () => {
    for (const text of drafts(400)) {
      const { findings } = lint(text);
      for (const finding of findings) {
        assert.ok(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length, JSON.stringify({ text, finding }));
        for (const edit of finding.fix?.edits ?? []) assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length);
      }
    }
  });

  it('completes anywhere without throwing', () => {
    const profiles = profilesFor({});
    for (const text of drafts(60)) {
      const { model } = lint(text);
      for (let offset = 0; offset <= text.length; offset += 7) completionsAt(model, offset, profiles);
    }
  });

  it('exports arbitrary text without throwing', async () => {
    for (const text of drafts(40)) assert.ok((await exportDocx(lint(text).model)).length > 0);
  });

  it('stays linear on a long line of entities and a very long paragraph', () => {
    const entities = '&#x4e00;'.repeat(40000);
    const paragraph = '全年开展专题党课次，覆盖党员人次。'.repeat(20000);
    for (const text of [entities, paragraph]) {
      const started = process.hrtime.bigint();
      lint(text);
      // A generous bound that only a quadratic slip would break (seconds, not milliseconds).
      assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 20);
    }
  });
});
