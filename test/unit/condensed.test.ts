import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../../server/src/core/reading/markdown';

const ROOT = join(__dirname, '../..');

/** Both readings, maps as plain arrays so a difference shows where it is. */
function readings(source: string): [unknown, unknown] {
  const plain = (parsed: ReturnType<typeof parseMarkdown>) => ({ ...parsed, lines: parsed.lines.map((line) => ({ ...line, map: Array.from(line.map) })) });
  return [plain(parseMarkdown(source)), plain(parseMarkdown(source, { condense: false }))];
}

/** Markdown constructs right beside runs of Chinese, where a condensed run could change what the parser sees. */
const SHAPES: Record<string, string> = {
  'emphasis between Chinese words': '全年**召开党委会**专题研究*十二*次，开展*次培训，***镇完成任务。\n',
  'emphasis flanked by full-width marks': '“**坚持党建引领**”，（*重点*）推进各项工作。\n',
  'underscores inside words': '社区_网格_管理全面推进，__重点__工作落实。\n',
  'links and images with Chinese targets': '详见[工作台账](台账/二〇二四年度.md "年度台账")和![工作照片](图片/现场照片.png)。\n',
  'reference labels that condense alike': '详见[年度工作台账]和[年度台账]。\n\n[年度台账]: https://example.gov.cn/ledger "年度台账"\n',
  'html comments and blocks': '<!-- shuzhi-disable 暂不检查本段 -->\n全年开展活动次。\n<!-- shuzhi-enable -->\n\n<div>\n网页留下的区块内容\n</div>\n',
  'an unclosed comment': '一、工作情况\n\n全年开展活动。<!-- 这里没有结束\n后面的内容都被隐藏了\n',
  'a table of Chinese cells': '| 项目名称 | 完成情况 |\n| :--- | ---: |\n| 基层组织建设 | 全面完成 |\n| 作风建设 | 持续推进 |\n',
  'code fenced and indented, with tabs': '```\n代码块里的中文说明\n```\n\n    缩进的一段中文文字，全年完成任务。\n\n\t制表符缩进的中文段落。\n',
  'tabs inside lines': '项目\t完成情况\t备注说明\n一、工作\t情况汇报\n',
  'lists and quotes': '1. 抓学习，全年开展专题学习十二次。\n2. 抓队伍\n   继续的文字放在这里。\n\n- 项目一内容较长\n- 项目二\n\n> 引用的一段中文文字\n> > 嵌套的引用文字\n',
  'headings, setext and atx': '述职报告\n=====\n\n一、主要工作\n---\n\n## （一）抓党建工作\n',
  'entities and escapes': '全年&#x4e00;共完成&amp;任务，\\*不是强调\\*，&copy;版权所有。\n',
  'hard breaks': '第一行文字内容  \n第二行文字内容\\\n第三行文字内容\n',
  'footnotes': '全年完成投资[^1]三亿元。\n\n[^1]: 数据来源于统计部门年报。\n',
  'front matter': '---\ntitle: 年度述职报告\nprofile: 述职报告\n---\n\n一、工作情况\n',
  'line endings: CRLF and lone CR': '一、工作情况\r\n全年开展活动十二次。\r\n二、存在问题\r理论学习不够深入。\r',
  'astral characters and odd spaces': '𠮷野家𠮷𠮷的文字，　全角空格　在中间，\u00a0不换行空格。\n',
  'a NUL in a line': '全年开展\u0000活动十二次，完成任务。\n',
  'autolinks and raw html inline': '请登录<https://www.12388.gov.cn>举报，或发送邮件<jubao@example.cn>说明情况。<span>网页标签</span>文字。\n',
  'code spans': '使用`代码里的中文`说明，以及``双反引号中的`文字``。\n',
  'a Word paste without blank lines': '2024年度述职报告\n尊敬的各位领导：\n一、履职情况\n（一）压实责任。全年召开会议次，\n- 31.50 KB\n后面的文字成为列表的延续行。\n',
};

describe('condensed runs of Chinese give the same reading as a full parse', () => {
  for (const [name, source] of Object.entries(SHAPES)) {
    it(name, () => {
      const [condensed, full] = readings(source);
      assert.deepEqual(condensed, full);
    });
  }

  it('every fixture and example draft, as written and with CRLF', () => {
    const files = [
      ...readdirSync(join(ROOT, 'test/fixtures')).filter((name) => name.endsWith('.md')).map((name) => join(ROOT, 'test/fixtures', name)),
      ...readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.md')).map((name) => join(ROOT, 'examples', name)),
    ];
    assert.ok(files.length >= 10);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const text of [source, source.replace(/\r?\n/g, '\r\n')]) {
        const [condensed, full] = readings(text);
        assert.deepEqual(condensed, full, file);
      }
    }
  });
});
