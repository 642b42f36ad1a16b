/**
 * `npm run eval`: the checks measured on real pages nobody here wrote (../shared/corpus/real-pages,
 * never copied into the repository). Prints recall per annotation kind, precision per rule, the title
 * line and genre found, and every finding that touches no annotation with its committed verdict.
 * Exits 1 when a figure falls below its floor in floors.json or a finding is unjudged.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../../server/src/core/engine/lint';
import { lineOfOffset } from '../../server/src/core/reading/model';
import type { Finding } from '../../server/src/core/engine/types';
import { loadLexiconSync } from '../../server/src/lexicon/load';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = resolve(process.env.SHUZHI_CORPUS ?? join(here, '../../../shared/corpus/real-pages'));
const verbose = process.argv.includes('--verbose');
/** Print verdict rows for unjudged findings, ready to be judged and pasted into verdicts.tsv. */
const printUnjudged = process.argv.includes('--unjudged');

/** Which rules can find each kind of annotated defect. */
const RULES_OF_KIND: Record<string, string[]> = {
  residue: ['template-residue'],
  placeholder: ['placeholder'],
  'missing-number': ['missing-number'],
  'heading-error': ['ordinal-style', 'heading-sequence', 'heading-hierarchy', 'enumeration-sequence'],
  formulation: ['fixed-phrase', 'dated-formulation', 'name-gap'],
  typo: ['fixed-phrase', 'typo'],
  punctuation: ['punctuation'],
  space: ['punctuation', 'space'],
  year: ['year-consistency', 'number-format'],
  'name-gap': ['name-gap'],
  duplicate: ['duplicate-text'],
};

interface Annotation { file: string; line: number; column: number; text: string; kind: string; note: string; start: number; end: number }
interface Verdict { verdict: 'T' | 'F' | 'C'; note: string }

/** A TSV reader for the corpus files: tabs separate, `"` quotes a field only when it starts one. */
function readTsv(path: string): string[][] {
  const rows: string[][] = [];
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    if (raw === '') continue;
    const fields: string[] = [];
    let at = 0;
    while (at <= raw.length) {
      if (raw[at] === '"') {
        let value = '';
        let i = at + 1;
        for (; i < raw.length; i++) {
          if (raw[i] === '"' && raw[i + 1] === '"') { value += '"'; i++; } else if (raw[i] === '"') break; else value += raw[i];
        }
        fields.push(value);
        at = i + 2;
      } else {
        const tab = raw.indexOf('\t', at);
        fields.push(raw.slice(at, tab === -1 ? raw.length : tab));
        at = tab === -1 ? raw.length + 1 : tab + 1;
      }
    }
    rows.push(fields);
  }
  return rows;
}

/** The finding's text enters the key as a digest: the corpus's words stay out of the repository. */
const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

function verdictKey(file: string, line: number, column: number, rule: string, textDigest: string): string {
  return `${file}\t${line}\t${column}\t${rule}\t${textDigest}`;
}

function loadVerdicts(): Map<string, Verdict> {
  const verdicts = new Map<string, Verdict>();
  const path = join(here, 'verdicts.tsv');
  if (!existsSync(path)) return verdicts;
  for (const [file, line, column, rule, textDigest, verdict, note] of readTsv(path).slice(1)) {
    verdicts.set(verdictKey(file, Number(line), Number(column), rule, textDigest), { verdict: verdict as Verdict['verdict'], note: note ?? '' });
  }
  return verdicts;
}

function overlaps(finding: Finding, annotation: Annotation): boolean {
  // A finding of zero width (a number missing before a unit) touches the characters beside it.
  if (finding.start === finding.end) return finding.start >= annotation.start - 1 && finding.start <= annotation.end;
  return finding.start < annotation.end && finding.end > annotation.start;
}

/** Lines with text inside a chrome region that are not annotated as chrome: its fix would delete report text. */
function linesNotChrome(file: string, source: string, lineStarts: readonly number[], finding: Finding, annotations: readonly Annotation[]): string[] {
  const chromeLines = new Set(annotations.filter((annotation) => annotation.kind === 'residue').map((annotation) => annotation.line));
  const first = lineOfOffset(lineStarts, finding.start);
  const last = lineOfOffset(lineStarts, Math.max(finding.start, finding.end - 1));
  const lines: string[] = [];
  for (let index = first; index <= last; index++) {
    const text = source.slice(lineStarts[index], lineStarts[index + 1] ?? source.length).trim();
    if (text !== '' && !chromeLines.has(index + 1)) lines.push(`${file}:${index + 1} ${text.slice(0, 40)}`);
  }
  return lines;
}

