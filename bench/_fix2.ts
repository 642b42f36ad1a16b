import { fixAll } from '../server/src/core/fix';
import { lint } from '../server/src/core/lint';
const make = (n: number) => '2024年度述职报告\n\n' + Array.from({ length: n }, (_, i) => `一、第${i}部分\n\n1.抓学习。\n\n3.抓队伍。\n`).join('\n');
for (const n of [1000, 2000]) {
  const t = make(n);
  const one = fixAll(t, {}, undefined); 
  let s = performance.now(); lint(t); const a = performance.now() - s;
  s = performance.now(); lint(one.text); console.log(n, 'orig', a.toFixed(0), 'fixed', (performance.now() - s).toFixed(0));
}
