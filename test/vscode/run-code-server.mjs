// Runs the integration suite inside the VS Code server bundled in the code-server npm package,
// driven by Debian's Chromium (see ../shared/notes/real-vscode-tests.md).
// Usage: node test/vscode/run-code-server.mjs [--screenshots DIR] [--vsix FILE]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSuite, reportOutcome } from './build-suite.mjs';
import {
  freePort, HOST, launchChromium, NODE, ROOT, SERVER_MAIN, serverFolders, setUpCodeServer, waitFor, workbenchUrl,
} from './code-server.mjs';
import { takeTourPictures } from './tour.mjs';
import { makeWorkspace } from './workspace.mjs';

const TIME_LIMIT_MS = Number(process.env.SHUZHI_VSCODE_TIME_LIMIT_MS ?? 10 * 60 * 1000);

const { values: options } = parseArgs({ options: { screenshots: { type: 'string' }, vsix: { type: 'string' } } });

/**
 * Presses a button of the notification that offers it (a toast, or in the notification centre when the toast
 * is already gone); reports the notification and where the window is before and after.
 */
async function pressNotificationButton(page, label) {
  const offering = (container) => page.locator(`${container} .notification-list-item`, { has: page.locator('.monaco-button', { hasText: label }) }).last();
  let notification = offering('.notifications-toasts');
  let centreOpened = false;
  try {
    await notification.waitFor({ timeout: 10000 });
  } catch {
    await page.locator('#status\\.notifications').click();
    centreOpened = true;
    notification = offering('.notifications-center');
    try {
      await notification.waitFor({ timeout: 10000 });
    } catch {
      await page.screenshot({ path: join(signals, `no-${label}.png`) });
      return { error: `no notification offers “${label}”` };
    }
  }
  const message = await notification.locator('.notification-list-item-message').innerText();
  const urlBefore = page.url();
  await notification.locator('.monaco-button', { hasText: label }).click();
  await new Promise((done) => setTimeout(done, 2000));
  const selected = await page.locator('.explorer-folders-view .monaco-list-row.selected').allInnerTexts();
  if (centreOpened && await page.locator('.notifications-center.visible').count()) await page.locator('#status\\.notifications').click();
  return { message, urlBefore, urlAfter: page.url(), explorerSelection: selected };
}

/** Clicks the first line of the page view (a webview: two frames deep) that shows the text. */
async function clickInPageView(page, text) {
  const view = page.locator('iframe.webview').last().contentFrame().locator('#active-frame').contentFrame();
  const line = view.locator('.line', { hasText: text }).first();
  await line.waitFor({ timeout: 10000 });
  await line.click();
  return { clicked: await line.innerText() };
}

/** What the command palette lists for a query typed as a user types it. */
async function searchCommandPalette(page, query) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await page.keyboard.type(query);
  await new Promise((done) => setTimeout(done, 1500));
  const labels = await page.locator('.quick-input-widget .monaco-list-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? row.textContent ?? ''));
  await page.keyboard.press('Escape');
  return { labels };
}

/** Types into whatever has the focus (the editor), as a user types, one key at a time. */
async function typeKeys(page, text) {
  await new Promise((done) => setTimeout(done, 500));
  await page.keyboard.type(text, { delay: 80 });
}

/** The labels (or texts) of what the selector finds once it shows, after the window settles. */
async function readLabels(page, selector) {
  try {
    await page.locator(selector).first().waitFor({ timeout: 15000 });
  } catch {
    return { labels: [] };
  }
  await new Promise((done) => setTimeout(done, 1000));
  const labels = await page.locator(selector).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? node.textContent ?? ''));
  return { labels };
}

/** The colour the editor paints a token in: the first span of the visible lines whose text is exactly `text`. */
async function tokenColor(page, text) {
  const span = page.locator('.monaco-editor .view-lines span span', { hasText: text }).filter({ hasText: new RegExp(`^${text}$`) }).first();
  try {
    await span.waitFor({ timeout: 10000 });
  } catch {
    return { color: undefined };
  }
  return { color: await span.evaluate((node) => getComputedStyle(node).color) };
}

