/** The steps before a Word file is written, wherever the images come from (shared by the Node and browser builds). */
import { blockingFindings } from '../core/engine/blocking';
import { type LintConfig, lint } from '../core/engine/lint';
import type { Finding } from '../core/engine/types';
import { checkExport, exportDocx, exportSizeProblem } from './docx';
import { collectAssets, type ImageReader } from './images';

/** A draft no export is made of, whatever the user says (too large). */
export class ExportRefused extends Error {}

export interface PreparedExport {
  /** Unfilled placeholders, missing numbers, residue and missing sections: the draft is not finished. */
  unfinished: Finding[];
  /** What the Word file would lose; the export refuses unless told to go on. */
  blocking: string[];
  /** What the export cleans on its way. */
  notes: string[];
  /** The report's title (body or front matter), the name an unsaved draft's file is offered under. */
  title?: string;
  render(): Promise<Uint8Array>;
}

/** `readImage`: the images the draft shows, by their address in it. */
export function planExport(text: string, config: LintConfig, readImage: ImageReader): PreparedExport {
  const tooLarge = exportSizeProblem(text);
  if (tooLarge) throw new ExportRefused(tooLarge);
  const { findings, model } = lint(text, config);
  const frontMatterTitle = typeof model.frontMatter.title === 'string' ? model.frontMatter.title : undefined;
  const { blocking, notes } = checkExport(model);
  const { assets, problems } = collectAssets(model, readImage);
  return {
    unfinished: blockingFindings(findings),
    blocking: [...blocking, ...problems],
    notes,
    title: model.title?.text ?? frontMatterTitle,
    render: () => exportDocx(model, config.export, assets),
  };
}
