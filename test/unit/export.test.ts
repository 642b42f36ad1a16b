import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint';
import { exportDocx, formatDate } from '../../server/src/export/docx';
import { attribute, openDocx, paragraphs, paragraphWith, runs } from './docx-xml';

const FINAL = readFileSync(join(__dirname, '..', '..', 'examples', 'report-final.md'), 'utf8');
const mm = (twips: string | undefined) => Math.round((Number(twips) / 1440) * 25.4);

describe('Word export (GB/T 9704 layout)', () => {
  let docx: ReturnType<typeof openDocx>;
  before(async () => {
    docx = openDocx(await exportDocx(lint(FINAL).model));
  });

  it('lays out A4 with the standard margins and 28.95 pt exact line pitch', () => {
    assert.equal(attribute(docx.document, 'pgSz', 'w'), '11906');
    assert.equal(attribute(docx.document, 'pgSz', 'h'), '16838');
    assert.deepEqual(['top', 'bottom', 'left', 'right'].map((side) => mm(attribute(docx.document, 'pgMar', side))), [37, 35, 28, 26]);
    assert.equal(attribute(docx.styles, 'spacing', 'line'), '579');
    assert.equal(attribute(docx.styles, 'spacing', 'lineRule'), 'exact');
  });

  it('sets the title in 小标宋 二号, centred, with no first-line indent', () => {
    const title = paragraphWith(docx.document, '2024年度县委书记抓基层党建工作述职报告');
    assert.equal(attribute(title, 'jc', 'val'), 'center');
    assert.equal(attribute(title, 'ind', 'firstLine'), '0');
    assert.equal(attribute(title, 'ind', 'firstLineChars'), '0');
    const [run] = runs(title);
    assert.equal(run.eastAsia, '方正小标宋简体');
    assert.equal(run.size, 44);
    assert.equal(run.bold, false);
  });

  it('sets body text in 仿宋 三号, justified, first line indented two characters, Latin in Times New Roman', () => {
    const body = paragraphWith(docx.document, '一年来，在市委的坚强领导下');
    assert.equal(attribute(body, 'jc', 'val'), 'both');
    assert.equal(attribute(body, 'ind', 'firstLine'), '640');
    assert.equal(attribute(body, 'ind', 'firstLineChars'), '200');
    for (const run of runs(body)) {
      assert.equal(run.eastAsia, '仿宋');
      assert.equal(run.ascii, 'Times New Roman');
      assert.equal(run.size, 32);
      assert.equal(run.hint, 'eastAsia', 'quotation marks and dashes stay in the Chinese font');
    }
  });

  it('sets 一、 headings in 黑体 and keeps them with the next paragraph', () => {
    const heading = paragraphWith(docx.document, '一、履职情况及成效');
    assert.deepEqual(runs(heading).map((run) => [run.eastAsia, run.size]), [['黑体', 32]]);
    assert.match(heading, /<w:keepNext\/>/);
  });

  it('sets the heading sentence of a run-in （一） heading in 楷体 and the rest in 仿宋', () => {
    const paragraph = paragraphWith(docx.document, '（一）坚持以上率下');
    const fonts = runs(paragraph).map((run) => [run.text.slice(0, 6), run.eastAsia]);
    assert.deepEqual(fonts[0], ['（一）坚持以', '楷体']);
    assert.ok(runs(paragraph)[0].text.endsWith('压实党建责任。'));
    assert.ok(fonts.slice(1).every(([, font]) => font === '仿宋'));
  });

  it('recognises headings without # and sets 1. and （1） levels in 仿宋', async () => {
    const { document } = openDocx(await exportDocx(lint('# 2024年度述职报告\n\n一、主要做法\n\n（一）抓学习\n\n1.读原文。\n\n（1）写心得。\n\n## 二、存在问题\n\n问题。\n').model));
    assert.equal(runs(paragraphWith(document, '一、主要做法'))[0].eastAsia, '黑体');
    assert.equal(runs(paragraphWith(document, '（一）抓学习'))[0].eastAsia, '楷体');
    assert.equal(runs(paragraphWith(document, '1.读原文'))[0].eastAsia, '仿宋');
    assert.equal(runs(paragraphWith(document, '（1）写心得'))[0].eastAsia, '仿宋');
    assert.equal(runs(paragraphWith(document, '二、存在问题'))[0].eastAsia, '黑体');
  });

  it('numbers pages with a real PAGE field in 宋体 四号, odd pages right and even pages left', () => {
    assert.match(docx.settings, /<w:evenAndOddHeaders\/>/);
    assert.equal(docx.footers.length, 2);
    const sides = docx.footers.map((footer) => attribute(footer, 'jc', 'val')).sort();
    assert.deepEqual(sides, ['left', 'right']);
    for (const footer of docx.footers) {
      assert.match(footer, /<w:instrText[^>]*>PAGE<\/w:instrText>/);
      assert.match(footer, /— <\/w:t>[\s\S]*fldCharType="begin"[\s\S]*fldCharType="end"[\s\S]*> —<\/w:t>/);
      for (const run of runs(paragraphs(footer)[0].xml)) {
        assert.equal(run.eastAsia, '宋体');
        assert.equal(run.size, 28);
      }
      const side = attribute(footer, 'jc', 'val') === 'right' ? 'right' : 'left';
      assert.equal(attribute(footer, 'ind', side), '280', 'one character in from the edge');
    }
    const footerRefs = [...docx.document.matchAll(/<w:footerReference w:type="(\w+)"/g)].map((match) => match[1]).sort();
    assert.deepEqual(footerRefs, ['default', 'even']);
  });

  it('adds the signature and date from front matter, right-aligned, date without zero padding', () => {
    const name = paragraphWith(docx.document, '县委书记　李明');
    const date = paragraphWith(docx.document, '2025年1月8日');
    assert.equal(attribute(name, 'jc', 'val'), 'right');
    assert.equal(attribute(date, 'jc', 'val'), 'right');
    // 县委书记　李明 is 7 characters, 2025年1月8日 six: the date keeps two characters to the right edge
    // and starts two characters right of the name, so the name moves to three characters in.
    assert.equal(attribute(date, 'ind', 'right'), '640');
    assert.equal(attribute(name, 'ind', 'right'), '960');
  });

  it('normalises dates', () => {
    assert.equal(formatDate('2025-01-08'), '2025年1月8日');
    assert.equal(formatDate('2025年01月08日'), '2025年1月8日');
    assert.equal(formatDate(new Date(Date.UTC(2024, 11, 31))), '2024年12月31日');
    assert.equal(formatDate('二〇二五年一月'), '2025年1月');
    assert.equal(formatDate('二〇二四年十二月二十日'), '2024年12月20日');
    assert.equal(formatDate('（2024年12月20日）'), '2024年12月20日');
    assert.equal(formatDate('十二月'), '十二月');
  });

  it('carries bold and italic spans, lists and GFM tables over', async () => {
    const markdown = '# 2024年度述职报告\n\n全年**投入资金3860万元**，_同比增长12%_。\n\n1. 加强学习。\n2. 改进作风。\n\n| 指标 | 数量 |\n| --- | --- |\n| 发展党员 | 486名 |\n';
    const { document } = openDocx(await exportDocx(lint(markdown).model));
    const spans = runs(paragraphWith(document, '全年投入资金'));
    assert.deepEqual(spans.filter((run) => run.bold).map((run) => run.text), ['投入资金3860万元']);
    assert.match(paragraphWith(document, '全年投入资金'), /<w:i\/>|<w:i w:val="true"\/>/);
    assert.ok(paragraphs(document).some((paragraph) => paragraph.text === '2.改进作风。'));
    assert.match(document, /<w:tbl>/);
    assert.equal((document.match(/<w:tr[ >]/g) ?? []).length, 2);
    assert.ok(/<w:tc>[\s\S]*发展党员[\s\S]*<\/w:tc>/.test(document));
  });

  it('bolds the lead phrase of 一是… only when asked, and honours font settings', async () => {
    const markdown = '# 2024年度述职报告\n\n一是加强学习，提高能力；二是改进作风，密切联系群众。\n';
    const plain = openDocx(await exportDocx(lint(markdown).model)).document;
    assert.deepEqual(runs(paragraphWith(plain, '一是加强学习')).filter((run) => run.bold), []);
    const custom = openDocx(await exportDocx(lint(markdown).model, { boldEnumerationLead: true, fonts: { body: '仿宋_GB2312', title: '华文中宋' } })).document;
    const spans = runs(paragraphWith(custom, '一是加强学习'));
    assert.deepEqual(spans.filter((run) => run.bold).map((run) => run.text), ['一是加强学习', '二是改进作风']);
    assert.equal(spans[0].eastAsia, '仿宋_GB2312');
    assert.equal(runs(paragraphWith(custom, '2024年度述职报告'))[0].eastAsia, '华文中宋');
  });
});

