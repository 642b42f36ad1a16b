import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportWriteError, writeExport } from '../../server/src/export/write';
import { openDocx } from './docx-xml';
import { runCli } from './helpers';

const FINAL = readFileSync(join(__dirname, '..', '..', 'examples', 'report-final.md'), 'utf8');
const DRAFT = readFileSync(join(__dirname, '..', '..', 'examples', 'report-draft.md'), 'utf8');

const run = runCli;

describe('shuzhi export (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-export-'));
    writeFileSync(join(dir, 'final.md'), FINAL);
    writeFileSync(join(dir, 'draft.md'), DRAFT);
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a .docx next to the draft', async () => {
    const result = await run(['export', 'final.md'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /已导出 final\.docx/);
    assert.match(openDocx(readFileSync(join(dir, 'final.docx'))).document, /县委书记抓基层党建工作述职报告/);
  });

  it('refuses a draft with unfilled content, listing it, unless --force', async () => {
    const refused = await run(['export', 'draft.md'], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /还有 13 处未完成的内容，没有导出/);
    assert.match(refused.stderr, /讲授专题党课次/);
    assert.ok(!existsSync(join(dir, 'draft.docx')));
    const forced = await run(['export', '--force', 'draft.md', '-o', 'out/报告.docx'], dir).catch((error) => error);
    assert.equal(forced.code, 1, 'a missing output folder is reported');
    mkdirSync(join(dir, 'out'));
    const written = await run(['export', '--force', 'draft.md', '-o', 'out/报告.docx'], dir);
    assert.equal(written.code, 0, written.stderr);
    assert.match(written.stdout, /仍有 13 处未完成的内容/);
  });

  it('refuses a draft that still holds page chrome, says how to delete it, and with --force leaves the chrome out', async () => {
    writeFileSync(join(dir, 'page.md'), readFileSync(join(__dirname, '..', 'fixtures', 'pages', 'sitepage-fazhi.md'), 'utf8'));
    const refused = await run(['export', 'page.md'], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /“当前位置：首页 > 政务公开[^\n]*网页残留[^\n]*template-residue/);
    assert.match(refused.stderr, /shuzhi lint --fix page\.md/);
    assert.ok(!existsSync(join(dir, 'page.docx')));
    const forced = await run(['export', '--force', 'page.md'], dir);
    assert.equal(forced.code, 0, forced.stderr);
    const document = openDocx(readFileSync(join(dir, 'page.docx'))).document;
    assert.doesNotMatch(document, /当前位置|浏览次数/);
    assert.match(document, /持续加强法治教育培训/);
  });

  it('never overwrites an existing file without --force', async () => {
    writeFileSync(join(dir, 'final.docx'), 'keep me');
    const refused = await run(['export', 'final.md'], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /已经存在.*--force/);
    assert.equal(readFileSync(join(dir, 'final.docx'), 'utf8'), 'keep me');
    assert.equal((await run(['export', '--force', 'final.md'], dir)).code, 0);
    assert.notEqual(readFileSync(join(dir, 'final.docx'), 'utf8'), 'keep me');
  });

  it('says so when Word holds the target open, and leaves it alone', async () => {
    writeFileSync(join(dir, 'final.docx'), 'open in Word');
    writeFileSync(join(dir, '~$nal.docx'), '');
    const result = await run(['export', '--force', 'final.md'], dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /正在被 Word 或 WPS 打开/);
    assert.equal(readFileSync(join(dir, 'final.docx'), 'utf8'), 'open in Word');
  });

  it('reports usage errors and unreadable drafts with exit 2, and never touches the draft', async () => {
    assert.equal((await run(['export'], dir)).code, 2);
    assert.equal((await run(['export', 'a.md', 'b.md'], dir)).code, 2);
    const missing = await run(['export', 'nope.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.md：文件不存在/);
    assert.equal((await run(['export', 'final.md', '-o', 'final.md'], dir)).code, 2);
    assert.equal(readFileSync(join(dir, 'final.md'), 'utf8'), FINAL);
  });
});

