import { strict as assert } from 'node:assert';
import { findingsOf } from '../helpers';
import { testRule } from './tester';

const BODY = '一、主要做法\r\n\r\n　　全年开展专题党课4次，投入资金120万元。\r\n\r\n二、存在问题\r\n\r\n　　一是学习不够深入；二是调研不够经常。\r\n\r\n三、下步打算\r\n\r\n　　一是加强学习；二是改进作风。\r\n\r\n';
const report = (ending: string) => `2024年度XX县委书记述职报告\r\n\r\n${BODY}${ending}`;

testRule('signature', {
  valid: [
    report('以上述职，请予评议。\r\n\r\nXX县委书记　张三\r\n2025年1月8日\r\n'),
    report('以上述职，请予评议。\r\n\r\n县委办公室\r\n二〇二五年一月八日\r\n'),
    // Signed in the front matter, as imported Word files are.
    `---\r\nauthor: 张三\r\ndate: 2025-01-08\r\n---\r\n\r\n${report('以上述职，请予评议。\r\n')}`,
    // Name and date as a byline under the title.
    `2024年度XX县委书记述职报告\r\n\r\nXX县委书记　张三\r\n\r\n（2025年1月8日）\r\n\r\n${BODY}以上述职，请予评议。\r\n`,
    // Not a report of a known genre: nothing to sign.
    '会议记录\n\n参加人员：全体班子成员。\n',
  ],
  invalid: [
    { text: report('以上述职，请予评议。\r\n'), found: ['。'], messages: [/^述职报告末尾缺少署名和日期：在结尾另起两行/] },
    { text: report('以上述职，请予评议。\r\n\r\nXX县委书记　张三\r\n'), found: ['三'], messages: [/末尾缺少日期：在署名下一行写上日期/] },
    { text: report('以上述职，请予评议。\r\n\r\n2025年1月8日\r\n'), found: ['日'], messages: [/末尾缺少署名：在日期上一行写上署名/] },
  ],
});

describe('signature severity', () => {
  it('is a warning once the draft has its closing formula', () => {
    const [seen] = findingsOf('signature', report('以上述职，请予评议。\r\n'));
    assert.equal(seen.finding.severity, 'warning');
  });

  // Still being written: no closing formula, and the last part (下步打算) not reached yet.
  const unfinished = `2024年度XX县委书记述职报告\r\n\r\n一、主要做法\r\n\r\n　　全年开展专题党课4次，投入资金120万元。\r\n`;

  it('is information while the draft has no ending yet (still being written)', () => {
    const [seen] = findingsOf('signature', unfinished);
    assert.equal(seen.finding.severity, 'info');
    assert.equal(seen.text, '。', 'at the end of the last line written');
  });

  it('is a warning once the draft reaches its last part, even without a closing formula', () => {
    assert.equal(findingsOf('signature', report(''))[0].finding.severity, 'warning');
  });

  it('never gets louder than the severity the writer set', () => {
    const [seen] = findingsOf('signature', unfinished, { rules: { signature: 'hint' } });
    assert.equal(seen.finding.severity, 'hint');
    assert.equal(findingsOf('signature', unfinished, { rules: { signature: 'error' } })[0].finding.severity, 'info');
  });
});
