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
      ['全年发电量千瓦时，蓄水万立方米，用时分钟，出栏生猪万头，产值增长倍，为期周，连续年获评先进。', ['千', '万', '分', '万', '倍', '周', '年']],
      ['新增客户仅家，慰问困难职工户，不足人的村，于月日正式投产。', ['家', '户', '人', '月', '日']],
      ['新建改扩建中小学所，组织各类培训期，组织应急演练场，学科带头人名，高考本科上线人。', ['所', '期', '场', '名', '人']],
      ['符合条件的村只有个。支部书记中大专学历的达人。组建宣讲团支，深入基层宣讲。', ['个', '人', '支']],
      ['今年X至月，完成投资3亿元；3至月底前完成验收。', ['月', '月']],
      ['新建村级活动场所座，改造危桥座，建成公共厕所座。', ['座', '座', '座']],
      // 多 (and more) after a number that was never written.
      ['全年投入多万元，引进资金万多元，产值增长多%。', ['多', '万', '多']],
      ['接待外地考察团批多人次。', ['批', '多']],
      ['政务公开率达。群众满意率均达到，办结率为；', ['。', '，', '；']],
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
      // A percentage run into 万 has its number, garbled: the typo rule reports it.
      '木材蓄积量净增80%万立方米。',
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
      '全年服务人次同比增长，参训人次达到历史最高，提高办件效率，统计个数。',
      '推行“网格+党建”模式，实现群众诉求件件有回音，建立“一人一档”学习台账，人均可支配收入稳步增长。',
      '高考本科上线人数创新高，以人为本，干部人才队伍不断壮大。',
      '在接到交办的政协委员提案办理件后，逐件认真办理，主办件按时办结。',
      '预计 10 月初投产，力争 12 月底前完成，2024 年 3 月底验收。',
      '投资上亿元，节约资金近万元，产值逾亿元、突破上万元，收发快递件，提交扫描件。',
      '检查在建项目156个次，检查车辆1200辆次，发稿86篇次，培训1200人·次，给予单次补贴，本次会议。',
      '深入开展谈心谈话 30 余人次，总投资 3100 余万元的示范区建设项目。',
      '近年来，连续三年获评先进，为期一周，周边环境改善，效率成倍提高，用时几分钟，发电量120万千瓦时。',
      '学习感悟篇',
      '还有个别干部作风不实，只有个别村没有完成。技术达人王师傅带徒3人。',
      '1至3月完成投资2亿元，4-6月完成验收。',
      '召开座谈会3次，举办专题讲座5场，新建活动场所12座，座无虚席。',
      '投入20多万元，引进资金一万多元，上万多人参加，节约资金十余万元，增长30多%。',
      '组织了多个志愿项目，多人次获得表彰，多批次抽检，开展多元化服务，更多群众受益。',
      '百多年来，先后有千多人在此求学。',
      '公开率达100%，满意率为98.5%，率先完成任务，发挥表率作用，办结率达到95%以上。',
      '投资XX多万元，完成**多万元，培训__多人次。',
    ];
    for (const text of filled) {
      it(text, () => assert.deepEqual(gaps(text), []));
    }
  });

  it('names the rate whose value is missing and says where it goes', () => {
    const [finding] = findingsOf('missing-number', '全年政务公开率达。');
    assert.equal(finding.text, '。');
    assert.match(finding.message, /“公开率达”缺少数值：请在“达”后填入具体数值/);
  });

  it('shows the 多 with the unit it belongs to', () => {
    const [finding] = findingsOf('missing-number', '全年投入多万元。');
    assert.match(finding.message, /缺少数字：请在“多”前填入具体数量/);
  });

  it('leaves residue lines (范文 篇一) to their own rule', () => {
    assert.deepEqual(gaps('范文 篇一\n\n2024年度述职报告\n\n全年完成投资3亿元。\n'), []);
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

  it('reads across hard-wrapped lines of one paragraph', () => {
    assert.deepEqual(gaps('2024年度述职报告\n\n全年共有1200\n名党员参加培训，投入资金\n万元。\n'), ['万']);
    assert.deepEqual(gaps('2024年度述职报告\n\n全年开展专题党课\n次，覆盖党员人次。\n'), ['次', '人']);
  });

  it('leaves unit headers of tables alone', () => {
    assert.deepEqual(gaps('2024年度述职报告\n\n| 项目 | 万元 |\n|---|---|\n| 投入资金 | 120 |\n'), []);
  });

  it('reads through Markdown emphasis (投入**专项资金**共计万元)', () => {
    assert.deepEqual(gaps('投入**专项资金**共计万元。'), ['万']);
  });
});

describe('missing-number decides on words', () => {
  it('takes a unit that ends a word of the dictionary for part of it (事项, not 事 + 项)', () => {
    assert.deepEqual(gaps('党委会研究重大事项次。'), []);
  });
  it('still reports a unit after 有, 达 or 占 that a word would swallow (的有人)', () => {
    assert.deepEqual(gaps('55岁以上的有人，占%。'), ['人', '%']);
  });
});

describe('missing-number on a page in traditional characters', () => {
  it('reads numbers and words through their simplified forms (兩次, 審批, 第一責任人)', () => {
    assert.deepEqual(gaps('每月召開兩次例會，規範決策流程和審批，壓實第一責任人職責。'), []);
  });
  it('still finds a missing number, and quotes the text as written', () => {
    const found = findingsOf('missing-number', '全年開展專題黨課次，新發展黨員名。');
    assert.deepEqual(found.map((seen) => seen.text), ['次', '名']);
    assert.match(found[0].message, /“開展專題黨課次”缺少数字/);
  });
  it('quotes a rate without its value as written', () => {
    const [finding] = findingsOf('missing-number', '全年政務公開率達。');
    assert.match(finding.message, /“公開率達”缺少数值：请在“達”后填入具体数值/);
  });
});

describe('missing-number: digits there but broken', () => {
  const draft = (body: string) => `2024年度县委书记述职报告\r\n\r\n一、主要做法\r\n\r\n　　${body}\r\n`;

  it('says 数字不完整或有误 for a date that lost a part, and 缺少数字 where no digit is written', () => {
    const found = findingsOf('missing-number', draft('于2024年3月日召开会议，截至2024年月底完成，投入资金万元。'));
    assert.deepEqual(found.map((seen) => seen.text), ['日', '月', '万']);
    assert.match(found[0].message, /^“2024年3月日”数字不完整或有误：日期缺了一部分/);
    assert.match(found[1].message, /数字不完整或有误/);
    assert.match(found[2].message, /^“投入资金万元”缺少数字/);
  });

  it('finds letters typed for digits and a number cut at its decimal point, before a unit', () => {
    const found = findingsOf('missing-number', draft('投入资金1O万元，培训党员l2名，共计2.万元。'));
    assert.deepEqual(found.map((seen) => seen.text), ['1O', 'l2', '2.']);
    assert.match(found[0].message, /“1O”中有字母“O”，像是把数字打成了字母/);
    assert.match(found[2].message, /以小数点结尾，小数部分缺失/);
  });

  it('leaves ordinals, versions and Latin words before a unit alone', () => {
    const text = `2024年度县委书记述职报告\r\n\r\n一、主要做法\r\n\r\n1.个人事项如实报告。\r\n\r\n　　升级到V2.0版，Top10名单公布，完成120.5万元。\r\n`;
    assert.deepEqual(findingsOf('missing-number', text).map((seen) => seen.text), []);
  });
});
