import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/engine/lint';
import { exportDocx, formatDate } from '../../server/src/export/docx';
import { prepareExport } from '../../server/src/export/prepare';
import { attribute, openDocx, paragraphs, paragraphWith, resolve, runs } from './docx-xml';

const FINAL = readFileSync(join(__dirname, '..', '..', 'examples', 'report-final.md'), 'utf8');
const mm = (twips: string | undefined) => Math.round((Number(twips) / 1440) * 25.4);

describe('Word export (GB/T 9704 layout)', () => {
  let docx: ReturnType<typeof openDocx>;
  before(async () => {
    docx = openDocx(await exportDocx(lint(FINAL).model));
  });

  it('lays out A4 with the standard margins, and declares the 22 × 28 document grid', () => {
    assert.equal(attribute(docx.document, 'pgSz', 'w'), '11906');
    assert.equal(attribute(docx.document, 'pgSz', 'h'), '16838');
    assert.deepEqual(['top', 'bottom', 'left', 'right'].map((side) => mm(attribute(docx.document, 'pgMar', side))), [37, 35, 28, 26]);
    assert.equal(attribute(docx.document, 'docGrid', 'type'), 'linesAndChars');
    assert.equal(attribute(docx.document, 'docGrid', 'linePitch'), '579');
    // (16 pt + charSpace / 4096) × 28 must fit the 156 mm line: Page Setup then shows 28 characters.
    const pitch = 16 + Number(attribute(docx.document, 'docGrid', 'charSpace')) / 4096;
    assert.ok(pitch * 28 <= (156 / 25.4) * 72 + 0.05 && pitch * 29 > (156 / 25.4) * 72, `${pitch} pt`);
  });

  it('carries the layout in styles: 正文 仿宋 三号 justified with a two-character indent at 28.95 pt exact', () => {
    const body = resolve(docx, paragraphWith(docx.document, '一年来，在市委的坚强领导下'));
    assert.equal(body.style, 'Normal');
    assert.equal(body.property('jc', 'val'), 'both');
    assert.equal(body.property('ind', 'firstLineChars'), '200');
    assert.equal(body.property('spacing', 'line'), '579');
    assert.equal(body.property('spacing', 'lineRule'), 'exact');
    for (const run of body.runs) {
      assert.deepEqual([run.eastAsia, run.ascii, run.size, run.bold], ['仿宋', 'Times New Roman', 32, false]);
      assert.equal(run.hint, 'eastAsia', 'quotation marks and dashes stay in the Chinese font');
    }
    // Nothing but the East Asian hint is set on the runs themselves: 清除格式 keeps the layout.
    const normal = paragraphWith(docx.document, '一年来，在市委的坚强领导下');
    assert.doesNotMatch(normal, /<w:(sz|jc|ind|spacing) /);
  });

  it('sets the title in the 标题 style: 小标宋 二号, centred, no indent, kept together', () => {
    const title = resolve(docx, paragraphWith(docx.document, '2024年度县委书记抓基层党建工作述职报告'));
    assert.equal(title.style, 'Title');
    assert.equal(title.property('jc', 'val'), 'center');
    assert.equal(title.property('ind', 'firstLine'), '0');
    assert.equal(title.property('ind', 'firstLineChars'), '0');
    assert.ok(title.flag('keepNext') && title.flag('keepLines'));
    assert.deepEqual(title.runs.map((run) => [run.eastAsia, run.size, run.bold]), [['方正小标宋简体', 44, false]]);
  });

  it('gives headings 标题 1–4 styles with outline levels 0–3, each kept with the next paragraph', async () => {
    const { styles } = docx;
    const markdown = '# 2024年度述职报告\n\n一、主要做法\n\n（一）抓学习\n\n1.读原文\n\n（1）写心得\n\n内容。\n\n## 二、存在问题\n\n问题。\n';
    const parts = openDocx(await exportDocx(lint(markdown).model));
    const expected: Array<[string, string, string, string]> = [
      ['一、主要做法', 'Heading1', '0', '黑体'], ['（一）抓学习', 'Heading2', '1', '楷体'], ['1.读原文', 'Heading3', '2', '仿宋'],
      ['（1）写心得', 'Heading4', '3', '仿宋'], ['二、存在问题', 'Heading1', '0', '黑体'],
    ];
    for (const [text, style, level, font] of expected) {
      const heading = resolve(parts, paragraphWith(parts.document, text));
      assert.deepEqual([heading.style, heading.property('outlineLvl', 'val'), heading.runs[0].eastAsia, heading.runs[0].size], [style, level, font, 32], text);
      assert.ok(heading.flag('keepNext'), `${text} is kept with the next paragraph`);
      assert.equal(heading.runs[0].bold, false);
    }
    assert.match(styles, /w:styleId="Heading1"[\s\S]*?<w:name w:val="heading 1"\/>/, 'Word shows it as 标题 1');
  });

  it('sets a run-in （一） heading as the heading sentence in 标题 2, joined to its body by a style separator', () => {
    // Word's style separator: the heading paragraph's mark is hidden (vanish + specVanish), so Word runs it
    // on into the body paragraph on one line, and the navigation pane and a TOC list the heading sentence only.
    const all = paragraphs(docx.document);
    const at = all.findIndex((paragraph) => paragraph.text.startsWith('（一）坚持以上率下'));
    const [head, body] = [all[at], all[at + 1]];
    assert.equal(head.text, '（一）坚持以上率下，压实党建责任。');
    assert.match(head.xml, /<w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:vanish\/>(?:(?!<\/w:rPr>)[\s\S])*<w:specVanish\/>/, 'the paragraph mark is a style separator');
    const heading = resolve(docx, head.xml);
    assert.deepEqual([heading.style, heading.property('outlineLvl', 'val'), heading.runs[0].eastAsia], ['Heading2', '1', '楷体']);
    assert.doesNotMatch(head.xml, /<w:r>(?:(?!<\/w:r>)[\s\S])*<w:vanish/, 'no run of the heading is hidden');
    const paragraph = resolve(docx, body.xml);
    assert.ok(body.text.startsWith('带头落实“第一议题”制度，'), body.text);
    assert.equal(paragraph.style, 'Normal');
    assert.equal(paragraph.property('outlineLvl', 'val'), undefined, 'the body is not in the outline');
    assert.doesNotMatch(body.xml, /<w:vanish/);
    assert.ok(paragraph.runs.every((run) => run.eastAsia === '仿宋'));
    // The two share their paragraph layout (2 characters first-line indent, justified), so the joined line looks as one.
    assert.deepEqual([heading.property('ind', 'firstLineChars'), heading.property('jc', 'val')], [paragraph.property('ind', 'firstLineChars'), paragraph.property('jc', 'val')]);
  });

  it('gives each part of a run-in heading the footnote references written in it, once', async () => {
    const markdown = '# 2024年度述职报告\n\n一、主要工作\n\n（一）完善制度[^1]。修订制度十二项[^2]，废止三项。\n\n[^1]: 制度汇编。\n[^2]: 见附件。\n';
    const parts = openDocx(await exportDocx(lint(markdown).model));
    const all = paragraphs(parts.document);
    const at = all.findIndex((paragraph) => paragraph.text.startsWith('（一）完善制度'));
    const references = (xml: string) => [...xml.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((match) => match[1]);
    assert.deepEqual([all[at].text, references(all[at].xml)], ['（一）完善制度。', ['1']]);
    assert.deepEqual([all[at + 1].text, references(all[at + 1].xml)], ['修订制度十二项，废止三项。', ['2']]);
  });

  it('declares font fallbacks for Windows, macOS and WPS in the font table', () => {
    const font = (name: string) => new RegExp(`<w:font w:name="${name}">[\\s\\S]*?</w:font>`).exec(docx.fontTable)?.[0] ?? '';
    assert.match(font('仿宋'), /<w:altName w:val="[^"]*仿宋_GB2312[^"]*STFangsong[^"]*"\/>/);
    assert.match(font('仿宋'), /<w:charset w:val="86"\/>/);
    assert.match(font('楷体'), /楷体_GB2312[^"]*Kaiti SC/);
    assert.match(font('方正小标宋简体'), /<w:altName w:val="[^"]*华文中宋/);
    assert.match(font('Times New Roman'), /<w:charset w:val="00"\/>/);
  });

  it('numbers pages with a PAGE field holding a stored number, in 宋体 四号, odd pages right and even pages left', () => {
    assert.match(docx.settings, /<w:evenAndOddHeaders\/>/);
    assert.equal(docx.footers.length, 2);
    const sides = docx.footers.map((footer) => attribute(footer, 'jc', 'val')).sort();
    assert.deepEqual(sides, ['left', 'right']);
    for (const footer of docx.footers) {
      assert.match(footer, /— <\/w:t>[\s\S]*<w:fldSimple w:instr="PAGE"[^>]*>[\s\S]*<w:t[^>]*>1<\/w:t>[\s\S]*<\/w:fldSimple>[\s\S]*> —<\/w:t>/);
      for (const run of resolve(docx, paragraphs(footer)[0].xml).runs) assert.deepEqual([run.eastAsia, run.size], ['宋体', 28]);
      const side = attribute(footer, 'jc', 'val') === 'right' ? 'right' : 'left';
      assert.equal(attribute(footer, 'ind', side), '280', 'one character in from the edge');
    }
    // The line's bottom 3 mm under the dash, which stands 7 mm under the text block (measured in export-render.test.ts).
    assert.equal(Math.round((Number(attribute(docx.document, 'pgMar', 'footer')) / 1440) * 25.4 * 10) / 10, 25);
  });

  it('fills the document properties: title, and the signer as author', () => {
    assert.match(docx.core, /<dc:title>2024年度县委书记抓基层党建工作述职报告<\/dc:title>/);
    assert.match(docx.core, /<dc:creator>县委书记　李明<\/dc:creator>/);
    assert.match(docx.core, /<cp:lastModifiedBy>县委书记　李明<\/cp:lastModifiedBy>/);
  });

  it('places the signature per GB/T 9704 7.3.5.2 in Word\'s widths, and keeps it with the last paragraph', () => {
    const name = resolve(docx, paragraphWith(docx.document, '县委书记　李明'));
    const date = resolve(docx, paragraphWith(docx.document, '2025年1月8日'));
    assert.equal(name.style, 'Signature');
    // The name is set from the right, the date from the left: where it starts must not depend on how wide digits are set.
    assert.deepEqual([name.property('jc', 'val'), date.property('jc', 'val')], ['right', 'left']);
    // 县委书记　李明: 7 characters of 15.7 pt; 2025年1月8日: 6 digits of 7.7 pt and 3 characters of 15.7 pt.
    const twips = (characters: number, digits: number) => characters * 314 + digits * 154;
    const textWidth = 11906 - 1587 - 1474;
    const nameRight = Number(name.property('ind', 'right'));
    const nameStart = textWidth - nameRight - twips(7, 0);
    const dateStart = Number(date.property('ind', 'left'));
    const dateRight = textWidth - dateStart - twips(3, 6);
    assert.ok(Math.abs(Math.min(nameRight, dateRight) - 632) <= 1, 'the longer of the two ends two characters in');
    assert.ok(Math.abs(dateStart - nameStart - 632) <= 1, 'date starts two characters right of the name');
    const last = resolve(docx, paragraphWith(docx.document, '以上述职，请予评议。'));
    assert.ok(last.flag('keepNext'), 'the last paragraph goes with the signature');
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
    const parts = openDocx(await exportDocx(lint(markdown).model));
    const spans = runs(paragraphWith(parts.document, '全年投入资金'));
    assert.deepEqual(spans.filter((run) => run.bold).map((run) => run.text), ['投入资金3860万元']);
    assert.match(paragraphWith(parts.document, '全年投入资金'), /<w:i\/>|<w:i w:val="true"\/>/);
    assert.ok(paragraphs(parts.document).some((paragraph) => paragraph.text === '2.改进作风。'));
    assert.match(parts.document, /<w:tbl>/);
    assert.equal((parts.document.match(/<w:tr[ >]/g) ?? []).length, 2);
    assert.ok(/<w:tc>[\s\S]*发展党员[\s\S]*<\/w:tc>/.test(parts.document));
  });

  it('bolds the lead phrase of 一是… only when asked, and honours font settings', async () => {
    const markdown = '# 2024年度述职报告\n\n一是加强学习，提高能力；二是改进作风，密切联系群众。\n';
    const plainParts = openDocx(await exportDocx(lint(markdown).model));
    const plain = plainParts.document;
    assert.deepEqual(resolve(plainParts, paragraphWith(plain, '一是加强学习')).runs.filter((run) => run.bold), []);
    const customParts = openDocx(await exportDocx(lint(markdown).model, { boldEnumerationLead: true, fonts: { body: '仿宋_GB2312', title: '华文中宋' } }));
    const custom = customParts.document;
    const spans = resolve(customParts, paragraphWith(custom, '一是加强学习')).runs;
    assert.deepEqual(spans.filter((run) => run.bold).map((run) => run.text), ['一是加强学习', '二是改进作风']);
    assert.equal(spans[0].eastAsia, '仿宋_GB2312');
    assert.equal(resolve(customParts, paragraphWith(custom, '2024年度述职报告')).runs[0].eastAsia, '华文中宋');
  });
});

describe('Word export renders the report model', () => {
  const texts = (document: string) => paragraphs(document).map((paragraph) => paragraph.text);

  it('a downloaded template exports its real title, not the site lines above it, and no residue', async () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'download-template.md'), 'utf8');
    const parts = openDocx(await exportDocx(lint(source).model));
    const all = texts(parts.document);
    assert.equal(resolve(parts, paragraphWith(parts.document, '抓基层党建工作述职报告')).runs[0].eastAsia, '方正小标宋简体');
    assert.equal(all.find((text) => text.length > 0), '2024年度XX镇党委书记抓基层党建工作述职报告');
    for (const residue of ['仅供学习', '公文素材网', 'KB', '此处隐藏', '公众号', '……1']) {
      assert.ok(!all.some((text) => text.includes(residue)), `${residue} is not exported`);
    }
  });

  it('sets the salutation flush left in 仿宋, the formulas as body, and the typed signature per GB/T 9704', async () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'sitetitle-shulian.md'), 'utf8');
    const parts = openDocx(await exportDocx(lint(source).model));
    const title = paragraphWith(parts.document, '关于2024年度履行职责');
    assert.match(title, /<w:br\/>/, 'a title written on two lines stays on two lines');
    assert.ok(title.includes('和廉洁自律情况的述职述廉报告'));
    const salutation = resolve(parts, paragraphWith(parts.document, '尊敬的各位领导'));
    assert.equal(salutation.style, 'Salutation');
    assert.deepEqual([salutation.property('jc', 'val'), salutation.property('ind', 'firstLine'), salutation.property('ind', 'firstLineChars')], ['left', '0', '0']);
    assert.equal(salutation.runs[0].eastAsia, '仿宋');
    const name = resolve(parts, paragraphWith(parts.document, '王建国'));
    const date = resolve(parts, paragraphWith(parts.document, '2024年12月20日'));
    assert.deepEqual([name.property('jc', 'val'), date.property('jc', 'val')], ['right', 'left']);
    assert.ok(name.flag('keepNext'), 'the signature stays with its date');
    assert.ok(!texts(parts.document).some((text) => text.includes('篇一') || text.includes('小编')));
  });

  it('exports a Word-shaped draft as typed: two-line title, salutation, indents, name and Chinese-numeral date at the end', async () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'wordshaped-shufa.md'), 'utf8');
    const parts = openDocx(await exportDocx(lint(source).model));
    const all = texts(parts.document);
    assert.equal(all[0], '关于2024年度履行推进法治建设第一责任人职责情况的报告');
    assert.equal((paragraphs(parts.document)[0].xml.match(/<w:br\/>/g) ?? []).length, 1);
    assert.ok(!all.some((text) => text.startsWith('\u3000')), 'typed full-width indents are dropped: the style indents');
    assert.equal(resolve(parts, paragraphWith(parts.document, '（二）依法决策')).style, 'Heading2');
    assert.equal(all[all.length - 2], '张明华');
    assert.equal(all[all.length - 1], '2024年12月20日');
    assert.equal(resolve(parts, paragraphWith(parts.document, '张明华')).style, 'Signature');
    assert.match(parts.core, /<dc:creator>张明华<\/dc:creator>/);
  });

  it('drops typed full-width indents, joins hard-wrapped lines, keeps fenced blocks out', async () => {
    const source = '2024年度述职报告\n\n　　全年投入资金3860万元，\n新建党群服务中心5个。\n\n```\n投入资金XX万元\n```\n';
    const parts = openDocx(await exportDocx(lint(source).model));
    assert.ok(texts(parts.document).includes('全年投入资金3860万元，新建党群服务中心5个。'));
    assert.ok(!texts(parts.document).some((text) => text.includes('XX万元')));
  });

  it('uses the model\'s heading levels for Markdown headings without ordinals', async () => {
    const source = '2024年度述职报告\n\n## 抓学习\n\n内容。\n\n### 读原著\n\n内容。\n';
    const parts = openDocx(await exportDocx(lint(source).model));
    assert.equal(resolve(parts, paragraphWith(parts.document, '抓学习')).runs[0].eastAsia, '黑体');
    assert.equal(resolve(parts, paragraphWith(parts.document, '读原著')).runs[0].eastAsia, '楷体');
  });

  it('sets the addressee and the salutation flush left, and a numbered line as a heading only where the model reads one', async () => {
    const source = '2024年度法治政府建设情况的报告\n\n县委、县人民政府：\n\n同志们：大家好！\n\n现将有关情况报告如下。\n\n一、主要工作\n\n'
      + '1.完成了全县所有村级党组织的换届选举工作，新一届村“两委”班子平均年龄下降5.2岁，大专以上学历占比提高14.7个百分点。\n\n'
      + '2.建成村级党群服务中心37个，覆盖所有行政村，群众办事不出村的目标基本实现。\n\n二、存在问题\n\n学习不够深入，调研不够扎实。\n';
    const { model } = lint(source);
    const parts = openDocx(await exportDocx(model));
    for (const text of ['县委、县人民政府：', '同志们：大家好！']) {
      const line = resolve(parts, paragraphWith(parts.document, text));
      assert.equal(line.style, 'Salutation', text);
      assert.deepEqual([line.property('jc', 'val'), line.property('ind', 'firstLine'), line.property('ind', 'firstLineChars')], ['left', '0', '0'], text);
    }
    // Every numbered line is a heading in Word exactly when the model reads it as one.
    const numbered = model.lines.map((line, index) => ({ text: line.text, heading: model.headingOfLine[index] })).filter((line) => /^(?:[一二]、|\d\.)/.test(line.text));
    assert.deepEqual(numbered.map((line) => [line.text.slice(0, 6), line.heading !== undefined]), [['一、主要工作', true], ['1.完成了全', false], ['2.建成村级', false], ['二、存在问题', true]]);
    for (const { text, heading } of numbered) {
      const paragraph = resolve(parts, paragraphWith(parts.document, text.slice(0, 8)));
      assert.equal(paragraph.property('outlineLvl', 'val') !== undefined, heading !== undefined, text);
      if (!heading) assert.deepEqual([paragraph.style, paragraph.property('ind', 'firstLineChars'), paragraph.runs[0].eastAsia], ['Normal', '200', '仿宋'], text);
    }
  });

  it('exports the heading glued to the title as a heading of its own', async () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'glued-zongjie.md'), 'utf8');
    const parts = openDocx(await exportDocx(lint(source).model));
    assert.equal(resolve(parts, paragraphWith(parts.document, 'XX县交通运输局2024年工作总结')).runs[0].eastAsia, '方正小标宋简体');
    assert.equal(resolve(parts, paragraphWith(parts.document, '一、2024年工作完成情况')).runs[0].eastAsia, '黑体');
    assert.ok(!paragraphWith(parts.document, 'XX县交通运输局').includes('一、2024年'));
  });
});

