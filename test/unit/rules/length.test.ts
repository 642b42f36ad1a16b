import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingsOf } from '../helpers';
import { testRule } from './tester';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
/** A Word-shaped 述法报告 of 552 characters (Word's 字数) on 2 pages, CRLF line ends added. */
const SHUFA = readFileSync(join(FIXTURES, 'wordshaped-shufa.md'), 'utf8').replace(/\r?\n/g, '\r\n');
const withFrontMatter = (front: string) => `---\r\n${front}\r\n---\r\n${SHUFA}`;

testRule('length', {
  valid: [
    // No limits: nothing is ever reported, however long.
    SHUFA,
    SHUFA.repeat(6),
    { text: SHUFA, config: { limits: { characters: 552, pages: 2, minutes: 3 } } },
    // 552 characters at 200 a minute: 2.8 minutes, within 3.
    withFrontMatter('limits:\r\n  minutes: 3'),
    // Front matter raises a limit the configuration sets lower.
    { text: withFrontMatter('limits: { characters: 600 }'), config: { limits: { characters: 500 } } },
  ],
  invalid: [
    {
      text: SHUFA,
      config: { limits: { characters: 500 } },
      found: ['关于2024年度履行推进法治建设第一责任人\r\n职责情况的报告'],
      messages: [/^全文 552 字，超过限额 500 字，多出 52 字。最长的部分：“一、履职情况” 290 字（53%），“三、下步打算” 88 字（16%），“二、存在的问题” 84 字（15%）。请压缩篇幅。$/],
    },
    {
      text: SHUFA,
      config: { limits: { pages: 1 } },
      found: ['关于2024年度履行推进法治建设第一责任人\r\n职责情况的报告'],
      messages: [/^按导出的版式共 2 页，超过限额 1 页，多出 1 页（最后一页 13 行）。最长的部分：“一、履职情况”/],
    },
    {
      text: withFrontMatter('limits:\r\n  minutes: 2'),
      found: ['关于2024年度履行推进法治建设第一责任人\r\n职责情况的报告'],
      messages: [/^按每分钟 200 字宣读约 2\.8 分钟，超过限额 2 分钟，需删去约 152 字。/],
    },
    {
      text: withFrontMatter('limits:\r\n  minutes: 2'),
      config: { readingSpeed: 150 },
      found: ['关于2024年度履行推进法治建设第一责任人\r\n职责情况的报告'],
      messages: [/^按每分钟 150 字宣读约 3\.7 分钟，超过限额 2 分钟，需删去约 252 字。/],
    },
    {
      text: withFrontMatter('limits:\r\n  pages: 两页\r\n  words: 3000'),
      found: ['---\r\nlimits:\r\n  pages: 两页\r\n  words: 3000\r\n---', '---\r\nlimits:\r\n  pages: 两页\r\n  words: 3000\r\n---'],
      messages: [/limits\.pages 的值“两页”应为正数/, /“words”不是已知的限额/],
    },
  ],
});

describe('length (over several limits)', () => {
  it('says every limit the draft is over in one finding', () => {
    const found = findingsOf('length', SHUFA, { limits: { characters: 400, pages: 1, minutes: 1 } });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^全文 552 字，超过限额 400 字，多出 152 字；按导出的版式共 2 页，超过限额 1 页，多出 1 页（最后一页 13 行）；按每分钟 200 字宣读约 2\.8 分钟/);
  });
});
