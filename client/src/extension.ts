/** VS Code client under Node (desktop, remote): the language server runs as a Node process over IPC. */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateShuzhi, deactivateShuzhi } from './activate';

export function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return activateShuzhi(context, (options) => new LanguageClient('shuzhi', '述职报告助手', serverOptions, options));
}

export const deactivate = deactivateShuzhi;
