import { strict as assert } from 'node:assert';
import { lexiconInUse, useLexicon } from '../../../server/src/core/lexicon/lexicon';
import { findingsOf, WORD_PASTE } from '../helpers';
import { testRule } from './tester';

testRule('typo', {
  valid: [
    // Words of official writing the dictionary lacks, which sound like other words: no evidence of a slip.
    WORD_PASTE('　　推动农业提质增效，持之以恒纠治“四风”，严格依法依规决策，反对以会代学，向县委述职述法。\r\n'),
    // Names of people and places next to their titles and place words.
    WORD_PASTE('　　在王焕同志的带领下，焕散村党支部书记李涣带头，把焕散镇建设成示范镇；按照市委副书记陈绍泽的要求。\r\n'),
    // Grammatical reduplication and correct rare words.
    WORD_PASTE('　　家家户户通了自来水，人人常常说，这些变化的的确确看得见，他的涣然冰释令人欣慰。\r\n'),
    // 截止 as a deadline, 当做为 as verb + 为, 的 after an adverb before a noun.
    WORD_PASTE('　　申报截止日期为6月30日，截止时间不再延长；把学习当做为民服务的基础；取得不断的成绩。\r\n'),
    // A draft in traditional characters: 開展 is 开展 in another script.
    '2024年度述職報告\r\n\r\n　　今年以來，我們認真履行職責，全年開展黨課12次。\r\n',
    // Letters in codes are no digits.
    WORD_PASTE('　　统一社会信用代码11500230008689762A，型号XL9，第O号。\r\n'),
  ],
  invalid: [
    {
      text: WORD_PASTE('　　部分村级班子较为痪散，制度不健全。\r\n'),
      found: ['痪散'],
      messages: [/“痪散”可能是错别字，应为“涣散”/],
      output: WORD_PASTE('　　部分村级班子较为涣散，制度不健全。\r\n'),
    },
    {
      text: WORD_PASTE('　　截止2024年底，累计培养入党积极分子12名；截止到今年6月，完成投资3亿元。\r\n'),
      found: ['截止', '截止到'],
      messages: [/应为“截至”/],
      output: WORD_PASTE('　　截至2024年底，累计培养入党积极分子12名；截至今年6月，完成投资3亿元。\r\n'),
    },
    {
      text: WORD_PASTE('　　做为街道党工委书记，我不断的提高政治站位，逐步的完善工作机制。\r\n'),
      found: ['做为', '不断的', '逐步的'],
      output: WORD_PASTE('　　作为街道党工委书记，我不断地提高政治站位，逐步地完善工作机制。\r\n'),
    },
    {
      text: WORD_PASTE('　　全县累计减少木材采伐量l9万立方米，2O24年新造林3万亩。\r\n'),
      found: ['l', 'O'],
      output: WORD_PASTE('　　全县累计减少木材采伐量19万立方米，2024年新造林3万亩。\r\n'),
    },
  ],
});

describe('typo without the lexicon', () => {
  it('checks the usage pairs at once and the sound-alike words once the dictionary is loaded', () => {
    const draft = WORD_PASTE('　　做为书记，部分村级班子较为痪散。\r\n');
    const loaded = lexiconInUse();
    useLexicon(undefined);
    try {
      assert.deepEqual(findingsOf('typo', draft).map((seen) => seen.text), ['做为']);
      assert.deepEqual(findingsOf('duplicate-text', WORD_PASTE('　　全镇全镇共发展党员12名。\r\n')), []);
    } finally {
      useLexicon(loaded);
    }
    assert.deepEqual(findingsOf('typo', draft).map((seen) => seen.text), ['做为', '痪散']);
  });
});
