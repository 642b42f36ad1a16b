import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AlignmentType, Document, FootnoteReferenceRun, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun,
} from 'docx';
import { lint } from '../../server/src/core/engine/lint';
import { importDocx, ImportError } from '../../server/src/import/docx';
import { formatDate } from '../../server/src/export/docx';
import { prepareExport } from '../../server/src/export/prepare';
import { openDocx } from './docx-xml';
import { runCli } from './helpers';

const CHART = readFileSync(join(__dirname, '..', 'fixtures', 'with-assets', 'chart.png'));

/** A report as offices write it in Word: automatic 一、（一）1. numbering, full-width indents, a table, a footnote, a picture. */
async function wordDraft(): Promise<Uint8Array> {
  const numbered = (text: string, level: number, instance = 1) => new Paragraph({ numbering: { reference: 'report', level, instance }, children: [new TextRun(text)] });
  const body = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const document = new Document({
    numbering: {
      config: [{
        reference: 'report',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
        ],
      }],
    },
    footnotes: { 1: { children: [new Paragraph('依据《中国共产党农村基层组织工作条例》。')] } },
    sections: [{
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('2024年度青山镇党委书记抓基层党建'), new TextRun({ text: '工作述职报告', break: 1 })] }),
        new Paragraph({ children: [] }),
        body('尊敬的各位领导、同志们：'),
        new Paragraph({ children: [new TextRun('　　一年来，我认真履行第一责任人职责'), new FootnoteReferenceRun(1), new TextRun('，现将有关情况报告如下。')] }),
        numbered('主要做法', 0),
        numbered('抓学习', 1),
        new Paragraph({ children: [new TextRun({ text: '全年组织集中学习12次', bold: true }), new TextRun('，覆盖党员320人次。')] }),
        numbered('读原著。全年精读原著3部，撰写笔记2万字。', 2),
        numbered('写心得。每季度交流心得体会1次。', 2),
        numbered('抓队伍', 1),
        body('　　全镇发展党员情况如下表。'),
        new Table({
          rows: [
            new TableRow({ children: ['年度', '发展党员（名）'].map((text) => new TableCell({ children: [body(text)] })) }),
            new TableRow({ children: ['2024年', '21'].map((text) => new TableCell({ children: [body(text)] })) }),
          ],
        }),
        new Paragraph({ children: [new ImageRun({ type: 'png', data: CHART, transformation: { width: 240, height: 120 }, altText: { name: '收入', description: '村集体经济收入', title: '收入' } })] }),
        numbered('存在问题', 0),
        body('　　一是学习不够深入，二是作风不够扎实。'),
        numbered('下步打算', 0),
        body('　　一是加强学习，二是改进作风。'),
        body('　　以上述职，请予评议。'),
        body('张明华'),
        body('二〇二四年十二月二十日'),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('shuzhi import: Word (.docx) → Markdown draft', () => {
  let imported: Awaited<ReturnType<typeof importDocx>>;
  before(async () => {
    imported = await importDocx(await wordDraft(), '述职报告-图片');
  });

  it('writes one Word paragraph per line, automatic numbering as the ordinals Word shows', () => {
    const lines = imported.markdown.split('\n').filter((line) => line.trim());
    const body = lines.slice(lines.indexOf('---', 1) + 1);
    assert.deepEqual(body.slice(0, 12), [
      '2024年度青山镇党委书记抓基层党建',
      '工作述职报告',
      '尊敬的各位领导、同志们：',
      '　　一年来，我认真履行第一责任人职责[^1]，现将有关情况报告如下。',
      '一、主要做法',
      '（一）抓学习',
      '**全年组织集中学习12次**，覆盖党员320人次。',
      '1.读原著。全年精读原著3部，撰写笔记2万字。',
      '2.写心得。每季度交流心得体会1次。',
      '（二）抓队伍',
      '　　全镇发展党员情况如下表。',
      '| 年度 | 发展党员（名） |',
    ]);
    assert.ok(body.includes('二、存在问题') && body.includes('三、下步打算'));
  });

  it('keeps tables, footnotes and pictures, and fills front matter from what the document says', () => {
    assert.match(imported.markdown, /\| 2024年 \| 21 \|/);
    assert.match(imported.markdown, /\n\[\^1\]: 依据《中国共产党农村基层组织工作条例》。\n/);
    assert.deepEqual(imported.images.map((image) => [image.path, image.data.length]), [['述职报告-图片/图1.png', CHART.length]]);
    assert.match(imported.markdown, /!\[村集体经济收入\]\(<述职报告-图片\/图1\.png>\)/);
    assert.match(imported.markdown, /^---\ntitle: 2024年度青山镇党委书记抓基层党建工作述职报告\nauthor: 张明华\ndate: 2024年12月20日\n---\n/);
  });

  it('reads as a finished report: the checks find nothing, and the model sees its structure', () => {
    const { findings, model } = lint(imported.markdown);
    assert.deepEqual(findings.map((finding) => `${finding.rule}: ${finding.message}`), []);
    assert.deepEqual(model.headings.map((heading) => `${heading.level} ${heading.title}`), ['1 主要做法', '2 抓学习', '3 读原著', '3 写心得', '2 抓队伍', '1 存在问题', '1 下步打算']);
    assert.equal(model.signature?.name, '张明华');
  });

  it('maps every line back to its Word paragraph', () => {
    const lines = imported.markdown.split('\n');
    const at = (text: string) => imported.paragraphOfLine[lines.findIndex((line) => line.includes(text))];
    assert.equal(at('尊敬的各位领导'), 2);
    assert.equal(at('一、主要做法'), 4);
    assert.equal(at('| 2024年 | 21 |'), 13, 'a table row points at the paragraph of its first cell');
    // Paragraphs with text are counted, as a reader counts them: the empty one under the title and the picture are not.
    assert.equal(at('二〇二四年十二月二十日'), 21);
    assert.equal(at('[^1]: 依据'), 0, 'footnote text is not a body paragraph');
  });

  it('round trip: the GB/T export of a draft imports back to the same paragraphs and heading levels', async () => {
    const source = readFileSync(join(__dirname, '..', 'fixtures', 'wordshaped-shufa.md'), 'utf8');
    const exported = await prepareExport(source, {}).render();
    const back = await importDocx(exported, 'images');
    const paragraphsOf = (markdown: string) => lint(markdown).model.lines.filter((_, index, lines) => lines[index].text.trim()).map((line) => line.text.replace(/^[\s\u3000]+/, ''));
    const original = lint(source).model;
    const returned = lint(back.markdown).model;
    assert.deepEqual(paragraphsOf(back.markdown).slice(-original.lines.length), paragraphsOf(source).map((text) => text.replace('二〇二四年十二月二十日', '2024年12月20日')));
    assert.deepEqual(returned.headings.map((heading) => [heading.level, heading.title]), original.headings.map((heading) => [heading.level, heading.title]));
    assert.equal(returned.title?.text, original.title?.text);
  });

  it('joins paragraphs Word shows as one: a chain of style separators, but not a mark shown again', async () => {
    const separated = (text: string, vanish = true) => new Paragraph({ run: { vanish, specVanish: vanish }, children: [new TextRun(text)] });
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('2024年度述职报告')] }),
      separated('（一）完善制度。'), separated('修订制度十二项，'), new Paragraph({ children: [new TextRun('废止三项。')] }),
      separated('（二）建强队伍。', false), new Paragraph({ children: [new TextRun('培训干部1200人次。')] }),
    ] }] }));
    const lines = (await importDocx(new Uint8Array(bytes), 'images')).markdown.split('\n').filter((line) => line.trim());
    assert.deepEqual(lines.slice(-3), ['（一）完善制度。修订制度十二项，废止三项。', '（二）建强队伍。', '培训干部1200人次。']);
  });

  it('keeps a signature taken from front matter through export → import → export, in every form', async () => {
    const body = '2024年度述职报告\n\n尊敬的各位领导、同志们：\n\n一年来，我认真履行职责，现将有关情况报告如下。\n\n一、主要工作\n\n（一）完善制度体系。今年修订制度十二项，废止三项。\n\n（二）加强队伍建设。全年培训干部1200人次。\n\n二、存在的问题\n\n学习不够深入，调研不够扎实。\n\n以上述职，请予评议。\n';
    const signatures = [
      'author: 县委书记　李明\ndate: 2025-01-08',
      'author: 县委副书记、县长　张三\ndate: 2025-01-08',
      'author: 述职人：张三\ndate: 2025-01-08',
      'author: 张三',
      'date: 2025-01-08',
      'author: "中共青山县委员会\\n青山县人民政府"\ndate: 2025-01-08',
    ];
    const signatureOf = (bytes: Uint8Array) => {
      const document = /<w:body>([\s\S]*)<\/w:body>/.exec(openDocx(bytes).document)![1];
      return [...document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Signature"\/>[\s\S]*?<\/w:p>/g)].map(([paragraph]) => paragraph);
    };
    for (const frontMatter of signatures) {
      const first = await prepareExport(`---\n${frontMatter}\n---\n\n${body}`, {}).render();
      const back = await importDocx(first, 'images');
      const second = await prepareExport(back.markdown, {}).render();
      const expected = signatureOf(first);
      assert.ok(expected.length > 0, frontMatter);
      assert.deepEqual(signatureOf(second), expected, `${frontMatter}\n→\n${back.markdown}`);
      const [before, after] = [lint(`---\n${frontMatter}\n---\n\n${body}`).model.signature!, lint(back.markdown).model.signature!];
      assert.deepEqual([after.name, formatDate(after.date)], [before.name, formatDate(before.date)], back.markdown);
    }
  });

  it('reads the right-aligned lines ending a Word report as its signature, and never moves a sentence or site chrome there', async () => {
    const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(text)] });
    // Chinese Word names its built-in styles by number (a7) and stores their English name: Signature is 签名.
    const styles = { paragraphStyles: [{ id: 'a7', name: 'Signature', paragraph: { alignment: AlignmentType.RIGHT } }] };
    const draft = async (...ending: Paragraph[]) => importDocx(new Uint8Array(await Packer.toBuffer(new Document({ styles, sections: [{ children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('2024年度述职报告')] }),
      new Paragraph({ children: [new TextRun('一年来，我认真履行职责，现将有关情况报告如下。')] }),
      new Paragraph({ children: [new TextRun('以上报告，请审议。')] }),
      ...ending,
    ] }] }))), 'images');
    // A block the checks read as a signature stays in the body, as written.
    const signed = await draft(new Paragraph({ style: 'a7', children: [new TextRun('县政府办公室主任、县委办副主任　王五')] }), right('2025.1.8'));
    assert.match(signed.markdown, /\n县政府办公室主任、县委办副主任　王五\n\n2025\.1\.8\n$/);
    assert.match(signed.markdown, /^date: 2025年1月8日$/m);
    // One they do not (a name without a date) goes to front matter, where the export finds it.
    const named = await draft(new Paragraph({ style: 'a7', children: [new TextRun('中共青山县委员会')] }), right('青山县人民政府'));
    assert.match(named.markdown, /^author: \|-\n {2}中共青山县委员会\n {2}青山县人民政府$/m);
    assert.ok(!named.markdown.includes('\n青山县人民政府\n'), 'out of the body');
    assert.deepEqual(lint(named.markdown).model.signature?.name, '中共青山县委员会\n青山县人民政府');
    const lines = named.markdown.split('\n');
    assert.equal(named.paragraphOfLine.length, lines.length - 1, 'a paragraph for each line but the end');
    assert.equal(named.paragraphOfLine[lines.indexOf('以上报告，请审议。')], 3, 'lines still map to their Word paragraphs');

    const sentence = await draft(right('特此报告。'));
    assert.match(sentence.markdown, /\n特此报告。\n$/, 'a right-aligned sentence stays in the body');
    assert.doesNotMatch(sentence.markdown, /^author:/m);
    const chrome = await draft(right('发布时间：2025-01-10 09:30'));
    assert.match(chrome.markdown, /\n发布时间：2025-01-10 09:30\n$/, 'page chrome stays where the checks flag it');
    assert.doesNotMatch(chrome.markdown, /^(author|date):/m);
  });

  it('keeps links, footnotes and pictures of a draft exported with them', async () => {
    const folder = join(__dirname, '..', 'fixtures', 'with-assets');
    const exported = await prepareExport(readFileSync(join(folder, 'report.md'), 'utf8'), {}, folder).render();
    const back = await importDocx(exported, '图');
    assert.match(back.markdown, /详见\[县农业农村局公开数据\]\(<https:\/\/example\.gov\.cn\/data>\)。/);
    assert.match(back.markdown, /带富能力不强\[\^2\]，/);
    assert.equal(back.images.length, 1);
    assert.deepEqual(lint(back.markdown).findings.map((finding) => finding.rule), []);
  });

  it('says what is wrong with files that are not Word documents', async () => {
    await assert.rejects(importDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'x'), (error: Error) => error instanceof ImportError && /另存为/.test(error.message));
    await assert.rejects(importDocx(new TextEncoder().encode('# 述职报告'), 'x'), /不是 Word 文档/);
    await assert.rejects(importDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x'), /已损坏/);
  });
});

