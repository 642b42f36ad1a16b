/**
 * The work the language server does off its main thread (checkWorker.ts): checks, fixes, and Word import
 * and export, which on a large file take seconds. Without workers (tests of the wiring) it runs on the spot.
 */
import { fixAll } from '../core/engine/fix';
import { type LintConfig, lint, type LintResult } from '../core/engine/lint';
import { imageSizes } from '../export/assets';
import type { ImportedDraft } from '../import/docx';

export type Job =
  | { kind: 'lint'; text: string; config: LintConfig; folder?: string }
  | { kind: 'fix'; text: string; config: LintConfig; onlyRule?: string }
  | { kind: 'import'; docx: Uint8Array; draftName: string }
  | { kind: 'export'; text: string; config: LintConfig; folder?: string };

/** A Word file that cannot be imported says why in `problem`; errors do not cross threads as classes. */
export type ImportOutcome = { imported: ImportedDraft } | { problem: string };

export type ExportOutcome =
  | { docx: Uint8Array; unfinished: number; title?: string; blocking: string[]; notes: string[] }
  | { refused: string };

export interface JobResults {
  lint: LintResult;
  fix: string;
  import: ImportOutcome;
  export: ExportOutcome;
}

export async function runJob(job: Job): Promise<JobResults[Job['kind']]> {
  switch (job.kind) {
    case 'lint':
      return lint(job.text, job.config, imageSizes(job.folder));
    case 'fix':
      return fixAll(job.text, job.config, job.onlyRule).text;
    case 'import': {
      // Loaded on first use: the libraries are large and most sessions never touch a Word file.
      const { imageFolderFor, importDocx, ImportError } = await import('../import/docx');
      try {
        return { imported: await importDocx(job.docx, imageFolderFor(job.draftName)) };
      } catch (error) {
        if (error instanceof ImportError) return { problem: error.message };
        throw error;
      }
    }
    case 'export': {
      const { prepareExport, ExportRefused } = await import('../export/prepare');
      try {
        const prepared = prepareExport(job.text, job.config, job.folder);
        const { unfinished, title, blocking, notes } = prepared;
        return { docx: await prepared.render(), unfinished: unfinished.length, title, blocking, notes };
      } catch (error) {
        if (error instanceof ExportRefused) return { refused: error.message };
        throw error;
      }
    }
  }
}
