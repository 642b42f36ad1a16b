/** Chinese and Arabic numerals as used in ordinals (一 … 九十九, 1 … 99, ① … ⑳). */

/** Digit values by character code: looked up for every numeral a pattern captures, so not by a string key. */
const DIGITS = new Map(Object.entries({
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}).map(([digit, value]) => [digit.charCodeAt(0), value]));

function digitValue(text: string): number | undefined {
  return text.length === 1 ? DIGITS.get(text.charCodeAt(0)) : undefined;
}

const DIGIT_CHARS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Value of 一 … 九十九 (ordinal range); undefined when not a plain Chinese numeral. */
export function chineseToNumber(text: string): number | undefined {
  if (text.length === 0) return undefined;
  const digit = digitValue(text);
  if (digit !== undefined) return digit;
  const ten = text.indexOf('十');
  if (ten === -1 || text.indexOf('十', ten + 1) !== -1) return undefined;
  const tensPart = text.slice(0, ten);
  const unitsPart = text.slice(ten + 1);
  const tens = tensPart === '' ? 1 : digitValue(tensPart);
  const units = unitsPart === '' ? 0 : digitValue(unitsPart);
  if (tens === undefined || units === undefined || tensPart.length > 1 || unitsPart.length > 1) return undefined;
  return tens * 10 + units;
}

export function numberToChinese(value: number): string {
  if (value < 10) return DIGIT_CHARS[value];
  const tens = Math.floor(value / 10);
  const units = value % 10;
  return (tens === 1 ? '' : DIGIT_CHARS[tens]) + '十' + (units === 0 ? '' : DIGIT_CHARS[units]);
}

const CIRCLED_FIRST = 0x2460; // ①

export function circledToNumber(ch: string): number | undefined {
  const code = ch.codePointAt(0)!;
  return code >= CIRCLED_FIRST && code < CIRCLED_FIRST + 20 ? code - CIRCLED_FIRST + 1 : undefined;
}

export function numberToCircled(value: number): string {
  return value >= 1 && value <= 20 ? String.fromCodePoint(CIRCLED_FIRST + value - 1) : String(value);
}

const FULL_WIDTH_DIGIT_ZERO = 0xff10;

/** Arabic digits, half- or full-width. */
export function arabicToNumber(text: string): number {
  let value = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const digit = code >= FULL_WIDTH_DIGIT_ZERO ? code - FULL_WIDTH_DIGIT_ZERO : code - 48;
    value = value * 10 + digit;
  }
  return value;
}

const YEAR_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 二〇二四 → "2024": a year written digit by digit in Chinese numerals. */
export function chineseYearDigits(text: string): string {
  return [...text].map((ch) => YEAR_DIGIT[ch] ?? ch).join('');
}
