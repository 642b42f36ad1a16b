/** The steps before a Word file is written from a draft on disk (the CLI, tests). */
import type { LintConfig } from '../core/engine/lint';
import { imagesBeside } from './assets';
import { planExport, type PreparedExport } from './plan';

export { ExportRefused, type PreparedExport } from './plan';

/** `draftFolder`: where the draft is saved, which its images' relative paths start from (none for an unsaved draft). */
export function prepareExport(text: string, config: LintConfig, draftFolder?: string): PreparedExport {
  return planExport(text, config, imagesBeside(draftFolder));
}
