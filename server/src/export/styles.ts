/**
 * The Word styles that carry the GB/T 9704 layout, so the document keeps it when a user retypes,
 * applies 清除格式 or builds a table of contents: 正文, 标题 1–4 with outline levels, 标题, 称呼, 签名.
 */
import { AlignmentType, type IStylesOptions, LineRuleType } from 'docx';
import { escapeXml } from './fonts';
import { BODY_TRACKING, type ExportFonts, FIRST_LINE_INDENT, LINE_PITCH, SIZE } from './layout';

export const STYLE = {
  body: 'Normal',
  headings: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  title: 'Title',
  subtitle: 'Subtitle',
  salutation: 'Salutation',
  signature: 'Signature',
  table: 'TableText',
  footnote: 'FootnoteText',
  figure: 'Figure',
  footer: 'Footer',
} as const;

/** No indent at all: Word reads firstLineChars before firstLine, so both are zeroed. */
export const NO_INDENT = { firstLine: 0, firstLineChars: 0, left: 0, leftChars: 0 };
export const BODY_INDENT = { firstLine: FIRST_LINE_INDENT, firstLineChars: 200 };

function fontsOf(eastAsia: string, latin: string) {
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin };
}

/**
 * The document defaults, which the docx library cannot write in full. Paragraphs do not snap to the
 * character grid (LibreOffice would give each 三号 character two cells); the body's −0.3 pt tracking
 * puts 28 characters on a line instead, in Word, WPS and LibreOffice alike. w:overflowPunct on: Word
 * lets a comma hang past the margin as it always does, and LibreOffice, which reads the flag inverted,
 * moves it down with the character before it instead of dropping it from the page. No widow control:
 * a page of 公文 holds 22 lines; only headings are kept with what follows.
 */
export function documentDefaultsXml(fonts: ExportFonts): string {
  const body = escapeXml(fonts.body);
  const latin = escapeXml(fonts.latin);
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults>'
    + `<w:rPrDefault><w:rPr><w:rFonts w:ascii="${latin}" w:eastAsia="${body}" w:hAnsi="${latin}" w:cs="${latin}"/>`
    + `<w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>`
    + '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:overflowPunct w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>'
    + `<w:spacing w:before="0" w:after="0" w:line="${LINE_PITCH}" w:lineRule="exact"/></w:pPr></w:pPrDefault>`
    + '</w:docDefaults></w:styles>';
}

export function reportStyles(fonts: ExportFonts): IStylesOptions {
  const headingFonts = [fonts.heading1, fonts.heading2, fonts.heading3, fonts.heading3];
  return {
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Normal',
        quickFormat: true,
        run: { font: fontsOf(fonts.body, fonts.latin), size: SIZE.body, characterSpacing: BODY_TRACKING },
        paragraph: { alignment: AlignmentType.BOTH, indent: BODY_INDENT, spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
      },
      ...STYLE.headings.map((id, index) => ({
        id,
        name: `heading ${index + 1}`,
        basedOn: STYLE.body,
        next: STYLE.body,
        quickFormat: true,
        uiPriority: 9,
        run: { font: fontsOf(headingFonts[index], fonts.latin), size: SIZE.body, bold: false, color: '000000' },
        paragraph: { keepNext: true, keepLines: true, outlineLevel: index },
      })),
      {
        id: STYLE.title,
        name: 'Title',
        basedOn: STYLE.body,
        next: STYLE.body,
        quickFormat: true,
        run: { font: fontsOf(fonts.title, fonts.latin), size: SIZE.title, bold: false, characterSpacing: 0 },
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, keepNext: true, keepLines: true },
      },
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: STYLE.body,
        next: STYLE.body,
        run: { font: fontsOf(fonts.heading2, fonts.latin) },
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, keepNext: true },
      },
      {
        id: STYLE.salutation,
        name: 'Salutation',
        basedOn: STYLE.body,
        next: STYLE.body,
        paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT },
      },
      {
        id: STYLE.signature,
        name: 'Signature',
        basedOn: STYLE.body,
        paragraph: { alignment: AlignmentType.RIGHT, indent: NO_INDENT, keepNext: true },
      },
      {
        id: STYLE.table,
        name: '表格文字',
        basedOn: STYLE.body,
        run: { size: SIZE.table, characterSpacing: 0 },
        paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT, spacing: { line: 400, lineRule: LineRuleType.AT_LEAST } },
      },
      {
        id: STYLE.footnote,
        name: 'footnote text',
        basedOn: STYLE.body,
        run: { size: SIZE.footnote, characterSpacing: 0 },
        paragraph: { alignment: AlignmentType.BOTH, indent: NO_INDENT, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.figure,
        name: '图片',
        basedOn: STYLE.body,
        paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: STYLE.body,
        run: { font: fontsOf(fonts.pageNumber, fonts.pageNumber), size: SIZE.pageNumber, characterSpacing: 0 },
        paragraph: { indent: NO_INDENT, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
      },
    ],
  };
}
