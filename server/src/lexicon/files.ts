/** The lexicon's data files (data/README.md names their sources), in dist/lexicon/ of the bundles. */
export const LEXICON_FILES = { words: 'words.txt', readings: 'pinyin.txt', shapes: 'shapes.txt' } as const;
