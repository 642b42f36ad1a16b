/**
 * VS Code client in a browser (vscode.dev, github.dev, a web worker extension host): the language server
 * is a web worker (dist/web/server.js) with no file system of its own, so this client reads for it through
 * the editor's file system — a draft's .shuzhirc.json, the images it shows, the dictionary.
 */
import { type ExtensionContext, FileType, Uri, workspace } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { toBase64 } from '../../server/src/io/base64';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES, MAX_IMAGE_BYTES } from '../../server/src/config/besideDraft';
import { LEXICON_FILES } from '../../server/src/lexicon/files';
import {
  CONFIG_FILE_REQUEST, type ConfigFileParams, type ConfigFileResult, IMAGE_FILE_REQUEST, type ImageFileParams, type ImageFileResult,
  LEXICON_REQUEST, type LexiconResult,
} from '../../server/src/protocol';
import { activateShuzhi, deactivateShuzhi } from './activate';

export function activate(context: ExtensionContext): Promise<void> {
  return activateShuzhi(context, (options) => {
    const client = new LanguageClient('shuzhi', '述职报告助手', () => startServer(Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js')), options);
    client.onRequest(CONFIG_FILE_REQUEST, (params: ConfigFileParams) => configFileNear(Uri.parse(params.uri)));
    client.onRequest(IMAGE_FILE_REQUEST, (params: ImageFileParams) => imageFile(Uri.parse(params.uri), params.address));
    client.onRequest(LEXICON_REQUEST, () => lexicon(context.extensionUri));
    return client;
  });
}

export const deactivate = deactivateShuzhi;

/**
 * The server's worker and the messages to and from it. The web worker host starts no worker from a
 * vscode-remote: address (an extension served by a remote's server, as code-server serves it): there the
 * script is read through the editor's file system and started from memory.
 */
async function startServer(script: Uri): Promise<MessageTransports> {
  let worker: Worker;
  if (script.scheme === 'vscode-remote') {
    const code = new Blob([(await workspace.fs.readFile(script)) as Uint8Array<ArrayBuffer>], { type: 'text/javascript' });
    worker = new Worker(URL.createObjectURL(code));
  } else {
    worker = new Worker(script.toString(true));
  }
  // The transports, not the worker: the host's own Worker class fails the client's `instanceof Worker`.
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

/** The regular file at `uri` if it is no larger than `limit`; undefined if there is none, a reason if it cannot be used. */
async function readBounded(uri: Uri, limit: number): Promise<Uint8Array | string | undefined> {
  let stat;
  try {
    stat = await workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  if (stat.type & FileType.Directory) return '这是一个文件夹';
  if (stat.size > limit) return `文件超过 ${Math.round(limit / 1024 / 1024)} MB`;
  try {
    return await workspace.fs.readFile(uri);
  } catch (error) {
    return `无法读取（${error instanceof Error ? error.message : String(error)}）`;
  }
}

/** From the document's folder up to its workspace folder (the only folders a virtual workspace has). */
async function configFileNear(document: Uri): Promise<ConfigFileResult> {
  const root = workspace.getWorkspaceFolder(document)?.uri;
  if (!root) return null;
  for (let folder = Uri.joinPath(document, '..'); folder.path.startsWith(root.path); folder = Uri.joinPath(folder, '..')) {
    const file = Uri.joinPath(folder, CONFIG_FILE_NAME);
    const read = await readBounded(file, MAX_CONFIG_BYTES);
    if (typeof read === 'string') return { uri: file.toString(), problem: read };
    if (read) return { uri: file.toString(), text: new TextDecoder().decode(read) };
    if (folder.path === root.path || folder.path === '/') return null;
  }
  return null;
}

/** An image by its address in the document: relative to the document's folder, or a path on the same file system. */
async function imageFile(document: Uri, address: string): Promise<ImageFileResult> {
  let path: string;
  try {
    path = /^file:/i.test(address) ? Uri.parse(address).path : decodeURI(address);
  } catch {
    return { problem: '的地址无法识别' };
  }
  if (document.scheme === 'untitled' && !path.startsWith('/')) return { problem: '是相对路径，而文稿还没有保存，找不到它' };
  const uri = path.startsWith('/') ? document.with({ path }) : Uri.joinPath(document, '..', path);
  const read = await readBounded(uri, MAX_IMAGE_BYTES);
  if (read === undefined) return { problem: '无法读取：文件不存在' };
  if (typeof read === 'string') return { problem: `无法读取：${read}` };
  return { data: toBase64(read) };
}

/** The dictionary ships in dist/lexicon; an extension served over the web (vscode.dev) is fetched from there. */
async function lexicon(extension: Uri): Promise<LexiconResult> {
  const read = async (name: string) => {
    const uri = Uri.joinPath(extension, 'dist', 'lexicon', name);
    if (/^https?$/.test(uri.scheme)) {
      const response = await fetch(uri.toString(true));
      if (!response.ok) throw new Error(`${name}：${response.status} ${response.statusText}`);
      return response.text();
    }
    return new TextDecoder().decode(await workspace.fs.readFile(uri));
  };
  const [words, readings, shapes] = await Promise.all([read(LEXICON_FILES.words), read(LEXICON_FILES.readings), read(LEXICON_FILES.shapes)]);
  return { words, readings, shapes };
}
