import type { RuleResult } from '../engine';
import { wilsonInterval } from './wilson';
import { countOf } from './plural';
import type {
  Breakdown,
  BreakdownGroup,
  OutcomeCounts,
  RuleRow,
  SampleOverview,
  SampleTotals,
  VerdictStatus,
  VerdictSummary,
} from './model';

/** The wording every format shares (text, CSV, Markdown, HTML, the webview), so they never drift apart. */

export const OUTCOME_LABELS = {
  failed: 'failed',
  passed: 'passed',
  notApplicable: 'not applicable',
  awaitingJudgment: 'awaiting judgment',
  notAudited: 'not audited',
} as const;

/** One decimal, as HMIC and HMICFRS quote percentages. */
export const percent = (value: number): string => value.toFixed(1);

/**
 * Which share the reports show: failed (what the tool checks for, the default) or passed (how
 * inspectorates publish: Figure 15's "77% effective"). The same counts, the complement share.
 */
export type ShareKind = 'failed' | 'passed';
export const SHARE_KINDS: readonly ShareKind[] = ['failed', 'passed'];

/**
 * The share of `kind` and its 95% interval, in percent. The passed share is the complement of the
 * failed one, and so is its interval: Wilson's interval of n − x is 100 minus that of x, reversed.
 */
export function shareOf(
  row: Pick<RuleRow, 'failedPercent' | 'interval'>,
  kind: ShareKind = 'failed',
): { percent: number; low: number; high: number } | undefined {
  if (row.failedPercent === undefined || !row.interval) return undefined;
  if (kind === 'failed') return { percent: row.failedPercent, low: row.interval.low, high: row.interval.high };
  return { percent: 100 - row.failedPercent, low: 100 - row.interval.high, high: 100 - row.interval.low };
}

/** "68.0% (54.2–79.2)"; "—" when the rule applied to no file. */
export function shareWithInterval(
  row: Pick<RuleRow, 'failedPercent' | 'interval'>,
  kind: ShareKind = 'failed',
): string {
  const share = shareOf(row, kind);
  if (!share) return '—';
  return `${percent(share.percent)}% (${percent(share.low)}–${percent(share.high)})`;
}

/** "68.0% (54.2–79.2), n=50"; "—" when the rule applied to no file. */
export function shareText(row: RuleRow, kind: ShareKind = 'failed'): string {
  const share = shareWithInterval(row, kind);
  return share === '—' ? share : `${share}, n=${row.applicable}`;
}

/** "Investigation plan present: 68.0% failed, 95% CI 54.2–79.2%, n=50", for screen readers. */
export function shareDescription(row: RuleRow, kind: ShareKind = 'failed'): string {
  const share = shareOf(row, kind);
  if (!share) return `${row.title}: applied to no file`;
  return `${row.title}: ${percent(share.percent)}% ${kind}, 95% CI ${percent(share.low)}–${percent(share.high)}%, n=${row.applicable}`;
}

/** The words for a verdict's status, in one place; formats change only their case. */
export const VERDICT_STATUS_LABELS: Readonly<Record<VerdictStatus, string>> = {
  unsatisfactory: 'unsatisfactory',
  satisfactory: 'satisfactory',
  // A comparison with a national figure: the sample's failed share by its 95% interval.
  above: 'above the national figure',
  below: 'below the national figure',
  notDistinguishable: 'not distinguishable from the national figure',
  awaitingJudgment: 'awaiting judgment',
  notApplicable: 'not applicable',
};

/** "(3 files)" after "awaiting judgment": how many files still wait for a reviewer. */
export function awaitingFilesText(files: number): string {
  return `(${files} file${files === 1 ? '' : 's'})`;
}

/**
 * ": 26.0% failed (95% CI 15.9–39.6), n=50, against 23.4% nationally" after a comparison verdict's
 * status; "" for threshold verdicts and when no file was decided.
 */
export function nationalComparisonText(
  verdict: Partial<
    Pick<VerdictSummary, 'national' | 'failedPercent' | 'interval' | 'applicableFiles' | 'awaitingFiles'>
  >,
): string {
  const { national, failedPercent, interval } = verdict;
  if (!national || failedPercent === undefined || !interval) return '';
  const n = (verdict.applicableFiles ?? 0) - (verdict.awaitingFiles ?? 0);
  return `: ${percent(failedPercent)}% failed (95% CI ${percent(interval.low)}–${percent(interval.high)}), n=${n}, against ${percent(national.percent)}% nationally`;
}

