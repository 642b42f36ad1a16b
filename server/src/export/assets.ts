/**
 * What the Word file needs from outside the draft: the images it shows, read from beside the draft.
 * Each one that cannot be carried over is named, so nothing is dropped silently.
 */
import { imageSize } from 'image-size';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportModel } from '../core/reading/model';
import { readBounded } from '../io/read';

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

/** A picture in a report is a photo or a chart; past this it is not one Word should carry. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const WORD_IMAGE_TYPES: Record<string, LoadedImage['type'] | undefined> = { png: 'png', jpg: 'jpg', gif: 'gif', bmp: 'bmp' };

/** Reads every image the draft shows; `problems` says which cannot be exported and why. */
export function loadAssets(model: ReportModel, draftFolder: string | undefined): { assets: ExportAssets; problems: string[] } {
  const images = new Map<string, LoadedImage>();
  const problems: string[] = [];
  for (const line of model.lines) {
    for (const anchor of line.anchors ?? []) {
      if (!('image' in anchor) || images.has(anchor.image.url)) continue;
      const { url } = anchor.image;
      const loaded = loadImage(url, draftFolder);
      if (typeof loaded === 'string') problems.push(`图片“${url}”${loaded}，Word 文件中不会有这张图片。`);
      else images.set(url, loaded);
    }
  }
  return { assets: { images }, problems: [...new Set(problems)] };
}

/**
 * The size of each image the draft shows, read from beside the draft once per address, for the page
 * layout; an image that cannot be read has none (the export leaves it out too).
 */
export function imageSizes(draftFolder: string | undefined): { imageSize: (url: string) => { width: number; height: number } | undefined } {
  const sizes = new Map<string, { width: number; height: number } | undefined>();
  return {
    imageSize(url) {
      if (!sizes.has(url)) {
        const loaded = loadImage(url, draftFolder);
        sizes.set(url, typeof loaded === 'string' ? undefined : { width: loaded.width, height: loaded.height });
      }
      return sizes.get(url);
    },
  };
}

function loadImage(url: string, draftFolder: string | undefined): LoadedImage | string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^file:/i.test(url) && !/^[a-z]:[\\/]/i.test(url)) return '是网络地址（导出不下载网络内容），请先把图片保存到文稿旁边';
  let path: string;
  try {
    path = /^file:/i.test(url) ? fileURLToPath(url) : decodeURI(url);
  } catch {
    return '的地址无法识别';
  }
  if (!isAbsolute(path)) {
    if (draftFolder === undefined) return '是相对路径，而文稿还没有保存，找不到它';
    path = resolve(draftFolder, path);
  }
  const read = readBounded(path, MAX_IMAGE_BYTES);
  if ('problem' in read) return `无法读取：${read.problem}`;
  try {
    const size = imageSize(read.bytes);
    const type = WORD_IMAGE_TYPES[size.type === 'jpeg' ? 'jpg' : (size.type ?? '')];
    if (!type || !size.width || !size.height) return `是 ${size.type ?? '未知'} 格式，Word 文件只能放 PNG、JPEG、GIF 或 BMP 图片`;
    return { data: read.bytes, type, width: size.width, height: size.height };
  } catch {
    return '不是能识别的图片文件';
  }
}
