import type { SampleOverview } from '../model';
import { percent, VERDICT_STATUS_LABELS } from '../wording';
import { csvTable, type CsvCell } from './csvTable';
import { CONFIGURATION_ROW, configurationCsvRows } from './configRows';

export const VERDICT_COLUMNS = [
  'pack',
  'verdict',
  'title',
  'status',
  'failed_files',
  'awaiting_files',
  'applicable_files',
  'threshold',
  'rules',
  'failed_percent',
  'ci_low',
  'ci_high',
  'national_failed',
  'national_of',
  'national_percent',
] as const;

/** One row per sample-level verdict (the rules it watches separated by spaces). */
export function verdictsCsv(report: SampleOverview): string {
  // A broken configuration comes first: verdicts over missing rules are not the packs' verdicts.
  const notice = configurationCsvRows(report.sample, VERDICT_COLUMNS.length, (text) => ({
    1: CONFIGURATION_ROW,
    2: text,
    3: 'configuration problem',
  }));
  return csvTable(VERDICT_COLUMNS, [...notice, ...verdictRows(report)]);
}

/** The rows of `verdictsCsv`, for tables that put columns in front (a report across samples). */
export function verdictRows(report: Pick<SampleOverview, 'verdicts'>): CsvCell[][] {
  return report.verdicts.map((verdict) => [
    verdict.pack,
    verdict.verdict,
    verdict.title,
    VERDICT_STATUS_LABELS[verdict.status],
    verdict.failedFiles,
    verdict.awaitingFiles,
    verdict.applicableFiles,
    verdict.threshold,
    verdict.rules.join(' '),
    // Comparison verdicts only: the sample's failed share (95% Wilson interval) and the national figure.
    verdict.failedPercent === undefined ? '' : percent(verdict.failedPercent),
    verdict.interval ? percent(verdict.interval.low) : '',
    verdict.interval ? percent(verdict.interval.high) : '',
    verdict.national?.failed ?? '',
    verdict.national?.of ?? '',
    verdict.national ? percent(verdict.national.percent) : '',
  ]);
}
