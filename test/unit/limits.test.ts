import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../server/src/core/engine/lint';
import { runCli } from './helpers';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

describe('limits that hold', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-limits-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to export past the size limit before checking, and --force does not go past it', async () => {
    writeFileSync(join(dir, 'huge.md'), `2024年度述职报告\n\n${'全年开展专题党课4次。\n\n'.repeat(80_000)}`);
    for (const args of [['export', 'huge.md'], ['export', 'huge.md', '--force']]) {
      const result = await runCli(args, dir);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stderr, /超过导出上限（100 万字）：这不像一份报告，没有导出（--force 也不能越过这个上限）/);
      assert.doesNotMatch(result.stderr, /未完成|缺少内容/, 'the draft was checked first');
      assert.equal(result.stdout, '');
      assert.ok(!existsSync(join(dir, 'huge.docx')));
    }
  });

  it('says 没有导出 only when it does not export: --force over what the Word file lacks exports and says what is missing', async () => {
    const final = readFileSync(join(__dirname, '..', '..', 'examples', 'report-final.md'), 'utf8');
    writeFileSync(join(dir, 'final.md'), final.replace('一年来', '![组织架构图](missing.png)\n\n一年来'));
    const refused = await runCli(['export', 'final.md'], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /没有导出/);
    const forced = await runCli(['export', 'final.md', '--force'], dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, /图片“missing\.png”无法读取.*Word 文件中不会有这张图片/);
    assert.doesNotMatch(forced.stderr, /没有导出/);
    assert.ok(existsSync(join(dir, 'final.docx')));
  });

  it('refuses a draft past the read limit by its size, without reading it', async () => {
    writeFileSync(join(dir, 'sparse.md'), '');
    truncateSync(join(dir, 'sparse.md'), 52 * 1000 * 1000);
    const result = await runCli(['lint', 'sparse.md'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /sparse\.md：文件有 49\.6 MB，超过 5\.0 MB 的上限，未读取/);
  });

  it('reads endless standard input no further than the same limit', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const result = spawnSync(process.execPath, [CLI, 'lint', '-'], { stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', timeout: 50000 });
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /<标准输入>：超过 5 MB 的上限，不像是一份文稿，未检查/);
    } finally {
      closeSync(zero);
    }
  });

  it('says a full disk on standard output is a full disk, not a defect of shuzhi', () => {
    writeFileSync(join(dir, 'draft.md'), '2024年度述职报告\n\n新发展党员X名。\n');
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [CLI, 'lint', 'draft.md'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 50000 });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^shuzhi：无法写出结果（磁盘空间不足，ENOSPC）。请清理磁盘空间后重试。\n$/);
    } finally {
      closeSync(full);
    }
  });

  it('does not run a placeholder pattern whose cost on this text is past the budget, and says so; cheaper ones still run', async () => {
    const costly = '(?:党课|党员|述职|[0-9]){1,160}X';
    const line = '全年开展专题党课4次，新发展党员12名，人数待填。'.repeat(1600);
    const result = lint(`2024年度述职报告\n\n${line}\n`, { placeholders: [costly, '待填'] });
    assert.deepEqual(result.notes, [`占位符模式“${costly}”对这份 ${line.length + 13} 字的文稿太复杂（程序 1282 条指令，逐字匹配要花太久），这次没有用它检查。请把它写得简单些（少用 {n} 次重复和很长的“或”）`]);
    assert.equal(result.findings.filter((finding) => finding.rule === 'placeholder' && result.model.source.slice(finding.start, finding.end) === '待填').length, 1600);
    // On a report of ordinary length the same pattern runs.
    const short = lint('2024年度述职报告\n\n全年开展专题党课4次X。\n', { placeholders: [costly] });
    assert.equal(short.notes, undefined);
    assert.ok(short.findings.some((finding) => finding.rule === 'placeholder' && short.model.source.slice(finding.start, finding.end).endsWith('X')));
    writeFileSync(join(dir, '.shuzhirc.json'), JSON.stringify({ placeholders: [costly] }));
    writeFileSync(join(dir, 'long.md'), `2024年度述职报告\n\n${line}\n`);
    assert.match((await runCli(['lint', 'long.md'], dir)).stderr, /long\.md：占位符模式“.*”对这份 \d+ 字的文稿太复杂/);
  });
});
