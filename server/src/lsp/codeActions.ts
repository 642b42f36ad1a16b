/** Quick fixes, fix-all and "disable" actions for a document's findings: a pure function of the check. */
import { type CodeAction, CodeActionKind, type CodeActionContext, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, minimalEdit } from '../core/engine/fix';
import { ignoreEntry } from '../core/engine/ignore';
import { RULES } from '../core/rules/index';
import type { Finding } from '../core/engine/types';
import type { LintConfig, LintResult } from '../core/engine/lint';
import { findingFor, isOurs, RULE_NAMES, toEdits, toRange } from './convert';
import { disableActions, fileCommentOffset } from './disable';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shuzhi`;

/** The text with every fix of a rule (or of all rules) applied, computed where the server chooses (a worker). */
export type Fixer = (text: string, config: LintConfig, onlyRule?: string) => Promise<string | undefined>;

const fixOnTheSpot: Fixer = async (text, config, onlyRule) => fixAll(text, config, onlyRule).text;

/** Commands the VS Code client runs: they write to the workspace settings, which an LSP edit cannot do. */
export const IGNORE_COMMAND = 'shuzhi.ignoreFinding';
export const ALLOW_COMMAND = 'shuzhi.allowWord';

const ALLOWABLE_RULES = new Set(RULES.filter((rule) => rule.meta.allowable).map((rule) => rule.meta.id));
/** Words worth allowing everywhere: two or more characters, no blank or punctuation (never “，” or a space). */
const ALLOWABLE_WORD = /^[^\s\p{P}]{2,20}$/u;

/** `clientCommands`: the client runs IGNORE_COMMAND and ALLOW_COMMAND (the VS Code extension does). */
export async function codeActions(
  document: TextDocument, result: LintResult, context: CodeActionContext, config: LintConfig, fixer: Fixer = fixOnTheSpot, clientCommands = false,
): Promise<CodeAction[]> {
  const only = context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  const edit = (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [document.uri]: edits } });
  // Each fix-all is run once per request, however many diagnostics of its rule the request names.
  const fixed = new Map<string, Promise<TextEdit[]>>();
  const fixedEdits = (onlyRule?: string) => {
    const key = onlyRule ?? '';
    if (!fixed.has(key)) fixed.set(key, editsTo(document, fixer(document.getText(), config, onlyRule)));
    return fixed.get(key)!;
  };
  const frontMatter = result.model.frontMatterRange;
  const fileOffset = fileCommentOffset(document.getText(), frontMatter?.end);

  if (wants(CodeActionKind.QuickFix)) {
    // Two findings of one rule on a line need one pair of "disable" actions, not two.
    const disabledOffered = new Set<string>();
    let fixableHere: typeof context.diagnostics[number] | undefined;
    for (const diagnostic of context.diagnostics) {
      // Only rule findings: the config-file diagnostic has nothing to fix or disable.
      if (!isOurs(diagnostic) || typeof diagnostic.code !== 'string' || !RULE_NAMES.has(diagnostic.code)) continue;
      const name = RULE_NAMES.get(diagnostic.code)!;
      const finding = findingFor(result.findings, document, diagnostic);
      const fix = finding?.fix;
      if (fix) {
        fixableHere ??= diagnostic;
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(toEdits(document, fix)) });
        const sameRule = result.findings.filter((other) => other.rule === diagnostic.code && other.fix).length;
        if (sameRule > 1) {
          actions.push({
            title: `修复本文中所有“${name}”问题（${sameRule} 处）`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: edit(await fixedEdits(diagnostic.code)),
          });
        }
      }
      if (clientCommands && finding) actions.push(...ignoreActions(document, finding, name, diagnostic));
      const key = `${diagnostic.code}:${diagnostic.range.start.line}`;
      if (disabledOffered.has(key)) continue;
      disabledOffered.add(key);
      const inFrontMatter = frontMatter !== undefined && document.offsetAt(diagnostic.range.start) < frontMatter.end;
      actions.push(...disableActions(document, diagnostic.code, name, diagnostic.range.start.line, diagnostic, fileOffset, !inFrontMatter));
    }
    // Fix-all in the lightbulb too, not only under Source Action…, when more than one rule has fixes to make.
    const fixable = result.findings.filter((finding) => finding.fix);
    if (fixableHere && new Set(fixable.map((finding) => finding.rule)).size > 1) {
      actions.push({ title: `修复本文所有可自动修复的问题（${fixable.length} 处）`, kind: CodeActionKind.QuickFix, diagnostics: [fixableHere], edit: edit(await fixedEdits()) });
    }
  }
  // Fixes that touch each other (renumbering and the ordinal's style) need a second pass: the engine repeats until done.
  if (wants(FIX_ALL_KIND) && result.findings.some((finding) => finding.fix)) {
    actions.push({ title: '修复所有可自动修复的述职报告问题', kind: FIX_ALL_KIND, edit: edit(await fixedEdits()) });
  }
  return actions;
}

/** 忽略这一处 for every finding; 加入允许词语 for the words a wording rule flagged. */
function ignoreActions(document: TextDocument, finding: Finding, name: string, diagnostic: Diagnostic): CodeAction[] {
  const entry = ignoreEntry(document.getText(), finding);
  const actions: CodeAction[] = [{
    title: `忽略这一处“${name}”问题（记入工作区设置，可撤销）`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: '忽略这一处', command: IGNORE_COMMAND, arguments: [{ uri: document.uri, entry }] },
  }];
  if (ALLOWABLE_RULES.has(finding.rule) && ALLOWABLE_WORD.test(entry.text)) {
    actions.push({
      title: `将“${entry.text}”加入允许词语（不再提示）`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: '加入允许词语', command: ALLOW_COMMAND, arguments: [{ uri: document.uri, word: entry.text }] },
    });
  }
  return actions;
}

/** Every fix of a rule (or of all rules), run to the end by the core's fix engine, as one edit of the text that changed. */
async function editsTo(document: TextDocument, fixing: Promise<string | undefined>): Promise<TextEdit[]> {
  const before = document.getText();
  const after = await fixing;
  const edit = after === undefined ? undefined : minimalEdit(before, after);
  return edit ? [{ range: toRange(document, edit.start, edit.end), newText: edit.newText }] : [];
}
