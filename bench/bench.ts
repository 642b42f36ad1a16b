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
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { fixAll } from '../server/src/core/engine/fix';
import { importDocx } from '../server/src/import/docx';
import { numberedDocx, numberedParagraph } from '../test/unit/hostile-docx';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness } from '../test/lsp/harness';
import { HOSTILE_SHAPES, repeatTo } from '../test/lsp/shapes';

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
const { lint, exportDocx, layoutPages, loadLexiconSync, lexiconInUse, useLexicon } = shipped();
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

/**
 * The growth, for twice the input, above which a doubling counts as superlinear (linear is 2, quadratic 4).
 * A shape fails when both of its two doublings pass it: quadratic work does at every doubling, while a
 * one-time step (the heap growing past some size) shows in one of them only.
 */
const SUPERLINEAR = 2.6;
/** Below this a run's time is mostly this shared machine's noise. */
const MEASURABLE_MS = 50;

/** Garbage collection on demand, so one run does not pay for the garbage of the last. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Layouts shorter than this are within this machine's noise; the shape is doubled until it is reached. */
const LAYOUT_MEASURABLE_MS = 50;
const LAYOUT_MAX_SIZE = 640000;

/** The least time of `rounds` runs, each after a collection: on a shared machine, the run least disturbed by others. */
async function fastest(rounds: number, task: () => unknown): Promise<number> {
  await task();
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    collectGarbage();
    const start = performance.now();
    await task();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** A placeholder pattern of some hundred RE2 instructions, within the budget at both sizes. */
const USER_PATTERN = `(?:${Array.from({ length: 30 }, (_, index) => `第${index}[次名个]`).join('|')})待填`;

/** Work besides checking that once grew with the square of its input: size → the task at that size. */
const HOSTILE_TASKS: Record<string, { sizes: [number, number]; unit: string; task: (size: number) => () => unknown }> = {
  'Word numbering import': {
    sizes: [1000, 2000],
    unit: 'numbered paragraphs',
    task: (size) => {
      const bytes = numberedDocx(Array.from({ length: size }, (_, index) => numberedParagraph(`第${index + 1}项工作`, 1, index % 2)).join(''),
        [[{ format: 'chineseCounting', text: '%1、' }, { format: 'chineseCounting', text: '（%2）' }]]);
      return () => importDocx(bytes, 'images');
    },
  },
  'fix-all on numbered blocks': {
    sizes: [500, 1000],
    unit: 'blocks',
    task: (size) => {
      const text = `2024年度述职报告\n\n${Array.from({ length: size }, (_, index) => `一、第${index + 1}部分\n\n1.抓学习。\n\n3.抓队伍。\n`).join('\n')}`;
      return () => fixAll(text);
    },
  },
  'user pattern on one long line': {
    sizes: [20000, 40000],
    unit: 'characters',
    task: (size) => {
      const text = repeatTo('全年开展专题党课4次，新发展党员12名，人数待填。', size);
      return () => lint(text, { placeholders: [USER_PATTERN] });
    },
  },
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
  const probe = await server.completionProbe('file:///bench/small.md');
  const uri = 'file:///bench/large.md';
  await server.open(uri, large, 1);
  await server.diagnostics(uri, () => true, 60000);
  const complete = async () => {
    const start = performance.now();
    await probe();
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

/** Prints the cost at a size, twice and four times it, and fails the run when both doublings grow faster than linear. */
function reportGrowth(name: string, times: number[]): void {
  const ratios = [times[1] / times[0], times[2] / times[1]];
  console.log(`  ${name.padEnd(64)} ${times.map((time) => time.toFixed(1)).join(' → ').padStart(24)} ms (${ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(', ')})`);
  if (ratios.every((ratio) => ratio > SUPERLINEAR)) {
    console.log(`  ✖ ${name}: each doubling of the input cost more than ${SUPERLINEAR}× (${ratios.map((ratio) => ratio.toFixed(2)).join('×, ')}×)`);
    process.exitCode = 1;
  }
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

  console.log(`\nhostile shapes: full check at three sizes, each twice the last, from the first of 40,000, 80,000 … characters where a check takes ${MEASURABLE_MS} ms (linear is 2× a doubling; fails when both doublings pass ${SUPERLINEAR}×)`);
  for (const [name, make] of Object.entries(HOSTILE_SHAPES)) {
    let size = 40000;
    let small = make(size);
    let smallTime = await fastest(5, () => lint(small));
    // A few milliseconds are within this machine's noise: such shapes are measured where they cost more.
    while (smallTime < MEASURABLE_MS && size < 640000) {
      size *= 2;
      small = make(size);
      smallTime = await fastest(5, () => lint(small));
    }
    const double = make(size * 2);
    const doubleTime = await fastest(3, () => lint(double));
    const quadruple = make(size * 4);
    reportGrowth(`${name} (${size / 1000}k, ${(size * 2) / 1000}k, ${(size * 4) / 1000}k characters)`, [smallTime, doubleTime, await fastest(3, () => lint(quadruple))]);
  }
  console.log(`\nother work at three sizes, each twice the last (linear is 2× a doubling; fails when both doublings pass ${SUPERLINEAR}×)`);
  for (const [name, { sizes, unit, task }] of Object.entries(HOSTILE_TASKS)) {
    const times = [await fastest(5, task(sizes[0])), await fastest(3, task(sizes[1])), await fastest(3, task(2 * sizes[1]))];
    reportGrowth(`${name} (${sizes[0]}, ${sizes[1]}, ${2 * sizes[1]} ${unit})`, times);
  }

  console.log(`\npage layout (pages, counts, length rule): 5,000-char draft, then hostile shapes at three sizes, each twice the last, doubled from 40,000 characters until a layout takes ${LAYOUT_MEASURABLE_MS} ms (fails when both doublings pass ${SUPERLINEAR}×)`);
  const layoutTime = (text: string, rounds: number) => {
    const model = lint(text).model;
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = performance.now();
      layoutPages(model);
      times.push(performance.now() - start);
    }
    return median(times);
  };
  console.log(`  5,000-char draft: layout ${layoutTime(BENCH_TEXTS.small, 50).toFixed(2)} ms`);
  const layoutShapes: Record<string, (size: number) => string> = {
    ...HOSTILE_SHAPES,
    'headings kept with the next, one after another': (size) => `2024年度述职报告\n\n${repeatTo('一、标题\n\n', size)}`,
    'footnote references in one paragraph': (size) => `${repeatTo('工作[^1]', size)}\n\n[^1]: 脚注。\n`,
  };
  const layoutOf = (text: string) => {
    const model = lint(text).model;
    return () => layoutPages(model);
  };
  for (const [name, make] of Object.entries(layoutShapes)) {
    // As for the checks above: the fastest runs, at sizes where a layout takes long enough to be measured.
    let size = 40000;
    let times = [await fastest(5, layoutOf(make(size))), await fastest(3, layoutOf(make(2 * size)))];
    while (times[1] < LAYOUT_MEASURABLE_MS && size < LAYOUT_MAX_SIZE) {
      size *= 2;
      times = [times[1], await fastest(3, layoutOf(make(2 * size)))];
    }
    if (times[1] >= LAYOUT_MEASURABLE_MS) {
      times.push(await fastest(3, layoutOf(make(4 * size))));
      reportGrowth(`layout: ${name} (${size / 1000}k, ${(2 * size) / 1000}k, ${(4 * size) / 1000}k)`, times);
    }
    else console.log(`  layout: ${name.padEnd(46)} ${times[0].toFixed(1).padStart(7)} → ${times[1].toFixed(1).padStart(7)} ms`);
  }

  const { roundTrip, core } = await measureEditToDiagnostics(BENCH_TEXTS.small, 200);
  console.log('\nedit → diagnostics (LSP over stdio, debounce 0), 5,000-char draft');
  console.log(`  round trip ${roundTrip.toFixed(2)} ms, checking core ${core.toFixed(2)} ms: ${(roundTrip / core).toFixed(2)}×`);

  const during = await measureRequestsDuringCheck(BENCH_TEXTS.large, 15);
  console.log('\ncompletion request while a 400,000-char draft is being checked (LSP over stdio)');
  console.log(`  ${during.busy.toFixed(2)} ms during the check (${during.check.toFixed(0)} ms), ${during.idle.toFixed(2)} ms with none running: ${(during.busy / during.idle).toFixed(2)}×`);
}

if (require.main === module) void main();
