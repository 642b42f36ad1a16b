import { strict as assert } from 'node:assert';
import { findingsOf } from '../helpers';

const gaps = (text: string) => findingsOf('missing-number', text).map((seen) => seen.text);

describe('missing-number', () => {
  describe('finds quantities whose number is missing', () => {
    const cases: Array<[string, string[]]> = [
      ['全年开展专题党课次，覆盖党员人次。', ['次', '人']],
      ['投入资金万元，新发展党员名。', ['万', '名']],
      ['同比增长%，截至月底全部完成。', ['%', '月']],
      ['下辖个行政村、个社区，总人口万人。', ['个', '个']],
      ['累计走访群众余户，化解矛盾纠纷起。', ['余', '起']],
      ['本科学历的干部达人，距县城公里，总投资亿元。', ['人', '公', '亿']],
      ['贫困人口达户人。', ['户', '人']],
      ['于年月日召开党员大会。', ['年', '月', '日']],
      ['2024年月日前完成，3月日召开动员会。', ['月', '日', '日']],
      ['举办培训班期，发放宣传资料份，排查安全隐患处。', ['期', '份', '处']],
      ['全镇现有村干部人，其中村支书人，主任人；55岁以上的有人，占%。', ['人', '人', '人', '人', '%']],
      ['提高个百分点，新建道路平方米，流转土地亩。', ['个', '平', '亩']],
      ['培训党员  人次。', [' ']],
    ];
    for (const [text, expected] of cases) {
      it(text, () => assert.deepEqual(gaps(text), expected));
    }
  });

  describe('leaves filled quantities and ordinary words alone', () => {
    const filled = [
      '全年召开会议12次，培训党员1300余人次，投入资金3860万元。',
      '近20名返乡人才当选，约1.3公里的示范路段，13.3万余车次通行。',
      '3-5万元的补助，12.98平方米/人，同比增长18.5%，提高了14.7个百分点。',
      '培训1100余人次，新发展党员二十多名，建成十余个示范点，上百名群众参加。',
      '每名县级领导联系1个乡镇，各个科室都有台账，该项工作此次完成，这批干部首批到岗。',
      '个人事项如实报告，个别党员作用不明显，名单和名义都要核实，人员管理规范。',
      '党支部书记支持工作，期间期待各位同志，次要问题放在后面，元旦前完成，单元楼已建好。',
      '三名同志、两家企业、四个意识、一把手、几个村、数名干部、多家单位、若干个问题。',
      '深入吴家沟、向家河等村，舍小家为大家，专家学者和企业家代表参加。',
      '做到清白做人，带头人作用明显，负责人亲自抓，有人认为还不够，为人民服务。',
      '市场监管、现场办公、立场坚定；场所整洁、项目推进、事项办结、文件传达、条件改善。',
      '截至目前，截至年底，每月底报送，本月底前完成，今年以来，上个月。',
      '持续开展“万名党员进党校”活动，“千村示范、万村整治”工程。',
      '全体党员积极报名，排名靠前，知名度提升，名列前茅，名副其实。',
      '户籍制度改革，入户走访，农户增收，帮扶户稳定脱贫，户户通工程。',
      '次日上午，历次检查，多次强调，层次分明，首次召开。',
      '发展壮大集体经济，审批事项分批办理，获批立项。',
      '这是一个好干部，成为一名合格党员。',
    ];
    for (const text of filled) {
      it(text, () => assert.deepEqual(gaps(text), []));
    }
  });

  it('leaves explicit placeholders to the placeholder rule (X名, ××万元, 【待填】万元)', () => {
    assert.deepEqual(gaps('新发展党员X名，投入资金××万元，达到【待填】万元，xxxx余人。'), []);
  });

  it('marks a one-character range at the measure word and names the context', () => {
    const [seen] = findingsOf('missing-number', '全年开展专题党课次。');
    assert.equal(seen.finding.end - seen.finding.start, 1);
    assert.match(seen.message, /专题党课次/);
    assert.match(seen.message, /“次”前填入具体数量/);
  });

  it('reads through Markdown emphasis (投入**资金**万元)', () => {
    assert.deepEqual(gaps('投入**资金**万元。'), ['万']);
  });
});
