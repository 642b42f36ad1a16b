/** Genres (profiles) and matching section headings to the parts a genre requires. */
import builtin from '../data/profiles.json';

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

export function detectProfile(title: string, profiles: readonly Profile[]): Profile | undefined {
  return profiles.find((profile) => profile.titles.some((word) => title.includes(word)));
}

export function findProfile(id: string, profiles: readonly Profile[]): Profile | undefined {
  return profiles.find((profile) => profile.id === id);
}

const NOT_SIGNIFICANT = /[\s\u3000、，。：；！？,.:;!?“”"'‘’（）()《》]/g;

/**
 * Which of the genre's parts a heading names. A heading may name two ("存在问题及下步打算");
 * a short accidental hit loses to a longer one ("履行主体责任，解决突出问题" is about duty).
 */
export function matchSectionRoles(headingTitle: string, profile: Profile): SectionSpec[] {
  const title = headingTitle.replace(NOT_SIGNIFICANT, '');
  const scored: Array<{ spec: SectionSpec; length: number }> = [];
  for (const spec of [...profile.sections, ...(profile.optional ?? [])]) {
    let best = 0;
    for (const synonym of spec.synonyms) if (synonym.length > best && title.includes(synonym)) best = synonym.length;
    if (best > 0) scored.push({ spec, length: best });
  }
  const longest = Math.max(0, ...scored.map((entry) => entry.length));
  return scored.filter((entry) => entry.length === longest || entry.length >= 4).map((entry) => entry.spec);
}
