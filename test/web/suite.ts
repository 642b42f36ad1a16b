/**
 * The integration suite for VS Code in a browser: run by test/web/run.ts in a real workbench, once with only
 * the browser entry (a web worker extension host) and once with only the Node entry, so the two builds are
 * held to the same checks and timed the same way. Bundled for a web worker (no Node API, no mocha): the
 * results go to a file in the workspace through the editor's file system, where the runner reads them.
 */
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';

const EXTENSION_ID = 'shuzhi.shuzhi';

/** What the runner put in the workspace: the host it expects and the CLI's findings on the example draft. */
interface Expected {
  host: 'browser' | 'node';
  findings: Array<{ line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; message: string }>;
}

interface Outcome {
  passed: number;
  failed: number;
  failures: Array<{ title: string; error: string }>;
  metrics: Record<string, string | number>;
}

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const workspaceFile = (...path: string[]) => vscode.Uri.joinPath(folder(), ...path);

function fail(message: string): never {
  throw new Error(message);
}

function assertEqual<T>(actual: T, expected: T, what: string): void {
  const [a, e] = [JSON.stringify(actual, null, 1), JSON.stringify(expected, null, 1)];
  if (a !== e) fail(`${what}:\nactual   ${a}\nexpected ${e}`);
}

function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source?.startsWith('shuzhi'));

