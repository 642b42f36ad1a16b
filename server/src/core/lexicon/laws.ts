/** Citations of laws (《……法》) against the titles of the laws in force. */
import formulations from '../../data/formulations.json';
import data from '../../data/laws.json';

const PREFIX = '中华人民共和国';
const TITLES: readonly string[] = data.laws;
/** Every name a citation may use: titles, bills under deliberation, common short names, repealed laws (dated-formulation names those). */
const KNOWN: ReadonlySet<string> = new Set([
  ...TITLES,
  ...data.bills,
  ...Object.values(data.aliases as Record<string, string[]>).flat(),
  ...formulations.formulations.filter((entry) => 'repealed' in entry).map((entry) => withoutPrefix(entry.text.replace(/[《》]/g, ''))),
]);
/** Names ending in 法 that are not laws: methods, work styles, measures (管理办法), 普法 and 执法 plans. */
const NOT_A_LAW = /(办法|工作法|执法|普法|司法|守法|方法|做法|手法|兵法|书法|章法|算法|疗法|语法|说法|看法|想法|写法|用法|战法|打法|心法|技法)$/;
const CITED_NAME = /^[\u4e00-\u9fff]{2,40}$/;

export const LAW_LIST_DATE: string = data.asOf;

function withoutPrefix(name: string): string {
  return name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name;
}

export interface UnknownLaw {
  /** The name as written, without 中华人民共和国 and without an edition note such as （2018年修正）. */
  name: string;
  /** Offset of `name` inside the citation's text. */
  offset: number;
  /** Titles of laws in force close to the name: it is part of them, or a shortening of them, or one character differs. */
  candidates: string[];
  /** Whether the name is a shortening or slip of the candidates (they can replace it) rather than a longer name containing them. */
  replaceable: boolean;
}

/** The cited law when `cited` (the text between 《 and 》) names a law no current law has; undefined for anything else. */
export function unknownLaw(cited: string): UnknownLaw | undefined {
  const name = withoutPrefix(cited.replace(/[（(][^（）()]*[）)]$/, ''));
  if (!CITED_NAME.test(name) || !name.endsWith('法') || NOT_A_LAW.test(name) || name.includes('修正案')) return undefined;
  if (KNOWN.has(name)) return undefined;
  const offset = cited.indexOf(name);
  for (const close of [(title: string) => title.includes(name), (title: string) => isSubsequence(name, title) || oneCharacterApart(name, title)]) {
    const candidates = TITLES.filter(close);
    if (candidates.length > 0) return { name, offset, candidates, replaceable: true };
  }
  // 《安全生产管理法》: a written name with words added to a real title.
  return { name, offset, candidates: TITLES.filter((title) => title.length >= 3 && isSubsequence(title, name)), replaceable: false };
}

function isSubsequence(short: string, long: string): boolean {
  if (short.length >= long.length) return false;
  let at = 0;
  for (const character of long) if (character === short[at]) at++;
  return at === short.length;
}

function oneCharacterApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length && differences < 2; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}
