/**
 * Renders an exported .docx the way a reader sees it: LibreOffice → PDF, then pdftotext / pdftoppm.
 * `tsx test/render.ts examples/report-final.md docs/images/export-page1.png` refreshes the README picture.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint } from '../server/src/core/lint';
import { exportDocx } from '../server/src/export/docx';

export function toolsAvailable(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Exports the draft and converts it to PDF; returns the PDF's path. */
export async function renderToPdf(markdownPath: string): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'shuzhi-render-'));
  const docx = join(folder, basename(markdownPath).replace(/\.md$/, '.docx'));
  writeFileSync(docx, await exportDocx(lint(readFileSync(markdownPath, 'utf8')).model));
  // Its own profile folder, so a LibreOffice the user has open does not get in the way.
  const profile = pathToFileURL(join(folder, 'profile')).toString();
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', folder, docx], { stdio: 'ignore', timeout: 120000 });
  return docx.replace(/\.docx$/, '.pdf');
}

/** The text of each page, line by line as laid out. */
export function pdfPages(pdf: string): string[][] {
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page) => page.trim()).map((page) => page.split('\n').filter((line) => line.trim()));
}

export function firstPagePng(pdf: string, png: string): void {
  execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, png.replace(/\.png$/, '')]);
}

if (require.main === module) {
  const [markdown, png] = process.argv.slice(2);
  void renderToPdf(markdown).then((pdf) => {
    firstPagePng(pdf, png);
    console.log(`${png} from ${pdf}`);
  });
}
