import { strict as assert } from 'node:assert';
import { findingsOf, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

testRule('fixed-phrase', {
  valid: [
    // The named formulations with their name, a bare 法治思想 that may be an ordinary phrase, the formulation written right.
    WORD_PASTE('　　深入学习习近平法治思想和习近平总书记法治思想，坚持法治思想教育，推进严格规范公正文明执法、严格规范执法行为。\r\n'),
    WORD_PASTE('　　坚持以习近平新时代中国特色社会主义思想为指导，增强“四个意识”、坚定“四个自信”、做到“两个维护”。\r\n'),
    WORD_PASTE('　　牢固树立政治意识、大局意识、核心意识、看齐意识，坚决反对形式主义、官僚主义、享乐主义和奢靡之风。\r\n'),
    WORD_PASTE('　　按排名先后确定单位，严格执行中央八项规定精神，不忘初心，牢记使命，认真落实“三会一课”制度。\r\n'),
    WORD_PASTE('　　整治软弱涣散党组织3个，全面部署、按部就班、再接再厉，截至目前已完成。\r\n'),
    WORD_PASTE('　　反对形式主义、官僚主义；坚持创新、协调、绿色发展。\r\n'),
    { text: WORD_PASTE('　　其它事项另行安排。\r\n'), config: { allow: ['其它'] } },
    // Laws by their full titles, their names without 中华人民共和国, the short names in official use, an edition note.
    WORD_PASTE('　　认真学习《中华人民共和国宪法》《中华人民共和国监察法》《公职人员政务处分法》《政务处分法》《监督法》《保密法》《反有组织犯罪法》《行政处罚法（2021年修订）》。\r\n'),
    WORD_PASTE('　　严格执行《中华人民共和国各级人民代表大会常务委员会监督法》《乡村振兴促进法》《安全生产法》《未成年人保护法》《个人信息保护法》《民营经济促进法》。\r\n'),
    // Not laws: measures, work methods, amendments, the Civil Code, books; repealed laws are dated-formulation's.
    WORD_PASTE('　　修订《XX县干部考核办法》，推广《“四下基层”工作法》《三步工作法》，学习《刑法修正案（十二）》《民法典》《孙子兵法》《合同法》。\r\n'),
    { text: WORD_PASTE('　　学习新颁布的《中华人民共和国示范新法》。\r\n'), config: { allow: ['示范新法'] } },
  ],
  invalid: [
    {
      // A name deleted or put as a title by a page that filters names; a word of a formulation written twice.
      text: WORD_PASTE('　　坚持以新时代中国特色社会主义思想为指导，深入学习总书记法治思想，推进严格规范公正文明规范执法。\r\n'),
      found: ['新时代中国特色社会主义思想', '总书记法治思想', '严格规范公正文明规范执法'],
      messages: [/重要表述不完整：“新时代中国特色社会主义思想”应为“习近平新时代中国特色社会主义思想”/, /“总书记法治思想”应为“习近平法治思想”/, /“规范”重复了/],
      output: WORD_PASTE('　　坚持以习近平新时代中国特色社会主义思想为指导，深入学习习近平法治思想，推进严格规范公正文明执法。\r\n'),
    },
    {
      text: WORD_PASTE('　　整顿软弱散涣基层党组织，统筹布署，再接再砺，截止目前完成笔划规范。\r\n'),
      found: ['软弱散涣', '布署', '再接再砺', '截止目前', '笔划'],
      messages: [/应为“软弱涣散”/, /应为“部署”/, /应为“再接再厉”/, /应为“截至目前”/, /应为“笔画”.*异形词/],
      output: WORD_PASTE('　　整顿软弱涣散基层党组织，统筹部署，再接再厉，截至目前完成笔画规范。\r\n'),
    },
    {
      text: WORD_PASTE('　　深入学习习近平新时代中国特设社会主义思想，严格落实中央八项规定精种。\r\n'),
      found: ['习近平新时代中国特设社会主义思想', '中央八项规定精种'],
      messages: [/重要表述有错字/],
      output: WORD_PASTE('　　深入学习习近平新时代中国特色社会主义思想，严格落实中央八项规定精神。\r\n'),
    },
    {
      text: WORD_PASTE('　　增强大局意识、政治意识、核心意识、看齐意识。\r\n'),
      found: ['大局意识、政治意识、核心意识、看齐意识'],
      messages: [/顺序应为“政治意识、大局意识、核心意识、看齐意识”/],
      output: WORD_PASTE('　　增强政治意识、大局意识、核心意识、看齐意识。\r\n'),
    },
    {
      text: WORD_PASTE('　　树牢政治意识、大局意识、核心意识、服务意识。\r\n'),
      found: ['服务意识'],
      messages: [/没有“服务意识”/],
      output: WORD_PASTE('　　树牢政治意识、大局意识、核心意识、看齐意识。\r\n'),
    },
    { text: WORD_PASTE('　　坚定道路自信、理论自信、制度自信。\r\n'), found: ['道路自信、理论自信、制度自信'], messages: [/少了“文化自信”/] },
    {
      text: WORD_PASTE('　　坚持廉正为民。\r\n'),
      config: { phrases: [{ wrong: '廉正为民', right: '廉洁为民', reason: '本单位用字规范' }] },
      found: ['廉正为民'],
      messages: [/应为“廉洁为民”（本单位用字规范）/],
      output: WORD_PASTE('　　坚持廉洁为民。\r\n'),
    },
    {
      // A short name shortened past the official one, a slipped character, a law that does not exist, a name too vague to guess.
      text: WORD_PASTE('　　组织学习《乡村振兴法》《中华人民共和国土地承包法》《反腐败法》《安全法》。\r\n'),
      found: ['乡村振兴法', '土地承包法', '反腐败法', '安全法'],
      messages: [/现行法律中没有《乡村振兴法》.*是否指《乡村振兴促进法》/, /是否指《农村土地承包法》/, /没有《反腐败法》.*请核对法律名称/, /没有《安全法》.*请写出法律全称/],
      output: WORD_PASTE('　　组织学习《乡村振兴促进法》《中华人民共和国农村土地承包法》《反腐败法》《安全法》。\r\n'),
    },
    {
      // Two laws a character away: named, not guessed; a repealed law's successor named without a fix.
      text: WORD_PASTE('　　贯彻《监查法》《行政监察法》《安全生产管理法》。\r\n'),
      found: ['监查法', '行政监察法', '安全生产管理法'],
      messages: [/是否指《监察法》或《监狱法》/, /是否指《监察法》/, /是否指《安全生产法》/],
      output: WORD_PASTE('　　贯彻《监查法》《行政监察法》《安全生产管理法》。\r\n'),
    },
  ],
});

describe('fixed-phrase', () => {
  it('leaves a download site\'s residue and code to other rules', () => {
    assert.deepEqual(findingsOf('fixed-phrase', '```\n软弱散涣\n```\n'), []);
  });
});
