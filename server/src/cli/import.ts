/** `shuzhi import`: a Word file beside its Markdown draft, nothing overwritten unless asked. */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Io } from './io';
import { lint } from '../core/engine/lint';
import { ExportWriteError, isSameFile, writeExport } from '../export/write';
import { MAX_WORD_BYTES } from '../io/files';
import { importDocx, ImportError, imageFolderFor } from '../import/docx';
import { readBounded } from '../io/read';

export async function importCommand(source: string, output: string | undefined, force: boolean, io: Pick<Io, 'stdout' | 'stderr' | 'cwd'>): Promise<number> {
  const sourcePath = resolve(io.cwd, source);
  const read = readBounded(sourcePath, MAX_WORD_BYTES);
  if ('problem' in read) {
    io.stderr(`${source}：${read.problem}。\n`);
    return 2;
  }
  const target = resolve(io.cwd, output ?? source.replace(/\.docx?$/i, '') + '.md');
  if (isSameFile(target, sourcePath) || target === sourcePath) {
    io.stderr('输出的 Markdown 文稿不能是 Word 文件本身，请换一个文件名。\n');
    return 2;
  }
  const imageFolder = imageFolderFor(basename(target));
  let imported;
  try {
    imported = await importDocx(read.bytes, imageFolder);
  } catch (error) {
    if (error instanceof ImportError) {
      io.stderr(`${source}：${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Everything that would be replaced is named before anything is written.
  const imagePaths = imported.images.map((image) => join(dirname(target), image.path));
  const existing = [target, ...imagePaths].filter((path) => existsSync(path));
  if (existing.length > 0 && !force) {
    io.stderr(`${existing.map((path) => relative(io.cwd, path) || path).join('、')} 已经存在，没有导入。如需覆盖，请加 --force，或用 -o 换一个文件名。\n`);
    return 1;
  }
  try {
    if (imagePaths.length > 0) {
      const folder = join(dirname(target), imageFolder);
      if (existsSync(folder) && !statSync(folder).isDirectory()) throw new ExportWriteError('unwritable', `${folder} 不是文件夹，图片无法保存。`);
      mkdirSync(folder, { recursive: true });
    }
    for (const [index, image] of imported.images.entries()) await writeExport(imagePaths[index], image.data, force, sourcePath);
    await writeExport(target, new TextEncoder().encode(imported.markdown), force, sourcePath);
  } catch (error) {
    if (error instanceof ExportWriteError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const findings = lint(imported.markdown).findings.length;
  const paragraphs = imported.paragraphOfLine.reduce((most, paragraph) => Math.max(most, paragraph), 0);
  io.stdout(`已导入 ${relative(io.cwd, target) || target}（${paragraphs} 段${imported.images.length ? `，${imported.images.length} 张图片存在 ${imageFolder}/` : ''}）${findings ? `，发现 ${findings} 个问题，用 shuzhi lint 查看` : ''}。\n`);
  return 0;
}
