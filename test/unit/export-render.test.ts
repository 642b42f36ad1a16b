import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { pdfPages, renderToPdf, toolsAvailable } from '../render';

const FINAL = join(__dirname, '..', '..', 'examples', 'report-final.md');
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;

/** Width in characters of 三号 text: Chinese characters count one, digits and Latin letters half. */
function width(line: string): number {
  return [...line.replace(/\s+/g, '')].reduce((sum, ch) => sum + (/[\x21-\x7e]/.test(ch) ? 0.5 : 1), 0);
}

describe('Word export as LibreOffice renders it', function () {
  this.timeout(180000);
  let pages: string[][];

  before(async function () {
    if (!toolsAvailable()) {
      // CI installs LibreOffice and poppler (.ci/run); a developer machine without them skips.
      if (process.env.CI) throw new Error('soffice and pdftotext are required in CI');
      this.skip();
    }
    pages = pdfPages(await renderToPdf(FINAL));
  });

  it('renders several pages', () => {
    assert.ok(pages.length >= 3, `${pages.length} pages`);
  });

  it('puts 22 lines on every full page (on the first, the title and the blank line under it count as two)', () => {
    pages.slice(0, -1).forEach((page, index) => {
      const lines = page.filter((line) => !PAGE_NUMBER.test(line.trim()));
      assert.equal(lines.length + (index === 0 ? 1 : 0), 22, lines.join('\n'));
    });
  });

  it('puts at most 28 characters on a line, and full lines hold exactly 28', () => {
    const lines = pages.flatMap((page) => page.filter((line) => !PAGE_NUMBER.test(line.trim())));
    const widths = lines.map(width);
    assert.ok(Math.max(...widths) <= 28, lines.find((line) => width(line) > 28));
    assert.ok(lines.some((line) => width(line) === 28 && !/[\x21-\x7e]/.test(line)), 'some all-Chinese line is full');
  });

  it('numbers the pages — 1 —, — 2 — …', () => {
    pages.forEach((page, index) => {
      const numbers = page.map((line) => PAGE_NUMBER.exec(line.trim())?.[1]).filter(Boolean);
      assert.deepEqual(numbers, [String(index + 1)]);
    });
  });
});
