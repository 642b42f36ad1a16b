/** 述职报告：新建报告 — choose a genre, get an unsaved Markdown draft with its skeleton, checked as you type. */
import { SnippetString, type Uri, window, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { GENRES_REQUEST } from '../../server/src/protocol';
// Bundled, so the Node and browser builds read it alike.
import shipped from '../../snippets/skeletons.json';

/** For tasks, keybindings and tests: skip the question. */
export interface NewReportArguments {
  genre?: string;
  /** The skeleton's name without （全文框架）, when a genre has more than one (抓基层党建工作述职报告). */
  skeleton?: string;
}

const SKELETON_SUFFIX = '（全文框架）';
/** The date the skeletons end with, for a genre of the user's own that has no skeleton. */
const SIGNATURE_DATE = '${CURRENT_YEAR}年${CURRENT_MONTH/^0//}月${CURRENT_DATE/^0//}日';

interface Skeleton {
  name: string;
  body: string[];
}

interface Choice {
  label: string;
  description: string;
  genre: string;
  skeleton?: Skeleton;
}

/** The shipped skeletons of a genre: its own first, then the narrower ones (述职报告, then 抓基层党建工作述职报告). */
function skeletonsOf(all: readonly Skeleton[], genre: string): Skeleton[] {
  return all.filter((skeleton) => skeleton.name.endsWith(`${genre}${SKELETON_SUFFIX}`))
    .sort((a, b) => a.name.length - b.name.length);
}

export async function newReport(client: BaseLanguageClient | undefined, chosen: NewReportArguments = {}): Promise<Uri | undefined> {
  const skeletons = Object.entries(shipped as Record<string, { body: string[] }>).map(([name, snippet]) => ({ name, body: snippet.body }));
  const folder = workspace.workspaceFolders?.[0]?.uri.toString();
  // Genres by how common they are, with the user's own (.shuzhirc.json) first; without the server, the shipped ones.
  const genres = client && folder ? await client.sendRequest<string[]>(GENRES_REQUEST, { uri: `${folder}/新建报告.md` }) : undefined;
  const choices: Choice[] = (genres ?? ['述职报告', '年度工作总结', '述责述廉报告', '对照检查材料', '述法报告']).flatMap((genre) => {
    const own = skeletonsOf(skeletons, genre);
    return own.length > 0
      ? own.map<Choice>((skeleton) => ({ label: skeleton.name.slice(0, -SKELETON_SUFFIX.length), description: skeleton.name === `${genre}${SKELETON_SUFFIX}` ? '' : genre, genre, skeleton }))
      : [{ label: genre, description: '只有标题和署名', genre }];
  });
  const picked = chosen.genre
    ? choices.find((choice) => choice.genre === chosen.genre && (!chosen.skeleton || choice.label === chosen.skeleton))
    : await window.showQuickPick(choices, { title: '新建报告', placeHolder: '选择文种：新文稿带有这一文种的全文框架（按 Tab 依次填写）' });
  if (!picked) return undefined;
  const body = picked.skeleton
    ? picked.skeleton.body.join('\n')
    : `---\nprofile: ${picked.genre}\n---\n\n\${1:20XX}年度\${2:XX}${picked.genre}\n\n\${3:【请填写正文】}\n\n\${4:XX职务　XX}\n${SIGNATURE_DATE}$0`;
  const document = await workspace.openTextDocument({ language: 'markdown' });
  const editor = await window.showTextDocument(document);
  await editor.insertSnippet(new SnippetString(body));
  return document.uri;
}
