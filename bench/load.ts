/**
 * The language server under load: figures for the closing notes and the README.
 * Usage: npm run bench:load [documents] [edits]
 */
import { runLoad } from '../test/lsp/load';

async function main(): Promise<void> {
  const [documents = 200, edits = 2000] = process.argv.slice(2).map(Number);
  const figures = await runLoad(documents, edits);
  const mb = (value?: number) => (value === undefined ? '—' : `${value.toFixed(0)} MB`);
  console.log(`${figures.documents} documents, ${figures.edits} rapid incremental edits over stdio`);
  console.log(`  time per edit, until every final diagnostic set was in: ${figures.msPerEdit.toFixed(2)} ms`);
  console.log(`  server memory: ${mb(figures.baselineMb)} after start, ${mb(figures.peakMb)} peak, ${mb(figures.afterCloseMb)} after closing every document`);
  console.log(`  final diagnostics different from the core's: ${figures.mismatches.length}`);
  if (figures.mismatches.length > 0) process.exitCode = 1;
}

void main();
