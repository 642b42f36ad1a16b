/**
 * Word's automatic list numbering written out as the ordinals it shows (一、 （一） 1. （1）), so that the
 * draft carries them as text the way the checks and the export read ordinals. Works on the parsed XML
 * of word/document.xml, numbering.xml and styles.xml; the result goes on to mammoth.
 */
type XmlDocument = Document;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface Level {
  format: string;
  text: string;
  start: number;
}

function children(element: Element, name: string): Element[] {
  const found: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name && (node as Element).namespaceURI === W) found.push(node as Element);
  }
  return found;
}

const child = (element: Element | undefined, name: string): Element | undefined => (element ? children(element, name)[0] : undefined);
const value = (element: Element | undefined): string | undefined => element?.getAttributeNS(W, 'val') || undefined;

/**
 * An ordinal as Word shows it in each of its number formats, so the draft carries what the reader saw:
 * 壹 stays 壹, 甲 stays 甲. A format not known here is written in Arabic digits rather than left out, so
 * a level text like （%1） never loses its number.
 */
function formatNumber(format: string, n: number): string {
  switch (format) {
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2': return String(n).replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting': return counted(n, COUNTING);
    case 'chineseLegalSimplified': return counted(n, LEGAL_SIMPLIFIED);
    case 'ideographLegalTraditional': return counted(n, LEGAL_TRADITIONAL);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand': return String(n).replace(/[0-9]/g, (digit) => '〇一二三四五六七八九'[Number(digit)]);
    case 'ideographTraditional': return STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac': return BRANCHES[(n - 1) % 12] ?? String(n);
    case 'ideographZodiacTraditional': return n >= 1 ? STEMS[(n - 1) % 10] + BRANCHES[(n - 1) % 12] : String(n);
    case 'ideographEnclosedCircle': return n >= 1 && n <= 10 ? String.fromCharCode(0x3280 + n - 1) : counted(n, COUNTING);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese': return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedFullstop': return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalEnclosedParen': return `(${n})`;
    case 'upperLetter': return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerLetter': return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperRoman':
    case 'lowerRoman': {
      const roman = toRoman(n);
      return format === 'upperRoman' ? roman : roman.toLowerCase();
    }
    default: return String(n);
  }
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

interface Numerals {
  digits: string;
  /** 十 百 千 */
  units: string;
  /** Whether 10–19 are written 十… (counting) or with the one before it, 壹拾… (the legal forms). */
  bareTen: boolean;
}

const COUNTING: Numerals = { digits: '零一二三四五六七八九', units: '十百千', bareTen: true };
const LEGAL_SIMPLIFIED: Numerals = { digits: '零壹贰叁肆伍陆柒捌玖', units: '拾佰仟', bareTen: false };
const LEGAL_TRADITIONAL: Numerals = { digits: '零壹貳參肆伍陸柒捌玖', units: '拾佰仟', bareTen: false };

/** 1–9999 as Chinese numerals (一百零一, 壹拾贰); larger numbers, which no list reaches, in digits. */
function counted(n: number, { digits, units, bareTen }: Numerals): string {
  if (n < 1 || n > 9999) return String(n);
  const places = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  places.forEach((digit, index) => {
    const place = places.length - 1 - index;
    if (digit === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    const bare = bareTen && place === 1 && digit === 1 && out === '';
    out += (bare ? '' : digits[digit]) + (place > 0 ? units[place - 1] : '');
  });
  return out;
}

function toRoman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [size, letters] of table) while (rest >= size) { out += letters; rest -= size; }
  return out;
}

/** The levels of every list (w:num), with their start overrides applied. */
function readLists(numbering: XmlDocument | undefined): Map<string, Map<number, Level>> {
  const lists = new Map<string, Map<number, Level>>();
  if (!numbering?.documentElement) return lists;
  const abstracts = new Map<string, Map<number, Level>>();
  for (const abstract of children(numbering.documentElement, 'abstractNum')) {
    const levels = new Map<number, Level>();
    for (const lvl of children(abstract, 'lvl')) {
      levels.set(Number(lvl.getAttributeNS(W, 'ilvl') || 0), {
        format: value(child(lvl, 'numFmt')) ?? 'decimal',
        text: value(child(lvl, 'lvlText')) ?? '',
        start: Number(value(child(lvl, 'start')) ?? 1),
      });
    }
    abstracts.set(abstract.getAttributeNS(W, 'abstractNumId') ?? '', levels);
  }
  for (const num of children(numbering.documentElement, 'num')) {
    const base = abstracts.get(value(child(num, 'abstractNumId')) ?? '') ?? new Map<number, Level>();
    const levels = new Map([...base].map(([index, level]) => [index, { ...level }]));
    for (const override of children(num, 'lvlOverride')) {
      const level = levels.get(Number(override.getAttributeNS(W, 'ilvl') || 0));
      const start = value(child(override, 'startOverride'));
      if (level && start !== undefined) level.start = Number(start);
    }
    lists.set(num.getAttributeNS(W, 'numId') ?? '', levels);
  }
  return lists;
}

