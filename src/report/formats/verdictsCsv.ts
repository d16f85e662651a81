import type { SampleOverview } from '../model';
import { VERDICT_STATUS_LABELS } from '../wording';
import { csvTable, type CsvCell } from './csvTable';

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
] as const;

/** One row per sample-level verdict (the rules it watches separated by spaces). */
export function verdictsCsv(report: SampleOverview): string {
  return csvTable(VERDICT_COLUMNS, verdictRows(report));
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
  ]);
}
