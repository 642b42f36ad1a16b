/** Writing the exported file: never over an existing file unless asked, never half-written (safeWrite). */
import { existsSync, realpathSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileSafely, WriteError } from '../io/safeWrite';
import { wordLockNames } from './lock';

export type WriteProblem = 'exists' | 'locked' | 'unwritable' | 'failed';

export class ExportWriteError extends Error {
  constructor(readonly problem: WriteProblem, message: string) {
    super(message);
  }
}

/**
 * Whether `target` is the file at `source`: compared by device and inode, so symlinks, hard links and
 * letter case on case-insensitive file systems are all seen through. A target that does not exist is no file.
 */
export function isSameFile(target: string, source: string): boolean {
  try {
    const a = statSync(target);
    const b = statSync(source);
    if (a.ino !== 0 || b.ino !== 0) return a.dev === b.dev && a.ino === b.ino;
    return realpathSync.native(target).toLowerCase() === realpathSync.native(source).toLowerCase();
  } catch {
    return false;
  }
}

/** Writes `bytes` to `target`, never onto `protect` (the draft) and never onto anything but a regular file. */
export async function writeExport(target: string, bytes: Uint8Array, overwrite: boolean, protect?: string): Promise<void> {
  if (protect !== undefined && isSameFile(target, protect)) {
    throw new ExportWriteError('unwritable', `${target} 就是文稿本身（或指向它的链接），不能用导出的 Word 文件覆盖。请换一个文件名。`);
  }
  const existing = statQuietly(target);
  if (existing && !existing.isFile()) {
    throw new ExportWriteError('unwritable', `${target} 不是普通文件（文件夹、设备或管道），不能写入。请换一个文件名。`);
  }
  if (wordLockNames(basename(target)).some((lock) => existsSync(join(dirname(target), lock)))) {
    throw new ExportWriteError('locked', `${target} 正在被 Word 或 WPS 打开，无法覆盖。请先关闭这个文件再导出。`);
  }
  if (!overwrite && existsSync(target)) {
    throw new ExportWriteError('exists', `${target} 已经存在。如需覆盖，请加 --force。`);
  }
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) {
    throw new ExportWriteError('unwritable', `文件夹 ${dirname(target)} 不存在。`);
  }
  try {
    writeFileSafely(target, bytes, { createOnly: !overwrite });
  } catch (error) {
    if (error instanceof WriteError) {
      const problem = error.problem === 'locked' || error.problem === 'failed' || error.problem === 'exists' ? error.problem : 'unwritable';
      throw new ExportWriteError(problem, error.message);
    }
    throw error;
  }
}

function statQuietly(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
