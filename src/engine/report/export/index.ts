import type { FileReport } from '../../model';
import type { SampleReport } from '../sampleReport';
import { fileRuleCsv } from './fileRuleCsv';
import { sampleHtml } from './html';
import { sampleMarkdown } from './markdown';
import { summaryCsv } from './summaryCsv';
import { verdictsCsv } from './verdictsCsv';

/** What every report format renders from: the sample report and the file reports behind it. */
export interface ReportInput {
  report: SampleReport;
  /** Every audited file's report (the file × rule CSV needs files without findings too), e.g. `tally.files()`. */
  reports: Iterable<FileReport>;
  /** When the report was made, for formats that show it (HTML). */
  generated?: string;
}

export interface ReportFormat {
  /** For pickers and help: "Markdown", "HTML (standalone page)". */
  label: string;
  /** File name extension, without the dot. */
  extension: string;
  render(input: ReportInput): string;
}

/** The report exports by id, so one call site (CLI, editor command) can render any of them. */
export const REPORT_FORMATS = {
  markdown: { label: 'Markdown', extension: 'md', render: ({ report }) => sampleMarkdown(report) },
  html: { label: 'HTML (standalone page)', extension: 'html', render: ({ report, generated }) => sampleHtml(report, { generated }) },
  'csv-files': { label: 'CSV: one row per file and rule', extension: 'csv', render: ({ report, reports }) => fileRuleCsv(report.sample, reports, report.rules) },
  'csv-summary': { label: 'CSV: one row per rule', extension: 'csv', render: ({ report }) => summaryCsv(report) },
  'csv-verdicts': { label: 'CSV: one row per sample-level verdict', extension: 'csv', render: ({ report }) => verdictsCsv(report) },
} as const satisfies Record<string, ReportFormat>;

export type ReportFormatId = keyof typeof REPORT_FORMATS;

export { escapeHtml } from './escapeHtml';
export { escapeMarkdown } from './escapeMarkdown';
export { fileRuleCsv } from './fileRuleCsv';
export { sampleHtml, type HtmlOptions } from './html';
export { sampleMarkdown } from './markdown';
export { summaryCsv } from './summaryCsv';
export { verdictsCsv } from './verdictsCsv';
