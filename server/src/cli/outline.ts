/** `shuzhi outline`: how shuzhi reads a draft (genre, title, parts, chrome, headings, length), as text or JSON. */
import { dirname, resolve } from 'node:path';
import { ConfigFiles, mergeConfigs, type LoadedConfig } from '../config/config';
import { lint } from '../core/engine/lint';
import { DEFAULT_READING_SPEED, draftLength } from '../core/features/length';
import { type OutlineHeading, reportOutline, type ReportOutline } from '../core/features/outline';
import { decideScope } from '../core/reading/scope';
import { imageSizes } from '../export/assets';
import { decodeDraft, MAX_DRAFT_BYTES, readDraft } from '../io/files';
import type { Io } from './io';

export async function outlineCommand(
  draft: string, format: 'text' | 'json', profile: string | undefined, explicitConfig: LoadedConfig | undefined, io: Io,
): Promise<number> {
  const read = draft === '-' ? decodeDraft(await io.readStdin(MAX_DRAFT_BYTES), '<标准输入>') : await readDraft(resolve(io.cwd, draft), draft);
  if ('error' in read) {
    io.stderr(`${read.error}\n`);
    return 2;
  }
  if (read.notice) io.stderr(`${read.notice}\n`);
  const folder = draft === '-' ? io.cwd : dirname(resolve(io.cwd, draft));
  const loaded: LoadedConfig & { path?: string } = explicitConfig ?? new ConfigFiles().near(folder);
  if (loaded.error) io.stderr(`${loaded.error}\n`);
  const config = mergeConfigs(loaded.config, profile ? { profile } : undefined);
  const images = imageSizes(draft === '-' ? undefined : folder);
  const { findings, model } = lint(read.text, config, images);
  const measured = draftLength(model, config.readingSpeed ?? DEFAULT_READING_SPEED, images);
  const outline = reportOutline(model, decideScope(model, findings, explicitConfig !== undefined || loaded.path !== undefined), measured);
  io.stdout(format === 'json' ? `${JSON.stringify(outline, null, 2)}\n` : formatOutline(outline));
  return 0;
}

const GENRE_SOURCE: Record<string, string> = {
  frontMatter: '文首 profile:', config: '配置中的 profile', title: '标题', opening: '开头语', closing: '结束语', headings: '各部分标题',
};

/** 3,260: the way Word's 字数统计 writes counts. */
const grouped = (value: number) => value.toLocaleString('en-US');

function formatOutline(outline: ReportOutline): string {
  const lines: string[] = [];
  const at = (entry: { line: number; text: string } | null) => (entry ? `第${entry.line}行　${entry.text}` : '无');
  lines.push(`文种：${outline.genre ? `${outline.genre}（依据：${GENRE_SOURCE[outline.genreSource!]}）` : '未识别'}`);
  lines.push(`默认检查：${outline.checkedByDefault ? '是' : '否'}（${outline.scopeReason}）`);
  lines.push(`标题：${outline.title ? `第${outline.title.lines.join('、')}行　${outline.title.text}` : '无'}`);
  if (outline.subtitle) lines.push(`副标题：${at(outline.subtitle)}`);
  if (outline.addressee) lines.push(`主送机关：${at(outline.addressee)}`);
  lines.push(`称呼：${at(outline.salutation)}`);
  lines.push(`开头：${at(outline.opening)}`);
  lines.push(`结束语：${at(outline.closing)}`);
  const { signature } = outline;
  lines.push(`署名和日期：${signature ? `${[signature.name, signature.date].filter(Boolean).join('，').replace(/\n/g, ' ')}（${signature.source === 'body' ? `正文第${signature.lines.join('、')}行` : '文首信息'}）` : '无'}`);
  if (outline.toc) lines.push(`目录：第${outline.toc.first}–${outline.toc.last}行（不作为标题检查）`);
  lines.push(`网站残留：${outline.residue.length === 0 ? '无' : ''}`);
  for (const residue of outline.residue) lines.push(`  第${residue.line}行　${residue.text}（${residue.reason}）`);
  lines.push(`提纲：${outline.headings.length === 0 ? '无' : ''}`);
  const walk = (heading: OutlineHeading, depth: number) => {
    lines.push(`${'  '.repeat(depth + 1)}第${heading.line}行　${heading.ordinal ?? ''}${heading.title}（${grouped(heading.characters)} 字）`);
    heading.children.forEach((child) => walk(child, depth + 1));
  };
  outline.headings.forEach((heading) => walk(heading, 0));
  const { length } = outline;
  lines.push(`篇幅：${grouped(length.characters)} 字（按 Word 字数统计），${length.pages} 页（按导出版式），宣读约 ${length.minutes} 分钟`);
  for (const part of length.parts) lines.push(`  ${part.name}　${grouped(part.characters)} 字`);
  return `${lines.join('\n')}\n`;
}
