/**
 * Renders exported .docx files the way a reader sees them: LibreOffice → PDF, then pdftotext / pdftoppm.
 * `npx tsx test/render.ts examples/report-final.md docs/images/export` writes export-page1.png and
 * export-last.png, the README pictures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareExport } from '../server/src/export/prepare';
import { CHINESE_FONT, FONTCONFIG, program, TIMES_METRICS } from './requirements';

/** What rendering needs: the programs, and the fonts whose metrics the layout checks measure. */
export const RENDER_NEEDS = [
  program('soffice', 'libreoffice-writer-nogui'),
  program('pdftotext', 'poppler-utils', ['-v']),
  program('pdftoppm', 'poppler-utils', ['-v']),
  FONTCONFIG,
  TIMES_METRICS,
  CHINESE_FONT,
];

export interface Rendered {
  docx: Uint8Array;
  pdf: string;
}

/** Exports each draft and converts them all to PDF in one LibreOffice run. */
export async function renderAll(markdownPaths: string[]): Promise<Rendered[]> {
  const folder = mkdtempSync(join(tmpdir(), 'shuzhi-render-'));
  const rendered: Rendered[] = [];
  const docxPaths: string[] = [];
  for (const [index, path] of markdownPaths.entries()) {
    const docx = await prepareExport(readFileSync(path, 'utf8'), {}, dirname(path)).render();
    const target = join(folder, `${index}-${basename(path).replace(/\.md$/, '')}.docx`);
    writeFileSync(target, docx);
    docxPaths.push(target);
    rendered.push({ docx, pdf: target.replace(/\.docx$/, '.pdf') });
  }
  docxToPdf(folder, docxPaths);
  return rendered;
}

/** Converts Word files to PDF in `folder` (NAME.docx → NAME.pdf) in one LibreOffice run; returns the PDFs. */
export function docxToPdf(folder: string, docxPaths: string[]): string[] {
  // Its own profile folder, so a LibreOffice the user has open does not get in the way.
  const profile = pathToFileURL(join(folder, 'profile')).toString();
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, ...docxPaths], { stdio: 'ignore', timeout: 300000 });
  return docxPaths.map((path) => join(folder, basename(path).replace(/\.docx$/, '.pdf')));
}

export async function renderToPdf(markdownPath: string): Promise<string> {
  return (await renderAll([markdownPath]))[0].pdf;
}

/** The text of each page, line by line as laid out. */
export function pdfPages(pdf: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim()).map((page) => page.split('\n').filter((line) => line.trim()));
}

export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * The rows holding ink inside a box of a page, in points from the page top: where a glyph is drawn,
 * which its font box (what pdftotext gives) does not say. Rasterised by pdftoppm at 600 dpi.
 */
export function inkRows(pdf: string, page: number, box: Box): { top: number; bottom: number } | undefined {
  const scale = 600 / 72;
  const [x, y] = [Math.floor(box.xMin * scale), Math.floor(box.yMin * scale)];
  const [width, height] = [Math.ceil((box.xMax - box.xMin) * scale), Math.ceil((box.yMax - box.yMin) * scale)];
  const pgm = execFileSync('pdftoppm', ['-r', '600', '-gray', '-f', String(page), '-l', String(page),
    '-x', String(x), '-y', String(y), '-W', String(width), '-H', String(height), pdf], { maxBuffer: 64 * 1024 * 1024 });
  // A binary PGM: "P5", width, height and maximum value, each after white space, then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PGM');
  const [columns, rows] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const inked: number[] = [];
  for (let row = 0; row < rows; row++) {
    if (pixels.subarray(row * columns, (row + 1) * columns).some((value) => value < 128)) inked.push(row);
  }
  if (inked.length === 0) return undefined;
  return { top: (y + inked[0]) / scale, bottom: (y + inked[inked.length - 1] + 1) / scale };
}

export function pagePng(pdf: string, page: number, png: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '72', '-f', String(page), '-l', String(page), '-singlefile', pdf, png.replace(/\.png$/, '')]);
}

if (require.main === module) {
  const [markdown, prefix] = process.argv.slice(2);
  void renderToPdf(markdown).then((pdf) => {
    const pages = pdfPages(pdf).length;
    pagePng(pdf, 1, `${prefix}-page1.png`);
    pagePng(pdf, pages, `${prefix}-last.png`);
    console.log(`${prefix}-page1.png, ${prefix}-last.png from ${pdf}`);
  });
}
