import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonFinding } from '../../server/src/cli/main';
import { runCli } from './helpers';

const run = runCli;

const DRAFT = '2024年度述职报告\r\n\r\n一、主要做法\r\n\r\n　　全年开展专题党课次，新发展党员X名。\r\n\r\n二、存在问题\r\n\r\n学习不够深入。\r\n\r\n三、下步打算\r\n\r\n继续努力。\r\n\r\n县委书记　陈刚\r\n2025年1月8日\r\n';
const CLEAN = '2024年度述职报告\n\n一、主要做法\n\n全年开展专题党课4次。\n\n二、存在问题\n\n学习不够深入。\n\n三、下步打算\n\n继续努力。\n\n县委书记　陈刚\n2025年1月8日\n';

describe('shuzhi lint (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-cli-'));
    writeFileSync(join(dir, 'draft.md'), DRAFT);
    writeFileSync(join(dir, 'clean.md'), CLEAN);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints findings as text and exits 1 when there is an error', async () => {
    const result = await run(['lint', 'draft.md'], dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /draft\.md/);
    assert.match(result.stdout, /5:11 +错误/);
    assert.match(result.stdout, /missing-number/);
    assert.match(result.stdout, /2 个问题/);
  });

  it('writes JSON with 1-based lines and UTF-16 columns', async () => {
    const result = await run(['lint', '--format', 'json', 'draft.md'], dir);
    const findings = JSON.parse(result.stdout) as JsonFinding[];
    assert.deepEqual(findings.map((finding) => [finding.rule, finding.line, finding.column, finding.endLine, finding.endColumn]), [
      ['missing-number', 5, 11, 5, 12],
      ['placeholder', 5, 18, 5, 19],
    ]);
    assert.equal(findings[0].file, 'draft.md');
    assert.equal(findings[0].severity, 'error');
  });

  it('exits 0 for a clean draft, and reads globs and standard input', async () => {
    const clean = await run(['lint', 'clean.md'], dir);
    assert.equal(clean.code, 0);
    assert.match(clean.stdout, /没有发现问题/);
    const globbed = await run(['lint', '--format', 'json', '*.md'], dir);
    assert.deepEqual([...new Set((JSON.parse(globbed.stdout) as JsonFinding[]).map((finding) => finding.file))], ['draft.md']);
    const piped = await run(['lint', '-'], dir, DRAFT);
    assert.equal(piped.code, 1);
    assert.match(piped.stdout, /<标准输入>/);
  });

  it('exits 2 naming files it cannot read, binary files and unmatched globs', async () => {
    writeFileSync(join(dir, 'report.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]));
    const missing = await run(['lint', 'nope.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.md：没有找到匹配的文件/);
    const broken = await run(['lint', 'report.docx', 'clean.md'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /report\.docx：文件已损坏，无法作为 Word 文档（\.docx）打开/);
    writeFileSync(join(dir, 'chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const binary = await run(['lint', 'chart.png'], dir);
    assert.equal(binary.code, 2);
    assert.match(binary.stderr, /chart\.png：这是二进制文件/);
    const folder = await run(['lint', '.'], dir);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /这是一个文件夹/);
  });

  it('reads GBK drafts and says so', async () => {
    const gbk = Buffer.from([0xc8, 0xab, 0xc4, 0xea, 0xbf, 0xaa, 0xd5, 0xb9, 0xb4, 0xce, 0xa1, 0xa3]); // 全年开展次。
    writeFileSync(join(dir, 'gbk.md'), gbk);
    const result = await run(['lint', '--format', 'json', 'gbk.md'], dir);
    assert.match(result.stderr, /GB18030/);
    assert.equal((JSON.parse(result.stdout) as JsonFinding[])[0].rule, 'missing-number');
  });

  it('reads Big5 drafts as Big5, not as garbled GBK', async () => {
    // 全年開展次。 in Big5, which also decodes (as nonsense) in GB18030.
    const sentence = '今年以來，我們認真履行職責，推動各項工作取得新成效。全年開展黨課次。';
    const big5 = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'encodings', 'big5.md')));
    writeFileSync(join(dir, 'big5.md'), big5);
    const result = await run(['lint', '--format', 'json', 'big5.md'], dir);
    assert.match(result.stderr, /Big5/);
    assert.match((await run(['outline', '--format', 'json', 'big5.md'], dir)).stdout, new RegExp(sentence.slice(0, 8)));
    assert.equal((JSON.parse(result.stdout) as JsonFinding[])[0].rule, 'missing-number');
  });

  it('reports usage errors with exit 2', async () => {
    assert.equal((await run([], dir)).code, 2);
    assert.equal((await run(['lint'], dir)).code, 2);
    const format = await run(['lint', '--format', 'xml', 'draft.md'], dir);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /--format/);
    const profile = await run(['lint', '--profile', '心得体会', 'draft.md'], dir);
    assert.equal(profile.code, 2);
    assert.match(profile.stderr, /未知的文种“心得体会”/);
    assert.equal((await run(['lint', '--config', 'missing.json', 'draft.md'], dir)).code, 2);
    assert.equal((await run(['frobnicate'], dir)).code, 2);
  });

  it('applies the nearest .shuzhirc.json and --profile', async () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'draft.md'), DRAFT);
    writeFileSync(join(dir, '.shuzhirc.json'), JSON.stringify({ rules: { 'missing-number': 'off' } }));
    writeFileSync(join(dir, 'sub', '.shuzhirc.json'), JSON.stringify({ rules: { placeholder: 'warning' } }));
    const nearest = JSON.parse((await run(['lint', '--format', 'json', 'sub/draft.md'], dir)).stdout) as JsonFinding[];
    assert.deepEqual(nearest.map((finding) => `${finding.rule}:${finding.severity}`), ['missing-number:error', 'placeholder:warning']);
    const outer = JSON.parse((await run(['lint', '--format', 'json', 'draft.md'], dir)).stdout) as JsonFinding[];
    assert.deepEqual(outer.map((finding) => finding.rule), ['placeholder']);
    const profiled = JSON.parse((await run(['lint', '--format', 'json', '--profile', '对照检查材料', 'clean.md'], dir)).stdout) as JsonFinding[];
    assert.ok(profiled.some((finding) => finding.rule === 'required-section' && /原因剖析/.test(finding.message)));
  });

  it('names a broken config file and goes on with defaults', async () => {
    writeFileSync(join(dir, '.shuzhirc.json'), '{ "rules": { "placeholder": "loud" }, "colour": 1 }');
    const result = await run(['lint', '--format', 'json', 'draft.md'], dir);
    assert.match(result.stderr, /\.shuzhirc\.json 有误/);
    assert.match(result.stderr, /“colour” 不是已知的设置项/);
    assert.match(result.stderr, /已按默认设置检查/);
    assert.equal((JSON.parse(result.stdout) as JsonFinding[]).length, 2);
    writeFileSync(join(dir, '.shuzhirc.json'), '{ "rules": ');
    assert.match((await run(['lint', 'draft.md'], dir)).stderr, /不是有效的 JSON/);
  });
});

