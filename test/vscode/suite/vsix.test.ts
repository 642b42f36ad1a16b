import { strict as assert } from 'node:assert';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { diagnosticsWhen } from './extension.test';

/** Timings the runner prints: opening a draft → extension active → first diagnostics. */
export const metrics: Record<string, number> = {};

/** The packaged extension, installed from the .vsix, activates and reports findings. */
export function vsixSuite(): void {
  describe('述职报告助手 installed from its .vsix', () => {
    it('is installed from the package, activates on a draft and reports findings', async () => {
      const extension = vscode.extensions.getExtension('shuzhi.shuzhi');
      assert.ok(extension, 'shuzhi.shuzhi is installed');
      assert.match(extension.extensionPath, /extensions/, extension.extensionPath);
      assert.ok(!extension.isActive, 'not active before a Markdown file is opened');
      const draft = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'report-draft.md');
      const opened = performance.now();
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(draft));
      await extension.activate();
      const activated = performance.now();
      const diagnostics = await diagnosticsWhen(draft, (all) => all.length >= 15);
      metrics.activationMs = Math.round(activated - opened);
      metrics.firstDiagnosticsMs = Math.round(performance.now() - opened);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.message.includes('讲授专题党课次')));
      const code = diagnostics[0].code as { target: vscode.Uri };
      assert.ok(code.target.toString().startsWith('file:'), 'rule docs ship inside the package');
    });

    it('opens a rule\'s docs page rendered and read-only, not as editable Markdown inside the extension', async () => {
      const extension = vscode.extensions.getExtension('shuzhi.shuzhi')!;
      const page = vscode.Uri.joinPath(vscode.Uri.file(extension.extensionPath), 'docs', 'rules', 'placeholder.md');
      await vscode.commands.executeCommand('vscode.open', page);
      const opened = await new Promise<vscode.Tab | undefined>((resolve) => {
        const find = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputCustom && tab.input.uri.fsPath === page.fsPath);
        const deadline = Date.now() + 10000;
        const poll = () => (find() || Date.now() > deadline ? resolve(find()) : setTimeout(poll, 100));
        poll();
      });
      assert.ok(opened, 'the page opens in the Markdown preview editor');
      assert.equal((opened.input as vscode.TabInputCustom).viewType, 'vscode.markdown.preview.editor');
      // The page is no draft: once the server has answered the draft again, the page has no findings.
      await vscode.commands.executeCommand('shuzhi.restartServer');
      await diagnosticsWhen(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'report-draft.md'), (all) => all.length >= 15);
      assert.deepEqual(vscode.languages.getDiagnostics(page), []);
      await vscode.window.tabGroups.close(opened);
    });

    it('ships an icon and an extension page written for users, with the pictures it shows', async () => {
      const extension = vscode.extensions.getExtension('shuzhi.shuzhi')!;
      const root = vscode.Uri.file(extension.extensionPath);
      const icon = await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, extension.packageJSON.icon as string));
      assert.ok(icon.size > 1000, 'the icon is in the package');
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'readme.md')));
      assert.match(page, /^# 述职报告助手\n/);
      assert.doesNotMatch(page, /npm ci|bash \.ci\/run/, 'no developer instructions on the extension page');
      for (const [, image] of page.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, image));
      }
    });
  });
}
