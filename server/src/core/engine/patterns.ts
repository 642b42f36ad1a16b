/**
 * Placeholder patterns from users (.shuzhirc.json, editor settings) run in RE2, whose matching time is
 * linear in the text whatever the pattern: a pattern from a cloned repository cannot hang a check.
 */
import { RE2JS } from 're2js';

export interface UserPattern {
  source: string;
  /** RE2's program size: matching costs up to this much per character of text. */
  size: number;
  /** Text index ranges of every non-empty match, in order. */
  find(text: string): Array<[number, number]>;
}

/** Longer patterns are word lists pasted by mistake, and compile slowly. */
const MAX_PATTERN_LENGTH = 500;

const compiled = new Map<string, UserPattern | string>();

/**
 * RE2 is linear in the text, but by a factor as large as the pattern's program: the longest pattern on a
 * long draft ran for seconds. Program size × characters above this (about a second here) is not run.
 */
const PATTERN_BUDGET = 50_000_000;

/** Why the pattern is not run on a text this long (in Chinese), or undefined when it is within the budget. */
export function patternTooCostly(pattern: UserPattern, textLength: number): string | undefined {
  if (pattern.size * textLength <= PATTERN_BUDGET) return undefined;
  return `占位符模式“${pattern.source}”对这份 ${textLength} 字的文稿太复杂（程序 ${pattern.size} 条指令，逐字匹配要花太久），这次没有用它检查。请把它写得简单些（少用 {n} 次重复和很长的“或”）`;
}

/** The pattern, or why it cannot be used (in Chinese). JavaScript's \uXXXX is accepted and read as RE2's \x{XXXX}. */
export function compileUserPattern(source: string): UserPattern | string {
  let known = compiled.get(source);
  if (known === undefined) {
    known = compile(source);
    compiled.set(source, known);
  }
  return known;
}

function compile(source: string): UserPattern | string {
  if (source.length === 0) return '是空的';
  if (source.length > MAX_PATTERN_LENGTH) return `太长（${source.length} 个字符，上限 ${MAX_PATTERN_LENGTH}）`;
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(source.replace(/\\u\{([0-9a-fA-F]+)\}|\\u([0-9a-fA-F]{4})/g, (_, braced: string, plain: string) => `\\x{${braced ?? plain}}`));
  } catch (error) {
    return `不是可用的正则表达式（${(error as Error).message.split('\n')[0]}；不支持反向引用和环视）`;
  }
  return {
    source,
    size: regex.programSize(),
    find(text) {
      const ranges: Array<[number, number]> = [];
      const matcher = regex.matcher(text);
      while (matcher.find()) {
        if (matcher.end() > matcher.start()) ranges.push([matcher.start(), matcher.end()]);
      }
      return ranges;
    },
  };
}
