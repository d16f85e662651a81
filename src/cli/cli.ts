import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import {
  CRIME_FILE_NAMES,
  formatProblem,
  INTERNAL_RULE,
  isReviewFile,
  type FileReport,
  type Problem,
  type Severity,
} from '../engine';
import {
  AGREEMENT_FORMAT_IDS,
  AUDIT_FORMAT_IDS,
  COMPARE_FORMAT_IDS,
  FORMATS,
  REPORT_FORMAT_IDS,
  type AgreementFormatId,
  type AuditFormatId,
  type CompareFormatId,
  type ReportFormatId,
} from '../report';
import { InputError } from '../node/findCrimeFiles';
import { nodeHost } from '../node/nodeHost';
import { runAgreement } from './runAgreement';
import { runAudit } from './runAudit';
import { runCompare } from './runCompare';
import { runReport, writeReport } from './runReport';
import packageJson from '../../package.json';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Show progress on stderr (only when it is a terminal). */
  progress: boolean;
  cwd: string;
}

/** Exit statuses: findings are results, not failures. */
/** Exit statuses: findings are results, not failures; 3 says the results are incomplete. */
export const EXIT = { ok: 0, failOn: 1, usage: 2, incomplete: 3 } as const;

const FAIL_ON: Record<string, Severity[]> = { error: ['error'], warning: ['error', 'warning'] };

