/** Word and WPS mark an open document with an owner file: ~$ plus the name, first two letters dropped when long. */
export function wordLockNames(fileName: string): string[] {
  return [`~$${fileName}`, `~$${fileName.slice(2)}`];
}
