/**
 * Traditional characters read as their simplified forms, one for one (OpenCC's table, data/traditional.json).
 * Pages copied from a traditional-character site (兩次, 審批, 第一責任人) are looked up in the dictionary and
 * the word lists, which are simplified, with every text index unchanged. Characters that are also
 * simplified forms (乾, 於, 著) are not in the table, so simplified text reads the same through it.
 */
import table from '../../data/traditional.json';

const SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < table.traditional.length; i++) SIMPLIFIED.set(table.traditional[i], table.simplified[i]);

const codes = (text: string) => Array.from(text, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
/** Any character of the table; most lines have none, told by one scan. */
const TRADITIONAL = new RegExp(`[${codes(table.traditional)}]`);
const EVERY_TRADITIONAL = new RegExp(TRADITIONAL.source, 'g');

/** The text with its traditional characters simplified; the same string when it has none. */
export function simplified(text: string): string {
  return TRADITIONAL.test(text) ? text.replace(EVERY_TRADITIONAL, (character) => SIMPLIFIED.get(character)!) : text;
}
