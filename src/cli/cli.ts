import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CRIME_FILE_NAMES, formatProblem, isReviewFile, type Problem, type Severity } from '../engine';
import {
  AGREEMENT_FORMAT_IDS,
  AUDIT_FORMAT_IDS,
  COMPARE_FORMAT_IDS,
  errorsOnlyWriter,
  FORMATS,
  REPORT_FORMAT_IDS,
  SHARE_KINDS,
  type AgreementFormatId,
  type AuditFormatId,
  type AuditWriter,
  type CompareFormatId,
  type ReportFormatId,
  type ShareKind,
} from '../report';
import { InputError } from '../node/findCrimeFiles';
import { batchHost, nodeHost } from '../node/nodeHost';
import { runAgreement } from './runAgreement';
import { streamAudit, unauditedFiles } from './runAudit';
import { AuditOutput } from './auditOutput';
import { CACHE_STRATEGIES, cacheFilePath, DEFAULT_CACHE_NAME, type CacheStrategy } from '../node/auditCache';
import type { Concurrency } from '../node/auditPool';
import { colorWanted, terminalPaint } from './colors';
import { runCompare } from './runCompare';
import { runReport, writeReport } from './runReport';
import { REDACT_FORMATS, renderRedaction, runRedact, type RedactFormat } from './runRedact';
import { renderDraw, runDraw } from './runDraw';
import { renderImport, runImport } from './runImport';
import { ImportMapError } from '../node/importExtract';
import { DrawConfigurationError } from '../node/drawSample';
import { UnsatisfiablePlan } from '../engine';
import packageJson from '../../package.json';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Show progress on stderr (only when it is a terminal). */
  progress: boolean;
  cwd: string;
  /** Standard input, read whole (`dipsample audit -`); absent: there is none to read. */
  readStdin?: () => Promise<string>;
  /** Whether stdout is a terminal: the text format is coloured only there (see `colorWanted`). */
  stdoutIsTTY?: boolean;
  /** The environment NO_COLOR, FORCE_COLOR and TERM are read from (default: none set). */
  env?: Readonly<Record<string, string | undefined>>;
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
    .description(
      `Audit crime files (${CRIME_FILE_NAMES}); folders are searched recursively, quoted globs expanded, "-" reads one file from stdin.`,
    )
    .argument('<paths...>', 'crime files, folders or globs (quote them: "samples/**/*.crime.yaml"); - reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(AUDIT_FORMAT_IDS).default('text'))
    .option('-o, --output <file>', 'write the output to this file instead of stdout')
    .option('--force', 'overwrite the --output file if it exists')
    .option('-c, --config <file>', 'use this configuration instead of the nearest .dipsample.yaml')
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit with status 1 when a finding of this severity (or worse) exists',
      ).choices(Object.keys(FAIL_ON)),
    )
    .addOption(
      new Option('--max-warnings <n>', 'exit with status 1 when there are more than n warnings').argParser(count),
    )
    .option('-q, --quiet', 'show error findings only (the summary still counts every finding and says what was hidden)')
    .option(
      '--ignore-pattern <glob>',
      'do not audit files matching this .gitignore-style glob, relative to the working folder (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      '--stdin-filename <name>',
      'with -: the name of the file read from stdin, in messages and to find its configuration',
    )
    .option('--color', 'colour the text output even when stdout is not a terminal')
    .option('--no-color', 'never colour the text output (also NO_COLOR=1)')
    .option('--reviewer <id>', "audit from this reviewer's answers alone (reviews/<id>.review.yaml)")
    .addOption(
      new Option(
        '--concurrency <n>',
        'worker threads to audit in beside the main thread: auto (a thread per core on a large run, the main thread one of them; none on a small one), off, or a number',
      )
        .argParser(concurrency)
        .default('auto' as Concurrency),
    )
    .option('--cache', `reuse the results of files unchanged since the last run (in ${DEFAULT_CACHE_NAME})`)
    .option('--cache-location <path>', `the cache file, or a folder to keep ${DEFAULT_CACHE_NAME} in (implies --cache)`)
    .addOption(
      new Option(
        '--cache-strategy <strategy>',
        'how an unchanged file is known: by its content, or by its size and time',
      )
        .choices(CACHE_STRATEGIES)
        .default('content'),
    )
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
    .addOption(
      new Option(
        '--share <kind>',
        'the share the rules tables show: failed (what the tool checks) or passed (as inspectorates publish)',
      )
        .choices(SHARE_KINDS)
        .default('failed'),
    )
    .option(
      '--by <paths>',
      'also break the tables down by the values of a field path, or of two (comma-separated: victims.vulnerable,attendance.status); repeatable',
      (value: string, previous: string[][] = []) => [
        ...previous,
        value
          .split(',')
          .map((path) => path.trim())
          .filter(Boolean),
      ],
    )
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

  program
    .command('redact')
    .description(
      'Write a copy of a sample folder safe to hand to trainees: names, ids of people and personal data in free text replaced by consistent pseudonyms; the copy audits as the original.',
    )
    .argument('<folder>', 'the sample folder')
    .requiredOption('--out <folder>', 'the folder to write the copy to (must not exist, unless --force)')
    .option('--force', 'replace the --out folder if it exists (swapped in only when the copy is complete)')
    .option('--salt <text>', 'changes every pseudonym (the same salt gives the same copy)')
    .option('--include-reviews', 'copy reviews/*.review.yaml too, with the same pseudonyms in their notes')
    .addOption(new Option('-f, --format <format>', 'report format').choices(REDACT_FORMATS).default('text'))
    .action(async (folder: string, options: RedactCommandOptions) => {
      status = await redact(folder, options, io);
    });

  program
    .command('draw')
    .description(
      'Draw a dip-sample from a frame (a CSV crime list or a folder of crime files) by a plan (a dip-sample/1 manifest): seeded, repeatable, strata and quotas met.',
    )
    .argument(
      '<frame>',
      'a CSV crime list (headers are crime-file/1 field paths, or give --map) or a folder of crime files',
    )
    .requiredOption(
      '--plan <plan.yaml>',
      'the sampling plan: period, size, selection (method, seed, population, strata, constraints)',
    )
    .requiredOption('--out <folder>', 'the sample folder to write (must not exist, unless --force)')
    .option('--map <map.yaml>', "a dipsample-map/1 file saying what the CSV's columns are (its first table)")
    .option('--force', 'replace the --out folder if it exists (swapped in only when the sample is complete)')
    .action(async (frame: string, options: DrawCommandOptions) => {
      status = await draw(frame, options, io);
    });

  program
    .command('import')
    .description(
      'Turn an RMS extract (CSV tables joined by crime reference) into one crime file per crime, by a dipsample-map/1 file. Columns the map does not name never reach the output.',
    )
    .argument('<map.yaml>', 'the import map (tables, keys, fields; table files are relative to it)')
    .requiredOption('--out <folder>', 'the folder to write the crime files to (must not exist, unless --force)')
    .option('--force', 'replace the --out folder if it exists (swapped in only when the import is complete)')
    .action(async (map: string, options: { out: string; force?: boolean }) => {
      status = await importCommand(map, options, io);
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
  output?: string;
  force?: boolean;
  config?: string;
  failOn?: string;
  maxWarnings?: number;
  quiet?: boolean;
  ignorePattern: string[];
  stdinFilename?: string;
  color?: boolean;
  reviewer?: string;
  concurrency: Concurrency;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy: CacheStrategy;
}

/** `--concurrency`: auto, off, or a number of worker threads (1 or more). */
function concurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  if (!/^[1-9]\d*$/.test(value))
    throw new InvalidArgumentError('must be auto, off, or a number of threads (1 or more)');
  return Number(value);
}