describe('Word export renders the report model', () => {
  const texts = (document: string) => paragraphs(document).map((paragraph) => paragraph.text);

  it('a downloaded template exports its real title, not the site lines above it, and no residue', async () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'download-template.md'), 'utf8');
    const { document } = openDocx(await exportDocx(lint(source).model));
    const all = texts(document);
    const title = paragraphWith(document, '抓基层党建工作述职报告');
    assert.equal(runs(title)[0].eastAsia, '方正小标宋简体');
    assert.equal(all.find((text) => text.length > 0), '2024年度XX镇党委书记抓基层党建工作述职报告');
    for (const residue of ['仅供学习', '公文素材网', 'KB', '此处隐藏', '公众号', '……1']) {
      assert.ok(!all.some((text) => text.includes(residue)), `${residue} is not exported`);
    }
  });

  it('sets the salutation flush left in 仿宋, the formulas as body, and the typed signature per GB/T 9704', async () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'sitetitle-shulian.md'), 'utf8');
    const { document } = openDocx(await exportDocx(lint(source).model));
    const title = paragraphWith(document, '关于2024年度履行职责');
    assert.match(title, /<w:br\/>/, 'a title written on two lines stays on two lines');
    assert.ok(title.includes('和廉洁自律情况的述职述廉报告'));
    const salutation = paragraphWith(document, '尊敬的各位领导');
    assert.equal(attribute(salutation, 'jc', 'val'), 'left');
    assert.equal(attribute(salutation, 'ind', 'firstLine'), '0');
    assert.equal(runs(salutation)[0].eastAsia, '仿宋');
    const name = paragraphWith(document, '王建国');
    const date = paragraphWith(document, '2024年12月20日');
    assert.equal(attribute(name, 'jc', 'val'), 'right');
    assert.equal(attribute(name, 'ind', 'right'), '640');
    assert.equal(attribute(date, 'jc', 'val'), 'right');
    assert.match(name, /<w:keepNext\/>/, 'the signature stays with its date');
    assert.ok(!texts(document).some((text) => text.includes('篇一') || text.includes('小编')));
  });

  it('drops typed full-width indents, joins hard-wrapped lines, keeps fenced blocks out', async () => {
    const source = '2024年度述职报告\n\n　　全年投入资金3860万元，\n新建党群服务中心5个。\n\n```\n投入资金XX万元\n```\n';
    const { document } = openDocx(await exportDocx(lint(source).model));
    assert.ok(texts(document).includes('全年投入资金3860万元，新建党群服务中心5个。'));
    assert.ok(!texts(document).some((text) => text.includes('XX万元')));
  });

  it('uses the model\'s heading levels for Markdown headings without ordinals', async () => {
    const source = '2024年度述职报告\n\n## 抓学习\n\n内容。\n\n### 读原著\n\n内容。\n';
    const { document } = openDocx(await exportDocx(lint(source).model));
    assert.equal(runs(paragraphWith(document, '抓学习'))[0].eastAsia, '黑体');
    assert.equal(runs(paragraphWith(document, '读原著'))[0].eastAsia, '楷体');
  });

  it('exports the heading glued to the title as a heading of its own', async () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'glued-zongjie.md'), 'utf8');
    const { document } = openDocx(await exportDocx(lint(source).model));
    assert.equal(runs(paragraphWith(document, 'XX县交通运输局2024年工作总结'))[0].eastAsia, '方正小标宋简体');
    const heading = paragraphWith(document, '一、2024年工作完成情况');
    assert.equal(runs(heading)[0].eastAsia, '黑体');
    assert.ok(!paragraphWith(document, 'XX县交通运输局').includes('一、2024年'));
  });
});
