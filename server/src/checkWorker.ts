/** Runs checks of large drafts off the language server's main thread; the server terminates it to cancel. */
import { parentPort } from 'node:worker_threads';
import { type LintConfig, lint } from './core/lint';

parentPort?.on('message', ({ text, config }: { text: string; config: LintConfig }) => {
  try {
    parentPort!.postMessage({ result: lint(text, config) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
