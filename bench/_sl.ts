import { performance } from 'node:perf_hooks';
import { lint } from '/work/main/server/src/core/lint';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
const p = unified().use(remarkParse);
const cases: Record<string, (n: number) => string> = {
  alternating: (n) => { let s = ''; while (s.length < n) s += '一段正文，内容。\n1. 列表项\n'; return s; },
  ordinals: (n) => { let s = ''; for (let i = 0; s.length < n; i++) s += `${(i % 99) + 1}.标题${i}\n`; return s; },
  digits: (n) => '1'.repeat(n),
  comments: (n) => '<!--'.repeat(n / 4),
  quotes: (n) => '>'.repeat(n / 2) + ' 文本',
  emph: (n) => '*'.repeat(n / 2) + '文' + '*'.repeat(n / 2),
  chinesenum: (n) => '一、'.repeat(n / 2),
  stars: (n) => '开展*次'.repeat(n / 4),
};
for (const [name, make] of Object.entries(cases)) {
  const row: string[] = [];
  for (const n of [10000, 20000, 40000]) {
    const text = make(n);
    let s = performance.now(); try { p.parse(text); } catch (e) { row.push('remark-ERR'); continue; } const r = performance.now() - s;
    s = performance.now(); try { lint(text); } catch (e) { row.push(`ERR ${(e as Error).message.slice(0, 30)}`); continue; }
    row.push(`${n}: remark ${r.toFixed(0)} lint ${(performance.now() - s).toFixed(0)}`);
  }
  console.log(name.padEnd(12), row.join(' | '));
}
