/** What the bench measures of shuzhi itself: the checking core and the Word export, bundled by esbuild as they ship. */
export { lint } from '../server/src/core/engine/lint';
export { exportDocx } from '../server/src/export/docx';
export { lexiconInUse, useLexicon } from '../server/src/core/lexicon/lexicon';
export { loadLexiconSync } from '../server/src/lexicon/load';
export { layoutPages } from '../server/src/core/features/pages';
