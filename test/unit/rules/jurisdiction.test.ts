import { strict as assert } from 'node:assert';
import { lint } from '../../../server/src/core/engine/lint';
import { ownLevel } from '../../../server/src/core/rules/jurisdiction';
import { testRule } from './tester';

const COUNTY = (body: string) => `2024年度XX县委书记抓基层党建工作述职报告\r\n\r\n${body}`;

testRule('jurisdiction', {
  valid: [
    COUNTY('　　在市委、市政府的正确领导下，全县共发展党员120名，县直部门32个，县域经济稳步增长，位居全市前列。\r\n'),
    COUNTY('　　实现全区域网格化管理，县处级干部带头，市场主体增长12%，社区、园区党组织全覆盖。\r\n'),
    'XX区民政局局长述职报告\r\n\r\n　　全区共有养老机构15家，区直单位配合。\r\n',
    'XX镇党委书记述职报告\r\n\r\n　　全镇12个村全部完成，全县乡镇排名第一，乡村振兴扎实推进。\r\n',
    '2024年度述职报告\r\n\r\n　　全区共有党员1200名。\r\n',
    { text: COUNTY('　　对接全区统筹项目。\r\n'), config: { allow: ['全区统筹'] } },
  ],
  invalid: [
    {
      text: COUNTY('　　全区共发展党员120名，区直部门32个，全县党组织全覆盖。\r\n'),
      found: ['全区', '区直'],
      messages: [/这是县一级的报告，这里是否应为“全县”/, /应为“县直”/],
    },
    { text: 'XX镇党委书记述职报告\r\n\r\n　　全乡共有村12个。\r\n', found: ['全乡'], messages: [/应为“全镇”/] },
    {
      text: '2024年度述职报告\r\n\r\n　　全区共有党员1200名。\r\n\r\n中共XX县委员会\r\n2025年1月8日\r\n',
      found: ['全区'],
      messages: [/署名“中共XX县委员会”表明这是县一级的报告/],
    },
  ],
});

describe('jurisdiction: the writer\'s own level', () => {
  it('is the last level the title names, and none for words that only contain a level character', () => {
    const level = (title: string) => ownLevel(lint(`${title}\n\n正文。\n`).model)?.level;
    assert.equal(level('XX市XX县委书记述职报告'), '县');
    assert.equal(level('XX县应急管理局局长述职述廉报告'), '县');
    assert.equal(level('XX街道党工委书记述职报告'), '街道');
    assert.equal(level('市场监督管理局局长述职报告'), undefined);
    assert.equal(level('XX社区党委书记述职报告'), undefined);
  });
});
