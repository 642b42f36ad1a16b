import data from '../../data/phrases.json';
import type { Line } from '../reading/markdown';
import type { LineRole } from '../reading/model';
import { LAW_LIST_DATE, unknownLaw } from '../lexicon/laws';
import { insideAny, type PhraseEntry, PhraseMatcher } from '../lexicon/phrases';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath, reportInLine } from '../engine/rule';

/**
 * Set phrases and official formulations written wrong: typos in set phrases (软弱散涣), variant
 * spellings the 异形词 table retired (笔划), a formulation with a character slipped (习近平新时代中国特设社会主义思想),
 * fixed lists with a member wrong, missing or out of order (政治意识、大局意识、核心意识、看齐意识), and laws cited
 * by a name no law in force has (《公职人员处分法》).
 */
interface Formulation { text: string; source: string; name?: string }
interface FixedList { name: string; members: string[]; source: string }

const WORDS = new PhraseMatcher<PhraseEntry>([...data.typos, ...data.variants].map((entry) => [entry.wrong, entry]));
const FORMULATIONS = data.formulations as Formulation[];
const ANCHOR = 4;
/** The first and last four characters of each formulation: a slip leaves at least one of them intact. */
const ANCHORS = new PhraseMatcher<Array<{ formulation: Formulation; offset: number }>>(anchorEntries());
/** What follows the name in a formulation named after a person (法治思想 of 习近平法治思想). */
const NAMED = new PhraseMatcher<Formulation>(FORMULATIONS.filter((formulation) => formulation.name).map((formulation) => [formulation.text.slice(formulation.name!.length), formulation]));
/** Shorter than this, the rest of a named formulation is an ordinary phrase on its own (法治思想); longer, it is only ever the formulation. */
const NAMELESS_LENGTH = 8;
/** Titles a page puts for a deleted name (总书记法治思想). */
const TITLE_FOR_NAME = /(总书记|同志)$/;
const LISTS = data.lists as FixedList[];
const MEMBERS = new PhraseMatcher<FixedList>(LISTS.flatMap((list) => list.members.map((member) => [member, list] as const)));
/** Which of the built-in matchers may find something in a line, in one pass (bits in this order). */
const candidatesIn = PhraseMatcher.candidatesOf([WORDS, ANCHORS, NAMED, MEMBERS]);
const MAY_WORD = 1;
const MAY_FORMULATION = 2;
const MAY_NAME = 4;
const MAY_LIST = 8;
/** Roles whose text is the writer's own: titles, body, closing. */
const CHECKED_ROLES: ReadonlySet<LineRole> = new Set(['title', 'subtitle', 'salutation', 'body', 'closing']);
const PUNCTUATION = /[\p{P}\s]/u;
/** What joins the members of a list: 、 and the 和 or 及 before the last one. */
const SEPARATOR = /^(、|和|及|与|以及)$/;

export const fixedPhrase: Rule = {
  meta: {
    id: 'fixed-phrase',
    name: '固定表述',
    description: '固定表述和成语写错（软弱散涣、布署、再接再砺）、异形词、重要表述错字、缺了人名或成员有误（总书记法治思想、四个意识、四风）、现行法律中没有的法律名称（《反腐败法》）',
    defaultSeverity: 'warning',
    docs: docsPath('fixed-phrase'),
    fixable: true,
    allowable: true,
  },
  check(context: RuleContext) {
    const own = context.phrases.length > 0 ? configuredMatcher(context.phrases) : undefined;
    context.model.lines.forEach((line, index) => {
      if (!CHECKED_ROLES.has(context.model.roles[index]) || line.kind === 'code') return;
      const candidates = candidatesIn(line.text);
      if (candidates & MAY_WORD) checkWords(context, line, WORDS);
      if (own) checkWords(context, line, own);
      if (candidates & MAY_FORMULATION) checkFormulations(context, line);
      if (candidates & MAY_NAME) checkNames(context, line);
      if (candidates & MAY_LIST) checkLists(context, line);
      checkLawCitations(context, line);
    });
  },
};

/** The configuration's own phrases, built once per distinct list rather than on every keystroke. */
let configured: { key: string; matcher: PhraseMatcher<PhraseEntry> } | undefined;

function configuredMatcher(phrases: readonly PhraseEntry[]): PhraseMatcher<PhraseEntry> {
  const key = JSON.stringify(phrases);
  if (configured?.key !== key) configured = { key, matcher: new PhraseMatcher(phrases.map((entry) => [entry.wrong, entry])) };
  return configured.matcher;
}

