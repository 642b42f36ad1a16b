/**
 * Structure ordinals at the start of a paragraph (GB/T 9704 §7.3.3, GB/T 15834 B.3):
 * 一、 → （一） → 1. → （1） → ①.
 */
import { arabicToNumber, chineseToNumber, circledToNumber, numberToChinese, numberToCircled } from './numerals';

export type NumeralKind = 'chinese' | 'arabic' | 'circled';

export interface Ordinal {
  level: 1 | 2 | 3 | 4 | 5;
  value: number;
  kind: NumeralKind;
  /** Text indexes within the line. */
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  /** The marker as written and as the standard wants it. */
  written: string;
  canonical: string;
}

const LEADING_SPACE = /^[ \t\u3000\u00a0]*/;
const CHINESE_NUM = '[一二三四五六七八九十]{1,3}';
const ARABIC_NUM = '[0-9０-９]{1,2}';
const LEVEL1 = new RegExp(`^(${CHINESE_NUM})[ \\t]*([、，,.．:：])`);
const LEVEL2 = new RegExp(`^([（(])[ \\t]*(${CHINESE_NUM})[ \\t]*([）)])[ \\t]*([、，,.．]?)`);
const LEVEL3 = new RegExp(`^(${ARABIC_NUM})[ \\t]*([.．、,，:：)）])(?![0-9０-９])`);
const LEVEL4 = new RegExp(`^([（(])[ \\t]*(${ARABIC_NUM})[ \\t]*([）)])[ \\t]*([、，,.．]?)`);
const LEVEL5 = /^([\u2460-\u2473])[ \t]*([、，,.．]?)/;

/**
 * A numeral followed by 、 and the next numeral is a range (一、二等奖, 1、2号楼), not an ordinal; a year
 * after the mark is a heading's text (一、2025年工作回顾, 一、二〇二五年……).
 */
function isRange(value: number, rest: string): boolean {
  const next = /^([一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})(?![0-9０-９〇零○])/.exec(rest);
  if (!next) return false;
  const nextValue = /[0-9０-９]/.test(next[1]) ? arabicToNumber(next[1]) : chineseToNumber(next[1]);
  return nextValue === value + 1;
}

/** Characters an ordinal can start with; most lines are rejected on this alone. */
const ORDINAL_START = /[一二三四五六七八九十（(0-9０-９\u2460-\u2473]/;

export function parseOrdinal(text: string): Ordinal | undefined {
  const lead = LEADING_SPACE.exec(text)![0].length;
  if (!ORDINAL_START.test(text[lead] ?? '')) return undefined;
  const rest = text.slice(lead);
  let match: RegExpExecArray | null;
  if ((match = LEVEL2.exec(rest))) {
    const value = chineseToNumber(match[2]);
    if (value) return build(2, value, 'chinese', lead, match, match[0].indexOf(match[2], 1), `（${match[2]}）`);
  }
  if ((match = LEVEL4.exec(rest))) {
    return build(4, arabicToNumber(match[2]), 'arabic', lead, match, match[0].indexOf(match[2], 1), `（${halfWidth(match[2])}）`);
  }
  if ((match = LEVEL1.exec(rest))) {
    const value = chineseToNumber(match[1]);
    if (value && !isRange(value, rest.slice(match[0].length))) return build(1, value, 'chinese', lead, match, 0, `${match[1]}、`);
  }
  if ((match = LEVEL3.exec(rest))) {
    const value = arabicToNumber(match[1]);
    if (value > 0 && !isRange(value, rest.slice(match[0].length))) return build(3, value, 'arabic', lead, match, 0, `${halfWidth(match[1])}.`);
  }
  if ((match = LEVEL5.exec(rest))) {
    return build(5, circledToNumber(match[1])!, 'circled', lead, match, 0, match[1]);
  }
  return undefined;
}

function build(
  level: Ordinal['level'], value: number, kind: NumeralKind, lead: number,
  match: RegExpExecArray, numberIndex: number, canonical: string,
): Ordinal {
  const numberText = kind === 'circled' ? match[1] : level === 2 || level === 4 ? match[2] : match[1];
  return {
    level, value, kind, canonical,
    start: lead,
    end: lead + match[0].length,
    numberStart: lead + numberIndex,
    numberEnd: lead + numberIndex + numberText.length,
    written: match[0],
  };
}

function halfWidth(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The number text for an ordinal of the given kind, as used when renumbering. */
export function formatNumber(kind: NumeralKind, value: number): string {
  switch (kind) {
    case 'chinese': return numberToChinese(value);
    case 'circled': return numberToCircled(value);
    default: return String(value);
  }
}

/** How an ordinal of each level is written, for messages. */
export function ordinalLabel(level: Ordinal['level'], value: number): string {
  switch (level) {
    case 1: return `${numberToChinese(value)}、`;
    case 2: return `（${numberToChinese(value)}）`;
    case 3: return `${value}.`;
    case 4: return `（${value}）`;
    default: return numberToCircled(value);
  }
}
