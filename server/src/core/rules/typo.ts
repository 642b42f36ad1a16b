import { isChinese, type Lexicon } from '../lexicon/lexicon';
import type { Line } from '../reading/markdown';
import type { LineRole } from '../reading/model';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath, execAll, reportInLine } from '../engine/rule';
import { CharacterKinds } from '../engine/characters';

/**
 * Wrong characters a reader catches at once, decided on words rather than on a list of known slips:
 * two characters the dictionary does not join that become a common word when one of them is replaced
 * by a character read the same and written alike, sharing a component (村级班子较为痪散 → 涣散: 痪 and
 * 涣 are both huan and both built on 奂); sound alone is no evidence, the dictionary lacks too many
 * words of official writing (提质, 述法, 纠治) that sound like other words. Usage pairs whose
 * right form the context fixes (截止 before a date → 截至, 做为 → 作为, 不断的提高 → 不断地提高,
 * 必需加强 → 必须加强); the near-synonyms a rewriting tool leaves (便民效劳 → 便民服务); a letter typed
 * for a digit in a number (l9万立方米) and a percentage run into a magnitude (80%万).
 */

/** A pair seen this often is a word in its own right, whatever it sounds like. */
const KNOWN_PAIR = 10;
/** How much likelier the sentence must read with the replacement (e^6 ≈ 400 times). */
const GAIN = 6;
/** The right word must be this many times more frequent than the pair written. */
const RATIO = 50;
/**
 * A written character found in fewer words than this is outside the dictionary's script or reach
 * (開展 in a draft in traditional characters is no typo of 开展).
 */
const FAMILIAR = 3;
/** Characters of context cut with a pair. */
const CONTEXT = 8;
/**
 * Grammatical characters: standing alone is their job, so a pair with one of them is no typo of a
 * word (的是 is not 的士, 在党 not 再党).
 */
const GRAMMAR_CHARACTERS = (
  // particles, prepositions, conjunctions, pronouns
  '的地得了着过是在和与及或为对把将被从向往于以之其而且也都就还又再这那我你他她它们个等上中下里给让使由因所并但如若则即既已曾正共各每该此另本些么吗呢吧啊' +
  // adverbs of degree, scope and time: 较易 is 较 + 易, not 交易
  '很最更太较挺颇稍略极偏只仅才便却竟总均皆亦乃须需应别莫勿未非无愈越' +
  // verb complements and approximate numbers: 关住 is 关 + 住, 八点多钟 is 多 + 钟
  '住完掉好成起来去到多少几余'
);
/** GRAMMAR_CHARACTERS by code − 0x4e00: looked up at every pair of a draft. */
const GRAMMAR = new Uint8Array(0x9fff - 0x4e00 + 1);
for (const character of GRAMMAR_CHARACTERS) GRAMMAR[character.charCodeAt(0) - 0x4e00] = 1;
const isGrammar = (code: number) => GRAMMAR[code - 0x4e00] === 1;
/**
 * Words a name stands before (王明同志, 李家村, 青山镇): an unknown pair there is a name, left alone.
 * The heads of the titles and the place levels of the administrative divisions.
 */
const NAME_HEADS = /^(同志|书记|副书记|主任|副主任|主席|委员|代表|局长|部长|镇长|乡长|县长|区长|市长|省长|村长|组长|队长|校长|院长|所长|站长|经理|老师|先生|女士|镇|乡|村|县|区|市|省|州|盟|旗|屯|寨|街道|社区|小区|组|路|街|巷|河|江|湖|山|岭|沟|湾|坪|坝|桥|庄|营|堡|铺|集|场)/;
/** After a title, with or without the surname, an unknown pair is a name too (书记王明, 书记王明辉). */
const NAME_TAILS = /(同志|书记|主任|局长|部长|镇长|乡长|县长|区长|市长|村长|校长|院长|老师|姓)$/;
const CHECKED_ROLES: ReadonlySet<LineRole> = new Set(['title', 'subtitle', 'body', 'closing']);

