// npm run test:vscode: runs the integration suite in whichever real VS Code this machine can start,
// first as the extension development host, then with the packaged .vsix installed as users install it.
// Here (no download of the desktop build) the VS Code is the server from the code-server package,
// driven by Chromium; elsewhere @vscode/test-electron downloads the desktop build.
// SHUZHI_VSCODE_RUNNER=code-server|electron chooses explicitly; --screenshots DIR saves the pictures the suite asks for.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runner = process.env.SHUZHI_VSCODE_RUNNER ?? (process.platform === 'linux' && existsSync(chromium) ? 'code-server' : 'electron');
const script = join(here, runner === 'electron' ? 'run-electron.mjs' : 'run-code-server.mjs');

let passed = 0;
let failed = 0;
function suite(args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(result.stdout);
  const counts = /(\d+) passed, (\d+) failed/.exec(result.stdout ?? '');
  passed += counts ? Number(counts[1]) : 0;
  failed += counts ? Number(counts[2]) : 1;
  return result.status === 0;
}

console.log(`integration suite in a real VS Code (${runner})`);
suite(process.argv.slice(2));
const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const size = /Packaged: .*\(([^)]*)\)/.exec(packaged.stdout ?? '');
if (packaged.status === 0) {
  console.log(`shuzhi.vsix: ${size ? size[1] : 'built'}`);
  suite(['--vsix', join(root, 'shuzhi.vsix'), ...process.argv.slice(2)]);
} else {
  console.log(packaged.stdout);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
