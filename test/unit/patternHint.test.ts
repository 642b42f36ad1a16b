import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import data from '../../server/src/data/residue.json';
import { hintOf, neededWords } from '../../server/src/core/reading/patternHint';

const words = (source: string) => {
  const needed = neededWords(source);
  return needed && [...needed].sort();
};

/** Patterns in the shapes the reader joins, skips or gives up on. */
const SHAPES = [
  '仅供(学习|参考)', '本文档?(由|来源)', '由.{1,16}(网|文库)(精心)?(整理|提供)', 'a\\.b(c|d)+e', '(?:ab|cd){2}x?', '[（(]此处[^）)]{0,4}[）)]',
  '^\\s*(首页|当前位置[:：]?)\\s*[>›»]', '\\d+\\s*[KkMm][Bb]', '(a|b*)c?', 'x(?=yz)yz', '(?:)|a', '[a-c][x-z]\\u4e00', '(?:第|篇)\\s*\\d{1,2}\\s*篇?',
];
const RUNS = Number(process.env.SHUZHI_PROPERTY_RUNS ?? 10000);

describe('words a pattern needs', () => {
  it('joins the characters a match always holds in a row, optional ones included', () => {
    assert.deepEqual(words('仅供(学习|参考)'), ['仅供参考', '仅供学习']);
    assert.deepEqual(words('本文档?由'), ['本文档由', '本文由']);
    assert.deepEqual(words('由.{1,16}(网|文库)(精心)?(整理|提供)'), ['提供', '整理']);
    assert.deepEqual(words('\\.docx?\\s*(VIP|下载)'), ['.doc', '.docx']);
  });

  it('names no word where a match may hold none of any', () => {
    for (const source of ['(a|b*)c?', '[^a]b?', '.+', '\\s*\\1', '(?<name>a)', '(?=a)', '[\\u4e00-\\u9fff]+']) assert.equal(neededWords(source), undefined, source);
    assert.equal(hintOf(['仅供学习', '.*']), undefined);
  });

  it('every residue pattern names the words its matches need, so each line group is scanned for them first', () => {
    for (const { pattern } of data.patterns) assert.ok(neededWords(pattern), pattern);
  });

  it('never rules out a text the pattern matches', () => {
    for (const source of [...data.patterns.map((entry) => entry.pattern), ...SHAPES]) {
      const pattern = new RegExp(source);
      const hint = hintOf([source]);
      if (!hint) continue;
      // fast-check draws texts for patterns without look-arounds; a look-around only narrows what matches.
      const drawn = fc.stringMatching(new RegExp(source.replace(/\(\?<?[=!](?:[^()]|\([^()]*\))*\)/g, '')));
      fc.assert(fc.property(drawn, (text) => !pattern.test(text) || hint.test(text)), { numRuns: Math.ceil(RUNS / 20) });
    }
  });
});
