/** The images a draft shows, read from the disk beside the draft (the Node build: CLI, language server). */
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportModel } from '../core/reading/model';
import { MAX_IMAGE_BYTES } from '../config/besideDraft';
import { readBounded } from '../io/read';
import { collectAssets, decodeImage, type ExportAssets, isNetworkAddress, type LoadedImage, NETWORK_ADDRESS, sizesFrom } from './images';

export type { ExportAssets, LoadedImage } from './images';

/** Reads every image the draft shows; `problems` says which cannot be exported and why. */
export function loadAssets(model: ReportModel, draftFolder: string | undefined): { assets: ExportAssets; problems: string[] } {
  return collectAssets(model, imagesBeside(draftFolder));
}

/**
 * The size of each image the draft shows, read from beside the draft once per address, for the page
 * layout; an image that cannot be read has none (the export leaves it out too).
 */
export function imageSizes(draftFolder: string | undefined): { imageSize: (url: string) => { width: number; height: number } | undefined } {
  return sizesFrom(imagesBeside(draftFolder));
}

/** Images by their address in a draft saved in `draftFolder` (none: not saved yet). */
export function imagesBeside(draftFolder: string | undefined): (url: string) => LoadedImage | string {
  return (url) => loadImage(url, draftFolder);
}

function loadImage(url: string, draftFolder: string | undefined): LoadedImage | string {
  if (isNetworkAddress(url)) return NETWORK_ADDRESS;
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
  return decodeImage(read.bytes);
}
