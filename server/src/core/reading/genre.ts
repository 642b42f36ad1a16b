/** Which genre a draft is, decided as a reader would: the title first, then the formulas, then the headings. */
import { findProfile, matchSectionRoles, type Profile } from '../lexicon/profiles';

export type GenreSource = 'frontMatter' | 'config' | 'title' | 'opening' | 'closing' | 'headings';

export interface GenreDecision {
  profile?: Profile;
  source?: GenreSource;
}

/** The genre whose longest title word the text holds: 述职述廉 wins over 述职. */
function genreByWords(text: string, profiles: readonly Profile[], words: (profile: Profile) => readonly string[]): Profile | undefined {
  let best: Profile | undefined;
  let bestLength = 0;
  for (const profile of profiles) {
    for (const word of words(profile)) {
      if (word.length > bestLength && text.includes(word)) {
        best = profile;
        bestLength = word.length;
      }
    }
  }
  return best;
}

const cueWords = (profile: Profile): readonly string[] => [...profile.titles, ...(profile.cues ?? [])];

/** The genre whose required parts the top-level headings name most (at least two of them). */
function genreByHeadings(headingTitles: readonly string[], profiles: readonly Profile[]): Profile | undefined {
  let best: Profile | undefined;
  let bestCount = 1;
  for (const profile of profiles) {
    const named = new Set(headingTitles.flatMap((title) => matchSectionRoles(title, profile).map((spec) => spec.id)));
    const count = profile.sections.filter((spec) => named.has(spec.id)).length;
    if (count > bestCount) {
      best = profile;
      bestCount = count;
    }
  }
  return best;
}

export interface GenreEvidence {
  title: string;
  opening?: string;
  closing?: string;
  headingTitles: readonly string[];
}

/**
 * A report's title ends with what it is (……述职报告, ……工作总结, ……对照检查材料, ……的报告（讨论稿）);
 * 述职报告助手 or 述职报告写作要点 names the genre without being one.
 */
const TITLE_ENDING = /(报告|总结|材料|提纲|发言|述职|述廉|述责|述法|汇报|剖析|计划|谋划|检查)$/;
const TRAILING_NOTE = /([（(【\[][^（(【\[]*[）)】\]]|\s)+$/;

/** ……工作总结和2025年工作思路: the title goes on after its genre noun with what comes next. */
const NEXT_YEAR_PART = /(?:和|及|暨|与|以及)[^和及暨与]{0,24}(?:思路|计划|打算|安排|要点|谋划|规划|重点)$/;

function isReportTitle(title: string): boolean {
  const bare = title.replace(TRAILING_NOTE, '');
  return TITLE_ENDING.test(bare) || TITLE_ENDING.test(bare.replace(NEXT_YEAR_PART, ''));
}

/** 现将2024年度工作情况汇报如下, ……工作情况报告如下: the opening reports on work done. */
const WORK_REPORTED = /(?:工作|履职)(?:开展|完成|落实)?情况(?:汇报|报告)如下/;
const DUTY_AND_INTEGRITY = /主体责任|从严治党|党风廉政|廉洁|廉政/;
/**
 * 我 speaking for oneself; 我社区, 我镇, 我局, 我们 speak for a unit. The unit nouns are the kinds of
 * body a report is written for, not words of any page.
 */
const SPEAKING_FOR_ONESELF = /本人|我(?!们|国|省|市|州|县|区|镇|乡|村|街|社|局|委|厅|部|处|科|室|站|所|校|院|园|馆|中心|单位|公司|集团|企业|行|司|队|团|会|党|军|厂|办)/;

/**
 * Without a title or a cue word, an opening that reports on work done says who reports: a person
 * gives a 述职报告, a unit a year's 工作总结.
 */
function genreByReporter(opening: string, profiles: readonly Profile[]): Profile | undefined {
  // Work on responsibility and integrity is what a 述责述廉报告 reports: too close to call without its cue words.
  if (!WORK_REPORTED.test(opening) || DUTY_AND_INTEGRITY.test(opening)) return undefined;
  return findProfile(SPEAKING_FOR_ONESELF.test(opening) ? '述职报告' : '年度工作总结', profiles);
}

export function decideGenre(evidence: GenreEvidence, profiles: readonly Profile[]): GenreDecision {
  const byTitle = evidence.title && isReportTitle(evidence.title) ? genreByWords(evidence.title, profiles, (profile) => profile.titles) : undefined;
  if (byTitle) return { profile: byTitle, source: 'title' };
  const byOpening = evidence.opening ? genreByWords(evidence.opening, profiles, cueWords) : undefined;
  if (byOpening) return { profile: byOpening, source: 'opening' };
  const byClosing = evidence.closing ? genreByWords(evidence.closing, profiles, cueWords) : undefined;
  if (byClosing) return { profile: byClosing, source: 'closing' };
  const byHeadings = genreByHeadings(evidence.headingTitles, profiles);
  if (byHeadings) return { profile: byHeadings, source: 'headings' };
  const byReporter = evidence.opening ? genreByReporter(evidence.opening, profiles) : undefined;
  return byReporter ? { profile: byReporter, source: 'opening' } : {};
}
