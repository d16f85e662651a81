import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Auditor, formatProblem, isReviewFile, type EngineHost, type Problem } from '../engine';
import {
  agreementReport,
  AGREEMENT_FORMATS,
  type AgreementFormatId,
  type AgreementReport,
  type AuditRun,
} from '../report';
import { InputError } from '../node/findCrimeFiles';
import { runAudit, type AuditOutcome } from './runAudit';

export interface AgreementOptions {
  /** The sample folder, relative to `cwd` or absolute. */
  folder: string;
  /** The answer key's reviewer id; omitted for moderation without a key. */
  key?: string;
  format: AgreementFormatId;
  configFile?: string;
  cwd: string;
  onProgress?: (done: number, total: number) => void;
}

export interface AgreementOutcome {
  /** The rendered report; empty when the configuration has errors or the key is unknown. */
  text: string;
  report?: AgreementReport;
  /** Rule-pack, configuration and manifest errors: no figures can be trusted (exit 2). */
  configurationErrors: Problem[];
  /** Review-file problems: the entries they concern are not counted (the report's notes say so). */
  reviewProblems: Problem[];
  /** The reviewers of the sample, when `key` names none of them. */
  unknownKey?: string[];
  files: AuditOutcome['run']['files'];
}

/**
 * Audits a sample folder for the machine's outcomes, reads every review file of it, and renders the
 * agreement of each rater with the key (or of the raters among themselves). Throws `InputError`
 * when the folder does not exist or is not a folder.
 */
export async function runAgreement(
  host: EngineHost,
  options: AgreementOptions,
  tool: AuditRun['tool'],
): Promise<AgreementOutcome> {
  const folder = path.resolve(options.cwd, options.folder);
  const stats = await fs.stat(folder).catch(() => undefined);
  if (!stats) throw new InputError(`No such folder: ${options.folder}`);
  if (!stats.isDirectory())
    throw new InputError(`Not a folder: ${options.folder} (dipsample agreement takes a sample folder)`);

  const { run, problems } = await runAudit(
    host,
    { inputs: [folder], configFile: options.configFile, cwd: options.cwd, onProgress: options.onProgress },
    tool,
  );
  const errors = problems.filter((problem) => problem.severity === 'error');
  const configurationErrors = errors.filter((problem) => !isReviewFile(problem.file));
  const reviewProblems = errors.filter((problem) => isReviewFile(problem.file));
  if (configurationErrors.length > 0) return { text: '', configurationErrors, reviewProblems, files: run.files };

  const auditor = new Auditor(host);
  const sampleFolder = await auditor.sampleFolderFor(folder);
  const reviews = (await auditor.reviewsFor(sampleFolder)).files;
  const reviewers = reviews.flatMap((review) => (review.reviewer ? [review.reviewer.id] : []));
  if (options.key !== undefined && !reviewers.includes(options.key))
    return { text: '', configurationErrors, reviewProblems, unknownKey: reviewers, files: run.files };

  const manifest = await auditor.manifestFor(sampleFolder);
  const report = agreementReport({
    sample: {
      folder: path.relative(options.cwd, sampleFolder).split(path.sep).join('/') || '.',
      ...(manifest?.name !== undefined ? { name: manifest.name } : {}),
    },
    reviews: reviews.map((review) => ({ ...review, file: relativeTo(options.cwd, review.file) })),
    reports: run.files.map((file) => ({
      ...file,
      path: relativeTo(sampleFolder, path.resolve(options.cwd, file.path)),
    })),
    ruleSets: run.ruleSets,
    ...(options.key !== undefined ? { key: options.key } : {}),
  });
  report.notes.push(
    ...reviewProblems.map((problem) => `Review file problem, entry not counted: ${formatProblem(problem)}`),
  );
  return {
    text: AGREEMENT_FORMATS[options.format].render(report),
    report,
    configurationErrors,
    reviewProblems,
    files: run.files,
  };
}

function relativeTo(folder: string, file: string): string {
  const relative = path.relative(folder, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}
