/** Runs checks of large drafts off the language server's main thread; the server terminates it to cancel. */
import { parentPort } from 'node:worker_threads';
import { type LintConfig, lint } from './core/lint';
import { imageSizes } from './export/assets';

parentPort?.on('message', ({ text, config, folder }: { text: string; config: LintConfig; folder?: string }) => {
  try {
    parentPort!.postMessage({ result: lint(text, config, imageSizes(folder)) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