describe('writeExport', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-write-'));
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no temporary file behind, whether it succeeds or not', async () => {
    await writeExport(join(dir, 'a.docx'), new Uint8Array([1, 2, 3]), false);
    assert.deepEqual(readdirSync(dir), ['a.docx']);
    await assert.rejects(writeExport(join(dir, 'a.docx'), new Uint8Array([4]), false), (error: ExportWriteError) => error.problem === 'exists');
    assert.deepEqual([...readFileSync(join(dir, 'a.docx'))], [1, 2, 3]);
  });

  it('explains an unwritable folder', async function () {
    if (process.getuid?.() === 0) {
      // root writes anywhere; /proc stands in for a folder nobody can write to.
      await assert.rejects(writeExport('/proc/shuzhi-test.docx', new Uint8Array([1]), false), (error: ExportWriteError) => error.problem === 'unwritable' && /写入/.test(error.message));
      return;
    }
    chmodSync(dir, 0o555);
    await assert.rejects(writeExport(join(dir, 'a.docx'), new Uint8Array([1]), false), (error: ExportWriteError) => error.problem === 'unwritable' && /写入/.test(error.message));
  });

  it('never writes over anything but a regular file: folders, FIFOs, devices', async () => {
    mkdirSync(join(dir, 'a.docx'));
    writeFileSync(join(dir, 'a.docx', 'inside'), '');
    await assert.rejects(writeExport(join(dir, 'a.docx'), new Uint8Array([1]), true), (error: ExportWriteError) => error.problem === 'unwritable' && /不是普通文件/.test(error.message));
    assert.deepEqual(readdirSync(dir), ['a.docx']);
    execFileSync('mkfifo', [join(dir, 'pipe.docx')]);
    await assert.rejects(writeExport(join(dir, 'pipe.docx'), new Uint8Array([1]), true), /不是普通文件/);
    assert.ok(lstatSync(join(dir, 'pipe.docx')).isFIFO());
    await assert.rejects(writeExport('/dev/null', new Uint8Array([1]), true), /不是普通文件/);
    assert.ok(statSync('/dev/null').isCharacterDevice());
  });

  it('never writes the Word file over the draft, through a symlinked folder or a hard link', async () => {
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'report.md'), FINAL);
    symlinkSync(join(dir, 'real'), join(dir, 'alias'));
    const result = await run(['export', 'real/report.md', '-o', 'alias/report.md', '--force'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /文稿本身/);
    linkSync(join(dir, 'real', 'report.md'), join(dir, 'hard.docx'));
    assert.equal((await run(['export', 'real/report.md', '-o', 'hard.docx', '--force'], dir)).code, 2);
    assert.equal(readFileSync(join(dir, 'real', 'report.md'), 'utf8'), FINAL);
  });
});

describe('export of what Word cannot hold', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-export-odd-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a draft whose unclosed <!-- would hide the rest, unless --force', async () => {
    writeFileSync(join(dir, 'draft.md'), `${FINAL.replace('二、存在的问题', '<!-- 这里待改\n\n二、存在的问题')}`);
    const refused = await run(['export', 'draft.md'], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /第 \d+ 行的注释“<!--”没有对应的“-->”/);
    assert.ok(!existsSync(join(dir, 'draft.docx')));
    const forced = await run(['export', 'draft.md', '--force'], dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, /没有对应的“-->”/);
  });

  it('drops control characters and U+FFFE/U+FFFF, says so, and writes a well-formed file', async () => {
    writeFileSync(join(dir, 'draft.md'), FINAL.replace('一年来', '一\uFFFE年\u0007来\uFFFF'));
    const result = await run(['export', 'draft.md'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /删去了 3 个 Word 无法保存的控制字符或无效字符/);
    const { document } = openDocx(readFileSync(join(dir, 'draft.docx')));
    assert.ok(!/[\uFFFE\uFFFF\u0007]/.test(document));
    assert.match(document, /一年来/);
  });

  it('exports drafts nested thousands of quotes deep without overflowing the stack', async () => {
    writeFileSync(join(dir, 'deep.md'), `2024年度述职报告\n\n${'>'.repeat(5000)} 全年完成投资3亿元。\n\n${'*'.repeat(5000)}强调${'*'.repeat(5000)}\n`);
    const result = await run(['export', 'deep.md', '--force'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(openDocx(readFileSync(join(dir, 'deep.docx'))).document, /全年完成投资3亿元/);
  });
});