setUpCodeServer();
const { base, folder } = makeWorkspace(ROOT);
// Inside the repository, so the suite resolves mocha from its node_modules.
const suite = join(ROOT, '.vscode-test', 'suite', 'index.js');
await buildSuite(suite);
const results = join(base, 'results.json');
const serverArgs = serverFolders(base);
let developmentPath = ROOT;
if (options.vsix) {
  // The packaged extension is installed like a user would; a tiny host extension only carries the suite.
  execFileSync(NODE, [SERVER_MAIN, ...serverArgs, '--install-extension', resolve(options.vsix)], { stdio: 'inherit' });
  developmentPath = join(ROOT, 'test', 'vscode', 'vsix-host');
}

// The suite asks for what only the browser can do by writing NAME.ready here (JSON: a picture, Escape after it,
// a notification button to press); the runner answers with NAME.done (JSON: what the window showed).
const signals = join(base, 'signals');
mkdirSync(signals, { recursive: true });
const port = await freePort();
const server = spawn(NODE, [SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--enable-smoke-test-driver', ...serverArgs], {
  env: {
    ...process.env,
    SHUZHI_TEST_RESULTS: results,
    SHUZHI_TEST_MODE: options.vsix ? 'vsix' : 'full',
    SHUZHI_UI_SIGNALS: signals,
    ...(options.screenshots ? { SHUZHI_SCREENSHOTS: '1' } : {}),
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverLog = '';
let pageLog = '';
server.stdout.on('data', (chunk) => (serverLog += chunk));
server.stderr.on('data', (chunk) => (serverLog += chunk));

let browser;
let exitCode = 1;
try {
  await waitFor(() => fetch(`http://127.0.0.1:${port}/version`).then((response) => response.ok, () => false), 'the VS Code server', 60000);
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => (pageLog += `[${message.type()}] ${message.text()}\n`));
  await page.goto(workbenchUrl(port, folder, developmentPath, suite));
  const answered = new Set();
  const answerRequests = async () => {
    for (const file of readdirSync(signals).filter((name) => name.endsWith('.ready'))) {
      const name = file.replace(/\.ready$/, '');
      if (answered.has(name)) continue;
      answered.add(name);
      const request = JSON.parse(readFileSync(join(signals, file), 'utf8') || '{}');
      if (request.type) await typeKeys(page, request.type);
      const answer = request.click ? await pressNotificationButton(page, request.click)
        : request.palette ? await searchCommandPalette(page, request.palette)
          : request.read ? await readLabels(page, request.read)
            : request.tokenColor ? await tokenColor(page, request.tokenColor)
              : request.pageViewClick ? await clickInPageView(page, request.pageViewClick) : {};
      if (request.picture && options.screenshots) {
        await new Promise((done) => setTimeout(done, 1500));
        mkdirSync(resolve(options.screenshots), { recursive: true });
        await page.screenshot({ path: join(resolve(options.screenshots), `${name}.png`) });
        console.log(`screenshot: ${join(options.screenshots, `${name}.png`)}`);
      }
      if (request.escape) await page.keyboard.press('Escape');
      writeFileSync(join(signals, `${name}.done`), JSON.stringify(answer));
    }
  };
  const outcome = await waitFor(async () => {
    await answerRequests();
    return existsSync(results) && JSON.parse(readFileSync(results, 'utf8'));
  }, 'the test results', TIME_LIMIT_MS);
  if (options.screenshots && options.vsix) {
    for (const name of await takeTourPictures(page, `http://127.0.0.1:${port}`, folder, resolve(options.screenshots))) console.log(`screenshot: ${join(options.screenshots, name)}`);
  }
  exitCode = reportOutcome(outcome, `VS Code ${JSON.parse(readFileSync(join(HOST, 'code-server', 'lib', 'vscode', 'product.json'), 'utf8')).version ?? ''} (code-server) — ${options.vsix ? 'installed .vsix' : 'extension development host'}`);
} catch (error) {
  console.error(String(error));
  console.error(pageLog.split('\n').filter((line) => !/ENOTFOUND|ERR_NAME|net::/.test(line)).slice(-60).join('\n'));
  console.error(serverLog.split('\n').filter((line) => !/ENOTFOUND|getaddrinfo/.test(line)).slice(-40).join('\n'));
} finally {
  await browser?.close();
  server.kill();
}
process.exit(exitCode);
