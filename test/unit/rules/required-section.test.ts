import { strict as assert } from 'node:assert';
import { findingsOf, REPORT, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

describe('required-section', () => {
  it('names the missing parts once, at the title, with accepted headings', () => {
    const source = REPORT('一、主要工作\n\n全年完成各项任务。\n\n二、下步打算\n\n继续努力。\n');
    const found = findingsOf('required-section', source);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, '2024年度述职报告');
    assert.match(found[0].message, /缺少“存在问题”部分/);
    assert.match(found[0].message, /存在的问题/);
  });

  it('matches headings by synonyms, with and without #, combined headings too', () => {
    const source = '# 2024年度述职报告\n\n## 一、履职尽责情况\n\n做了工作。\n\n## 二、存在的不足及下一步打算\n\n还有不足。\n';
    assert.deepEqual(findingsOf('required-section', source), []);
  });

  it('uses the genre from front matter and reports its parts', () => {
    const source = '---\nprofile: 对照检查材料\n---\n个人发言提纲\n\n一、查摆的问题\n\n问题。\n';
    const [seen] = findingsOf('required-section', source);
    assert.match(seen.message, /对照检查材料缺少“原因剖析”“整改措施”部分/);
  });

  it('takes topical sections before the named ones as the first part', () => {
    const source = REPORT('一、抓党建促发展\n\n做法。\n\n二、抓产业强基础\n\n做法。\n\n三、存在问题\n\n问题。\n\n四、下步打算\n\n打算。\n');
    assert.deepEqual(findingsOf('required-section', source), []);
    assert.deepEqual(findingsOf('section-order', source), []);
    const noProblems = REPORT('一、抓党建促发展\n\n做法。\n\n二、下步打算\n\n打算。\n');
    assert.match(findingsOf('required-section', noProblems)[0].message, /缺少“存在问题”部分/);
  });

  it('stays quiet when no genre is detected', () => {
    assert.deepEqual(findingsOf('required-section', '会议纪要\n\n一、会议内容\n\n内容。\n'), []);
  });

  it('accepts extra synonyms from configuration', () => {
    const source = REPORT('一、工作回顾\n\n做了工作。\n\n二、存在问题\n\n问题。\n\n三、明年思路\n\n思路。\n');
    assert.equal(findingsOf('required-section', source, { synonyms: { 述职报告: { work: ['工作回顾'] } } }).length, 0);
  });
});

testRule('required-section', {
  valid: [WORD_PASTE('一、履职尽责情况\r\n　　做法。\r\n二、存在的不足及下一步打算\r\n　　不足。\r\n')],
  invalid: [
    { text: WORD_PASTE('一、主要做法\r\n　　做法。\r\n二、存在问题\r\n　　问题。\r\n'), found: ['2024年度述职报告'], messages: [/缺少“下步打算”部分/] },
  ],
});
