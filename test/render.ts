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
  // Its own profile folder, so a LibreOffice the user has open does not get in the way.
  const profile = pathToFileURL(join(folder, 'profile')).toString();
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, ...docxPaths], { stdio: 'ignore', timeout: 300000 });
  return rendered;
}

export async function renderToPdf(markdownPath: string): Promise<string> {
  return (await renderAll([markdownPath]))[0].pdf;
}

/** The text of each page, line by line as laid out. */
export function pdfPages(pdf: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim()).map((page) => page.split('\n').filter((line) => line.trim()));
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
