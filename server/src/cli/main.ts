/** Command-line adapter: reads the arguments and hands them to one module per subcommand (lint, export, import, outline). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigFile, type LoadedConfig } from '../config/config';
import { describe } from '../io/safeWrite';
import { type Io, profileProblem, unknownProfile } from './io';
import { exportCommand } from './export';
import { importCommand } from './import';
import { lintCommand } from './lint';
import { outlineCommand } from './outline';

export type { Io } from './io';
export type { JsonFinding } from './report';

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
  if (explicitConfig && unknownProfile(profile, explicitConfig.config)) {
    io.stderr(profileProblem(profile!, explicitConfig.config));
    return 2;
  }
  if (command === 'import') return importCommand(parsed.positionals[0], parsed.values.output, parsed.values.force === true, io);
  if (command === 'outline') return outlineCommand(parsed.positionals[0], format, profile, explicitConfig, io);
  if (command === 'export') {
    return exportCommand(parsed.positionals[0], parsed.values.output, parsed.values.force === true, profile, explicitConfig, io);
  }

  return lintCommand([...new Set(parsed.positionals)], { format, profile, fix: fix === true, dryRun }, explicitConfig, io);
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
