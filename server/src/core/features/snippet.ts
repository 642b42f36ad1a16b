/** Short quotes of the draft for messages, kept within the clause so they read naturally. */

import { CharacterKinds } from '../engine/characters';

/** Looked up per character of every quote, without a string or a pattern call. */
const CLAUSE_BREAK = new CharacterKinds().add('，。；：、！？,.;:!?\n“”"（）()【】', 1);
/** Characters of a number or a Latin word, which a quote never cuts in half (2024年, not 024年). */
const WORD_CHAR = new CharacterKinds().add('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz０１２３４５６７８９.％%', 1);
const MAX_WORD_STRETCH = 12;

/** Up to `before` characters before `start` and `after` characters after `end`, not crossing clause breaks or cutting numbers. */
export function quoteAround(text: string, start: number, end: number, before = 6, after = 3): string {
  let from = start;
  while (from > 0 && start - from < before && CLAUSE_BREAK.of(text.charCodeAt(from - 1)) === 0) from--;
  let to = end;
  while (to < text.length && to - end < after && CLAUSE_BREAK.of(text.charCodeAt(to)) === 0) to++;
  // Widen to whole numbers and words, within reason; a longer one is left out rather than cut.
  const cutAtStart = () => from > 0 && from < start && WORD_CHAR.of(text.charCodeAt(from - 1)) !== 0 && WORD_CHAR.of(text.charCodeAt(from)) !== 0;
  for (let stretch = 0; cutAtStart() && stretch < MAX_WORD_STRETCH; stretch++) from--;
  while (cutAtStart()) from++;
  const cutAtEnd = () => to < text.length && to > end && WORD_CHAR.of(text.charCodeAt(to - 1)) !== 0 && WORD_CHAR.of(text.charCodeAt(to)) !== 0;
  for (let stretch = 0; cutAtEnd() && stretch < MAX_WORD_STRETCH; stretch++) to++;
  while (cutAtEnd()) to--;
  return text.slice(from, to).trim();
}