/** `--max-warnings`: a count, 0 or more. */
function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return Number(value);
}

async function audit(paths: string[], options: AuditCommandOptions, io: CliIo): Promise<number> {
  if (missingConfig(options.config, io)) return EXIT.usage;
  const fromStdin = paths.includes('-');
  if (fromStdin && paths.length > 1) {
    io.stderr('dipsample: - (read stdin) cannot be combined with other paths\n');
    return EXIT.usage;
  }
  if (options.stdinFilename !== undefined && !fromStdin) {
    io.stderr('dipsample: --stdin-filename needs - (read stdin) as the path\n');
    return EXIT.usage;
  }
  const output = outputFile(options, io);
  if (output === REFUSED) return EXIT.usage;
  const showProgress = io.progress && !fromStdin ? progressPrinter(io.stderr) : undefined;
  const tool = { name: 'dipsample', version: packageJson.version, informationUri: packageJson.homepage };
  // Colour only on a terminal's stdout, never in a file.
  const paint =
    !output && options.format === 'text' && colorWanted(options.color, io.env ?? {}, io.stdoutIsTTY === true)
      ? terminalPaint
      : undefined;
  const useCache = options.cache === true || options.cacheLocation !== undefined;
  let out: AuditOutput | undefined;
  let writer: AuditWriter | undefined;
  let streamed;
  try {
    out = output
      ? await AuditOutput.toFile(output, options.force === true, options.output!)
      : AuditOutput.toStdout(io.stdout);
    if (fromStdin && !io.readStdin) throw new InputError('there is no standard input to read');
    const stdin = fromStdin ? { text: await io.readStdin!(), filename: options.stdinFilename ?? '<stdin>' } : undefined;
    const sink = out;
    streamed = await streamAudit(
      batchHost(),
      {
        inputs: paths,
        configFile: options.config,
        cwd: io.cwd,
        reviewer: options.reviewer,
        onProgress: showProgress?.update,
        stdin,
        ignorePatterns: options.ignorePattern,
        requireMatch: true,
        concurrency: options.concurrency,
        ...(useCache
          ? {
              cache: {
                file: cacheFilePath(options.cacheLocation, io.cwd),
                tool: `${tool.name} ${tool.version}`,
                strategy: options.cacheStrategy,
              },
            }
          : {}),
      },
      {
        start: ({ ruleSets, ruleDocs, problems, laterProblemsPossible }) => {
          const format = FORMATS[options.format].stream({ tool, ruleSets, ruleDocs }, { paint });
          writer = options.quiet ? errorsOnlyWriter(format) : format;
          // A configuration error means no results (exit 2): output that might yet meet one waits.
          if (laterProblemsPossible || problems.some((problem) => problem.severity === 'error')) sink.hold();
          sink.write(writer.head());
        },
        file: (report) => sink.write(writer!.file(report)),
      },
    );
  } catch (error) {
    showProgress?.clear();
    await out?.discard();
    return usageError(error, io);
  }
  showProgress?.clear();
  if (streamed.cacheDiscarded)
    io.stderr(`dipsample: the cache file was not used (${streamed.cacheDiscarded}): it is replaced\n`);
  if (reportConfigurationErrors(streamed.problems, io) || unknownReviewer(options.reviewer, streamed.samples, io)) {
    await out.discard();
    return EXIT.usage;
  }
  reportManifestWarnings(streamed.problems, io);
  try {
    out.write(writer!.tail({ summary: streamed.summary }));
    await out.commit();
  } catch (error) {
    return usageError(error, io);
  }
  if (reportUnaudited(streamed.unaudited, io)) return EXIT.incomplete;
  // Exit statuses count every finding, hidden by --quiet or not.
  const counts = streamed.summary.findings;
  const failing = options.failOn ? FAIL_ON[options.failOn] : [];
  const met = failing.some((severity) => (counts[severity] ?? 0) > 0);
  const warnings = counts.warning ?? 0;
  const tooMany = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooMany)
    io.stderr(
      `dipsample: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}\n`,
    );
  return met || tooMany ? EXIT.failOn : EXIT.ok;
}

