/** Everything the server remembers about one open document, in one record forgotten in one call. */
import type { EditorSettings } from '../config/settings';
import type { Evaluation } from './evaluate';

export interface DocumentState {
  /** Bumped on every scheduled check, so a slow check never publishes over a newer one. */
  generation: number;
  /** The waiting or running check, cancelled by the next edit. */
  pending?: { cancel(): void };
  checked?: Evaluation;
  settings?: Promise<EditorSettings>;
  /** The status last sent, so typing that changes no count sends nothing. */
  lastStatus?: string;
  /** The version the document was opened with: its first content event is the open. */
  openedVersion?: number;
}

export class DocumentStates {
  private readonly states = new Map<string, DocumentState>();

  get(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { generation: 0 };
      this.states.set(uri, state);
    }
    return state;
  }

  peek(uri: string): DocumentState | undefined {
    return this.states.get(uri);
  }

  forget(uri: string): void {
    this.states.get(uri)?.pending?.cancel();
    this.states.delete(uri);
  }

  /** After a settings change every document asks the client again. */
  forgetSettings(): void {
    for (const state of this.states.values()) state.settings = undefined;
  }

  get size(): number {
    return this.states.size;
  }
}