/** Runs the command line; resolves to the exit status. Never throws for bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status: number = EXIT.ok;
  const program = new Command('dipsample')
    .description('Audit dip-samples of crime files against inspection criteria.')
    .version(packageJson.version)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(`dipsample: ${text.replace(/^error: /, '').replace(/\n(?!$)/g, ' ')}`),
    })
    .showSuggestionAfterError();

  program
    .command('audit')
    .description(`Audit crime files (${CRIME_FILE_NAMES}); folders are searched recursively.`)
    .argument('<paths...>', 'crime files or folders')
    .addOption(new Option('-f, --format <format>', 'output format').choices(AUDIT_FORMAT_IDS).default('text'))
    .option('-c, --config <file>', 'use this configuration instead of the nearest .dipsample.yaml')
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit with status 1 when a finding of this severity (or worse) exists',
      ).choices(Object.keys(FAIL_ON)),
    )
    .option('--reviewer <id>', "audit from this reviewer's answers alone (reviews/<id>.review.yaml)")
    .action(async (paths: string[], options: AuditCommandOptions) => {
      status = await audit(paths, options, io);
    });

  program
    .command('report')
    .description(
      'Audit a sample folder and write its report: Markdown, a standalone HTML page, or CSV for spreadsheets.',
    )
    .argument(
      '<folders...>',
      'the sample folder (its sample.yaml, if any, gives the header); several: one report across them, a row group per sample and the total',
    )
    .addOption(new Option('-f, --format <format>', 'report format').choices(REPORT_FORMAT_IDS).default('markdown'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--force', 'overwrite the --output file if it exists')
    .option('-c, --config <file>', 'use this configuration instead of the nearest .dipsample.yaml')
    .option('--reviewer <id>', "report from this reviewer's answers alone (reviews/<id>.review.yaml)")
    .action(async (folders: string[], options: ReportCommandOptions) => {
      status = await report(folders, options, io);
    });

  program
    .command('compare')
    .description(
      'Compare two samples of a force (a re-inspection against an earlier sample): per rule the failed share before and after, the change and its 95% Newcombe interval.',
    )
    .argument('<before>', 'the earlier sample folder')
    .argument('<after>', 'the later sample folder')
    .addOption(new Option('-f, --format <format>', 'output format').choices(COMPARE_FORMAT_IDS).default('text'))
    .option('-o, --output <file>', 'write the comparison to this file instead of stdout')
    .option('--force', 'overwrite the --output file if it exists')
    .option('-c, --config <file>', 'use this configuration for both samples instead of the nearest .dipsample.yaml')
    .option('--reviewer <id>', "compare from this reviewer's answers alone")
    .action(async (before: string, after: string, options: CompareCommandOptions) => {
      status = await compare(before, after, options, io);
    });

  program
    .command('agreement')
    .description(
      "How far each rater's marks agree with an answer key (a trainer's review file), per criterion: % agreement, Cohen's kappa, confusion matrices, what was most often missed. Without --key: agreement among the raters (Krippendorff's alpha).",
    )
    .argument('<sample>', 'the sample folder (with reviews/<id>.review.yaml files)')
    .option('-k, --key <reviewer-id>', "the answer key: this reviewer's review file (e.g. the trainer's)")
    .addOption(new Option('-f, --format <format>', 'output format').choices(AGREEMENT_FORMAT_IDS).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--force', 'overwrite the --output file if it exists')
    .option('-c, --config <file>', 'use this configuration instead of the nearest .dipsample.yaml')
    .action(async (folder: string, options: AgreementCommandOptions) => {
      status = await agreement(folder, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return status;
}

interface AuditCommandOptions {
  format: AuditFormatId;
  config?: string;
  failOn?: string;
  reviewer?: string;
}

async function audit(paths: string[], options: AuditCommandOptions, io: CliIo): Promise<number> {
  if (missingConfig(options.config, io)) return EXIT.usage;
  const showProgress = io.progress ? progressPrinter(io.stderr) : undefined;
  let outcome;
  try {
    outcome = await runAudit(
      nodeHost(),
      {
        inputs: paths,
        configFile: options.config,
        cwd: io.cwd,
        reviewer: options.reviewer,
        onProgress: showProgress?.update,
      },
      { name: 'dipsample', version: packageJson.version },
    );
  } catch (error) {
    showProgress?.clear();
    return usageError(error, io);
  }
  showProgress?.clear();
  if (reportConfigurationErrors(outcome.problems, io)) return EXIT.usage;
  if (unknownReviewer(options.reviewer, outcome.samples, io)) return EXIT.usage;
  io.stdout(FORMATS[options.format].render(outcome.run));
  if (reportUnaudited(outcome.run.files, io)) return EXIT.incomplete;
  const failing = options.failOn ? FAIL_ON[options.failOn] : [];
  const met = outcome.run.files.some((file) => file.findings.some((finding) => failing.includes(finding.severity)));
  return met ? EXIT.failOn : EXIT.ok;
}

interface ReportCommandOptions {
  format: ReportFormatId;
  output?: string;
  force?: boolean;
  config?: string;
  reviewer?: string;
}

async function report(folders: string[], options: ReportCommandOptions, io: CliIo): Promise<number> {
  if (missingConfig(options.config, io)) return EXIT.usage;
  const output = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  if (output && !options.force && existsSync(output)) {
    io.stderr(`dipsample: ${options.output} already exists: use --force to overwrite it\n`);
    return EXIT.usage;
  }
  const showProgress = io.progress ? progressPrinter(io.stderr) : undefined;
  const generated = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  try {
    const tool = { name: 'dipsample', version: packageJson.version };
    const outcome = await runReport(
      nodeHost(),
      {
        folders,
        format: options.format,
        configFile: options.config,
        cwd: io.cwd,
        reviewer: options.reviewer,
        generated,
        onProgress: showProgress?.update,
      },
      tool,
    );
    showProgress?.clear();
    if (reportConfigurationErrors(outcome.problems, io)) return EXIT.usage;
    if (unknownReviewer(options.reviewer, outcome.samples, io)) return EXIT.usage;
    if (output) await writeReport(output, outcome.text, options.force === true, options.output);
    else io.stdout(outcome.text);
    return reportUnaudited(outcome.files, io) ? EXIT.incomplete : EXIT.ok;
  } catch (error) {
    showProgress?.clear();
    return usageError(error, io);
  }
}

interface CompareCommandOptions {
  format: CompareFormatId;
  output?: string;
  force?: boolean;
  config?: string;
  reviewer?: string;
}

async function compare(before: string, after: string, options: CompareCommandOptions, io: CliIo): Promise<number> {
  if (missingConfig(options.config, io)) return EXIT.usage;
  const output = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  if (output && !options.force && existsSync(output)) {
    io.stderr(`dipsample: ${options.output} already exists: use --force to overwrite it\n`);
    return EXIT.usage;
  }
  const showProgress = io.progress ? progressPrinter(io.stderr) : undefined;
  try {
    const outcome = await runCompare(
      nodeHost(),
      {
        before,
        after,
        format: options.format,
        configFile: options.config,
        cwd: io.cwd,
        reviewer: options.reviewer,
        onProgress: showProgress?.update,
      },
      { name: 'dipsample', version: packageJson.version },
    );
    showProgress?.clear();
    if (reportConfigurationErrors(outcome.problems, io)) return EXIT.usage;
    if (output) await writeReport(output, outcome.text, options.force === true, options.output);
    else io.stdout(outcome.text);
    return reportUnaudited(outcome.files, io) ? EXIT.incomplete : EXIT.ok;
  } catch (error) {
    showProgress?.clear();
    return usageError(error, io);
  }
}

interface AgreementCommandOptions {
  key?: string;
  format: AgreementFormatId;
  output?: string;
  force?: boolean;
  config?: string;
}

async function agreement(folder: string, options: AgreementCommandOptions, io: CliIo): Promise<number> {
  if (missingConfig(options.config, io)) return EXIT.usage;
  const output = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  if (output && !options.force && existsSync(output)) {
    io.stderr(`dipsample: ${options.output} already exists: use --force to overwrite it\n`);
    return EXIT.usage;
  }
  const showProgress = io.progress ? progressPrinter(io.stderr) : undefined;
  try {
    const outcome = await runAgreement(
      nodeHost(),
      {
        folder,
        ...(options.key !== undefined ? { key: options.key } : {}),
        format: options.format,
        configFile: options.config,
        cwd: io.cwd,
        onProgress: showProgress?.update,
      },
      { name: 'dipsample', version: packageJson.version },
    );
    showProgress?.clear();
    if (reportConfigurationErrors(outcome.configurationErrors, io)) return EXIT.usage;
    if (outcome.unknownKey) {
      io.stderr(
        `dipsample: no review file of ${options.key} (reviews/${options.key}.review.yaml) in ${folder}${outcome.unknownKey.length ? `; reviewers: ${outcome.unknownKey.join(', ')}` : '; it has no review files'}\n`,
      );
      return EXIT.usage;
    }
    for (const problem of outcome.reviewProblems)
      io.stderr(`dipsample: review file problem (entry not counted): ${formatProblem(problem)}\n`);
    if (output) await writeReport(output, outcome.text, options.force === true, options.output);
    else io.stdout(outcome.text);
    const incomplete = reportUnaudited(outcome.files, io) || outcome.reviewProblems.length > 0;
    return incomplete ? EXIT.incomplete : EXIT.ok;
  } catch (error) {
    showProgress?.clear();
    return usageError(error, io);
  }
}

/** Says so on stderr when the `--config` file given does not exist; true when it does not. */
function missingConfig(config: string | undefined, io: CliIo): boolean {
  if (!config || existsSync(path.resolve(io.cwd, config))) return false;
  io.stderr(`dipsample: configuration file not found: ${config}\n`);
  return true;
}

