/**
 * In-paragraph enumerations (GB/T 15834 B.3.7): 一是…二是…, 第一，…第二，…, 其一…其二. 首先/其次/再次 count
 * as 1/2/3 in the 第 family, because real reports mix them (首先……其次……第三……). An item that
 * introduces a list of its own (一是强化保障：一是……二是……。二是……) holds a nested run.
 */
import { chineseToNumber, numberToChinese } from './numerals';

export interface EnumerationMarker {
  family: 'shi' | 'di' | 'qi';
  value: number;
  /** 首先, 其次, 再次: ordinal words that cannot be renumbered. */
  word: boolean;
  /** Line text indexes of the numeral, for renumbering. */
  numberStart: number;
  numberEnd: number;
  lineIndex: number;
  label: string;
}

export interface EnumerationRun {
  family: EnumerationMarker['family'];
  markers: EnumerationMarker[];
  /** The item of an outer run that introduces this one. */
  parent?: EnumerationMarker;
}

/**
 * Where a marker can stand: after a mark, or after a conjunction that opens the list (因为一是……).
 * Looked for behind the marker's first characters: a pattern that starts with a look-behind is tried
 * at every position of the line.
 */
const LEAD = '(?:^|[，。；：！？、,;:!?\\s（(“"]|因为|由于|主要|即)';
const SHI = new RegExp(`([一二三四五六七八九十]{1,3})(?<=${LEAD}\\1)是(?!\\1)`, 'g');
const DI = new RegExp(`第(?<=${LEAD}第)([一二三四五六七八九十]{1,3})(?=[，,、：:])`, 'g');
const QI = new RegExp(`其(?<=${LEAD}其)([一二三四五六七八九十])(?=[，,、：:])`, 'g');
// 首先 is ordinal wherever it stands (西安市首先严把……); 其次 at a clause start (not 退而求其次);
// 再次 only before a comma (再次强调 means "again").
const FIRST = /(首先)/g;
const ORDER = new RegExp(`(其(?<=${LEAD}其)次|再(?<=${LEAD}再)次(?=[，,]))`, 'g');
const ORDER_VALUE: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3 };
export const ORDER_WORD = ['', '首先', '其次', '再次'];
/** One scan that rules out most lines before the five patterns run. */
const ANY_MARKER = /[一二三四五六七八九十]是|第[一二三四五六七八九十]|其[一二三四五六七八九十次]|首先|再次/;

export const enumerationLabel = (family: EnumerationMarker['family'], value: number): string =>
  family === 'shi' ? `${numberToChinese(value)}是` : family === 'di' ? `第${numberToChinese(value)}` : `其${numberToChinese(value)}`;

/** Enumeration markers in a line's text from index `from` on, in order. */
function markersOf(text: string, lineIndex: number, from: number): EnumerationMarker[] {
  const found: EnumerationMarker[] = [];
  if (!ANY_MARKER.test(text)) return found;
  const scan = (pattern: RegExp, family: EnumerationMarker['family'], numberGroupOffset: number, anchor: RegExp, word = false) => {
    if (!anchor.test(text)) return;
    pattern.lastIndex = from;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const value = word ? ORDER_VALUE[match[1]] : chineseToNumber(match[1]);
      if (!value) continue;
      const numberStart = match.index + numberGroupOffset;
      found.push({ family, value, word, numberStart, numberEnd: numberStart + match[1].length, lineIndex, label: match[0] });
    }
  };
  // The anchors skip the costlier look-behind patterns on lines that cannot match.
  scan(SHI, 'shi', 0, /[一二三四五六七八九十]是/);
  scan(DI, 'di', 1, /第[一二三四五六七八九十]/);
  scan(QI, 'qi', 1, /其[一二三四五六七八九十]/);
  scan(FIRST, 'di', 0, /首先/, true);
  scan(ORDER, 'di', 0, /其次|再次/, true);
  return found.length > 1 ? found.sort((a, b) => a.numberStart - b.numberStart) : found;
}

/**
 * Groups markers into runs. `lines` gives, per line, the text to scan from (the body of a run-in
 * heading) or undefined for lines that hold no enumeration (title, residue); `breaks` marks lines
 * that end every open run (headings).
 */
export function collectEnumerations(
  texts: ReadonlyArray<string | undefined>, starts: readonly number[], breaks: readonly boolean[],
): EnumerationRun[] {
  const runs: EnumerationRun[] = [];
  const open = new Map<EnumerationMarker['family'], EnumerationRun>();
  let nested: EnumerationRun | undefined;
  const closeNested = () => {
    if (nested) runs.push(nested);
    nested = undefined;
  };
  const closeAll = () => {
    closeNested();
    for (const run of open.values()) runs.push(run);
    open.clear();
  };
  texts.forEach((text, lineIndex) => {
    if (breaks[lineIndex]) closeAll();
    if (text === undefined) return;
    let lastInLine: EnumerationMarker | undefined;
    for (const marker of markersOf(text, lineIndex, starts[lineIndex])) {
      if (nested) {
        const last = nested.markers[nested.markers.length - 1];
        const between = text.slice(last.numberEnd, marker.numberStart);
        if (last.lineIndex !== lineIndex || /[。！？]/.test(between)) closeNested();
      }
      if (nested && marker.family === nested.family) {
        nested.markers.push(marker);
        lastInLine = marker;
        continue;
      }
      // An item whose text so far ends in a colon introduces a list of its own.
      if (!nested && marker.value === 1 && lastInLine && /[：:][^。！？]*$/.test(text.slice(lastInLine.numberEnd, marker.numberStart))) {
        nested = { family: marker.family, markers: [marker], parent: lastInLine };
        lastInLine = marker;
        continue;
      }
      const run = open.get(marker.family);
      const last = run?.markers[run.markers.length - 1];
      // 一是 (or 首先) opens a new run when it starts a new paragraph; in the same paragraph it repeats.
      if (run && last && marker.value === 1 && last.lineIndex !== marker.lineIndex) {
        runs.push(run);
        open.set(marker.family, { family: marker.family, markers: [marker] });
      } else if (run) {
        run.markers.push(marker);
      } else {
        open.set(marker.family, { family: marker.family, markers: [marker] });
      }
      lastInLine = marker;
    }
    closeNested();
  });
  closeAll();
  return runs;
}
