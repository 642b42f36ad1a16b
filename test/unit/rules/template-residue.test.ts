import { strict as assert } from 'node:assert';
import { applyFix, findingsOf } from '../helpers';

const residue = (text: string) => findingsOf('template-residue', text).map((seen) => seen.text);
const REPORT = '2024年度述职报告\n\n一、主要做法\n\n全年完成投资3亿元。\n\n二、存在问题\n\n问题不少。\n\n三、下步打算\n\n继续努力。\n';

describe('template-residue', () => {
  describe('finds lines a download site leaves', () => {
    const cases: Array<[string, string]> = [
      ['德育素材网 首页', '德育素材网 首页'],
      ['找总结网 > 工作计划 > 述职报告', '找总结网 > 工作计划 > 述职报告'],
      ['- 25.50 KB', '25.50 KB'],
      ['请欣赏2024年度述职报告，由笔构网整理。', '请欣赏2024年度述职报告，由笔构网整理。'],
      ['下面是小编为大家整理的2024年度述职报告，供大家参考。', '下面是小编为大家整理的2024年度述职报告，供大家参考。'],
      ['- 1、本文档由用户上传，如有侵权请联系删除', '1、本文档由用户上传，如有侵权请联系删除'],
      ['会员免费查看，付费下载', '会员免费查看，付费下载'],
      ['网站客服QQ:403074932', '网站客服QQ:403074932'],
      ['第1页 共5页', '第1页 共5页'],
      ['约 11页', '约 11页'],
      ['举报', '举报'],
      ['2024年述职报告范文五篇-欧洲杯买球平台', '2024年述职报告范文五篇-欧洲杯买球平台'],
      ['篇二', '篇二'],
      ['……此处隐藏33549个字……', '……此处隐藏33549个字……'],
      ['更多范文请访问 www.example.com', '更多范文请访问 www.example.com'],
    ];
    for (const [line, expected] of cases) {
      it(line, () => assert.deepEqual(residue(`${line}\n\n${REPORT}`), [expected]));
    }
  });

  it('finds spans inside body text and deletes only the span', () => {
    const source = '2024年度述职报告\n\n一年来，我认真履行职责（合理推演自。全年完成投资3亿元。\n\n述职报告.docxVIP（word版）\n';
    const found = findingsOf('template-residue', source);
    assert.deepEqual(found.map((seen) => seen.text), ['（合理推演自。', '.docxVIP', '（word版）']);
    assert.equal(applyFix(source, found[0].finding), '2024年度述职报告\n\n一年来，我认真履行职责全年完成投资3亿元。\n\n述职报告.docxVIP（word版）\n');
  });

  it('deletes a whole residue line with its line break', () => {
    const source = `仅供学习 禁止外传 用后删除\r\n${REPORT.replace(/\n/g, '\r\n')}`;
    const [seen] = findingsOf('template-residue', source);
    assert.equal(applyFix(source, seen.finding), REPORT.replace(/\n/g, '\r\n'));
    assert.match(seen.message, /不属于报告内容：请删除这一行/);
  });

  it('takes lines with a site\'s wording above the title as residue, and finds the title under them', () => {
    const source = `免费范文下载中心\n精品文档 | 热门推荐\n${REPORT}`;
    assert.deepEqual(residue(source), ['免费范文下载中心', '精品文档 | 热门推荐']);
  });

  describe('leaves report text alone', () => {
    const clean = [
      '通过微信公众号发布政务信息120条，开通政务服务网上办理。',
      '开展打击整治养老诈骗专项行动，查处网络赌博案件3起。',
      '全县建成5G基站200个，光纤网络覆盖所有行政村，农村电网改造全面完成。',
      '下载安装“学习强国”APP的党员达到100%，举报电话全部公开。',
      '撰写调研报告5篇，其中2篇获市级优秀调研成果。',
    ];
    for (const text of clean) {
      it(text, () => assert.deepEqual(residue(`2024年度述职报告\n\n${text}\n`), []));
    }
  });
});
