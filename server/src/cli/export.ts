/** `shuzhi export`: a draft to a Word file in the national layout, refused while the draft is unfinished unless forced. */
import { dirname, relative, resolve } from 'node:path';
import { ConfigFiles, mergeConfigs, type LoadedConfig } from '../config/config';
import { exportSizeProblem } from '../export/docx';
import { prepareExport } from '../export/prepare';
import { ExportWriteError, isSameFile, writeExport } from '../export/write';
import { readDraft } from '../io/files';
import type { Io } from './io';
import { formatText } from './report';

export async function exportCommand(
  draft: string, output: string | undefined, force: boolean, profile: string | undefined, explicitConfig: LoadedConfig | undefined, io: Io,
): Promise<number> {
  const draftPath = resolve(io.cwd, draft);
  const read = await readDraft(draftPath, draft);
  if ('error' in read) {
    io.stderr(`${read.error}\n`);
    return 2;
  }
  if (read.notice) io.stderr(`${read.notice}\n`);
  const tooLarge = exportSizeProblem(read.text);
  if (tooLarge) {
    io.stderr(`${draft}：${tooLarge}\n`);
    return 1;
  }
  const loaded = explicitConfig ?? new ConfigFiles().near(dirname(draftPath));
  if (loaded.error) io.stderr(`${loaded.error}\n`);
  const config = mergeConfigs(loaded.config, profile ? { profile } : undefined);
  const { unfinished, blocking, notes, render } = prepareExport(read.text, config, dirname(draftPath));
  if ((unfinished.length > 0 || blocking.length > 0) && !force) {
    if (blocking.length > 0) io.stderr(`${draft} 导出后会缺少内容，没有导出：\n${blocking.map((problem) => `  ${problem}\n`).join('')}`);
    if (unfinished.length > 0) {
      io.stderr(`${draft} 还有 ${unfinished.length} 处未完成的内容，没有导出：\n`);
      io.stderr(formatText([{ file: draft, text: read.text, findings: unfinished }]));
      if (unfinished.some((finding) => finding.rule === 'template-residue')) io.stderr(`网页残留可用 shuzhi lint --fix ${draft} 一次删除。\n`);
    }
    io.stderr('改正或补全后再导出，或加 --force 照样导出。\n');
    return 1;
  }
  for (const note of [...(force ? blocking : []), ...notes]) io.stderr(`${note}\n`);
  const target = resolve(io.cwd, output ?? draft.replace(/\.(md|markdown|txt)$/i, '') + '.docx');
  if (resolve(target) === draftPath || isSameFile(target, draftPath)) {
    io.stderr('输出文件不能是文稿本身（或指向它的链接）。\n');
    return 2;
  }
  const bytes = await render();
  try {
    await writeExport(target, bytes, force, draftPath);
  } catch (error) {
    if (error instanceof ExportWriteError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  io.stdout(`已导出 ${relative(io.cwd, target) || target}（${(bytes.length / 1024).toFixed(1)} KB）${unfinished.length ? `，其中仍有 ${unfinished.length} 处未完成的内容` : ''}。\n`);
  return 0;
}
