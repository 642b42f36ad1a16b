import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type IGrammar, INITIAL, parseRawGrammar, Registry } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';

const ROOT = join(__dirname, '..', '..');
const INJECTION = 'markdown.shuzhi.injection';

/** Tokenizes with the tokenizer VS Code uses, over the Markdown grammar VS Code ships (via tm-grammars). */
async function markdownGrammar(): Promise<IGrammar> {
  await loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return parseRawGrammar(readFileSync(require.resolve('tm-grammars/grammars/markdown.json'), 'utf8'), 'markdown.json');
      if (scopeName === INJECTION) return parseRawGrammar(readFileSync(join(ROOT, 'syntaxes', 'shuzhi.injection.tmLanguage.json'), 'utf8'), 'shuzhi.json');
      return null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
  });
  return (await registry.loadGrammar('text.html.markdown'))!;
}

/** Each token of the lines whose scopes include one of ours, as [text, our scope]. */
function ours(grammar: IGrammar, text: string): Array<[string, string]> {
  let state = INITIAL;
  const found: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    for (const token of tokens) {
      const scope = token.scopes.find((name) => name.endsWith('.shuzhi'));
      if (scope) found.push([line.slice(token.startIndex, token.endIndex), scope]);
    }
  }
  return found;
}

describe('TextMate injection grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await markdownGrammar();
  });

  it('marks heading ordinals of every level, with and without #', () => {
    assert.deepEqual(ours(grammar, '一、主要做法\n\n　　（一）抓学习。全年学习12次。\n\n1.读原文。\n\n（1）写心得。\n\n## 二、存在问题'), [
      ['一、', 'markup.heading.ordinal.level1.shuzhi'],
      ['（一）', 'markup.heading.ordinal.level2.shuzhi'],
      ['1.', 'constant.numeric.ordinal.level3.shuzhi'],
      ['（1）', 'constant.numeric.ordinal.level4.shuzhi'],
      ['二、', 'markup.heading.ordinal.level1.shuzhi'],
    ]);
  });

  it('marks in-paragraph enumerations but not look-alikes', () => {
    assert.deepEqual(ours(grammar, '一是加强学习；二是改进作风。第一，要团结。首先，要担当。统一是前提，第一书记到位。'), [
      ['一是', 'entity.name.type.enumeration.shuzhi'],
      ['二是', 'entity.name.type.enumeration.shuzhi'],
      ['第一', 'entity.name.type.enumeration.shuzhi'],
      ['首先', 'entity.name.type.enumeration.shuzhi'],
    ]);
  });

  it('marks explicit placeholders and leaves X光 and numbers alone', () => {
    const tokens = ours(grammar, '新发展党员X名，投入XX万元，20XX年，××镇，某某村，【待填】，（ ）人次。配备X光机，分辨率1920x1080，全年12次。');
    assert.deepEqual(tokens.map(([text]) => text), ['X', 'XX', '20XX', '××', '某某', '【待填】', '（ ）']);
    assert.ok(tokens.every(([, scope]) => scope === 'invalid.illegal.placeholder.shuzhi'));
  });

  it('colours nothing but an unfilled placeholder as an error (default themes paint keyword and invalid red)', () => {
    const grammar = readFileSync(join(ROOT, 'syntaxes', 'shuzhi.injection.tmLanguage.json'), 'utf8');
    const scopes = new Set([...grammar.matchAll(/"name": "([^"]+)"/g)].map((match) => match[1]));
    for (const scope of scopes) {
      if (scope.startsWith('invalid.')) assert.match(scope, /placeholder/, scope);
      assert.doesNotMatch(scope, /^(keyword|storage|constant\.character)\b/, `${scope} reads as an error in the 2026 themes`);
    }
  });

  it('leaves fenced code alone', () => {
    assert.deepEqual(ours(grammar, '```\n一、X名\n```'), []);
  });
});
