import { chineseToNumber, numberToChinese } from '../numerals';
import { trimmedRange } from '../markdown';
import type { ReportModel } from '../model';
import type { Rule, RuleContext } from '../rule';
import { docsPath } from '../rule';
import type { Fix } from '../types';

/**
 * In-paragraph enumerations (GB/T 15834 B.3.7): 一是…二是…, 第一，…第二，…, 其一…其二. 首先/其次/再次 count
 * as 1/2/3 in the 第 family, because real reports mix them (首先……其次……第三……).
 */
export interface Marker {
  family: 'shi' | 'di' | 'qi';
  value: number;
  /** 首先, 其次, 再次: ordinal words that cannot be renumbered. */
  word: boolean;
  /** Line text indexes of the numeral, for renumbering. */
  numberStart: number;
  numberEnd: number;
  lineIndex: number;
  paragraph: number;
  label: string;
}

const LEAD = '(?<=^|[，。；：！？、,;:!?\\s（(“"])';
const SHI = new RegExp(`${LEAD}([一二三四五六七八九十]{1,3})是(?!\\1)`, 'g');
const DI = new RegExp(`${LEAD}第([一二三四五六七八九十]{1,3})(?=[，,、：:])`, 'g');
const QI = new RegExp(`${LEAD}其([一二三四五六七八九十])(?=[，,、：:])`, 'g');
// 首先 is ordinal wherever it stands (西安市首先严把……); 其次 at a clause start (not 退而求其次);
// 再次 only before a comma (再次强调 means "again").
const FIRST = /(首先)/g;
const ORDER = new RegExp(`${LEAD}(其次|再次(?=[，,]))`, 'g');
const ORDER_VALUE: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3 };
const ORDER_WORD = ['', '首先', '其次', '再次'];
const HEADING_LIKE_MAX = 30;

export const enumerationLabel = (family: Marker['family'], value: number): string =>
  family === 'shi' ? `${numberToChinese(value)}是` : family === 'di' ? `第${numberToChinese(value)}` : `其${numberToChinese(value)}`;

/** Enumeration markers in a line's text from index `from` on, in order. */
export function markersOf(text: string, lineIndex: number, paragraph: number, from: number): Marker[] {
  const found: Marker[] = [];
  const scan = (pattern: RegExp, family: Marker['family'], numberGroupOffset: number, anchor: RegExp, word = false) => {
    if (!anchor.test(text)) return;
    pattern.lastIndex = from;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const value = word ? ORDER_VALUE[match[1]] : chineseToNumber(match[1]);
      if (!value) continue;
      const numberStart = match.index + numberGroupOffset;
      found.push({ family, value, word, numberStart, numberEnd: numberStart + match[1].length, lineIndex, paragraph, label: match[0] });
    }
  };
  // The anchors skip the costlier look-behind patterns on lines that cannot match.
  scan(SHI, 'shi', 0, /[一二三四五六七八九十]是/);
  scan(DI, 'di', 1, /第[一二三四五六七八九十]/);
  scan(QI, 'qi', 1, /其[一二三四五六七八九十]/);
  scan(FIRST, 'di', 0, /首先/, true);
  scan(ORDER, 'di', 0, /其次|再次/, true);
  return found.sort((a, b) => a.numberStart - b.numberStart);
}

function renumber(model: ReportModel, run: Marker[]): Fix | undefined {
  const family = run[0].family;
  const wrong = run.map((marker, index) => ({ marker, value: index + 1 })).filter(({ marker, value }) => marker.value !== value);
  // 首先/其次 cannot be renumbered; a run that needs them changed is left to the writer.
  if (wrong.some(({ marker }) => marker.word)) return undefined;
  const edits = wrong
    .map(({ marker, value }) => {
      const line = model.lines[marker.lineIndex];
      return { start: line.map[marker.numberStart], end: line.map[marker.numberEnd], newText: numberToChinese(value) };
    });
  if (edits.length === 0) return undefined;
  return { title: `将这组列举依次改为${run.map((_, index) => enumerationLabel(family, index + 1)).join('、')}`, edits };
}

