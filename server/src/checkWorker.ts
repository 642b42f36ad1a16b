/** Runs the language server's jobs (checks, fixes, Word import and export) off its main thread; the server terminates it to cancel. */
import { parentPort } from 'node:worker_threads';
import { loadLexiconSync } from './lexicon/load';
import { type Job, runJob } from './lsp/jobs';

parentPort?.on('message', async (job: Job & { lexicon: boolean }) => {
  try {
    // Checked with the dictionary once the server has it: the worker reads its own copy the first time.
    if (job.lexicon) loadLexiconSync();
    parentPort!.postMessage({ value: await runJob(job) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