describe('shuzhi import and shuzhi lint on Word files (CLI)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-import-'));
    writeFileSync(join(dir, '述职报告.docx'), await wordDraft());
    const copied = readFileSync(join(__dirname, '..', 'fixtures', 'copied-county.md'), 'utf8');
    writeFileSync(join(dir, 'copied.docx'), await prepareExport(copied, {}).render());
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the draft and its pictures beside the Word file, and never overwrites unasked', async () => {
    const first = await runCli(['import', '述职报告.docx'], dir);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /已导入 述职报告\.md（21 段，1 张图片存在 述职报告-图片\/）/);
    assert.match(readFileSync(join(dir, '述职报告.md'), 'utf8'), /^---\ntitle: /);
    assert.deepEqual(readdirSync(join(dir, '述职报告-图片')), ['图1.png']);
    writeFileSync(join(dir, '述职报告.md'), '我的修改');
    const again = await runCli(['import', '述职报告.docx'], dir);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /述职报告\.md、述职报告-图片\/图1\.png 已经存在，没有导入/);
    assert.equal(readFileSync(join(dir, '述职报告.md'), 'utf8'), '我的修改');
    assert.equal((await runCli(['import', '述职报告.docx', '--force'], dir)).code, 0);
    assert.notEqual(readFileSync(join(dir, '述职报告.md'), 'utf8'), '我的修改');
    assert.equal((await runCli(['import', '述职报告.docx', '-o', '另存.md'], dir)).code, 0);
    assert.ok(existsSync(join(dir, '另存-图片', '图1.png')));
  });

  it('checks a Word draft with the same rules, by paragraph and quoted words, in text and JSON', async () => {
    const text = await runCli(['lint', 'copied.docx'], dir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /第7段\s+警告\s+“软弱散涣”：“软弱散涣”应为“软弱涣散”/);
    assert.match(text.stdout, /第9段\s+错误\s+“在”：“在的带领下”/);
    const json = JSON.parse((await runCli(['lint', '--format', 'json', 'copied.docx'], dir)).stdout) as Array<{ rule: string; paragraph: number; text: string }>;
    const typo = json.find((finding) => finding.rule === 'fixed-phrase' && finding.text === '软弱散涣');
    assert.equal(typo?.paragraph, 7);
    const markdown = await runCli(['lint', '--format', 'json', '-'], dir, readFileSync(join(__dirname, '..', 'fixtures', 'copied-county.md'), 'utf8'));
    // The export wrote the signature date without zero padding (2025年1月10日): the one finding it does not carry over.
    const fromMarkdown = (JSON.parse(markdown.stdout) as Array<{ rule: string; message: string }>).filter((finding) => !/日期中的月、日不补零/.test(finding.message));
    assert.deepEqual(json.map((finding) => finding.rule).sort(), fromMarkdown.map((finding) => finding.rule).sort(), 'the same findings as the Markdown it was exported from');
  });

  it('asks for .docx when given a Word 97 file, and refuses --fix on Word drafts', async () => {
    writeFileSync(join(dir, '旧文稿.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    for (const command of [['lint', '旧文稿.doc'], ['import', '旧文稿.doc']]) {
      const result = await runCli(command, dir);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /旧版 Word 97-2003 文档（\.doc）.*另存为/);
    }
    const fix = await runCli(['lint', '--fix', 'copied.docx'], dir);
    assert.match(fix.stderr, /Word 文稿不能自动修复/);
  });
});
