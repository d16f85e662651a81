import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Auditor, type EngineHost, type FileReport, type Problem } from '../engine';
import {
  REPORT_FORMATS,
  SampleTally,
  sampleInfo,
  sampleReport,
  type AuditRun,
  type ReportFormatId,
  type SampleOfMany,
  type SampleReport,
  type ShareKind,
} from '../report';
import { InputError } from '../node/findCrimeFiles';
import { writeFileAtomic } from '../node/writeFileAtomic';
import { runAudit, type AuditOutcome } from './runAudit';

export interface ReportOptions {
  /** The sample folders, relative to `cwd` or absolute: one report, a row group per sample when several. */
  folders: string[];
  format: ReportFormatId;
  configFile?: string;
  cwd: string;
  /** Report from this reviewer's answers alone. */
  reviewer?: string;
  /** When the report was made, for formats that show it. */
  generated?: string;
  /** The share the rules tables show: failed (default) or passed. */
  share?: ShareKind;
  /** Extra breakdowns, each by the values of one or more field paths (one per dimension). */
  breakdowns?: string[][];
  onProgress?: (done: number, total: number) => void;
}

export interface ReportOutcome {
  /** The rendered report; empty when there are configuration errors. */
  text: string;
  /** Problems in rule packs, configurations or manifests, as `runAudit` gives them. */
  problems: Problem[];
  /** Every file's report, paths as `runAudit` shows them. */
  files: FileReport[];
  samples: AuditOutcome['samples'];
}

/**
 * Audits sample folders and renders one report: for one sample, its report with its manifest (if
 * any) as the header; for several, a row group per sample in the order given and their total.
 * Throws `InputError` when a folder does not exist or is not a folder.
 */
export async function runReport(
  host: EngineHost,
  options: ReportOptions,
  tool: AuditRun['tool'],
): Promise<ReportOutcome> {
  const audited: Array<AuditedSample & { path: string }> = [];
  for (const folder of options.folders)
    audited.push({ path: folder, ...(await auditSampleFolder(host, { ...options, folder }, tool)) });
  const problems = audited.flatMap((sample) => sample.problems);
  const files = audited.flatMap((sample) => sample.files);
  const samples = audited.flatMap((sample) => sample.samples);
  const samplesOfMany: SampleOfMany[] = [];
  for (const sample of audited)
    if (sample.report) samplesOfMany.push({ path: sample.path, report: sample.report, reports: sample.tally.files() });
  if (samplesOfMany.length < audited.length) return { text: '', problems, files, samples };

  const ruleSets = [...new Set(audited.flatMap((sample) => sample.tally.ruleSets))];
  const total = new SampleTally(ruleSets, { breakdowns: options.breakdowns });
  for (const sample of audited) for (const report of sample.tally.files()) total.set(report);
  const totalReport = sampleReport(
    { ...sampleInfo(path.resolve(options.cwd), undefined, ruleSets), name: 'Total' },
    total,
  );
  return {
    text: REPORT_FORMATS[options.format].render({
      samples: samplesOfMany,
      total: totalReport,
      generated: options.generated,
      share: options.share,
    }),
    problems,
    files,
    samples,
  };
}

export interface AuditedSample {
  /** The sample's report; undefined when the configuration has errors (nothing can be trusted). */
  report?: SampleReport;
  tally: SampleTally;
  problems: Problem[];
  files: FileReport[];
  samples: AuditOutcome['samples'];
}

/**
 * Audits a sample folder into its report, with the sample's manifest (if any) as the header: what
 * `dipsample report` renders and `dipsample compare` compares. Throws `InputError` when the folder
 * does not exist or is not a folder.
 */
export async function auditSampleFolder(
  host: EngineHost,
  options: Pick<ReportOptions, 'configFile' | 'cwd' | 'reviewer' | 'breakdowns' | 'onProgress'> & { folder: string },
  tool: AuditRun['tool'],
  command = 'report',
): Promise<AuditedSample> {
  const folder = path.resolve(options.cwd, options.folder);
  const stats = await fs.stat(folder).catch(() => undefined);
  if (!stats) throw new InputError(`No such folder: ${options.folder}`);
  if (!stats.isDirectory())
    throw new InputError(`Not a folder: ${options.folder} (dipsample ${command} takes a sample folder)`);

  const { run, problems, samples } = await runAudit(
    host,
    {
      inputs: [folder],
      configFile: options.configFile,
      cwd: options.cwd,
      reviewer: options.reviewer,
      breakdownFields: [...new Set(options.breakdowns?.flat() ?? [])],
      onProgress: options.onProgress,
    },
    tool,
  );
  const tally = new SampleTally(run.ruleSets, { breakdowns: options.breakdowns });
  if (problems.some((problem) => problem.severity === 'error')) return { tally, problems, files: run.files, samples };
  // runAudit shows paths relative to the working folder; the report names files relative to the sample.
  for (const report of run.files) tally.set({ ...report, path: path.resolve(options.cwd, report.path) });
  const manifest = await new Auditor(host).manifestFor(folder);
  const report = sampleReport(sampleInfo(folder, manifest, run.ruleSets), tally);
  return { report, tally, problems, files: run.files, samples };
}

/**
 * Writes a report file atomically, never replacing an existing file unless `overwrite` and never
 * through a symbolic link: InputError (named as `shown`, e.g. the path as the user gave it) when it
 * exists or cannot be written. A failed write leaves whatever was there before.
 */
export async function writeReport(file: string, text: string, overwrite: boolean, shown = file): Promise<void> {
  try {
    await writeFileAtomic(file, text, { overwrite });
  } catch (error) {
    throw writeError(error, shown);
  }
}

/** A failed write of the output file `shown` in words (an InputError), or the error itself when unforeseen. */
export function writeError(error: unknown, shown: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST') return new InputError(`${shown} already exists: use --force to overwrite it`);
  const reason = code === undefined ? undefined : WRITE_ERRORS[code];
  if (reason) return new InputError(`Cannot write ${shown}: ${reason}`);
  return error;
}

const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'no such folder',
  EISDIR: 'it is a folder',
  ENOTDIR: 'not a folder on the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'it is a symbolic link (not written through; remove the link or choose another name)',
  ENOSPC: 'the disk is full (nothing was written)',
  EDQUOT: 'over the disk quota (nothing was written)',
  EROFS: 'the file system is read-only',
};
