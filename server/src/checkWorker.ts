/** Runs checks of large drafts off the language server's main thread; the server terminates it to cancel. */
import { parentPort } from 'node:worker_threads';
import { type LintConfig, lint } from './core/lint';
import { loadLexiconSync } from './lexicon/load';

parentPort?.on('message', ({ text, config, lexicon }: { text: string; config: LintConfig; lexicon: boolean }) => {
  try {
    // Checked with the dictionary once the server has it: the worker reads its own copy the first time.
    if (lexicon) loadLexiconSync();
    parentPort!.postMessage({ result: lint(text, config) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