/**
 * "Awaiting judgment (3 files)", "Unsatisfactory", "Not distinguishable from the national figure:
 * 26.0% failed (95% CI 15.9–39.6), n=50, against 23.4% nationally": a verdict's status in a
 * report's table.
 */
export function verdictStatusText(
  verdict: Pick<VerdictSummary, 'status' | 'awaitingFiles'> &
    Partial<Pick<VerdictSummary, 'national' | 'failedPercent' | 'interval' | 'applicableFiles'>>,
): string {
  const label = VERDICT_STATUS_LABELS[verdict.status];
  const text =
    verdict.status === 'awaitingJudgment'
      ? `${label} ${awaitingFilesText(verdict.awaitingFiles)}`
      : verdict.status === 'notApplicable'
        ? label
        : label + nationalComparisonText(verdict);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sample's header as label/value pairs, in the order the reports show them. */
export function headerItems(report: SampleOverview): Array<{ label: string; value: string }> {
  const { sample, totals } = report;
  const items: Array<{ label: string; value: string }> = [];
  const add = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') items.push({ label, value: String(value) });
  };
  add('Force', sample.force);
  add('Description', sample.description);
  if (sample.period && (sample.period.from || sample.period.to)) {
    const basis = sample.period.basis ? ` (by date ${sample.period.basis})` : '';
    add('Period', `${sample.period.from ?? '…'} to ${sample.period.to ?? '…'}${basis}`);
  }
  if (sample.selection)
    add('Selection', [sample.selection.method, sample.selection.description].filter(Boolean).join(': '));
  add('Declared sample size', sample.declaredSize);
  add('Rule packs', sample.packs.join(', '));
  add('Files audited', totals.files);
  add('Files with findings', totals.filesWithFindings);
  add('Files with syntax errors (not audited)', totals.filesWithSyntaxErrors);
  add('Files with schema errors', totals.filesWithSchemaErrors);
  if (totals.filesWithInternalErrors > 0) add('Files not audited (internal error)', totals.filesWithInternalErrors);
  return items;
}

/** A rule's failed share of the files it was decided for in a breakdown group: "3/10 (30%)", or "—". */
export function groupShareText(counts: Pick<OutcomeCounts, 'failed' | 'passed'> | undefined): string {
  const applicable = counts ? counts.failed + counts.passed : 0;
  if (!counts || applicable === 0) return '—';
  return `${counts.failed}/${applicable} (${Math.round((100 * counts.failed) / applicable)}%)`;
}

export interface BreakdownRow {
  /** One label per dimension; the "All files" row has a single label. */
  labels: string[];
  /** The row comparing every file (HMICFRS's "all files" beside the domestic abuse files). */
  total: boolean;
  /** A subtotal of the groups sharing the first label (two or more dimensions): labels [first, "all"]. */
  subtotal?: boolean;
  files: number;
  filesFailingAny: number;
  /** One cell per rule of the report, in the report's rule order. */
  rules: Array<Pick<OutcomeCounts, 'failed' | 'passed'> | undefined>;
}

/**
 * A breakdown's groups, then an "All files" row, each with one entry per rule of the report. With
 * two or more dimensions, each run of groups sharing the first label is followed by its subtotal
 * ("burglary_dwelling, all"): Lancashire's "of the other 30" without a hand sum.
 */
