import type { AuditRun } from '../model';
import { renderWhole, type AuditWriter } from './auditStream';
import { csvHeader, csvRows } from './csvTable';

export const FINDING_COLUMNS = [
  'path',
  'reference',
  'rule',
  'severity',
  'line',
  'column',
  'end_line',
  'end_column',
  'message',
] as const;

/** One row per finding, 1-based line and column, for spreadsheets. */
export function findingsCsv(run: AuditRun): string {
  return renderWhole(findingsCsvWriter, run);
}

/** The findings CSV written file by file. */
export function findingsCsvWriter(): AuditWriter {
  return {
    head: () => csvHeader(FINDING_COLUMNS),
    file: (file) =>
      csvRows(
        file.findings.map((finding) => [
          file.path,
          file.reference ?? '',
          finding.rule,
          finding.severity,
          finding.range.start.line + 1,
          finding.range.start.character + 1,
          finding.range.end.line + 1,
          finding.range.end.character + 1,
          finding.message,
        ]),
      ),
    tail: () => '',
  };
}
