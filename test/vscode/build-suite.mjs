// Shared by the runners: bundling the integration suite (vscode and mocha stay external) and reporting its results.
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

/** Prints what the suite wrote to its results file and returns the exit code. */
export function reportOutcome(outcome, heading = '') {
  for (const failure of outcome.failures) console.log(`✗ ${failure.title}\n${failure.error}\n`);
  for (const [name, value] of Object.entries(outcome.metrics ?? {})) console.log(`${name}: ${value}`);
  if (heading) console.log(heading);
  console.log(`${outcome.passed} passed, ${outcome.failed} failed${outcome.pending ? `, ${outcome.pending} skipped` : ''}`);
  return outcome.failed === 0 && outcome.passed > 0 ? 0 : 1;
}
