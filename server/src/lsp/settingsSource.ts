/**
 * Editor settings from every channel an LSP client may use, in this precedence: defaults <
 * initializationOptions < didChangeConfiguration payload < workspace/configuration answer.
 */
import { type EditorSettings, normalizeSettings } from '../config/settings';

/** How long a client may take to answer workspace/configuration before the known settings are used. */
export const CONFIGURATION_TIMEOUT_MS = 2000;

export class SettingsSource {
  private initial: Record<string, unknown> = {};
  private pushed: Record<string, unknown> = {};
  private asking = true;

  /**
   * `ask` is the client's workspace/configuration. A client that does not declare it is asked anyway
   * (`declared` false): Neovim 0.7 answers from its `settings` without declaring it, and sends them in
   * no other way. Once such a client refuses or stays silent it is not asked again.
   */
  constructor(
    private readonly ask?: (uri: string) => Promise<unknown>,
    private readonly declared = true,
    private readonly timeoutMs = CONFIGURATION_TIMEOUT_MS,
  ) {}

  /** Settings given at start (initializationOptions). */
  setInitial(options: unknown): void {
    this.initial = sectionOf(options);
  }

  /** Settings sent with didChangeConfiguration (Neovim, Helix, Zed); VS Code sends null and expects to be asked. */
  push(settings: unknown): void {
    if (settings) this.pushed = sectionOf(settings);
  }

  resolve(uri: string): Promise<EditorSettings> {
    const known = { ...this.initial, ...this.pushed };
    if (!this.ask || !this.asking) return Promise.resolve(normalizeSettings(known));
    return withTimeout(this.ask(uri), this.timeoutMs).then(
      (answer) => normalizeSettings({ ...known, ...sectionOf(answer) }),
      () => {
        if (!this.declared) this.asking = false;
        return normalizeSettings(known);
      },
    );
  }
}

/** The `shuzhi` part of a settings object, whether sent as { shuzhi: {…} } or as the section itself. */
export function sectionOf(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const record = value as Record<string, unknown>;
  if (record.shuzhi && typeof record.shuzhi === 'object') return record.shuzhi as Record<string, unknown>;
  const { trusted: _trusted, ...rest } = record;
  return rest;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    }, (error: unknown) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
