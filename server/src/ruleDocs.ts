/** Where each rule's docs page is in the installed extension or package (the language server, the remark plugin). */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from './core/rules/index';

/** Rule id → file: URL of its docs page under `packageRoot`. */
export function ruleDocs(packageRoot: string): ReadonlyMap<string, string> {
  return new Map(RULES.map((rule) => [rule.meta.id, pathToFileURL(join(packageRoot, rule.meta.docs)).toString()]));
}
