import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers';

/** A report copied from a government site with its page around it (our own text, in the shape such pages have). */
const PAGE = readFileSync(join(__dirname, '..', 'fixtures', 'pages', 'sitepage-fazhi.md'), 'utf8');
/** The page's lines that are not the report: breadcrumb, 【 索引号 】 metadata rows, publication line, page tools. */
const CHROME = [
  '当前位置：首页 > 政务公开 > 法治政府建设 > 年度报告',
  '【 索引号 】 11520300MB1X0000Q/2025-00017 【 发文字号 】',
  '【 主题分类 】 司法、法制 【 体裁分类 】 工作报告',
  '【 发布机构 】 青山县青石镇人民政府 【 有效性 】',
  '【 成文日期 】 2025-01-15 【 发布日期 】 2025-01-20',
  '发布时间：2025-01-20 10:32:05 来源：青石镇人民政府 浏览次数：1268',
  '【打印本页】【关闭窗口】',
  '扫一扫在手机打开当前页',
];

describe('lint --fix on a page copied with its chrome', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuzhi-chrome-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, eol] of [['LF', '\n'], ['CRLF (a Word paste)', '\r\n']]) {
    it(`deletes a chrome line or leaves it as it is, never edits one (${name})`, async () => {
      writeFileSync(join(dir, 'page.md'), PAGE.replace(/\n/g, eol));
      await runCli(['lint', '--fix', 'page.md'], dir);
      const after = readFileSync(join(dir, 'page.md'), 'utf8').split(/\r?\n/);
      for (const chrome of CHROME) {
        assert.ok(PAGE.split('\n').includes(chrome), `the fixture holds ${chrome}`);
        // An edited line keeps the start or the end of what it was.
        const edited = after.filter((line) => line !== chrome && line.trim() !== '' && (line.startsWith(chrome.slice(0, 8)) || line.endsWith(chrome.slice(-8))));
        assert.deepEqual(edited, [], `“${chrome}” was edited, not deleted`);
      }
      // The report itself is all there.
      for (const line of PAGE.split('\n').filter((text) => text.trim() && !CHROME.includes(text))) {
        assert.ok(after.some((text) => text.startsWith(line.slice(0, 12))), `kept: ${line}`);
      }
    });
  }
});