describe('shuzhi outline (CLI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-outline-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const TEMPLATE = '仅供学习 禁止外传 用后删除\n2024年度述职报告\n尊敬的各位领导：\n一、主要做法\n（一）抓学习。内容。\n二、存在问题\n问题。\n三、下步打算\n打算。\n张三\n2025年1月8日\n';

  it('prints the reading of a draft as one JSON object', async () => {
    writeFileSync(join(dir, 'draft.md'), TEMPLATE);
    const result = await run(['outline', '--format', 'json', 'draft.md'], dir);
    assert.equal(result.code, 0);
    const outline = JSON.parse(result.stdout);
    for (const key of ['genre', 'genreSource', 'checkedByDefault', 'title', 'residue', 'headings', 'signature']) assert.ok(key in outline, key);
    assert.equal(outline.genre, '述职报告');
    assert.equal(outline.genreSource, 'title');
    assert.equal(outline.checkedByDefault, true);
    assert.equal(outline.title.text, '2024年度述职报告');
    assert.equal(outline.salutation.line, 3);
    assert.deepEqual(outline.residue.map((residue: { line: number }) => residue.line), [1]);
    assert.deepEqual(outline.headings.map((heading: { ordinal: string; title: string }) => heading.ordinal + heading.title), ['一、主要做法', '二、存在问题', '三、下步打算']);
    assert.equal(outline.headings[0].children[0].title, '抓学习');
    assert.deepEqual(outline.signature, { name: '张三', date: '2025年1月8日', source: 'body', lines: [10, 11] });
    assert.deepEqual({ ...outline.length, parts: undefined }, { characters: 57, pages: 1, minutes: 0.3, parts: undefined });
    assert.deepEqual(outline.headings.map((heading: { characters: number }) => heading.characters), [16, 9, 9]);
  });

  it('prints a readable outline and reads standard input', async () => {
    const result = await run(['outline', '-'], dir, TEMPLATE);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /文种：述职报告（依据：标题）/);
    assert.match(result.stdout, /默认检查：是/);
    assert.match(result.stdout, /第1行　仅供学习 禁止外传 用后删除/);
    assert.match(result.stdout, /\n  第4行　一、主要做法（16 字）\n    第5行　（一）抓学习（10 字）\n/);
    // Word's 字数: 2025年1月8日 is six, the residue line none.
    assert.match(result.stdout, /\n篇幅：57 字（按 Word 字数统计），1 页（按导出版式），宣读约 0\.3 分钟\n  开头　15 字\n  一、主要做法　16 字\n  二、存在问题　9 字\n  三、下步打算　9 字\n  结尾　8 字\n$/);
  });

  it('says why a note is not checked, and that a .shuzhirc.json changes that', async () => {
    writeFileSync(join(dir, 'note.md'), '会议记录\n\n今天讨论了下周的安排。\n');
    const json = async () => JSON.parse((await run(['outline', '--format', 'json', 'note.md'], dir)).stdout);
    assert.equal((await json()).checkedByDefault, false);
    assert.match((await json()).scopeReason, /没有识别出文种/);
    writeFileSync(join(dir, '.shuzhirc.json'), '{}');
    assert.equal((await json()).checkedByDefault, true);
  });

  it('takes exactly one draft', async () => {
    assert.equal((await run(['outline'], dir)).code, 2);
    assert.equal((await run(['outline', 'a.md', 'b.md'], dir)).code, 2);
    assert.match((await run(['outline', 'missing.md'], dir)).stderr, /missing\.md/);
  });
});

