/** Editor settings under `shuzhi.*`, as the language server receives them. */
import { schemaProblems } from './configParse';
import { DEFAULT_READING_SPEED, type Limits } from '../core/features/length';
import type { IgnoredFinding } from '../core/engine/ignore';
import type { ExportSettings } from '../core/engine/lint';
import { compileUserPattern } from '../core/engine/patterns';
import type { SeveritySetting } from '../core/engine/types';

export interface EditorSettings {
  enable: boolean;
  /** Check every Markdown file, or only those that look like a report (title or front matter). */
  scope: 'all' | 'reports';
  run: 'onType' | 'onSave';
  debounceMs: number;
  profile: string;
  rules: Record<string, SeveritySetting>;
  placeholders: string[];
  /** Words the wording rules never report, and single findings ignored (as in .shuzhirc.json). */
  allow: string[];
  ignore: IgnoredFinding[];
  strictHierarchy: boolean;
  export: ExportSettings;
  limits: Limits;
  readingSpeed: number;
  /** What was wrong with the values received, in Chinese; wrong values are replaced by defaults. */
  problems: string[];
}

export const DEFAULT_SETTINGS: EditorSettings = {
  enable: true,
  scope: 'reports',
  run: 'onType',
  debounceMs: 250,
  profile: '',
  rules: {},
  placeholders: [],
  allow: [],
  ignore: [],
  strictHierarchy: false,
  export: {},
  limits: {},
  readingSpeed: DEFAULT_READING_SPEED,
  problems: [],
};

/** Settings that take the same shape as in .shuzhirc.json, validated by the same schema. */
const SHARED_KEYS = ['rules', 'placeholders', 'allow', 'ignore', 'strictHierarchy', 'export', 'limits', 'readingSpeed'] as const;

export function normalizeSettings(raw: unknown): EditorSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const problems: string[] = [];
  // A value at fault is dropped (its default applies) and named once; the rest is used.
  const shared = structuredClone(Object.fromEntries(SHARED_KEYS.filter((key) => value[key] !== undefined && value[key] !== null).map((key) => [key, value[key]])));
  const exportSection = shared.export && typeof shared.export === 'object' ? shared.export as Record<string, unknown> : undefined;
  // Where to save the Word file is the VS Code client's own setting, not part of .shuzhirc.json.
  delete exportSection?.folder;
  // VS Code's settings editor leaves a font it shows but the user never filled as an empty name: unset, not wrong.
  const fonts = exportSection?.fonts as Record<string, unknown> | undefined;
  for (const [part, name] of Object.entries(fonts && typeof fonts === 'object' ? fonts : {})) if (name === '') delete fonts![part];
  for (const problem of schemaProblems(shared)) {
    const shown = problem.nameAtFault ? undefined : valueAt(shared, problem.path);
    problems.push(`设置 shuzhi.${problem.path.join('.')}${shown === undefined ? '' : ` 的值“${shown}”`} ${problem.reason}，${problem.nameAtFault ? '已忽略' : '已按默认值检查'}`);
    dropAt(shared, problem.path);
  }
  const placeholders: string[] = [];
  for (const pattern of (shared.placeholders ?? []) as Array<string | undefined>) {
    if (pattern === undefined) continue;
    const compiled = compileUserPattern(pattern);
    if (typeof compiled === 'string') problems.push(`设置 shuzhi.placeholders 中的“${pattern.slice(0, 40)}”${compiled}，已忽略`);
    else placeholders.push(pattern);
  }
  const exported = (shared.export ?? {}) as ExportSettings;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    scope: value.scope === 'all' || value.scope === 'reports' ? value.scope : DEFAULT_SETTINGS.scope,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_SETTINGS.run,
    debounceMs: typeof value.debounceMs === 'number' && value.debounceMs >= 0 ? value.debounceMs : DEFAULT_SETTINGS.debounceMs,
    profile: typeof value.profile === 'string' ? value.profile : '',
    rules: (shared.rules ?? {}) as Record<string, SeveritySetting>,
    placeholders,
    // Entries dropped as faulty leave holes (see dropAt): only the sound ones are kept.
    allow: ((shared.allow ?? []) as Array<string | undefined>).filter((word): word is string => word !== undefined),
    ignore: ((shared.ignore ?? []) as Array<IgnoredFinding | undefined>).filter((entry): entry is IgnoredFinding => entry !== undefined),
    strictHierarchy: shared.strictHierarchy === true,
    export: { fonts: exported.fonts ?? {}, boldEnumerationLead: exported.boldEnumerationLead === true },
    limits: (shared.limits ?? {}) as Limits,
    readingSpeed: typeof shared.readingSpeed === 'number' ? shared.readingSpeed : DEFAULT_READING_SPEED,
    problems,
  };
}

function valueAt(root: Record<string, unknown>, path: string[]): string | undefined {
  let current: unknown = root;
  for (const key of path) current = current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
  return current === undefined || typeof current === 'object' ? undefined : String(current).slice(0, 40);
}

function dropAt(root: Record<string, unknown>, path: string[]): void {
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : undefined;
  // Array items become holes so the indexes of later problems still point at their values.
  if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[path[path.length - 1]];
}
