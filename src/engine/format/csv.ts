import { stringify } from 'csv-stringify/sync';
import type { AuditRun } from './auditRun';

const COLUMNS = ['path', 'reference', 'rule', 'severity', 'line', 'column', 'end_line', 'end_column', 'message'];

/** One row per finding, 1-based line and column, for spreadsheets. */
export function formatCsv(run: AuditRun): string {
  const rows = run.files.flatMap((file) =>
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
  );
  return stringify(rows, { header: true, columns: COLUMNS });
}