function checkRun(context: RuleContext, run: Marker[]): void {
  const { model } = context;
  const fix = renumber(model, run);
  run.forEach((marker, index) => {
    let message: string | undefined;
    if (index === 0 && marker.value !== 1) {
      message = marker.word
        ? `“${ORDER_WORD[marker.value]}”之前没有“首先”或“第一”。`
        : `列举没有从“${enumerationLabel(marker.family, 1)}”开始：这里是“${marker.label}”。`;
    } else if (index > 0) {
      const previous = run[index - 1].value;
      const expected = enumerationLabel(marker.family, previous + 1);
      if (marker.value === previous) message = `列举重复：前面已有“${marker.label}”，这里应为“${expected}”。`;
      else if (marker.value < previous) message = `列举倒退：“${enumerationLabel(marker.family, previous)}”之后应为“${expected}”，这里是“${marker.label}”。`;
      else if (marker.value > previous + 1) message = `列举跳号：“${enumerationLabel(marker.family, previous)}”之后应为“${expected}”，这里是“${marker.label}”。`;
    }
    if (!message) return;
    const line = model.lines[marker.lineIndex];
    const start = marker.word ? marker.numberStart : marker.numberStart - (marker.family === 'shi' ? 0 : 1);
    const end = marker.word ? marker.numberEnd : marker.numberEnd + (marker.family === 'shi' ? 1 : 0);
    context.report({ start: line.map[start], end: line.map[end], message, fix });
  });
}

export const enumerationSequence: Rule = {
  meta: {
    id: 'enumeration-sequence',
    description: '段内列举（一是、二是，第一、第二，首先、其次）跳号、重复或倒退；“一是”用作标题',
    defaultSeverity: 'warning',
    docs: docsPath('enumeration-sequence'),
    fixable: true,
  },
  check(context) {
    const { model } = context;
    const open = new Map<Marker['family'], Marker[]>();
    const closeAll = () => {
      for (const run of open.values()) checkRun(context, run);
      open.clear();
    };
    model.lines.forEach((line, lineIndex) => {
      if (lineIndex === model.titleLine) return;
      const heading = model.headingOfLine[lineIndex];
      if (heading) closeAll();
      reportHeadingLike(context, lineIndex);
      for (const marker of markersOf(line.text, lineIndex, lineIndex, heading ? heading.bodyStart : 0)) {
        const run = open.get(marker.family);
        const last = run?.[run.length - 1];
        // 一是 (or 首先) opens a new run when it starts a new paragraph; in the same paragraph it repeats.
        if (run && last && marker.value === 1 && last.paragraph !== marker.paragraph) {
          checkRun(context, run);
          open.set(marker.family, [marker]);
        } else if (run) {
          run.push(marker);
        } else {
          open.set(marker.family, [marker]);
        }
      }
    });
    closeAll();
  },
};

/** 一是 opening a Markdown heading or a short stand-alone line used as one. */
function reportHeadingLike(context: RuleContext, lineIndex: number): void {
  const { model } = context;
  const line = model.lines[lineIndex];
  const text = line.text.trim();
  const match = /^([一二三四五六七八九十]{1,3})是/.exec(text);
  if (!match) return;
  // A short line with no sentence in it; a line that merely wraps a sentence (……不彻底。班子在) is not one.
  const standsAlone = text.length <= HEADING_LIKE_MAX && !/[。！？；…：，]$/.test(text) && !/[。！？；]/.test(text);
  if (line.mdDepth === 0 && !standsAlone) return;
  context.report({
    ...trimmedRange(line),
    message: `“${match[0]}”是段内列举用语，不能用作标题：标题请改用“（一）”“1.”等序号，或把这句并入段落。`,
  });
}
