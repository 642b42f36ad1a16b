/** What the bench measures of shuzhi itself: the checking core and the Word export, bundled by esbuild as they ship. */
export { lint } from '../server/src/core/lint';
export { exportDocx } from '../server/src/export/docx';