/** The diagnostics of `uri` once `accept` holds. */
function diagnosticsWhen(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 60000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      const diagnostics = ours(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`diagnostics for ${uri.toString()} did not arrive: ${JSON.stringify(ours(uri).map(ruleOf))}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) settle();
    });
    settle();
  });
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint,
};

/** A finding as both sides can state it: 0-based UTF-16 range, rule, severity, message. */
const fromCli = (finding: Expected['findings'][number]) =>
  [finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1, finding.rule, SEVERITY[finding.severity], finding.message].join('|');
const fromEditor = (diagnostic: vscode.Diagnostic) =>
  [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character, ruleOf(diagnostic), diagnostic.severity, diagnostic.message].join('|');

/** Milliseconds from opening a draft to its first diagnostics from shuzhi. */
async function timeToFirstDiagnostics(uri: vscode.Uri): Promise<number> {
  const start = performance.now();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await diagnosticsWhen(uri, (all) => all.length > 0);
  return Math.round(performance.now() - start);
}

export async function run(): Promise<void> {
  const expected = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('.shuzhi-web', 'expected.json')))) as Expected;
  const outcome: Outcome = { passed: 0, failed: 0, failures: [], metrics: {} };
  const draft = workspaceFile('report-draft.md');
  const tests: Array<[string, () => Promise<void>]> = [
    [`runs in the ${expected.host} extension host, with only that entry`, async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID) ?? fail('the extension is not there');
      const inWorker = typeof (globalThis as { process?: unknown }).process === 'undefined';
      assertEqual(inWorker ? 'browser' : 'node', expected.host, 'the host the suite runs in');
      assertEqual(extension.packageJSON[expected.host === 'browser' ? 'main' : 'browser'], undefined, 'the other entry');
    }],
    ['checks the example draft: first diagnostics after opening it', async () => {
      outcome.metrics[`${expected.host}: opening the example draft to its first diagnostics (ms, cold: activation and server start)`] = await timeToFirstDiagnostics(draft);
    }],
    ['reports exactly the findings shuzhi lint reports on the example draft, the dictionary\'s included', async () => {
      const cli = expected.findings.map(fromCli).sort();
      // The word-based findings come once the dictionary has loaded (after the first diagnostics).
      const diagnostics = await diagnosticsWhen(draft, (all) => all.length === cli.length && all.some((d) => ruleOf(d) === 'typo' || ruleOf(d) === 'duplicate-text') === expected.findings.some((f) => f.rule === 'typo' || f.rule === 'duplicate-text'))
        .catch(() => ours(draft));
      assertEqual(diagnostics.map(fromEditor).sort(), cli, 'the editor\'s findings against the CLI\'s');
      const link = diagnostics.find((d) => ruleOf(d) === 'missing-number')!.code as { target: vscode.Uri };
      if (!/docs\/rules\/missing-number\.md$/.test(link.target.toString())) fail(`the rule's page is linked: ${link.target.toString()}`);
    }],
    ['checks a second draft: first diagnostics after opening it, the server started and the dictionary loaded', async () => {
      outcome.metrics[`${expected.host}: opening a second draft to its first diagnostics (ms, warm)`] = await timeToFirstDiagnostics(workspaceFile('other-template.md'));
    }],
    ['applies a quick fix', async () => {
      const document = await vscode.workspace.openTextDocument(draft);
      await vscode.window.showTextDocument(document);
      const target = ours(draft).find((d) => ruleOf(d) === 'heading-sequence' && document.lineAt(d.range.start.line).text.startsWith('四、'))
        ?? fail(`no heading-sequence finding on 四、: ${JSON.stringify(ours(draft).map(fromEditor))}`);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft, target.range, vscode.CodeActionKind.QuickFix.value);
      const renumber = actions.find((action) => action.title.startsWith('将本组序号依次改为')) ?? fail(`no renumbering among ${actions.map((a) => a.title).join(' | ')}`);
      const line = target.range.start.line;
      if (!(await vscode.workspace.applyEdit(renumber.edit!))) fail('the edit applied');
      assertEqual(document.lineAt(line).text.slice(0, 2), '三、', 'the heading after the fix');
      await diagnosticsWhen(draft, (all) => !all.some((d) => ruleOf(d) === 'heading-sequence' && d.range.start.line === line));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }],
    ['offers 二是 after a clause that began with 一是', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '2024年度述职报告\n\n一、主要做法\n\n一是加强理论学习，坚持读原著学原文；' });
      await vscode.window.showTextDocument(document);
      await diagnosticsWhen(document.uri, () => true);
      const end = document.lineAt(document.lineCount - 1).range.end;
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end, '；');
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      if (!labels.some((label) => label.startsWith('二是'))) fail(`二是 among ${JSON.stringify(labels)}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }],
    ['reads .shuzhirc.json through the editor\'s file system', async () => {
      const sub = workspaceFile('configured');
      await vscode.workspace.fs.createDirectory(sub);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(sub, '.shuzhirc.json'), new TextEncoder().encode('{ "rules": { "placeholder": "off" } }'));
      const copy = vscode.Uri.joinPath(sub, 'report-draft.md');
      await vscode.workspace.fs.copy(draft, copy, { overwrite: true });
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy));
      const diagnostics = await diagnosticsWhen(copy, (all) => all.some((d) => ruleOf(d) === 'missing-number'));
      assertEqual(diagnostics.filter((d) => ruleOf(d) === 'placeholder').length, 0, 'placeholder findings under placeholder: off');
      if (!expected.findings.some((f) => f.rule === 'placeholder')) fail('the CLI found placeholders in the draft itself');
    }],
    ['exports a Word file through the editor\'s file system', async () => {
      const target = workspaceFile('browser-export.docx');
      const written = await vscode.commands.executeCommand<vscode.Uri>('shuzhi.exportDocx', workspaceFile('report-final.md'), { target: target.path, ignoreUnfinished: true, overwrite: true });
      assertEqual(written?.toString(), target.toString(), 'the file written');
      const files = unzipSync(await vscode.workspace.fs.readFile(target));
      if (!/县委书记抓基层党建工作述职报告/.test(strFromU8(files['word/document.xml'] ?? fail('word/document.xml in the file')))) fail('the title in the document');
    }],
    ['imports a Word file into a draft and opens it with its findings', async () => {
      const target = workspaceFile('imported.md');
      const written = await vscode.commands.executeCommand<vscode.Uri>('shuzhi.importDocx', workspaceFile('上年度述职报告.docx'), { target: target.path, overwrite: true });
      assertEqual(written?.toString(), target.toString(), 'the draft written');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      if (!/^---\ntitle: 2024年度XX镇党委书记抓基层党建工作述职报告\n/.test(text)) fail(`the title in front matter: ${text.slice(0, 120)}`);
      assertEqual(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the draft opened');
      await diagnosticsWhen(target, (all) => all.some((d) => ruleOf(d) === 'missing-number'));
    }],
  ];
  for (const [title, test] of tests) {
    try {
      await test();
      outcome.passed++;
    } catch (error) {
      outcome.failed++;
      outcome.failures.push({ title, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  }
  await vscode.workspace.fs.writeFile(workspaceFile('.shuzhi-web', 'results.json'), new TextEncoder().encode(JSON.stringify(outcome, null, 2)));
}
