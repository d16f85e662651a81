import { notAudited, type FileReport, type RuleSet, type Severity, type VerdictDeclaration } from '../engine';
import type { Breakdown, BreakdownGroup, BreakdownId, OutcomeCounts, RuleSummary, SampleSummary } from './model';
import { verdictSummary, type VerdictCounts } from './verdictStatus';

export interface BreakdownDefinition {
  id: BreakdownId;
  title: string;
  dimensions: string[];
  labels(report: FileReport): string[];
}

/** The breakdowns every summary cuts by: the one list the tallies and the timeliness tables read. */
export const BREAKDOWN_DEFINITIONS: readonly BreakdownDefinition[] = [
  {
    id: 'categoryAttendance',
    title: 'By crime category and attendance',
    dimensions: ['Category', 'Attendance'],
    labels: (report) => [
      categoryOf(report),
      report.facts?.attendance ?? (report.facts ? 'not recorded' : 'unreadable'),
    ],
  },
  {
    id: 'domesticAbuse',
    title: 'Domestic abuse',
    dimensions: ['Domestic abuse'],
    labels: (report) => [
      report.facts?.domesticAbuse === true ? 'domestic abuse' : report.facts ? 'not domestic abuse' : 'unreadable',
    ],
  },
];

/**
 * A breakdown by the values at field paths (read off each file as `facts.sampled`): a file with
 * several values at a path (a list) is labelled with all of them, "not recorded" with none.
 */
export function fieldBreakdown(paths: readonly string[]): BreakdownDefinition {
  return {
    id: `by:${paths.join('+')}`,
    title: `By ${paths.join(' and ')}`,
    dimensions: [...paths],
    labels: (report) =>
      paths.map((path) => {
        if (!report.facts) return 'unreadable';
        const values = [...new Set((report.facts.sampled?.[path] ?? []).map(String))].sort();
        return values.length === 0 ? 'not recorded' : values.join(', ');
      }),
  };
}

function categoryOf(report: FileReport): string {
  if (!report.facts) return 'unreadable';
  if (report.facts.category) return report.facts.category;
  return report.facts.kind && report.facts.kind !== 'crime' ? report.facts.kind : 'unknown';
}

const emptyOutcomes = (): OutcomeCounts => ({
  failed: 0,
  passed: 0,
  notApplicable: 0,
  awaitingJudgment: 0,
  notAudited: 0,
});

/**
 * Running totals over a sample's file reports. Replacing or removing one file's report costs
 * O(rules of that file), not a pass over the sample: this is what keeps the summary webview live on
 * large samples. `summarize()` is this tally filled once.
 */
export class SampleTally {
  private readonly reports = new Map<string, FileReport>();
  private readonly rules = new Map<string, RuleSummary>();
  private readonly verdicts: Array<{ declaration: VerdictDeclaration; watched: Set<string>; counts: VerdictCounts }> =
    [];
  /** The fixed breakdowns, then one per `breakdowns` entry (field paths, one per dimension). */
  readonly definitions: readonly BreakdownDefinition[];
  private readonly groups: Array<Map<string, BreakdownGroup>>;
  private readonly findings: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  private filesWithSyntaxErrors = 0;
  private filesWithSchemaErrors = 0;
  private filesWithInternalErrors = 0;
  private filesWithFindings = 0;
  /** Files counted without their reports kept (`retainReports: false`). */
  private counted = 0;
  private readonly retainReports: boolean;

  /**
   * Rules (and verdicts) are those of `ruleSets`, in order; results for other rules are ignored.
   * With `retainReports: false` (a batch audit of any size) only the counts are kept: each report
   * is added once, and cannot be replaced, removed or listed.
   */
  constructor(
    readonly ruleSets: readonly RuleSet[],
    options: { breakdowns?: ReadonlyArray<readonly string[]>; retainReports?: boolean } = {},
  ) {
    this.retainReports = options.retainReports ?? true;
    this.definitions = [...BREAKDOWN_DEFINITIONS, ...(options.breakdowns ?? []).map(fieldBreakdown)];
    this.groups = this.definitions.map(() => new Map<string, BreakdownGroup>());
    const declared = new Set<string>();
    for (const ruleSet of ruleSets) {
      for (const rule of ruleSet.rules) {
        if (!this.rules.has(rule.id)) {
          this.rules.set(rule.id, {
            rule: rule.id,
            title: rule.title,
            severity: rule.severity,
            ...emptyOutcomes(),
            reviewed: 0,
            overridden: 0,
            confirmed: 0,
            disputed: 0,
          });
        }
      }
      for (const pack of ruleSet.packs) {
        for (const verdict of pack.verdicts) {
          if (declared.has(verdict.id)) continue;
          declared.add(verdict.id);
          this.verdicts.push({
            declaration: verdict,
            watched: new Set(verdict.rules),
            counts: { failedFiles: 0, applicableFiles: 0, awaitingFiles: 0 },
          });
        }
      }
    }
  }

