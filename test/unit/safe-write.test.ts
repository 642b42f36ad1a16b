import { strict as assert } from 'node:assert';
import { chmodSync, chownSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFixedDraft } from '../../server/src/io/files';
import { writeFileSafely, WriteError } from '../../server/src/io/safeWrite';
import { runCli } from './helpers';

const BROKEN = '2024年度述职报告\n\n一、主要做法\n\n1、抓学习。内容。\n\n3、抓队伍。内容。\n\n二、存在问题\n\n学习不够深入。\n';
const FIXED_LINE = /2\.抓队伍/;
const isRoot = process.getuid?.() === 0;

describe('safe write-back (lint --fix, export, import)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-safe-'));
    writeFileSync(join(dir, 'draft.md'), BROKEN);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('abandons the write when the draft changed after it was read, and keeps the change', () => {
    const appended = `${BROKEN}三、下步打算\n\n这一行是修复期间在编辑器里加上的。\n`;
    writeFileSync(join(dir, 'draft.md'), appended);
    const problem = writeFixedDraft(join(dir, 'draft.md'), 'draft.md', BROKEN.replace('3、', '2.'), false, BROKEN);
    assert.match(problem ?? '', /draft\.md 在 shuzhi 读取之后被改动过.*没有写入/);
    assert.equal(readFileSync(join(dir, 'draft.md'), 'utf8'), appended);
    assert.deepEqual(readdirSync(dir), ['draft.md'], 'a temporary file was left behind');
  });

  it('never follows a link planted where a temporary file would go, and the draft stays a file', async () => {
    writeFileSync(join(dir, 'victim.txt'), '别的文件');
    // The names the old write-back used, and the random ones' shape: none is opened.
    for (const name of [`.draft.md.${process.pid}.tmp`, '.draft.md.0000000000000000.tmp']) symlinkSync(join(dir, 'victim.txt'), join(dir, name));
    const result = await runCli(['lint', '--fix', 'draft.md'], dir);
    assert.match(result.stderr, /已自动修复/);
    assert.equal(readFileSync(join(dir, 'victim.txt'), 'utf8'), '别的文件');
    assert.ok(lstatSync(join(dir, 'draft.md')).isFile());
    assert.match(readFileSync(join(dir, 'draft.md'), 'utf8'), FIXED_LINE);
  });

  it('keeps mode, owner and group of the draft', async function () {
    chmodSync(join(dir, 'draft.md'), 0o664);
    if (isRoot) chownSync(join(dir, 'draft.md'), 65534, 65534);
    const before = statSync(join(dir, 'draft.md'));
    await runCli(['lint', '--fix', 'draft.md'], dir);
    const after = statSync(join(dir, 'draft.md'));
    assert.match(readFileSync(join(dir, 'draft.md'), 'utf8'), FIXED_LINE);
    assert.equal(after.mode & 0o7777, 0o664);
    assert.deepEqual([after.uid, after.gid], [before.uid, before.gid]);
  });

  it('refuses a read-only draft with a message and leaves it as it was', async () => {
    chmodSync(join(dir, 'draft.md'), 0o444);
    const result = await runCli(['lint', '--fix', 'draft.md'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /draft\.md 是只读文件，没有改动/);
    assert.equal(readFileSync(join(dir, 'draft.md'), 'utf8'), BROKEN);
  });

  it('writes a hard-linked draft in place: every link sees the fix', async () => {
    linkSync(join(dir, 'draft.md'), join(dir, 'copy-in-other-folder.md'));
    await runCli(['lint', '--fix', 'draft.md'], dir);
    assert.equal(statSync(join(dir, 'draft.md')).ino, statSync(join(dir, 'copy-in-other-folder.md')).ino);
    assert.match(readFileSync(join(dir, 'copy-in-other-folder.md'), 'utf8'), FIXED_LINE);
    assert.equal(statSync(join(dir, 'draft.md')).nlink, 2);
  });

  it('export and import write the same way: a read-only target is refused, a hard-linked one is not split', async () => {
    const final = readFileSync(join(__dirname, '..', '..', 'examples', 'report-final.md'), 'utf8');
    writeFileSync(join(dir, 'final.md'), final);
    writeFileSync(join(dir, 'final.docx'), 'old');
    chmodSync(join(dir, 'final.docx'), 0o444);
    const refused = await runCli(['export', 'final.md', '--force'], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /final\.docx 是只读文件/);
    assert.equal(readFileSync(join(dir, 'final.docx'), 'utf8'), 'old');
    chmodSync(join(dir, 'final.docx'), 0o644);
    linkSync(join(dir, 'final.docx'), join(dir, 'shared.docx'));
    assert.equal((await runCli(['export', 'final.md', '--force'], dir)).code, 0);
    assert.equal(statSync(join(dir, 'final.docx')).ino, statSync(join(dir, 'shared.docx')).ino);
    assert.equal(readFileSync(join(dir, 'shared.docx')).subarray(0, 2).toString(), 'PK');
    const imported = await runCli(['import', 'final.docx', '-o', 'back.md'], dir);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(readFileSync(join(dir, 'back.md'), 'utf8'), /县委书记抓基层党建工作述职报告/);
  });

  it('when only creating (export or import without --force), never replaces a file that appeared meanwhile', () => {
    writeFileSync(join(dir, 'report.docx'), '刚由别人保存');
    assert.throws(() => writeFileSafely(join(dir, 'report.docx'), new Uint8Array([1]), { createOnly: true }), (error: WriteError) => error.problem === 'exists');
    assert.equal(readFileSync(join(dir, 'report.docx'), 'utf8'), '刚由别人保存');
    writeFileSafely(join(dir, 'new.docx'), new Uint8Array([0x50, 0x4b]), { createOnly: true });
    assert.equal(readFileSync(join(dir, 'new.docx'), 'latin1'), 'PK');
    assert.equal(statSync(join(dir, 'new.docx')).nlink, 1);
    assert.deepEqual(readdirSync(dir).sort(), ['draft.md', 'new.docx', 'report.docx']);
  });

  it('never writes onto anything but a regular file, and says why', () => {
    assert.throws(() => writeFileSafely(dir, new Uint8Array([1])), (error: WriteError) => error.problem === 'unwritable' && /不是普通文件/.test(error.message));
  });
});
