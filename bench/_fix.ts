import { fixAll } from '../server/src/core/fix';
import { lint } from '../server/src/core/lint';
const shapes: Record<string, (n: number) => string> = {
  numbered: (n) => '2024年度述职报告\n\n' + Array.from({ length: n }, (_, i) => `${(i % 7) + 1}、抓好第${i}项工作。内容。\n`).join('\n'),
  blocks: (n) => '2024年度述职报告\n\n' + Array.from({ length: n }, (_, i) => `一、第${i}部分\n\n1.抓学习。\n\n3.抓队伍。\n`).join('\n'),
};
for (const [name, make] of Object.entries(shapes)) for (const n of [500, 1000]) {
  const t = make(n); let s = performance.now(); const r = lint(t); const l = performance.now() - s;
  s = performance.now(); const f = fixAll(t); console.log(name, n, t.length, 'lint', l.toFixed(0), 'fixAll', (performance.now() - s).toFixed(0), 'passes', f.passes, 'fixable', r.findings.filter(x => x.fix).length);
}
