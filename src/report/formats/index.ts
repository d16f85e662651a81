import type { FileReport } from '../../engine';
import type { AuditRun, SampleReport } from '../model';
import type { ShareKind } from '../wording';
import type { AuditWriterFactory } from './auditStream';
import { fileRuleCsv } from './fileRuleCsv';
import { findingsCsv, findingsCsvWriter } from './findingsCsv';
import { githubAnnotations, githubWriter } from './github';
import { sampleHtml } from './html';
import { jsonReport, jsonWriter } from './json';
import { junitReport, junitWriter } from './junit';
import { sampleMarkdown } from './markdown';
import { sarifLog, sarifWriter } from './sarif';
import { summaryCsv } from './summaryCsv';
import type { AuditRenderOptions } from './paint';
import { textReport, textWriter } from './text';
import { verdictsCsv } from './verdictsCsv';

/** What the sample formats render from: the sample report and the file reports behind it. */
export interface SampleInput {
  report: SampleReport;
  /** Every audited file's report (the file × rule CSV needs files without findings too), e.g. `tally.files()`. */
  reports: Iterable<FileReport>;
  /** When the report was made, for formats that show it (HTML). */
  generated?: string;
  /** The share the rules tables show: failed (default) or passed. */
  share?: ShareKind;
}

interface FormatBase {
  /** For pickers and help: "Markdown", "HTML (standalone page)". */
  label: string;
  /** File name extension, without the dot. */
  extension: string;
}

/** A format of an audit run (`dipsample audit --format`): findings per file and the summary. */
export interface AuditFormat extends FormatBase {
  renders: 'audit';
  render(run: AuditRun, options?: AuditRenderOptions): string;
  /** The same output written as files complete (the CLI), holding no file's report. */
  stream: AuditWriterFactory;
}

/** A format of one sample's report (`dipsample report --format`, the summary's exports). */
export interface SampleFormat extends FormatBase {
  renders: 'sample';
  render(input: SampleInput): string;
}

export type OutputFormat = AuditFormat | SampleFormat;

/**
 * Every output dipsample writes, by id: the one registry the CLI, the editor's exports and the
 * webview's buttons all read. A new format is one entry here (and its renderer beside this file).
 */
export const FORMATS = {
  text: { renders: 'audit', label: 'Text', extension: 'txt', render: textReport, stream: textWriter },
  json: { renders: 'audit', label: 'JSON', extension: 'json', render: jsonReport, stream: jsonWriter },
  sarif: { renders: 'audit', label: 'SARIF 2.1.0', extension: 'sarif', render: sarifLog, stream: sarifWriter },
  csv: {
    renders: 'audit',
    label: 'CSV: one row per finding',
    extension: 'csv',
    render: findingsCsv,
    stream: findingsCsvWriter,
  },
  github: {
    renders: 'audit',
    label: 'GitHub Actions workflow annotations',
    extension: 'txt',
    render: githubAnnotations,
    stream: githubWriter,
  },
  junit: { renders: 'audit', label: 'JUnit XML', extension: 'xml', render: junitReport, stream: junitWriter },
  markdown: {
    renders: 'sample',
    label: 'Markdown',
    extension: 'md',
    render: ({ report, share }) => sampleMarkdown(report, { share }),
  },
  html: {
    renders: 'sample',
    label: 'HTML (standalone page)',
    extension: 'html',
    render: ({ report, generated, share }) => sampleHtml(report, { generated, share }),
  },
  'csv-files': {
    renders: 'sample',
    label: 'CSV: one row per file and rule',
    extension: 'csv',
    render: ({ report, reports }) => fileRuleCsv(report.sample, reports, report.rules),
  },
  'csv-summary': {
    renders: 'sample',
    label: 'CSV: one row per rule',
    extension: 'csv',
    render: ({ report }) => summaryCsv(report),
  },
  'csv-verdicts': {
    renders: 'sample',
    label: 'CSV: one row per sample-level verdict',
    extension: 'csv',
    render: ({ report }) => verdictsCsv(report),
  },
} as const satisfies Record<string, OutputFormat>;

export type FormatId = keyof typeof FORMATS;
type IdsRendering<Kind extends OutputFormat['renders']> = {
  [Id in FormatId]: (typeof FORMATS)[Id]['renders'] extends Kind ? Id : never;
}[FormatId];
/** `dipsample audit --format`. */
export type AuditFormatId = IdsRendering<'audit'>;
/** `dipsample report --format` and the summary's exports. */
export type SampleFormatId = IdsRendering<'sample'>;

function idsRendering<Kind extends OutputFormat['renders']>(kind: Kind): Array<IdsRendering<Kind>> {
  return (Object.keys(FORMATS) as FormatId[]).filter((id): id is IdsRendering<Kind> => FORMATS[id].renders === kind);
}

export const AUDIT_FORMAT_IDS: readonly AuditFormatId[] = idsRendering('audit');
export const SAMPLE_FORMAT_IDS: readonly SampleFormatId[] = idsRendering('sample');

export function isSampleFormatId(id: unknown): id is SampleFormatId {
  return typeof id === 'string' && (SAMPLE_FORMAT_IDS as readonly string[]).includes(id);
}
