/** Writing the exported file: never over an existing file unless asked, never half-written. */
import { existsSync, realpathSync, type Stats, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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
  // A temporary file beside the target, renamed into place: a failure never leaves a half-written document.
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
  } catch (error) {
    await removeQuietly(temporary);
    const code = (error as NodeJS.ErrnoException).code;
    const advice = code === 'ENOSPC' || code === 'EDQUOT' ? '请清理磁盘空间后重试。' : '请换一个有写入权限的文件夹。';
    throw new ExportWriteError('unwritable', `无法在 ${dirname(target)} 中写入文件（${describe(error)}）。${advice}`);
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

function statQuietly(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: '磁盘空间不足', EDQUOT: '磁盘配额已满', EACCES: '没有写入权限', EPERM: '没有写入权限', EROFS: '文件系统只读',
    ENOENT: '文件夹不存在', EBUSY: '文件被占用', EISDIR: '同名的是一个文件夹',
  };
  return code ? `${reasons[code] ?? '写入失败'}，${code}` : String(error);
}
