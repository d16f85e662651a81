import type { RuleRow, SampleOverview } from '../model';
import { csvTable, type CsvCell } from './csvTable';
import { percent, shareOf } from '../wording';
import { CONFIGURATION_ROW, configurationCsvRows, switchedOffText } from './configRows';

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
  'passed_percent',
  'passed_ci_low',
  'passed_ci_high',
] as const;

/**
 * One row per rule: outcome counts, the failed share of the files it was decided for (one
 * decimal) and its 95% Wilson interval (the three percentages are blank when no file applied);
 * then what reviewers did: files reviewed, machine outcomes overridden or confirmed, disputes.
 */
export function summaryCsv(report: SampleOverview): string {
  const width = SUMMARY_COLUMNS.length;
  // A broken configuration comes first (rule "configuration", severity "error"); switched-off rules
  // last, with severity "off" and no counts: neither is ever left out.
  const notice = configurationCsvRows(report.sample, width, (text) => ({ 1: CONFIGURATION_ROW, 2: text, 3: 'error' }));
  const off = (report.sample.switchedOff ?? []).map((rule) => {
    const row: CsvCell[] = Array<CsvCell>(width).fill('');
    row.splice(0, 4, rule.pack, rule.rule, `${rule.title} (${switchedOffText(rule, report.sample.folder)})`, 'off');
    return row;
  });
  return csvTable(SUMMARY_COLUMNS, [...notice, ...summaryRows(report), ...off]);
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
    ...passedColumns(rule),
  ]);
}

/** The passed share and its interval, as inspectorates publish it; blank when no file applied. */
function passedColumns(rule: RuleRow): CsvCell[] {
  const share = shareOf(rule, 'passed');
  return share ? [percent(share.percent), percent(share.low), percent(share.high)] : ['', '', ''];
}
