// Writes the lexicon's data files (server/src/lexicon/data/) from their published sources:
//   words.txt  the jieba dictionary (dict.txt of jieba, MIT), as shipped in the npm package
//                 @node-rs/jieba@2.0.3: word, frequency, part of speech;
//   pinyin.txt    the toneless readings of every character of that dictionary, from pinyin-pro (MIT).
// Usage: node scripts/lexicon-data.mjs   (fetches the package with `npm pack`; needs the npm registry)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';

const JIEBA_PACKAGE = '@node-rs/jieba@2.0.3';
const out = new URL('../server/src/lexicon/data/', import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'shuzhi-lexicon-'));
const tarball = execFileSync('npm', ['pack', JIEBA_PACKAGE, '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop();
execFileSync('tar', ['xzf', join(work, tarball), '-C', work, 'package/dict.txt']);
const dict = readFileSync(join(work, 'package/dict.txt'), 'utf8');

const header = [
  '# 来源：jieba 分词词典 dict.txt（https://github.com/fxsjy/jieba），取自 npm 包 @node-rs/jieba@2.0.3',
  '# 许可：MIT License，Copyright (c) 2013 Sun Junyi；全文见同目录 LICENSE.jieba',
  '# 每行：词 词频 词性',
];
writeFileSync(new URL('words.txt', out), `${header.join('\n')}\n${dict.trimEnd()}\n`);

const readings = new Map();
const characters = new Set();
for (const line of dict.split('\n')) for (const character of line.split(' ')[0]) if (/[\u4e00-\u9fff]/.test(character)) characters.add(character);
for (const character of [...characters].sort()) {
  for (const syllable of pinyin(character, { toneType: 'none', multiple: true, type: 'array' })) {
    if (!/^[a-zü]+$/.test(syllable)) continue;
    readings.set(syllable, (readings.get(syllable) ?? '') + character);
  }
}
const pinyinLines = [...readings].sort((a, b) => a[0].localeCompare(b[0])).map(([syllable, chars]) => `${syllable} ${chars}`);
writeFileSync(new URL('pinyin.txt', out), [
  '# 来源：pinyin-pro 3.29.4（https://github.com/zh-lx/pinyin-pro）给出的不带声调的读音，多音字列出全部读音',
  '# 许可：MIT License，Copyright (c) 2022-present zh-lx；全文见同目录 LICENSE.pinyin-pro',
  '# 每行：读音 该读音的全部汉字（限于 words.txt 中出现的汉字）',
  ...pinyinLines,
].join('\n') + '\n');
console.log(`${dict.split('\n').length} words, ${characters.size} characters, ${readings.size} syllables`);
