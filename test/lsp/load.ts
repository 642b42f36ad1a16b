/**
 * Many documents, many rapid edits, as a busy user's editor sends them: the final diagnostics of every
 * document must equal what the core (and so `shuzhi lint`) says of its final text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/core/engine/lint';
import { loadLexiconSync } from '../../server/src/lexicon/load';
import { LspHarness } from './harness';

const FIXTURES = join(__dirname, '..', 'fixtures');
const PIECES = ['X名', '投入资金万元。', '一是', '三是', '（二）', '\n四、下步打算\n', '。', '\n', '***', '2024年'];

export interface LoadFigures {
  documents: number;
  edits: number;
  msPerEdit: number;
  baselineMb?: number;
  peakMb?: number;
  afterCloseMb?: number;
  mismatches: string[];
}

/** A small deterministic generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function runLoad(documentCount: number, editCount: number, seed = 1): Promise<LoadFigures> {
  const next = random(seed);
  const sources = readdirSync(FIXTURES).filter((name) => name.endsWith('.md')).map((name) => readFileSync(join(FIXTURES, name), 'utf8'));
  const server = new LspHarness();
  await server.initialize();
  // Both sides check with the dictionary: the core here, and the server once it has read its own copy
  // (until then it publishes the checks that need none, then checks open drafts again).
  loadLexiconSync();
  const probe = 'untitled:load-lexicon';
  await server.open(probe, '2024年度述职报告\n\n一、主要做法\n\n全镇全镇完成投资3亿元。\n');
  await server.diagnostics(probe, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-text'), 60000);
  await server.close(probe);
  const baselineMb = server.residentMegabytes();
  const documents = Array.from({ length: documentCount }, (_, index) => TextDocument.create(`untitled:load-${index}`, 'markdown', 1, sources[index % sources.length]));
  for (const document of documents) await server.open(document.uri, document.getText());
  let peakMb = baselineMb;
  const started = performance.now();
  for (let i = 0; i < editCount; i++) {
    const document = documents[Math.floor(next() * documents.length)];
    const text = document.getText();
    const at = Math.floor(next() * (text.length + 1));
    const remove = next() < 0.3 ? Math.min(text.length - at, 1 + Math.floor(next() * 4)) : 0;
    const insert = remove > 0 && next() < 0.5 ? '' : PIECES[Math.floor(next() * PIECES.length)];
    const range = { start: document.positionAt(at), end: document.positionAt(at + remove) };
    TextDocument.update(document, [{ range, text: insert }], document.version + 1);
    await server.edit(document.uri, document.version, range, insert);
    if (i % 200 === 0) peakMb = Math.max(peakMb ?? 0, server.residentMegabytes() ?? 0);
  }
  const mismatches: string[] = [];
  for (const document of documents) {
    const { diagnostics } = await server.diagnostics(document.uri, (params) => params.version === document.version, 60000);
    // The harness sets scope "all": every draft shows what the core finds, report or not.
    const expected = lint(document.getText(), {}).findings.map((finding) =>
      `${finding.rule}@${document.positionAt(finding.start).line}:${document.positionAt(finding.start).character} ${finding.message}`);
    const actual = diagnostics.filter((diagnostic) => diagnostic.code !== 'config').map((diagnostic) =>
      `${diagnostic.code}@${diagnostic.range.start.line}:${diagnostic.range.start.character} ${diagnostic.message}`);
    if (JSON.stringify(expected) !== JSON.stringify(actual)) mismatches.push(document.uri);
  }
  const msPerEdit = (performance.now() - started) / editCount;
  peakMb = Math.max(peakMb ?? 0, server.residentMegabytes() ?? 0);
  for (const document of documents) await server.close(document.uri);
  await server.diagnostics(documents[documents.length - 1].uri, (params) => params.diagnostics.length === 0, 60000);
  const afterCloseMb = server.residentMegabytes();
  await server.dispose();
  return { documents: documentCount, edits: editCount, msPerEdit, baselineMb, peakMb, afterCloseMb, mismatches };
}
