/** Starts the bundled language server over stdio and speaks LSP to it, as any editor would. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompletionRequest, createProtocolConnection, DidChangeConfigurationNotification, ErrorCodes, ResponseError, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, DidSaveTextDocumentNotification, InitializedNotification, InitializeRequest, type ProtocolConnection,
  PublishDiagnosticsNotification, type PublishDiagnosticsParams, type Range, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export class LspHarness {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly published: PublishDiagnosticsParams[] = [];
  private waiters: Array<() => void> = [];
  settings: Record<string, unknown> = { debounceMs: 0, scope: 'all' };
  /** Whether the client declared workspace/configuration; one that did not answers it with MethodNotFound. */
  private declaresConfiguration = true;

  /**
   * `requests`: how this client treats the server's own requests (workspace/configuration,
   * client/registerCapability): answer them, answer with an error, or never answer.
   */
  constructor(private readonly requests: 'answer' | 'error' | 'silent' = 'answer', args: string[] = ['--stdio']) {
    this.child = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    const serve = <T>(answer: () => T) => () => {
      if (this.requests === 'error') throw new Error('this client refuses');
      if (this.requests === 'silent') return new Promise<T>(() => undefined);
      return answer();
    };
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      if (!this.declaresConfiguration) throw new ResponseError(ErrorCodes.MethodNotFound, 'Unhandled method workspace/configuration');
      return serve(() => params.items.map(() => this.settings))();
    });
    this.connection.onRequest('client/registerCapability', serve(() => null));
    this.connection.onNotification('shuzhi/status', () => undefined);
    this.connection.listen();
  }

  /** `asksConfiguration: false` is a client that neither declares nor answers workspace/configuration. */
  async initialize(initializationOptions?: unknown, asksConfiguration = true): Promise<void> {
    this.declaresConfiguration = asksConfiguration;
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      initializationOptions,
      rootUri: null,
      capabilities: asksConfiguration ? { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } } : {},
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Changes the settings the client answers with and tells the server, as an editor does. */
  configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Sends the settings in the notification itself, as Neovim, Helix and Zed do. */
  pushSettings(settings: Record<string, unknown>): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { shuzhi: settings } });
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  save(uri: string): Promise<void> {
    return this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** An incremental change, as editors send while the user types. */
  edit(uri: string, version: number, range: Range, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The next diagnostics published for `uri` that satisfy `accept` (earlier ones included). */
  async diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.published.find((params) => params.uri === uri && accept(params));
      if (found) {
        this.published.splice(this.published.indexOf(found), 1);
        return found;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Diagnostics published so far for `uri` that satisfy `accept`, after a round trip: the server answers
   * requests in order, so whatever an earlier notification made it publish has arrived by then.
   */
  async publishedSoFar(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams[]> {
    for (let round = 0; round < 2; round++) await this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    return this.published.filter((params) => params.uri === uri && accept(params));
  }

  /**
   * Opens a short draft and waits for its check; the function returned asks for completion in it (二是
   * after 一是…。), the request that shows whether the server answers while it is busy with another draft.
   */
  async completionProbe(uri = 'untitled:probe'): Promise<() => Promise<unknown>> {
    await this.open(uri, '2024年度述职报告\n\n一是加强学习。');
    await this.diagnostics(uri);
    return () => this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 7 } });
  }

  /** The server's resident memory in MB (Linux), for load tests. */
  residentMegabytes(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kilobytes = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      return kilobytes ? Number(kilobytes) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  clearPublished(): void {
    this.published.length = 0;
  }

  async dispose(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}