/** 截止 where a date or a moment follows means 截至 (截止2024年底, 截止今年6月). */
const DEADLINE = /截止(?:到)?(?=[0-9０-９〇一二三四五六七八九十]|今年|去年|上年|本年|当年|年底|年末|月底|本月|上月|当前|现在)/g;
/** 做为 is not a word; 当做、看做 before 为 are (把它看做为…) the verbs, left alone. */
const ZUOWEI = /(?<![当看叫称视])做为/g;
/** A manner adverb with 的 before a verb (不断的提高): 地. Only adverbs that are nothing else. */
const MANNER_ADVERBS = ['不断', '逐步', '逐渐', '稳步', '尽快', '尽可能', '持续', '不停', '大力', '切实', '全力', '竭力', '尽力', '努力'];
const ADVERB_DE = new RegExp(`(${MANNER_ADVERBS.join('|')})的`, 'g');
/** 必需 is what is needed (必需品, 所必需的); before a verb it is 必须, what must be done. */
const NEEDED = /必需/g;
/** A letter in place of a digit inside a number (l9万, 2O24年): the letter sits between digits or before a digit and a unit. */
const LETTER_DIGIT = /(?<=[0-9]|[\u4e00-\u9fff])[lIO](?=[0-9]+(?:\.[0-9]+)?[万亿千百十个人元亩户次名项所家处米吨%％])|(?<=[0-9])[lIO](?=[0-9])/g;
const DIGIT_OF: Record<string, string> = { l: '1', I: '1', O: '0' };
/** Both forms of LETTER_DIGIT have a digit right after the letter: a line without one is passed over. */
const LETTER_BEFORE_DIGIT = /[lIO][0-9]/;
/** A percentage run into a magnitude (80%万立方米): one of the two is wrong, and only the writer knows which. */
const PERCENT_MAGNITUDE = /(?<![0-9０-９.．])[0-9０-９]+(?:[.．][0-9０-９]+)?[%％](?=[万亿])/g;
const PERCENT_BEFORE_MAGNITUDE = /[%％][万亿]/;
/**
 * Prepositions that open an adverbial after a manner adverb: 尽可能的在会前 wants 地 whatever
 * follows, as no noun starts with them.
 */
const PREPOSITIONS = new Set(['在', '对', '把', '向', '从', '将', '按', '给', '被', '跟', '对于', '按照', '通过']);
/** What may follow the verb of 在不断的进步 when it ends the predicate (not 在不断的发展中). */
const PREDICATE_END = /^(?:[了着]|[，。；！？、：,.;!?]|$)/;
/**
 * Words an automatic rewriting tool puts for a common word of official writing, each with the word it
 * replaced: 便民服务 comes out as 便民效劳, 切实加强 as 确实加强. Written for shuzhi from the
 * substitutions such tools are known for, keeping only those whose substitute is wrong in the phrases
 * of the replaced word (展开工作, 晋升空间, 精心构造 are right, so 开展, 提升, 组织 are not here). A
 * substitute is flagged only where the dictionary knows the phrase the replaced word makes with its
 * neighbour and not the one the substitute makes. `objectOnly`: only the word after counts, since
 * before it the substitute is right too (大幅抬高房价); `notBefore`: words after which the substitute
 * is right (确实可行, 确实有效 are indeed feasible and effective).
 */
interface Substitute { substitute: string; original: string; objectOnly?: boolean; notBefore?: RegExp; notAfter?: RegExp }
const SUBSTITUTES: readonly Substitute[] = [
  // 为人民效劳, 为您效劳 are right.
  { substitute: '效劳', original: '服务', notAfter: /为.{0,3}$/ },
  { substitute: '根底', original: '基础' },
  { substitute: '确实', original: '切实', objectOnly: true, notBefore: /^[可有是]/ },
  { substitute: '抬高', original: '提高', objectOnly: true },
  // 相应 only modifies the object: 树立相应的意识 is right.
  { substitute: '树立', original: '建立', objectOnly: true, notBefore: /^相应/ },
  // 把玩笑当真, 当真对待 are right.
  { substitute: '当真', original: '认真', objectOnly: true, notBefore: /^对待/ },
  { substitute: '宣扬', original: '宣传', objectOnly: true },
];