describe('CLI on hostile or unlucky input', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-hostile-'));
    writeFileSync(join(dir, 'draft.md'), DRAFT);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses devices and FIFOs as drafts without reading them', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const result = await run(['lint', '/dev/zero', 'pipe.md', 'draft.md'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /\/dev\/zero：不是普通文件/);
    assert.match(result.stderr, /pipe\.md：不是普通文件/);
    assert.match(result.stdout, /draft\.md/, 'the readable draft is still checked');
  });

  it('refuses a configuration that is a device or a FIFO, and checks with defaults', async () => {
    symlinkSync('/dev/zero', join(dir, '.shuzhirc.json'));
    const viaDevice = await run(['lint', 'draft.md'], dir);
    assert.match(viaDevice.stderr, /无法读取配置文件 .*不是普通文件/);
    assert.equal(viaDevice.code, 1);
    rmSync(join(dir, '.shuzhirc.json'));
    execFileSync('mkfifo', [join(dir, '.shuzhirc.json')]);
    assert.match((await run(['lint', 'draft.md'], dir)).stderr, /不是普通文件/);
  });

  it('reads UTF-16 drafts saved by Notepad', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT, 'utf16le')]);
    writeFileSync(join(dir, 'unicode.md'), utf16);
    const result = await run(['lint', '--format', 'json', 'unicode.md'], dir);
    assert.match(result.stderr, /UTF-16/);
    assert.equal((JSON.parse(result.stdout) as JsonFinding[]).length, 2);
  });

  it('reads standard input once, and says so when nothing could be checked', async () => {
    const twice = await run(['lint', '--format', 'json', '-', '-'], dir, DRAFT);
    assert.equal((JSON.parse(twice.stdout) as JsonFinding[]).length, 2);
    const none = await run(['lint', 'missing.md'], dir);
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /没有检查任何文稿/);
  });

  it('treats a broken configuration named with --config as a usage error', async () => {
    writeFileSync(join(dir, 'bad.json'), '{ "rules": ');
    const result = await run(['lint', '--config', 'bad.json', 'draft.md'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /不是有效的 JSON.*请改正后重试/);
  });

  it('accepts a --profile defined by the configuration, and reports a profile typo in the configuration', async () => {
    const genre = {
      id: '调研报告', titles: ['调研报告'],
      sections: [{ id: 'status', name: '基本情况', synonyms: ['基本情况'] }, { id: 'advice', name: '对策建议', synonyms: ['对策'] }],
    };
    writeFileSync(join(dir, '.shuzhirc.json'), JSON.stringify({ genres: [genre] }));
    const result = await run(['lint', '--format', 'json', '--profile', '调研报告', 'draft.md'], dir);
    assert.equal(result.code, 1, result.stderr);
    assert.ok((JSON.parse(result.stdout) as JsonFinding[]).some((finding) => /对策建议/.test(finding.message)));
    writeFileSync(join(dir, '.shuzhirc.json'), JSON.stringify({ profile: '述职报吿' }));
    const typo = await run(['lint', 'draft.md'], dir);
    assert.match(typo.stderr, /profile “述职报吿”不是已知文种/);
  });

  it('says in Chinese which option is wrong or belongs to another command', async () => {
    assert.match((await run(['lint', '--colour', 'draft.md'], dir)).stderr, /未知的选项“--colour”/);
    const misplaced = await run(['lint', '--force', '-o', 'x.docx', 'draft.md'], dir);
    assert.equal(misplaced.code, 2);
    assert.match(misplaced.stderr, /lint 命令没有 (--force|-o) 选项/);
    assert.match((await run(['export', '--format', 'json', 'draft.md'], dir)).stderr, /export 命令没有 --format 选项/);
  });

  it('ends quietly when the reader of its output goes away (lint … | head)', () => {
    writeFileSync(join(dir, 'big.md'), `2024年度述职报告\n\n${'投入资金万元。\n'.repeat(20000)}`);
    const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
    const output = execFileSync('bash', ['-c', `node ${JSON.stringify(cli)} lint big.md | head -n 3; echo "status \${PIPESTATUS[0]}"`], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(output, /status [01]\n$/);
  });
});

