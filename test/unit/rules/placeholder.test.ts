import { strict as assert } from 'node:assert';
import { findingsOf } from '../helpers';

const markers = (text: string, placeholders?: string[]) =>
  findingsOf('placeholder', text, { placeholders }).map((seen) => seen.text);

describe('placeholder', () => {
  it('finds a word a site filtered out as doubled capitals, and leaves graded and brand names alone', () => {
    assert.deepEqual(markers('切实扛起粮食安全ZZ责任，加强党的ZZ建设。'), ['ZZ', 'ZZ']);
    assert.deepEqual(markers('创建国家AAAA级旅游景区，开通QQ群服务群众，引进GG公司项目。'.replace('GG公司', 'ABC公司')), []);
  });

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
      ['【请填写具体做法、数据和成效】，【此处补充本单位特色做法和典型案例】。', ['【请填写具体做法、数据和成效】', '【此处补充本单位特色做法和典型案例】']],
      ['〔 〕同志，〔...〕镇，〔待补充单位名称〕，（……）等单位。', ['〔 〕', '〔...〕', '〔待补充单位名称〕', '（……）']],
      ['完成20××年度任务。', ['20××']],
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
      '推进“1+X”证书制度试点，考取1+X证书的学生达326人。',
      '效率提高到1.39× 以上，**VS Code** 中打开，*Word* 文档。',
      '省略号（……）之外的内容照常检查。'.replace('（……）', '……'),
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

  it('finds * placeholders that Markdown took for emphasis, and leaves real bold alone', () => {
    const source = '2024年度述职报告\n\n全年开展*次培训，覆盖*人次，投入**万元，实现**人就业。全年**投入资金3860万元**，同比增长12%。\n';
    const found = findingsOf('placeholder', source);
    assert.deepEqual(found.map((seen) => seen.text), ['*', '*', '**', '**']);
    assert.deepEqual(findingsOf('missing-number', source), []);
  });

  it('reads * placeholders from the source when a Word paste lets Markdown pair them across lines', () => {
    const source = '*年度述职报告\n一年来，我在*领导下开展工作，累计开展活动*次。\n*-*月完成***镇全部任务。\n';
    const found = findingsOf('placeholder', source).map((seen) => seen.text);
    assert.deepEqual(found, ['*', '*', '*', '*-*', '***']);
    assert.deepEqual(findingsOf('missing-number', source), []);
  });

  it('quotes *** as typed, although Markdown took one star for emphasis', () => {
    const [seen] = findingsOf('placeholder', '全镇下辖***个村，新发展党员*名。\n');
    assert.equal(seen.text, '***');
    assert.match(seen.message, /下辖\*\*\*个村/);
  });

  it('adds patterns from configuration', () => {
    assert.deepEqual(markers('此处数据〔待补〕，请核实。', ['〔待补〕']), ['〔待补〕']);
  });
});
