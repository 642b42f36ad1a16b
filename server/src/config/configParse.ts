/**
 * A .shuzhirc.json's text made into a configuration: parsed, validated against the shipped JSON schema,
 * merged with the other layers. No file access, so the browser build uses it as the Node build does.
 */
import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../schemas/shuzhirc.schema.json';
import { type LintConfig, profilesFor } from '../core/engine/lint';
import { compileUserPattern } from '../core/engine/patterns';

export { CONFIG_FILE_NAME } from './besideDraft';

export interface LoadedConfig {
  config: LintConfig;
  /** Present when the file could not be used; checking then goes on with defaults. */
  error?: string;
}

const validate = new Ajv({ allErrors: true }).compile(schema);

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
