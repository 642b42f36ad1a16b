// Runs the integration suite in the desktop VS Code that @vscode/test-electron downloads
// (for machines that can reach the download; the suite does not care which runner starts it).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { buildSuite, reportOutcome } from './build-suite.mjs';
import { makeWorkspace } from './workspace.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { base, folder } = makeWorkspace(ROOT);
const suite = join(ROOT, '.vscode-test', 'suite', 'index.js');
await buildSuite(suite);
const results = join(base, 'results.json');
let exitCode = 1;
try {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
    launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { SHUZHI_TEST_RESULTS: results },
  });
} catch (error) {
  console.error(String(error));
}
if (existsSync(results)) {
  const outcome = JSON.parse(readFileSync(results, 'utf8'));
  exitCode = reportOutcome(outcome);
} else {
  console.log('the suite did not run (could the desktop VS Code be downloaded?)');
  console.log('0 passed, 1 failed');
}
process.exit(exitCode);