function main(): number {
  if (!existsSync(join(corpus, 'annotations.tsv'))) {
    console.error(`找不到语料：${corpus}（可用环境变量 SHUZHI_CORPUS 指定 real-pages 文件夹）`);
    return 2;
  }
  loadLexiconSync();
  const manifest = readTsv(join(corpus, 'manifest.tsv')).slice(1).map(([file, , kind, genre, titleLine]) => ({ file, kind, genre, titleLine: Number(titleLine) }));
  const annotationRows = readTsv(join(corpus, 'annotations.tsv')).slice(1);
  const verdicts = loadVerdicts();
  const floors = JSON.parse(readFileSync(join(here, 'floors.json'), 'utf8')) as {
    recall: Record<string, number>; precision: Record<string, number>; falseAlarmsAtMost: number; overreachAtMost: number; titleLines: number; genres: number;
  };

  const recall = new Map<string, { found: number; total: number; missed: string[] }>();
  const perRule = new Map<string, { annotated: number; T: number; F: number; C: number; unjudged: number }>();
  const outside: string[] = [];
  const onChrome: string[] = [];
  const overreach: string[] = [];
  const unjudged: string[] = [];
  const usedVerdicts = new Set<string>();
  let titleLinesRight = 0;
  let genresRight = 0;
  const titleMisses: string[] = [];
  const genreMisses: string[] = [];

  for (const entry of manifest) {
    const source = readFileSync(join(corpus, 'texts', entry.file), 'utf8');
    const { findings, model } = lint(source);
    const lineStarts = model.lineStarts;
    const annotations: Annotation[] = annotationRows.filter((row) => row[0] === entry.file).map(([file, line, column, text, kind, note]) => {
      const start = lineStarts[Number(line) - 1] + Number(column) - 1;
      return { file, line: Number(line), column: Number(column), text, kind, note, start, end: start + text.length };
    });

    const foundTitle = model.title ? lineOfOffset(lineStarts, model.lines[model.title.lineIndexes[0]].map[0]) + 1 : 0;
    if (foundTitle === entry.titleLine) titleLinesRight++;
    else titleMisses.push(`${entry.file}: 标题行 ${foundTitle}，应为 ${entry.titleLine}`);
    const genre = model.profile?.id ?? '';
    if (genre === entry.genre) genresRight++;
    else genreMisses.push(`${entry.file}: 文种 ${genre || '（未识别）'}，应为 ${entry.genre}`);

    for (const annotation of annotations) {
      const bucket = recall.get(annotation.kind) ?? { found: 0, total: 0, missed: [] };
      recall.set(annotation.kind, bucket);
      bucket.total++;
      const rules = RULES_OF_KIND[annotation.kind] ?? [];
      if (findings.some((finding) => rules.includes(finding.rule) && overlaps(finding, annotation))) bucket.found++;
      else bucket.missed.push(`${annotation.file}:${annotation.line}:${annotation.column} ${annotation.text}  (${annotation.note})`);
    }
    for (const finding of findings) {
      const counts = perRule.get(finding.rule) ?? { annotated: 0, T: 0, F: 0, C: 0, unjudged: 0 };
      perRule.set(finding.rule, counts);
      const touched = annotations.filter((annotation) => overlaps(finding, annotation));
      if (touched.some((annotation) => RULES_OF_KIND[annotation.kind]?.includes(finding.rule))) {
        counts.annotated++;
        if (finding.rule === 'template-residue') overreach.push(...linesNotChrome(entry.file, source, lineStarts, finding, annotations));
        continue;
      }
      const line = lineOfOffset(lineStarts, finding.start) + 1;
      const column = finding.start - lineStarts[line - 1] + 1;
      const text = source.slice(finding.start, Math.min(finding.end, finding.start + 40)).split(/\r?\n/)[0];
      const key = verdictKey(entry.file, line, column, finding.rule, digest(text));
      const verdict = verdicts.get(key);
      const shown = `${entry.file}:${line}:${column} ${finding.severity} ${finding.rule} “${text}” ${finding.message}`;
      if (touched.some((annotation) => annotation.kind === 'residue')) {
        // Page chrome is deleted, never corrected: any other rule's finding there is a false alarm.
        counts.F++;
        onChrome.push(`F ${shown}`);
      } else if (verdict) {
        usedVerdicts.add(key);
        counts[verdict.verdict]++;
        outside.push(`${verdict.verdict} ${shown}${verdict.note ? `  — ${verdict.note}` : ''}`);
      } else {
        counts.unjudged++;
        unjudged.push(`${key}\t?\t${finding.message}`);
        outside.push(`? ${shown}`);
      }
    }
  }

  const failures: string[] = [];
  console.log(`语料：${corpus}（${manifest.length} 篇，${annotationRows.length} 处标注）\n`);
  console.log('召回（按标注类别，由对应规则找到）');
  for (const [kind, bucket] of [...recall].sort((a, b) => b[1].total - a[1].total)) {
    const floor = floors.recall[kind] ?? 0;
    const mark = bucket.found < floor ? `  ✖ 低于下限 ${floor}` : bucket.found > floor ? `  （下限 ${floor}，可以提高）` : '';
    if (bucket.found < floor) failures.push(`${kind} 召回 ${bucket.found} < ${floor}`);
    console.log(`  ${kind.padEnd(16)} ${String(bucket.found).padStart(3)}/${bucket.total}${mark}`);
    if (verbose) for (const missed of bucket.missed) console.log(`      漏：${missed}`);
  }

  console.log('\n精确率（按规则：碰到标注的 + 判为真问题的，除以 除“截断造成”外的全部；未判定的按误报计）');
  let falseAlarms = 0;
  for (const [rule, counts] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) {
    const right = counts.annotated + counts.T;
    const judged = right + counts.F + counts.unjudged;
    const precision = judged === 0 ? 1 : right / judged;
    falseAlarms += counts.F + counts.unjudged;
    const floor = floors.precision[rule] ?? 0;
    if (precision + 1e-9 < floor) failures.push(`${rule} 精确率 ${precision.toFixed(2)} < ${floor}`);
    console.log(`  ${rule.padEnd(22)} ${precision.toFixed(2)}  标注 ${counts.annotated}，真 ${counts.T}，误 ${counts.F}，截断 ${counts.C}，未判定 ${counts.unjudged}${precision + 1e-9 < floor ? `  ✖ 低于下限 ${floor}` : ''}`);
  }
  console.log(`网页残留的删除范围里不是残留的行：${overreach.length}（上限 ${floors.overreachAtMost}）`);
  for (const line of overreach) console.log(`  ${line}`);
  if (overreach.length > floors.overreachAtMost) failures.push(`删除网页残留会删掉 ${overreach.length} 行报告内容 > ${floors.overreachAtMost}`);
  if (falseAlarms > floors.falseAlarmsAtMost) failures.push(`未碰到标注的误报 ${falseAlarms} > ${floors.falseAlarmsAtMost}`);
  console.log(`\n误报（含未判定和落在残留上的）：${falseAlarms}（上限 ${floors.falseAlarmsAtMost}）`);

  console.log(`标题行正确：${titleLinesRight}/${manifest.length}（下限 ${floors.titleLines}）`);
  if (titleLinesRight < floors.titleLines) failures.push(`标题行 ${titleLinesRight} < ${floors.titleLines}`);
  if (verbose) for (const miss of titleMisses) console.log(`  ${miss}`);
  console.log(`文种正确：${genresRight}/${manifest.length}（下限 ${floors.genres}）`);
  if (genresRight < floors.genres) failures.push(`文种 ${genresRight} < ${floors.genres}`);
  if (verbose) for (const miss of genreMisses) console.log(`  ${miss}`);

  console.log(`\n落在网页残留上的其他规则的问题（都算误报）：${onChrome.length}`);
  for (const line of onChrome) console.log(`  ${line}`);
  console.log('\n未碰到对应类别标注的问题（T 真问题，F 误报，C 截断造成，? 未判定）');
  for (const line of outside) console.log(`  ${line}`);
  const stale = [...verdicts.keys()].filter((key) => !usedVerdicts.has(key));
  if (stale.length > 0) console.log(`\n${stale.length} 条判定已不再对应任何问题（可从 verdicts.tsv 删去）`);
  if (verbose) for (const key of stale) console.log(`  ${key.replace(/\t/g, " ")}`);
  if (unjudged.length > 0) {
    failures.push(`${unjudged.length} 个问题未判定：把判定写进 test/eval/verdicts.tsv（npm run eval -- --unjudged 列出待填的行）`);
    if (printUnjudged) console.log(`\n待判定（file, line, column, rule, text sha256, verdict, note）：\n${unjudged.join('\n')}`);
  }
  if (failures.length > 0) {
    console.log(`\n✖ ${failures.join('\n✖ ')}`);
    return 1;
  }
  console.log('\n✔ 各项不低于下限');
  return 0;
}

process.exitCode = main();
