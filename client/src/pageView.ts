/**
 * 述职报告：预览页面 — the draft as the Word export lays it out, page by page, beside the editor. The
 * language server sets the pages (shuzhi/pages): it has the draft's model and configuration already,
 * and the same layout gives the counts and the length rule; the webview only draws what it is sent, so
 * it works wherever VS Code runs (desktop, remote, browser).
 */
import {
  commands, type Disposable, type ExtensionContext, Range, Selection, type TextDocument, TextEditorRevealType, Uri, ViewColumn, type WebviewPanel, window, workspace,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { toBase64 } from '../../server/src/io/base64';
import { BODY_TRACKING, PAGE, SIZE } from '../../server/src/export/layout';
import { PAGES_REQUEST, type PagesResult, type StatusParams } from '../../server/src/protocol';
import type { PageGeometry, PageViewMessage, PageViewReply } from './pageViewMessages';
import { pageViewScript } from './pageViewScript';

/** Typing pauses this long before the pages are set again: the view keeps up without setting every keystroke. */
const UPDATE_DELAY_MS = 50;

const GEOMETRY: PageGeometry = {
  width: PAGE.width,
  height: PAGE.height,
  marginTop: PAGE.marginTop,
  marginBottom: PAGE.marginBottom,
  marginLeft: PAGE.marginLeft,
  marginRight: PAGE.marginRight,
  footer: PAGE.footer,
  tracking: BODY_TRACKING,
  sizes: { title: SIZE.title * 10, body: SIZE.body * 10, small: SIZE.table * 10, pageNumber: SIZE.pageNumber * 10 },
};

/** What the view last drew, and when: for the integration tests, which cannot look into a webview. */
export interface PageViewState {
  uri?: string;
  version?: number;
  pages?: number;
  renderedAt?: number;
}

export function registerPageView(context: ExtensionContext, clientOf: () => BaseLanguageClient | undefined): void {
  let view: PageView | undefined;
  context.subscriptions.push(
    commands.registerCommand('shuzhi.previewPages', async (resource?: Uri) => {
      const document = resource instanceof Uri ? await workspace.openTextDocument(resource) : window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') {
        void window.showInformationMessage('请先打开一份 Markdown 文稿再预览页面。');
        return;
      }
      if (view) view.show(document);
      else {
        view = new PageView(document, clientOf);
        view.onDispose(() => (view = undefined));
      }
    }),
    commands.registerCommand('shuzhi.pageViewState', (): PageViewState => view?.state ?? {}),
    { dispose: () => view?.dispose() },
  );
}

class PageView {
  readonly state: PageViewState = {};
  private readonly panel: WebviewPanel;
  private readonly subscriptions: Disposable[] = [];
  private document: TextDocument;
  private timer?: ReturnType<typeof setTimeout>;
  private ready = false;
  /** Requests in flight are answered in order; only the newest one is drawn. */
  private requested = 0;

