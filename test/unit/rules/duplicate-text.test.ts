import { WORD_PASTE } from '../helpers';
import { testRule } from './tester';

testRule('duplicate-text', {
  valid: [
    WORD_PASTE('　　关键是是否落实到位，要对对方负责，实实在在、的的确确解决就业问题，是是非非要分清。\r\n'),
    WORD_PASTE('　　天天讲、人人抓，方方面面的工作一步一步推进，大家研究研究再定，县县通公路，村村有活动场所。\r\n'),
    WORD_PASTE('　　市市场监督管理局配合开展检查，全市市民满意度提升。\r\n'),
    { text: WORD_PASTE('　　坚持发展发展再发展。\r\n'), config: { allow: ['发展发展'] } },
    // A word ends with what the next begins with: no repeat, and deleting would change a word.
    WORD_PASTE('　　按期召开基层党组织组织生活会，着力提升党组织组织力，研究实现目的的举措。\r\n'),
    WORD_PASTE('　　家家户户通了自来水，大家常常说，这些变化的的确确看得见。\r\n'),
  ],
  invalid: [
    {
      text: WORD_PASTE('　　全镇全镇共发展党员12名，党的的组织建设不断加强。\r\n'),
      found: ['全镇全镇', '的的'],
      messages: [/“全镇”重复了/, /“的”重复了/],
      output: WORD_PASTE('　　全镇共发展党员12名，党的组织建设不断加强。\r\n'),
    },
    {
      text: WORD_PASTE('　　我们始终加强党的建设加强党的建设，在在岗位上履职尽责。\r\n'),
      found: ['加强党的建设加强党的建设'],
      output: WORD_PASTE('　　我们始终加强党的建设，在在岗位上履职尽责。\r\n'),
    },
    {
      text: WORD_PASTE('　　今年我们进一步进一步完善了制度，在发展的的历程中积累了经验。\r\n'),
      found: ['进一步进一步', '的的'],
      output: WORD_PASTE('　　今年我们进一步完善了制度，在发展的历程中积累了经验。\r\n'),
    },
  ],
});
