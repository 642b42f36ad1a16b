/** Writing the exported file: never over an existing file unless asked, never half-written. */
import { existsSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { wordLockNames } from './lock';

export type WriteProblem = 'exists' | 'locked' | 'unwritable' | 'failed';

export class ExportWriteError extends Error {
  constructor(readonly problem: WriteProblem, message: string) {
    super(message);
  }
}

export async function writeExport(target: string, bytes: Uint8Array, overwrite: boolean): Promise<void> {
  if (wordLockNames(basename(target)).some((lock) => existsSync(join(dirname(target), lock)))) {
    throw new ExportWriteError('locked', `${target} 正在被 Word 或 WPS 打开，无法覆盖。请先关闭这个文件再导出。`);
  }
  if (!overwrite && existsSync(target)) {
    throw new ExportWriteError('exists', `${target} 已经存在。如需覆盖，请加 --force。`);
  }
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) {
    throw new ExportWriteError('unwritable', `文件夹 ${dirname(target)} 不存在。`);
  }
  // A temporary file beside the target, renamed into place: a failure never leaves a half-written document.
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
  } catch (error) {
    await removeQuietly(temporary);
    throw new ExportWriteError('unwritable', `无法在 ${dirname(target)} 中写入文件（${describe(error)}）。请换一个有写入权限的文件夹。`);
  }
  try {
    await rename(temporary, target);
  } catch (error) {
    await removeQuietly(temporary);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new ExportWriteError('locked', `${target} 被其他程序占用（${describe(error)}），可能正在 Word 中打开。请关闭后重试。`);
    }
    throw new ExportWriteError('failed', `无法写入 ${target}（${describe(error)}）。`);
  }
}

async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}

function describe(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
