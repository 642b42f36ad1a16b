/** `shuzhi lint`: files, globs or standard input; --fix rewrites a draft in place, --fix-dry-run shows the change. */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { ConfigFiles, mergeConfigs, type LoadedConfig } from '../config/config';
import { fixAll } from '../core/engine/fix';
import { lint, type LintConfig } from '../core/engine/lint';
import { imageSizes } from '../export/assets';
import { decodeDraft, MAX_DRAFT_BYTES, readDraft, type ReadResult, readWordDraft, WORD_FILE, type WordReadResult, writeFixedDraft } from '../io/files';
import { loadLexiconSync } from '../lexicon/load';
import { type Io, profileProblem, unknownProfile } from './io';
import { type CheckedFile, formatText, toJson } from './report';

export interface LintOptions {
  format: 'text' | 'json';
  profile: string | undefined;
  fix: boolean;
  dryRun: boolean;
}

export async function lintCommand(patterns: string[], { format, profile, fix, dryRun }: LintOptions, explicitConfig: LoadedConfig | undefined, io: Io): Promise<number> {
  const inputs = await expandInputs(patterns, io.cwd);
  // The word-based checks (duplicate-text, typo) need the dictionary; a batch run waits for it once.
  loadLexiconSync();
  let exitCode = 0;
  const reportedConfigErrors = new Set<string>();
  const configs = new ConfigFiles();
  const results: CheckedFile[] = [];
  for (const input of inputs) {
    if ('missing' in input) {
      io.stderr(`${input.missing}：没有找到匹配的文件。\n`);
      exitCode = 2;
      continue;
    }
    // One file that cannot be read or checked is reported for itself; the others are still checked and printed.
    try {
      const word = input.path !== '-' && WORD_FILE.test(input.path);
      const read: ReadResult | WordReadResult = input.path === '-'
        ? decodeDraft(await io.readStdin(MAX_DRAFT_BYTES), '<标准输入>')
        : word ? await readWordDraft(resolve(io.cwd, input.path), input.path) : await readDraft(resolve(io.cwd, input.path), input.path);
      if ('error' in read) {
        io.stderr(`${read.error}\n`);
        exitCode = 2;
        continue;
      }
      if ('notice' in read && read.notice) io.stderr(`${read.notice}\n`);
      const folder = input.path === '-' ? io.cwd : dirname(resolve(io.cwd, input.path));
      const loaded = explicitConfig ?? configs.near(folder);
      if (loaded.error && !reportedConfigErrors.has(loaded.error)) {
        reportedConfigErrors.add(loaded.error);
        io.stderr(`${loaded.error}\n`);
      }
      if (unknownProfile(profile, loaded.config)) {
        io.stderr(profileProblem(profile!, loaded.config));
        exitCode = 2;
        continue;
      }
      const config: LintConfig = mergeConfigs(loaded.config, profile ? { profile } : undefined);
      const file = input.path === '-' ? '<标准输入>' : input.path;
      let text = read.text;
      if ((fix || dryRun) && 'paragraphOfLine' in read) {
        io.stderr(`${file}：Word 文稿不能自动修复，请在 Word 中修改，或先用 shuzhi import 转成 Markdown。\n`);
      } else if ((fix || dryRun) && !('paragraphOfLine' in read)) {
        const fixed = fixAll(read.text, config).text;
        if (fixed !== read.text) {
          if (dryRun) io.stdout(lineDiff(file, read.text, fixed));
          else if (input.path === '-' || read.notice) {
            // Standard input has nowhere to go back to; a GBK or UTF-16 file would come back in another encoding.
            io.stderr(`${file}：${input.path === '-' ? '标准输入' : '这个文件不是 UTF-8 编码'}，没有改动；可用 --fix-dry-run 查看修改。\n`);
          } else {
            const written = writeFixedDraft(resolve(io.cwd, input.path), file, fixed, read.bom === true, read.text);
            if (written) {
              io.stderr(`${written}\n`);
              exitCode = 2;
              continue;
            }
            io.stderr(`${file}：已自动修复。\n`);
            text = fixed;
          }
        }
      }
      const { findings, notes } = lint(text, config, imageSizes(input.path === '-' ? undefined : folder));
      for (const note of notes ?? []) io.stderr(`${file}：${note}。\n`);
      results.push({ file, text, findings, ...('paragraphOfLine' in read ? { paragraphOfLine: read.paragraphOfLine } : {}) });
      if (findings.some((finding) => finding.severity === 'error') && exitCode === 0) exitCode = 1;
    } catch (error) {
      io.stderr(`${input.path === '-' ? '<标准输入>' : input.path}：${fileFailure(error)}\n`);
      exitCode = 2;
    }
  }

  if (format === 'json') io.stdout(`${JSON.stringify(results.flatMap(toJson), null, 2)}\n`);
  else if (results.length > 0) io.stdout(formatText(results));
  else io.stderr('没有检查任何文稿。\n');
  return exitCode;
}

/** The lines a fix changes, as `-` and `+` pairs with line numbers: enough to review before --fix. */
function lineDiff(file: string, before: string, after: string): string {
  const old = before.split(/\r\n?|\n/);
  const fresh = after.split(/\r\n?|\n/);
  let start = 0;
  while (start < old.length && start < fresh.length && old[start] === fresh[start]) start++;
  let end = 0;
  while (end < old.length - start && end < fresh.length - start && old[old.length - 1 - end] === fresh[fresh.length - 1 - end]) end++;
  const removed = old.slice(start, old.length - end).map((line) => `-${line}`);
  const added = fresh.slice(start, fresh.length - end).map((line) => `+${line}`);
  return `--- ${file}\n+++ ${file}（修复后）\n@@ 第 ${start + 1} 行起 @@\n${[...removed, ...added].join('\n')}\n`;
}

type Input = { path: string } | { missing: string };

async function expandInputs(patterns: string[], cwd: string): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const pattern of patterns) {
    if (pattern === '-' || existsSync(resolve(cwd, pattern))) {
      inputs.push({ path: pattern });
      continue;
    }
    const matches = await glob(pattern, { cwd, onlyFiles: true });
    if (matches.length === 0) inputs.push({ missing: pattern });
    for (const match of matches.sort()) inputs.push({ path: relative(cwd, resolve(cwd, match)) || match });
  }
  return inputs;
}

/** An unexpected error while reading or checking one file of several: one line naming the file, never a stack trace. */
function fileFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `检查时出错（${message.split('\n')[0]}），跳过了这个文件。这是 shuzhi 的缺陷，请把这条信息和这个文件报告给开发者。`;
}
