/**
 * Where a check runs. Drafts of report size are checked on the spot (a few milliseconds); a large draft
 * is checked in a worker thread, so requests (completion, code actions) are answered while it runs,
 * and the next edit cancels it by terminating the worker instead of waiting for a result nobody wants.
 */
import { Worker } from 'node:worker_threads';
import { lexiconInUse } from '../core/lexicon';
import { type LintConfig, lint, type LintResult } from '../core/lint';

/** Characters from which a check takes longer than a keystroke should block the server (~100 ms here). */
export const WORKER_THRESHOLD = 60_000;

export interface RunningCheck {
  /** The result, or undefined if the check was cancelled. */
  result: Promise<LintResult | undefined>;
  cancel(): void;
}

export class CheckRunner {
  /** A worker left from the last check, reused so a check does not pay for starting one. */
  private idle?: Worker;

  /** `workerScript` is the bundled checkWorker.js; without it every check runs on the spot. */
  constructor(private readonly workerScript?: string, private readonly threshold = WORKER_THRESHOLD) {}

  run(text: string, config: LintConfig): RunningCheck {
    if (!this.workerScript || text.length < this.threshold) {
      return { result: new Promise((resolve) => resolve(lint(text, config))), cancel: () => undefined };
    }
    const worker = this.idle ?? new Worker(this.workerScript);
    worker.ref();
    this.idle = undefined;
    let finished = false;
    let settle: (result: LintResult | undefined) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const result = new Promise<LintResult | undefined>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    const onMessage = (message: { result?: LintResult; error?: string }) => {
      detach();
      this.release(worker);
      if (message.result) settle(message.result);
      else fail(new Error(message.error));
    };
    const onError = (error: Error) => {
      detach();
      fail(error);
    };
    const onExit = (code: number) => {
      detach();
      fail(new Error(`检查线程意外退出（${code}）`));
    };
    const detach = () => {
      finished = true;
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ text, config, lexicon: lexiconInUse() !== undefined });
    return {
      result,
      cancel: () => {
        if (finished) return;
        detach();
        void worker.terminate();
        settle(undefined);
      },
    };
  }

  dispose(): void {
    void this.idle?.terminate();
    this.idle = undefined;
  }

  private release(worker: Worker): void {
    if (this.idle) void worker.terminate();
    else {
      // An idle worker must not keep the server process alive on exit.
      worker.unref();
      this.idle = worker;
    }
  }
}