describe('shuzhi lint --fix', () => {
  let dir: string;
  const BROKEN = '\uFEFF2024年度述职报告\n\n一、主要做法\n\n1、抓学习。内容。\n\n3、抓队伍。内容。\n\n三、存在问题\n\n新发展党员X名。\n\n四、下步打算\n\n一是加强学习；三是改进作风。\n';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-fix-'));
    writeFileSync(join(dir, 'draft.md'), BROKEN);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fixes everything fixable in one run, keeps the BOM, and reports what is left', async () => {
    const result = await run(['lint', '--fix', '--format', 'json', 'draft.md'], dir);
    const fixed = readFileSync(join(dir, 'draft.md'), 'utf8');
    assert.equal(fixed, '\uFEFF2024年度述职报告\n\n一、主要做法\n\n1.抓学习。内容。\n\n2.抓队伍。内容。\n\n二、存在问题\n\n新发展党员X名。\n\n三、下步打算\n\n一是加强学习；二是改进作风。\n');
    assert.match(result.stderr, /已自动修复/);
    // The draft is not signed: that is left for the writer, as every unfilled placeholder is.
    assert.deepEqual((JSON.parse(result.stdout) as JsonFinding[]).map((finding) => finding.rule), ['placeholder', 'signature']);
    assert.equal(result.code, 1);
  });

  it('shows the changes with --fix-dry-run and leaves the file alone', async () => {
    const result = await run(['lint', '--fix-dry-run', 'draft.md'], dir);
    assert.match(result.stdout, /-3、抓队伍。内容。\n/);
    assert.match(result.stdout, /\+2\.抓队伍。内容。\n/);
    assert.equal(readFileSync(join(dir, 'draft.md'), 'utf8'), BROKEN);
  });

  it('never rewrites what it cannot write back as it was (GBK) and writes through a symlink', async () => {
    writeFileSync(join(dir, 'gbk.md'), Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd6, 0xf7, 0xd2, 0xaa, 0x0a, 0x33, 0xa1, 0xa2])); // 一、主要\n3、
    const before = readFileSync(join(dir, 'gbk.md'));
    assert.match((await run(['lint', '--fix', 'gbk.md'], dir)).stderr, /不是 UTF-8 编码，没有改动/);
    assert.deepEqual(readFileSync(join(dir, 'gbk.md')), before);
    symlinkSync(join(dir, 'draft.md'), join(dir, 'link.md'));
    await run(['lint', '--fix', 'link.md'], dir);
    assert.match(readFileSync(join(dir, 'draft.md'), 'utf8'), /2\.抓队伍/);
  });
});

describe('the README example', () => {
  it('shows what shuzhi lint really prints for the bundled draft, with the real count', async () => {
    const root = join(__dirname, '..', '..');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /```text\n(examples\/report-draft\.md\n[\s\S]*?)\n  ……\n```/.exec(readme)![1];
    const result = await run(['lint', 'examples/report-draft.md'], root);
    assert.equal(result.code, 1);
    // The README shows a selection of the lines, in the order they are printed.
    const printed = result.stdout.split('\n');
    let at = 0;
    for (const line of block.split('\n')) {
      at = printed.indexOf(line, at);
      assert.ok(at !== -1, `the README shows a line shuzhi does not print (in this order): ${line}`);
    }
    const stated = Number(/会列出 (\d+) 个问题/.exec(readme)![1]);
    assert.match(result.stdout, new RegExp(`共 ${stated} 个问题`));
  });
});
