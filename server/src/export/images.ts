/**
 * The images a draft shows, as the Word file and the page layout need them, from whatever reads their
 * bytes (the disk under Node, the editor's file system in a browser). Each one that cannot be carried
 * over is named, so nothing is dropped silently.
 */
import { imageSize } from 'image-size';
import type { ReportModel } from '../core/reading/model';

export interface LoadedImage {
  data: Uint8Array;
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  width: number;
  height: number;
}

export interface ExportAssets {
  /** By the address written in the draft. */
  images: Map<string, LoadedImage>;
}

/** An image by the address written in the draft, or why it cannot be had (in Chinese, after the address). */
export type ImageReader = (url: string) => LoadedImage | string;

const WORD_IMAGE_TYPES: Record<string, LoadedImage['type'] | undefined> = { png: 'png', jpg: 'jpg', gif: 'gif', bmp: 'bmp' };

/** Addresses on the network: the export does not download anything. */
export const NETWORK_ADDRESS = '是网络地址（导出不下载网络内容），请先把图片保存到文稿旁边';

export function isNetworkAddress(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^file:/i.test(url) && !/^[a-z]:[\\/]/i.test(url);
}

/** Every address of an image the draft shows, once each, in order. */
export function imageAddresses(model: ReportModel): string[] {
  const urls = new Set<string>();
  for (const line of model.lines) {
    for (const anchor of line.anchors ?? []) if ('image' in anchor) urls.add(anchor.image.url);
  }
  return [...urls];
}

/** Reads every image the draft shows; `problems` says which cannot be exported and why. */
export function collectAssets(model: ReportModel, read: ImageReader): { assets: ExportAssets; problems: string[] } {
  const images = new Map<string, LoadedImage>();
  const problems: string[] = [];
  for (const url of imageAddresses(model)) {
    const loaded = read(url);
    if (typeof loaded === 'string') problems.push(`图片“${url}”${loaded}，Word 文件中不会有这张图片。`);
    else images.set(url, loaded);
  }
  return { assets: { images }, problems };
}

/** The size of each image, read once per address, for the page layout; one that cannot be read has none. */
export function sizesFrom(read: ImageReader): { imageSize: (url: string) => { width: number; height: number } | undefined } {
  const sizes = new Map<string, { width: number; height: number } | undefined>();
  return {
    imageSize(url) {
      if (!sizes.has(url)) {
        const loaded = read(url);
        sizes.set(url, typeof loaded === 'string' ? undefined : { width: loaded.width, height: loaded.height });
      }
      return sizes.get(url);
    },
  };
}

/** The bytes of an image file as Word can hold them, or why not. */
export function decodeImage(bytes: Uint8Array): LoadedImage | string {
  try {
    const size = imageSize(bytes);
    const type = WORD_IMAGE_TYPES[size.type === 'jpeg' ? 'jpg' : (size.type ?? '')];
    if (!type || !size.width || !size.height) return `是 ${size.type ?? '未知'} 格式，Word 文件只能放 PNG、JPEG、GIF 或 BMP 图片`;
    return { data: bytes, type, width: size.width, height: size.height };
  } catch {
    return '不是能识别的图片文件';
  }
}
