/**
 * shuzhi as a unified (remark) plugin: `unified().use(remarkParse).use(remarkShuzhi, options)`, or
 * `remark --use shuzhi/remark`. The findings are those of `shuzhi lint`, as vfile messages.
 *
 * The checking core reads the file's own text, not the syntax tree remark built: a draft has one
 * reading, the same in the editor, the CLI and here.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigFiles, mergeConfigs, parseConfig } from './config/config';
import { type LintConfig, lint } from './core/engine/lint';
import type { Finding } from './core/engine/types';
import { loadLexiconSync } from './lexicon/load';
import { ruleDocs } from './ruleDocs';

/** The options are those of .shuzhirc.json; they win over the file nearest to the checked file. */
export type RemarkShuzhiOptions = LintConfig;

/** The bundle is dist/remark.mjs: the package root is one folder up. */
const HERE = dirname(fileURLToPath(import.meta.url));
const DOCS = ruleDocs(dirname(HERE));
/** The dictionary beside the bundle (dist/lexicon), or beside the sources (lexicon/data). */
const LEXICON = [join(HERE, 'lexicon'), join(HERE, 'lexicon', 'data')].find((folder) => existsSync(join(folder, 'words.txt')));

const remarkShuzhi: Plugin<[RemarkShuzhiOptions?]> = function (options) {
  const configs = new ConfigFiles();
  const given = options ? parseConfig(JSON.stringify(options), 'remark-shuzhi 的选项') : { config: {} };
  // The word-based checks need the dictionary, as in the CLI.
  loadLexiconSync(LEXICON);
  return (_tree, file) => {
    // VFile decodes a value read as bytes (remark-cli), which String(file.value) would not.
    const text = file.toString();
    const folder = file.path ? dirname(resolve(file.cwd, file.path)) : file.cwd;
    const nearest = configs.near(folder);
    for (const problem of [nearest.error, given.error]) {
      if (problem) Object.assign(file.message(problem, { ruleId: 'config', source: 'shuzhi' }), { fatal: true });
    }
    const document = TextDocument.create('file:///draft.md', 'markdown', 0, text);
    for (const finding of lint(text, mergeConfigs(nearest.config, given.config)).findings) report(file, document, text, finding);
  };
};

export default remarkShuzhi;

/** error → fatal (remark-cli counts it as an error and exits 1, as `shuzhi lint` does), warning → not fatal, info and hint → info. */
const FATAL = { error: true, warning: false, info: undefined, hint: undefined } as const;

function report(file: VFile, document: TextDocument, text: string, finding: Finding): void {
  const point = (offset: number) => {
    const position = document.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1, offset };
  };
  const message = file.message(finding.message, {
    place: { start: point(finding.start), end: point(finding.end) },
    ruleId: finding.rule,
    source: 'shuzhi',
  });
  message.fatal = FATAL[finding.severity];
  message.url = DOCS.get(finding.rule);
  message.actual = text.slice(finding.start, finding.end);
  if (!finding.fix) return;
  // The engine's fix, offsets into the file's text (shared by the findings of one renumbering: not copied).
  Object.assign(message, { fix: finding.fix });
  // A fix within the finding's own range is also given as `expected`, the replacement of that range
  // that remark-language-server offers as a quick fix.
  if (finding.fix.edits.every((edit) => edit.start >= finding.start && edit.end <= finding.end)) {
    let replaced = '';
    let at = finding.start;
    for (const edit of [...finding.fix.edits].sort((a, b) => a.start - b.start)) {
      replaced += text.slice(at, edit.start) + edit.newText;
      at = edit.end;
    }
    message.expected = [replaced + text.slice(at, finding.end)];
  }
}
