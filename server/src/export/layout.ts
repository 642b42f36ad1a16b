/** GB/T 9704-2012 page and type measurements, in Word's units (twips = 1/20 pt, half-points for sizes). */

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  marginTop: mm(37),
  marginBottom: mm(35),
  marginLeft: mm(28),
  marginRight: mm(26),
  /**
   * Page bottom to the bottom of the page-number line. GB/T 9704 7.5 puts the dash (一字线) 7 mm under the
   * text block; the dash stands at mid-height of the 四号 line, about 3 mm above its bottom (2.7 mm in
   * LibreOffice, a little more with 宋体 in Word), so the line's bottom goes 3 mm lower.
   */
  footer: mm(35 - 7 - 3),
  header: mm(15),
};

/** 22 lines in the 225 mm text block: 28.95 pt exact (a 29 pt pitch leaves room for only 21). */
export const LINE_PITCH = 579;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 28, footnote: 28 };

/** Width of the text block in twips. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** 28 characters a line: the document grid's character pitch, in twips (15.8 pt, a hair under 三号). */
export const CHAR_PITCH = TEXT_WIDTH / 28;

/**
 * The grid's charSpace: what each character of the Normal size gains or loses, in 1/4096 pt, rounded
 * down so that 28 characters always fit (Word and WPS templates carry the same −842).
 */
export const GRID_CHAR_SPACE = Math.floor((CHAR_PITCH / 20 - SIZE.body / 2) * 4096);

/** The first line of a body paragraph is indented two characters. */
export const FIRST_LINE_INDENT = Math.round(2 * CHAR_PITCH);

/** Body tracking in twips: 28 characters of 三号 less 0.3 pt each fit the 156 mm line, 29 do not. */
export const BODY_TRACKING = -6;

/**
 * Advance widths of the ASCII characters in Times New Roman (and the metric-compatible Liberation Serif
 * LibreOffice puts in its place), in thousandths of an em, from space (0x20) to ~ (0x7E).
 */
const LATIN_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

/** Curly quotes right after a Latin character are set in the Latin font (LibreOffice gives them its script). */
const LATIN_QUOTES: Record<string, number> = { '‘': 333, '’': 333, '“': 444, '”': 444 };

const isAscii = (ch: string) => ch >= '\x20' && ch <= '\x7e';

/**
 * Width of a character in ems of its size: Chinese characters and full-width marks one, ASCII as Times
 * New Roman sets it; `previous` is the character before it.
 */
export function emWidth(ch: string, previous = ''): number {
  if (isAscii(ch)) return LATIN_WIDTHS[ch.charCodeAt(0) - 0x20] / 1000;
  if (isAscii(previous) && previous !== '' && LATIN_QUOTES[ch] !== undefined) return LATIN_QUOTES[ch] / 1000;
  return 1;
}

/** Characters a 二号 title line holds. */
export const TITLE_LINE_CHARACTERS = Math.floor(TEXT_WIDTH / (SIZE.title * 10));

export interface ExportFonts {
  title: string;
  body: string;
  heading1: string;
  heading2: string;
  heading3: string;
  pageNumber: string;
  latin: string;
}

/** Defaults from the layout table; every one is a setting, because users' machines differ. */
export const DEFAULT_FONTS: ExportFonts = {
  title: '方正小标宋简体',
  body: '仿宋',
  heading1: '黑体',
  heading2: '楷体',
  heading3: '仿宋',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};
