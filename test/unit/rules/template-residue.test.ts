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
      ['微信扫一扫 ×', '微信扫一扫 ×'],
      ['- 5 -', '5 -'],
      ['— 12 —', '— 12 —'],
      ['……(未完，全文共6831字，当前仅显示2399字)', '……(未完，全文共6831字，当前仅显示2399字)'],
      ['收听本文 00:00/03:25', '收听本文 00:00/03:25'],
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

  it('takes lines with a site\'s wording above the title as one region, and finds the title under them', () => {
    const source = `免费范文下载中心\n精品文档 | 热门推荐\n${REPORT}`;
    assert.deepEqual(residue(source), ['免费范文下载中心\n精品文档 | 热门推荐']);
    const [seen] = findingsOf('template-residue', source);
    assert.match(seen.message, /2行是网页残留/);
    assert.equal(applyFix(source, seen.finding), REPORT);
  });

  describe('knows page chrome by its make-up, whatever the site calls things', () => {
    const cases: Array<[string, string]> = [
      ['欢迎访问公文之家', 'greeting'],
      ['某某文库，欢迎您！', 'greeting with a comma'],
      ['发布时间：2024-12-01 09:30:12  浏览：120次', 'publish time and views'],
      ['2023-11-02 10:20:33', 'a bare timestamp'],
      ['2022-03-15 总结', 'a stamp date with a column name'],
      ['阅读量：56', 'a counter field'],
      ['点赞（12）', 'a counter widget'],
      ['来源：某县人民政府办公室 发布时间：2024-03-28 09:18', 'source and time'],
      ['索 引 号： ab01-2025-00012', 'a letter-spaced field name'],
      ['[ 发布机构 ] 某县司法局 [ 有效性 ] 有效', 'a government information table row'],
      ['[ 发文字号 ]', 'an empty information table field'],
      ['【 发布机构 】 某县司法局 【 有效性 】', 'an information table row in full-width brackets'],
      ['【打印本页】【关闭窗口】', 'a row of bracketed buttons'],
      ['您的位置：首页 > 工作总结', 'a breadcrumb with a place word'],
      ['工作总结 » 个人总结 » 年终总结', 'a breadcrumb of three'],
      ['登录 | 注册', 'a navigation bar'],
      ['• 猜你喜欢', 'a widget drawn with a bullet'],
      ['村党支部书记述职报告（精选6篇）', 'a collection title'],
      ['社区主任年度述职报告十篇', 'a collection title counting its texts'],
      ['第2篇：村党支部书记述职报告', 'a separator naming the next text'],
      ['本站编辑精心整理了这篇述职报告，希望对你有所帮助。', 'a site speaking of itself'],
      ['某某范文网', 'a site name'],
      ['``', 'markup left over'],
    ];
    for (const [line, kind] of cases) {
      it(kind, () => assert.deepEqual(residue(`${line}\n\n${REPORT}`), [line]));
    }
    it('a line of chrome under the title, before the text', () => {
      assert.deepEqual(residue(`2024年度述职报告\n\n作者：李明 栏目：述职报告\n\n${REPORT.slice(REPORT.indexOf('一、'))}`), ['作者：李明 栏目：述职报告']);
    });
  });

  describe('reads the page around the report', () => {
    it('a short line above the title is the page\'s, even without a site word', () => {
      assert.deepEqual(residue(`一键复制\n${REPORT}`), ['一键复制']);
    });

    it('a second copy of the title, and one after a 第N篇 label', () => {
      const source = `社区书记述职报告（3篇）\n\n2024年度述职报告\n\n第1篇 2024年度述职报告\n\n2024年度述职报告\n\n${REPORT.slice(REPORT.indexOf('一、'))}`;
      const found = findingsOf('template-residue', source);
      assert.deepEqual(found.map((seen) => seen.text), ['社区书记述职报告（3篇）', '第1篇 2024年度述职报告\n\n2024年度述职报告']);
    });

    it('short lines after the report\'s date', () => {
      const source = `${REPORT}\n某县交通运输局\n\n2025年1月8日\n\n手机扫码阅读本页\n`;
      assert.deepEqual(residue(source), ['手机扫码阅读本页']);
    });

    it('a short line standing between two chrome lines', () => {
      const source = `2024年度述职报告\n\n发布时间：2024-12-01\n\n分类\n\n浏览：33\n\n${REPORT.slice(REPORT.indexOf('一、'))}`;
      assert.deepEqual(residue(source), ['发布时间：2024-12-01\n\n分类\n\n浏览：33']);
    });

    it('a site\'s address and name stamped at the end of report lines: only the stamp goes', () => {
      const source = '2024年度述职报告\n\n某文汇 www.mouwenhui.com\n一、主要做法 某文汇 www.mouwenhui.com\n\n全年完成投资3亿元，新建道路12公里。 某文汇,办公文档之家\n';
      const found = findingsOf('template-residue', source);
      assert.deepEqual(found.map((seen) => seen.text), ['某文汇 www.mouwenhui.com', ' 某文汇 www.mouwenhui.com', ' 某文汇,办公文档之家']);
      const fixed = found.reduceRight((text, seen) => applyFix(text, seen.finding), source);
      assert.equal(fixed, '2024年度述职报告\n\n一、主要做法\n\n全年完成投资3亿元，新建道路12公里。\n');
      assert.deepEqual(findingsOf('punctuation', source), []);
    });

    it('a forum\'s anti-copy noise, inside and between lines, and nothing around it', () => {
      const source = '2024年度述职报告\n\n全年完成投资3亿元。 i( j( e7 Z2 {! |0 K\n; i [+ l3 @ |1 m) q\n新建道路12公里，改造危桥3座。\n';
      assert.deepEqual(residue(source), [' i( j( e7 Z2 {! |0 K', '; i [+ l3 @ |1 m) q']);
      assert.deepEqual(findingsOf('placeholder', source), []);
    });

    it('a page number between paragraphs, and a site\'s publish date under the title', () => {
      const source = '2024年度述职报告\n\n2024-04-19\n\n一、主要做法\n\n全年完成投资3亿元。\n\n6\n\n新建道路12公里。\n\n某县交通运输局\n\n2025-01-08\n';
      assert.deepEqual(residue(source), ['2024-04-19', '6']);
    });

    it('a salutation between two chrome lines is the report\'s: the fixes keep it', () => {
      const body = '一、主要做法\n\n全年完成投资3亿元。\n';
      const source = `2024年度述职报告\n\n发布时间：2024-12-01 10:12\n\n主任、各位副主任、委员：\n\n2024年度述职报告\n\n${body}`;
      const found = findingsOf('template-residue', source);
      assert.deepEqual(found.map((seen) => seen.text), ['发布时间：2024-12-01 10:12', '2024年度述职报告']);
      const fixed = found.reduceRight((text, seen) => applyFix(text, seen.finding), source);
      assert.ok(fixed.includes('主任、各位副主任、委员：\n'));
    });

    it('an outline printed above the title, whose headings recur below it', () => {
      const outline = '一、主要做法\n（一）抓学习\n（二）抓落实\n二、存在问题\n三、下步打算\n';
      const body = '2024年度述职报告\n尊敬的各位领导：\n一、主要做法\n（一）抓学习，强根基\n全年学习40次。\n（二）抓落实，见成效\n完成投资3亿元。\n二、存在问题\n问题不少。\n三、下步打算\n继续努力。\n';
      const source = outline + body;
      const found = findingsOf('template-residue', source);
      assert.deepEqual(found.map((seen) => seen.text), [outline.trimEnd()]);
      assert.deepEqual(findingsOf('empty-section', source), []);
      assert.deepEqual(findingsOf('heading-sequence', source), []);
      assert.equal(applyFix(source, found[0].finding), body);
    });

    it('page markers of a document preview that cut a sentence or a number, and nothing else on those lines', () => {
      const page = '全镇上下围绕中心工作，持续推进乡村振兴，产业发展、基础设施、人居环境等各项工作取得明显成效，群众获得感不断增强，'.repeat(2) + '全年完成固定资产投资';
      const source = `1、2024年度镇长述职报告 一年来，${page}\n2、，比上年增长12%，${page}45000\n3、余万元，${page}。\n`;
      const found = findingsOf('template-residue', source);
      assert.deepEqual(found.map((seen) => seen.text), ['1、', '2、', '3、']);
      // 3、余万元 reads on from the number before the marker: nothing is missing.
      for (const rule of ['ordinal-style', 'punctuation', 'heading-sequence', 'heading-hierarchy', 'enumeration-sequence', 'missing-number']) {
        assert.deepEqual(findingsOf(rule, source), [], rule);
      }
    });

    it('no other rule speaks about chrome lines', () => {
      const source = `2024年度述职报告\n来源：某县人民政府办公室 发布时间：2024-03-28 09:18\n[ 索引号 ] 11500/2025-0001 [ 发文字号 ]\n${REPORT.slice(REPORT.indexOf('一、'))}`;
      const rules = findingsOf('punctuation', source).concat(findingsOf('missing-number', source), findingsOf('ordinal-style', source));
      assert.deepEqual(rules, []);
    });
  });

  describe('leaves report text alone', () => {
    const kept: Array<[string, string]> = [
      ['附件1\n\n2024年度述职报告\n\n一、主要做法\n\n全年完成投资3亿元。\n', 'an attachment label above the title'],
      ['000123\n机密★1年\n特急\n某县委〔2025〕3号\n关于2024年度法治政府建设情况的报告\n一、主要做法\n全年完成投资3亿元。\n', 'the elements a 公文 carries above its title'],
      ['2024年度述职报告\n一、主要做法\n全年完成投资3亿元。\n', 'a report whose first line is its title'],
      ['同志们：\n现将我一年来的工作报告如下：\n一、主要做法\n全年完成投资3亿元。\n', 'a draft that starts with its salutation'],
      ['2024年度述职报告\n全年重点抓了以下工作\n1、加强学习。全年学习40次。\n2、狠抓落实。完成投资3亿元。\n', 'a list after a short lead-in'],
      ['2024年度述职报告\n一、主要做法\n全年完成投资3亿元。\n述职人：张三\n日期：2025年1月8日\n', 'a signature with field names'],
      ['关于2024年度\n法治政府建设情况的报告\n一、主要做法\n全年完成投资3亿元。\n', 'a title written over two lines'],
      ['某街道党工委班子 2024 年度民主生活会对照检\n查材料\n根据上级党委的统一部署，班子认真开展会前准备。\n一、存在的主要问题\n理论学习不够深入。\n', 'a title cut in two by a PDF\'s line break, with spaces around its year'],
      ['2024年度述职报告\n一、主要做法\n全年接待来访群众200人次，每周三8:30至11:30为接访时间。\n', 'office hours written with clock times'],
      ['2024年度述职报告\n一、主要做法\n××\n', 'a line of placeholders only'],
      ['2024年度述职报告\n一、主要做法\n按照 A + B = C 的思路，推行“1+N”模式，落实 5G、AI 等新技术。\n', 'ASCII words and signs in a sentence'],
      ['2024年度述职报告\n一、主要做法\n开通举报网站 www.12388.gov.cn 和举报电话，受理信访举报15件。\n', 'an address cited inside a sentence'],
      ['2024年度述职报告\n一、主要做法\n全年受理举报15件，举报邮箱为jubao@example.gov.cn\n', 'an e-mail address'],
    ];
    for (const [source, kind] of kept) {
      it(kind, () => assert.deepEqual(residue(source), []));
    }
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
