/**
 * The one way shuzhi replaces a file (`lint --fix`, export, import). A temporary file with an
 * unpredictable name is created exclusively beside the target (a link planted there is never followed),
 * filled and flushed; just before it takes the target's place the target is read again, and if it is
 * no longer what was read, nothing is written. Owner, group and mode are kept; a read-only file is
 * refused; a file with several hard links, or one whose owner we cannot give the new file, is written
 * in place, so every link still sees the same file.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, linkSync, lstatSync, openSync, readSync, realpathSync,
  renameSync, rmSync, type Stats, writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type WriteProblem = 'changed' | 'readonly' | 'unwritable' | 'locked' | 'failed' | 'exists';

export class WriteError extends Error {
  constructor(readonly problem: WriteProblem, message: string) {
    super(message);
  }
}

export interface WriteOptions {
  /** The bytes the file held when it was read: the write is abandoned if it holds anything else now. */
  expected?: Uint8Array;
  /** Write to the file a symlink at `target` points to (a draft), instead of replacing the link (an export). */
  throughLink?: boolean;
  /** How messages name the file (as the user wrote it); the path by default. */
  shown?: string;
  /** Only create: a file that appears at the target meanwhile is not replaced. */
  createOnly?: boolean;
}

export function writeFileSafely(file: string, bytes: Uint8Array, options: WriteOptions = {}): void {
  const target = options.throughLink ? realTarget(file) : file;
  const path = options.shown ?? file;
  let existing = lstatQuietly(target);
  // A link at an export's name is replaced, never followed.
  if (existing?.isSymbolicLink() && !options.throughLink) existing = undefined;
  if (existing) {
    if (!existing.isFile()) throw new WriteError('unwritable', `${path} 不是普通文件（文件夹、链接、设备或管道），不能写入。`);
    if ((existing.mode & 0o222) === 0) throw new WriteError('readonly', `${path} 是只读文件，没有改动。如确需修改，请先取消只读。`);
  }
  if (existing && (existing.nlink > 1 || !canKeepOwner(existing))) {
    writeInPlace(target, path, bytes, options.expected);
    return;
  }
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number;
  try {
    // O_EXCL: a file or link already at this name is an error, never opened; O_NOFOLLOW for file systems that honour it.
    fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), existing ? 0o600 : 0o666);
  } catch (error) {
    throw new WriteError('unwritable', `无法在 ${dirname(target)} 中写入文件（${describe(error)}）。${advice(error)}`);
  }
  try {
    try {
      writeAll(fd, bytes);
      // Created private (a new file gets the usual permissions from the umask); the old file's owner and mode once filled.
      if (existing) {
        fchmodSync(fd, existing.mode & 0o7777);
        const created = fstatSync(fd);
        if (existing.uid !== created.uid || existing.gid !== created.gid) fchownSync(fd, existing.uid, existing.gid);
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.expected) unchangedOrThrow(target, path, options.expected);
    if (options.createOnly) createFrom(temporary, target);
    else renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (error instanceof WriteError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteError('exists', `${path} 已经存在。如需覆盖，请加 --force。`);
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new WriteError('locked', `${path} 被其他程序占用或没有写入权限（${describe(error)}），可能正在 Word 中打开。请关闭后重试。`);
    }
    throw new WriteError('failed', `无法写入 ${path}（${describe(error)}）。${advice(error)}`);
  }
}

/** Puts the temporary file at the target only if nothing is there: a link fails if anything is (a rename would replace it). */
function createFrom(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    // File systems without hard links (FAT, some network shares): the last look, then the rename.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' || lstatQuietly(target)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(temporary, target);
    return;
  }
  rmSync(temporary, { force: true });
}

/** The file a draft's path names, through any symlinks; the path itself when nothing is there yet. */
function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** A new file is ours; only root can hand it to the old file's owner and group. */
function canKeepOwner(stats: Stats): boolean {
  if (process.getuid === undefined) return true;
  return process.getuid() === 0 || (stats.uid === process.getuid() && (process.getgroups?.() ?? []).concat(process.getgid!()).includes(stats.gid));
}

/** Rewrites the file itself: every hard link keeps seeing it, and its owner and mode stay as they are. */
function writeInPlace(target: string, shown: string, bytes: Uint8Array, expected: Uint8Array | undefined): void {
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDWR | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    throw new WriteError('unwritable', `无法写入 ${shown}（${describe(error)}）。`);
  }
  try {
    if (expected && !holds(fd, expected)) throw changed(shown);
    writeAll(fd, bytes, 0);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError('failed', `写入 ${shown} 时出错（${describe(error)}），文件可能不完整，请检查。${advice(error)}`);
  } finally {
    closeSync(fd);
  }
}

function unchangedOrThrow(target: string, shown: string, expected: Uint8Array): void {
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    throw changed(shown);
  }
  try {
    if (!holds(fd, expected)) throw changed(shown);
  } finally {
    closeSync(fd);
  }
}

/** Whether the open file holds exactly `expected` (read from its start, never more than one byte past it). */
function holds(fd: number, expected: Uint8Array): boolean {
  const buffer = Buffer.alloc(expected.length + 1);
  let length = 0;
  for (;;) {
    const read = readSync(fd, buffer, length, buffer.length - length, length);
    if (read === 0) break;
    length += read;
    if (length === buffer.length) return false;
  }
  return length === expected.length && Buffer.from(expected.buffer, expected.byteOffset, expected.length).equals(buffer.subarray(0, length));
}

const changed = (shown: string) =>
  new WriteError('changed', `${shown} 在 shuzhi 读取之后被改动过（可能是编辑器或其他程序保存了它），为免丢失这些改动，没有写入。请重新运行。`);

function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  for (let written = 0; written < bytes.length; ) {
    written += writeSync(fd, bytes, written, bytes.length - written, position === undefined ? null : position + written);
  }
}

function lstatQuietly(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: '磁盘空间不足', EDQUOT: '磁盘配额已满', EACCES: '没有写入权限', EPERM: '没有写入权限', EROFS: '文件系统只读',
  ENOENT: '文件夹不存在', EBUSY: '文件被占用', EISDIR: '同名的是一个文件夹', EEXIST: '临时文件名已被占用', ELOOP: '是符号链接',
};

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${REASONS[code] ?? '写入失败'}，${code}` : String(error);
}

function advice(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return '请清理磁盘空间后重试。';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return '请换一个有写入权限的文件夹。';
  return '';
}
