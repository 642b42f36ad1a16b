/**
 * What the language server needs from where it runs. Under Node it reads the disk and checks in worker
 * threads (nodeHost.ts); in a browser it is itself a web worker and asks the client, which reads through
 * the editor's file system (browserServer.ts).
 */
import type { ImageSizes } from '../core/features/length';
import type { LintConfig, LintResult } from '../core/engine/lint';
import type { LoadedConfig } from '../config/configParse';
import type { ExportOutcome, ImportOutcome } from './jobs';

export interface Running<T> {
  /** The result, or undefined if the job was cancelled. */
  result: Promise<T | undefined>;
  cancel(): void;
}

export type RunningCheck = Running<LintResult>;

/** The result of a job nobody cancels (an import, an export). */
export async function finished<T>(running: Running<T>): Promise<T> {
  const result = await running.result;
  if (result === undefined) throw new Error('任务被取消');
  return result;
}

/** Where checks, fixes and Word import and export run. */
export interface Runner {
  /** `uri`: the draft's, whose folder the images it shows are read from for its page count. */
  run(text: string, config: LintConfig, uri: string): RunningCheck;
  /** The text with every fix applied (of one rule, or all), as the core's fix engine leaves it. */
  fix(text: string, config: LintConfig, onlyRule?: string): Running<string>;
  /** A Word file as the Markdown draft `draftName` with its images. */
  importWord(docx: Uint8Array, draftName: string): Running<ImportOutcome>;
  /** The Word file of the draft at `uri`, with the images it shows, and what is still unfinished in it. */
  exportWord(text: string, config: LintConfig, uri: string): Running<ExportOutcome>;
  dispose(): void;
}

export interface ServerHost {
  runner: Runner;
  /** The nearest .shuzhirc.json of a document and where it is; none for a document nothing can be found beside. */
  configNear(uri: string): Promise<LoadedConfig & { path?: string }>;
  /** A document opened or saved: look again at what lies beside it (its configuration file, its images). */
  refresh(uri: string): void;
  /** Configuration files changed: read them all again. */
  clearConfigs(): void;
  /** The sizes of the images a document shows, for its page layout. */
  imageSizes(uri: string): ImageSizes;
  /** The dictionary of the word-based rules, loaded once. */
  loadLexicon(): Promise<unknown>;
}
