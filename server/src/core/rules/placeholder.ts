import type { Rule, RuleContext } from '../engine/rule';
import { docsPath } from '../engine/rule';
import { CharacterKinds } from '../engine/characters';
import { quoteAround } from '../features/snippet';

/**
 * Explicit markers a template leaves for the writer (domain reference §4). Each entry finds
 * candidates; `keep` rejects the look-alikes (X射线, 3×4, 二〇〇八年).
 */
interface Marker {
  pattern: RegExp;
  /** Every match holds one of these characters: a line with none of them is not searched. */
  chars: string;
  keep?: (text: string, start: number, end: number) => boolean;
}

const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9０-９]/;
const CHINESE_DIGIT = /[零〇一二三四五六七八九十]/;
const NOT_PLACEHOLDER_AFTER_X = /^(射线|光|线|轴|型|染色体)/;

const MARKERS: Marker[] = [
  {
    // X, XX, X.X, 20XX, 201x, ×× and the full-width forms.
    // The look-behind lets a match start only where a digit run starts, so a long run of digits stays linear.
    pattern: /(?<![0-9])[0-9]*[XxＸｘ×]+(?:[.．][XxＸｘ×]+)*/g,
    chars: 'XxＸｘ×',
    keep(text, start, end) {
      const before = text[start - 1] ?? '';
      const after = text[end] ?? '';
      if (LATIN.test(before) || LATIN.test(after)) return false;
      if (NOT_PLACEHOLDER_AFTER_X.test(text.slice(end, end + 3))) return false;
      const token = text.slice(start, end);
      // 1.39×: a multiple, not a blank (20××年 is one: a Chinese character follows).
      if (/^[0-9]+×$/.test(token) && !/[\u4e00-\u9fff]/.test(after)) return false;
      // 3×4, 1920x1080: a multiplication sign or x between numbers.
      if (/^[0-9]+[×x]$/.test(token) && DIGIT.test(after)) return false;
      if (/^[×x]$/.test(token) && DIGIT.test(before) && /^\s*[0-9]/.test(text.slice(end, end + 3))) return false;
      // x86, X1: code-like tokens, not blanks.
      if (/^[XxＸｘ]+$/.test(token) && /[0-9]/.test(after)) return false;
      // 1+X 证书 is the name of a national certificate scheme.
      if (/^[XxＸ]$/.test(token) && /[0-9][+＋]$/.test(text.slice(Math.max(0, start - 2), start))) return false;
      return true;
    },
  },
  { pattern: /某某+/g, chars: '某' },
  // ##同志: names masked with hashes (a heading's # marks never reach the text).
  { pattern: /[#＃]{2,}(?=[\u4e00-\u9fff])/g, chars: '#＃' },
  {
    pattern: /[〇○]{2,}/g,
    chars: '〇○',
    // 二〇〇八年 is a date written in Chinese numerals.
    keep: (text, start, end) =>
      text.slice(start, end).includes('○') || !(CHINESE_DIGIT.test(text[start - 1] ?? '') || /[一二三四五六七八九年]/.test(text[end] ?? '')),
  },
  { pattern: /□+/g, chars: '□' },
  // 20__年, and a lone _ where a number belongs (近_公里); never the _ of an identifier (snake_case).
  { pattern: /[_＿]{2,}|(?<![A-Za-z0-9_])[_＿](?![A-Za-z0-9_])/g, chars: '_＿' },
  { pattern: /[*＊]+/g, chars: '*＊' },
  { pattern: /[（(][ \t\u3000_＿]*[）)]/g, chars: '（(' },
  // Prompts of any length: 【请填写具体做法、数据和成效】, 〔待补〕, and brackets holding only blanks or dots: 〔 〕, 〔...〕, （……）.
  { pattern: /[【〔][ \t\u3000]*(?:(?:待|请|需|填写|补充|此处)[^】〕\n]*|[XxＸｘ×…．. ·_＿]*)[】〕]/g, chars: '【〔' },
  { pattern: /[（(][ \t\u3000]*[…．.·]{2,}[ \t\u3000]*[）)]/g, chars: '（(' },
  { pattern: /\[[ \t\u3000]*(?:待|请填|填写|补充|此处)[^\]]{0,10}\]/g, chars: '[' },
  { pattern: /待定|待填|待补充/g, chars: '待' },
  // A word a site filtered out, written as a doubled capital inside Chinese (ZZ for 政治); AAA级 and QQ are real.
  { pattern: /(?<=[\u4e00-\u9fff])([B-PR-WYZ])\1(?=[\u4e00-\u9fff])/g, chars: 'BCDEFGHIJKLMNOPRSTUVWYZ' },
  {
    pattern: /TODO|FIXME|TBD/g,
    chars: 'TF',
    keep: (text, start, end) => !LATIN.test(text[start - 1] ?? '') && !LATIN.test(text[end] ?? ''),
  },
];

/** For each character, the markers whose matches may hold it (bit i for MARKERS[i]). */
const MARKERS_OF = new CharacterKinds();
MARKERS.forEach((marker, index) => MARKERS_OF.add(marker.chars, 1 << index));

function unfilled(marker: string, around: string): string {
  return `占位符“${marker}”尚未填写（“${around}”）：请替换为实际的数字、名称或内容。`;
}

/** Whether a[aStart, aEnd) and b[bStart, bEnd) are the same text, compared in place. */
function sameText(a: string, aStart: number, aEnd: number, b: string, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (a.charCodeAt(aStart + i) !== b.charCodeAt(bStart + i)) return false;
  return true;
}

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    name: '占位符',
    description: '模板中未填写的占位符（X名、XX万元、××、某某、***、【待填】、〔 〕、（ ）等）',
    defaultSeverity: 'error',
    docs: docsPath('placeholder'),
    fixable: false,
  },
  check(context: RuleContext) {
    const { model } = context;
    // Source ranges, with the plain line text to quote from where there is one (quoted only when reported).
    const found: Array<{ start: number; end: number; quoted?: { text: string; start: number; end: number } }> =
      model.starPlaceholders.map(({ start, end }) => ({ start, end }));
    model.lines.forEach((line, lineIndex) => {
      // Residue and tables of contents are reported by their own rule, or are not text at all.
      if (model.roles[lineIndex] === 'residue' || model.roles[lineIndex] === 'toc') return;
      const inLine: Array<[number, number]> = [];
      const collect = (pattern: RegExp, keep?: Marker['keep']) => {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(line.text); match; match = pattern.exec(line.text)) {
          if (match[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          const start = match.index;
          const end = start + match[0].length;
          if (!keep || keep(line.text, start, end)) inLine.push([start, end]);
        }
      };
      const markers = MARKERS_OF.in(line.text);
      if (markers !== 0) MARKERS.forEach((marker, index) => (markers & (1 << index)) !== 0 && collect(marker.pattern, marker.keep));
      for (const pattern of context.extraPlaceholders) inLine.push(...pattern.find(line.text));
      for (const [start, end] of inLine) {
        const sourceStart = line.map[start];
        const sourceEnd = line.map[end];
        // Where Markdown took part of the marker as syntax (***), quote the source as typed.
        const asTyped = sameText(model.source, sourceStart, sourceEnd, line.text, start, end);
        found.push({ start: sourceStart, end: sourceEnd, quoted: asTyped ? { text: line.text, start, end } : undefined });
      }
    });

    // Longest first at each start; drop what an earlier marker covers (【XX】, XX in 20XX) and join
    // touching pieces (** left as text beside a * Markdown took for emphasis is one ***; *-* is one range).
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: typeof found = [];
    const stars = (from: number, to: number) => /^[*＊]+$/.test(model.source.slice(from, to));
    for (const item of found) {
      const last = merged[merged.length - 1];
      if (last && item.end <= last.end) continue;
      const joinsRange = last && /^[-—～~至]$/.test(model.source.slice(last.end, item.start)) && stars(last.start, last.end) && stars(item.start, item.end);
      if (last && (item.start <= last.end || joinsRange)) {
        last.end = item.end;
        last.quoted = undefined;
      } else {
        merged.push(item);
      }
    }
    for (const { start, end, quoted } of merged) {
      const quote = quoted ? quoteAround(quoted.text, quoted.start, quoted.end, 5, 3) : quoteAround(model.source, start, end, 4, 3);
      context.report({ start, end, message: unfilled(model.source.slice(start, end), quote) });
    }
  },
};
