/** Runs the language server's checks and fixes off its main thread; the server terminates it to cancel. */
import { parentPort } from 'node:worker_threads';
import { fixAll } from './core/engine/fix';
import { lint } from './core/engine/lint';
import { imageSizes } from './export/assets';
import { loadLexiconSync } from './lexicon/load';
import type { Job } from './lsp/checkRunner';

parentPort?.on('message', (job: Job & { lexicon: boolean }) => {
  try {
    // Checked with the dictionary once the server has it: the worker reads its own copy the first time.
    if (job.lexicon) loadLexiconSync();
    parentPort!.postMessage({ value: job.kind === 'lint' ? lint(job.text, job.config, imageSizes(job.folder)) : fixAll(job.text, job.config, job.onlyRule).text });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