function checkWords(context: RuleContext, line: Line, matcher: PhraseMatcher<PhraseEntry>): void {
  for (const { index, length, entry } of matcher.find(line.text)) {
    const range = { start: index, end: index + length };
    if (insideAny(line.text, range.start, range.end, entry.except ?? [])) continue;
    reportInLine(context, line, range, `“${entry.wrong}”应为“${entry.right}”${entry.reason ? `（${entry.reason}）` : ''}。`,
      { title: `改为“${entry.right}”`, edits: [{ ...range, newText: entry.right }] });
  }
}

/** Characters that differ, or Infinity when a difference is only punctuation (不忘初心，牢记使命 is a sentence, not a slip). */
function slips(written: string, official: string): number {
  let count = 0;
  for (let i = 0; i < official.length; i++) {
    if (written[i] === official[i]) continue;
    if (PUNCTUATION.test(written[i]) || PUNCTUATION.test(official[i])) return Infinity;
    count++;
  }
  return count;
}

function anchorEntries(): Array<[string, Array<{ formulation: Formulation; offset: number }>]> {
  const byAnchor = new Map<string, Array<{ formulation: Formulation; offset: number }>>();
  for (const formulation of FORMULATIONS) {
    for (const [anchor, offset] of [[formulation.text.slice(0, ANCHOR), 0], [formulation.text.slice(-ANCHOR), formulation.text.length - ANCHOR]] as const) {
      byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), { formulation, offset }]);
    }
  }
  return [...byAnchor];
}

function checkFormulations(context: RuleContext, line: Line): void {
  const text = line.text;
  const reported = new Set<number>();
  for (const { index, entry } of ANCHORS.find(text)) {
    for (const { formulation, offset } of entry) {
      const official = formulation.text;
      const start = index - offset;
      if (start < 0 || reported.has(start)) continue;
      const written = text.slice(start, start + official.length);
      if (written.length < official.length || written === official) continue;
      if (offset === 0 && reportDoubled(context, line, start, formulation)) {
        reported.add(start);
        continue;
      }
      const count = slips(written, official);
      if (count === 0 || count > (official.length >= 14 ? 2 : 1) || insideAny(text, start, start + official.length, context.allow)) continue;
      reported.add(start);
      const range = { start: line.map[start], end: line.map[start + official.length] };
      context.report({
        ...range,
        message: `重要表述有错字：“${written}”应为“${official}”（${formulation.source}）。`,
        fix: { title: `改为“${official}”`, edits: [{ ...range, newText: official }] },
      });
    }
  }
}

/** 严格规范公正文明规范执法: a word of the formulation written a second time inside it. */
function reportDoubled(context: RuleContext, line: Line, start: number, formulation: Formulation): boolean {
  const official = formulation.text;
  for (let extra = 1; extra <= 2; extra++) {
    const written = line.text.slice(start, start + official.length + extra);
    if (written.length < official.length + extra) return false;
    for (let at = ANCHOR; at + extra <= official.length; at++) {
      const inserted = written.slice(at, at + extra);
      if (written.slice(0, at) + written.slice(at + extra) !== official || !official.includes(inserted) || PUNCTUATION.test(inserted)) continue;
      if (insideAny(line.text, start, start + written.length, context.allow)) return false;
      const range = { start: line.map[start], end: line.map[start + written.length] };
      context.report({
        ...range,
        message: `重要表述多了字：“${written}”应为“${official}”，“${inserted}”重复了（${formulation.source}）。`,
        fix: { title: `改为“${official}”`, edits: [{ ...range, newText: official }] },
      });
      return true;
    }
  }
  return false;
}

/**
 * A formulation named after a person with the name deleted (以新时代中国特色社会主义思想为指导) or put
 * as a title (总书记法治思想), as pages that filter names leave it.
 */
function checkNames(context: RuleContext, line: Line): void {
  const text = line.text;
  for (const { index, length, entry } of NAMED.find(text)) {
    const name = entry.name!;
    const before = text.slice(Math.max(0, index - name.length - 3), index);
    if (before.endsWith(name)) continue;
    const title = TITLE_FOR_NAME.exec(before);
    // 习近平总书记法治思想 keeps the name; only a title standing alone took its place.
    if (title && text.slice(Math.max(0, index - title[0].length - name.length), index - title[0].length) === name) continue;
    if (!title && length < NAMELESS_LENGTH) continue;
    const start = index - (title ? title[0].length : 0);
    if (insideAny(text, start, index + length, context.allow)) continue;
    const range = { start: line.map[start], end: line.map[index + length] };
    context.report({
      ...range,
      message: `重要表述不完整：“${text.slice(start, index + length)}”应为“${entry.text}”（${entry.source}）。`,
      fix: { title: `改为“${entry.text}”`, edits: [{ ...range, newText: entry.text }] },
    });
  }
}

