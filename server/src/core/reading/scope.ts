/**
 * Whether a Markdown file is checked when the user has not said: a report is, a note or README is not.
 * Decided from the model, so the editor, the CLI's outline and the status item agree.
 */
import type { ReportModel } from './model';
import type { Finding } from '../engine/types';

export type ScopeReason = 'genre' | 'configured' | 'structure' | 'placeholders' | 'not-report';

export interface ScopeDecision {
  checked: boolean;
  reason: ScopeReason;
  /** Why, in Chinese, for the status item and `shuzhi outline`. */
  explanation: string;
}

const MIN_CHINESE = 100;
const HAN = /[\u4e00-\u9fff]/g;
const VISIBLE = /\S/g;

/** Mostly Chinese prose, long enough to be a report. */
function chineseBody(model: ReportModel): boolean {
  let han = 0;
  let visible = 0;
  model.lines.forEach((line, index) => {
    if (model.roles[index] === 'residue') return;
    han += line.text.match(HAN)?.length ?? 0;
    visible += line.text.match(VISIBLE)?.length ?? 0;
  });
  return han >= MIN_CHINESE && han * 2 >= visible;
}

/** `configured`: the draft sits under a .shuzhirc.json, which says its folder holds reports. */
export function decideScope(model: ReportModel, findings: readonly Finding[], configured = false): ScopeDecision {
  if (model.profile) return { checked: true, reason: 'genre', explanation: `识别为${model.profile.id}` };
  if (configured) return { checked: true, reason: 'configured', explanation: '文稿所在文件夹（或上级文件夹）有 .shuzhirc.json' };
  if (!chineseBody(model)) {
    return { checked: false, reason: 'not-report', explanation: '没有识别出文种，正文也不像报告（中文正文太少）' };
  }
  const ordinalHeadings = model.headings.filter((heading) => heading.ordinal && heading.level <= 2).length;
  const formulas = [model.salutationLine, model.closingLine].some((line) => line !== undefined)
    || (model.openingLine !== undefined && /如下/.test(model.lines[model.openingLine].text));
  if (ordinalHeadings >= 2 || formulas) {
    return { checked: true, reason: 'structure', explanation: '没有识别出文种，但有报告的结构（序号标题、开头语或结束语）' };
  }
  if (findings.some((finding) => finding.rule === 'placeholder' || finding.rule === 'missing-number' || finding.rule === 'template-residue')) {
    return { checked: true, reason: 'placeholders', explanation: '没有识别出文种，但中文正文中有未填的占位符或模板残留' };
  }
  return { checked: false, reason: 'not-report', explanation: '没有识别出文种，也没有报告的结构（序号标题、开头语、结束语）' };
}
