import type { LineRole } from '../reading/model';
import type { Rule, RuleContext } from '../engine/rule';
import { docsPath, reportInLine, execAll } from '../engine/rule';
import { quoteAround } from '../features/snippet';

/**
 * A name deleted and left blank: 在的带领下 (the leader's name cut), 担任乡乡长 (the township's name cut),
 * 在同志的带领下. Only shapes that no sentence has on purpose are reported.
 */
/** `needs`: a literal every match contains, tested first so most lines skip the pattern. */
const GAPS: Array<{ needs: string; pattern: RegExp; what: string }> = [
  { needs: '在的', pattern: /在(?=的(?:带领|领导|关心|支持|指导|帮助|关怀|率领)下)/g, what: '“在”和“的”之间缺少人名或单位名' },
  { needs: '任', pattern: /(?<=(?:担任|兼任|现任|调任|出任|任))(乡|镇|县|区|市|村|街道)(?=\1(?:长|委|党委|党工委|人民政府|政府|主任))/g, what: '职务前缺少地名' },
  // 党的“”精神, 学习《》: the name between the marks was deleted.
  { needs: '“”', pattern: /“”/g, what: '引号中缺少名称' },
  { needs: '《》', pattern: /《》/g, what: '书名号中缺少名称' },
  { needs: '同志', pattern: /(?<=^|[，。；：、“（]|在|向|对|与|和|由|经|请)同志(?=[的，。；、])/g, what: '“同志”前缺少姓名' },
];
/** What one of the literals above holds: most lines have none and are done with one scan. */
const ANY_NEEDED = new RegExp(GAPS.map(({ needs }) => needs.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const CHECKED_ROLES: ReadonlySet<LineRole> = new Set(['body', 'closing', 'salutation']);

export const nameGap: Rule = {
  meta: {
    id: 'name-gap',
    name: '名称空缺',
    description: '删去的人名、地名没有补上（在的带领下、担任乡乡长、在同志的带领下、党的“”精神）',
    defaultSeverity: 'error',
    docs: docsPath('name-gap'),
    fixable: false,
  },
  check(context: RuleContext) {
    context.model.lines.forEach((line, index) => {
      if (!CHECKED_ROLES.has(context.model.roles[index]) || line.kind === 'code' || !ANY_NEEDED.test(line.text)) return;
      for (const { needs, pattern, what } of GAPS) {
        if (!line.text.includes(needs)) continue;
        for (const match of execAll(pattern, line.text)) {
          const start = match.index!;
          const end = start + match[0].length;
          reportInLine(context, line, { start, end }, `“${quoteAround(line.text, start, end, 4, 6)}”${what}：请补上。`);
        }
      }
    });
  },
};
