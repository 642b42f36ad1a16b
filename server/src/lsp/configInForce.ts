/** The configuration a document is checked with: editor settings, then its nearest .shuzhirc.json. */
import { type LoadedConfig, mergeConfigs } from '../config/configParse';
import type { LintConfig } from '../core/engine/lint';
import type { EditorSettings } from '../config/settings';

export interface ConfigInForce extends LoadedConfig {
  path?: string;
  /** How the file was used, for the status item (Restricted Mode). */
  note?: string;
}

const UNTRUSTED_NOTE = '受限模式（不受信任的工作区）：没有使用 .shuzhirc.json 中的占位符正则表达式';

/** A document's nearest .shuzhirc.json as it applies; in an untrusted workspace without its patterns. */
export function configInForce(loaded: LoadedConfig & { path?: string }, trusted: boolean): ConfigInForce {
  // A cloned repository's patterns do not apply until the user trusts the workspace.
  if (!trusted && loaded.config.placeholders?.length) {
    return { ...loaded, config: { ...loaded.config, placeholders: undefined }, note: UNTRUSTED_NOTE };
  }
  return loaded;
}

/** Editor settings first, then the draft's .shuzhirc.json over them. */
export function lintConfig(settings: EditorSettings, file: LintConfig): LintConfig {
  return mergeConfigs(
    {
      profile: settings.profile || undefined, rules: settings.rules, placeholders: settings.placeholders, allow: settings.allow,
      ignore: settings.ignore, strictHierarchy: settings.strictHierarchy, export: settings.export,
      limits: settings.limits, readingSpeed: settings.readingSpeed,
    },
    file,
  );
}
