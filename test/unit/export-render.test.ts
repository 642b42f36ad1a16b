import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lint } from '../../server/src/core/engine/lint';
import { layoutPages, type SetLine } from '../../server/src/core/features/pages';
import { loadAssets } from '../../server/src/export/assets';
import { PAGE } from '../../server/src/export/layout';
import { openDocx, paragraphs } from './docx-xml';
import { inkRows, pdfPages, RENDER_NEEDS, type Rendered, renderAll } from '../render';
import { requireNeeds } from '../requirements';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');
/** Every finished draft we have: the examples and the fixtures that are not about unfinished text. */
const DRAFTS = [
  join(ROOT, 'examples', 'report-final.md'),
  ...readdirSync(FIXTURES).filter((name) => /-filled\.md$|^wordshaped-|^download-template|^copied-county/.test(name)).map((name) => join(FIXTURES, name)),
  join(FIXTURES, 'with-assets', 'report.md'),
];
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;
const NO_LINE_START = /[，。、；：？！）》”’]/;
const NO_LINE_END = /[（《“‘]/;
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)/;
const TWIPS_PER_POINT = 20;
const LEFT = PAGE.marginLeft / TWIPS_PER_POINT;
const RIGHT = (PAGE.width - PAGE.marginRight) / TWIPS_PER_POINT;
const BLOCK_BOTTOM = (PAGE.height - PAGE.marginBottom) / TWIPS_PER_POINT;
const PITCH = (RIGHT - LEFT) / 28;
const POINTS_PER_MM = 72 / 25.4;

/** Width in characters of 三号 text: Chinese characters count one, digits and Latin letters half. */
function width(line: string): number {
  return [...line.replace(/\s+/g, '')].reduce((sum, ch) => sum + (/[\x21-\x7e]/.test(ch) ? 0.5 : 1), 0);
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Lines as laid out, with the box of each: pdftotext -bbox-layout groups words into lines. */
function pdfLines(pdf: string): Array<{ page: number; text: string; xMin: number; xMax: number; yMin: number }> {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  const lines: ReturnType<typeof pdfLines> = [];
  let page = 0;
  for (const block of html.split(/(?=<page |<line )/)) {
    if (block.startsWith('<page ')) page++;
    const box = /^<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"/.exec(block);
    if (!box) continue;
    const text = [...block.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((word) => unescapeXml(word[1])).join('');
    lines.push({ page, text, xMin: Number(box[1]), yMin: Number(box[2]), xMax: Number(box[3]) });
  }
  return lines;
}

/** Each word as laid out, with its font box. */
function pdfWords(pdf: string): Array<{ page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }> {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8' });
  const words: ReturnType<typeof pdfWords> = [];
  let page = 0;
  for (const match of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0] === '<page ') page++;
    else words.push({ page, text: unescapeXml(match[5]), xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]) });
  }
  return words;
}

