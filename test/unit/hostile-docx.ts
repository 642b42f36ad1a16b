/**
 * Hostile Word files, built here rather than committed: minimal packages around a document.xml, archives
 * that understate their sizes, pictures that are only linked or missing. Also run as a script to write
 * them to a folder for measuring (`npx tsx test/unit/hostile-docx.ts /tmp/hostile`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

export const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A document.xml around body XML. */
export const documentXml = (body: string, prolog = '') => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document ${W}><w:body>${body}</w:body></w:document>`;

/** A package Word would open: content types, relationships, the document and any further parts. */
export function docxPackage(document: string, relationships = '', parts: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ ...BASE_PARTS(relationships), 'word/document.xml': strToU8(document), ...parts });
}

/** Every part but the document. */
const BASE_PARTS = (relationships = ''): Record<string, Uint8Array> => ({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships}</Relationships>`),
});

/** The archive with every entry claiming to unpack to `declared` bytes (local headers and central directory). */
export function understated(zip: Uint8Array, declared = 1000): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 4 <= bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, declared, true);
    else if (signature === 0x02014b50) view.setUint32(at + 24, declared, true);
    // The data descriptor after a part written as a stream.
    else if (signature === 0x08074b50) view.setUint32(at + 12, declared, true);
  }
  return bytes;
}

/** A picture in a paragraph, embedded (r:embed) or linked to a file outside the package (r:link). */
export const picture = (how: 'embed' | 'link', id: string, description = '') =>
  `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="1" name="图片 1" descr="${description}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:${how}="${id}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;

export const imageRelationship = (id: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;

export const REPORT_START = paragraph('2024年度述职报告') + paragraph('一、主要做法') + paragraph('全年开展专题党课4次。');

const FILLER = paragraph('全年开展专题党课4次，新发展党员12名。'.repeat(4));

/** A package whose document.xml repeats a paragraph until it holds `bytes`, deflated as it is written (no string that large is built). */
export function largeDocument(bytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const document = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(document);
  const [head, tail] = documentXml(REPORT_START + '\u0000').split('\u0000');
  document.push(strToU8(head));
  const unit = strToU8(FILLER.repeat(1000));
  for (let written = 0; written < bytes; written += unit.length) document.push(unit);
  document.push(strToU8(tail), true);
  for (const [name, data] of Object.entries(BASE_PARTS())) {
    const part = new ZipDeflate(name);
    zip.add(part);
    part.push(data, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The hostile files of issue 24, by name. `full`: at the sizes the issue measured (a gigabyte unpacked,
 * a 58 MB document.xml), for measuring; otherwise just past each limit, for the tests.
 */
export function hostileFiles(full = false): Record<string, Uint8Array> {
  return {
    // Declaring 1,000 bytes a part: trusted, this unpacks to 30 MB (the test) or a gigabyte (1 MB on disk).
    'understated.docx': understated(largeDocument(full ? 1024 * 1024 * 1024 : 30 * 1024 * 1024)),
    // Honest sizes, a document.xml of 12 MB (past the XML limit, within the part limit) or 58 MB.
    'honest-large.docx': largeDocument(full ? 58 * 1024 * 1024 : 12 * 1024 * 1024),
    'deep.docx': docxPackage(documentXml(`${REPORT_START}<w:p>${'<w:r>'.repeat(100_000)}${'</w:r>'.repeat(100_000)}</w:p>`)),
    'dtd.docx': docxPackage(documentXml(REPORT_START, '<!DOCTYPE w:document [<!ENTITY a "述职述职述职述职述职">]>')),
    'linked-picture.docx': docxPackage(documentXml(REPORT_START + picture('link', 'rId9', '组织架构图') + paragraph('二、存在问题') + paragraph('学习不够深入。')), imageRelationship('rId9', 'file:///C:/报告/架构图.png', true)),
    'missing-picture.docx': docxPackage(documentXml(REPORT_START + picture('embed', 'rId9') + paragraph('二、存在问题') + paragraph('学习不够深入。')), imageRelationship('rId9', 'media/image1.png')),
  };
}

if (require.main === module && process.argv[1]?.endsWith('hostile-docx.ts')) {
  const folder = process.argv[2] ?? 'hostile-docx';
  mkdirSync(folder, { recursive: true });
  for (const [name, bytes] of Object.entries(hostileFiles(true))) writeFileSync(join(folder, name), bytes);
}

/** A paragraph numbered by list `numId` at level `ilvl`. */
export const numberedParagraph = (text: string, numId = 1, ilvl = 0) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** numbering.xml with one list per entry: its levels' formats and texts (numId = position + 1), each starting at `start`. */
export function numberingXml(lists: Array<Array<{ format: string; text: string; start?: number }>>): string {
  const abstracts = lists.map((levels, index) => `<w:abstractNum w:abstractNumId="${index}">${levels.map((level, ilvl) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${level.start ?? 1}"/><w:numFmt w:val="${level.format}"/><w:lvlText w:val="${level.text}"/></w:lvl>`).join('')}</w:abstractNum>`).join('');
  const nums = lists.map((_, index) => `<w:num w:numId="${index + 1}"><w:abstractNumId w:val="${index}"/></w:num>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${abstracts}${nums}</w:numbering>`;
}

/** A report whose paragraphs are numbered by the lists of numbering.xml. */
export const numberedDocx = (body: string, lists: Parameters<typeof numberingXml>[0]) =>
  docxPackage(documentXml(body), '', { 'word/numbering.xml': strToU8(numberingXml(lists)) });