export function breakdownRows(breakdown: Breakdown, rules: readonly RuleRow[]): BreakdownRow[] {
  const rowOf = (groups: readonly BreakdownGroup[]) => ({
    files: groups.reduce((sum, group) => sum + group.files, 0),
    filesFailingAny: groups.reduce((sum, group) => sum + group.filesFailingAny, 0),
    rules: rules.map((rule) => {
      const counts = groups.flatMap((group) => (group.rules[rule.rule] ? [group.rules[rule.rule]] : []));
      if (counts.length === 0) return undefined;
      return {
        failed: counts.reduce((sum, count) => sum + count.failed, 0),
        passed: counts.reduce((sum, count) => sum + count.passed, 0),
      };
    }),
  });
  const rows: BreakdownRow[] = [];
  const subtotals = breakdown.dimensions.length > 1;
  breakdown.groups.forEach((group, index) => {
    rows.push({ labels: group.labels, total: false, ...rowOf([group]) });
    const next = breakdown.groups[index + 1];
    if (subtotals && next?.labels[0] !== group.labels[0]) {
      const run = breakdown.groups.filter((candidate) => candidate.labels[0] === group.labels[0]);
      if (run.length > 1)
        rows.push({
          labels: [group.labels[0], ...breakdown.dimensions.slice(1).map(() => 'all')],
          total: false,
          subtotal: true,
          ...rowOf(run),
        });
    }
  });
  rows.push({
    labels: ['All files'],
    total: true,
    ...rowOf(breakdown.groups),
    rules: rules.map((rule) => ({ failed: rule.failed, passed: rule.passed })),
  });
  return rows;
}

/** 1-based line of a 0-based position. */
export const lineOf = (range: { start: { line: number } }): number => range.start.line + 1;

/** Why some files count in no column of the rules table, or undefined when every file was audited. */
export function unauditedNote(
  totals: Pick<SampleTotals, 'filesWithSyntaxErrors' | 'filesWithInternalErrors'>,
  rules: ReadonlyArray<Pick<RuleRow, 'rule' | 'notAudited'>> = [],
): string | undefined {
  const notes: string[] = [];
  const wholeFiles = totals.filesWithSyntaxErrors + totals.filesWithInternalErrors;
  const brokenFields = rules
    .filter((rule) => rule.notAudited > wholeFiles)
    .map((rule) => `${rule.rule} ${rule.notAudited - wholeFiles}`);
  if (brokenFields.length > 0) {
    notes.push(
      `Not audited where a rule read a field that breaks the crime-file schema (files per rule: ${brokenFields.join(', ')}); those files count in no column of that rule.`,
    );
  }
  if (totals.filesWithSyntaxErrors > 0) {
    notes.push(
      `${countOf(totals.filesWithSyntaxErrors, 'file')} with syntax errors could not be audited and count in no column.`,
    );
  }
  if (totals.filesWithInternalErrors > 0) {
    notes.push(
      `${countOf(totals.filesWithInternalErrors, 'file')} could not be audited because of an internal error and count in no column: the results are incomplete.`,
    );
  }
  return notes.length > 0 ? notes.join(' ') : undefined;
}

/** A reviewer's decision on one rule of one file, without who or why: "answered not_effective → failed". */
export function decisionText(result: RuleResult): string {
  if (result.disputed)
    return `disputed: ${result.disputed.map((position) => `${position.reviewer} ${position.value}`).join('; ')}`;
  if (result.judgment !== undefined) return `answered ${result.judgment} → ${OUTCOME_LABELS[result.outcome]}`;
  if (result.confirmed) return `confirmed: ${OUTCOME_LABELS[result.outcome]}`;
  if (result.machineOutcome !== undefined && result.machineOutcome !== result.outcome)
    return `overridden: ${OUTCOME_LABELS[result.outcome]} (machine: ${OUTCOME_LABELS[result.machineOutcome]})`;
  return OUTCOME_LABELS[result.outcome];
}

/**
 * The decision with who and why, in words every format shares: "answered not_effective → failed
 * (INSP-07): Filed after one phone call.", "overridden: failed (machine: passed) (INSP-07): …".
 */
export function reviewText(result: RuleResult): string {
  if (result.disputed) return decisionText(result);
  const who = `(${(result.reviewers ?? [result.reviewer]).join(', ')})`;
  const note = result.note?.trim() ? `: ${result.note.trim()}` : '';
  return `${decisionText(result)} ${who}${note}`;
}

/**
 * "2 of 9 (22.2%, 95% CI 6.3–54.7)": how often reviewers overrode a machine check, of the files they
 * reviewed on it — how far the check agrees with people reading the files.
 */
export function overrideShare(rule: Pick<RuleRow, 'overridden' | 'reviewed'>): string {
  const interval = wilsonInterval(rule.overridden, rule.reviewed);
  if (!interval) return '—';
  const share = percent((100 * rule.overridden) / rule.reviewed);
  return `${rule.overridden} of ${rule.reviewed} (${share}%, 95% CI ${percent(interval.low)}–${percent(interval.high)})`;
}
