import { strict as assert } from 'node:assert';
import laws from '../../server/src/data/laws.json';
import data from '../../server/src/data/units.json';
import { countsFrom } from '../../server/src/core/lexicon/units';
import { findingsOf } from './helpers';

interface Entry { unit: string; [list: string]: string | boolean }

const split = (list: string) => list.split(/\s+/).filter(Boolean);

describe('unit vocabulary (data/units.json)', () => {
  const entries = data.units as Entry[];

  it('names each unit once', () => {
    const units = entries.map((entry) => entry.unit);
    assert.deepEqual(units.filter((unit, index) => units.indexOf(unit) !== index), []);
  });

  it('has only entries that can match: before and counts words end with the unit, after words start with it', () => {
    const dead: string[] = [];
    for (const entry of entries) {
      for (const [list, value] of Object.entries(entry)) {
        if (typeof value !== 'string' || list === 'unit') continue;
        const listed = split(value);
        if (listed.length === 0) dead.push(`${entry.unit}.${list} is empty`);
        for (const word of listed.filter((item, index) => listed.indexOf(item) !== index)) dead.push(`${entry.unit}.${list}: ${word} twice`);
        for (const word of listed) {
          if ((list === 'before' || list === 'counts') && (!word.endsWith(entry.unit) || word === entry.unit)) dead.push(`${entry.unit}.${list}: ${word}`);
          if (list === 'after' && (!word.startsWith(entry.unit) || word === entry.unit)) dead.push(`${entry.unit}.after: ${word}`);
        }
      }
    }
    assert.deepEqual(dead, []);
  });

  it('gives the Markdown reader the same units as missing-number: a star before any unit is a placeholder', () => {
    for (const { unit } of entries) assert.ok(countsFrom(`开展*${unit}`, 3), unit);
    // A unit that starts a longer word is no count: 公 of 公里 in 公开, 个 in 个人.
    assert.equal(countsFrom('推进公开', 2), false);
    assert.equal(countsFrom('关心个人', 2), false);
  });

  it('reads a star before a unit as a placeholder and bold around a word as bold', () => {
    assert.deepEqual(findingsOf('placeholder', '2024年度述职报告\n\n全年购置*台设备，推进**公开**透明，完成**学习**任务。\n').map((seen) => seen.text), ['*']);
  });

  it('treats a count unit used as a noun (人次达到) as filled and a bare one as a gap', () => {
    const found = findingsOf('missing-number', '2024年度述职报告\n\n培训党员人次达到新高。全年培训党员人次。\n');
    assert.deepEqual(found.map((seen) => seen.message.match(/“(.+?)”/)![1]), ['全年培训党员人次']);
  });
});

describe('law titles (data/laws.json)', () => {
  it('lists each law once, by its title without 中华人民共和国, every title a law (…法)', () => {
    const titles = [...laws.laws, ...laws.bills];
    assert.deepEqual(titles.filter((title, index) => titles.indexOf(title) !== index), []);
    assert.deepEqual(titles.filter((title) => title.startsWith('中华人民共和国') || !/^[\u4e00-\u9fff]+法$/.test(title)), []);
  });

  it('gives short names only for listed laws, and no short name that is another law\'s title', () => {
    const aliases = laws.aliases as Record<string, string[]>;
    assert.deepEqual(Object.keys(aliases).filter((title) => !laws.laws.includes(title)), []);
    assert.deepEqual(Object.values(aliases).flat().filter((alias) => laws.laws.includes(alias)), []);
  });

  it('accepts every listed title, with and without the state\'s name', () => {
    const text = laws.laws.map((title, index) => (index % 2 ? `《中华人民共和国${title}》` : `《${title}》`)).join('、');
    assert.deepEqual(findingsOf('fixed-phrase', `2024年度述法报告\n\n认真学习${text}。\n`), []);
  });
});