export const typo: Rule = {
  meta: {
    id: 'typo',
    name: '错别字',
    description: '音同形近的错字（较为痪散→涣散）、改写工具换上的近义词（便民效劳→便民服务）、用法分明的词（截止2024年→截至、做为→作为、不断的提高→不断地、必需加强→必须）、数字里的字母（l9万）和百分数后的“万”',
    defaultSeverity: 'warning',
    docs: docsPath('typo'),
    fixable: true,
  },
  check(context: RuleContext) {
    const lexicon = context.lexicon;
    context.model.lines.forEach((line, index) => {
      if (!CHECKED_ROLES.has(context.model.roles[index]) || line.kind === 'code') return;
      const kinds = USAGE_KINDS.in(line.text);
      if (kinds !== 0) checkUsage(context, line, kinds);
      if (lexicon) {
        checkSoundAlikes(context, lexicon, line);
        if (kinds & HAS_DE) checkAdverbs(context, lexicon, line);
        if (kinds & HAS_SUBSTITUTE_START) checkSubstitutes(context, lexicon, line);
        if (kinds & HAS_BI) checkNeeded(context, lexicon, line);
      }
    });
  },
};

/** Characters the usage checks need, found in one pass over a line: a check whose character is absent is skipped. */
const HAS_JIE = 1;
const HAS_ZUO = 2;
const HAS_LETTER = 4;
const HAS_PERCENT = 8;
const HAS_DE = 16;
const HAS_BI = 32;
const HAS_SUBSTITUTE_START = 64;
const USAGE_KINDS = new CharacterKinds()
  .add('截', HAS_JIE)
  .add('做', HAS_ZUO)
  .add('lIO', HAS_LETTER)
  .add('%％', HAS_PERCENT)
  .add('的', HAS_DE)
  .add('必', HAS_BI)
  .add(SUBSTITUTES.map(({ substitute }) => substitute[0]).join(''), HAS_SUBSTITUTE_START);

function checkUsage(context: RuleContext, line: Line, kinds: number): void {
  const text = line.text;
  // Each pattern is tried only where the characters every match holds are there.
  if ((kinds & HAS_JIE) && text.includes('截止')) checkDeadline(context, line);
  if ((kinds & HAS_ZUO) && text.includes('做为')) {
    for (const match of execAll(ZUOWEI, text)) {
      const at = match.index!;
      reportInLine(context, line, { start: at, end: at + 2 }, '“做为”应为“作为”。', { title: '改为“作为”', edits: [{ start: at, end: at + 1, newText: '作' }] });
    }
  }
  if ((kinds & HAS_LETTER) && LETTER_BEFORE_DIGIT.test(text)) {
    for (const match of execAll(LETTER_DIGIT, text)) {
      const at = match.index!;
      const digit = DIGIT_OF[match[0]];
      reportInLine(context, line, { start: at, end: at + 1 }, `数字中混入了字母“${match[0]}”，应为“${digit}”。`, { title: `改为“${digit}”`, edits: [{ start: at, end: at + 1, newText: digit }] });
    }
  }
  if ((kinds & HAS_PERCENT) && PERCENT_BEFORE_MAGNITUDE.test(text)) {
    for (const match of execAll(PERCENT_MAGNITUDE, text)) {
      const percent = match.index! + match[0].length - 1;
      reportInLine(context, line, { start: match.index!, end: percent + 2 }, `“${match[0]}${text[percent + 1]}”数量有误：百分数后不能再跟“${text[percent + 1]}”，请核对是百分比还是数量。`);
    }
  }
}

function checkDeadline(context: RuleContext, line: Line): void {
  const text = line.text;
  for (const match of execAll(DEADLINE, text)) {
    const at = match.index!;
    reportInLine(context, line, { start: at, end: at + match[0].length }, `“${match[0]}”应为“截至”：表示到某时为止用“截至”，“截止”是到期停止（截止日期）。`, {
      title: '改为“截至”',
      edits: [{ start: at, end: at + match[0].length, newText: '截至' }],
    });
  }
}

