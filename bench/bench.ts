/**
 * Checking time against remark-parse alone on the same text, in the same run.
 * Usage: npm run bench
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { lint } from '../server/src/core/lint';

const ROOT = join(__dirname, '..');
const sources = ['examples/report-draft.md', 'test/fixtures/shuzhi-filled.md', 'test/fixtures/shuzhi-template.md', 'test/fixtures/shuzeshulian-filled.md']
  .map((path) => readFileSync(join(ROOT, path), 'utf8'));

/** A realistic draft of about `size` characters: whole paragraphs of the example drafts, repeated. */
function draftOfSize(size: number): string {
  const paragraphs = sources.join('\n\n').split(/\n{2,}/);
  let text = '';
  for (let i = 0; text.length < size; i++) text += `${paragraphs[i % paragraphs.length]}\n\n`;
  return text.slice(0, size);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the two tasks interleaved so both see the same machine state. */
function measure(text: string, rounds: number): { parse: number; check: number } {
  const parser = unified().use(remarkParse);
  const parseTimes: number[] = [];
  const checkTimes: number[] = [];
  for (let i = 0; i < Math.max(3, rounds / 5); i++) {
    parser.parse(text);
    lint(text);
  }
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    parser.parse(text);
    parseTimes.push(performance.now() - start);
    start = performance.now();
    lint(text);
    checkTimes.push(performance.now() - start);
  }
  return { parse: median(parseTimes), check: median(checkTimes) };
}

export const BENCH_TEXTS = { small: draftOfSize(5000), large: draftOfSize(400000) };

if (require.main === module) {
  console.log(`Node ${process.version}; median of interleaved runs\n`);
  console.log('text              chars   remark-parse   shuzhi lint   ratio');
  for (const [name, text, rounds] of [['5,000-char draft', BENCH_TEXTS.small, 200], ['400,000-char file', BENCH_TEXTS.large, 15]] as const) {
    const { parse, check } = measure(text, rounds);
    console.log(`${name.padEnd(18)}${String(text.length).padStart(7)}   ${parse.toFixed(2).padStart(9)} ms  ${check.toFixed(2).padStart(9)} ms   ${(check / parse).toFixed(2)}×`);
  }
}
