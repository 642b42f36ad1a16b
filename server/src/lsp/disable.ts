/** Code actions that write inline comments turning a rule off for one line or the whole file. */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Where a file-wide comment goes: after front matter, which must stay first. */
export function fileCommentOffset(text: string, frontMatterEnd: number | undefined): number {
  if (frontMatterEnd === undefined) return 0;
  const lineEnd = text.indexOf('\n', frontMatterEnd);
  return lineEnd === -1 ? text.length : lineEnd + 1;
}

/** `rule` goes into the comment; `name`, the rule's Chinese name, into the titles the user reads. */
export function disableActions(
  document: TextDocument, rule: string, name: string, line: number, diagnostic: Diagnostic, fileOffset: number, lineAllowed: boolean,
): CodeAction[] {
  const eol = document.getText().includes('\r\n') ? '\r\n' : '\n';
  const actions: CodeAction[] = [];
  if (lineAllowed) {
    const lineStart = { line, character: 0 };
    actions.push({
      title: `在这一行停用“${name}”检查`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [{ range: { start: lineStart, end: lineStart }, newText: `<!-- shuzhi-disable-next-line ${rule} -->${eol}` }] } },
    });
  }
  const at = document.positionAt(fileOffset);
  const needsBreak = fileOffset === document.getText().length && fileOffset > 0 && !document.getText().endsWith('\n');
  actions.push({
    title: `在本文件停用“${name}”检查`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: `${needsBreak ? eol : ''}<!-- shuzhi-disable ${rule} -->${eol}` }] } },
  });
  return actions;
}