  constructor(document: TextDocument, private readonly clientOf: () => BaseLanguageClient | undefined) {
    this.document = document;
    this.panel = window.createWebviewPanel('shuzhi.pages', titleOf(document), { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: true,
    });
    this.panel.webview.html = html();
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((reply: PageViewReply) => this.receive(reply)),
      workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document && event.contentChanges.length > 0) this.schedule();
      }),
      window.onDidChangeTextEditorVisibleRanges((event) => {
        if (event.textEditor.document !== this.document || event.visibleRanges.length === 0) return;
        void this.post({ type: 'reveal', offset: this.document.offsetAt(event.visibleRanges[0].start) });
      }),
      window.onDidChangeActiveTextEditor((editor) => {
        // The view follows the Markdown draft being edited.
        if (editor && editor.document.languageId === 'markdown' && editor.document !== this.document) this.show(editor.document, false);
      }),
    );
    this.panel.onDidDispose(() => this.dispose());
  }

  onDispose(listener: () => void): void {
    this.subscriptions.push({ dispose: listener });
  }

  show(document: TextDocument, reveal = true): void {
    this.document = document;
    this.panel.title = titleOf(document);
    if (reveal) this.panel.reveal(ViewColumn.Beside, true);
    void this.update();
  }

  dispose(): void {
    clearTimeout(this.timer);
    const subscriptions = this.subscriptions.splice(0);
    for (const subscription of subscriptions) subscription.dispose();
    this.panel.dispose();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    const client = this.clientOf();
    if (!client || !this.ready) return;
    const ticket = ++this.requested;
    const document = this.document;
    let result: PagesResult | null;
    try {
      result = await client.sendRequest<PagesResult | null>(PAGES_REQUEST, { uri: document.uri.toString() });
    } catch {
      return;
    }
    if (!result || ticket !== this.requested || document !== this.document) return;
    await this.post({ type: 'pages', version: result.version, pages: result.pages, characters: result.characters, minutes: result.minutes, geometry: GEOMETRY });
  }

  private receive(reply: PageViewReply): void {
    if (reply.type === 'ready') {
      this.ready = true;
      void this.update();
    } else if (reply.type === 'rendered') {
      Object.assign(this.state, { uri: this.document.uri.toString(), version: reply.version, pages: reply.pages, renderedAt: Date.now() });
    } else if (reply.type === 'open') {
      void this.open(reply.offset);
    }
  }

  /** A click on a line puts the cursor where its text is written. */
  private async open(offset: number): Promise<void> {
    const editor = await window.showTextDocument(this.document, { viewColumn: window.visibleTextEditors.find((shown) => shown.document === this.document)?.viewColumn ?? ViewColumn.One });
    const position = this.document.positionAt(offset);
    editor.selection = new Selection(position, position);
    editor.revealRange(new Range(position, position), TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private post(message: PageViewMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }
}

const grouped = (value: number) => value.toLocaleString('en-US');

/** The status bar's count: ` · 2,860 字 · 5 页`. */
export function lengthText(status: StatusParams): string {
  return status.length ? ` · ${grouped(status.length.characters)} 字 · ${status.length.pages} 页` : '';
}

/** Characters per part and the reading time, for the status item's tooltip. */
export function lengthTooltip(status: StatusParams): string {
  const length = status.length;
  if (!length) return '';
  const parts = length.parts.map((part) => `${part.name} ${grouped(part.characters)} 字`).join('，');
  return `全文 ${grouped(length.characters)} 字（按 Word 字数统计），${length.pages} 页（按导出的版式），按每分钟 ${length.readingSpeed} 字宣读约 ${length.minutes} 分钟${parts ? `；${parts}` : ''}。`;
}

function titleOf(document: TextDocument): string {
  return `页面预览：${document.uri.path.split('/').pop()}`;
}

/** No remote resource and nothing inline without the nonce: the script and the style are ours alone. */
function html(): string {
  const nonce = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
  body { margin: 0; padding: 28px 0 16px; background: var(--vscode-editorWidget-background, #e8e8e8); }
  #status { position: fixed; top: 0; left: 0; right: 0; z-index: 1; padding: 4px 12px; font: 12px var(--vscode-font-family, sans-serif);
    color: var(--vscode-foreground); background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border, #ccc); }
  .page { position: relative; margin: 0 auto 16px; background: #fff; color: #000; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35); }
  .block { position: absolute; }
  .line { white-space: pre; overflow: visible; box-sizing: border-box; cursor: pointer; }
  .line:not(.last).body, .line:not(.last).heading, .line:not(.last).footnote { text-align-last: justify; text-justify: inter-character; }
  .line:hover { background: rgba(255, 200, 0, 0.15); }
  .notes { position: absolute; bottom: 0; left: 0; right: 0; border-top: 1px solid #000; width: 35%; }
  .notes .line { width: 286%; }
  .table { display: flex; border: 1px solid #000; border-top-width: 0; }
  .table:first-child, .line:not(.table) + .table { border-top-width: 1px; }
  .cell { flex: 1; padding: 0 6px; overflow: hidden; border-left: 1px solid #000; }
  .cell:first-child { border-left: 0; }
  .image { display: inline-flex; align-items: center; justify-content: center; border: 1px dashed #888; color: #666; vertical-align: middle; }
  .number { position: absolute; white-space: pre; }
</style>
</head>
<body>
<div id="status">正在排版……</div>
<div id="pages"></div>
<script nonce="${nonce}">(${pageViewScript.toString()})();</script>
</body>
</html>`;
}
