/**
 * Reads the lexicon's data (data/README.md names its sources and licences) once per process. The
 * bundles find it in dist/lexicon/, the sources (tests, bench, eval) beside this file in data/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Lexicon, lexiconInUse, useLexicon } from '../core/lexicon/lexicon';
import { LEXICON_FILES } from './files';

const { words: WORDS, readings: READINGS, shapes: SHAPES } = LEXICON_FILES;

function dataFolder(): string {
  const candidates = [join(__dirname, 'lexicon'), join(__dirname, 'data')];
  return candidates.find((folder) => existsSync(join(folder, WORDS))) ?? candidates[0];
}

/**
 * Loads the lexicon now (the CLI, a check worker, tests); a second call returns the same one. `folder`
 * only for a bundle that lives away from the data (the bench's).
 */
export function loadLexiconSync(folder = dataFolder()): Lexicon {
  const known = lexiconInUse();
  if (known) return known;
  const lexicon = new Lexicon(readFileSync(join(folder, WORDS), 'utf8'), readFileSync(join(folder, READINGS), 'utf8'), readFileSync(join(folder, SHAPES), 'utf8'));
  useLexicon(lexicon);
  return lexicon;
}

let pending: Promise<Lexicon> | undefined;

/** Loads the lexicon without blocking on the reads (the language server); one load however often called. */
export function loadLexicon(): Promise<Lexicon> {
  const known = lexiconInUse();
  if (known) return Promise.resolve(known);
  pending ??= (async () => {
    const folder = dataFolder();
    const [words, readings, shapes] = await Promise.all([WORDS, READINGS, SHAPES].map((file) => readFile(join(folder, file), 'utf8')));
    const lexicon = new Lexicon(words, readings, shapes);
    useLexicon(lexicon);
    return lexicon;
  })();
  return pending;
}