describe('Word export of what Markdown adds: footnotes, images, links, tables, lists', () => {
  const ASSETS = join(__dirname, '..', 'fixtures', 'with-assets');
  const source = readFileSync(join(ASSETS, 'report.md'), 'utf8');
  let parts: ReturnType<typeof openDocx>;
  before(async () => {
    parts = openDocx(await prepareExport(source, {}, ASSETS).render());
  });

  it('turns [^1] footnotes into Word footnotes, numbered where they are referred to', () => {
    const notes = [...parts.footnotes.matchAll(/<w:footnote [^>]*w:id="([1-9])"[^>]*>([\s\S]*?)<\/w:footnote>/g)].map((match) => [match[1], paragraphs(match[2])[0].text]);
    assert.deepEqual(notes, [['1', '依据《中国共产党农村基层组织工作条例》第十九条。'], ['2', '2024年度考核中有2名村党组织书记评定为“一般”等次。']]);
    assert.match(paragraphWith(parts.document, '第一责任人职责'), /职责<\/w:t><\/w:r><w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:footnoteReference w:id="1"\/>/);
    assert.ok(!paragraphs(parts.document).some((paragraph) => paragraph.text.includes('[^') || paragraph.text.includes('依据《中国共产党')));
  });

  it('embeds images, centred in a paragraph of their own, no wider than the text block', () => {
    assert.deepEqual(parts.media, ['word/media/image1.png']);
    const figure = paragraphs(parts.document).find((paragraph) => paragraph.xml.includes('<w:drawing>'))!;
    assert.equal(resolve(parts, figure.xml).style, 'Figure');
    assert.equal(resolve(parts, figure.xml).property('jc', 'val'), 'center');
    const width = Number(/<wp:extent cx="(\d+)"/.exec(figure.xml)![1]);
    assert.equal(width, 480 * 9525, 'a 480-pixel chart keeps its size');
    assert.match(figure.xml, /descr="2022—2024年村集体经济收入"/);
  });

  it('keeps link targets and the alignment of table columns', () => {
    assert.match(parts.relationships, /Target="https:\/\/example\.gov\.cn\/data"/);
    assert.match(paragraphWith(parts.document, '县农业农村局公开数据'), /<w:hyperlink /);
    const row = /<w:tr>(?:(?!<\/w:tr>)[\s\S])*2023年[\s\S]*?<\/w:tr>/.exec(parts.document)![0];
    const cells = [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => resolve(parts, paragraphs(cell[1])[0].xml).property('jc', 'val'));
    assert.deepEqual(cells, ['left', 'right', 'center']);
  });

  it('exports list items as body paragraphs and says so', () => {
    const prepared = prepareExport(source, {}, ASSETS);
    assert.ok(prepared.notes.some((note) => /2 个项目符号列表项按正文段落导出/.test(note)));
    assert.equal(resolve(parts, paragraphWith(parts.document, '落实“三会一课”制度')).style, 'Normal');
  });

  it('refuses, naming them, images it cannot carry and footnotes without text or reference', () => {
    const broken = '# 2024年度述职报告\n\n全年工作[^a]如下。\n\n![图](missing.png)\n\n![网图](https://example.com/a.png)\n\n![文本](report.md)\n\n[^b]: 未被引用的脚注。\n';
    const { blocking } = prepareExport(broken, {}, ASSETS);
    assert.deepEqual(blocking.map((problem) => problem.replace(/：.*?，Word/, '：…，Word')), [
      '脚注“[^a]”没有写内容（缺少“[^a]: ……”）。',
      '脚注“[^b]: ……”在正文中没有引用，导出后会丢失。',
      '图片“missing.png”无法读取：…，Word 文件中不会有这张图片。',
      '图片“https://example.com/a.png”是网络地址（导出不下载网络内容），请先把图片保存到文稿旁边，Word 文件中不会有这张图片。',
      '图片“report.md”不是能识别的图片文件，Word 文件中不会有这张图片。',
    ]);
    assert.match(prepareExport('![图](chart.png)\n', {}).blocking[0], /文稿还没有保存/);
  });
});
