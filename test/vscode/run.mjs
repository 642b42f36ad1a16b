// npm run test:vscode: runs the integration suite in whichever real VS Code this machine can start.
// Here (no download of the desktop build) that is the VS Code server from the code-server package,
// driven by Chromium; elsewhere @vscode/test-electron downloads the desktop build.
// SHUZHI_VSCODE_RUNNER=code-server|electron chooses explicitly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runner = process.env.SHUZHI_VSCODE_RUNNER ?? (process.platform === 'linux' && existsSync(chromium) ? 'code-server' : 'electron');
const script = join(here, runner === 'electron' ? 'run-electron.mjs' : 'run-code-server.mjs');
console.log(`integration suite: ${runner}`);
const result = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
