/** When checks run: at once on open and save, after a pause in typing otherwise; a newer request cancels an older one. */
import type { DocumentStates } from './documentStates';

export class CheckScheduler {
  constructor(private readonly states: DocumentStates, private readonly check: (uri: string, ticket: number) => Promise<void>) {}

  /** Cancels the document's waiting or running check and schedules a new one after `delay` ms. */
  schedule(uri: string, delay: number): void {
    const state = this.states.get(uri);
    state.pending?.cancel();
    const ticket = ++state.generation;
    const run = () => {
      state.pending = undefined;
      void this.check(uri, ticket);
    };
    // setTimeout(0) waits at least a millisecond; with no debounce, check as soon as the edit is in (a
    // browser worker has no setImmediate: there setTimeout it is).
    if (delay === 0 && typeof setImmediate === 'function') {
      const immediate = setImmediate(run);
      state.pending = { cancel: () => clearImmediate(immediate) };
    } else {
      const timer = setTimeout(run, delay);
      state.pending = { cancel: () => clearTimeout(timer) };
    }
  }

  /** True while `ticket` is the newest check of the document (it was neither superseded nor closed). */
  isCurrent(uri: string, ticket: number): boolean {
    return this.states.peek(uri)?.generation === ticket;
  }
}
