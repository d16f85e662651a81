import type { SampleOverview } from '../model';
import { breakdownRuleRow, groupLabel } from '../breakdownRuleTables';
import { breakdownRows, percent, shareOf } from '../wording';
import { csvTable, type CsvCell } from './csvTable';
import { CONFIGURATION_ROW, configurationCsvRows, switchedOffText } from './configRows';

export const BREAKDOWN_COLUMNS = [
  'breakdown',
  'breakdown_title',
  'dimensions',
  'group',
  'group_kind',
  'files',
  'files_failing_any',
  'pack',
  'rule',
  'title',
  'failed',
  'passed',
  'applicable',
  'failed_percent',
  'ci_low',
  'ci_high',
  'passed_percent',
  'passed_ci_low',
  'passed_ci_high',
] as const;

/**
 * The breakdowns in long format, one row per breakdown × group × rule, so a spreadsheet or script
 * can filter and pivot them whatever the number of rules: the group's labels (`group`, joined by
 * " × " as `dimensions` are), whether the row is a `group`, a `subtotal` of the groups sharing the
 * first label or `total` (all files), the files in it and those failing any rule; then the rule's
 * outcomes there, the failed share of the files it was decided for and its 95% Wilson interval,
 * and the passed share (blank when the rule was decided for no file of the group).
 */
export function breakdownsCsv(report: SampleOverview): string {
  const width = BREAKDOWN_COLUMNS.length;
  // A broken configuration first (rule "configuration"), switched-off rules last: what the
  // breakdowns do not count is never silent.
  const notice = configurationCsvRows(report.sample, width, (text) => ({ 8: CONFIGURATION_ROW, 9: text }));
  const off = (report.sample.switchedOff ?? []).map((rule) => {
    const row: CsvCell[] = Array<CsvCell>(width).fill('');
    row.splice(7, 3, rule.pack, rule.rule, `${rule.title} (${switchedOffText(rule, report.sample.folder)})`);
    return row;
  });
  return csvTable(BREAKDOWN_COLUMNS, [...notice, ...breakdownCsvRows(report), ...off]);
}

/** The rows of `breakdownsCsv`, for tables that put columns in front (a report across samples). */
export function breakdownCsvRows(report: Pick<SampleOverview, 'breakdowns' | 'rules'>): CsvCell[][] {
  return report.breakdowns.flatMap((breakdown) =>
    breakdownRows(breakdown, report.rules).flatMap((row) =>
      report.rules.map((rule, index): CsvCell[] => {
        const cell = breakdownRuleRow(row, index);
        const failed = shareOf(cell, 'failed');
        const passed = shareOf(cell, 'passed');
        return [
          breakdown.id,
          breakdown.title,
          groupLabel(breakdown.dimensions),
          groupLabel(row.labels),
          row.total ? 'total' : row.subtotal ? 'subtotal' : 'group',
          row.files,
          row.filesFailingAny,
          rule.pack,
          rule.rule,
          rule.title,
          cell.failed,
          cell.passed,
          cell.applicable,
          ...(failed ? [percent(failed.percent), percent(failed.low), percent(failed.high)] : ['', '', '']),
          ...(passed ? [percent(passed.percent), percent(passed.low), percent(passed.high)] : ['', '', '']),
        ];
      }),
    ),
  );
}
