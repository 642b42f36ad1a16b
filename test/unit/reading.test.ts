import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/core/lint';
import { buildModel } from '../../server/src/core/model';
import { BUILTIN_PROFILES } from '../../server/src/core/profiles';

const model = (source: string) => buildModel(source, { profiles: BUILTIN_PROFILES });

describe('the reading of a page', () => {
  describe('genre through a site\'s decorations', () => {
    const cases: Array<[string, string]> = [
      ['县委书记述职报告范文\n\n一、主要做法\n\n全年完成投资3亿元。\n', '述职报告'],
      ['社区主任年度工作总结（9）\n\n一年来，社区工作取得成效。\n', '年度工作总结'],
      ['村党支部书记述职报告（精选6篇）\n\n第1篇\n\n一年来，我认真履行职责，全年完成投资3亿元。\n', '述职报告'],
      ['2024年乡镇工作总结和2025年工作思路\n\n一、工作完成情况\n\n全年完成投资3亿元。\n', '年度工作总结'],
      ['某县2024年度法治政府建设情况报告\n\n一、主要做法\n\n全年办理复议案件12件。\n', '述法报告'],
    ];
    for (const [source, genre] of cases) {
      it(source.split('\n')[0], () => assert.equal(model(source).profile?.id, genre));
    }

    it('keeps the title without the decoration, and says what it stripped', () => {
      const read = model('县委书记述职报告范文\n\n一、主要做法\n\n全年完成投资3亿元。\n');
      assert.equal(read.title?.text, '县委书记述职报告');
      assert.deepEqual(read.residue.map((residue) => read.lines[residue.lineIndex].text.slice(residue.start, residue.end)), ['范文']);
    });
  });

  describe('an unfinished draft', () => {
    const draft = '2024年度述职报告\n\n一、主要做法\n\n（一）抓学习\n\n全年学习40次。\n\n（二）抓落实\n';
    const severities = (source: string, rule: string) => lint(source).findings.filter((finding) => finding.rule === rule).map((finding) => finding.severity);

    it('is told about its last empty heading and a level with one item as information', () => {
      assert.equal(model(draft).ended, false);
      assert.deepEqual(severities(draft, 'empty-section'), ['info']);
      assert.deepEqual(severities(draft, 'heading-hierarchy'), ['info']);
    });

    it('gets warnings once it has its ending', () => {
      const ended = `${draft}\n以上报告，请予审议。\n`;
      assert.equal(model(ended).ended, true);
      assert.deepEqual(severities(ended, 'heading-hierarchy'), ['warning']);
      const emptyInside = ended.replace('（二）抓落实\n', '（二）抓落实\n\n二、存在问题\n\n不足。\n');
      assert.deepEqual(severities(emptyInside, 'empty-section'), ['warning']);
    });

    it('still reports missing required parts', () => {
      assert.ok(lint(draft).findings.some((finding) => finding.rule === 'required-section' && finding.severity === 'warning'));
    });

    it('an ending is a signature, or the genre\'s last part', () => {
      assert.equal(model(`${draft}\n全年学习。\n\n张三\n\n2025年1月8日\n`).ended, true);
      assert.equal(model('2024年度述职报告\n\n一、主要做法\n\n全年学习。\n\n二、存在问题\n\n不足。\n\n三、下步打算\n').ended, true);
    });
  });
});
