/**
 * Checking time against remark-parse alone and against markdownlint (default rules) on the same text,
 * in the same run: on a clean draft and on a downloaded template full of findings.
 * Usage: npm run bench
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint as markdownlint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionRequest } from 'vscode-languageserver-protocol/node';
import { LspHarness } from '../test/lsp/harness';

const ROOT = join(__dirname, '..');

/**
 * The core bundled as dist/ bundles it (esbuild, no name-keeping wrappers), not the TypeScript that tsx
 * runs here: tsx wraps every function it creates in a naming call that the shipped code does not have.
 */
function shipped(): typeof import('./shipped') {
  const outfile = join(mkdtempSync(join(tmpdir(), 'shuzhi-bench-')), 'shipped.js');
  buildSync({ entryPoints: [join(__dirname, 'shipped.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return require(outfile) as typeof import('./shipped');
}
const { lint, exportDocx, loadLexiconSync, lexiconInUse, useLexicon } = shipped();
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

/** The downloaded template (site chrome, placeholders, missing numbers), without the test's expect notes. */
const TEMPLATE = readFileSync(join(ROOT, 'test/fixtures/download-template.md'), 'utf8').replace(/ ?<!-- expect:[^>]*-->/g, '');

/** Runs the tasks interleaved so all see the same machine state; markdownlint only when asked. */
function measure(text: string, rounds: number, withMarkdownlint = false): { parse: number; check: number; markdownlint: number } {
  const parser = unified().use(remarkParse);
  const tasks = {
    parse: () => parser.parse(text),
    check: () => lint(text),
    markdownlint: () => withMarkdownlint && markdownlint({ strings: { draft: text } }),
  };
  const times: Record<keyof typeof tasks, number[]> = { parse: [], check: [], markdownlint: [] };
  for (let i = 0; i < Math.max(3, rounds / 5); i++) for (const task of Object.values(tasks)) task();
  const order = Object.entries(tasks) as Array<[keyof typeof tasks, () => unknown]>;
  for (let i = 0; i < rounds; i++) {
    // The order turns each round: a task that runs right after another may pay for collecting its
    // garbage, and no task should always follow the same one.
    for (let k = 0; k < order.length; k++) {
      const [name, task] = order[(i + k) % order.length];
      const start = performance.now();
      task();
      times[name].push(performance.now() - start);
    }
  }
  return { parse: median(times.parse), check: median(times.check), markdownlint: median(times.markdownlint) };
}

/** The same draft checked before the dictionary is read and with it, interleaved: what the word-based checks cost. */
function lexiconShare(text: string, rounds: number): { with: number; without: number } {
  const lexicon = lexiconInUse();
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    useLexicon(undefined);
    let start = performance.now();
    lint(text);
    withoutTimes.push(performance.now() - start);
    useLexicon(lexicon);
    start = performance.now();
    lint(text);
    withTimes.push(performance.now() - start);
  }
  return { with: median(withTimes), without: median(withoutTimes) };
}

export const BENCH_TEXTS = { small: draftOfSize(5000), large: draftOfSize(400000) };

/**
 * The texts of the main table: name, text, rounds. The examples' paragraphs (few findings) and the
 * downloaded template (504 characters, about 15 findings) repeated to about 4,000, 40,000 and 400,000 characters.
 */
const TABLE: Array<[string, string, number]> = [
  ['examples 5k', BENCH_TEXTS.small, 200],
  ['examples 400k', BENCH_TEXTS.large, 15],
  ['template ×1', TEMPLATE, 400],
  ['template ×8', TEMPLATE.repeat(8), 200],
  ['template ×10', TEMPLATE.repeat(10), 150],
  ['template ×80', TEMPLATE.repeat(80), 40],
  ['template ×800', TEMPLATE.repeat(800), 10],
];

/** The growth, for four times the input, above which a shape counts as superlinear (linear is 4, quadratic 16). */
const SUPERLINEAR = 8;

const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Inputs that once took time growing with the square of their size (issue: robustness and safety). */
const HOSTILE_SHAPES: Record<string, (size: number) => string> = {
  'one line of digits': (size) => repeatTo('1', size),
  'unclosed <!-- repeated': (size) => repeatTo('<!--', size),
  'quotes nested > > >': (size) => `${repeatTo('>', size - 3)} 文本`,
  'emphasis stars in one paragraph': (size) => repeatTo('开展*次', size),
  'paragraphs between numbered lists': (size) => repeatTo('一段正文，内容。\n1. 列表项\n', size),
  'ordinal lines': (size) => repeatTo('1.第一项工作。\n', size),
  'book-title marks never closed 《《《': (size) => `${repeatTo('《', size - 1)}》`,
  'a disable comment and a finding on every line': (size) => repeatTo('投入资金X万元。<!-- shuzhi-disable-line missing-number -->\n', size),
};

/**
 * Edit → published diagnostics through the bundled language server over stdio (debounce 0),
 * beside the checking core's own time on the same texts.
 */
async function measureEditToDiagnostics(text: string, rounds: number): Promise<{ roundTrip: number; core: number }> {
  const server = new LspHarness();
  await server.initialize();
  const uri = 'file:///bench/draft.md';
  await server.open(uri, text, 1);
  await server.diagnostics(uri);
  const roundTrips: number[] = [];
  const coreTimes: number[] = [];
  // Typing: each edit inserts or deletes the 4 of 党课4次, sent incrementally as editors do.
  const at = TextDocument.create(uri, 'markdown', 1, text).positionAt(text.indexOf('党课次') + 2);
  const filled = text.replace('党课次', '党课4次');
  for (let version = 2; version < rounds + 2; version++) {
    const inserting = version % 2 === 0;
    const edited = inserting ? filled : text;
    const start = performance.now();
    await server.edit(uri, version, inserting ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } }, inserting ? '4' : '');
    await server.diagnostics(uri, (params) => params.version === version);
    roundTrips.push(performance.now() - start);
    const coreStart = performance.now();
    lint(edited);
    coreTimes.push(performance.now() - coreStart);
  }
  await server.dispose();
  return { roundTrip: median(roundTrips), core: median(coreTimes) };
}

/**
 * How long a completion request waits while a large draft is being checked (the check runs in a worker
 * thread), beside the same request with no check running.
 */
async function measureRequestsDuringCheck(large: string, rounds: number): Promise<{ idle: number; busy: number; check: number }> {
  const server = new LspHarness();
  await server.initialize();
  const small = 'file:///bench/small.md';
  await server.open(small, '2024年度述职报告\n\n一是加强学习。', 1);
  await server.diagnostics(small);
  const uri = 'file:///bench/large.md';
  await server.open(uri, large, 1);
  await server.diagnostics(uri, () => true, 60000);
  const complete = async () => {
    const start = performance.now();
    await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: small }, position: { line: 2, character: 7 } });
    return performance.now() - start;
  };
  const idle: number[] = [];
  const busy: number[] = [];
  const checks: number[] = [];
  for (let version = 2; version < rounds + 2; version++) {
    idle.push(await complete());
    const start = performance.now();
    await server.change(uri, version, version % 2 === 0 ? `${large}\n新发展党员X名。` : large);
    busy.push(await complete());
    await server.diagnostics(uri, (params) => params.version === version, 60000);
    checks.push(performance.now() - start);
  }
  await server.dispose();
  return { idle: median(idle), busy: median(busy), check: median(checks) };
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}; medians of interleaved runs (markdownlint with its default rules)\n`);
  // Every check below runs with the dictionary, as the CLI and the language server do once it is read.
  const memoryBefore = process.memoryUsage();
  const loadStart = performance.now();
  loadLexiconSync(join(ROOT, 'server/src/lexicon/data'));
  const loadTime = performance.now() - loadStart;
  const memoryAfter = process.memoryUsage();
  const added = (memoryAfter.heapUsed - memoryBefore.heapUsed + memoryAfter.arrayBuffers - memoryBefore.arrayBuffers) / 2 ** 20;
  console.log(`lexicon: read and indexed in ${loadTime.toFixed(0)} ms, ${added.toFixed(0)} MB (heap and typed arrays)`);
  const share = lexiconShare(BENCH_TEXTS.small, 200);
  console.log(`  5,000-char draft: ${share.without.toFixed(2)} ms before the dictionary is read, ${share.with.toFixed(2)} ms with it (${((share.with / share.without - 1) * 100).toFixed(0)}% more)\n`);
  console.log('text             chars  findings  remark-parse  markdownlint   shuzhi lint  ×remark  ×markdownlint');
  for (const [name, text, rounds] of TABLE) {
    const { parse, check, markdownlint: other } = measure(text, rounds, true);
    const ms = (value: number) => `${value.toFixed(2).padStart(9)} ms`;
    console.log(`${name.padEnd(14)}${String(text.length).padStart(8)}${String(lint(text).findings.length).padStart(10)}  ${ms(parse)}  ${ms(other)}  ${ms(check)}  ${(check / parse).toFixed(2).padStart(6)}×  ${(check / other).toFixed(2).padStart(12)}×`);
  }
  // The export renders the model the check built; it never reads the Markdown itself.
  const exportModel = lint(BENCH_TEXTS.small).model;
  const exportTimes: number[] = [];
  const checkTimes: number[] = [];
  for (let i = 0; i < 60; i++) {
    let start = performance.now();
    await exportDocx(exportModel);
    exportTimes.push(performance.now() - start);
    start = performance.now();
    lint(BENCH_TEXTS.small);
    checkTimes.push(performance.now() - start);
  }
  console.log('\nWord export, 5,000-char draft');
  console.log(`  export ${median(exportTimes.slice(10)).toFixed(2)} ms, check ${median(checkTimes.slice(10)).toFixed(2)} ms: ${(median(exportTimes.slice(10)) / median(checkTimes.slice(10))).toFixed(1)}×`);

  console.log('\nhostile shapes: full check at 10,000 and 40,000 characters (linear is 4×; remark-parse alone beside it)');
  for (const [name, make] of Object.entries(HOSTILE_SHAPES)) {
    const small = measure(make(10000), 9);
    const large = measure(make(40000), 3);
    console.log(`  ${name.padEnd(34)} check ${small.check.toFixed(1).padStart(7)} → ${large.check.toFixed(1).padStart(7)} ms (${(large.check / small.check).toFixed(1)}×), remark-parse ${small.parse.toFixed(1)} → ${large.parse.toFixed(1)} ms (${(large.parse / small.parse).toFixed(1)}×)`);
    // Four times the input in well under sixteen times the time, or no worse than Markdown parsing itself:
    // anything quadratic of ours fails the run.
    if (large.check / small.check > Math.max(SUPERLINEAR, 1.5 * (large.parse / small.parse))) {
      console.log(`  ✖ ${name}: grows faster than linear`);
      process.exitCode = 1;
    }
  }

  const { roundTrip, core } = await measureEditToDiagnostics(BENCH_TEXTS.small, 200);
  console.log('\nedit → diagnostics (LSP over stdio, debounce 0), 5,000-char draft');
  console.log(`  round trip ${roundTrip.toFixed(2)} ms, checking core ${core.toFixed(2)} ms: ${(roundTrip / core).toFixed(2)}×`);

  const during = await measureRequestsDuringCheck(BENCH_TEXTS.large, 15);
  console.log('\ncompletion request while a 400,000-char draft is being checked (LSP over stdio)');
  console.log(`  ${during.busy.toFixed(2)} ms during the check (${during.check.toFixed(0)} ms), ${during.idle.toFixed(2)} ms with none running: ${(during.busy / during.idle).toFixed(2)}×`);
}

if (require.main === module) void main();
