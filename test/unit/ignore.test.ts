import { strict as assert } from 'node:assert';
import { ignoreEntry, sameEntry, withoutIgnored } from '../../server/src/core/engine/ignore';
import { lint } from '../../server/src/core/engine/lint';

const DRAFT = '2024年度述职报告\r\n\r\n一、主要做法\r\n\r\n　　全年为群众办实事X件，新建党群服务中心X个。\r\n\r\n二、存在问题\r\n\r\n　　一是学习不够。\r\n\r\n三、下步打算\r\n\r\n　　一是加强学习。\r\n';

const placeholders = (text: string, ignore = [] as ReturnType<typeof ignoreEntry>[]) =>
  lint(text, { ignore }).findings.filter((finding) => finding.rule === 'placeholder').map((finding) => text.slice(finding.start, finding.end + 1));

describe('ignoring one finding', () => {
  const [first] = lint(DRAFT).findings.filter((finding) => finding.rule === 'placeholder');
  const entry = ignoreEntry(DRAFT, first);

  it('records the rule, the flagged words and the words around them on their line', () => {
    assert.deepEqual(entry, { rule: 'placeholder', text: 'X', before: '　　全年为群众办实事', after: '件，新建党群服务中心' });
  });

  it('hides that occurrence only, not the other unfilled placeholder on the same line', () => {
    assert.deepEqual(placeholders(DRAFT), ['X件', 'X个']);
    assert.deepEqual(placeholders(DRAFT, [entry]), ['X个']);
  });

  it('keeps holding when the draft is edited elsewhere, and lets go when that sentence is rewritten', () => {
    const edited = DRAFT.replace('一、主要做法', '一、主要做法及成效').replace('一是学习不够。', '一是学习不够深入。\r\n\r\n　　二是调研不够。');
    assert.deepEqual(placeholders(edited, [entry]), ['X个']);
    const rewritten = DRAFT.replace('全年为群众办实事X件', '全年为困难群众办实事X件');
    assert.deepEqual(placeholders(rewritten, [entry]), ['X件', 'X个']);
  });

  it('stops its context at the line break (CRLF), so joining lines does not match by accident', () => {
    const atEnd = ignoreEntry('甲\r\n投入资金X', { rule: 'placeholder', start: 7, end: 8 });
    assert.equal(atEnd.before, '投入资金');
    assert.equal(atEnd.after, '');
  });

  it('tells a recorded occurrence from another', () => {
    assert.ok(sameEntry(entry, { ...entry }));
    assert.ok(!sameEntry(entry, { ...entry, after: '' }));
    assert.deepEqual(withoutIgnored(DRAFT, [first], [{ ...entry, rule: 'missing-number' }]), [first]);
  });
});

describe('one finding per gap', () => {
  it('reports a number left out between spaces as a missing number, not also as a stray space', () => {
    const text = '2024年度述职报告\n\n一、主要做法\n\n全年投入资金  万元，培训党员　名。\n';
    const rules = lint(text).findings.filter((finding) => finding.start > text.indexOf('全年')).map((finding) => `${finding.rule}:${text.slice(finding.start, finding.end)}`);
    assert.deepEqual(rules.filter((rule) => !rule.startsWith('signature')), ['missing-number: ', 'missing-number:　']);
  });

  it('still reports a stray space that is no gap', () => {
    const text = '2024年度述职报告\n\n一、主要做法\n\n全年投入资金 120万元。\n';
    assert.ok(lint(text).findings.some((finding) => finding.rule === 'punctuation'));
  });
});
