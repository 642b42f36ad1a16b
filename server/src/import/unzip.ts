/**
 * Opening a Word package with every limit on what it really holds: the sizes an archive declares are
 * ignored, the bytes are counted as they are inflated, and inflating stops at the limit. A 1 MB file that
 * understates its sizes would otherwise unpack to gigabytes.
 */
import { Inflate } from 'fflate';

export class PackageProblem extends Error {}

export interface UnzipLimits {
  /** Any one part (a picture, an XML part). */
  part: number;
  /** Everything together. */
  total: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Inflated in slices this large, so a bomb is stopped after at most this much input past the limit. */
const SLICE = 16 * 1024;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The parts of the package by name; throws PackageProblem with a Chinese message naming the cause. */
export function unzipBounded(bytes: Uint8Array, limits: UnzipLimits): Record<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  for (let entry = 0; entry < count; entry++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw corrupt();
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const localHeader = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name.endsWith('/')) continue;
    if (compressedSize === 0xffffffff || localHeader === 0xffffffff) throw tooLarge(name, limits.part);
    if (localHeader + 30 > bytes.length || view.getUint32(localHeader, true) !== LOCAL) throw corrupt();
    const dataStart = localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true);
    if (dataStart + compressedSize > bytes.length) throw corrupt();
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    const room = Math.min(limits.part, limits.total - total);
    const content = method === 0 ? data : method === 8 ? inflateAtMost(data, room, name, limits) : undefined;
    if (!content) throw new PackageProblem(`文件中的 ${name} 用了 Word 不用的压缩方式，无法读取。`);
    if (content.length > room) throw content.length > limits.part ? tooLarge(name, limits.part) : tooLargeInTotal(limits.total);
    total += content.length;
    files[name] = content;
  }
  return files;
}

function inflateAtMost(data: Uint8Array, room: number, name: string, limits: UnzipLimits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((chunk) => {
    length += chunk.length;
    if (length > room) throw length > limits.part ? tooLarge(name, limits.part) : tooLargeInTotal(limits.total);
    chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < data.length; offset += SLICE) inflate.push(data.subarray(offset, offset + SLICE), offset + SLICE >= data.length);
    if (data.length === 0) inflate.push(data, true);
  } catch (error) {
    if (error instanceof PackageProblem) throw error;
    throw corrupt();
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The end-of-central-directory record: in the last 64 KB and 22 bytes (its comment can be that long). */
function endOfCentralDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw corrupt();
}

const corrupt = () => new PackageProblem('文件已损坏，无法作为 Word 文档（.docx）打开。');
const tooLarge = (name: string, limit: number) =>
  new PackageProblem(`文件中的 ${name} 解压后超过 ${megabytes(limit)}（不论文件自称多大，按实际解压的字节计），不像一份报告，没有读取。`);
const tooLargeInTotal = (limit: number) => new PackageProblem(`文件解压后超过 ${megabytes(limit)}（按实际解压的字节计），不像一份报告，没有读取。`);
