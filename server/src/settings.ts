/** Editor settings under `shuzhi.*`, as the language server receives them. */
import type { ExportSettings } from './core/lint';
import { compileUserPattern } from './core/patterns';
import type { SeveritySetting } from './core/types';

export interface EditorSettings {
  enable: boolean;
  /** Check every Markdown file, or only those that look like a report (title or front matter). */
  scope: 'all' | 'reports';
  run: 'onType' | 'onSave';
  debounceMs: number;
  profile: string;
  rules: Record<string, SeveritySetting>;
  placeholders: string[];
  strictHierarchy: boolean;
  export: ExportSettings;
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
  strictHierarchy: false,
  export: {},
  problems: [],
};

const SEVERITIES = ['off', 'error', 'warning', 'info', 'hint'];

export function normalizeSettings(raw: unknown): EditorSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<EditorSettings>;
  const problems: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  for (const [rule, severity] of Object.entries(value.rules && typeof value.rules === 'object' ? value.rules : {})) {
    if (SEVERITIES.includes(severity as string)) rules[rule] = severity as SeveritySetting;
    else problems.push(`设置 shuzhi.rules 中“${rule}”的级别“${String(severity)}”不对，应为 ${SEVERITIES.join('、')} 之一；已按默认级别检查`);
  }
  const placeholders: string[] = [];
  for (const pattern of Array.isArray(value.placeholders) ? value.placeholders : []) {
    const compiled = typeof pattern === 'string' ? compileUserPattern(pattern) : '不是文字';
    if (typeof compiled === 'string') problems.push(`设置 shuzhi.placeholders 中的“${String(pattern).slice(0, 40)}”${compiled}，已忽略`);
    else placeholders.push(pattern as string);
  }
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    scope: value.scope === 'all' || value.scope === 'reports' ? value.scope : DEFAULT_SETTINGS.scope,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_SETTINGS.run,
    debounceMs: typeof value.debounceMs === 'number' && value.debounceMs >= 0 ? value.debounceMs : DEFAULT_SETTINGS.debounceMs,
    profile: typeof value.profile === 'string' ? value.profile : '',
    rules,
    placeholders,
    strictHierarchy: value.strictHierarchy === true,
    export: normalizeExport(value.export),
    problems,
  };
}

function normalizeExport(raw: unknown): ExportSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as ExportSettings;
  const fonts = Object.fromEntries(
    Object.entries(value.fonts && typeof value.fonts === 'object' ? value.fonts : {}).filter(([, name]) => typeof name === 'string' && name.trim() !== ''),
  );
  return { fonts, boldEnumerationLead: value.boldEnumerationLead === true };
}
