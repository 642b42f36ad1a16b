import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The folders are the layers: the checking core stays pure, and no module needs itself through others. */
const SOURCE = resolve(__dirname, '../../server/src');
const IMPORT = /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

interface Module {
  /** Relative imports that run code (type-only imports vanish when compiled). */
  local: string[];
  packages: string[];
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function readModules(): Map<string, Module> {
  const modules = new Map<string, Module>();
  for (const file of sourceFiles(SOURCE)) {
    const module: Module = { local: [], packages: [] };
    for (const [, typeOnly, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!specifier.startsWith('.')) {
        module.packages.push(specifier);
        continue;
      }
      const base = resolve(dirname(file), specifier);
      const target = [`${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path) && statSync(path).isFile());
      if (target && !typeOnly) module.local.push(target);
    }
    modules.set(file, module);
  }
  return modules;
}

const name = (file: string) => relative(SOURCE, file);

describe('layers of server/src', () => {
  const modules = readModules();

  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    // Depth-first with an explicit stack: a cycle is an edge back to a module still open.
    for (const start of modules.keys()) {
      if (state.has(start)) continue;
      const path: { file: string; next: number }[] = [{ file: start, next: 0 }];
      state.set(start, 'open');
      while (path.length > 0) {
        const top = path[path.length - 1];
        const target = modules.get(top.file)!.local[top.next++];
        if (target === undefined) {
          state.set(top.file, 'done');
          path.pop();
        } else if (state.get(target) === 'open') {
          const from = path.findIndex((step) => step.file === target);
          cycles.push([...path.slice(from).map((step) => name(step.file)), name(target)].join(' → '));
        } else if (!state.has(target)) {
          state.set(target, 'open');
          path.push({ file: target, next: 0 });
        }
      }
    }
    assert.deepEqual(cycles, []);
  });

  it('keeps the checking core free of the file system, the editor and the language server', () => {
    const core = [...modules.keys()].filter((file) => name(file).startsWith('core/'));
    assert.ok(core.length > 40);
    // Everything the core runs, followed through other folders (export's layout, the data files).
    const reached = new Set(core);
    const queue = [...core];
    while (queue.length > 0) {
      for (const target of modules.get(queue.pop()!)!.local) {
        if (!reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    const impure = [...reached].flatMap((file) => modules.get(file)!.packages
      .filter((specifier) => /^(node:|fs$|path$|vscode)/.test(specifier))
      .map((specifier) => `${name(file)} imports ${specifier}`));
    assert.deepEqual(impure, []);
  });

  it('gives each CLI subcommand its own module', () => {
    const cli = readdirSync(join(SOURCE, 'cli')).sort();
    for (const command of ['lint', 'export', 'import', 'outline']) assert.ok(cli.includes(`${command}.ts`), `cli/${command}.ts`);
  });
});
