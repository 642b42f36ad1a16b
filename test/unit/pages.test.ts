import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftLength } from '../../server/src/core/features/length';
import { lint } from '../../server/src/core/engine/lint';
import { breakLines, layoutPages, wordCount } from '../../server/src/core/features/pages';
import { BODY_TRACKING, FIRST_LINE_INDENT, SIZE, TEXT_WIDTH } from '../../server/src/export/layout';
import { WORD_PASTE } from './helpers';

const BODY = { size: SIZE.body * 10, tracking: BODY_TRACKING };
const lines = (text: string) => breakLines(text, BODY, TEXT_WIDTH - FIRST_LINE_INDENT, TEXT_WIDTH).map(([start, end]) => text.slice(start, end));
const FIXTURES = join(__dirname, '..', 'fixtures');

describe('page layout', () => {
  it('sets 26 Chinese characters after the two-character indent and 28 on the next lines', () => {
    const text = '坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务'.slice(0, 60);
    assert.deepEqual(lines(text).map((line) => line.length), [26, 28, 6]);
  });

  it('never starts a line with a closing mark: the character before it goes down with it', () => {
    // The 27th character is followed by a comma: both go to the next line.
    const text = `${'一'.repeat(26)}二，三四五`;
    assert.deepEqual(lines(text), ['一'.repeat(26), '二，三四五']);
    const quoted = `${'一'.repeat(24)}“两委”干部`;
    assert.deepEqual(lines(quoted), [`${'一'.repeat(24)}“两`, '委”干部']);
  });

  it('never ends a line with an opening mark, and keeps a number and a —— whole', () => {
    assert.deepEqual(lines(`${'一'.repeat(25)}（社区）`), ['一'.repeat(25), '（社区）']);
    assert.deepEqual(lines(`${'一'.repeat(24)}2024年`), ['一'.repeat(24), '2024年']);
    assert.deepEqual(lines(`${'一'.repeat(25)}——二`), ['一'.repeat(25), '——二']);
  });

  it('gives Latin letters their Times New Roman width: capitals wider than digits', () => {
    // 23 Chinese characters and 4 digits (2 characters wide) fit the first line; 4 capitals (2.8) do not.
    assert.equal(lines(`${'一'.repeat(22)}1234一`).length, 1);
    assert.equal(lines(`${'一'.repeat(22)}ABCD一`).length, 2);
  });

  it('keeps a heading with the next line and never leaves the signature alone on a page', () => {
    // The title, the blank line and 19 one-line paragraphs leave one line: the heading would stand alone there.
    const body = Array.from({ length: 19 }, (_, index) => `　　第${index + 1}项工作已经完成。`).join('\r\n');
    const draft = WORD_PASTE(`${body}\r\n一、存在问题\r\n　　问题还有一些。\r\n`);
    const layout = layoutPages(lint(draft).model);
    assert.equal(layout.pages.length, 2);
    assert.deepEqual(layout.pages[1].lines[0].text, '一、存在问题');
    assert.equal(layout.pages[0].lines.length, 21);

    // A full first page, then the signature: the last paragraph goes over with it.
    const full = Array.from({ length: 20 }, (_, index) => `　　第${index + 1}项工作已经完成。`).join('\r\n');
    const signed = layoutPages(lint(WORD_PASTE(`${full}\r\n张三\r\n2024年12月20日\r\n`)).model);
    assert.deepEqual(signed.pages[1].lines.map((line) => line.text), ['第20项工作已经完成。', '', '张三', '2024年12月20日']);
  });

  it('sets the title in the rows the export breaks it into, with a blank line under it', () => {
    const { model } = lint(readFileSync(join(FIXTURES, 'wordshaped-longtitle.md'), 'utf8'));
    const first = layoutPages(model).pages[0].lines;
    const rows = first.filter((line) => line.style === 'title').map((line) => line.text);
    assert.equal(rows.join(''), '中共青山县市场监督管理局党组关于2024年度落实全面从严治党主体责任和党风廉政建设情况暨2025年工作打算的报告');
    assert.equal(rows.length, 3, rows.join(' / '));
    assert.equal(first[rows.length].style, 'blank');
  });

  it('maps every line to where its text is written, for a click to go there', () => {
    const source = WORD_PASTE('　　现将有关情况报告如下。\r\n一、主要工作\r\n　　全年完成投资12亿元。\r\n');
    const layout = layoutPages(lint(source).model);
    for (const line of layout.pages[0].lines.filter((candidate) => candidate.offset >= 0)) {
      assert.equal(source.slice(line.offset, line.offset + line.text.length), line.text);
    }
  });
});

describe('characters as Word counts 字数', () => {
  it('counts each Chinese character and full-width mark, and each run of Latin letters and digits once', () => {
    assert.equal(wordCount('全年完成投资12.5亿元，同比增长8.6%。'), 16);
    assert.equal(wordCount('2024年度 GDP 增长'), 6);
    assert.equal(wordCount('　 \t'), 0);
    assert.equal(wordCount('𠮷野家'), 3);
  });

  it('counts what the Word file holds: the signature date as exported, not the residue of a website', () => {
    const draft = '2024年述职报告范文五篇\r\n2024年度述职报告\r\n\r\n　　现将有关情况报告如下。\r\n\r\n张三\r\n二〇二四年十二月二十日\r\n';
    const length = draftLength(lint(draft).model);
    // 2024年度述职报告 7, 现将有关情况报告如下。11, 张三 2, 2024年12月20日 6.
    assert.equal(length.characters, 26);
    assert.deepEqual(length.parts.map((part) => [part.name, part.characters]), [['开头', 18], ['结尾', 8]]);
  });
});