/** 不断的提高 → 不断地提高: only when a verb, and nothing that could make 的 right, follows. */
function checkAdverbs(context: RuleContext, lexicon: Lexicon, line: Line): void {
  const text = line.text;
  for (const match of execAll(ADVERB_DE, text)) {
    const at = match.index!;
    const de = at + match[0].length - 1;
    if (at > 0 && isChinese(text.charCodeAt(at - 1)) && lexicon.frequencyAt(text, at - 1, at + 1) > 0) continue;
    const tokens = lexicon.segment(text, de + 1, Math.min(text.length, de + 1 + CONTEXT));
    const verb = tokens[0];
    if (!verb || !isChinese(text.charCodeAt(verb.start))) continue;
    const word = text.slice(verb.start, verb.end);
    if (!PREPOSITIONS.has(word) && !(verb.end - verb.start >= 2 && (lexicon.isVerb(word) || isProgressive(text, at, verb.end)) && text[verb.end] !== '的')) continue;
    reportInLine(context, line, { start: at, end: de + 1 }, `“${match[0]}${word}”应为“${match[1]}地${word}”：修饰动词用“地”。`, {
      title: '改为“地”',
      edits: [{ start: de, end: de + 1, newText: '地' }],
    });
  }
}

/** 在不断的进步: 在 before the adverb makes what follows 的 a predicate, when nothing turns it into a noun (在不断的发展中). */
function isProgressive(text: string, adverb: number, wordEnd: number): boolean {
  return text[adverb - 1] === '在' && PREDICATE_END.test(text.slice(wordEnd, wordEnd + 1));
}

/** 必需加强 → 必须加强: 必需 cut as a word of its own before a verb that does not end in 的. */
function checkNeeded(context: RuleContext, lexicon: Lexicon, line: Line): void {
  const text = line.text;
  if (!text.includes('必需')) return;
  for (const match of execAll(NEEDED, text)) {
    const at = match.index!;
    const tokens = lexicon.segmentAround(text, at, at + 2, CONTEXT);
    const index = tokens.findIndex((token) => token.start === at && token.end === at + 2);
    const verb = tokens[index + 1];
    if (index === -1 || !verb || verb.end - verb.start < 2 || text[verb.end] === '的') continue;
    const word = text.slice(verb.start, verb.end);
    if (!lexicon.isVerb(word)) continue;
    reportInLine(context, line, { start: at, end: at + 2 }, `“必需${word}”应为“必须${word}”：表示一定要做用“必须”，“必需”是一定要有（必需品）。`, {
      title: '改为“必须”',
      edits: [{ start: at + 1, end: at + 2, newText: '须' }],
    });
  }
}

/** 便民效劳 → 便民服务: a substitute whose neighbour makes a known phrase with the replaced word only. */
function checkSubstitutes(context: RuleContext, lexicon: Lexicon, line: Line): void {
  const text = line.text;
  for (const { substitute, original, objectOnly, notBefore, notAfter } of SUBSTITUTES) {
    for (let at = text.indexOf(substitute); at !== -1; at = text.indexOf(substitute, at + substitute.length)) {
      const end = at + substitute.length;
      if (notAfter?.test(text.slice(Math.max(0, at - 4), at))) continue;
      const tokens = lexicon.segmentAround(text, at, end, CONTEXT);
      const index = tokens.findIndex((token) => token.start === at);
      if (index === -1 || tokens[index].end !== end) continue;
      const next = tokens[index + 1] && text.slice(tokens[index + 1].start, tokens[index + 1].end);
      const previous = !objectOnly && tokens[index - 1] && text.slice(tokens[index - 1].start, tokens[index - 1].end);
      // 确实加强了 says it was indeed done: only a plan or a claim without 了 wants 切实.
      const nextUsable = next && !notBefore?.test(next) && !/^[了过着]/.test(text.slice(tokens[index + 1].end, tokens[index + 1].end + 1));
      const phrases = [
        nextUsable ? { right: original + next, written: substitute + next } : undefined,
        previous ? { right: previous + original, written: previous + substitute } : undefined,
      ];
      const found = phrases.find((pair) => pair !== undefined && pair.right.length >= 4 && lexicon.frequency(pair.right) > 0 && lexicon.frequency(pair.written) === 0);
      if (!found) continue;
      reportInLine(context, line, { start: at, end }, `“${found.written}”应为“${found.right}”：“${substitute}”像是改写工具替换“${original}”留下的近义词，在这里不通。`, {
        title: `改为“${original}”`,
        edits: [{ start: at, end, newText: original }],
      });
    }
  }
}

