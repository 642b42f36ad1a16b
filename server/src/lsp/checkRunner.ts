/**
 * Where checks, fixes and Word import and export run: in worker threads, for drafts of every size, so no
 * shape of draft or Word file can keep the server from answering requests (completion, symbols, other
 * documents) while it is worked on. A few
 * workers are kept and reused; jobs past them wait their turn. The next edit cancels a check by
 * terminating its worker (or taking it off the queue) instead of waiting for a result nobody wants.
 */
import { Worker } from 'node:worker_threads';
import { lexiconInUse } from '../core/lexicon/lexicon';
import type { LintConfig, LintResult } from '../core/engine/lint';
import type { Running, RunningCheck } from './host';
import { type ExportOutcome, type ImportOutcome, type Job, runJob } from './jobs';

/** One worker per core of a small machine: more would only take turns on the same cores. */
const MAX_WORKERS = 2;

interface Queued {
  job: Job;
  start(worker: Worker): void;
}

export class CheckRunner {
  private readonly idle: Worker[] = [];
  private busy = 0;
  private readonly queue: Queued[] = [];

  /** `workerScript` is the bundled checkWorker.js; without it (tests of the wiring) jobs run on the spot. */
  constructor(private readonly workerScript?: string) {}

  /** `folder`: where the draft is saved, which the images it shows are read from for its page count. */
  run(text: string, config: LintConfig, folder?: string): RunningCheck {
    return this.submit<LintResult>({ kind: 'lint', text, config, folder });
  }

  /** The text with every fix applied (of one rule, or all), as the core's fix engine leaves it. */
  fix(text: string, config: LintConfig, onlyRule?: string): Running<string> {
    return this.submit<string>({ kind: 'fix', text, config, onlyRule });
  }

  /** A Word file as the Markdown draft `draftName` with its images. */
  importWord(docx: Uint8Array, draftName: string): Running<ImportOutcome> {
    return this.submit<ImportOutcome>({ kind: 'import', docx, draftName });
  }

  /** The Word file of a draft, with what is still unfinished in it. */
  exportWord(text: string, config: LintConfig, folder?: string): Running<ExportOutcome> {
    return this.submit<ExportOutcome>({ kind: 'export', text, config, folder });
  }

  dispose(): void {
    for (const worker of this.idle.splice(0)) void worker.terminate();
    this.queue.length = 0;
  }

  private submit<T>(job: Job): Running<T> {
    if (!this.workerScript) return { result: runJob(job) as Promise<T>, cancel: () => undefined };
    let settle: (value: T | undefined) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const result = new Promise<T | undefined>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    let cancel: () => void = () => undefined;
    const queued: Queued = {
      job,
      start: (worker) => {
        let finished = false;
        const detach = () => {
          finished = true;
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        const onMessage = (message: { value?: T; error?: string }) => {
          detach();
          this.release(worker);
          if (message.error === undefined) settle(message.value);
          else fail(new Error(message.error));
        };
        const onError = (error: Error) => {
          detach();
          this.lost();
          fail(error);
        };
        const onExit = (code: number) => {
          detach();
          this.lost();
          fail(new Error(`检查线程意外退出（${code}）`));
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.ref();
        worker.postMessage({ ...job, lexicon: lexiconInUse() !== undefined });
        cancel = () => {
          if (finished) return;
          detach();
          void worker.terminate();
          this.lost();
          settle(undefined);
        };
      },
    };
    cancel = () => {
      const at = this.queue.indexOf(queued);
      if (at !== -1) this.queue.splice(at, 1);
      settle(undefined);
    };
    this.queue.push(queued);
    this.pump();
    return { result, cancel: () => cancel() };
  }

  /** Starts waiting jobs while there are workers to run them. */
  private pump(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.busy < MAX_WORKERS)) {
      const worker = this.idle.pop() ?? new Worker(this.workerScript!);
      this.busy++;
      this.queue.shift()!.start(worker);
    }
  }

  private release(worker: Worker): void {
    this.busy--;
    // An idle worker must not keep the server process alive on exit.
    worker.unref();
    this.idle.push(worker);
    this.pump();
  }

  /** A worker terminated (cancelled) or lost: its place goes to the next job. */
  private lost(): void {
    this.busy--;
    this.pump();
  }
}
