/** Mocha loads the dictionary once before any test, as the CLI does before its first check. */
import { loadLexiconSync } from '../server/src/lexicon/load';

loadLexiconSync();
