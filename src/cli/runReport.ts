import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Auditor, type EngineHost, type FileReport, type Problem } from '../engine';
import { FORMATS, SampleTally, sampleInfo, sampleReport, type AuditRun, type SampleFormatId } from '../report';
import { InputError } from '../node/findCrimeFiles';
import { runAudit } from './runAudit';

export interface ReportOptions {
  /** The sample folder, relative to `cwd` or absolute. */
  folder: string;
  format: SampleFormatId;
  configFile?: string;
  cwd: string;
  /** When the report was made, for formats that show it. */
  generated?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ReportOutcome {
  /** The rendered report; empty when there are configuration errors. */
  text: string;
  /** Problems in rule packs, configurations or manifests, as `runAudit` gives them. */
  problems: Problem[];
  /** Every file's report, paths as `runAudit` shows them. */
  files: FileReport[];
}

/**
 * Audits a sample folder and renders one of the report formats, with the sample's manifest (if
 * any) as the header. Throws `InputError` when the folder does not exist or is not a folder.
 */
export async function runReport(
  host: EngineHost,
  options: ReportOptions,
  tool: AuditRun['tool'],
): Promise<ReportOutcome> {
  const folder = path.resolve(options.cwd, options.folder);
  const stats = await fs.stat(folder).catch(() => undefined);
  if (!stats) throw new InputError(`No such folder: ${options.folder}`);
  if (!stats.isDirectory())
    throw new InputError(`Not a folder: ${options.folder} (dipsample report takes a sample folder)`);

  const { run, problems } = await runAudit(
    host,
    { inputs: [folder], configFile: options.configFile, cwd: options.cwd, onProgress: options.onProgress },
    tool,
  );
  if (problems.some((problem) => problem.severity === 'error')) return { text: '', problems, files: run.files };

  const tally = new SampleTally(run.ruleSets);
  // runAudit shows paths relative to the working folder; the report names files relative to the sample.
  for (const report of run.files) tally.set({ ...report, path: path.resolve(options.cwd, report.path) });
  const manifest = await new Auditor(host).manifestFor(folder);
  const report = sampleReport(sampleInfo(folder, manifest, run.ruleSets), tally);
  return {
    text: FORMATS[options.format].render({ report, reports: tally.files(), generated: options.generated }),
    problems,
    files: run.files,
  };
}

/**
 * Writes a report file, never replacing an existing file unless `overwrite`: InputError (named as
 * `shown`, e.g. the path as the user gave it) when it exists or cannot be written.
 */
export async function writeReport(file: string, text: string, overwrite: boolean, shown = file): Promise<void> {
  try {
    await fs.writeFile(file, text, { encoding: 'utf8', flag: overwrite ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError(`${shown} already exists: use --force to overwrite it`);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') {
      throw new InputError(
        `Cannot write ${shown}: ${code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOTDIR' ? 'not a folder on the way' : 'permission denied'}`,
      );
    }
    throw error;
  }
}