interface Candidate { word: string; position: number }

function checkSoundAlikes(context: RuleContext, lexicon: Lexicon, line: Line): void {
  const text = line.text;
  for (let at = 0; at + 1 < text.length; at++) {
    const first = text.charCodeAt(at);
    const second = text.charCodeAt(at + 1);
    if (!isChinese(second) || isGrammar(second)) {
      // The next pair starts with this second character: it fails too.
      at++;
      continue;
    }
    if (!isChinese(first) || isGrammar(first)) continue;
    // The filter first: most pairs can have no sound-alike, told without a look-up in the dictionary.
    if (!lexicon.maySoundAlike(text, at)) continue;
    const written = lexicon.frequencyAt(text, at, at + 2);
    if (written >= KNOWN_PAIR) continue;
    const sounding = lexicon.soundAlikes(text, at);
    if (sounding.length === 0) continue;
    const alikes = sounding.filter((alike) => {
      const wrong = text[at + alike.position];
      const right = alike.word[alike.position];
      return lexicon.frequency(alike.word) >= RATIO * Math.max(1, written) && !isGrammar(right.charCodeAt(0)) && lexicon.wordsWritten(wrong) >= FAMILIAR;
    });
    if (alikes.length === 0) continue;
    const found = alikes.filter((alike) => readsBetter(lexicon, text, at, alike));
    if (found.length === 0 || isName(text, at) || inIssuerCode(text, at)) continue;
    report(context, line, at, found);
    at++;
  }
}

/**
 * Whether the sentence around the pair reads far likelier with the replacement, and the pair is a
 * word of its own there: the cut puts boundaries around it before and after, so 痪 of 较为痪散 is a
 * stray character, while 组织 of 党组织生活 is part of a word and never looked at.
 */
function readsBetter(lexicon: Lexicon, text: string, at: number, alike: Candidate): boolean {
  const before = lexicon.segmentAround(text, at, at + 2, CONTEXT);
  const from = before[0].start;
  const to = before[before.length - 1].end;
  if (!before.some((token) => token.start === at) || !before.some((token) => token.end === at + 2)) return false;
  const replaced = text.slice(from, at) + alike.word + text.slice(at + 2, to);
  const after = lexicon.segment(replaced);
  if (!after.some((token) => token.start === at - from && token.end === at - from + 2)) return false;
  return lexicon.logProbability(after) - lexicon.logProbability(before) >= GAIN;
}

/** Before a title or a place word, or after a title and perhaps the surname (副书记陈绍泽). */
/** 辽法委发〔2023〕2号: the issuer's code of a document number is abbreviations, not words. */
const ISSUER_CODE = /^[\u4e00-\u9fff]{0,8}[〔［[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]\s*\d{1,4}\s*号/;

function inIssuerCode(text: string, at: number): boolean {
  return ISSUER_CODE.test(text.slice(at, at + 24));
}

function isName(text: string, at: number): boolean {
  return NAME_HEADS.test(text.slice(at + 2, at + 5)) || NAME_TAILS.test(text.slice(Math.max(0, at - 3), at)) || NAME_TAILS.test(text.slice(Math.max(0, at - 4), at - 1));
}

function report(context: RuleContext, line: Line, at: number, found: Candidate[]): void {
  const written = line.text.slice(at, at + 2);
  const words = found.map((alike) => `“${alike.word}”`).join('或');
  const message = `“${written}”可能是错别字，应为${words}（音同形近，“${written}”不成词）。`;
  if (found.length !== 1) {
    reportInLine(context, line, { start: at, end: at + 2 }, message);
    return;
  }
  const { word, position } = found[0];
  reportInLine(context, line, { start: at, end: at + 2 }, message, {
    title: `改为“${word}”`,
    edits: [{ start: at + position, end: at + position + 1, newText: word[position] }],
  });
}
