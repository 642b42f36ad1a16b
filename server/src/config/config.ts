/** .shuzhirc.json: found nearest to the draft, validated against the shipped JSON schema. */
import Ajv, { type ErrorObject } from 'ajv';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import schema from '../../../schemas/shuzhirc.schema.json';
import { type LintConfig, profilesFor } from '../core/engine/lint';
import { compileUserPattern } from '../core/engine/patterns';
import { readBounded } from '../io/read';

/** A configuration file is a few kilobytes; anything near this is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export const CONFIG_FILE_NAME = '.shuzhirc.json';

export interface LoadedConfig {
  config: LintConfig;
  /** Present when the file could not be used; checking then goes on with defaults. */
  error?: string;
}

const validate = new Ajv({ allErrors: true }).compile(schema);

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

export function parseConfig(text: string, path: string): LoadedConfig {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { config: {}, error: `配置文件 ${path} 不是有效的 JSON：${(error as Error).message}。已按默认设置检查。` };
  }
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map(describe).join('；');
    return { config: {}, error: `配置文件 ${path} 有误：${problems}。已按默认设置检查。` };
  }
  const config = data as LintConfig;
  for (const pattern of config.placeholders ?? []) {
    const compiled = compileUserPattern(pattern);
    if (typeof compiled === 'string') {
      return { config: {}, error: `配置文件 ${path} 有误：placeholders 中的“${pattern.length > 40 ? `${pattern.slice(0, 40)}…` : pattern}”${compiled}。已按默认设置检查。` };
    }
  }
  if (config.profile !== undefined && !profilesFor(config).some((profile) => profile.id === config.profile)) {
    const known = profilesFor(config).map((profile) => profile.id).join('、');
    const { profile, ...rest } = config;
    return { config: rest, error: `配置文件 ${path} 有误：profile “${profile}”不是已知文种（可用 ${known}，或在 genres 中定义）。已按标题判断文种，其余设置照常生效。` };
  }
  return { config };
}

export interface SchemaProblem {
  /** Where the value at fault is: property names from the top. */
  path: string[];
  /** What is wrong with it, without where. */
  reason: string;
  /** The property's name is wrong (an unknown rule), not its value. */
  nameAtFault: boolean;
}

/** What in a value does not fit the .shuzhirc.json schema, for settings that take the same shape. */
export function schemaProblems(value: unknown): SchemaProblem[] {
  if (validate(value)) return [];
  return (validate.errors ?? [])
    // A wrong rule name is reported once, by propertyNames, not again by the enum beneath it.
    .filter((error) => !(error.keyword === 'enum' && error.propertyName !== undefined))
    .map((error) => {
      const path = error.instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
      const params = error.params as { propertyName?: string; additionalProperty?: string };
      const named = params.propertyName ?? params.additionalProperty;
      return { path: named === undefined ? path : [...path, named], reason: reasonOf(error), nameAtFault: named !== undefined };
    });
}

function describe(error: ErrorObject): string {
  const params = error.params as { propertyName?: string; additionalProperty?: string };
  const named = params.propertyName ?? params.additionalProperty;
  return `${error.instancePath || '（顶层）'}${named === undefined ? '' : ` 中的“${named}”`} ${reasonOf(error)}`;
}

function reasonOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return '不是已知的设置项';
    case 'propertyNames':
      return '不是已知的规则编号';
    case 'enum':
      return `必须是 ${(error.params as { allowedValues: string[] }).allowedValues.join('、')} 之一`;
    case 'type':
      return `应为 ${(error.params as { type: string }).type} 类型`;
    case 'minLength':
      return '不能为空';
    case 'exclusiveMinimum':
      return '应为正数';
    case 'minimum':
    case 'maximum':
      return `应${error.keyword === 'minimum' ? '不小于' : '不大于'} ${(error.params as { limit: number }).limit}`;
    case 'required':
      return `缺少“${(error.params as { missingProperty: string }).missingProperty}”`;
    default:
      return error.message ?? '不符合要求';
  }
}

/** Later layers override earlier ones; rule settings merge per rule. */
export function mergeConfigs(...layers: Array<LintConfig | undefined>): LintConfig {
  const merged: LintConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.profile) merged.profile = layer.profile;
    if (layer.strictHierarchy !== undefined) merged.strictHierarchy = layer.strictHierarchy;
    if (layer.limits) merged.limits = { ...merged.limits, ...layer.limits };
    if (layer.readingSpeed !== undefined) merged.readingSpeed = layer.readingSpeed;
    if (layer.rules) merged.rules = { ...merged.rules, ...layer.rules };
    if (layer.placeholders) merged.placeholders = [...(merged.placeholders ?? []), ...layer.placeholders];
    if (layer.allow) merged.allow = [...(merged.allow ?? []), ...layer.allow];
    if (layer.ignore) merged.ignore = [...(merged.ignore ?? []), ...layer.ignore];
    if (layer.phrases) merged.phrases = [...(merged.phrases ?? []), ...layer.phrases];
    if (layer.genres) merged.genres = [...(merged.genres ?? []), ...layer.genres];
    if (layer.synonyms) merged.synonyms = { ...merged.synonyms, ...layer.synonyms };
    if (layer.export) {
      merged.export = {
        ...merged.export,
        ...layer.export,
        fonts: { ...merged.export?.fonts, ...layer.export.fonts },
      };
    }
  }
  return merged;
}
