import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/lint';
import { prepareExport } from '../../server/src/export/prepare';
import manifest from '../../package.json';

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

const ROOT = join(__dirname, '..', '..');
const load = (file: string): Record<string, Snippet> => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

/** Expands TextMate snippet syntax with every tab stop left at its default, as VS Code inserts it. */
export function expand(body: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    let depth = 0;
    let text = '';
    for (; i < body.length; i++) {
      const ch = body[i];
      if (ch === '\\') {
        text += ch + (body[i + 1] ?? '');
        i++;
      } else if (ch === '{' && body[i - 1] === '$') {
        depth++;
        text += ch;
      } else if (ch === '}') {
        if (depth === 0) {
          i++;
          return text;
        }
        depth--;
        text += ch;
      } else {
        text += ch;
      }
    }
    throw new Error(`unclosed placeholder in ${body}`);
  };
  while (i < body.length) {
    const ch = body[i];
    if (ch === '\\') {
      out += body[i + 1];
      i += 2;
    } else if (ch === '$' && /\d/.test(body[i + 1])) {
      i++;
      while (/\d/.test(body[i])) i++;
    } else if (ch === '$' && body[i + 1] === '{') {
      i += 2;
      const inner = readUntilClose();
      const choice = /^\d+\|([^|]*)\|$/.exec(inner);
      const placeholder = /^\d+:([\s\S]*)$/.exec(inner);
      out += choice ? choice[1].split(',')[0] : placeholder ? expand(placeholder[1]) : '';
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

describe('snippets', () => {
  const files = manifest.contributes.snippets.map((entry) => entry.path.replace(/^\.\//, ''));

  it('are contributed for Markdown and load', () => {
    assert.deepEqual(files.sort(), ['snippets/phrases.json', 'snippets/sections.json', 'snippets/skeletons.json']);
    for (const file of files) assert.ok(Object.keys(load(file)).length > 0, file);
  });

  it('can be typed in pinyin initials and in Chinese', () => {
    for (const file of files) {
      for (const [name, snippet] of Object.entries(load(file))) {
        assert.ok(snippet.prefix.some((prefix) => /^[a-z]+$/.test(prefix)), `${name} has a pinyin prefix`);
        assert.ok(snippet.prefix.some((prefix) => /[\u4e00-\u9fff]/.test(prefix)), `${name} has a Chinese prefix`);
      }
    }
  });

  describe('each report skeleton, inserted with its tab stops as they are', () => {
    const expectedGenre: Record<string, string> = {
      '述职报告（全文框架）': '述职报告',
      '抓基层党建工作述职报告（全文框架）': '述职报告',
      '述责述廉报告（全文框架）': '述责述廉报告',
      '年度工作总结（全文框架）': '年度工作总结',
      '对照检查材料（全文框架）': '对照检查材料',
    };
    for (const [name, snippet] of Object.entries(load('snippets/skeletons.json'))) {
      it(`${name}: is recognised as ${expectedGenre[name]} and only flags its unfilled tab stops`, () => {
        const text = expand(snippet.body.join('\n'));
        const { findings, model } = lint(text);
        assert.equal(model.profile?.id, expectedGenre[name]);
        const unexpected = findings.filter((finding) => finding.rule !== 'placeholder');
        assert.deepEqual(unexpected.map((finding) => `${finding.rule}: ${finding.message}`), []);
        const flagged = findings.map((finding) => text.slice(finding.start, finding.end));
        assert.ok(flagged.length >= 3, `the unfilled stops are flagged: ${flagged.join(' ')}`);
        assert.ok(flagged.every((marker) => /^(20XX|XX|【请填写[^】]*】)$/.test(marker)), flagged.join(' '));
        // The export's question (这份文稿还有 N 处未完成的内容) counts every one of them.
        assert.equal(prepareExport(text, {}).unfinished.length, flagged.length);
      });

      it(`${name}: asks for the year once (one tab stop, mirrored wherever the year recurs)`, () => {
        const body = snippet.body.join('\n');
        const stops = [...body.matchAll(/\$\{(\d+):20XX\}/g)].map((match) => match[1]);
        assert.equal(stops.length, 1, body);
        assert.ok(!/(?<![\d$])20XX/.test(body.replace(/\$\{\d+:20XX\}/, '')), 'every other year is the mirror');
      });
    }
  });

  it('phrases raise no placeholder or missing-number alarm; sections flag only their unfilled stops', () => {
    const alarms = (file: string) =>
      Object.entries(load(file)).flatMap(([name, snippet]) => {
        const text = `2024年度述职报告\n\n${expand(snippet.body.join('\n'))}\n`;
        return lint(text)
          .findings.filter((finding) => finding.rule === 'missing-number' || finding.rule === 'placeholder')
          .map((finding) => ({ name, rule: finding.rule, marker: text.slice(finding.start, finding.end) }));
      });
    assert.deepEqual(alarms('snippets/phrases.json'), []);
    const inSections = alarms('snippets/sections.json');
    assert.ok(inSections.every((alarm) => alarm.rule === 'placeholder' && /^(20XX|XX|【请填写[^】]*】)$/.test(alarm.marker)), JSON.stringify(inSections));
  });

  it('expands placeholders, choices and escapes the way VS Code does', () => {
    assert.equal(expand('${1:20XX}年${2|一,二|}、\\$5 ${3:a${4:b}c}$0'), '20XX年一、$5 abc');
  });
});
