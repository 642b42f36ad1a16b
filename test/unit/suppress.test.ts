import { strict as assert } from 'node:assert';
import { lint } from '../../server/src/core/engine/lint';
import { Suppressions } from '../../server/src/core/engine/suppress';
import { findingsOf, REPORT } from './helpers';

describe('inline comments', () => {
  const source = REPORT('新发展党员X名。\n<!-- shuzhi-disable-next-line placeholder -->\n投入资金X万元。\n<!-- shuzhi-disable -->\n选派X名干部。\n<!-- shuzhi-enable -->\n走访X户。\n');

  it('turns rules off for the next line and for a stretch, then on again', () => {
    assert.deepEqual(findingsOf('placeholder', source).map((seen) => seen.message.slice(0, 10)), ['占位符“X”尚未填写', '占位符“X”尚未填写']);
    const lines = findingsOf('placeholder', source).map((seen) => source.slice(0, seen.finding.start).split('\n').length);
    assert.deepEqual(lines, [3, 9]);
  });
});

describe('inline comments in numbers', () => {
  /** The plain reading of the directives: every one in document order, scanned for each finding. */
  function scanned(directives: Array<{ kind: string; offset: number; line: number; rules?: string[] }>, rule: string, offset: number, line: number): boolean {
    let disabled = false;
    for (const directive of directives) {
      if (directive.rules && !directive.rules.includes(rule)) continue;
      if (directive.kind.endsWith('line') && directive.line === line) return true;
      if (directive.offset > offset) continue;
      if (directive.kind === 'disable') disabled = true;
      else if (directive.kind === 'enable') disabled = false;
    }
    return disabled;
  }

  it('decide every finding as a scan of all directives would, with many directives of every kind', () => {
    const kinds = ['disable', 'enable', 'disable-line', 'disable-next-line'];
    const ruleSets = [[], ['placeholder'], ['missing-number'], ['placeholder', 'missing-number']];
    const lines = ['2024年度述职报告', ''];
    for (let i = 0; i < 240; i++) {
      // A fixed pseudo-random walk, so that every kind meets every rule set and stretches overlap.
      const kind = kinds[(i * 7) % 4];
      const rules = ruleSets[(i * 5 + (i >> 3)) % 4];
      lines.push(i % 3 === 0 ? `<!-- shuzhi-${kind} ${rules.join(' ')} -->` : `投入资金X万元，开展活动次。<!-- shuzhi-${kind} ${rules.join(',')} -->`);
    }
    const source = `${lines.join('\n')}\n`;
    const { model, findings: kept } = lint(source);
    const suppressions = new Suppressions(model.comments, source, model.lineStarts);
    // The same text with every directive blanked out (same length): all findings, at the same offsets.
    const blanked = source.replace(/<!-- shuzhi-[^>]*-->/g, (comment) => `<!--${' '.repeat(comment.length - 7)}-->`);
    const every = lint(blanked).findings.filter((finding) => finding.rule === 'placeholder' || finding.rule === 'missing-number')
      .map((finding) => ({ finding, isSuppressed: suppressions.isSuppressed(finding.rule, finding.start) }));
    assert.ok(every.length > 300);
    assert.deepEqual(kept.filter((finding) => finding.rule === 'placeholder' || finding.rule === 'missing-number'), every.filter((seen) => !seen.isSuppressed).map((seen) => seen.finding));
    const directives = [...source.matchAll(/<!-- shuzhi-(\S+) ([^>]*?) ?-->/g)].map((match) => {
      const line = source.slice(0, match.index).split('\n').length - 1;
      const ids = match[2].split(/[\s,]+/).filter(Boolean);
      return { kind: match[1], offset: match.index!, line: match[1] === 'disable-next-line' ? line + 1 : line, rules: ids.length ? ids : undefined };
    });
    let suppressed = 0;
    for (const { finding, isSuppressed } of every) {
      const line = source.slice(0, finding.start).split('\n').length - 1;
      const expected = scanned(directives, finding.rule, finding.start, line);
      assert.equal(isSuppressed, expected, `${finding.rule} at line ${line + 1}`);
      if (expected) suppressed++;
    }
    assert.ok(suppressed > 50 && suppressed < every.length - 50, `${suppressed} of ${every.length}`);
  });
});
