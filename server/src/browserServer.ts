/**
 * Entry point of the language server in a browser (vscode.dev, github.dev, a web worker extension host): a
 * web worker with no file system of its own. The same server as under Node; what it reads — a draft's
 * .shuzhirc.json, the images it shows, the dictionary — it asks the client for, which reads through the
 * editor's file system. Checks run in this worker itself, so the editor's window never waits for them.
 */
import { BrowserMessageReader, BrowserMessageWriter, type Connection, createConnection } from 'vscode-languageserver/browser';
import { type LoadedConfig, parseConfig } from './config/configParse';
import { fixAll } from './core/engine/fix';
import { type LintConfig, lint, profilesFor } from './core/engine/lint';
import { Lexicon, lexiconInUse, useLexicon } from './core/lexicon/lexicon';
import { buildModel } from './core/reading/model';
import { RULES } from './core/rules/index';
import { decodeImage, imageAddresses, isNetworkAddress, type LoadedImage, NETWORK_ADDRESS } from './export/images';
import { fromBase64 } from './io/base64';
import type { Running, RunningCheck, ServerHost } from './lsp/host';
import type { ExportOutcome, ImportOutcome } from './lsp/jobs';
import { startLanguageServer } from './lsp/languageServer';
import {
  CONFIG_FILE_REQUEST, type ConfigFileResult, IMAGE_FILE_REQUEST, type ImageFileResult, LEXICON_REQUEST, type LexiconResult,
} from './protocol';

/** Waits for the messages already in the queue: the next edit may cancel a job before it starts. */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The folder part of a document's URI: the key what lies beside it is kept under. */
const folderKey = (uri: string) => uri.slice(0, uri.lastIndexOf('/') + 1);

type ImageSize = { width: number; height: number } | undefined;

function browserHost(connection: Connection): ServerHost {
  const configs = new Map<string, Promise<LoadedConfig & { path?: string }>>();
  /** Image sizes by folder, then address: read once, until a draft there is opened or saved again. */
  const sizes = new Map<string, Map<string, ImageSize>>();
  let lexicon: Promise<Lexicon> | undefined;

  const readImage = async (uri: string, address: string): Promise<LoadedImage | string> => {
    if (isNetworkAddress(address)) return NETWORK_ADDRESS;
    const file = await connection.sendRequest<ImageFileResult>(IMAGE_FILE_REQUEST, { uri, address });
    return 'problem' in file ? file.problem : decodeImage(fromBase64(file.data));
  };
  const sizesBeside = (uri: string) => {
    const key = folderKey(uri);
    if (!sizes.has(key)) sizes.set(key, new Map());
    return sizes.get(key)!;
  };

  /**
   * A check runs here, in the server's own worker, after the messages already waiting; once started it
   * runs to its end. Images the draft shows are read through the client the first time they appear, and
   * the draft is checked again with their sizes, so its page count is the one the Node build gives.
   */
  const check = (text: string, config: LintConfig, uri: string): RunningCheck => {
    let cancelled = false;
    const known = sizesBeside(uri);
    const imageSize = (address: string) => known.get(address);
    const result = (async () => {
      await nextTurn();
      if (cancelled) return undefined;
      const first = lint(text, config, { imageSize });
      const unread = imageAddresses(first.model).filter((address) => !known.has(address));
      if (unread.length === 0) return first;
      for (const address of unread) {
        const image = await readImage(uri, address);
        known.set(address, typeof image === 'string' ? undefined : { width: image.width, height: image.height });
      }
      return cancelled ? undefined : lint(text, config, { imageSize });
    })();
    return { result, cancel: () => (cancelled = true) };
  };

  /** A job that waits for the messages already in the queue and may be cancelled until it starts. */
  const job = <T>(work: () => T | Promise<T>): Running<T> => {
    let cancelled = false;
    const result = nextTurn().then(() => (cancelled ? undefined : work()));
    return { result, cancel: () => (cancelled = true) };
  };

  /** The Word libraries (docx, mammoth) load on first use, as under Node. */
  const importWord = (docx: Uint8Array, draftName: string) => job(async (): Promise<ImportOutcome> => {
    const { imageFolderFor, importDocx, ImportError } = await import('./import/docx');
    try {
      return { imported: await importDocx(docx, imageFolderFor(draftName)) };
    } catch (error) {
      if (error instanceof ImportError) return { problem: error.message };
      throw error;
    }
  });

  /** The images are read through the client first; the export itself then reads none. */
  const exportWord = (text: string, config: LintConfig, uri: string) => job(async (): Promise<ExportOutcome> => {
    const { planExport, ExportRefused } = await import('./export/plan');
    const images = new Map<string, LoadedImage | string>();
    for (const address of imageAddresses(buildModel(text, { profiles: profilesFor(config), profile: config.profile }))) images.set(address, await readImage(uri, address));
    try {
      const prepared = planExport(text, config, (address) => images.get(address)!);
      const { unfinished, title, blocking, notes } = prepared;
      return { docx: await prepared.render(), unfinished: unfinished.length, title, blocking, notes };
    } catch (error) {
      if (error instanceof ExportRefused) return { refused: error.message };
      throw error;
    }
  });

  return {
    runner: {
      run: check,
      fix: (text, config, onlyRule) => job(() => fixAll(text, config, onlyRule).text),
      importWord,
      exportWord,
      dispose: () => undefined,
    },
    configNear: (uri) => {
      const key = folderKey(uri);
      let found = configs.get(key);
      if (!found) {
        found = connection.sendRequest<ConfigFileResult>(CONFIG_FILE_REQUEST, { uri }).then((file): LoadedConfig & { path?: string } => {
          if (!file) return { config: {} };
          const path = decodeURIComponent(file.uri);
          if ('problem' in file) return { config: {}, error: `无法读取配置文件 ${path}：${file.problem}。已按默认设置检查。`, path: file.uri };
          return { ...parseConfig(file.text, path), path: file.uri };
        });
        configs.set(key, found);
      }
      return found;
    },
    refresh: (uri) => {
      configs.delete(folderKey(uri));
      sizes.delete(folderKey(uri));
    },
    clearConfigs: () => configs.clear(),
    imageSizes: (uri) => {
      const known = sizesBeside(uri);
      return { imageSize: (address) => known.get(address) };
    },
    loadLexicon: () => {
      const known = lexiconInUse();
      if (known) return Promise.resolve(known);
      lexicon ??= connection.sendRequest<LexiconResult>(LEXICON_REQUEST).then(({ words, readings, shapes }) => {
        const loaded = new Lexicon(words, readings, shapes);
        useLexicon(loaded);
        return loaded;
      });
      return lexicon;
    },
  };
}

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startLanguageServer(connection, {
  // The pages ship in the extension: links to them open in the editor, as under Node.
  docs: (extensionFolder) => new Map(RULES.map((rule) => [rule.meta.id, extensionFolder ? `${extensionFolder.replace(/\/$/, '')}/${rule.meta.docs}` : rule.meta.docs])),
  host: browserHost(connection),
});
