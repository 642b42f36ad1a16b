/**
 * 忽略这一处 and 加入允许词语: the quick fixes write the occurrence or the word to the settings
 * (shuzhi.ignore, shuzhi.allow) of the draft's workspace folder, like a spelling checker's dictionary, and
 * offer to take it back at once; 述职报告：撤销上一次忽略 takes it back later.
 */
import { commands, ConfigurationTarget, type Disposable, Uri, window, workspace } from 'vscode';
import { type IgnoredFinding, sameEntry } from '../../server/src/core/engine/ignore';

interface Recorded {
  uri: Uri;
  key: 'ignore' | 'allow';
  remove: (value: unknown) => boolean;
  what: string;
}

let last: Recorded | undefined;

/** The settings level a draft's entries go to: its workspace folder, else the workspace, else the user's. */
function targetFor(uri: Uri): { target: ConfigurationTarget; where: string } {
  if (workspace.getWorkspaceFolder(uri)) return { target: ConfigurationTarget.WorkspaceFolder, where: '工作区文件夹设置' };
  if (workspace.workspaceFolders?.length) return { target: ConfigurationTarget.Workspace, where: '工作区设置' };
  return { target: ConfigurationTarget.Global, where: '用户设置' };
}

function valueAt(uri: Uri, key: string, target: ConfigurationTarget): unknown[] {
  const inspected = workspace.getConfiguration('shuzhi', uri).inspect<unknown[]>(key);
  const value = target === ConfigurationTarget.WorkspaceFolder ? inspected?.workspaceFolderValue
    : target === ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  return Array.isArray(value) ? value : [];
}

async function record(uri: Uri, key: 'ignore' | 'allow', value: unknown, same: (other: unknown) => boolean, what: string): Promise<void> {
  const { target, where } = targetFor(uri);
  const current = valueAt(uri, key, target);
  if (!current.some(same)) await workspace.getConfiguration('shuzhi', uri).update(key, [...current, value], target);
  last = { uri, key, remove: same, what };
  // Not awaited: the quick fix is done once the setting is written, whether or not the message is answered.
  void window.showInformationMessage(`已${what}（记在${where}的 shuzhi.${key} 中）。`, '撤销').then((choice) => (choice === '撤销' ? undo() : undefined));
}

/** Takes the last recorded occurrence or word out of the settings again. */
async function undo(): Promise<boolean> {
  const recorded = last;
  if (!recorded) {
    void window.showInformationMessage('没有可以撤销的忽略。');
    return false;
  }
  last = undefined;
  const { target } = targetFor(recorded.uri);
  const current = valueAt(recorded.uri, recorded.key, target);
  const kept = current.filter((value) => !recorded.remove(value));
  await workspace.getConfiguration('shuzhi', recorded.uri).update(recorded.key, kept.length > 0 ? kept : undefined, target);
  window.setStatusBarMessage(`述职报告助手：已撤销“${recorded.what}”`, 3000);
  return true;
}

export function ignoreCommands(): Disposable[] {
  return [
    commands.registerCommand('shuzhi.ignoreFinding', ({ uri, entry }: { uri: string; entry: IgnoredFinding }) =>
      record(Uri.parse(uri), 'ignore', entry, (other) => typeof other === 'object' && other !== null && sameEntry(other as IgnoredFinding, entry), `忽略这一处“${entry.text}”`)),
    commands.registerCommand('shuzhi.allowWord', ({ uri, word }: { uri: string; word: string }) =>
      record(Uri.parse(uri), 'allow', word, (other) => other === word, `将“${word}”加入允许词语`)),
    commands.registerCommand('shuzhi.undoIgnore', undo),
  ];
}
