// A throwaway workspace for the integration suite: the example draft, a second template, a plain note, a Word draft.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeWorkspace(root) {
  const base = mkdtempSync(join(tmpdir(), 'shuzhi-vscode-'));
  const folder = join(base, 'workspace');
  mkdirSync(folder);
  copyFileSync(join(root, 'examples', 'report-draft.md'), join(folder, 'report-draft.md'));
  copyFileSync(join(root, 'test', 'fixtures', 'shuzhi-template.md'), join(folder, 'other-template.md'));
  copyFileSync(join(root, 'examples', 'report-final.md'), join(folder, 'report-final.md'));
  writeFileSync(join(folder, 'notes.md'), '# 会议记录\n\n待定事项：X名同志参加。\n');
  // A Word draft to import: the example draft, exported as it is (unfinished, so the import has findings to show).
  execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'export', join(root, 'examples', 'report-draft.md'), '-o', join(folder, '上年度述职报告.docx'), '--force'], { stdio: 'ignore' });
  return { base, folder };
}
