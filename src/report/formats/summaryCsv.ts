import type { SampleOverview } from '../model';
import { csvTable, type CsvCell } from './csvTable';
import { percent } from '../wording';

export const SUMMARY_COLUMNS = [
  'pack',
  'rule',
  'title',
  'severity',
  'failed',
  'passed',
  'not_applicable',
  'awaiting_judgment',
  'not_audited',
  'applicable',
  'failed_percent',
  'ci_low',
  'ci_high',
  'reviewed',
  'overridden',
  'confirmed',
  'disputed',
] as const;

/**
 * One row per rule: outcome counts, the failed share of the files it was decided for (one
 * decimal) and its 95% Wilson interval (the three percentages are blank when no file applied);
 * then what reviewers did: files reviewed, machine outcomes overridden or confirmed, disputes.
 */
export function summaryCsv(report: SampleOverview): string {
  return csvTable(SUMMARY_COLUMNS, summaryRows(report));
}

/** The rows of `summaryCsv`, for tables that put columns in front (a report across samples). */
export function summaryRows(report: Pick<SampleOverview, 'rules'>): CsvCell[][] {
  return report.rules.map((rule) => [
    rule.pack,
    rule.rule,
    rule.title,
    rule.severity,
    rule.failed,
    rule.passed,
    rule.notApplicable,
    rule.awaitingJudgment,
    rule.notAudited,
    rule.applicable,
    rule.failedPercent === undefined ? '' : percent(rule.failedPercent),
    rule.interval ? percent(rule.interval.low) : '',
    rule.interval ? percent(rule.interval.high) : '',
    rule.reviewed,
    rule.overridden,
    rule.confirmed,
    rule.disputed,
  ]);
}
