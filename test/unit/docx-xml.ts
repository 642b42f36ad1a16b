/** Reading a generated .docx in tests: unzip it and pick out paragraphs and their run properties. */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  core: string;
  footnotes: string;
  relationships: string;
  media: string[];
  footers: string[];
}

export function openDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  return {
    document: text('word/document.xml'),
    styles: text('word/styles.xml'),
    settings: text('word/settings.xml'),
    fontTable: text('word/fontTable.xml'),
    core: text('docProps/core.xml'),
    footnotes: text('word/footnotes.xml'),
    relationships: text('word/_rels/document.xml.rels'),
    media: Object.keys(files).filter((name) => name.startsWith('word/media/')),
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

/** The pPr or rPr inside a piece of XML, '' when there is none. */
function propertiesOf(xml: string, element: 'pPr' | 'rPr'): string {
  return new RegExp(`<w:${element}>([\\s\\S]*?)</w:${element}>`).exec(xml)?.[1] ?? '';
}

function styleXml(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
}

/** A style and the styles it is based on, nearest first. */
function styleChain(styles: string, id: string | undefined): string[] {
  const chain: string[] = [];
  for (let at = id; at && chain.length < 10; at = attribute(chain[chain.length - 1], 'basedOn', 'val')) {
    const style = styleXml(styles, at);
    if (!style) break;
    chain.push(style);
  }
  return chain;
}

function first(sources: string[], element: string, name: string): string | undefined {
  for (const source of sources) {
    const value = attribute(source, element, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

function flag(sources: string[], element: string): boolean {
  for (const source of sources) {
    const tag = new RegExp(`<w:${element}(?= |/|>)[^>]*>`).exec(source)?.[0];
    if (tag) return !/w:val="(false|0)"/.test(tag);
  }
  return false;
}

export interface ResolvedRun {
  text: string;
  eastAsia?: string;
  ascii?: string;
  size?: number;
  bold: boolean;
  hint?: string;
}

/**
 * A paragraph's formatting as Word applies it: direct formatting, then its style and the styles that
 * style is based on, then the document defaults; runs also through their character style.
 */
export function resolve(parts: DocxParts, paragraph: string) {
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(parts.styles)?.[0] ?? '';
  const defaultStyle = /<w:style w:type="paragraph"[^>]*w:styleId="(\w+)"[^>]*w:default="(?:1|true)"/.exec(parts.styles)?.[1];
  const paragraphStyle = attribute(propertiesOf(paragraph, 'pPr'), 'pStyle', 'val') ?? defaultStyle;
  const chain = styleChain(parts.styles, paragraphStyle);
  const paragraphSources = [propertiesOf(paragraph, 'pPr'), ...chain.map((style) => propertiesOf(style, 'pPr')), propertiesOf(defaults, 'pPr')];
  const runs = [...paragraph.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, run]): ResolvedRun => {
    const direct = propertiesOf(run, 'rPr');
    const characterChain = styleChain(parts.styles, attribute(direct, 'rStyle', 'val'));
    const sources = [direct, ...characterChain.map((style) => propertiesOf(style, 'rPr')), ...chain.map((style) => propertiesOf(style, 'rPr')), propertiesOf(defaults, 'rPr')];
    return {
      text: [...run.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''),
      eastAsia: first(sources, 'rFonts', 'eastAsia'),
      ascii: first(sources, 'rFonts', 'ascii'),
      size: Number(first(sources, 'sz', 'val')) || undefined,
      bold: flag(sources, 'b'),
      hint: first(sources, 'rFonts', 'hint'),
    };
  });
  return {
    style: paragraphStyle,
    property: (element: string, name: string) => first(paragraphSources, element, name),
    flag: (element: string) => flag(paragraphSources, element),
    runs,
  };
}
