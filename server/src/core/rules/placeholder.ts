import type { Rule, RuleContext } from '../rule';
import { docsPath } from '../rule';
import { quoteAround } from '../snippet';

/**
 * Explicit markers a template leaves for the writer (domain reference §4). Each entry finds
 * candidates; `keep` rejects the look-alikes (X射线, 3×4, 二〇〇八年).
 */
interface Marker {
  pattern: RegExp;
  keep?: (text: string, start: number, end: number) => boolean;
}

const LATIN = /[A-Za-z]/;
const DIGIT = /[0-9０-９]/;
const CHINESE_DIGIT = /[零〇一二三四五六七八九十]/;
const NOT_PLACEHOLDER_AFTER_X = /^(射线|光|线|轴|型|染色体)/;

const MARKERS: Marker[] = [
  {
    // X, XX, X.X, 20XX, 201x, ×× and the full-width forms.
    pattern: /[0-9]*[XxＸｘ×]+(?:[.．][XxＸｘ×]+)*/g,
    keep(text, start, end) {
      const before = text[start - 1] ?? '';
      const after = text[end] ?? '';
      if (LATIN.test(before) || LATIN.test(after)) return false;
      if (NOT_PLACEHOLDER_AFTER_X.test(text.slice(end, end + 3))) return false;
      const token = text.slice(start, end);
      // 3×4, 1920x1080: a multiplication sign or x between numbers.
      if (/^[0-9]+[×x]$/.test(token) && DIGIT.test(after)) return false;
      if (/^[×x]$/.test(token) && DIGIT.test(before) && /^\s*[0-9]/.test(text.slice(end, end + 3))) return false;
      // x86, X1: code-like tokens, not blanks.
      if (/^[XxＸｘ]+$/.test(token) && /[0-9]/.test(after)) return false;
      return true;
    },
  },
  { pattern: /某某+/g },
  // ##同志: names masked with hashes (a heading's # marks never reach the text).
  { pattern: /[#＃]{2,}(?=[\u4e00-\u9fff])/g },
  {
    pattern: /[〇○]{2,}/g,
    // 二〇〇八年 is a date written in Chinese numerals.
    keep: (text, start, end) =>
      text.slice(start, end).includes('○') || !(CHINESE_DIGIT.test(text[start - 1] ?? '') || /[一二三四五六七八九年]/.test(text[end] ?? '')),
  },
  { pattern: /□+/g },
  // 20__年, and a lone _ where a number belongs (近_公里); never the _ of an identifier (snake_case).
  { pattern: /[_＿]{2,}|(?<![A-Za-z0-9_])[_＿](?![A-Za-z0-9_])/g },
  { pattern: /[*＊]+/g },
  { pattern: /[（(][ \t\u3000_＿]*[）)]/g },
  { pattern: /【[ \t\u3000]*(?:(?:待|请|需)[^】]{0,10}|填写[^】]{0,10}|补充[^】]{0,10}|此处[^】]{0,10}|[XxＸｘ×…. ]*)】/g },
  { pattern: /\[[ \t\u3000]*(?:待|请填|填写|补充|此处)[^\]]{0,10}\]/g },
  { pattern: /待定|待填|待补充/g },
  {
    pattern: /TODO|FIXME|TBD/g,
    keep: (text, start, end) => !LATIN.test(text[start - 1] ?? '') && !LATIN.test(text[end] ?? ''),
  },
];

function unfilled(marker: string, around: string): string {
  return `占位符“${marker}”尚未填写（“${around}”）：请替换为实际的数字、名称或内容。`;
}

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    description: '模板中未填写的占位符（X名、XX万元、××、某某、【待填】、（ ）等）',
    defaultSeverity: 'error',
    docs: docsPath('placeholder'),
    fixable: false,
  },
  check(context: RuleContext) {
    const { model } = context;
    for (const { start, end } of model.starPlaceholders) {
      context.report({ start, end, message: unfilled(model.source.slice(start, end), quoteAround(model.source, start, end, 4, 3)) });
    }
    model.lines.forEach((line) => {
      const found: Array<[number, number]> = [];
      const collect = (pattern: RegExp, keep?: Marker['keep']) => {
        pattern.lastIndex = 0;
        for (let match = pattern.exec(line.text); match; match = pattern.exec(line.text)) {
          if (match[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          const start = match.index;
          const end = start + match[0].length;
          if (!keep || keep(line.text, start, end)) found.push([start, end]);
        }
      };
      for (const marker of MARKERS) collect(marker.pattern, marker.keep);
      for (const pattern of context.extraPlaceholders) collect(pattern);

      // Longest first at each start, then drop what an earlier marker already covers (【XX】, XX in 20XX).
      found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
      let coveredUntil = -1;
      for (const [start, end] of found) {
        if (end <= coveredUntil) continue;
        coveredUntil = Math.max(coveredUntil, end);
        const marker = line.text.slice(start, end);
        const around = quoteAround(line.text, start, end, 5, 3);
        context.report({
          start: line.map[start],
          end: line.map[end],
          message: unfilled(marker, around),
        });
      }
    });
  },
};
