/**
 * Word files that are a draft again: exported from it (述职报告.md → 述职报告.docx beside it or in the
 * export folder) or imported into it (述职报告.docx → 述职报告.md beside it). The workspace check reads
 * the draft only, so each problem is listed once. Paths are URI paths ('/' separated).
 */
const DRAFT = /\.(md|markdown)$/i;
const WORD = /\.docx$/i;

const folderOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const stemOf = (path: string, extension: RegExp) => path.slice(path.lastIndexOf('/') + 1).replace(extension, '').toLowerCase();

export function twinsOfDrafts(paths: readonly string[], exportFolders: readonly string[] = []): Set<string> {
  const draftsBeside = new Set<string>();
  const draftStems = new Set<string>();
  for (const path of paths) {
    if (!DRAFT.test(path)) continue;
    draftsBeside.add(folderOf(path) + stemOf(path, DRAFT));
    draftStems.add(stemOf(path, DRAFT));
  }
  const exportFolderSet = new Set(exportFolders.map((folder) => (folder.endsWith('/') ? folder : `${folder}/`)));
  const twins = new Set<string>();
  for (const path of paths) {
    if (!WORD.test(path)) continue;
    const stem = stemOf(path, WORD);
    if (draftsBeside.has(folderOf(path) + stem) || (exportFolderSet.has(folderOf(path)) && draftStems.has(stem))) twins.add(path);
  }
  return twins;
}
