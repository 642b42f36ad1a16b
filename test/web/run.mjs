// npm run test:web: the browser build in a real browser workbench. The VS Code server from the code-server
// package (see ../shared/notes/real-vscode-tests.md) serves a web worker extension host for an extension that
// declares only `browser`; the suite runs there, then once more with only the Node entry (the remote Node
// extension host), so the two builds meet the same checks and are timed in the same run. The Word file the
// browser build exported is then rendered by the render harness (LibreOffice).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { tsImport } from 'tsx/esm/api';
import { reportOutcome } from '../vscode/build-suite.mjs';
import { freePort, launchChromium, NODE, ROOT, SERVER_MAIN, serverFolders, setUpCodeServer, waitFor, workbenchUrl } from '../vscode/code-server.mjs';
import { makeWorkspace } from '../vscode/workspace.mjs';

const TIME_LIMIT_MS = Number(process.env.SHUZHI_VSCODE_TIME_LIMIT_MS ?? 10 * 60 * 1000);
const SUITE = join(ROOT, '.vscode-test', 'web-suite', 'index.js');
/** SHUZHI_WEB_HOSTS=browser (or node) runs one build only. */
const HOSTS = (process.env.SHUZHI_WEB_HOSTS ?? 'browser,node').split(',');

/** What each build's extension folder holds besides its own bundles (as the .vsix does). */
const SHARED = ['package.nls.json', 'package.nls.zh-cn.json', 'LICENSE', 'dist/lexicon', 'docs/rules', 'docs/images/icon.png', 'schemas', 'snippets', 'syntaxes'];
const BUNDLES = { browser: ['dist/web/extension.js', 'dist/web/server.js'], node: ['dist/extension.js', 'dist/server.js', 'dist/checkWorker.js'] };

/** The extension with only one entry in its manifest, so VS Code has one host to run it in. */
function stageExtension(base, host) {
  const folder = join(base, `extension-${host}`);
  for (const path of [...SHARED, ...BUNDLES[host]]) cpSync(join(ROOT, path), join(folder, path), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  delete manifest[host === 'browser' ? 'main' : 'browser'];
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  // VS Code runs a suite in the extension host of the extension whose folder holds it.
  cpSync(SUITE, join(folder, 'suite', 'index.js'));
  return folder;
}

async function runSuite(host) {
  const { base, folder } = makeWorkspace(ROOT);
  const extension = stageExtension(base, host);
  // The CLI's findings on the example draft: what the editor must show.
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', '--format', 'json', join(folder, 'report-draft.md')], { encoding: 'utf8' });
  mkdirSync(join(folder, '.shuzhi-web'));
  writeFileSync(join(folder, '.shuzhi-web', 'expected.json'), JSON.stringify({ host, findings: JSON.parse(cli.stdout) }));
  const results = join(folder, '.shuzhi-web', 'results.json');
  const port = await freePort();
  const server = spawn(NODE, [SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--enable-smoke-test-driver', ...serverFolders(base)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  let browser;
  try {
    await waitFor(() => fetch(`http://127.0.0.1:${port}/version`).then((response) => response.ok, () => false), 'the VS Code server', 60000);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (message) => (log += `[${message.type()}] ${message.text()}\n`));
    await page.goto(workbenchUrl(port, folder, extension, join(extension, 'suite', 'index.js')));
    const outcome = await waitFor(() => existsSync(results) && JSON.parse(readFileSync(results, 'utf8')), `the results of the ${host} build`, TIME_LIMIT_MS);
    if (outcome.failed > 0 && process.env.SHUZHI_WEB_LOG) console.error(log);
    return { outcome, folder };
  } catch (error) {
    console.error(String(error));
    console.error(log.split('\n').filter((line) => !/ENOTFOUND|ERR_NAME|net::|getaddrinfo/.test(line)).slice(-60).join('\n'));
    return { outcome: { passed: 0, failed: 1, failures: [{ title: `the ${host} build's suite`, error: String(error) }], metrics: {} }, folder };
  } finally {
    await browser?.close();
    server.kill();
  }
}

/** The browser build's Word file as a reader sees it: the render harness turns it into pages. */
async function renderExport(folder, outcome) {
  const title = 'the Word file the browser build exported renders in LibreOffice with its title on page 1';
  try {
    const { docxToPdf, pdfPages } = await tsImport('../render.ts', import.meta.url);
    const scratch = mkdtempSync(join(tmpdir(), 'shuzhi-web-render-'));
    cpSync(join(folder, 'browser-export.docx'), join(scratch, 'browser-export.docx'));
    const pages = pdfPages(docxToPdf(scratch, [join(scratch, 'browser-export.docx')])[0]);
    if (!pages[0]?.some((line) => line.includes('述职报告'))) throw new Error(`page 1 reads: ${JSON.stringify(pages[0]?.slice(0, 3))}`);
    outcome.passed++;
    outcome.metrics['browser: exported Word file, pages as rendered'] = pages.length;
  } catch (error) {
    outcome.failed++;
    outcome.failures.push({ title, error: String(error) });
  }
}

function sizes(paths) {
  return paths.map((path) => {
    const bytes = readFileSync(join(ROOT, path));
    return `${path} ${(statSync(join(ROOT, path)).size / 1024).toFixed(0)} KB (gzip ${(gzipSync(bytes).length / 1024).toFixed(0)} KB)`;
  }).join(', ');
}

setUpCodeServer();
await esbuild.build({ entryPoints: [join(ROOT, 'test', 'web', 'suite.ts')], outfile: SUITE, bundle: true, platform: 'browser', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
const none = { outcome: { passed: 0, failed: 0, failures: [], metrics: {} } };
const web = HOSTS.includes('browser') ? await runSuite('browser') : none;
if (web.folder) await renderExport(web.folder, web.outcome);
const node = HOSTS.includes('node') ? await runSuite('node') : none;
const outcome = {
  passed: web.outcome.passed + node.outcome.passed,
  failed: web.outcome.failed + node.outcome.failed,
  failures: [...web.outcome.failures.map((f) => ({ ...f, title: `browser: ${f.title}` })), ...node.outcome.failures.map((f) => ({ ...f, title: `node: ${f.title}` }))],
  metrics: { ...web.outcome.metrics, ...node.outcome.metrics, 'browser bundles': sizes(BUNDLES.browser), 'node bundles': sizes(BUNDLES.node) },
};
process.exit(reportOutcome(outcome, 'the browser build (web worker extension host) and the Node build, code-server\'s workbench in Chromium'));
