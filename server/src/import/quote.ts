/** Words quoted from a Word paragraph beside a finding: enough to find the place with Word's search. */
export function quoteForWord(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 24);
}
