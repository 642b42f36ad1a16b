/** Reading a generated .docx in tests: unzip it and pick out paragraphs and their run properties. */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  footers: string[];
}

export function openDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  return {
    document: text('word/document.xml'),
    styles: text('word/styles.xml'),
    settings: text('word/settings.xml'),
    footers: Object.keys(files).filter((name) => /^word\/footer\d+\.xml$/.test(name)).sort().map(text),
  };
}

/** Each <w:p> of a part, with its visible text. */
export function paragraphs(xml: string): Array<{ xml: string; text: string }> {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([paragraph]) => ({
    xml: paragraph,
    text: [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''),
  }));
}

export function paragraphWith(xml: string, text: string): string {
  const found = paragraphs(xml).find((paragraph) => paragraph.text.includes(text));
  if (!found) throw new Error(`no paragraph contains “${text}”`);
  return found.xml;
}

/** The runs of a paragraph: text, East Asian and Latin font, size in half-points, bold. */
export function runs(paragraph: string): Array<{ text: string; eastAsia?: string; ascii?: string; size?: number; bold: boolean; hint?: string }> {
  return [...paragraph.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]) => ({
    text: [...run.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''),
    eastAsia: /w:eastAsia="([^"]*)"/.exec(run)?.[1],
    ascii: /w:ascii="([^"]*)"/.exec(run)?.[1],
    size: Number(/<w:sz w:val="(\d+)"/.exec(run)?.[1]) || undefined,
    bold: /<w:b\/>|<w:b w:val="true"\/>/.test(run),
    hint: /w:hint="([^"]*)"/.exec(run)?.[1],
  }));
}

export function attribute(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<w:${element}(?= |/|>)[^>]*>`).exec(xml)?.[0];
  return tag ? new RegExp(`w:${name}="([^"]*)"`).exec(tag)?.[1] : undefined;
}
