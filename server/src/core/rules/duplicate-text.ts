import data from '../../data/duplicates.json';
import type { Line } from '../markdown';
import type { LineRole } from '../model';
import { insideAny } from '../phrases';
import type { Rule, RuleContext } from '../rule';
import { docsPath } from '../rule';
import { words } from '../units';

/** A character or word typed twice: 的的, 全镇全镇, 加强党的建设加强党的建设. */
interface DoubledCharacter { followers: Set<string>; words: string[] }

const CHARACTERS = new Map<string, DoubledCharacter>(
  data.characters.map((entry) => [entry.char, { followers: new Set(words(entry.followers)), words: words(entry.words) }]),
);
const VERBS = new Set(words(data.verbs));
const CJK = /^[\u4e00-\u9fff]+$/;
/** The longest stretch looked at for a repeat: a clause, not a paragraph. */
const LONGEST = 16;
const CHECKED_ROLES: ReadonlySet<LineRole> = new Set(['title', 'subtitle', 'body', 'closing']);

export const duplicateText: Rule = {
  meta: {
    id: 'duplicate-text',
    name: '重复字词',
    description: '字或词重复（的的、全镇全镇），删去重复的一处',
    defaultSeverity: 'warning',
    docs: docsPath('duplicate-text'),
    fixable: true,
  },
  check(context: RuleContext) {
    context.model.lines.forEach((line, index) => {
      if (CHECKED_ROLES.has(context.model.roles[index]) && line.kind !== 'code') checkLine(context, line);
    });
  },
};

/** Length of the stretch at `index` that is written twice in a row and is a slip, or 0. */
function doubledAt(text: string, index: number): number {
  for (let length = Math.min(LONGEST, Math.floor((text.length - index) / 2)); length >= 1; length--) {
    const unit = text.slice(index, index + length);
    if (!CJK.test(unit) || text.slice(index + length, index + 2 * length) !== unit) continue;
    if (length === 1) {
      const character = CHARACTERS.get(unit);
      if (!character || character.followers.has(text[index + 2] ?? '') || insideAny(text, index, index + 2, character.words)) return 0;
      return 1;
    }
    // 天天 doubled, 一步一步, 研究研究: reduplications a writer means.
    if (new Set(unit).size === 1 || unit.startsWith('一') || VERBS.has(unit)) return 0;
    return length;
  }
  return 0;
}

function checkLine(context: RuleContext, line: Line): void {
  const text = line.text;
  for (let index = 0; index < text.length - 1; index++) {
    const length = doubledAt(text, index);
    if (length === 0) continue;
    const end = index + 2 * length;
    if (insideAny(text, index, end, context.allow)) continue;
    const unit = text.slice(index, index + length);
    const second = { start: line.map[index + length], end: line.map[end] };
    context.report({
      start: line.map[index],
      end: line.map[end],
      message: `“${unit}”重复了：“${text.slice(index, end)}”应为“${unit}”。`,
      fix: { title: `删去重复的“${unit}”`, edits: [{ ...second, newText: '' }] },
    });
    index = end - 1;
  }
}
