import { strict as assert } from 'node:assert';
import { findingsOf } from '../helpers';
import { testRule } from './tester';

describe('front-matter', () => {
  it('reports YAML it cannot read, naming the problem', () => {
    const source = '---\nprofile: 述职报告\nauthor 李明\n  date: [\n---\n2024年度述职报告\n';
    const [seen] = findingsOf('front-matter', source);
    assert.match(seen.message, /不是有效的 YAML/);
    assert.equal(seen.finding.start, 0);
  });

  it('reports an unknown genre and lists the known ones', () => {
    const [seen] = findingsOf('front-matter', '---\nprofile: 述职报吿\n---\n2024年度述职报告\n');
    assert.match(seen.message, /profile “述职报吿”不是已知文种：可用 述责述廉报告、述法报告、对照检查材料、年度工作总结、述职报告/);
  });

  it('accepts known genres, genres from configuration and front matter without a profile', () => {
    assert.deepEqual(findingsOf('front-matter', '---\nprofile: 年度工作总结\nauthor: 李明\ndate: 2025-01-08\n---\n标题\n'), []);
    assert.deepEqual(findingsOf('front-matter', '---\nauthor: 李明\n---\n标题\n'), []);
    const genres = [{ id: '调研报告', titles: ['调研报告'], sections: [{ id: 'status', name: '基本情况', synonyms: ['基本情况'] }] }];
    assert.deepEqual(findingsOf('front-matter', '---\nprofile: 调研报告\n---\n标题\n', { genres }), []);
  });
});

testRule('front-matter', {
  valid: ['---\r\nprofile: 年度工作总结\r\nauthor: 李明\r\n---\r\n2024年度工作总结\r\n'],
  invalid: [
    { text: '---\nprofile: 述职报吿\n---\n2024年度述职报告\n', found: ['---\nprofile: 述职报吿\n---'], messages: [/不是已知文种/] },
    { text: '---\ntitle: [未闭合\n---\n2024年度述职报告\n', found: ['---\ntitle: [未闭合\n---'], messages: [/不是有效的 YAML/] },
  ],
});