describe('Word export as LibreOffice renders it', function () {
  this.timeout(300000);
  let rendered: Array<Rendered & { name: string }>;

  before(async function () {
    requireNeeds(this, RENDER_NEEDS);
    rendered = (await renderAll(DRAFTS)).map((result, index) => ({ ...result, name: basename(DRAFTS[index]) }));
  });

  it('loses no character: the rendered text equals the document text, character by character', () => {
    for (const { docx, pdf, name } of rendered) {
      const parts = openDocx(docx);
      const documentText = paragraphs(parts.document).map((paragraph) => unescapeXml(paragraph.text)).join('').replace(/\s+/g, '');
      const pageText = pdfPages(pdf).flat().filter((line) => !PAGE_NUMBER.test(line.trim())).join('').replace(/\s+/g, '');
      if (/<w:footnote [^>]*w:id="[1-9]/.test(parts.footnotes)) {
        // Footnotes sit at the foot of their page, their numbers in the text: the same characters, in another order.
        const noteText = paragraphs(parts.footnotes).map((paragraph) => unescapeXml(paragraph.text)).join('').replace(/\s+/g, '');
        const numbers = [...parts.footnotes.matchAll(/<w:footnote [^>]*w:id="([1-9]\d*)"/g)].map((match) => match[1]).join('').repeat(2);
        assert.equal([...pageText].sort().join(''), [...documentText + noteText + numbers].sort().join(''), name);
        continue;
      }
      let at = 0;
      while (at < documentText.length && documentText[at] === pageText[at]) at++;
      assert.equal(pageText.length, documentText.length, `${name}: differs at “${documentText.slice(Math.max(0, at - 10), at)}[${documentText.slice(at, at + 5)}]”`);
      assert.equal(pageText, documentText, name);
    }
  });

  it('fills every line that reaches the right margin with 28 characters (the indent counts two)', () => {
    let fullLines = 0;
    for (const { pdf, name } of rendered) {
      const lines = pdfLines(pdf).filter((line) => !PAGE_NUMBER.test(line.text));
      lines.forEach((line, index) => {
        if (/[\x21-\x7e]/.test(line.text) || line.xMax < RIGHT - 1.5) return;
        const characters = Math.round((line.xMin - LEFT) / PITCH) + width(line.text);
        // A mark that may not start a line takes the character before it down; one that may not end a line goes down itself.
        const next = lines[index + 1]?.text ?? '';
        const pushedDown = NO_LINE_START.test(next.slice(1, 2)) || NO_LINE_END.test(next.slice(0, 1));
        assert.ok(characters === 28 || (pushedDown && characters === 27), `${name}: ${characters} characters: ${line.text}⏎${next}`);
        fullLines++;
      });
    }
    assert.ok(fullLines > 40, `${fullLines} full all-Chinese lines`);
  });

  it('never sets a line wider than 28 characters', () => {
    for (const { pdf, name } of rendered) {
      for (const line of pdfLines(pdf)) {
        if (line.xMax > RIGHT + 0.5) assert.fail(`${name}: past the margin: ${line.text}`);
      }
    }
  });

  it('puts 22 lines on a page unless a heading kept with its text starts the next page', () => {
    for (const { pdf, name } of rendered) {
      const pages = pdfPages(pdf).map((page) => page.filter((line) => !PAGE_NUMBER.test(line.trim())));
      pages.slice(0, -1).forEach((page, index) => {
        // On the first page the blank line under the title is a line too.
        const rows = page.length + (index === 0 ? 1 : 0);
        if (rows === 22) return;
        assert.ok(rows < 22 && HEADING.test(pages[index + 1][0]), `${name} page ${index + 1}: ${rows} lines, next page starts “${pages[index + 1][0]}”`);
      });
    }
  });

  it('numbers every page — 1 —, — 2 — … with the dash 7 mm under the text block', () => {
    let dashes = 0;
    for (const { pdf, name } of rendered) {
      const pages = pdfPages(pdf);
      pages.forEach((page, index) => {
        const numbers = page.map((line) => PAGE_NUMBER.exec(line.trim())?.[1]).filter(Boolean);
        assert.deepEqual(numbers, [String(index + 1)], name);
      });
      // GB/T 9704 7.5 measures to the dash itself (一字线上距版心下边缘7mm): its ink, not its font box.
      for (const word of pdfWords(pdf).filter((candidate) => candidate.text === '—' && candidate.yMin > BLOCK_BOTTOM)) {
        const ink = inkRows(pdf, word.page, word);
        assert.ok(ink, `${name}: a dash drawn on page ${word.page}`);
        const below = (ink.top - BLOCK_BOTTOM) / POINTS_PER_MM;
        assert.ok(Math.abs(below - 7) <= 1, `${name} page ${word.page}: the dash ${below.toFixed(1)} mm under the text block`);
        dashes++;
      }
    }
    assert.ok(dashes >= 2 * rendered.length, `${dashes} dashes measured`);
  });

  it('keeps each title line on one row, and a long title in balanced rows', () => {
    const shaped = rendered.find((result) => result.name === 'wordshaped-shufa.md')!;
    const lines = pdfLines(shaped.pdf);
    assert.deepEqual(lines.slice(0, 2).map((line) => line.text), ['关于2024年度履行推进法治建设第一责任人', '职责情况的报告']);
    assert.ok(lines[1].yMin - lines[0].yMin < 30, 'title rows one line pitch apart');
    assert.equal(lines[2].text, '尊敬的各位领导、同志们：');
    assert.ok(Math.abs(lines[2].xMin - LEFT) < 1, 'salutation flush left');

    const long = pdfLines(rendered.find((result) => result.name === 'wordshaped-longtitle.md')!.pdf);
    const rows = long.slice(0, 3).map((line) => line.text);
    assert.equal(rows.join(''), '中共青山县市场监督管理局党组关于2024年度落实全面从严治党主体责任和党风廉政建设情况暨2025年工作打算的报告');
    const widths = rows.map(width);
    assert.ok(Math.max(...widths) - Math.min(...widths) <= 3, `balanced: ${rows.join(' / ')}`);
    assert.ok(widths.every((rowWidth, index) => index === 0 || rowWidth >= widths[index - 1] - 1), `a trapezoid: ${rows.join(' / ')}`);
    assert.ok(long[3].yMin - long[2].yMin > 40, 'a blank line under the title');
  });

  it('shows a run-in heading with its text unchanged: the heading sentence starts the line, its body follows', () => {
    const { pdf } = rendered.find((result) => result.name === 'report-final.md')!;
    const lines = pdfLines(pdf);
    const at = lines.findIndex((line) => line.text.startsWith('（一）坚持以上率下，压实党建责任。'));
    assert.ok(at > 0, 'the heading sentence starts a line');
    assert.ok(Math.abs(lines[at].xMin - (LEFT + 2 * PITCH)) < 1, 'indented two characters, as the body');
    // Word runs the body on after the heading sentence (style separator); LibreOffice 7 starts it on the
    // next line. Either way the text reads as written, the body right after the heading sentence.
    const read = lines.slice(at, at + 3).map((line) => line.text).join('');
    assert.ok(read.startsWith('（一）坚持以上率下，压实党建责任。带头落实“第一议题”制度，全年主持召开县委常委会会议'), read);
  });

  it('ends the signature block two characters in from the right, the date under the name', () => {
    let signatures = 0;
    for (const { pdf, name } of rendered) {
      const lines = pdfLines(pdf);
      const dateIndex = lines.map((line) => /^\d{4}年\d{1,2}月(\d{1,2}日)?$/.test(line.text)).lastIndexOf(true);
      if (dateIndex < 1) continue;
      const [signer, date] = [lines[dateIndex - 1], lines[dateIndex]];
      assert.ok(date.yMin - signer.yMin < PITCH * 2, `${name}: name right above the date`);
      // LibreOffice puts a fifth of a character between digits and Chinese, which Word is told not to: the
      // date starts where Word starts it, and ends that much further right.
      const autospace = (date.text.match(/\d(?=\D)|\D(?=\d)/g) ?? []).length * 0.21 * PITCH;
      const gap = Math.min(RIGHT - signer.xMax, RIGHT - date.xMax + autospace);
      assert.ok(Math.abs(gap - 2 * PITCH) < 2, `${name}: ${(gap / PITCH).toFixed(2)} characters from the right`);
      assert.ok(date.xMax < RIGHT, `${name}: the date inside the text block`);
      const offset = (date.xMin - signer.xMin) / PITCH;
      assert.ok(Math.abs(offset - 2) <= 0.2, `${name}: date starts ${offset.toFixed(2)} characters right of the name`);
      signatures++;
    }
    assert.ok(signatures >= 5, `${signatures} signatures measured`);
  });
});

