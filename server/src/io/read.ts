/**
 * Bounded reads of regular files, for drafts and configuration alike: devices, FIFOs and sockets are
 * refused before a byte is read (a FIFO is opened non-blocking so it cannot hang us), and no more than
 * the limit is ever read, whatever the file claims or becomes.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead = { bytes: Uint8Array } | { problem: string };

const CHUNK = 64 * 1024;

/** Chinese reasons for the errors a read can meet. */
function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return '文件不存在';
    case 'EACCES':
    case 'EPERM': return '没有读取权限';
    case 'EISDIR': return '这是一个文件夹';
    case 'ELOOP': return '符号链接循环';
    case 'ENAMETOOLONG': return '路径太长';
    default: return `无法读取（${code ?? String(error)}）`;
  }
}

export function readBounded(path: string, limit: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { problem: describeFileError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { problem: '这是一个文件夹' };
    if (!stat.isFile()) return { problem: '不是普通文件（设备、管道或套接字），未读取' };
    if (stat.size > limit) return { problem: `文件有 ${megabytes(stat.size)}，超过 ${megabytes(limit)} 的上限，未读取` };
    const buffer = Buffer.alloc(Math.min(limit + 1, Math.max(stat.size + 1, CHUNK)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > limit) return { problem: `文件超过 ${megabytes(limit)} 的上限，未读取` };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { problem: describeFileError(error) };
  } finally {
    closeSync(fd);
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
