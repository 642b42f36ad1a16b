import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { JsonFinding } from '../../server/src/cli/main';
import { readmeSnippet } from '../readme';
import type remarkShuzhi from '../../server/src/remark';
import type { RemarkShuzhiOptions } from '../../server/src/remark';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const REMARK_CLI = join(ROOT, 'node_modules', 'remark-cli', 'cli.js');
const FIXTURES = join(ROOT, 'test', 'fixtures');
/** Every example and fixture draft, paths relative to the repository as the CLI prints them. */
const DRAFTS = [
  ...readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.md')).map((name) => join('examples', name)),
  ...readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).map((name) => join('test', 'fixtures', name)),
];
const SEVERITY = { true: 'error', false: 'warning', undefined: 'info' } as const;

/** The built plugin, through the package's own `exports` (`shuzhi/remark`), as a user imports it. */
async function plugin(): Promise<typeof remarkShuzhi> {
  // A specifier TypeScript does not resolve: the package ships the bundle without declarations.
  const specifier: string = 'shuzhi/remark';
  return ((await import(specifier)) as { default: typeof remarkShuzhi }).default;
}

function cliFindings(files: string[], options: string[] = []): JsonFinding[] {
  return JSON.parse(spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...options, ...files], { cwd: ROOT, encoding: 'utf8' }).stdout) as JsonFinding[];
}

const key = (finding: Pick<JsonFinding, 'file' | 'line' | 'column' | 'endLine' | 'endColumn' | 'severity' | 'rule' | 'message'>) =>
  `${finding.file} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.severity} ${finding.rule} ${finding.message}`;

async function viaUnified(path: string, options?: RemarkShuzhiOptions): Promise<VFile> {
  const file = new VFile({ path, cwd: ROOT, value: readFileSync(join(ROOT, path), 'utf8') });
  const processor = unified().use(remarkParse).use(await plugin(), options);
  await processor.run(processor.parse(file), file);
  return file;
}

function messageKeys(file: VFile): string[] {
  return file.messages.map((message) => key({
    file: file.path, line: message.place && 'start' in message.place ? message.place.start.line : 0,
    column: message.place && 'start' in message.place ? message.place.start.column : 0,
    endLine: message.place && 'end' in message.place ? message.place.end.line : 0,
    endColumn: message.place && 'end' in message.place ? message.place.end.column : 0,
    severity: SEVERITY[String(message.fatal) as keyof typeof SEVERITY], rule: String(message.ruleId), message: message.reason,
  }));
}

describe('remark plugin (shuzhi/remark)', function () {
  this.timeout(60000);

  it('reports through unified exactly what shuzhi lint reports, on every example and fixture', async () => {
    const expected = cliFindings(DRAFTS);
    assert.ok(expected.length > 50);
    const seen: string[] = [];
    for (const path of DRAFTS) {
      const file = await viaUnified(path);
      for (const message of file.messages) assert.ok(message.source === 'shuzhi' && message.url?.startsWith('file://'), `${path}: ${message.ruleId} ${message.url}`);
      seen.push(...messageKeys(file));
    }
    assert.deepEqual(seen.sort(), expected.map(key).sort());
  });

  it('takes the options of .shuzhirc.json', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'shuzhi-remark-'));
    try {
      const config = join(folder, 'config.json');
      writeFileSync(config, JSON.stringify({ rules: { 'ordinal-style': 'off', placeholder: 'warning' } }));
      const expected = cliFindings(['examples/report-draft.md'], ['--config', config]);
      const file = await viaUnified('examples/report-draft.md', { rules: { 'ordinal-style': 'off', placeholder: 'warning' } });
      assert.ok(!expected.some((finding) => finding.rule === 'ordinal-style') && expected.some((finding) => finding.severity === 'warning'));
      assert.deepEqual(messageKeys(file).sort(), expected.map(key).sort());
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives the engine\'s fix, and the replacement of the finding\'s own range as expected', async () => {
    const file = await viaUnified('examples/report-draft.md');
    const ordinal = file.messages.find((message) => message.ruleId === 'ordinal-style')!;
    assert.equal(ordinal.actual, '1、');
    assert.deepEqual(ordinal.expected, ['1.']);
    const renumber = file.messages.find((message) => message.ruleId === 'heading-sequence')! as unknown as { fix: { title: string; edits: unknown[] } };
    assert.ok(renumber.fix.edits.length > 0 && renumber.fix.title.length > 0);
    assert.ok(file.messages.filter((message) => message.ruleId === 'missing-number').every((message) => !('fix' in message)));
  });

  it('reports options that .shuzhirc.json would refuse, and checks with the rest', async () => {
    const file = await viaUnified('examples/report-draft.md', { rules: { placeholder: 'loud' } } as unknown as RemarkShuzhiOptions);
    const config = file.messages.filter((message) => message.ruleId === 'config');
    assert.equal(config.length, 1);
    assert.match(config[0].reason, /remark-shuzhi 的选项.*placeholder/);
    assert.ok(file.messages.some((message) => message.ruleId === 'placeholder'));
  });

  it('runs in remark-cli (`remark --use shuzhi/remark`) with the same findings and exit code as shuzhi lint', () => {
    const files = ['examples/report-draft.md', 'test/fixtures/download-template.md', 'examples/report-final.md'];
    const run = spawnSync(process.execPath, [REMARK_CLI, '--use', 'shuzhi/remark', '--no-color', '--quiet', '--no-stdout', ...files], { cwd: ROOT, encoding: 'utf8' });
    let file = '';
    const seen: string[] = [];
    for (const line of run.stderr.split('\n')) {
      const match = /^(\d+):(\d+)-(\d+):(\d+)\s+(error|warning|info)\s+(.+?)\s+(\S+)\s+shuzhi$/.exec(line.trim());
      if (match) {
        seen.push(key({ file, line: +match[1], column: +match[2], endLine: +match[3], endColumn: +match[4], severity: match[5], rule: match[7], message: match[6] }));
      } else if (/^\S/.test(line)) file = line.trim();
    }
    assert.deepEqual(seen.sort(), cliFindings(files).map(key).sort(), run.stderr);
    assert.equal(run.status, 1);
  });

  it('runs with the README\'s .remarkrc.json in a project that installed shuzhi', () => {
    const project = mkdtempSync(join(tmpdir(), 'shuzhi-remarkrc-'));
    try {
      mkdirSync(join(project, 'node_modules'));
      symlinkSync(ROOT, join(project, 'node_modules', 'shuzhi'), 'dir');
      writeFileSync(join(project, '.remarkrc.json'), readmeSnippet('## remark 插件（remark-cli、unified）', 'json'));
      copyFileSync(join(ROOT, 'examples', 'report-draft.md'), join(project, '述职报告.md'));
      const run = spawnSync(process.execPath, [REMARK_CLI, '--no-color', '--quiet', '--no-stdout', '述职报告.md'], { cwd: project, encoding: 'utf8' });
      const rules = [...run.stderr.matchAll(/\s(\S+)\s+shuzhi$/gm)].map((match) => match[1]);
      const expected = cliFindings(['examples/report-draft.md']).filter((finding) => finding.rule !== 'ordinal-style');
      assert.deepEqual(rules.sort(), expected.map((finding) => finding.rule).sort(), run.stderr);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
