/** Short quotes of the draft for messages, kept within the clause so they read naturally. */

const CLAUSE_BREAK = /[，。；：、！？,.;:!?\n“”"（）()【】]/;

/** Up to `before` characters before `start` and `after` characters after `end`, not crossing clause breaks. */
export function quoteAround(text: string, start: number, end: number, before = 6, after = 3): string {
  let from = start;
  while (from > 0 && start - from < before && !CLAUSE_BREAK.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < after && !CLAUSE_BREAK.test(text[to])) to++;
  return text.slice(from, to).trim();
}
