import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/core/engine/lint';
import { buildModel } from '../../server/src/core/reading/model';
import { BUILTIN_PROFILES } from '../../server/src/core/lexicon/profiles';

const model = (source: string) => buildModel(source, { profiles: BUILTIN_PROFILES });

describe('the reading of a page', () => {
  describe('genre through a site\'s decorations', () => {
    const cases: Array<[string, string]> = [
      ['县委书记述职报告范文\n\n一、主要做法\n\n全年完成投资3亿元。\n', '述职报告'],
      ['社区主任年度工作总结（9）\n\n一年来，社区工作取得成效。\n', '年度工作总结'],
      ['村党支部书记述职报告（精选6篇）\n\n第1篇\n\n一年来，我认真履行职责，全年完成投资3亿元。\n', '述职报告'],
      ['2024年乡镇工作总结和2025年工作思路\n\n一、工作完成情况\n\n全年完成投资3亿元。\n', '年度工作总结'],
      ['某县2024年度法治政府建设情况报告\n\n一、主要做法\n\n全年办理复议案件12件。\n', '述法报告'],
      ['科局局长述职报告范文 篇一\n\n一年来，我认真履行职责。\n', '述职报告'],
      ['镇长述职报告【篇二】\n\n一年来，我认真履行职责。\n', '述职报告'],
      ['社区工作总结（共9篇）\n社区团支部工作总结 篇1\n某某社区党支部工作总结\n一年来，社区两委班子团结协作。\n', '年度工作总结'],
      ['某街道党工委班子 2024 年度民主生活会对照检\n查材料（会前稿）\n根据上级党委的统一部署，班子认真开展会前准备。\n', '对照检查材料'],
    ];
    for (const [source, genre] of cases) {
      it(source.split('\n')[0], () => assert.equal(model(source).profile?.id, genre));
    }

    it('a title line with its decoration is the whole title', () => {
      assert.equal(model('社区工作总结（共9篇）\n社区团支部工作总结 篇1\n某某社区党支部工作总结\n一年来，社区两委班子团结协作。\n').title?.text, '社区团支部工作总结');
    });

    it('keeps the title without the decoration, and says what it stripped', () => {
      const read = model('县委书记述职报告范文\n\n一、主要做法\n\n全年完成投资3亿元。\n');
      assert.equal(read.title?.text, '县委书记述职报告');
      assert.deepEqual(read.residue.map((residue) => read.lines[residue.lineIndex].text.slice(residue.start, residue.end)), ['范文']);
    });
  });

  describe('genre of an excerpt without a title, from what the text is made of', () => {
    const cases: Array<[string, string, string | undefined]> = [
      // A unit reports its year's work: a summary.
      ['2025年，城关社区坚持党建引领，各项工作取得新成效。现将工作情况汇报如下：\n一、主要工作\n全年开展活动60场。\n', '年度工作总结', 'opening'],
      ['在街道党工委的领导下，我社区居委会扎实开展服务工作，现将2025年度工作情况汇报如下：\n一、综合事务\n全年办理证明120件。\n', '年度工作总结', 'opening'],
      ['某县2025年基层治理工作情况报告如下。\n一、工作总结\n全年调处纠纷80件。\n', '年度工作总结', 'opening'],
      // A person reports the same way: a 述职报告.
      ['一年来，我在局党组的领导下履行岗位职责，现将本人工作情况报告如下：\n一、主要工作\n全年走访企业30家。\n', '述职报告', 'opening'],
      // A speech: the paragraph after the salutation says what is being given.
      ['同志们：\n\n到水利局任职已满一年。回顾一年来的履职情况，借此机会向大家作个汇报。\n\n一、机关运转正常\n\n全年完成投资3亿元。\n', '述职报告', 'opening'],
      // 做如下……对照检查： names what follows.
      ['四风问题危害甚大。\n结合学习，我剖析自己，做如下对照检查：\n第一，形式主义要挖除。\n', '对照检查材料', 'opening'],
    ];
    for (const [source, genre, from] of cases) {
      it(source.split('\n')[0].slice(0, 40), () => {
        const read = model(source);
        assert.equal(read.profile?.id, genre);
        assert.equal(read.genreSource, from);
      });
    }

    it('decides nothing from text that reports on no work', () => {
      assert.equal(model('2025年，城关社区环境整治取得新成效，群众满意度明显提升。\n一、环境整治\n全年清运垃圾300吨。\n').profile, undefined);
      assert.equal(model('同志们：\n\n今天召开全县环境整治推进会，主要任务是部署下一阶段工作。\n').profile, undefined);
      // Responsibility and integrity are a 述责述廉报告's matter: without its cue words no guess is made.
      assert.equal(model('现将2025年度落实全面从严治党主体责任工作情况报告如下：\n一、主要工作\n全年研究党建工作12次。\n').profile, undefined);
    });
  });

  describe('an unfinished draft', () => {
    const draft = '2024年度述职报告\n\n一、主要做法\n\n（一）抓学习\n\n全年学习40次。\n\n（二）抓落实\n';
    const severities = (source: string, rule: string) => lint(source).findings.filter((finding) => finding.rule === rule).map((finding) => finding.severity);

    it('is told about its last empty heading and a level with one item as information', () => {
      assert.equal(model(draft).ended, false);
      assert.deepEqual(severities(draft, 'empty-section'), ['info']);
      assert.deepEqual(severities(draft, 'heading-hierarchy'), ['info']);
    });

    it('gets warnings once it has its ending', () => {
      const ended = `${draft}\n以上报告，请予审议。\n`;
      assert.equal(model(ended).ended, true);
      assert.deepEqual(severities(ended, 'heading-hierarchy'), ['warning']);
      const emptyInside = ended.replace('（二）抓落实\n', '（二）抓落实\n\n二、存在问题\n\n不足。\n');
      assert.deepEqual(severities(emptyInside, 'empty-section'), ['warning']);
    });

    it('still reports missing required parts', () => {
      assert.ok(lint(draft).findings.some((finding) => finding.rule === 'required-section' && finding.severity === 'warning'));
    });

    it('an ending is a signature, or the genre\'s last part', () => {
      assert.equal(model(`${draft}\n全年学习。\n\n张三\n\n2025年1月8日\n`).ended, true);
      assert.equal(model('2024年度述职报告\n\n一、主要做法\n\n全年学习。\n\n二、存在问题\n\n不足。\n\n三、下步打算\n').ended, true);
    });
  });

  describe('every line in its role', () => {
    const body = '2024年度述职报告\n{greeting}\n现将我一年来的工作报告如下：\n一、主要做法\n全年完成投资3亿元。\n以上报告，请予审议。\n';
    const greetings: Array<[string, 'addressee' | 'salutation']> = [
      ['县委、县人民政府：', 'addressee'],
      ['市委全面依法治市委员会：', 'addressee'],
      ['中共某县委员会、某县人民政府：', 'addressee'],
      ['主任、各位副主任、委员：', 'salutation'],
      ['尊敬的各位领导、同志们：大家好！', 'salutation'],
      ['同志们：', 'salutation'],
    ];
    for (const [line, kind] of greetings) {
      it(`${line} is the ${kind}`, () => {
        const read = model(body.replace('{greeting}', line));
        assert.equal(read.roles[1], 'salutation');
        assert.equal(kind === 'addressee' ? read.addresseeLine : read.salutationLine, 1);
      });
    }
    it('a lead-in ending in a colon is body text', () => {
      const read = model(body.replace('{greeting}', '一年来，主要做了以下工作：'));
      assert.equal(read.roles[1], 'body');
    });

    const signatures: Array<[string, string, string]> = [
      ['县委副书记、县长　王某某', '2025.1.8', 'posts joined by 、 and a dotted date'],
      ['述职人：王某某', '日期：2025年1月8日', 'named fields'],
      ['王某某', '2025/1/8', 'a slashed date'],
      ['某县交通运输局', '2025年01月08日', 'a unit and a zero-padded date'],
      ['王某某', '二〇二五年一月八日', 'a date in Chinese numerals'],
    ];
    for (const [name, date, kind] of signatures) {
      it(`signature: ${kind}`, () => {
        const read = model(`${body.replace('{greeting}', '同志们：')}${name}\n${date}\n`);
        assert.equal(read.signature?.name, name);
        assert.equal(read.signature?.date, date);
        assert.deepEqual(read.residue, []);
      });
    }

    it('a paragraph holding 一、……；二、…… is body text with a list, not a heading', () => {
      const read = model('2024年度述职报告\n全年重点抓了三件事：一、抓学习；二、抓落实；三、抓作风。\n一、加强学习；二、狠抓落实；三、改进作风。\n');
      assert.deepEqual(read.headings, []);
    });

    it('numbered items ending in a semicolon are a list, not empty headings', () => {
      const source = '2024年度述法报告\n\n一、基本原则\n\n（一）坚持党的领导；\n\n（二）坚持依法行政；\n\n（三）坚持权责一致。\n\n二、存在问题\n\n问题不少。\n';
      const { findings, model: read } = lint(source);
      assert.deepEqual(read.headings.map((heading) => heading.title), ['基本原则', '存在问题']);
      assert.deepEqual(findings.filter((finding) => finding.rule === 'empty-section'), []);
    });

    it('numbered full sentences are list items, a short numbered line is a heading', () => {
      const read = model('2024年度述职报告\n一、主要做法\n1、认真学习贯彻党的二十大精神，全年参加中心组学习12次，撰写心得体会5篇，讲授专题党课2次。\n2、落实。\n二、存在问题\n问题不少。\n');
      assert.deepEqual(read.headings.map((heading) => heading.title), ['主要做法', '存在问题']);
    });
  });

  describe('a title run into its text', () => {
    it('ends before the genre word the text starts with again, and that is no repeat', () => {
      const source = '实验中学副校长述职报告述职报告就是向组织和群众交代一年来的工作，接受大家评议。\n';
      const { findings, model: read } = lint(source);
      assert.equal(read.title?.text, '实验中学副校长述职报告');
      assert.deepEqual(findings.filter((finding) => finding.rule === 'duplicate-text'), []);
    });
  });

  it('a site\'s stamp after a heading is no part of its title', () => {
    const read = model('2024年度述职报告\n\n一、主要做法 某文汇 www.mouwenhui.com\n\n全年完成投资3亿元。\n');
    assert.deepEqual(read.headings.map((heading) => heading.title), ['主要做法']);
  });

  describe('a table copied as text', () => {
    const draft = '2024年度工作总结\n\n一、主要指标\n\n项目 资产总额 负债总额 比增% 备注\n\n营业收入\t万元\n\n全年营业收入 3亿元，比上年增长12%。\n';
    it('is read as rows of cells: no spaces, full stops or numbers asked for in them', () => {
      const { findings, model: read } = lint(draft);
      assert.deepEqual(read.lines.map((line, index) => read.tabular[index] ? line.text : undefined).filter(Boolean), ['项目 资产总额 负债总额 比增% 备注', '营业收入\t万元']);
      assert.deepEqual(findings.filter((finding) => ['punctuation', 'missing-number'].includes(finding.rule)).map((finding) => draft.slice(finding.start, finding.end)), [' ']);
    });
  });

  describe('a text about reports is not one', () => {
    const guide = '述职报告怎么写\n\n一、述职报告的结构\n\n（一）标题\n\n二、注意事项\n';
    const plan = '2024年度班子成员述职评议工作方案\n\n一、评议对象\n\n二、评议程序\n\n（一）个人述职\n\n三、工作要求\n';
    for (const text of [guide, plan]) {
      it(text.split('\n')[0], () => {
        const { findings, model: read } = lint(text);
        assert.equal(read.profile, undefined);
        assert.deepEqual(findings.filter((finding) => ['required-section', 'section-order', 'empty-section', 'heading-sequence', 'heading-hierarchy'].includes(finding.rule)), []);
      });
    }
    it('a news item whose first sentence names a 述职 meeting, punctuated half-width', () => {
      const { findings, model: read } = lint('5月9日,某区卫健委召开2024年度班子成员述职述廉会议,共12名干部逐一进行述职述廉。\n会上,院党委书记作了点评。\n');
      assert.equal(read.title, undefined);
      assert.equal(read.profile, undefined);
      assert.deepEqual(findings.filter((finding) => ['required-section', 'signature'].includes(finding.rule)), []);
    });
    it('a definition that opens with the genre noun (述职报告是指……)', () => {
      const read = model('述职报告是指干部定期向组织汇报本人履职尽责情况的书面材料。写好述职报告要分清主次、突出重点。\n');
      assert.equal(read.title, undefined);
      assert.equal(read.profile, undefined);
    });
    it('a report still gets its structure checked', () => {
      assert.ok(lint('2024年度述职报告\n\n一、主要做法\n\n（一）抓学习\n\n全年学习。\n\n以上报告，请予审议。\n').findings.some((finding) => finding.rule === 'heading-hierarchy'));
    });
  });
});
