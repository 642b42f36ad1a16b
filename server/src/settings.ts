/** Editor settings under `shuzhi.*`, as the language server receives them. */
import type { ExportSettings } from './core/lint';
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
};

export function normalizeSettings(raw: unknown): EditorSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<EditorSettings>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    scope: value.scope === 'all' || value.scope === 'reports' ? value.scope : DEFAULT_SETTINGS.scope,
    run: value.run === 'onSave' || value.run === 'onType' ? value.run : DEFAULT_SETTINGS.run,
    debounceMs: typeof value.debounceMs === 'number' && value.debounceMs >= 0 ? value.debounceMs : DEFAULT_SETTINGS.debounceMs,
    profile: typeof value.profile === 'string' ? value.profile : '',
    rules: value.rules && typeof value.rules === 'object' ? value.rules : {},
    placeholders: Array.isArray(value.placeholders) ? value.placeholders.filter((item) => typeof item === 'string') : [],
    strictHierarchy: value.strictHierarchy === true,
    export: normalizeExport(value.export),
  };
}

function normalizeExport(raw: unknown): ExportSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as ExportSettings;
  const fonts = Object.fromEntries(
    Object.entries(value.fonts && typeof value.fonts === 'object' ? value.fonts : {}).filter(([, name]) => typeof name === 'string' && name.trim() !== ''),
  );
  return { fonts, boldEnumerationLead: value.boldEnumerationLead === true };
}
