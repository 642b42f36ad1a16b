/** Genres (profiles) and matching section headings to the parts a genre requires. */
import builtin from '../../data/profiles.json';

export interface SectionSpec {
  id: string;
  /** Conventional name, used in messages and completions. */
  name: string;
  synonyms: string[];
}

export interface Profile {
  id: string;
  /** Words in a title that identify the genre. */
  titles: string[];
  /** Words of the opening or closing formula that name the genre when no title does (总结如下, 以上述职). */
  cues?: string[];
  sections: SectionSpec[];
  optional?: SectionSpec[];
}

export const BUILTIN_PROFILES: readonly Profile[] = builtin.genres;

/** Extra genres replace built-ins of the same id; extra synonyms extend a genre's sections. */
export function mergeProfiles(
  base: readonly Profile[],
  extraGenres: readonly Profile[] = [],
  extraSynonyms: Record<string, Record<string, string[]>> = {},
): Profile[] {
  const byId = new Map(base.map((profile) => [profile.id, profile]));
  for (const genre of extraGenres) byId.set(genre.id, genre);
  // User genres are tried first: they are usually narrower than the built-in ones.
  const ordered = [...extraGenres, ...base.filter((profile) => !extraGenres.some((g) => g.id === profile.id))]
    .map((profile) => byId.get(profile.id)!);
  return ordered.map((profile) => {
    const added = extraSynonyms[profile.id];
    if (!added) return profile;
    const extend = (spec: SectionSpec) => ({ ...spec, synonyms: [...(added[spec.id] ?? []), ...spec.synonyms] });
    return { ...profile, sections: profile.sections.map(extend), optional: profile.optional?.map(extend) };
  });
}

/**
 * Built-in genres from the one written most (every cadre's yearly 述职报告, every unit's 总结) to the
 * one written least; a pick list shows them in this order, so Enter takes the most likely one.
 */
const BY_COMMONNESS = ['述职报告', '年度工作总结', '述责述廉报告', '对照检查材料', '述法报告'];

/** Genres for a pick list: the user's own first (a unit defines the ones it writes), then the built-ins by how common they are. */
export function byCommonness(profiles: readonly Profile[]): Profile[] {
  // Genres of the user's own are not in the list: indexOf gives them -1, ahead of every built-in.
  const rank = (profile: Profile) => BY_COMMONNESS.indexOf(profile.id);
  return [...profiles].sort((a, b) => rank(a) - rank(b));
}

export function findProfile(id: string, profiles: readonly Profile[]): Profile | undefined {
  return profiles.find((profile) => profile.id === id);
}

const NOT_SIGNIFICANT = /[\s\u3000、，。：；！？,.:;!?“”"'‘’（）()《》]/g;

/**
 * Which of the genre's parts a heading names. A heading may name two ("存在问题及下步打算");
 * a shorter hit inside the longest one, or a short stray word, does not count
 * ("上年度整改措施落实情况" is not the 整改措施 part; "履行主体责任，解决突出问题" is about duty).
 */
export function matchSectionRoles(headingTitle: string, profile: Profile): SectionSpec[] {
  const title = headingTitle.replace(NOT_SIGNIFICANT, '');
  const { specs, byFirst } = synonymsOf(profile);
  // Per part, its longest synonym in the title (the earlier listed of equal ones), at its first place.
  let best: Array<{ start: number; length: number; order: number } | undefined> | undefined;
  for (let start = 0; start < title.length; start++) {
    const candidates = byFirst.get(title.charCodeAt(start));
    if (!candidates) continue;
    for (const { synonym, part, order } of candidates) {
      if (!title.startsWith(synonym, start)) continue;
      const known = (best ??= new Array(specs.length))[part];
      if (!known || synonym.length > known.length || (synonym.length === known.length && order < known.order)) best[part] = { start, length: synonym.length, order };
    }
  }
  if (!best) return [];
  const hits: Array<{ spec: SectionSpec; start: number; length: number }> = [];
  specs.forEach((spec, part) => {
    const found = best![part];
    if (found) hits.push({ spec, start: found.start, length: found.length });
  });
  const longest = hits.reduce((a, b) => (b.length > a.length ? b : a));
  const overlapsLongest = (hit: (typeof hits)[number]) =>
    hit.start < longest.start + longest.length && longest.start < hit.start + hit.length;
  return hits
    .filter((hit) => hit.length === longest.length || (hit.length >= 3 && !overlapsLongest(hit)))
    .map((hit) => hit.spec);
}

interface SynonymIndex {
  specs: SectionSpec[];
  /** Synonyms by first character, with their part's index in `specs` and their place in its list. */
  byFirst: Map<number, Array<{ synonym: string; part: number; order: number }>>;
}

/** Every heading of a draft is matched against a genre's parts: their synonyms are indexed once per genre. */
const synonymIndexes = new WeakMap<Profile, SynonymIndex>();

function synonymsOf(profile: Profile): SynonymIndex {
  let index = synonymIndexes.get(profile);
  if (index) return index;
  const specs = [...profile.sections, ...(profile.optional ?? [])];
  const byFirst: SynonymIndex['byFirst'] = new Map();
  specs.forEach((spec, part) => spec.synonyms.forEach((synonym, order) => {
    if (synonym.length === 0) return;
    const code = synonym.charCodeAt(0);
    const list = byFirst.get(code);
    if (list) list.push({ synonym, part, order });
    else byFirst.set(code, [{ synonym, part, order }]);
  }));
  synonymIndexes.set(profile, (index = { specs, byFirst }));
  return index;
}