interface ReportCommandOptions {
  format: ReportFormatId;
  share: ShareKind;
  by?: string[][];
  output?: string;
  force?: boolean;
  config?: string;
  reviewer?: string;
}

async function report(folders: string[], options: ReportCommandOptions, io: CliIo): Promise<number> {
  if (missingConfig(options.config, io)) return EXIT.usage;
  const output = outputFile(options, io);
  if (output === REFUSED) return EXIT.usage;
  const showProgress = io.progress ? progressPrinter(io.stderr) : undefined;
  const generated = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  try {
    const tool = { name: 'dipsample', version: packageJson.version };
    const outcome = await runReport(
      nodeHost(),
      {
        folders,
        format: options.format,
        share: options.share,
        breakdowns: options.by,
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
    reportManifestWarnings(outcome.problems, io);
    await emit(outcome.text, output, options, io);
    return reportUnaudited(unauditedFiles(outcome.files), io) ? EXIT.incomplete : EXIT.ok;
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
  const output = outputFile(options, io);
  if (output === REFUSED) return EXIT.usage;
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
    await emit(outcome.text, output, options, io);
    return reportUnaudited(unauditedFiles(outcome.files), io) ? EXIT.incomplete : EXIT.ok;
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
  const output = outputFile(options, io);
  if (output === REFUSED) return EXIT.usage;
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
    await emit(outcome.text, output, options, io);
    const incomplete = reportUnaudited(unauditedFiles(outcome.files), io) || outcome.reviewProblems.length > 0;
    return incomplete ? EXIT.incomplete : EXIT.ok;
  } catch (error) {
    showProgress?.clear();
    return usageError(error, io);
  }
}

const REFUSED = Symbol('refused');

/** `-o FILE` resolved against the working folder; REFUSED (said on stderr) when it exists without --force. */
function outputFile(options: { output?: string; force?: boolean }, io: CliIo): string | undefined | typeof REFUSED {
  const output = options.output === undefined ? undefined : path.resolve(io.cwd, options.output);
  if (output && !options.force && existsSync(output)) {
    io.stderr(`dipsample: ${options.output} already exists: use --force to overwrite it\n`);
    return REFUSED;
  }
  return output;
}

/** Writes the rendered output to the `-o` file (atomically), or to stdout. */
async function emit(
  text: string,
  output: string | undefined,
  options: { output?: string; force?: boolean },
  io: CliIo,
): Promise<void> {
  if (output) await writeReport(output, text, options.force === true, options.output);
  else io.stdout(text);
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

/** Warnings (a sample manifest its files do not bear out) on stderr; they do not change the exit status. */
function reportManifestWarnings(problems: readonly Problem[], io: CliIo): void {
  for (const problem of problems)
    if (problem.severity === 'warning') io.stderr(`dipsample: warning: ${formatProblem(problem)}\n`);
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
function reportUnaudited(failed: ReadonlyArray<{ path: string; message: string }>, io: CliIo): boolean {
  for (const file of failed) io.stderr(`dipsample: ${file.path}: not audited: ${file.message}\n`);
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

interface RedactCommandOptions {
  out: string;
  force?: boolean;
  salt?: string;
  includeReviews?: boolean;
  format: RedactFormat;
}

/** `dipsample redact`: 0 when the copy is written (files left out are named on stderr), 2 when nothing was. */
async function redact(folder: string, options: RedactCommandOptions, io: CliIo): Promise<number> {
  try {
    const outcome = await runRedact({ folder, cwd: io.cwd, ...options });
    for (const left of outcome.notCopied)
      io.stderr(`dipsample: ${path.join(folder, left.path)}: not copied: ${left.reason}\n`);
    for (const warning of outcome.warnings) io.stderr(`dipsample: warning: ${warning}\n`);
    io.stdout(renderRedaction(outcome, options.format, options.out));
    return EXIT.ok;
  } catch (error) {
    return usageError(error, io);
  }
}

interface DrawCommandOptions {
  plan: string;
  out: string;
  map?: string;
  force?: boolean;
}

/** `dipsample draw`: 0 when the sample is written; 2 for a plan or map problem, an unsatisfiable plan or bad input (nothing written). */
async function draw(frame: string, options: DrawCommandOptions, io: CliIo): Promise<number> {
  const showProgress = io.progress ? recordProgress(io.stderr) : undefined;
  try {
    const outcome = await runDraw({
      frame,
      ...options,
      cwd: io.cwd,
      tool: `dipsample ${packageJson.version}`,
      onProgress: showProgress?.update,
    });
    showProgress?.clear();
    for (const warning of outcome.warnings) io.stderr(`dipsample: warning: ${warning}\n`);
    io.stdout(renderDraw(outcome, options.out));
    return EXIT.ok;
  } catch (error) {
    showProgress?.clear();
    if (error instanceof DrawConfigurationError) {
      reportConfigurationErrors(error.problems, io);
      return EXIT.usage;
    }
    if (error instanceof UnsatisfiablePlan) {
      for (const reason of error.reasons) io.stderr(`dipsample: the plan cannot be met: ${reason}\n`);
      io.stderr('dipsample: nothing was written\n');
      return EXIT.usage;
    }
    return usageError(error, io);
  }
}

/** Records read, on one self-overwriting stderr line. */
function recordProgress(write: (text: string) => void) {
  let shown = false;
  return {
    update(records: number) {
      shown = true;
      write(`\rDrawing: ${records.toLocaleString('en-GB')} records read`);
    },
    clear() {
      if (shown) write('\r\x1b[2K');
    },
  };
}

/** `dipsample import`: 0 when every row was imported, 1 when some were rejected (named on stderr), 2 for a map error or bad input. */
async function importCommand(map: string, options: { out: string; force?: boolean }, io: CliIo): Promise<number> {
  try {
    const outcome = await runImport({ map, ...options, cwd: io.cwd });
    for (const rejected of outcome.rejected) io.stderr(`dipsample: rejected: ${rejected}\n`);
    io.stdout(renderImport(outcome, options.out));
    return outcome.rejected.length > 0 ? EXIT.failOn : EXIT.ok;
  } catch (error) {
    if (error instanceof ImportMapError) {
      reportConfigurationErrors(error.problems, io);
      return EXIT.usage;
    }
    return usageError(error, io);
  }
}
