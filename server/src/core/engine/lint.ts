/** The checking core's entry point: Markdown in, findings out. No editor or protocol imports. */
import { DEFAULT_READING_SPEED, draftLength, type ImageSizes, type Limits, limitsOf } from '../features/length';
import { lexiconInUse } from '../lexicon/lexicon';
import { buildModel, type ReportModel } from '../reading/model';
import { BUILTIN_PROFILES, mergeProfiles, type Profile } from '../lexicon/profiles';
import type { RuleContext } from './rule';
import { type IgnoredFinding, withoutIgnored } from './ignore';
import { RULES } from '../rules/index';
import { Suppressions } from './suppress';
import { countAtOrBefore } from './sorted';
import type { Finding, Severity, SeveritySetting } from './types';
import { compileUserPattern, patternTooCostly, type UserPattern } from './patterns';
import type { PhraseEntry } from '../lexicon/phrases';

export interface LintConfig {
  /** Rule id → severity or "off". */
  rules?: Record<string, SeveritySetting>;
  /** Genre id; front matter `profile:` wins over it. */
  profile?: string;
  /** Extra placeholder patterns (regular expressions, run in a linear-time engine). */
  placeholders?: string[];
  /** Words and spellings never reported by the wording rules (县县通, 全区). */
  allow?: string[];
  /** Single findings the writer chose to ignore, each known by its words and their context. */
  ignore?: IgnoredFinding[];
  /** Extra wrong → right spellings for fixed-phrase. */
  phrases?: PhraseEntry[];
  genres?: Profile[];
  /** Report every skipped heading level (一、 straight to 1.), not only levels used in reverse order. */
  strictHierarchy?: boolean;
  /** Genre id → section id → extra heading synonyms. */
  synonyms?: Record<string, Record<string, string[]>>;
  /** Word export: font names and the bold-lead custom. */
  export?: ExportSettings;
  /** Length limits; front matter `limits:` wins over them. */
  limits?: Limits;
  /** Characters a minute when the report is read out. */
  readingSpeed?: number;
}

export interface ExportSettings {
  fonts?: Partial<Record<'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'pageNumber' | 'latin', string>>;
  boldEnumerationLead?: boolean;
}

export interface LintResult {
  findings: Finding[];
  model: ReportModel;
  /** Configuration not used on this text, and why (a placeholder pattern too costly for its length). */
  notes?: string[];
}

export function profilesFor(config: LintConfig): Profile[] {
  return mergeProfiles(BUILTIN_PROFILES, config.genres, config.synonyms);
}

/** 0 is the most severe. */
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Source ranges of page chrome, sorted, for a lookup per finding. */
class ResidueRanges {
  private readonly starts: number[] = [];
  /** The furthest end of any range starting at or before each one: a line's range can hold a span's. */
  private readonly reach: number[] = [];

  constructor(model: ReportModel) {
    const ranges = model.residue.map((residue) => {
      const line = model.lines[residue.lineIndex];
      return { start: line.map[residue.start], end: line.map[residue.end] };
    }).sort((a, b) => a.start - b.start);
    for (const range of ranges) {
      this.starts.push(range.start);
      this.reach.push(Math.max(range.end, this.reach[this.reach.length - 1] ?? -1));
    }
  }

  /** Whether a finding starts inside chrome (a punctuation pair that begins in a page marker included). */
  covers(start: number): boolean {
    const before = countAtOrBefore(this.starts, (at) => at, start);
    return before > 0 && start < this.reach[before - 1];
  }
}

export function lint(source: string, config: LintConfig = {}, images: ImageSizes = {}): LintResult {
  const profiles = profilesFor(config);
  const model = buildModel(source, { profiles, profile: config.profile });
  const suppressions = new Suppressions(model.comments, source, model.lineStarts);
  const chrome = new ResidueRanges(model);
  const findings: Finding[] = [];
  // Invalid patterns are reported where the configuration is read; here they are only skipped.
  const readingSpeed = config.readingSpeed ?? DEFAULT_READING_SPEED;
  const limits = limitsOf(model, config.limits);
  const length = () => draftLength(model, readingSpeed, images);
  const lexicon = lexiconInUse();
  const extraPlaceholders: UserPattern[] = [];
  const notes: string[] = [];
  for (const pattern of (config.placeholders ?? []).map(compileUserPattern)) {
    if (typeof pattern === 'string') continue;
    const tooCostly = patternTooCostly(pattern, source.length);
    if (tooCostly) notes.push(tooCostly);
    else extraPlaceholders.push(pattern);
  }

  // What every rule reads alike, made once.
  const profileIds = profiles.map((profile) => profile.id);
  const options = { strictHierarchy: config.strictHierarchy === true, limits, readingSpeed };
  const allow = config.allow ?? [];
  const phrases = config.phrases ?? [];
  for (const rule of RULES) {
    const setting = config.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off' || (rule.meta.structure && model.aboutReports)) continue;
    const context: RuleContext = {
      model,
      extraPlaceholders,
      profileIds,
      options,
      length,
      allow,
      phrases,
      lexicon,
      report(report) {
        if (suppressions.isSuppressed(rule.meta.id, report.start)) return;
        // Page chrome is deleted, not corrected: only template-residue speaks about it.
        if (rule.meta.id !== 'template-residue' && chrome.covers(report.start)) return;
        const { severityAtMost } = report;
        const severity = severityAtMost && SEVERITY_RANK[severityAtMost] > SEVERITY_RANK[setting] ? severityAtMost : setting;
        // Most reports carry no cap: copied whole, without a copy that leaves the cap out.
        if (!('severityAtMost' in report)) findings.push({ rule: rule.meta.id, severity, ...report });
        else {
          const { severityAtMost: _cap, ...rest } = report;
          findings.push({ rule: rule.meta.id, severity, ...rest });
        }
      },
    };
    rule.check(context);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  const kept = withoutIgnored(source, oneFindingPerGap(source, findings), config.ignore ?? []);
  return notes.length > 0 ? { findings: kept, model, notes } : { findings: kept, model };
}

/** Rules that report a hole left to fill: a space there is part of the hole, not a spacing mistake of its own. */
const GAP_RULES = new Set(['missing-number', 'placeholder', 'name-gap']);

/** A gap is reported once, by the rule that says what is missing (投入资金  万元 is not also a stray space). */
function oneFindingPerGap(source: string, findings: Finding[]): Finding[] {
  const gaps = findings.filter((finding) => GAP_RULES.has(finding.rule));
  if (gaps.length === 0) return findings;
  // Gaps are sorted by start; the furthest end so far tells whether any gap starting before a space reaches it.
  const furthestEnd: number[] = [];
  gaps.forEach((gap, index) => furthestEnd.push(Math.max(gap.end, index > 0 ? furthestEnd[index - 1] : -1)));
  const inGap = (start: number, end: number) => {
    const before = countAtOrBefore(gaps, (gap) => gap.start, end);
    return before > 0 && furthestEnd[before - 1] >= start;
  };
  return findings.filter((finding) =>
    finding.rule !== 'punctuation' || !/^[\s\u3000]+$/.test(source.slice(finding.start, finding.end)) || !inGap(finding.start, finding.end));
}
