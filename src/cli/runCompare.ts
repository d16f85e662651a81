import type { EngineHost, FileReport, Problem } from '../engine';
import { compareReport, COMPARE_FORMATS, type AuditRun, type CompareFormatId, type CompareReport } from '../report';
import { auditSampleFolder } from './runReport';

export interface CompareOptions {
  /** The earlier and the later sample folders, relative to `cwd` or absolute. */
  before: string;
  after: string;
  format: CompareFormatId;
  configFile?: string;
  cwd: string;
  reviewer?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface CompareOutcome {
  /** The rendered comparison; empty when either sample has configuration errors. */
  text: string;
  report?: CompareReport;
  problems: Problem[];
  files: FileReport[];
}

/** Audits two samples of a force and renders the comparison of their failed shares, rule by rule. */
export async function runCompare(
  host: EngineHost,
  options: CompareOptions,
  tool: AuditRun['tool'],
): Promise<CompareOutcome> {
  const audit = (folder: string) => auditSampleFolder(host, { ...options, folder }, tool, 'compare');
  const before = await audit(options.before);
  const after = await audit(options.after);
  const problems = [...before.problems, ...after.problems];
  const files = [...before.files, ...after.files];
  if (!before.report || !after.report) return { text: '', problems, files };
  const report = compareReport({
    before: { path: options.before, report: before.report },
    after: { path: options.after, report: after.report },
  });
  return { text: COMPARE_FORMATS[options.format].render(report), report, problems, files };
}
