/** .shuzhirc.json on disk: found nearest to the draft, read within bounds, parsed by configParse.ts. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAME, MAX_CONFIG_BYTES } from './besideDraft';
import { type LoadedConfig, parseConfig } from './configParse';
import { readBounded } from '../io/read';

export * from './configParse';

/** The nearest .shuzhirc.json in the folder or any folder above it. */
export function findConfigFile(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    const candidate = join(current, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The nearest .shuzhirc.json of each folder, read once and read again when its modification time
 * changes. Shared by the CLI (one run) and the language server (a whole session).
 */
export class ConfigFiles {
  private readonly pathOfFolder = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig & { mtimeMs?: number }>();

  /** The configuration in force for a folder, and the file it came from (none: defaults). */
  near(folder: string): LoadedConfig & { path?: string } {
    if (!this.pathOfFolder.has(folder)) this.pathOfFolder.set(folder, findConfigFile(folder));
    const path = this.pathOfFolder.get(folder);
    if (!path) return { config: {} };
    let loaded = this.loaded.get(path);
    if (!loaded) {
      loaded = { ...loadConfigFile(path), mtimeMs: modifiedAt(path) };
      this.loaded.set(path, loaded);
    }
    return { config: loaded.config, error: loaded.error, path };
  }

  /** For editors that do not watch files: look for the folder's file again and re-read it if it changed. */
  refresh(folder: string): void {
    const before = this.pathOfFolder.get(folder);
    this.pathOfFolder.delete(folder);
    const { path } = this.near(folder);
    if (before !== undefined && before !== path) this.loaded.delete(before);
    if (path !== undefined && this.loaded.get(path)?.mtimeMs !== modifiedAt(path)) this.loaded.delete(path);
  }

  clear(): void {
    this.pathOfFolder.clear();
    this.loaded.clear();
  }
}

function modifiedAt(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

export function loadConfigFile(path: string): LoadedConfig {
  const read = readBounded(path, MAX_CONFIG_BYTES);
  if ('problem' in read) return { config: {}, error: `无法读取配置文件 ${path}：${read.problem}。已按默认设置检查。` };
  return parseConfig(new TextDecoder().decode(read.bytes), path);
}
