/** What a writer meets in the first hour in an editor, where it is decided outside the editor. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_ANYWAY, SHOW_PROBLEMS, unfinishedQuestion } from '../../client/src/exportQuestion';
import { BUILTIN_PROFILES, byCommonness } from '../../server/src/core/lexicon/profiles';
import { prepareExport } from '../../server/src/export/prepare';
import { placementOf } from '../../server/src/lsp/evaluate';
import { twinsOfDrafts } from '../../server/src/io/twins';

const ROOT = join(__dirname, '..', '..');

describe('the genre pick list', () => {
  it('lists the built-in genres from the most written, 述职报告 first, and a unit\'s own genres before them', () => {
    assert.deepEqual(byCommonness(BUILTIN_PROFILES).map((profile) => profile.id), ['述职报告', '年度工作总结', '述责述廉报告', '对照检查材料', '述法报告']);
    const own = { id: '巡察整改报告', titles: ['巡察整改'], sections: [] };
    assert.equal(byCommonness([...BUILTIN_PROFILES, own])[0].id, '巡察整改报告');
  });
});

describe('what is a draft', () => {
  const folders = ['file:///home/w/reports'];
  const own = ['file:///home/w/.vscode/extensions/shuzhi.shuzhi-0.1.0'];
  it('never checks the extension\'s own pages, checks files outside the workspace only as reports by name', () => {
    assert.equal(placementOf('file:///home/w/.vscode/extensions/shuzhi.shuzhi-0.1.0/docs/rules/placeholder.md', folders, own), 'own');
    assert.equal(placementOf('file:///home/w/reports/2024/述职报告.md', folders, own), 'draft');
    assert.equal(placementOf('file:///home/w/reports-old/述职报告.md', folders, own), 'outside', 'a folder named alike is another folder');
    assert.equal(placementOf('untitled:Untitled-1', folders, own), 'draft');
    assert.equal(placementOf('file:///tmp/note.md', [], own), 'draft', 'with no folder open every file is the writer\'s');
  });

  it('knows a Word file exported from a draft or imported into one as that draft\'s twin', () => {
    const twins = twinsOfDrafts([
      '/w/述职报告.md', '/w/述职报告.docx', // exported beside the draft
      '/w/上年度.docx', '/w/上年度.md', // imported beside the Word file
      '/w/exports/总结.docx', '/w/2024/总结.md', // exported to shuzhi.export.folder
      '/w/别人的报告.docx', // a Word file of its own
      '/w/2023/述职报告.docx', // the same name in another folder is another report
    ], ['/w/exports']);
    assert.deepEqual([...twins].sort(), ['/w/exports/总结.docx', '/w/上年度.docx', '/w/述职报告.docx'].sort());
  });
});

describe('the export question', () => {
  it('makes the safe choice 查看问题 the default (first) button', () => {
    assert.deepEqual(unfinishedQuestion(3).buttons, [SHOW_PROBLEMS, EXPORT_ANYWAY]);
  });

  it('counts page chrome from a download site with the unfilled blanks', () => {
    const page = readFileSync(join(ROOT, 'test', 'fixtures', 'download-template.md'), 'utf8');
    const { unfinished } = prepareExport(page, {});
    assert.ok(unfinished.some((finding) => finding.rule === 'template-residue'));
    assert.match(unfinishedQuestion(unfinished.length).message, new RegExp(`还有 ${unfinished.length} 处未完成的内容（[^）]*网站残留`));
  });
});
