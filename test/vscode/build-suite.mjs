// Bundles the integration suite for the extension host (vscode and mocha stay external).
import * as esbuild from 'esbuild';

export async function buildSuite(outfile) {
  await esbuild.build({
    entryPoints: ['test/vscode/suite/index.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}
