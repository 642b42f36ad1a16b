import { strict as assert } from 'node:assert';
import { importDocx } from '../../server/src/import/docx';
import { numberedDocx, numberedParagraph, paragraph } from './hostile-docx';

/** The imported lines of a list of `count` paragraphs numbered in one format. */
async function importedList(format: string, text: string, count: number, start = 1): Promise<string[]> {
  const body = paragraph('2024年度述职报告') + Array.from({ length: count }, () => numberedParagraph('加强理论学习')).join('');
  const { markdown } = await importDocx(numberedDocx(body, [[{ format, text, start }]]), 'images');
  return markdown.split('\n').filter((line) => line.endsWith('加强理论学习'));
}

describe('import of Word numbering formats, as written', () => {
  const cases: Array<[format: string, text: string, start: number, expected: string[]]> = [
    ['chineseCounting', '%1、', 1, ['一、', '二、', '三、']],
    ['chineseCounting', '（%1）', 9, ['（九）', '（十）', '（十一）']],
    ['chineseCountingThousand', '(%1)', 99, ['(九十九)', '(一百)', '(一百零一)']],
    ['taiwaneseCounting', '%1、', 20, ['二十、', '二十一、', '二十二、']],
    ['chineseLegalSimplified', '%1、', 9, ['玖、', '壹拾、', '壹拾壹、']],
    ['chineseLegalSimplified', '第%1部分', 1, ['第壹部分', '第贰部分', '第叁部分']],
    ['ideographLegalTraditional', '%1、', 1, ['壹、', '貳、', '參、']],
    ['ideographTraditional', '%1、', 1, ['甲、', '乙、', '丙、']],
    ['ideographZodiac', '%1.', 1, ['子.', '丑.', '寅.']],
    ['ideographZodiacTraditional', '%1、', 1, ['甲子、', '乙丑、', '丙寅、']],
    ['ideographDigital', '%1、', 9, ['九、', '一〇、', '一一、']],
    ['ideographEnclosedCircle', '%1', 1, ['㊀', '㊁', '㊂']],
    ['decimalEnclosedCircleChinese', '%1', 1, ['①', '②', '③']],
    ['decimalEnclosedFullstop', '%1', 1, ['⒈', '⒉', '⒊']],
    ['decimalFullWidth', '%1．', 1, ['１．', '２．', '３．']],
    ['decimal', '（%1）', 1, ['（1）', '（2）', '（3）']],
    // A format no report uses still shows a number, never an empty （）.
    ['hindiCounting', '（%1）', 1, ['（1）', '（2）', '（3）']],
  ];
  for (const [format, text, start, expected] of cases) {
    it(`${format} ${text}: ${expected.join(' ')}`, async () => {
      assert.deepEqual(await importedList(format, text, 3, start), expected.map((ordinal) => `${ordinal}加强理论学习`));
    });
  }

  it('writes out 5,000 numbered paragraphs at two levels, each level counting on its own', async function () {
    this.timeout(60000);
    const body = Array.from({ length: 2500 }, (_, index) => numberedParagraph(`第${index + 1}部分`, 1, 0) + numberedParagraph('要点', 1, 1)).join('');
    const { markdown } = await importDocx(numberedDocx(body, [[{ format: 'chineseCounting', text: '%1、' }, { format: 'chineseCounting', text: '（%2）' }]]), 'images');
    assert.match(markdown, /\n二千五百、第2500部分\n\n（一）要点\n$/);
  });
});
