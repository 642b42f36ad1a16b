import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { askRunner, picture } from './extension.test';
import { metrics } from './vsix.test';

interface PageViewState {
  uri?: string;
  version?: number;
  pages?: number;
  renderedAt?: number;
}

const state = async () => (await vscode.commands.executeCommand<PageViewState>('shuzhi.pageViewState')) ?? {};

/** Resolves once the page view has drawn `document` at its current version (the webview says so itself). */
async function drawn(document: vscode.TextDocument, timeoutMs = 20000): Promise<PageViewState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await state();
    if (seen.uri === document.uri.toString() && seen.version === document.version) return seen;
    if (Date.now() > deadline) throw new Error(`page view did not draw ${document.uri.toString()} v${document.version}: ${JSON.stringify(seen)}`);
    await new Promise((done) => setTimeout(done, 5));
  }
}

function cliLength(path: string): { characters: number; pages: number; minutes: number } {
  const cli = join(vscode.extensions.getExtension('shuzhi.shuzhi')!.extensionPath, 'dist', 'cli.js');
  return JSON.parse(execFileSync(process.execPath, [cli, 'outline', '--format', 'json', path], { encoding: 'utf8' })).length;
}

const append = async (document: vscode.TextDocument, text: string) => {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, text);
  assert.ok(await vscode.workspace.applyEdit(edit));
};

export function pageViewSuite(): void {
  describe('述职报告：预览页面 in a real VS Code', () => {
    const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;

    before(async () => {
      // The default pause before a check (250 ms), as users have it: the page view does not wait for the check.
      await vscode.workspace.getConfiguration('shuzhi').update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
    });

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('opens beside the editor and shows the page count shuzhi outline reports', async () => {
      const path = join(folder(), 'report-final.md');
      const document = await vscode.workspace.openTextDocument(path);
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('shuzhi.previewPages');
      const seen = await drawn(document);
      const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.label.startsWith('页面预览'));
      assert.ok(tab && tab.input instanceof vscode.TabInputWebview, 'a webview tab');
      assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
      assert.equal(seen.pages, cliLength(path).pages);
      assert.equal(seen.pages, 3);
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await picture('page-view');
    });

    it('puts the cursor where a clicked line is written', async function () {
      if (!process.env.SHUZHI_UI_SIGNALS) this.skip();
      const document = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.path.endsWith('report-final.md'))!.document;
      // The second line of the paragraph under （二）: its first character is in the middle of source line 14.
      const clicked = await askRunner<{ clicked: string }>('page-view-click', { pageViewClick: '1218个，党员24617名' });
      const wanted = document.getText().indexOf(clicked!.clicked.trim());
      assert.ok(wanted > 0, clicked!.clicked);
      const deadline = Date.now() + 10000;
      while (vscode.window.activeTextEditor?.document !== document || document.offsetAt(vscode.window.activeTextEditor.selection.active) !== wanted) {
        if (Date.now() > deadline) assert.fail(`cursor at ${vscode.window.activeTextEditor?.selection.active.line}:${vscode.window.activeTextEditor?.selection.active.character}, wanted offset ${wanted}`);
        await new Promise((done) => setTimeout(done, 50));
      }
    });

    it('follows typing: a page of text more is a page more, drawn at the new version', async () => {
      const document = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.path.endsWith('report-final.md'))!.document;
      const before = (await drawn(document)).pages!;
      const paragraph = '\n\n　　坚持把调查研究作为谋事之基、成事之道，全年深入村（社区）、企业、项目一线调研42次，形成调研报告6篇，推动解决群众急难愁盼问题118个。';
      await append(document, paragraph.repeat(12));
      const after = await drawn(document);
      assert.ok(after.pages! > before, `${before} → ${after.pages} pages`);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('updates a 20-page draft soon after typing stops (time measured, figure in the metrics)', async () => {
      const body = readFileSync(join(folder(), 'report-final.md'), 'utf8').split(/\r?\n/).filter((line) => /^　　|^[^#\s-]/.test(line) && line.length > 40);
      const path = join(folder(), 'twenty-pages.md');
      writeFileSync(path, `# 2024年度述职报告\n\n${Array.from({ length: 9 }, () => body.join('\n\n')).join('\n\n')}\n`);
      const document = await vscode.workspace.openTextDocument(path);
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('shuzhi.previewPages');
      const first = await drawn(document);
      assert.ok(first.pages! >= 20, `${first.pages} pages`);
      assert.equal(first.pages, cliLength(path).pages);
      const times: number[] = [];
      for (let round = 0; round < 7; round++) {
        await append(document, '。');
        const typed = Date.now();
        const seen = await drawn(document);
        times.push(seen.renderedAt! - typed);
      }
      times.sort((a, b) => a - b);
      metrics.pageViewPages = first.pages!;
      metrics.pageViewUpdateMedianMs = times[Math.floor(times.length / 2)];
      metrics.pageViewUpdateMaxMs = times[times.length - 1];
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });
  });
}
