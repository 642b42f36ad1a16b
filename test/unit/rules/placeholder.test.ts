import { strict as assert } from 'node:assert';
import { findingsOf } from '../helpers';

const markers = (text: string, placeholders?: string[]) =>
  findingsOf('placeholder', text, { placeholders }).map((seen) => seen.text);

describe('placeholder', () => {
  describe('finds markers a template leaves', () => {
    const cases: Array<[string, string[]]> = [
      ['新发展党员X名，投入资金XX万元，其中X.X万元用于阵地建设。', ['X', 'XX', 'X.X']],
      ['20XX年，201x年，xx.x亿元，增长x.x%，*次。', ['20XX', '201x', 'xx.x', 'x.x', '*']],
      ['XX街道XXX同志，××镇，某某村，〇〇乡，□□社区。', ['XX', 'XXX', '××', '某某', '〇〇', '□□']],
      ['培训（ ）人次，（　　）名，【待填】，【】，[待补充]，20__年。', ['（ ）', '（　　）', '【待填】', '【】', '[待补充]', '__']],
      ['时间待定。TODO：补充数据。全角Ｘ名，ｘｘ个。', ['待定', 'TODO', 'Ｘ', 'ｘｘ']],
      ['X户X人', ['X', 'X']],
      ['##同志上任后，＃＃局长带队。', ['##', '＃＃']],
      ['共修通水泥路近_公里，学__次，20__年。', ['_', '__', '__']],
    ];
    for (const [text, expected] of cases) {
      it(text, () => assert.deepEqual(markers(text), expected));
    }
  });

  describe('leaves look-alikes alone', () => {
    const clean = [
      '配备X射线安检机和X光机，购置数字化X线设备。',
      '某些问题、某种程度上、某个环节还需改进。',
      '做好“十四五”规划衔接……不断深化改革。',
      '二〇〇八年以来，二〇二四年三月。',
      '屏幕分辨率1920x1080，面积3×4米，5×24小时服务。',
      '使用Excel、XML和Linux系统，选用x86服务器，变量名为 user_name。',
      '全年投入资金3860万元，培训党员1300人次。',
      '有待进一步完善，坚持问题导向。',
    ];
    for (const text of clean) {
      it(text, () => assert.deepEqual(markers(text), []));
    }
  });

  it('reports one finding per marker, covering it, and quotes the context', () => {
    const [seen] = findingsOf('placeholder', '共有基层党组织XX个。');
    assert.equal(seen.text, 'XX');
    assert.match(seen.message, /XX个/);
  });

  it('finds * placeholders that Markdown took for emphasis, and leaves real emphasis alone', () => {
    const source = '2024年度述职报告\n\n全年开展*次培训，覆盖*人次，投入**万元，实现**人就业。全年**投入资金3860万元**，*同比增长*12%。\n';
    const found = findingsOf('placeholder', source);
    assert.deepEqual(found.map((seen) => seen.text), ['*', '*', '**', '**']);
    assert.deepEqual(findingsOf('missing-number', source), []);
  });

  it('adds patterns from configuration', () => {
    assert.deepEqual(markers('此处数据〔待补〕，请核实。', ['〔待补〕']), ['〔待补〕']);
  });
});
