import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';

const EXTENSION_ID = 'shuzhi.shuzhi';

function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Resolves with the diagnostics of `uri` once `accept` holds, listening to onDidChangeDiagnostics. */
export function diagnosticsWhen(
  uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 30000,
): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source?.startsWith('shuzhi'));
  return new Promise((resolve, reject) => {
    const settle = () => {
      const diagnostics = ours();
      if (!accept(diagnostics)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`diagnostics for ${uri.toString()} did not arrive: ${JSON.stringify(ours().map(ruleOf))}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) settle();
    });
    settle();
  });
}

/** Where the workspace check lists a Word file's findings (the server's wordViewUri, as VS Code parses it). */
function wordView(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: 'shuzhi-word', path: file.path, query: file.toString() });
}

function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, name);
}

async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

export function extensionSuite(): void {
  describe('述职报告助手 in a real VS Code', () => {
    const draft = workspaceFile('report-draft.md');
    let document: vscode.TextDocument;
    let original: string;

    before(async () => {
      await vscode.workspace.getConfiguration('shuzhi').update('debounceMs', 0, vscode.ConfigurationTarget.Workspace);
      document = await vscode.workspace.openTextDocument(draft);
      original = document.getText();
      await vscode.window.showTextDocument(document);
    });

    after(async () => {
      await setText(document, original);
      await vscode.workspace.getConfiguration('shuzhi').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('activates for Markdown and reports the example draft with rule ids and ranges', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, 'extension is installed');
      const diagnostics = await diagnosticsWhen(draft, (all) => all.length >= 15);
      assert.ok(extension.isActive);
      const rules = new Set(diagnostics.map(ruleOf));
      for (const rule of ['placeholder', 'missing-number', 'heading-sequence', 'ordinal-style', 'enumeration-sequence']) {
        assert.ok(rules.has(rule), `expected ${rule}`);
      }
      const lesson = diagnostics.find((diagnostic) => diagnostic.message.includes('讲授专题党课次'))!;
      assert.equal(lesson.range.start.line, 6);
      assert.equal(document.getText(lesson.range), '次');
      assert.equal(lesson.severity, vscode.DiagnosticSeverity.Error);
      const code = lesson.code as { value: string; target: vscode.Uri };
      assert.match(code.target.toString(), /docs\/rules\/missing-number\.md$/);
    });

    it('follows edits to the text', async () => {
      const edit = new vscode.WorkspaceEdit();
      const at = document.getText().indexOf('讲授专题党课次') + '讲授专题党课'.length;
      edit.insert(draft, document.positionAt(at), '4');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const diagnostics = await diagnosticsWhen(draft, (all) => all.length > 0 && !all.some((d) => d.message.includes('讲授专题党课次')));
      assert.ok(diagnostics.some((diagnostic) => diagnostic.message.includes('党员名')));
    });

    it('applies a quick fix from the light bulb', async () => {
      const diagnostics = await diagnosticsWhen(draft, (all) => all.some((d) => ruleOf(d) === 'heading-sequence' && d.range.start.line === 18));
      const target = diagnostics.find((d) => ruleOf(d) === 'heading-sequence' && d.range.start.line === 18)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft, target.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((action) => action.title);
      assert.ok(titles.includes('在这一行停用“标题序号”检查'), titles.join(' | '));
      const renumber = actions.find((action) => action.title.startsWith('将本组序号依次改为'))!;
      assert.ok(await vscode.workspace.applyEdit(renumber.edit!));
      assert.equal(document.lineAt(18).text, '三、下步打算');
    });

    it('offers fix-all as source.fixAll.shuzhi', async () => {
      await diagnosticsWhen(draft, (all) => all.some((d) => ruleOf(d) === 'ordinal-style'));
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft, whole, 'source.fixAll.shuzhi');
      assert.equal(actions.length, 1);
      assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
      assert.ok(document.getText().includes('\n1.压紧压实责任'));
      assert.ok(document.getText().includes('二是推行党员积分管理'));
    });

    it('writes an inline comment to disable a rule for one line', async () => {
      const diagnostics = await diagnosticsWhen(draft, (all) => all.some((d) => ruleOf(d) === 'placeholder' && d.message.includes('党建工作X次')));
      const target = diagnostics.find((d) => d.message.includes('党建工作X次'))!;
      const line = target.range.start.line;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft, target.range, vscode.CodeActionKind.QuickFix.value);
      const disable = actions.find((action) => action.title === '在这一行停用“占位符”检查')!;
      assert.ok(await vscode.workspace.applyEdit(disable.edit!));
      assert.equal(document.lineAt(line).text, '<!-- shuzhi-disable-next-line placeholder -->');
      await diagnosticsWhen(draft, (all) => all.length > 0 && !all.some((d) => d.message.includes('党建工作X次')));
    });

    it('re-checks when a setting changes', async () => {
      await diagnosticsWhen(draft, (all) => all.some((d) => ruleOf(d) === 'missing-number'));
      await vscode.workspace.getConfiguration('shuzhi').update('rules', { 'missing-number': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(draft, (all) => all.length > 0 && !all.some((d) => ruleOf(d) === 'missing-number'));
      await vscode.workspace.getConfiguration('shuzhi').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(draft, (all) => all.some((d) => ruleOf(d) === 'missing-number'));
    });

    it('checks untitled drafts', async () => {
      const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '2024年度述职报告\n\n一、主要做法\n\n投入资金万元。\n' });
      const diagnostics = await diagnosticsWhen(untitled.uri, (all) => all.some((d) => ruleOf(d) === 'missing-number'));
      assert.ok(diagnostics.some((d) => ruleOf(d) === 'required-section'));
      await vscode.window.showTextDocument(untitled);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('inserts a report skeleton through editor.action.insertSnippet', async () => {
      const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      await vscode.window.showTextDocument(untitled);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: '述职报告（全文框架）' });
      const text = untitled.getText();
      assert.ok(text.startsWith('20XX年度XX职务述职报告\n'), text.slice(0, 40));
      const today = new Date();
      assert.ok(text.includes('\n三、下步打算\n') && text.endsWith(`以上述职，请予评议。\n\nXX职务　XX\n${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`), text.slice(-60));
      const diagnostics = await diagnosticsWhen(untitled.uri, (all) => all.length > 0);
      assert.ok(diagnostics.every((diagnostic) => ruleOf(diagnostic) === 'placeholder'), 'only the unfilled tab stops are flagged');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('runs the command that restarts the server', async () => {
      await vscode.commands.executeCommand('shuzhi.restartServer');
      await setText(document, `${document.getText()}\n新发展党员X名。\n`);
      await diagnosticsWhen(draft, (all) => all.some((d) => d.message.includes('发展党员X名。') || d.message.includes('党员X名')));
    });

    it('runs the command that checks the whole workspace into the Problems panel', async () => {
      const other = workspaceFile('other-template.md');
      assert.equal(vscode.languages.getDiagnostics(other).length, 0);
      const result = await vscode.commands.executeCommand<{ reports: number; counts: { error: number } }>('shuzhi.checkWorkspace');
      // The open draft counts with its current text; the template, the final report and the Word draft are read from disk; the note is no report.
      assert.equal(result.reports, 4, JSON.stringify(result));
      assert.ok(result.counts.error >= vscode.languages.getDiagnostics(draft).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length);
      const diagnostics = await diagnosticsWhen(other, (all) => all.length > 0);
      assert.ok(diagnostics.some((d) => ruleOf(d) === 'missing-number'));
      assert.equal(vscode.languages.getDiagnostics(workspaceFile('notes.md')).length, 0, 'a README-like note is not a report');
      // A Word draft's findings name the paragraph and quote its words; they sit in the read-only view of its text.
      const word = await diagnosticsWhen(wordView(workspaceFile('上年度述职报告.docx')), (all) => all.length > 0);
      assert.ok(word.some((d) => ruleOf(d) === 'missing-number' && /^第\d+段“[^”]*”：/.test(d.message)), JSON.stringify(word.map((d) => d.message)));
      assert.equal(vscode.languages.getDiagnostics(workspaceFile('上年度述职报告.docx')).length, 0, 'nothing is listed against the binary file');
    });

    it('names outline symbols by the heading sentence only', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', draft);
      // VS Code's own Markdown outline (the # title) is merged with ours.
      const first = symbols.find((symbol) => symbol.name.startsWith('一、'));
      assert.equal(first?.name, '一、主要做法及成效', JSON.stringify(symbols.map((symbol) => symbol.name)));
      assert.equal(first!.children[0].name, '（一）坚持以上率下，压紧压实党建责任');
    });

    it('checks a draft that was not recognised once the user says which report it is', async () => {
      const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: '一年来的几点体会\n\n投入资金万元，开展活动次。\n' });
      const editor = await vscode.window.showTextDocument(note);
      await vscode.commands.executeCommand('shuzhi.checkAsReport', { genre: '述职报告' });
      assert.ok(editor.document.getText().startsWith('---\nprofile: 述职报告\n---\n'));
      const diagnostics = await diagnosticsWhen(note.uri, (all) => all.some((d) => ruleOf(d) === 'required-section'));
      assert.ok(diagnostics.some((d) => ruleOf(d) === 'missing-number'));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('runs the command that shows the outline and jumps to the chosen heading', async () => {
      const editor = await vscode.window.showTextDocument(document);
      const end = new vscode.Position(document.lineCount - 1, 0);
      editor.selection = new vscode.Selection(end, end);
      let settled = false;
      const shown = Promise.resolve(vscode.commands.executeCommand('shuzhi.showOutline')).finally(() => (settled = true));
      // The quick pick opens once the server has answered: accept its first entry until the command
      // returns, waiting each time for the jump (a selection change) rather than for a fixed time.
      const deadline = Date.now() + 20000;
      while (!settled && Date.now() < deadline) {
        const jumped = new Promise<void>((resolve) => {
          const subscription = vscode.window.onDidChangeTextEditorSelection(() => {
            subscription.dispose();
            resolve();
          });
          setTimeout(() => {
            subscription.dispose();
            resolve();
          }, 250);
        });
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await Promise.race([shown, jumped]);
      }
      await shown;
      const line = vscode.window.activeTextEditor!.selection.active.line;
      assert.match(document.lineAt(line).text, /^一、主要做法/);
    });

    it('exports a draft to Word through the command', async () => {
      const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'final.docx');
      const written = await vscode.commands.executeCommand<vscode.Uri>('shuzhi.exportDocx', workspaceFile('report-final.md'), { target: target.fsPath });
      assert.equal(written?.fsPath, target.fsPath);
      const files = unzipSync(await vscode.workspace.fs.readFile(target));
      assert.ok(files['word/document.xml'], 'the file opens as a zip with word/document.xml');
      assert.match(strFromU8(files['word/document.xml']), /县委书记抓基层党建工作述职报告/);
      const contributed = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus;
      assert.ok(contributed['editor/title'].some((item: { command: string }) => item.command === 'shuzhi.exportDocx'));
      assert.ok(contributed['editor/context'].some((item: { command: string }) => item.command === 'shuzhi.exportDocx'));
    });

    it('after an export in a remote or web window, reveals the file for 下载… instead of sending the window to it', async function () {
      // Only a runner that drives the browser can press the notification's button (the desktop runner cannot).
      if (!process.env.SHUZHI_UI_SIGNALS) this.skip();
      assert.ok(vscode.env.remoteName !== undefined || vscode.env.uiKind === vscode.UIKind.Web, 'this window is remote or in the browser');
      const target = workspaceFile('report-final.docx');
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
      const written = await vscode.commands.executeCommand<vscode.Uri>('shuzhi.exportDocx', workspaceFile('report-final.md'));
      assert.equal(written?.fsPath, target.fsPath);
      const pressed = await askRunner<ButtonPressed>('reveal-export', { click: '在资源管理器中显示' });
      assert.ok(pressed && !pressed.error, pressed?.error ?? 'the runner answered');
      assert.match(pressed.message, /report-final\.docx.*下载/);
      assert.equal(pressed.urlAfter, pressed.urlBefore, 'the workbench stays where it was');
      assert.deepEqual(pressed.explorerSelection.map((row) => row.trim()), ['report-final.docx']);
      assert.ok(vscode.window.activeTextEditor, 'the editor is still there');
    });

    it('finds every command by typing 述职报告 in the command palette of the English display language', async function () {
      if (!process.env.SHUZHI_UI_SIGNALS) this.skip();
      assert.equal(vscode.env.language, 'en');
      await vscode.window.showTextDocument(document);
      const found = await askRunner<{ labels: string[] }>('palette', { palette: '述职报告' });
      // The manifest as VS Code loaded it, titles already in the display language.
      const commands = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as Array<{ title: string }>;
      assert.equal(commands.length, 9);
      for (const { title } of commands) {
        assert.ok(found?.labels.some((label) => label === `述职报告 Duty Report: ${title}`), `“${title}” among ${JSON.stringify(found?.labels)}`);
      }
    });

    it('exports an unsaved new draft under its report title', async () => {
      const settings = vscode.workspace.getConfiguration('shuzhi');
      await settings.update('export.folder', 'exports', vscode.ConfigurationTarget.Workspace);
      try {
        const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('report-final.md'))) });
        await vscode.window.showTextDocument(untitled);
        const written = await vscode.commands.executeCommand<vscode.Uri>('shuzhi.exportDocx', untitled.uri, { overwrite: true });
        assert.equal(written?.path.split('/').pop(), '2024年度县委书记抓基层党建工作述职报告.docx');
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      } finally {
        await settings.update('export.folder', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('imports a Word file into a Markdown draft beside it and opens it with its findings', async () => {
      const source = workspaceFile('上年度述职报告.docx');
      const written = await vscode.commands.executeCommand<vscode.Uri>('shuzhi.importDocx', source);
      assert.equal(written?.fsPath, workspaceFile('上年度述职报告.md').fsPath);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(written!));
      assert.match(text, /^---\ntitle: 2024年度XX镇党委书记抓基层党建工作述职报告\n/);
      assert.match(text, /讲授专题党课次/, 'the unfinished sentence of the Word file is there to be flagged');
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, written!.fsPath, 'the draft is opened');
      await diagnosticsWhen(written!, (all) => all.some((diagnostic) => ruleOf(diagnostic) === 'missing-number'));
      const contributed = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.menus;
      assert.ok(contributed['explorer/context'].some((item: { command: string; when: string }) => item.command === 'shuzhi.importDocx' && item.when.includes('docx')));
    });

    it('starts a report: 述职报告：新建报告 lists genres by how common they are and opens a checked draft with its skeleton', async function () {
      if (!process.env.SHUZHI_UI_SIGNALS) this.skip();
      await vscode.commands.executeCommand('notifications.clearAll');
      const started = Promise.resolve(vscode.commands.executeCommand<vscode.Uri>('shuzhi.newReport'));
      const listed = await askRunner<{ labels: string[] }>('new-report', { read: '.quick-input-widget .monaco-list-row', picture: true });
      const labels = listed?.labels ?? [];
      assert.match(labels[0] ?? '', /^述职报告/, JSON.stringify(labels));
      assert.deepEqual(['年度工作总结', '述责述廉报告', '对照检查材料', '述法报告'].map((genre) => labels.findIndex((label) => label.startsWith(genre))), [2, 3, 4, 5], JSON.stringify(labels));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const uri = await started;
      assert.equal(uri?.scheme, 'untitled');
      const draft = vscode.window.activeTextEditor!.document;
      assert.equal(draft.languageId, 'markdown');
      assert.ok(draft.getText().startsWith('20XX年度XX职务述职报告\n'));
      // Checking is on at once: the blanks of the skeleton are flagged, and nothing else.
      const diagnostics = await diagnosticsWhen(draft.uri, (all) => all.length >= 3);
      assert.deepEqual([...new Set(diagnostics.map(ruleOf))], ['placeholder']);
      await picture('new-report-draft');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('exports each genre\'s new draft, unedited, to a Word file with a signature block', async () => {
      const folder = vscode.workspace.workspaceFolders![0].uri;
      const today = new Date();
      const dated = `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日`;
      for (const genre of ['述职报告', '年度工作总结', '述责述廉报告', '对照检查材料', '述法报告']) {
        const uri = await vscode.commands.executeCommand<vscode.Uri>('shuzhi.newReport', { genre });
        const draft = vscode.window.activeTextEditor!.document;
        assert.equal(draft.uri.toString(), uri!.toString());
        const target = vscode.Uri.joinPath(folder, `skeleton-${genre}.docx`);
        await vscode.commands.executeCommand('shuzhi.exportDocx', uri, { target: target.fsPath, ignoreUnfinished: true });
        const xml = strFromU8(unzipSync(await vscode.workspace.fs.readFile(target))['word/document.xml']);
        const signed = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Signature"\/>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((paragraph) => paragraph[0].replace(/<[^>]+>/g, ''));
        assert.equal(signed.length, 2, `${genre}: ${JSON.stringify(signed)}`);
        assert.equal(signed[1], dated, genre);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.workspace.fs.delete(target);
      }
    });

    it('offers the skeleton and 二是 while typing, without Ctrl+Space (quick suggestions on for Markdown)', async function () {
      const quick = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).get<Record<string, string>>('quickSuggestions');
      assert.equal(quick?.other, 'on');
      if (!process.env.SHUZHI_UI_SIGNALS) this.skip();
      await vscode.commands.executeCommand('notifications.clearAll');
      const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      await vscode.window.showTextDocument(untitled);
      const skeleton = await askRunner<{ labels: string[] }>('type-szbg', { type: 'szbg', read: '.suggest-widget.visible .monaco-list-row', escape: true });
      assert.ok(skeleton?.labels.some((label) => label.includes('述职报告（全文框架）')), JSON.stringify(skeleton?.labels));
      await setText(untitled, '2024年度述职报告\n\n一、主要做法\n\n');
      const editor = vscode.window.activeTextEditor!;
      const end = untitled.lineAt(untitled.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      const next = await askRunner<{ labels: string[] }>('type-erShi', { type: '一是加强学习；二', read: '.suggest-widget.visible .monaco-list-row', escape: true });
      assert.ok(next?.labels.some((label) => label.startsWith('二是')), JSON.stringify(next?.labels));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('checks no page of its own, and outside the workspace only files that name themselves reports', async () => {
      const page = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'docs', 'rules', 'placeholder.md');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page));
      const outside = vscode.Uri.file(join(tmpdir(), `shuzhi-outside-${Date.now()}`));
      const note = vscode.Uri.joinPath(outside, '笔记.md');
      const report = vscode.Uri.joinPath(outside, '述职报告.md');
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('学习笔记\n\n一、几点做法\n\n投入资金万元，开展活动X次。\n\n二、几点体会\n\n收获很大。\n'));
      await vscode.workspace.fs.writeFile(report, new TextEncoder().encode('2024年度县委书记述职报告\n\n一、主要做法\n\n投入资金万元。\n'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(note));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
      // The report outside is checked; by then the two before it were answered too.
      await diagnosticsWhen(report, (all) => all.some((d) => ruleOf(d) === 'missing-number'));
      await vscode.commands.executeCommand('shuzhi.restartServer');
      await diagnosticsWhen(report, (all) => all.some((d) => ruleOf(d) === 'missing-number'));
      assert.deepEqual(vscode.languages.getDiagnostics(page), [], 'the rule page opened from a finding is not a draft');
      assert.deepEqual(vscode.languages.getDiagnostics(note), [], 'a note outside the workspace that names no genre is left alone');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('names the rule in Chinese beside its id, and shows what differs when it cannot be seen', async () => {
      const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '2024年度述职报告\n\n一、主要做法\n\n（二） 加强理论学习。\n\n全年投入资金  万元，培训党员1O名，于2024年3月日召开会议。\n' });
      const diagnostics = await diagnosticsWhen(untitled.uri, (all) => all.some((d) => ruleOf(d) === 'ordinal-style'));
      const ordinal = diagnostics.find((d) => ruleOf(d) === 'ordinal-style')!;
      assert.match(ordinal.message, /“（二）”后多了空格/);
      assert.equal(ordinal.source, 'shuzhi·序号格式');
      const gapLine = 6;
      const onGapLine = diagnostics.filter((d) => d.range.start.line === gapLine && ruleOf(d) !== 'signature').map((d) => `${ruleOf(d)}:${untitled.getText(d.range)}`);
      assert.deepEqual(onGapLine, ['missing-number: ', 'missing-number:1O', 'missing-number:日'], 'one finding for the gap, none for its spaces');
      assert.ok(diagnostics.filter((d) => d.range.start.line === gapLine && /数字不完整或有误/.test(d.message)).length === 2);
      await vscode.window.showTextDocument(untitled);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('ignores one finding with a quick fix that survives edits around it, and takes it back', async () => {
      const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '2024年度县委书记述职报告\n\n一、主要做法\n\n全年为群众办实事X件，新建党群服务中心X个。全县统筹布署。\n' });
      const editor = await vscode.window.showTextDocument(untitled);
      const placeholders = (all: vscode.Diagnostic[]) => all.filter((d) => ruleOf(d) === 'placeholder' && d.range.start.line === 4);
      const [first] = placeholders(await diagnosticsWhen(untitled.uri, (all) => placeholders(all).length === 2));
      editor.selection = new vscode.Selection(first.range.start, first.range.start);
      if (process.env.SHUZHI_SCREENSHOTS) {
        await vscode.commands.executeCommand('editor.action.quickFix');
        await picture('ignore-fix', true);
      }
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', untitled.uri, first.range, vscode.CodeActionKind.QuickFix.value);
      const ignore = actions.find((action) => action.title.startsWith('忽略这一处“占位符”问题'))!;
      assert.ok(ignore?.command, actions.map((action) => action.title).join(' | '));
      await vscode.commands.executeCommand(ignore.command!.command, ...(ignore.command!.arguments ?? []));
      // The other blank on the same line is still flagged (在这一行停用 would hide it too).
      await diagnosticsWhen(untitled.uri, (all) => placeholders(all).length === 1 && untitled.getText(placeholders(all)[0].range) === 'X' && placeholders(all)[0].range.start.character > first.range.start.character);
      const recorded = vscode.workspace.getConfiguration('shuzhi').inspect<unknown[]>('ignore')?.workspaceValue;
      assert.deepEqual(recorded, [{ rule: 'placeholder', text: 'X', before: '全年为群众办实事', after: '件，新建党群服务中心' }]);
      // An edit elsewhere keeps it ignored.
      await editor.edit((edit) => edit.insert(new vscode.Position(2, 6), '及成效'));
      await diagnosticsWhen(untitled.uri, (all) => all.some((d) => d.range.start.line === 2) || placeholders(all).length === 1);
      assert.equal(placeholders(vscode.languages.getDiagnostics(untitled.uri)).length, 1);
      // 加入允许词语 for a wording rule's words.
      const typo = await diagnosticsWhen(untitled.uri, (all) => all.some((d) => ruleOf(d) === 'fixed-phrase'));
      const wording = typo.find((d) => ruleOf(d) === 'fixed-phrase')!;
      const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', untitled.uri, wording.range, vscode.CodeActionKind.QuickFix.value);
      const allow = offered.find((action) => action.title === '将“布署”加入允许词语（不再提示）')!;
      assert.ok(allow, offered.map((action) => action.title).join(' | '));
      await vscode.commands.executeCommand(allow.command!.command, ...(allow.command!.arguments ?? []));
      await diagnosticsWhen(untitled.uri, (all) => !all.some((d) => ruleOf(d) === 'fixed-phrase'));
      assert.deepEqual(vscode.workspace.getConfiguration('shuzhi').inspect<unknown[]>('allow')?.workspaceValue, ['布署']);
      // Undone, the word is reported again; undone once more, so is the ignored blank.
      assert.ok(await vscode.commands.executeCommand('shuzhi.undoIgnore'));
      await diagnosticsWhen(untitled.uri, (all) => all.some((d) => ruleOf(d) === 'fixed-phrase'));
      await vscode.workspace.getConfiguration('shuzhi').update('ignore', undefined, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(untitled.uri, (all) => placeholders(all).length === 2);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('lists each problem once after an export, and opens a Word finding at its paragraph in a read-only view', async () => {
      const exported = workspaceFile('report-draft.docx');
      await vscode.commands.executeCommand('shuzhi.exportDocx', draft, { target: exported.fsPath, ignoreUnfinished: true });
      // A Word file that is no draft's twin: a copy under a name of its own.
      const word = workspaceFile('别人的述职报告.docx');
      await vscode.workspace.fs.copy(workspaceFile('上年度述职报告.docx'), word, { overwrite: true });
      await vscode.commands.executeCommand('shuzhi.checkWorkspace');
      assert.deepEqual(vscode.languages.getDiagnostics(exported), []);
      assert.deepEqual(vscode.languages.getDiagnostics(wordView(exported)), [], 'the export of the draft is the draft again');
      // Imported by an earlier test, 上年度述职报告.docx is now the twin of 上年度述职报告.md: its earlier findings are gone.
      assert.deepEqual(vscode.languages.getDiagnostics(wordView(workspaceFile('上年度述职报告.docx'))), []);
      const view = wordView(word);
      const [finding] = await diagnosticsWhen(view, (all) => all.some((d) => ruleOf(d) === 'missing-number'));
      await vscode.commands.executeCommand('vscode.open', view, { selection: finding.range });
      const shown = vscode.window.activeTextEditor!;
      assert.equal(shown.document.uri.toString(), view.toString());
      const quoted = /^第\d+段“([^”]*)”/.exec(finding.message)![1];
      assert.ok(shown.document.lineAt(finding.range.start.line).text.includes(quoted), `${quoted} on line ${finding.range.start.line}`);
      assert.equal(shown.selection.start.line, finding.range.start.line, 'opened at that paragraph');
      if (process.env.SHUZHI_UI_SIGNALS) {
        // Typed into as a user types: the text stays as the Word file has it.
        const before = shown.document.getText();
        await askRunner('type-into-word-view', { type: '改' });
        assert.equal(shown.document.getText(), before, 'the view is read-only');
      }
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(exported);
      await vscode.workspace.fs.delete(word);
    });

    it('finds every setting by searching 述职报告助手 in the settings editor', async function () {
      if (!process.env.SHUZHI_UI_SIGNALS) this.skip();
      await vscode.commands.executeCommand('workbench.action.openSettings', '述职报告助手');
      const count = await askRunner<{ labels: string[] }>('settings-search', { read: '.settings-editor .settings-count-widget' });
      const contributed = Object.keys(vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties).length;
      const found = Number(/(\d+)/.exec(count?.labels.join(' ') ?? '')?.[1] ?? 0);
      assert.ok(found >= contributed, `${JSON.stringify(count?.labels)} for ${contributed} settings`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('colours 一是 and 二是 in a colour that does not read as an error', async function () {
      if (!process.env.SHUZHI_UI_SIGNALS) this.skip();
      const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '2024年度述职报告\n\n一是加强学习，二是改进作风。\n' });
      await vscode.window.showTextDocument(untitled);
      const painted = await askRunner<{ color?: string }>('token-colour', { tokenColor: '一是' });
      const [red, green, blue] = (/rgb\((\d+), (\d+), (\d+)\)/.exec(painted?.color ?? '') ?? []).slice(1).map(Number);
      assert.ok(red !== undefined, `a colour was read: ${painted?.color}`);
      assert.ok(!(red > 1.4 * green && red > 1.4 * blue), `一是 is painted ${painted?.color}, a red`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('shows the example with its findings, a quick fix and a completion (pictures when asked)', async () => {
      await setText(document, original);
      await document.save();
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      await diagnosticsWhen(draft, (all) => all.length >= 15);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await vscode.window.showTextDocument(document, { preserveFocus: false });
      editor.revealRange(new vscode.Range(4, 0, 4, 0), vscode.TextEditorRevealType.AtTop);
      if (!process.env.SHUZHI_SCREENSHOTS) return;
      await picture('vscode');

      // The lightbulb on a misnumbered heading (1、 → 1.).
      const ordinal = vscode.languages.getDiagnostics(draft).find((d) => ruleOf(d) === 'ordinal-style')!;
      editor.selection = new vscode.Selection(ordinal.range.start, ordinal.range.start);
      editor.revealRange(ordinal.range, vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await picture('quick-fix', true);

      // 二是 offered after a clause that began with 一是.
      const end = document.lineAt(document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, '\n\n一是加强理论学习，坚持读原著学原文；'));
      const typed = document.lineAt(document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(typed, typed);
      editor.revealRange(new vscode.Range(typed, typed), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await picture('completion', true);
      await setText(document, original);
      await document.save();
    });
  });
}

/** What the runner reports after pressing a notification button. */
interface ButtonPressed {
  error?: string;
  message: string;
  urlBefore: string;
  urlAfter: string;
  explorerSelection: string[];
}

/** Asks the runner (the browser's driver) for what the vscode API cannot do, and waits for its answer. */
export async function askRunner<Answer>(
  name: string, request: { picture?: boolean; escape?: boolean; click?: string; palette?: string; pageViewClick?: string; type?: string; read?: string; tokenColor?: string },
): Promise<Answer | undefined> {
  const signals = process.env.SHUZHI_UI_SIGNALS;
  if (!signals) return undefined;
  writeFileSync(join(signals, `${name}.ready`), JSON.stringify(request));
  const done = join(signals, `${name}.done`);
  const deadline = Date.now() + 60000;
  while (!existsSync(done) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  return existsSync(done) ? (JSON.parse(readFileSync(done, 'utf8')) as Answer) : undefined;
}

/** A picture of the window when pictures were asked for (Escape pressed after when asked). */
export async function picture(name: string, escape = false): Promise<void> {
  if (process.env.SHUZHI_SCREENSHOTS) await askRunner(name, { picture: true, escape });
}