/** The shared ending of a list's members (意识, 自信), by which a wrong member is recognised. */
function commonSuffix(members: readonly string[]): string {
  let suffix = members[0];
  for (const member of members) while (!member.endsWith(suffix)) suffix = suffix.slice(1);
  return suffix;
}

function checkLists(context: RuleContext, line: Line): void {
  const text = line.text;
  const hits = MEMBERS.find(text);
  // Every list has at least four members, and three must be written for anything to be wrong.
  if (hits.length < 3) return;
  for (let first = 0; first < hits.length; ) {
    const list = hits[first].entry;
    let last = first;
    while (last + 1 < hits.length && hits[last + 1].entry === list
      && SEPARATOR.test(text.slice(hits[last].index + hits[last].length, hits[last + 1].index))) last++;
    const group = hits.slice(first, last + 1);
    first = last + 1;
    const written = group.map((hit) => text.slice(hit.index, hit.index + hit.length));
    if (group.length < list.members.length - 1 || new Set(written).size !== written.length) continue;
    const start = group[0].index;
    const end = group[group.length - 1].index + group[group.length - 1].length;
    if (insideAny(text, start, end, context.allow)) continue;
    if (group.length === list.members.length) {
      if (written.every((member, index) => member === list.members[index])) continue;
      // Members in the official order, each in the place of the one written there.
      const edits = group.map((hit, index) => ({ start: line.map[hit.index], end: line.map[hit.index + hit.length], newText: list.members[index] }));
      context.report({
        start: line.map[start],
        end: line.map[end],
        message: `“${list.name}”的顺序应为“${list.members.join('、')}”（${list.source}）。`,
        fix: { title: '按规范顺序排列', edits },
      });
      continue;
    }
    const missing = list.members.filter((member) => !written.includes(member));
    const suffix = commonSuffix(list.members);
    // 政治意识、大局意识、核心意识、服务意识: a fourth item with the members' ending takes the missing member's place.
    const after = text.slice(end);
    const stranger = suffix.length >= 2 ? new RegExp(`^(、|和|及)([\\u4e00-\\u9fff]{0,4}${suffix})`).exec(after) : null;
    if (stranger) {
      const from = end + stranger[1].length;
      const to = from + stranger[2].length;
      context.report({
        start: line.map[from],
        end: line.map[to],
        message: `“${list.name}”是“${list.members.join('、')}”，没有“${stranger[2]}”（${list.source}）。`,
        fix: { title: `改为“${missing[0]}”`, edits: [{ start: line.map[from], end: line.map[to], newText: missing[0] }] },
      });
      continue;
    }
    if (/^[\u4e00-\u9fff]{0,2}等/.test(after)) continue;
    context.report({
      start: line.map[start],
      end: line.map[end],
      message: `“${list.name}”是“${list.members.join('、')}”，这里少了“${missing[0]}”（${list.source}）。`,
    });
  }
}

/** At most this many close titles are named in a message; more means the name is too vague to guess. */
const NAMED_CANDIDATES = 3;

/** Longer than any law's title with 中华人民共和国 and an edition note: not a law citation. */
const LONGEST_CITATION = 80;

function checkLawCitations(context: RuleContext, line: Line): void {
  const text = line.text;
  // The 》 after one 《 is the 》 after every 《 before it, so each is looked for once (《《《…》 stays linear).
  let close = -1;
  for (let open = text.indexOf('《'); open !== -1; open = text.indexOf('《', open + 1)) {
    if (close < open) close = text.indexOf('》', open + 1);
    if (close === -1) return;
    if (close - open - 1 > LONGEST_CITATION) continue;
    const law = unknownLaw(text.slice(open + 1, close));
    if (!law) continue;
    const start = open + 1 + law.offset;
    if (insideAny(text, start, start + law.name.length, context.allow)) continue;
    const range = { start: line.map[start], end: line.map[start + law.name.length] };
    const named = law.candidates.length <= NAMED_CANDIDATES ? law.candidates.map((title) => `《${title}》`).join('或') : '';
    const hint = named ? `是否指${named}？` : law.candidates.length > 0 ? '请写出法律全称。' : '请核对法律名称。';
    const only = law.replaceable && law.candidates.length === 1 ? law.candidates[0] : undefined;
    context.report({
      ...range,
      message: `现行法律中没有《${law.name}》（法律名单截至${LAW_LIST_DATE}），${hint}`,
      fix: only ? { title: `改为《${only}》`, edits: [{ ...range, newText: only }] } : undefined,
    });
  }
}