/** The numbering a paragraph style gives its paragraphs (标题 1 numbered 一、 by the template). */
function styleNumbering(styles: XmlDocument | undefined): Map<string, { numId?: string; ilvl?: number; basedOn?: string }> {
  const byStyle = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  if (!styles?.documentElement) return byStyle;
  for (const style of children(styles.documentElement, 'style')) {
    const numPr = child(child(style, 'pPr'), 'numPr');
    const ilvl = value(child(numPr, 'ilvl'));
    byStyle.set(style.getAttributeNS(W, 'styleId') ?? '', { numId: value(child(numPr, 'numId')), ilvl: ilvl === undefined ? undefined : Number(ilvl), basedOn: value(child(style, 'basedOn')) });
  }
  return byStyle;
}

/**
 * Puts the ordinal each numbered paragraph shows in front of its text and takes the automatic numbering
 * away. Returns how many paragraphs were numbered.
 */
export function writeOutNumbering(document: XmlDocument, numbering: XmlDocument | undefined, styles: XmlDocument | undefined): number {
  const lists = readLists(numbering);
  const byStyle = styleNumbering(styles);
  const counters = new Map<string, number[]>();
  let written = 0;
  // A copy of the live list: xmldom rebuilds a live list after every change to the document, and the
  // loop changes it at each numbered paragraph (5,000 of them took 72 s). No paragraph is added or removed.
  const paragraphs = Array.from(document.getElementsByTagNameNS(W, 'p'));
  for (const paragraph of paragraphs) {
    const pPr = child(paragraph, 'pPr');
    const numPr = child(pPr, 'numPr');
    let numId = value(child(numPr, 'numId'));
    let ilvlText = value(child(numPr, 'ilvl'));
    // Numbering from the paragraph style, followed through basedOn (bounded: styles can form a loop).
    let styleId = value(child(pPr, 'pStyle'));
    for (let depth = 0; styleId && depth < 10 && (numId === undefined || ilvlText === undefined); depth++) {
      const style = byStyle.get(styleId);
      if (!style) break;
      numId ??= style.numId;
      if (ilvlText === undefined && style.ilvl !== undefined) ilvlText = String(style.ilvl);
      styleId = style.basedOn;
    }
    if (!numId || numId === '0') continue;
    const level = Number(ilvlText ?? 0);
    const definition = lists.get(numId)?.get(level);
    if (numPr) pPr!.removeChild(numPr);
    else if (pPr) pPr.appendChild(emptyNumbering(document));
    if (!definition || definition.format === 'bullet' || definition.format === 'none') continue;
    const count = counters.get(numId) ?? [];
    count[level] = (count[level] ?? (definition.start - 1)) + 1;
    count.length = level + 1;
    counters.set(numId, count);
    const text = definition.text.replace(/%([1-9])/g, (_, which: string) => {
      const at = Number(which) - 1;
      const levelDefinition = lists.get(numId!)?.get(at);
      return formatNumber(levelDefinition?.format ?? 'decimal', count[at] ?? levelDefinition?.start ?? 1);
    });
    if (!text) continue;
    const run = document.createElementNS(W, 'w:r');
    const t = document.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(document.createTextNode(text));
    run.appendChild(t);
    paragraph.insertBefore(run, pPr ? pPr.nextSibling : paragraph.firstChild);
    written++;
  }
  return written;
}

/** numId 0 switches off numbering a paragraph's style would give it. */
function emptyNumbering(document: XmlDocument): Element {
  const numPr = document.createElementNS(W, 'w:numPr');
  const numId = document.createElementNS(W, 'w:numId');
  numId.setAttributeNS(W, 'w:val', '0');
  numPr.appendChild(numId);
  return numPr;
}