describe('page layout against the Word export as LibreOffice renders it', function () {
  this.timeout(300000);
  const drafts = [
    ...readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.md')).map((name) => join(ROOT, 'examples', name)),
    ...readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).map((name) => join(FIXTURES, name)),
    join(FIXTURES, 'with-assets', 'report.md'),
  ];
  let rendered: Rendered[];

  before(async function () {
    requireNeeds(this, RENDER_NEEDS);
    rendered = await renderAll(drafts);
  });

  it('counts the pages LibreOffice renders, and sets each paragraph in as many lines, give or take one', () => {
    let paragraphs = 0;
    let exact = 0;
    drafts.forEach((path, index) => {
      const name = basename(path);
      const { model } = lint(readFileSync(path, 'utf8'));
      const images = new Map([...loadAssets(model, dirname(path)).assets.images].map(([url, image]) => [url, image]));
      const layout = layoutPages(model, { images });
      const pages = pdfPages(rendered[index].pdf).map((page) => page.filter((line) => !PAGE_NUMBER.test(line.trim())));
      assert.equal(layout.pages.length, pages.length, `${name}: pages`);
      // The rendered text as one stream, with where each rendered line ends.
      let stream = '';
      const lineEnds: number[] = [];
      for (const line of pages.flat()) {
        stream += line.replace(/\s+/g, '');
        lineEnds.push(stream.length);
      }
      let cursor = 0;
      for (const paragraph of paragraphsOf(layout.pages.flatMap((page) => page.lines))) {
        const text = paragraph.map((line) => line.text).join('').replace(/\s+/g, '');
        const at = stream.indexOf(text, cursor);
        assert.ok(at >= 0, `${name}: “${text.slice(0, 20)}” rendered`);
        cursor = at + text.length;
        const renderedLines = lineEnds.filter((end) => end > at && end < cursor).length + 1;
        assert.ok(Math.abs(renderedLines - paragraph.length) <= 1, `${name}: ${paragraph.length} lines, rendered in ${renderedLines}: ${text.slice(0, 20)}`);
        paragraphs++;
        // A run-in heading is exported with Word's style separator: Word runs the body on after the heading
        // sentence, as the layout does; LibreOffice 7 starts the body on the next line, one line more.
        const runInLine = (paragraph[0].strong ?? 0) > 0 && renderedLines === paragraph.length + 1;
        if (renderedLines === paragraph.length || runInLine) exact++;
      }
    });
    assert.ok(paragraphs > 200, `${paragraphs} paragraphs compared`);
    // Line breaking is meant to be LibreOffice's own: a miss is a measurement to mend, not noise.
    assert.ok(exact >= paragraphs - 2, `${exact} of ${paragraphs} paragraphs in exactly as many lines`);
  });
});

/** The set lines grouped by paragraph (the title's rows are one), leaving out tables, images and blank lines. */
function paragraphsOf(lines: SetLine[]): SetLine[][] {
  const groups: SetLine[][] = [];
  let current: SetLine[] = [];
  for (const line of lines) {
    if (line.style === 'table' || line.style === 'image' || line.style === 'blank') continue;
    current.push(line);
    if (line.last && !(line.style === 'title' && lines[lines.indexOf(line) + 1]?.style === 'title')) {
      groups.push(current);
      current = [];
    }
  }
  return groups;
}
