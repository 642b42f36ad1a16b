import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/engine/lint';
import { prepareExport } from '../../server/src/export/prepare';
import manifest from '../../package.json';
import { openDocx } from './docx-xml';

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

const ROOT = join(__dirname, '..', '..');
const load = (file: string): Record<string, Snippet> => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

/** The day the tests pretend it is, for the date variables of the skeletons' signature. */
const TODAY: Record<string, string> = { CURRENT_YEAR: '2025', CURRENT_MONTH: '01', CURRENT_DATE: '08' };

/** A variable, with its transform if any (${CURRENT_MONTH/^0//}), as VS Code resolves it. */
function variable(inner: string): string | undefined {
  const match = /^([A-Z_]+)(?:\/((?:\\\/|[^/])*)\/((?:\\\/|[^/])*)\/([a-z]*))?$/.exec(inner);
  if (!match || TODAY[match[1]] === undefined) return undefined;
  const value = TODAY[match[1]];
  return match[2] === undefined ? value : value.replace(new RegExp(match[2], match[4]), match[3]);
}

/** Expands TextMate snippet syntax with every tab stop left at its default, as VS Code inserts it (a mirror $1 repeats ${1:…}). */
export function expand(body: string, defaults = new Map<string, string>()): string {
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
      const start = ++i;
      while (/\d/.test(body[i])) i++;
      out += defaults.get(body.slice(start, i)) ?? '';
    } else if (ch === '$' && body[i + 1] === '{') {
      i += 2;
      const inner = readUntilClose();
      const resolved = variable(inner);
      if (resolved !== undefined) {
        out += resolved;
        continue;
      }
      const choice = /^\d+\|([^|]*)\|$/.exec(inner);
      const placeholder = /^\d+:([\s\S]*)$/.exec(inner);
      const value = choice ? choice[1].split(',')[0] : placeholder ? expand(placeholder[1], defaults) : '';
      const stop = /^(\d+)[:|]/.exec(inner)?.[1];
      if (stop !== undefined && !defaults.has(stop)) defaults.set(stop, value);
      out += value;
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
      '述法报告（全文框架）': '述法报告',
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

      it(`${name}: ends with a signature and today's date, which the Word export sets as a signature block`, async () => {
        const text = expand(snippet.body.join('\n'));
        const { model } = lint(text);
        assert.equal(model.signature?.date, '2025年1月8日');
        assert.ok(model.signature?.name, 'the line above the date is the signature');
        // Exported as inserted, without editing a word.
        const { document } = openDocx(await prepareExport(text, {}).render());
        const signed = [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Signature"\/>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((paragraph) => paragraph[0].replace(/<[^>]+>/g, ''));
        assert.deepEqual(signed, [model.signature!.name, '2025年1月8日']);
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
    assert.equal(expand('${1:XX单位}${2:20XX}年工作总结，$1'), 'XX单位20XX年工作总结，XX单位');
    assert.equal(expand('${CURRENT_YEAR}年${CURRENT_MONTH/^0//}月${CURRENT_DATE}日'), '2025年1月08日');
  });
});
