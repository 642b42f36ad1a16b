/** Entry point of the language server (`shuzhi-language-server`): makes the connection and starts serving. */
import { dirname, join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ruleDocs } from './ruleDocs';
import { startLanguageServer } from './lsp/languageServer';
import { nodeHost } from './lsp/nodeHost';

// With no transport argument the server speaks over stdio, as most editors expect.
if (!process.argv.some((arg) => /^--(stdio|node-ipc|socket|pipe)/.test(arg))) process.argv.push('--stdio');

// Bundled as dist/server.js beside dist/checkWorker.js; the docs live in the package root.
startLanguageServer(createConnection(ProposedFeatures.all), {
  docs: ruleDocs(dirname(__dirname)),
  host: nodeHost(join(__dirname, 'checkWorker.js')),
});
