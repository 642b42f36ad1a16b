import type { LineRole, ReportModel } from '../reading/model';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath, reportInLine } from '../engine/rule';

/**
 * Words of the writer's own level that name another level of the same rank: `全区`, `区直部门` in a
 * 县 report, `全乡` in a 镇 report. They are what a report copied from another unit keeps. References to
 * the level above (在市委的正确领导下) are not the writer's own and stay quiet.
 */
type Level = '县' | '区' | '旗' | '市' | '州' | '盟' | '乡' | '镇' | '街道';

/** Levels of the same rank: a 县 report has no business saying 全区. */
const SIBLINGS: Record<Level, Level[]> = {
  县: ['区', '旗'], 区: ['县', '旗'], 旗: ['县', '区'],
  市: ['州', '盟'], 州: ['市', '盟'], 盟: ['市', '州'],
  乡: ['镇', '街道'], 镇: ['乡', '街道'], 街道: ['乡', '镇'],
};
/** A level named as the writer's own unit: 县委书记, 区人民政府, 镇党委, 县应急管理局. */
const OWN_UNIT = /(街道|县|区|旗|市|州|盟|乡|镇)(?=委|政府|人民政府|人大|政协|纪委|监委|党委|党工委|党组|长|[\u4e00-\u9fff]{0,10}?(?:局|办公室|委员会|中心|法院|检察院|工委))/g;
/** What may stand before a level character that makes it part of another word (社区, 园区, 城市). */
const NOT_A_LEVEL_BEFORE = /[社园景辖片小库矿校城都超集门夜股坊]$/;
/** Characters after a level word that make it another word: 全区域, 全市场, 乡村, 县域, 县处级. */
const NOT_OWN_AFTER: Record<Level, RegExp> = {
  县: /^(域|处|级市)/, 区: /^(域|间|块|别|分)/, 旗: /^(帜|号|舰)/, 市: /^(场|民|值|区|县|级市)/, 州: /^(域)/, 盟: /^(友|员)/,
  乡: /^(镇|村|土|亲|愁|音|情|贤)/, 镇: /^(压|定|痛)/, 街道: /^(办)/,
};
const CHECKED_ROLES: ReadonlySet<LineRole> = new Set(['body', 'closing']);

export const jurisdiction: Rule = {
  meta: {
    id: 'jurisdiction',
    name: '辖区用语',
    description: '正文中的“全区”“区直”等与报告单位的层级不符（县里的报告写了“全区”）',
    defaultSeverity: 'warning',
    docs: docsPath('jurisdiction'),
    fixable: false,
    allowable: true,
  },
  check(context: RuleContext) {
    const own = ownLevel(context.model);
    if (!own) return;
    const levels = SIBLINGS[own.level].map((level) => ({ level, words: [`全${level}`, `${level}直`, `${level}级`, `本${level}`] }));
    context.model.lines.forEach((line, index) => {
      if (!CHECKED_ROLES.has(context.model.roles[index]) || line.kind === 'code') return;
      for (const { level, words } of levels) {
        // Most lines name no other level at all: one look per level instead of one per word.
        if (!line.text.includes(level)) continue;
        for (const word of words) {
          for (let at = line.text.indexOf(word); at !== -1; at = line.text.indexOf(word, at + word.length)) {
            const end = at + word.length;
            const after = line.text.slice(end);
            if (NOT_OWN_AFTER[level].test(word.startsWith(level) ? line.text.slice(at + level.length) : after)) continue;
            if (word.startsWith(level) && NOT_A_LEVEL_BEFORE.test(line.text.slice(0, at))) continue;
            const mine = word.replace(level, own.level);
            reportInLine(context, line, { start: at, end },
              `“${word}”与报告单位的层级不符：${own.source}表明这是${own.level}一级的报告，这里是否应为“${mine}”？可能是照搬别的单位的文稿。`);
          }
        }
      }
    });
  },
};

interface OwnLevel { level: Level; source: string }

/** The writer's level: from the title, else the signature, else front matter `unit:`. */
export function ownLevel(model: ReportModel): OwnLevel | undefined {
  const sources: Array<[string | undefined, string]> = [
    [model.title?.text, '标题'],
    [model.signature?.name, '署名'],
    [typeof model.frontMatter.unit === 'string' ? model.frontMatter.unit : undefined, '文首 unit:'],
  ];
  for (const [text, source] of sources) {
    if (!text) continue;
    let found: Level | undefined;
    for (const match of text.matchAll(OWN_UNIT)) {
      if (NOT_A_LEVEL_BEFORE.test(text.slice(0, match.index))) continue;
      if (NOT_OWN_AFTER[match[1] as Level].test(text.slice(match.index! + match[1].length))) continue;
      // XX市XX县委书记: the last level named is the writer's own unit.
      found = match[1] as Level;
    }
    if (found) return { level: found, source: `${source}“${text.replace(/\n/g, ' ')}”` };
  }
  return undefined;
}
