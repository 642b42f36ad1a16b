/** Command-line adapter: `shuzhi lint` over files, globs or standard input; `shuzhi export`; `shuzhi import`; `shuzhi outline`. */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigFiles, loadConfigFile, mergeConfigs, type LoadedConfig } from './config';
import { lint, profilesFor, type LintConfig } from './core/lint';
import type { Finding } from './core/types';
import { fixAll } from './core/fix';
import { DEFAULT_READING_SPEED, draftLength } from './core/length';
import { type OutlineHeading, reportOutline, type ReportOutline } from './core/outline';
import { imageSizes } from './export/assets';
import { decideScope } from './core/scope';
import { exportSizeProblem } from './export/docx';
import { prepareExport } from './export/prepare';
import { ExportWriteError, isSameFile, writeExport } from './export/write';
import { decodeDraft, MAX_DRAFT_BYTES, readDraft, type ReadResult, readWordDraft, WORD_FILE, type WordReadResult, writeFixedDraft } from './files';
import { quoteForWord } from './import/quote';
import { importCommand } from './importCommand';
import { loadLexiconSync } from './lexicon/load';
import { describe } from './safeWrite';

const USAGE = `用法：
  shuzhi lint [--format text|json] [--fix | --fix-dry-run] [--profile 文种] [--config 配置文件] <文件|通配符|->...
  shuzhi export <文稿.md> [-o 输出.docx] [--force] [--profile 文种] [--config 配置文件]
  shuzhi import <文稿.docx> [-o 文稿.md] [--force]
  shuzhi outline <文稿.md|-> [--format text|json] [--profile 文种] [--config 配置文件]

lint 检查文稿：
  --format   输出格式：text（默认）或 json
  --profile  指定文种：述职报告、述责述廉报告、述法报告、年度工作总结、对照检查材料
  --config   使用指定的配置文件，而不是离文稿最近的 .shuzhirc.json
  --fix      自动修复能修复的问题（序号、序号格式、列举、网站残留），直接改写文稿，再报告剩下的问题
  --fix-dry-run  只显示会怎样修改，不改动文件
  -          从标准输入读取文稿
  Word 文稿（.docx）也可以检查，问题按段落（第12段）给出并引用原文。
  退出码：0 没有错误级问题；1 有错误级问题；2 用法错误或文件无法读取。

import 把 Word 文稿（.docx）转成 Markdown 文稿：每段一行，自动编号写成所显示的序号，表格、脚注、
  加粗、链接保留，图片存到“文稿名-图片”文件夹，文首写上标题、署名和日期。
  -o, --output  输出文件，默认与 Word 文件同名、扩展名为 .md
  --force       覆盖已有的同名文稿和图片
  退出码：0 已导入；1 没有导入（目标已存在）；2 用法错误或文件无法读取。

export 按党政机关公文格式（GB/T 9704-2012）导出 Word 文件：
  -o, --output  输出文件，默认与文稿同名、扩展名为 .docx
  --force       文稿中还有未填的占位符、缺数字、缺部分时也导出，并覆盖已有的同名文件
  退出码：0 已导出；1 没有导出（文稿还有未填内容、目标文件已存在或被占用）；2 用法错误或文稿无法读取。

outline 显示 shuzhi 对文稿的理解：文种及判断依据、是否默认检查、标题、称呼、开头语、结束语、
  网站残留、目录、各级标题、署名和日期。--format json 输出一个对象。`;

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
  /** Word drafts: the paragraph (1-based, paragraphs with text) and the words the finding is about. */
  paragraph?: number;
  text?: string;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, read no further than `limit` + 1 bytes (enough to tell it is too long). */
  readStdin: (limit: number) => Promise<Uint8Array>;
  cwd: string;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'lint' && command !== 'export' && command !== 'outline' && command !== 'import') {
    io.stderr(`未知的命令“${command}”。\n\n${USAGE}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        profile: { type: 'string' },
        config: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${usageProblem(error as NodeJS.ErrnoException)}\n\n${USAGE}\n`);
    return 2;
  }
  const { format, profile, config: configPath, fix } = parsed.values;
  const dryRun = parsed.values['fix-dry-run'] === true;
  const misplaced = MISPLACED_OPTIONS[command].find((option) => rest.some((arg) => arg === option || arg.startsWith(`${option}=`)));
  if (misplaced) {
    io.stderr(`${command} 命令没有 ${misplaced} 选项。\n\n${USAGE}\n`);
    return 2;
  }
  if (format !== 'text' && format !== 'json') {
    io.stderr(`--format 只能是 text 或 json，收到“${format}”。\n`);
    return 2;
  }
  if (parsed.positionals.length === 0 || (command !== 'lint' && parsed.positionals.length !== 1)) {
    const wanted = { lint: '请给出要检查的文稿。', export: '请给出一份要导出的文稿。', import: '请给出一份要导入的 Word 文稿。', outline: '请给出一份文稿。' }[command];
    io.stderr(`${wanted}\n\n${USAGE}\n`);
    return 2;
  }
  let explicitConfig: LoadedConfig | undefined;
  if (configPath !== undefined) {
    if (!existsSync(resolve(io.cwd, configPath))) {
      io.stderr(`找不到配置文件 ${configPath}。\n`);
      return 2;
    }
    explicitConfig = loadConfigFile(resolve(io.cwd, configPath));
    // A configuration the user named and that cannot be used is a usage error, not a note.
    if (explicitConfig.error) {
      io.stderr(`${explicitConfig.error.replace(/已按默认设置检查。$/, '请改正后重试。')}\n`);
      return 2;
    }
  }
  // --profile is checked against the genres of the configuration in force, which may define it.
  const unknownProfile = (config: LintConfig) => profile !== undefined && !profilesFor(config).some((known) => known.id === profile);
  const profileProblem = (config: LintConfig) => `未知的文种“${profile}”：可用 ${profilesFor(config).map((known) => known.id).join('、')}。\n`;
  if (explicitConfig && unknownProfile(explicitConfig.config)) {
    io.stderr(profileProblem(explicitConfig.config));
    return 2;
  }
  if (command === 'import') return importCommand(parsed.positionals[0], parsed.values.output, parsed.values.force === true, io);
  if (command === 'outline') return outlineCommand(parsed.positionals[0], format, profile, explicitConfig, io);
  if (command === 'export') {
    return exportCommand(parsed.positionals[0], parsed.values.output, parsed.values.force === true, profile, explicitConfig, io);
  }

  const inputs = await expandInputs([...new Set(parsed.positionals)], io.cwd);
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
      if (unknownProfile(loaded.config)) {
        io.stderr(profileProblem(loaded.config));
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

async function exportCommand(
  draft: string, output: string | undefined, force: boolean, profile: string | undefined, explicitConfig: LoadedConfig | undefined, io: Io,
): Promise<number> {
  const draftPath = resolve(io.cwd, draft);
  const read = await readDraft(draftPath, draft);
  if ('error' in read) {
    io.stderr(`${read.error}\n`);
    return 2;
  }
  if (read.notice) io.stderr(`${read.notice}\n`);
  const tooLarge = exportSizeProblem(read.text);
  if (tooLarge) {
    io.stderr(`${draft}：${tooLarge}\n`);
    return 1;
  }
  const loaded = explicitConfig ?? new ConfigFiles().near(dirname(draftPath));
  if (loaded.error) io.stderr(`${loaded.error}\n`);
  const config = mergeConfigs(loaded.config, profile ? { profile } : undefined);
  const { unfinished, blocking, notes, render } = prepareExport(read.text, config, dirname(draftPath));
  if ((unfinished.length > 0 || blocking.length > 0) && !force) {
    if (blocking.length > 0) io.stderr(`${draft} 导出后会缺少内容，没有导出：\n${blocking.map((problem) => `  ${problem}\n`).join('')}`);
    if (unfinished.length > 0) {
      io.stderr(`${draft} 还有 ${unfinished.length} 处未完成的内容，没有导出：\n`);
      io.stderr(formatText([{ file: draft, text: read.text, findings: unfinished }]));
      if (unfinished.some((finding) => finding.rule === 'template-residue')) io.stderr(`网页残留可用 shuzhi lint --fix ${draft} 一次删除。\n`);
    }
    io.stderr('改正或补全后再导出，或加 --force 照样导出。\n');
    return 1;
  }
  for (const note of [...(force ? blocking : []), ...notes]) io.stderr(`${note}\n`);
  const target = resolve(io.cwd, output ?? draft.replace(/\.(md|markdown|txt)$/i, '') + '.docx');
  if (resolve(target) === draftPath || isSameFile(target, draftPath)) {
    io.stderr('输出文件不能是文稿本身（或指向它的链接）。\n');
    return 2;
  }
  const bytes = await render();
  try {
    await writeExport(target, bytes, force, draftPath);
  } catch (error) {
    if (error instanceof ExportWriteError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  io.stdout(`已导出 ${relative(io.cwd, target) || target}（${(bytes.length / 1024).toFixed(1)} KB）${unfinished.length ? `，其中仍有 ${unfinished.length} 处未完成的内容` : ''}。\n`);
  return 0;
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

/** Options that belong to other subcommands: accepted silently they would do nothing the user meant. */
const MISPLACED_OPTIONS: Record<'lint' | 'export' | 'import' | 'outline', string[]> = {
  lint: ['--output', '-o', '--force'],
  export: ['--format', '--fix', '--fix-dry-run'],
  import: ['--format', '--fix', '--fix-dry-run', '--profile', '--config'],
  outline: ['--output', '-o', '--force', '--fix', '--fix-dry-run'],
};

function usageProblem(error: NodeJS.ErrnoException): string {
  const option = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return `未知的选项“${option}”。`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': return `选项“${option.split(/[ ,]/)[0]}”的值不对：需要跟一个值，如 --format json。`;
    default: return `命令行参数有误：${error.message}`;
  }
}

async function outlineCommand(
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

interface CheckedFile {
  file: string;
  text: string;
  findings: Finding[];
  /** Word drafts: the Word paragraph of each line of the text they convert to. */
  paragraphOfLine?: number[];
}

function toJson({ file, text, findings, paragraphOfLine }: CheckedFile): JsonFinding[] {
  const document = TextDocument.create('file:///draft.md', 'markdown', 0, text);
  return findings.map((finding) => {
    const start = document.positionAt(finding.start);
    const end = document.positionAt(finding.end);
    const entry: JsonFinding = {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
    };
    if (paragraphOfLine) {
      // In a Word draft, lines and columns are those of the converted text: the paragraph and the words are what the user finds.
      entry.paragraph = paragraphOfLine[start.line] || undefined;
      entry.text = quoteForWord(text.slice(finding.start, finding.end));
    }
    return entry;
  });
}

const SEVERITY_LABEL: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '建议' };

function formatText(results: CheckedFile[]): string {
  let output = '';
  const counts: Record<string, number> = {};
  for (const result of results) {
    if (result.findings.length === 0) continue;
    output += `\n${result.file}\n`;
    for (const entry of toJson(result)) {
      counts[entry.severity] = (counts[entry.severity] ?? 0) + 1;
      if (result.paragraphOfLine) {
        const place = entry.paragraph ? `第${entry.paragraph}段` : '全文';
        output += `  ${place.padEnd(6, '　')}${SEVERITY_LABEL[entry.severity].padEnd(3, '　')}  ${entry.text ? `“${entry.text}”：` : ''}${entry.message}  ${entry.rule}\n`;
        continue;
      }
      const position = `${entry.line}:${entry.column}`.padEnd(8);
      output += `  ${position}${SEVERITY_LABEL[entry.severity].padEnd(3, '　')}  ${entry.message}  ${entry.rule}\n`;
    }
  }
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  if (total === 0) return `检查了 ${results.length} 个文稿，没有发现问题。\n`;
  const parts = ['error', 'warning', 'info', 'hint'].filter((key) => counts[key]).map((key) => `${counts[key]} 个${SEVERITY_LABEL[key]}`);
  return `${output}\n✖ ${results.length} 个文稿中共 ${total} 个问题（${parts.join('，')}）\n`;
}

/** An unexpected error while reading or checking one file of several: one line naming the file, never a stack trace. */
function fileFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `检查时出错（${message.split('\n')[0]}），跳过了这个文件。这是 shuzhi 的缺陷，请把这条信息和这个文件报告给开发者。`;
}

/** An error inside shuzhi itself: one line, exit 2 (1 would read as "findings" to CI), never a stack trace. */
function internalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`shuzhi 内部错误：${message.split('\n')[0]}。这是 shuzhi 的缺陷，请把这条信息和出问题的文稿报告给开发者。\n`);
  process.exitCode = 2;
}

/** Our output cannot be written: a reader gone away (lint … | head) is its choice; a full disk is said as such. */
function outputFailed(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`shuzhi：无法写出结果（${describe(error)}）。${error.code === 'ENOSPC' || error.code === 'EDQUOT' ? '请清理磁盘空间后重试。' : ''}\n`);
  process.exit(2);
}

if (require.main === module) {
  process.stdout.on('error', outputFailed);
  process.on('uncaughtException', (error) => {
    internalError(error);
    process.exit(2);
  });
  main(process.argv.slice(2), {
    stdout: (text) => {
      // Written synchronously to a file: a full disk throws here rather than emitting an error.
      try {
        process.stdout.write(text);
      } catch (error) {
        outputFailed(error as NodeJS.ErrnoException);
      }
    },
    stderr: (text) => process.stderr.write(text),
    readStdin: async (limit) => {
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        length += (chunk as Buffer).length;
        // Leaving the loop stops reading: endless input costs no more than the limit.
        if (length > limit) break;
      }
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  }, internalError);
}
