import { WORD_PASTE } from '../helpers';
import { testRule } from './tester';

testRule('name-gap', {
  valid: [
    WORD_PASTE('　　在县委的坚强领导下，在张三同志的带领下，担任XX乡乡长期间，同志们团结协作，老同志发挥余热，村村通公路。\r\n'),
    WORD_PASTE('　　在全体同志的共同努力下，对同志们的关心表示感谢，调任县委组织部。\r\n'),
    WORD_PASTE('　　深入学习党的二十大精神，认真落实“三会一课”、主题党日制度，学习《中国共产党章程》。\r\n'),
  ],
  invalid: [
    { text: WORD_PASTE('　　一年来，在的带领下，我们完成了各项任务。\r\n'), found: ['在'], messages: [/“在”和“的”之间缺少人名或单位名/] },
    { text: WORD_PASTE('　　2022年起担任乡乡长，分管农业农村工作。\r\n'), found: ['乡'], messages: [/担任乡乡长”职务前缺少地名/] },
    { text: WORD_PASTE('　　在同志的带领下，班子成员各司其职。\r\n'), found: ['同志'], messages: [/“同志”前缺少姓名/] },
    {
      text: WORD_PASTE('　　深入学习贯彻党的“”精神，组织党员学习《》等党内法规。\r\n'),
      found: ['“”', '《》'],
      messages: [/引号中缺少名称/, /书名号中缺少名称/],
    },
  ],
});
