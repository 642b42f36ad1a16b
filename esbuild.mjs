// Bundles the VS Code client, the language server and the CLI into dist/ for Node, and the client and the
// language server into dist/web/ for VS Code in a browser (package.json `browser`).
import { cpSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // ESM dependencies (fdir) read import.meta.url, which CommonJS output lacks.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // Also the `shuzhi-language-server` command of the npm package.
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` } },
  { entryPoints: ['server/src/checkWorker.ts'], outfile: 'dist/checkWorker.js' },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` },
  },
  // `shuzhi/remark` (package.json exports): an ES module, as unified plugins are; the CommonJS
  // dependencies it bundles get `require` from createRequire.
  {
    entryPoints: ['server/src/remark.ts'],
    outfile: 'dist/remark.mjs',
    format: 'esm',
    define: {},
    banner: { js: "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);" },
  },
];

// In a browser: the client for the web worker extension host, the server as a web worker. Built with no
// Node built-ins: esbuild fails on any import of one, and nothing stands in for Node's globals.
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};
const webBuilds = [
  { entryPoints: ['client/src/browser.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
  // A worker has no DOM: packages that have a build for one (decode-named-character-reference) use it.
  { entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/web/server.js', format: 'iife', conditions: ['worker'] },
];

// The dictionary is read at run time, not bundled: the server and the CLI find it in dist/lexicon/.
cpSync('server/src/lexicon/data', 'dist/lexicon', { recursive: true, filter: (path) => !path.endsWith('README.md') });

const contexts = await Promise.all([
  ...builds.map((options) => esbuild.context({ ...shared, ...options })),
  ...webBuilds.map((options) => esbuild.context({ ...web, ...options })),
]);
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
