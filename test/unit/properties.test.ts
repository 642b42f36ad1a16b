import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fixAll } from '../../server/src/core/engine/fix';
import { lint } from '../../server/src/core/engine/lint';
import { exportDocx } from '../../server/src/export/docx';

/**
 * Random report-like Markdown, built from the pieces real drafts are made of (ordinals, placeholders,
 * enumerations, tables, comments, front matter, astral characters, every line ending, controls, nesting).
 */
const PIECES = [
  '一、', '二、', '四、', '（一）', '（三）', '(二)、', '1.', '1、', '10', '（1）', '①', '## ', '# ', '> ', '- ', '* ', '1. ',
  '一是', '二是', '三是', '第一，', '第三，', '首先', '其次，', '再次，', '：', '。', '；', '，', '、',
  '主要做法', '存在问题', '下步打算', '2024年度述职报告', '尊敬的各位领导：', '以上报告，请予评议。', '现将有关情况报告如下：',
  '投入资金', '万元', 'X名', 'XX', '20XX年', '***', '*', '**', '【待填】', '【请填写具体做法】', '〔 〕', '（ ）', '____', '某某',
  '开展培训', '次', '人次', '个', '%', '截至', '月底', '2025年1月8日', '二〇二五年一月八日', '张三', '县委书记　',
  '| 项目 | 数量 |\n| --- | --- |\n| 党员 | 12 |', '<!-- shuzhi-disable-next-line -->', '<!-- ', '-->', '---\nprofile: 述职报告\n---\n',
  '仅供学习 禁止外传', '- 25.50 KB', '……此处隐藏12个字……', '目录', '……………3',
  '😀', '𠀀', '\u0007', '\uFFFE', '\u3000\u3000', '\t', '\\', '&amp;', '&#x4e00;', '`code`', '```\n', '[链接](http://x)',
];
const LINE_ENDINGS = ['\n', '\r\n', '\r', '\n\n'];

const draft = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), fc.constantFrom(...LINE_ENDINGS)), { maxLength: 14 }),
  )
  .map(([bom, lines]) => (bom ? '\uFEFF' : '') + lines.map(([pieces, ending]) => pieces.join('') + ending).join(''));

const isLowSurrogate = (text: string, index: number) => /[\uDC00-\uDFFF]/.test(text[index] ?? '') && /[\uD800-\uDBFF]/.test(text[index - 1] ?? '');
const RUNS = Number(process.env.SHUZHI_PROPERTY_RUNS ?? 10000);

describe('properties over random report-like drafts', function () {
  this.timeout(600000);

  it(`never throws, keeps every range inside the text on character boundaries (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(draft, (text) => {
        for (const finding of lint(text).findings) {
          assert.ok(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length, `${finding.rule} ${finding.start}-${finding.end}`);
          assert.ok(!isLowSurrogate(text, finding.start) && !isLowSurrogate(text, finding.end), `${finding.rule} splits a surrogate pair`);
          for (const edit of finding.fix?.edits ?? []) assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`fixes converge: after fix-all nothing fixable is left, and a second fix-all changes nothing (${RUNS / 5} cases)`, () => {
    fc.assert(
      fc.property(draft, (text) => {
        const first = fixAll(text);
        assert.deepEqual(first.remaining.map((finding) => finding.message), []);
        assert.equal(fixAll(first.text).text, first.text);
      }),
      { numRuns: RUNS / 5 },
    );
  });

  it('exports every draft to a Word file', async () => {
    await fc.assert(
      fc.asyncProperty(draft, async (text) => {
        assert.ok((await exportDocx(lint(text).model)).length > 0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('fix engine', () => {
  it('converges in one action where one pass leaves work (zongjie-defects: renumbering beside a style fix)', () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'zongjie-defects.md'), 'utf8');
    const outcome = fixAll(source);
    assert.deepEqual(outcome.remaining, []);
    assert.match(outcome.text, /### （二）推进产业发展/);
    assert.match(outcome.text, /### （三）抓实人居环境整治/);
    assert.match(outcome.text, /## 三、下一步工作计划/);
    assert.match(outcome.text, /^1\.稳定粮食生产/m);
    assert.deepEqual(lint(outcome.text).findings.filter((finding) => finding.fix), []);
  });
});