/** Prints each configuration or review file error on stderr; true when there was any. */
function reportConfigurationErrors(problems: readonly Problem[], io: CliIo): boolean {
  const errors = problems.filter((problem) => problem.severity === 'error');
  for (const problem of errors) {
    const kind = isReviewFile(problem.file) ? 'review file error' : 'configuration error';
    io.stderr(`dipsample: ${kind}: ${formatProblem(problem)}\n`);
  }
  return errors.length > 0;
}

/** `--reviewer` naming nobody who reviewed these samples is a mistake, not an empty review: true when so. */
function unknownReviewer(
  reviewer: string | undefined,
  samples: ReadonlyArray<{ folder: string; reviewers: string[] }>,
  io: CliIo,
): boolean {
  if (reviewer === undefined || samples.length === 0) return false;
  if (samples.some((sample) => sample.reviewers.includes(reviewer))) return false;
  const known = [...new Set(samples.flatMap((sample) => sample.reviewers))];
  io.stderr(
    `dipsample: no review file of reviewer ${reviewer} (reviews/${reviewer}.review.yaml) in the sample${samples.length === 1 ? '' : 's'} audited${known.length ? `; reviewers: ${known.join(', ')}` : ''}\n`,
  );
  return true;
}

/** Names on stderr each file the engine failed on; true when there was any (the audit is incomplete). */
function reportUnaudited(files: readonly FileReport[], io: CliIo): boolean {
  const failed = files.filter((file) => file.internalError);
  for (const file of failed) {
    const finding = file.findings.find((f) => f.rule === INTERNAL_RULE);
    io.stderr(`dipsample: ${file.path}: not audited: ${finding?.message ?? 'internal error'}\n`);
  }
  if (failed.length > 0)
    io.stderr(`dipsample: ${failed.length} file(s) could not be audited: the results are incomplete\n`);
  return failed.length > 0;
}

/** Bad input (an InputError) is a usage error, said on stderr; anything else is rethrown. */
function usageError(error: unknown, io: CliIo): number {
  if (!(error instanceof InputError)) throw error;
  io.stderr(`dipsample: ${error.message}\n`);
  return EXIT.usage;
}

/** A single self-overwriting status line on stderr, redrawn at most every 100 ms. */
function progressPrinter(write: (text: string) => void) {
  let last = 0;
  let shown = false;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      shown = true;
      write(`\rAuditing ${done}/${total} files (${Math.floor((100 * done) / total)}%)`);
    },
    clear() {
      if (shown) write('\r\x1b[2K');
    },
  };
}
