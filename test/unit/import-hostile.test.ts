import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../server/src/core/engine/lint';
import { importDocx, ImportError } from '../../server/src/import/docx';
import { docxPackage, documentXml, hostileFiles, paragraph, REPORT_START } from './hostile-docx';
import { runCli } from './helpers';

const W_HYPERLINK = (id: string, text: string) => `<w:p><w:hyperlink r:id="${id}"><w:r><w:t>${text}</w:t></w:r></w:hyperlink></w:p>`;

describe('hostile Word files', function () {
  this.timeout(60000);
  const files = hostileFiles();
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-hostile-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refusedWith = async (name: string, message: RegExp) => {
    await assert.rejects(importDocx(files[name], 'images'), (error: Error) => error instanceof ImportError && message.test(error.message));
  };

  it('stops unpacking at the limit, counting the bytes really inflated, whatever sizes the archive declares', async () => {
    await refusedWith('understated.docx', /word\/document\.xml 解压后超过 20 MB（不论文件自称多大，按实际解压的字节计）/);
  });

  it('refuses a document.xml past its limit before any parser reads it', async () => {
    await refusedWith('honest-large.docx', /word\/document\.xml 有 12\.\d MB，超过 10 MB 的上限/);
  });

  it('names the real cause: elements nested too deep, a DTD', async () => {
    await refusedWith('deep.docx', /嵌套超过 256 层（嵌套过深）/);
    await refusedWith('dtd.docx', /含有 DTD 声明（<!DOCTYPE）/);
  });

  it('keeps a linked or missing picture as a note in the draft and imports the rest', async () => {
    for (const name of ['linked-picture.docx', 'missing-picture.docx']) {
      const { markdown, images } = await importDocx(files[name], 'images');
      assert.equal(images.length, 0, name);
      assert.match(markdown, /<!-- 这里原有一张图片.*Word 文件中没有它的数据（可能是“链接到文件”的图片），没有导入。 -->/, name);
      assert.match(markdown, /二、存在问题\n\n学习不够深入。/, name);
    }
    assert.match((await importDocx(files['linked-picture.docx'], 'images')).markdown, /（组织架构图）/);
  });

  it('checks every file of a batch, reporting a bad one for itself', async () => {
    writeFileSync(join(dir, 'good.md'), '2024年度述职报告\n\n一、主要做法\n\n新发展党员X名。\n');
    writeFileSync(join(dir, 'linked.docx'), files['linked-picture.docx']);
    writeFileSync(join(dir, 'deep.docx'), files['deep.docx']);
    const result = await runCli(['lint', 'good.md', 'deep.docx', 'linked.docx'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /deep\.docx：文件中的 word\/document\.xml 的元素嵌套超过/);
    assert.match(result.stdout, /good\.md\n[\s\S]*placeholder/);
    assert.match(result.stdout, /2 个文稿中共/);
  });

  it('writes link targets so that none can open a comment or a block: the rest of the draft is still checked', async () => {
    const relationship = '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.org/a&#10;&lt;!--&#10;#&gt; b" TargetMode="External"/>';
    const bytes = docxPackage(documentXml(REPORT_START + W_HYPERLINK('rId5', '政策原文') + paragraph('二、存在问题') + paragraph('新发展党员X名。')), relationship);
    const { markdown } = await importDocx(bytes, 'images');
    assert.match(markdown, /\[政策原文\]\(<http:\/\/example\.org\/a%0A%3C!--%0A#%3E%20b>\)/);
    const { findings, model } = lint(markdown);
    assert.equal(model.unclosedComment, undefined);
    assert.ok(findings.some((finding) => finding.rule === 'placeholder' && markdown.slice(finding.start, finding.end) === 'X'));
  });

  it('imports 80,000 paragraphs (160,000 lines, past what a spread argument list holds) and says how many', async function () {
    this.timeout(300000);
    const body = Array.from({ length: 80_000 }, (_, index) => paragraph(`第${index + 1}段。`)).join('');
    writeFileSync(join(dir, 'long.docx'), docxPackage(documentXml(body)));
    const result = await runCli(['import', 'long.docx'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /已导入 long\.md（80000 段/);
    assert.match(readFileSync(join(dir, 'long.md'), 'utf8'), /第80000段。\n$/);
  });
});
