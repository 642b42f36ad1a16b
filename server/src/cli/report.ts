/** Findings as the CLI prints them: JSON entries with 1-based lines and columns, or text grouped by file. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/engine/types';
import { quoteForWord } from '../import/quote';

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

export interface CheckedFile {
  file: string;
  text: string;
  findings: Finding[];
  /** Word drafts: the Word paragraph of each line of the text they convert to. */
  paragraphOfLine?: number[];
}

export function toJson({ file, text, findings, paragraphOfLine }: CheckedFile): JsonFinding[] {
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

export function formatText(results: CheckedFile[]): string {
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
