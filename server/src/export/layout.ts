/** GB/T 9704-2012 page and type measurements, in Word's units (twips = 1/20 pt, half-points for sizes). */

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * TWIPS_PER_MM);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  marginTop: mm(37),
  marginBottom: mm(35),
  marginLeft: mm(28),
  marginRight: mm(26),
  /** The page number's dash line sits 7 mm below the text block. */
  footer: mm(35 - 7 - 5),
  header: mm(15),
};

/** 22 lines in the 225 mm text block: 28.95 pt exact (a 29 pt pitch leaves room for only 21). */
export const LINE_PITCH = 579;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 28 };

/** One character of 三号 body text, in twips. */
export const CHAR = 320;

/** 28 characters of 16 pt overflow the 156 mm block by a hair; tightening each by 0.25 pt fits them. */
export const BODY_CHARACTER_SPACING = -5;

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