  get size(): number {
    return this.retainReports ? this.reports.size : this.counted;
  }

  get(path: string): FileReport | undefined {
    return this.reports.get(path);
  }

  /** The reports tallied, in the order they were first added. */
  files(): IterableIterator<FileReport> {
    return this.reports.values();
  }

  /** Adds a file's report, replacing any earlier report for the same path. */
  set(report: FileReport): void {
    if (!this.retainReports) {
      this.counted++;
      this.apply(report, +1);
      return;
    }
    const previous = this.reports.get(report.path);
    if (previous) this.apply(previous, -1);
    this.reports.set(report.path, report);
    this.apply(report, +1);
  }

  /** Removes a file; true when it was tallied. */
  delete(path: string): boolean {
    const previous = this.reports.get(path);
    if (!previous) return false;
    this.apply(previous, -1);
    this.reports.delete(path);
    return true;
  }

  summary(): SampleSummary {
    return {
      files: this.size,
      filesWithSyntaxErrors: this.filesWithSyntaxErrors,
      filesWithSchemaErrors: this.filesWithSchemaErrors,
      filesWithInternalErrors: this.filesWithInternalErrors,
      findings: { ...this.findings },
      rules: [...this.rules.values()].map((rule) => ({ ...rule })),
      verdicts: this.verdicts.map(({ declaration, counts }) => verdictSummary(declaration, counts)),
    };
  }

  /** Files with at least one finding (syntax and schema findings included). */
  get withFindings(): number {
    return this.filesWithFindings;
  }

  breakdowns(): Breakdown[] {
    return this.definitions.map((definition, index) => ({
      id: definition.id,
      title: definition.title,
      dimensions: definition.dimensions,
      groups: [...this.groups[index].values()]
        .map((group) => ({
          ...group,
          labels: [...group.labels],
          rules: Object.fromEntries(Object.entries(group.rules).map(([id, counts]) => [id, { ...counts }])),
        }))
        .sort((a, b) => compareLabels(a.labels, b.labels)),
    }));
  }

  private apply(report: FileReport, sign: 1 | -1): void {
    if (report.syntaxError) this.filesWithSyntaxErrors += sign;
    if (report.schemaError) this.filesWithSchemaErrors += sign;
    if (report.internalError) this.filesWithInternalErrors += sign;
    if (report.findings.length > 0) this.filesWithFindings += sign;
    for (const finding of report.findings) this.findings[finding.severity] += sign;

    const judged = new Set<string>();
    let failedAny = false;
    for (const result of report.results) {
      const tally = this.rules.get(result.rule);
      if (!tally) continue;
      judged.add(result.rule);
      tally[result.outcome] += sign;
      if (result.reviewer !== undefined) tally.reviewed += sign;
      if (result.machineOutcome !== undefined && result.machineOutcome !== result.outcome && !result.disputed)
        tally.overridden += sign;
      if (result.confirmed) tally.confirmed += sign;
      if (result.disputed) tally.disputed += sign;
      if (result.outcome === 'failed') failedAny = true;
    }
    if (notAudited(report))
      for (const tally of this.rules.values()) if (!judged.has(tally.rule)) tally.notAudited += sign;

    for (const { watched, counts } of this.verdicts) {
      let applicable = false;
      let failed = false;
      let awaiting = false;
      for (const result of report.results) {
        if (!watched.has(result.rule)) continue;
        if (result.outcome !== 'notApplicable' && result.outcome !== 'notAudited') applicable = true;
        if (result.outcome === 'failed') failed = true;
        if (result.outcome === 'awaitingJudgment') awaiting = true;
      }
      if (applicable) counts.applicableFiles += sign;
      if (failed) counts.failedFiles += sign;
      else if (awaiting) counts.awaitingFiles += sign;
    }

    this.definitions.forEach((definition, index) => {
      const labels = definition.labels(report);
      const key = labels.join('\u0000');
      const groups = this.groups[index];
      let group = groups.get(key);
      if (!group) {
        group = { labels, files: 0, filesFailingAny: 0, rules: {} };
        groups.set(key, group);
      }
      group.files += sign;
      if (failedAny) group.filesFailingAny += sign;
      for (const result of report.results) {
        if (!this.rules.has(result.rule)) continue;
        const counts = (group.rules[result.rule] ??= emptyOutcomes());
        counts[result.outcome] += sign;
      }
      if (group.files === 0) groups.delete(key);
    });
  }
}

function compareLabels(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = a[i].localeCompare(b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Per-rule tallies over a sample, in rule-set order (rules from every rule set seen). */
export function summarize(reports: readonly FileReport[], ruleSets: readonly RuleSet[]): SampleSummary {
  const tally = new SampleTally(ruleSets, { retainReports: false });
  for (const report of reports) tally.set(report);
  return tally.summary();
}
