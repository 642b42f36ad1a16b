import { strict as assert } from 'node:assert';
import { applyFix, findingsOf, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

testRule('number-format', {
  valid: [
    WORD_PASTE('　　2024年3月5日召开会议，10月10日完成，二〇二四年十二月，近24年来，上午10:30，同比增长0.5%。\r\n'),
    WORD_PASTE('一、主要做法\r\n　　下面从以下三个方面报告：\r\n（一）学习\r\n　　内容。\r\n（二）落实\r\n　　内容。\r\n（三）监督\r\n　　内容。\r\n'),
    WORD_PASTE('　　主要存在以下几个问题：一是学习不深；二是落实不够。存在以下两个问题：一是学习不深；二是落实不够。\r\n'),
  ],
  invalid: [
    {
      text: WORD_PASTE('　　2024年03月05日召开会议，二0二四年、二零二四年工作，24年度目标。\r\n'),
      found: ['03', '05', '二0二四', '二零二四', '24'],
      messages: [/“03月”应为“3月”/, /“05日”应为“5日”/, /应为“二〇二四年”/, /应为“二〇二四年”/, /“24年”应为“2024年”/],
      output: WORD_PASTE('　　2024年3月5日召开会议，二〇二四年、二〇二四年工作，2024年度目标。\r\n'),
    },
    {
      text: WORD_PASTE('一、主要做法\r\n　　下面从以下三个方面报告：\r\n（一）学习\r\n　　内容。\r\n（二）落实\r\n　　内容。\r\n（三）监督\r\n　　内容。\r\n（四）作风\r\n　　内容。\r\n'),
      found: ['以下三个'],
      messages: [/后面却列了4个小标题（（一）……（四））/],
    },
    {
      text: WORD_PASTE('　　主要存在以下四个问题：一是学习不深；二是落实不够；三是作风不实。\r\n'),
      found: ['以下四个'],
      messages: [/后面却列了3项（一是……三是）/],
    },
  ],
});

describe('number-format: years run together and years spliced into counts', () => {
  const found = (body: string) => findingsOf('number-format', WORD_PASTE(body)).map((seen) => seen.text);
  it('finds a year range that lost its dash and fixes it', () => {
    const draft = WORD_PASTE('　　对照《法治政府建设实施纲要（20212025年）》目标要求推进工作。\r\n');
    const [finding] = findingsOf('number-format', draft);
    assert.equal(finding.text, '20212025');
    assert.match(finding.message, /2021—2025年/);
    assert.equal(applyFix(draft, finding.finding), WORD_PASTE('　　对照《法治政府建设实施纲要（2021—2025年）》目标要求推进工作。\r\n'));
  });
  it('finds counts that hold the year of the draft when several do', () => {
    assert.deepEqual(found('　　2023年3月进驻以来，全村辖2023个村民小组，总户数42023户，小组长2023人，共调解纠纷56起。\r\n'), ['2023', '42023', '2023']);
  });
  it('leaves a single count that happens to hold the year, and codes and ranges, alone', () => {
    assert.deepEqual(found('　　2024年全年培训党员2024人次，“十四五”（2021—2025年）规划，编号20242025号。\r\n'), []);
  });
});
