import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/engine/lint';
import { type OutlineHeading, reportOutline, type ReportOutline } from '../../server/src/core/features/outline';
import { decideScope } from '../../server/src/core/reading/scope';

/** The model's reading of a draft, as `shuzhi outline --format json` prints it. */
function read(source: string): ReportOutline {
  const { findings, model } = lint(source);
  return reportOutline(model, decideScope(model, findings));
}

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
const tree = (headings: OutlineHeading[]): string[] =>
  headings.flatMap((heading) => [`${'  '.repeat(heading.level - 1)}${heading.line}:${heading.ordinal ?? ''}${heading.title}`, ...tree(heading.children)]);

const variants: Array<[string, (text: string) => string]> = [
  ['LF', (text) => text],
  ['CRLF', (text) => text.replace(/\n/g, '\r\n')],
  ['BOM + CRLF', (text) => '\uFEFF' + text.replace(/\n/g, '\r\n')],
];

describe('report model: how a reader sees real drafts', () => {
  for (const [variant, transform] of variants) {
    describe(variant, () => {
      it('a downloaded template: site lines above the title, a table of contents, residue inside and at the end', () => {
        const outline = read(transform(fixture('download-template.md')));
        assert.equal(outline.genre, '述职报告');
        assert.equal(outline.genreSource, 'title');
        assert.equal(outline.checkedByDefault, true);
        assert.deepEqual(outline.title, { line: 4, lines: [4], text: '2024年度XX镇党委书记抓基层党建工作述职报告' });
        assert.deepEqual(outline.residue.map((residue) => [residue.line, residue.whole]), [[1, true], [2, true], [3, true], [14, true], [21, true]]);
        assert.deepEqual(outline.toc, { first: 5, last: 8 });
        assert.equal(outline.salutation?.line, 9);
        assert.equal(outline.opening?.line, 10);
        assert.equal(outline.closing?.line, 20);
        assert.deepEqual(tree(outline.headings), [
          '11:一、履职情况', '  12:（一）压实党建责任', '  13:（二）建强基层组织', '  15:（三）深化作风建设', '16:二、存在问题', '18:三、下步打算',
        ]);
        assert.equal(outline.signature, null);
      });

      it('a site title above a two-line title, with a salutation, a closing formula and a typed signature', () => {
        const outline = read(transform(fixture('sitetitle-shulian.md')));
        assert.equal(outline.genre, '述责述廉报告');
        assert.deepEqual(outline.title, { line: 5, lines: [5, 6], text: '关于2024年度履行职责和廉洁自律情况的述职述廉报告' });
        assert.deepEqual(outline.residue.map((residue) => residue.line), [1, 2, 3]);
        assert.equal(outline.salutation?.text, '尊敬的各位领导、同志们：');
        assert.equal(outline.closing?.text, '以上报告，请予评议。');
        assert.deepEqual(outline.signature, { name: '县交通运输局局长\u3000王建国', date: '2024年12月20日', source: 'body', lines: [32, 34] });
        assert.deepEqual(tree(outline.headings).filter((line) => !line.startsWith(' ')), ['12:一、履行管党治党责任情况', '18:二、廉洁自律情况', '22:三、存在的问题', '26:四、下一步打算']);
      });

      it('a title glued to its first heading, headings that begin with a year, a Word paste without blank lines', () => {
        const outline = read(transform(fixture('glued-zongjie.md')));
        assert.equal(outline.genre, '年度工作总结');
        assert.equal(outline.title?.text, 'XX县交通运输局2024年工作总结及2025年工作谋划');
        assert.deepEqual(tree(outline.headings), [
          '1:一、2024年工作完成情况', '  3:（一）交通项目建设提速', '  4:（二）农村公路提质扩面', '  5:（三）运输服务持续优化',
          '6:二、存在的问题', '8:三、2025年工作谋划', '  9:（一）抓项目', '  10:（二）抓养护', '    11:1.完善县乡村三级路长制', '    12:2.落实养护资金',
        ]);
      });

      it('no title: the genre from the opening formula; a 10 missing its dot is a heading', () => {
        const outline = read(transform(fixture('nested-shufa.md')));
        assert.equal(outline.genre, '述法报告');
        assert.equal(outline.genreSource, 'opening');
        assert.equal(outline.title, null);
        assert.equal(outline.headings[0].children.length, 10);
        assert.equal(outline.headings[0].children[9].ordinal, '10.');
      });
    });
  }

  it('holds nested enumeration runs with their parent item', () => {
    const { model } = lint(fixture('nested-shufa.md'));
    const nested = model.enumerations.filter((run) => run.parent);
    assert.equal(nested.length, 1);
    assert.deepEqual(nested[0].markers.map((marker) => marker.label), ['一是', '二是']);
    assert.equal(nested[0].parent!.label, '一是');
  });

  describe('genre as a reader decides it', () => {
    const cases: Array<[string, string, string | null, string | null]> = [
      ['校长工作报告', '2024年度校长工作报告\n\n一、主要工作\n\n做了工作。\n', '述职报告', 'title'],
      ['任职期满', '张三同志任职期满述职报告\n\n一年来……。\n', '述职报告', 'title'],
      ['述学述职', '2024年度述学述职报告\n', '述职报告', 'title'],
      ['述职述廉 over 述职', '2024年度述职述廉报告\n', '述责述廉报告', 'title'],
      ['述法 title', '关于履行推进法治建设第一责任人职责情况的报告\n', '述法报告', 'title'],
      ['closing formula', '一年来，我始终坚持学习。\n\n以上述职，请予评议。\n', '述职报告', 'closing'],
      ['opening formula', '现将全年工作总结如下：\n\n一、工作完成情况\n\n内容。\n', '年度工作总结', 'opening'],
      ['headings', '一、查摆的问题\n\n问题。\n\n二、原因剖析\n\n原因。\n\n三、整改措施\n\n措施。\n', '对照检查材料', 'headings'],
      ['a tool named after the genre', '述职报告助手使用说明\n\n安装后打开文稿即可。\n', null, null],
    ];
    for (const [name, source, genre, sourceOfGenre] of cases) {
      it(name, () => {
        const outline = read(source);
        assert.equal(outline.genre, genre);
        assert.equal(outline.genreSource, sourceOfGenre);
      });
    }
  });

  describe('scope: reports are checked, notes are not', () => {
    it('checks a report with no recognised genre but report structure', () => {
      const body = '今年以来，我们紧紧围绕中心工作，认真履行职责，推动各项工作取得明显成效。'.repeat(4);
      const outline = read(`一、主要工作\n\n${body}\n\n二、几点体会\n\n${body}\n`);
      assert.equal(outline.genre, null);
      assert.equal(outline.checkedByDefault, true);
    });

    it('checks a report-like body that still has blanks', () => {
      const body = '今年以来，我们紧紧围绕中心工作，认真履行职责，推动各项工作取得明显成效。'.repeat(4);
      assert.equal(read(`${body}全年培训干部XX人次。\n`).checkedByDefault, true);
    });

    it('leaves notes and English READMEs alone', () => {
      assert.equal(read('# Notes\n\nBuy milk. Call Li about the 2024 plan.\n').checkedByDefault, false);
      assert.equal(read('会议记录\n\n今天讨论了下周的安排，大家都同意。\n').checkedByDefault, false);
    });
  });

  it('reads list markers, links, images, breaks, entities, comments and footnotes where they stand', () => {
    const source = '1. 加强**理论[学习](https://a.cn/x\\_y)**\n2. 见[上文][r]与<https://b.cn>，![图&amp;表](t.png)\n\n[r]: https://r.cn\n\n'
      + '> 第一行\\\n> 第二行&#x4e00;<!-- 注 -->\n\n正文[^注]。\n\n[^注]: 注释一段\n\n    - 脚注里的列表不读\n';
    const { lines, comments } = lint(source).model;
    assert.deepEqual(lines.map((line) => [line.kind, line.text]), [
      ['ordered', '1.加强理论学习'], ['ordered', '2.见上文与https://b.cn，'], ['paragraph', '第一行'], ['paragraph', '第二行一'],
      ['paragraph', '正文。'], ['footnote', '注释一段'],
    ]);
    // Bold runs on into the link inside it; a reference link has no target here, an autolink has its own.
    assert.deepEqual(lines[0].marks, [{ start: 4, end: 6, bold: true }, { start: 6, end: 8, bold: true, link: 'https://a.cn/x_y' }]);
    assert.deepEqual(lines[1].marks, [{ start: 6, end: 18, link: 'https://b.cn' }]);
    assert.deepEqual(lines[1].anchors, [{ at: 19, image: { url: 't.png', alt: '图&表' } }]);
    assert.deepEqual(lines[4].anchors, [{ at: 2, footnote: '注' }]);
    assert.equal(lines[5].footnoteLabel, '注');
    // Every character maps back to where it was typed: the entity to its &, the marker to the list item.
    const at = (line: number, index: number) => source[lines[line].map[index]];
    assert.equal(at(0, 0), '1');
    assert.equal(at(3, 3), '&');
    assert.equal(at(4, 2), '。');
    assert.deepEqual(comments.map((comment) => [comment.value, source.slice(comment.start, comment.end)]), [[' 注 ', '<!-- 注 -->']]);
  });

  it('reads GFM tables wherever GFM has them, and pipes without a delimiter row as text', () => {
    const kinds = (source: string) => lint(source).model.lines.map((line) => `${line.kind}:${line.text.trim()}`);
    // In a quote, with a delimiter row that has no closing pipe, with CRLF, and a row with no pipe at all.
    assert.deepEqual(kinds('2024年度述职报告\n\n> | 单位 | 人数 |\n> | --- | --- |\n> | 县委 | 12 |\n'),
      ['paragraph:2024年度述职报告', 'tableRow:单位|人数', 'tableRow:县委|12']);
    assert.deepEqual(kinds('| 指标 |\r\n|---\r\n| 党员 486名\r\n发展对象\r\n\r\n正文。'),
      ['tableRow:指标', 'tableRow:党员 486名', 'tableRow:发展对象', 'paragraph:正文。']);
    assert.deepEqual(kinds('经费 | 万元\n投入 | 120\n'), ['paragraph:经费 | 万元', 'paragraph:投入 | 120']);
  });

  it('reads paragraphs pasted with a four-space indent as prose, and indented code as code', () => {
    const kinds = (source: string) => lint(source).model.lines.map((line) => `${line.kind}:${line.text.trim()}`);
    assert.deepEqual(kinds('林业局局长述职报告\n\n    今天，我在这里述职。\n\n    一、围绕中心，服务大局。\n'),
      ['paragraph:林业局局长述职报告', 'paragraph:今天，我在这里述职。', 'paragraph:一、围绕中心，服务大局。']);
    assert.deepEqual(kinds('说明\n\n    const 单位 = load(\'县委\');\n    npm run lint -- 报告.md\n'),
      ['paragraph:说明', 'code:const 单位 = load(\'县委\');\nnpm run lint -- 报告.md'].flatMap((entry) => entry.split('\n').map((line, index) => (index === 0 ? line : `code:${line}`))));
  });

  it('reads a subtitle, a name line under the title and a Chinese-numeral date at the end', () => {
    const outline = read('在新时代新征程上担当作为\n——2024年度个人述职报告\n县委书记　李明\n\n一、主要工作\n\n内容。\n\n李明\n二〇二五年一月八日\n');
    assert.equal(outline.title?.text, '在新时代新征程上担当作为');
    assert.equal(outline.subtitle?.text, '——2024年度个人述职报告');
    assert.deepEqual(outline.signature, { name: '李明', date: '二〇二五年一月八日', source: 'body', lines: [9, 10] });
    assert.equal(outline.genre, null);
  });

  it('takes three lines with rising page numbers as a table of contents, with no 目录 line', () => {
    const outline = read('2024年度工作总结\n\n一、工作完成情况 1\n二、存在的问题 3\n三、下年度工作计划 4\n\n一、工作完成情况\n\n内容。\n');
    assert.deepEqual(outline.toc, { first: 3, last: 5 });
    assert.equal(outline.headings.length, 1);
  });

  it('gives Markdown headings without ordinals a level from their depth', () => {
    const outline = read('2024年度述职报告\n\n## 抓学习\n\n内容。\n\n### 读原著\n\n内容。\n');
    assert.deepEqual(tree(outline.headings), ['3:抓学习', '  7:读原著']);
  });

  it('joins a hard-wrapped line to its paragraph, keeps Word-pasted lines apart', () => {
    const { model } = lint('2024年度述职报告\n\n全年投入资金3860万元，\n新建党群服务中心5个。\n第二段。\n');
    assert.deepEqual(model.continuesParagraph.slice(1), [false, true, false]);
  });
});
