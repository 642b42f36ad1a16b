/** The language server under Node: drafts' folders on disk, checks in worker threads, the dictionary from dist/lexicon. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigFiles } from '../config/config';
import { imageSizes } from '../export/assets';
import { loadLexicon } from '../lexicon/load';
import { CheckRunner } from './checkRunner';
import type { ServerHost } from './host';

/** `workerScript`: the bundled checkWorker.js. */
export function nodeHost(workerScript: string): ServerHost {
  const checks = new CheckRunner(workerScript);
  const configFiles = new ConfigFiles();
  return {
    runner: {
      run: (text, config, uri) => checks.run(text, config, folderOf(uri)),
      fix: (text, config, onlyRule) => checks.fix(text, config, onlyRule),
      importWord: (docx, draftName) => checks.importWord(docx, draftName),
      exportWord: (text, config, uri) => checks.exportWord(text, config, folderOf(uri)),
      dispose: () => checks.dispose(),
    },
    configNear: async (uri) => {
      const folder = folderOf(uri);
      return folder === undefined ? { config: {} } : configFiles.near(folder);
    },
    refresh: (uri) => {
      const folder = folderOf(uri);
      if (folder !== undefined) configFiles.refresh(folder);
    },
    clearConfigs: () => configFiles.clear(),
    imageSizes: (uri) => imageSizes(folderOf(uri)),
    loadLexicon,
  };
}

/** The folder of a file: URI, or undefined for other schemes and for URIs no file path can be made of (file://host/…, %2F). */
export function folderOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
