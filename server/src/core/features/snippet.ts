/** Short quotes of the draft for messages, kept within the clause so they read naturally. */

const CLAUSE_BREAK = /[，。；：、！？,.;:!?\n“”"（）()【】]/;
/** Characters of a number or a Latin word, which a quote never cuts in half (2024年, not 024年). */
const WORD_CHAR = /[0-9A-Za-z０-９.％%]/;
const MAX_WORD_STRETCH = 12;

/** Up to `before` characters before `start` and `after` characters after `end`, not crossing clause breaks or cutting numbers. */
export function quoteAround(text: string, start: number, end: number, before = 6, after = 3): string {
  let from = start;
  while (from > 0 && start - from < before && !CLAUSE_BREAK.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < after && !CLAUSE_BREAK.test(text[to])) to++;
  // Widen to whole numbers and words, within reason; a longer one is left out rather than cut.
  const cutAtStart = () => from > 0 && from < start && WORD_CHAR.test(text[from - 1]) && WORD_CHAR.test(text[from]);
  for (let stretch = 0; cutAtStart() && stretch < MAX_WORD_STRETCH; stretch++) from--;
  while (cutAtStart()) from++;
  const cutAtEnd = () => to < text.length && to > end && WORD_CHAR.test(text[to - 1]) && WORD_CHAR.test(text[to]);
  for (let stretch = 0; cutAtEnd() && stretch < MAX_WORD_STRETCH; stretch++) to++;
  while (cutAtEnd()) to--;
  return text.slice(from, to).trim();
}
