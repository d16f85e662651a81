import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  Auditor,
  compareRanges,
  INTERNAL_RULE,
  ruleDocPath,
  SCHEMA_RULE,
  SYNTAX_RULE,
  type AuditorDefaults,
  type EngineHost,
  type FileReport,
  type Problem,
  type RuleSet,
  type SampleMember,
  sampleMemberOf,
} from '../engine';
import { SampleTally, type AuditRun } from '../report';
import { AuditCache, type CacheStrategy } from '../node/auditCache';
import type { Concurrency } from '../node/auditPool';
import { auditBatch, type BatchAuditStats } from '../node/batchAudit';
import { findCrimeFiles } from '../node/findCrimeFiles';

export interface AuditOptions {
  inputs: string[];
  configFile?: string;
  cwd: string;
  /** Audit from this reviewer's answers alone. */
  reviewer?: string;
  /** Field paths to read off each file for breakdowns (`report --by`). */
  breakdownFields?: string[];
  onProgress?: (done: number, total: number) => void;
  /** Audit this text instead of searching `inputs` (`dipsample audit -`); `filename` names it and finds its configuration. */
  stdin?: { text: string; filename: string };
  /** More .gitignore-style globs of files not to audit, relative to `cwd` (`--ignore-pattern`). */
  ignorePatterns?: string[];
  /** A folder or glob with no crime file is an InputError (`dipsample audit`). */
  requireMatch?: boolean;
  /** Worker threads (`--concurrency`; default `auto`). */
  concurrency?: Concurrency;
  /**
   * The main thread audits alongside the workers (default true: it has nothing else to do, and one
   * worker fewer saves its heap). Tests that inject faults into every worker turn it off.
   */
  mainThreadAudits?: boolean;
  /** `--cache`: the cache file, what made it (its results are only reused by the same version) and how files are known unchanged. */
  cache?: { file: string; tool: string; strategy: CacheStrategy };
  /** A worker script other than the bundled one (tests). */
  workerScript?: string;
}

export interface AuditOutcome {
  run: AuditRun;
  /**
   * Problems in rule packs, configurations, manifests or review files: errors mean the audit cannot
   * be trusted (exit 2); warnings (a manifest its files do not bear out) are said on stderr.
   */
  problems: Problem[];
  /** The sample folders the files belong to, and whether each has a review file of `reviewer`. */
  samples: Array<{ folder: string; reviewers: string[] }>;
}

/** What a streamed audit knows before its first file: all a format needs to begin. */
export interface AuditStart {
  ruleSets: RuleSet[];
  ruleDocs: Record<string, string>;
  /** Problems known before any file is audited (packs, configurations, review files' own). */
  problems: Problem[];
  /**
   * Whether the audit itself may still find an error (a review entry naming no crime file of its
   * sample, known once every file's reference is): a caller that must not show results on an error
   * holds the output until the end.
   */
  laterProblemsPossible: boolean;
  files: number;
}

/** Where a streamed audit's reports go: each file's, in input order, paths as shown. */
export interface AuditSink {
  start?(start: AuditStart): void;
  file(report: FileReport): void;
}

/** A streamed audit's result: everything but the reports, which went to the sink. */
export interface StreamedAudit extends Omit<AuditOutcome, 'run'> {
  summary: AuditRun['summary'];
  ruleSets: RuleSet[];
  ruleDocs: Record<string, string>;
  /** Files the engine failed on (not audited), with why: the results are incomplete. */
  unaudited: Array<{ path: string; message: string }>;
  stats: BatchAuditStats;
  /** Why the cache on disk was set aside, when it was. */
  cacheDiscarded?: string;
}

/** Audits every crime file under the inputs, each with the configuration that governs it. */
export async function runAudit(host: EngineHost, options: AuditOptions, tool: AuditRun['tool']): Promise<AuditOutcome> {
  const files: FileReport[] = [];
  const streamed = await streamAudit(host, options, { file: (report) => files.push(report) });
  const { summary, ruleSets, ruleDocs, problems, samples } = streamed;
  return { run: { files, ruleSets, summary, tool, ruleDocs }, problems, samples };
}

/**
 * Audits every crime file under the inputs and hands each report to `sink` as it completes, in
 * input order, keeping only the tally: memory stays flat however many files there are.
 */
export async function streamAudit(host: EngineHost, options: AuditOptions, sink: AuditSink): Promise<StreamedAudit> {
  const configFile = options.configFile ? path.resolve(options.cwd, options.configFile) : undefined;
  const defaults: AuditorDefaults = {
    ...(options.reviewer ? { reviewer: options.reviewer } : {}),
    ...(options.breakdownFields?.length ? { breakdownFields: options.breakdownFields } : {}),
  };
  const auditor = new Auditor(host, defaults);
  const ignoredFiles: string[] = [];
  const files = options.stdin
    ? [path.resolve(options.cwd, options.stdin.filename)]
    : await findCrimeFiles(options.inputs, options.cwd, {
        ignoresFor: (directory) => auditor.ignoresFor(directory, configFile),
        ignorePatterns: options.ignorePatterns,
        requireMatch: options.requireMatch,
        onIgnored: (file) => ignoredFiles.push(file),
      });

  // Every rule set and sample is known before the first file, so every format can begin at once.
  const ruleSets = new Set<RuleSet>();
  const sampleOf: string[] = new Array(files.length);
  // One string per folder, not per file (each lookup gives a new one): the list lasts the whole run.
  const sampleOfFolder = new Map<string, string>();
  for (let index = 0; index < files.length; index++) {
    ruleSets.add(await auditor.ruleSetFor(files[index], configFile));
    const folder = path.dirname(files[index]);
    let sample = sampleOfFolder.get(folder);
    if (sample === undefined) sampleOfFolder.set(folder, (sample = await auditor.sampleFolderFor(folder)));
    sampleOf[index] = sample;
  }
  if (files.length === 0 && configFile)
    ruleSets.add(await auditor.ruleSetFor(path.join(options.cwd, 'none'), configFile));
  const orderedRuleSets = [...ruleSets];
  const sampleFolders = [...new Set(sampleOf)];
  const inputs = options.inputs.map((input) => path.resolve(options.cwd, input));
  // A sample is audited whole when an input holds its folder and no file of it was ignored: only
  // then can a review name a reference no file has, or the files fall short of the manifest.
  const partial = new Set<string>();
  for (const file of ignoredFiles) partial.add(await auditor.sampleFolderFor(path.dirname(file)));
  const whole = new Set(sampleFolders.filter((folder) => isWithinAny(folder, inputs) && !partial.has(folder)));
  const earlyProblems = orderedRuleSets.flatMap((ruleSet) => ruleSet.problems);
  // The samples checked against their files once all are audited: whole, with review entries
  // (a reference no file has) or a manifest of their own. Only these keep anything per file.
  const membersOf = new Map<string, SampleMember[]>();
  let laterProblemsPossible = false;
  for (const folder of sampleFolders) {
    earlyProblems.push(...(await auditor.reviewProblemsFor(folder)));
    if (!whole.has(folder)) continue;
    const reviews = await auditor.reviewsFor(folder);
    const reviewed = reviews.files.some((file) => file.entries.length > 0);
    if (reviewed) laterProblemsPossible = true;
    if (reviewed || (await auditor.ownManifestOf(folder))) membersOf.set(folder, []);
  }
  const ruleDocs = ruleDocsOf(host, orderedRuleSets);
  sink.start?.({
    ruleSets: orderedRuleSets,
    ruleDocs,
    problems: shownProblems(earlyProblems, options.cwd),
    laterProblemsPossible,
    files: files.length,
  });

  const cacheOptions = options.stdin ? undefined : options.cache;
  const cache = cacheOptions ? await AuditCache.open(cacheOptions.file, cacheOptions.tool) : undefined;
  const tally = new SampleTally(orderedRuleSets, { retainReports: false });
  const unaudited: StreamedAudit['unaudited'] = [];
  const stats = await auditBatch(
    auditor,
    files,
    {
      defaults,
      configFile,
      concurrency: options.concurrency,
      mainThreadAudits: options.mainThreadAudits ?? true,
      ...(cache && cacheOptions
        ? { cache: { cache, strategy: cacheOptions.strategy, context: { defaults, tool: cacheOptions.tool } } }
        : {}),
      ...(options.stdin ? { texts: new Map([[files[0], options.stdin.text]]) } : {}),
      workerScript: options.workerScript,
      onProgress: options.onProgress,
    },
    (index, report) => {
      const shown = { ...report, path: displayPath(options.cwd, files[index]) };
      tally.set(shown);
      if (report.internalError) unaudited.push(...unauditedFiles([shown]));
      membersOf.get(sampleOf[index])?.push(sampleMemberOf(shown));
      sink.file(shown);
    },
  );
  if (cache) await cache.save();

  const { problems: reviewProblems, samples } = await reviewsOfSamples(auditor, sampleFolders, membersOf);
  return {
    summary: tally.summary(),
    ruleSets: orderedRuleSets,
    ruleDocs,
    problems: shownProblems([...earlyProblems, ...reviewProblems], options.cwd),
    samples,
    unaudited,
    stats,
    ...(cache?.discarded ? { cacheDiscarded: cache.discarded } : {}),
  };
}

/** The files the engine failed on (not audited), each with why. */
export function unauditedFiles(reports: readonly FileReport[]): Array<{ path: string; message: string }> {
  return reports
    .filter((report) => report.internalError)
    .map((report) => ({
      path: report.path,
      message: report.findings.find((finding) => finding.rule === INTERNAL_RULE)?.message ?? 'internal error',
    }));
}

/** Problems once each, paths as shown, in file and position order. */
function shownProblems(problems: Problem[], cwd: string): Problem[] {
  return uniqueProblems(problems)
    .map((problem) => ({ ...problem, file: displayPath(cwd, problem.file) }))
    .sort((a, b) => a.file.localeCompare(b.file) || compareRanges(a.range, b.range));
}

/** Whether a folder is one of the inputs or inside one: its whole sample was audited. */
function isWithinAny(folder: string, inputs: readonly string[]): boolean {
  return inputs.some(
    (input) => folder === input || folder.startsWith(input.endsWith(path.sep) ? input : input + path.sep),
  );
}

/**
 * The problems found by checking samples against their files — review references no crime file
 * has, what the manifest's files do not bear out — for the samples in `membersOf` (audited whole,
 * with such checks), and every sample's reviewers.
 */
async function reviewsOfSamples(
  auditor: Auditor,
  folders: readonly string[],
  membersOf: ReadonlyMap<string, SampleMember[]>,
): Promise<{ problems: Problem[]; samples: AuditOutcome['samples'] }> {
  const problems: Problem[] = [];
  const samples: AuditOutcome['samples'] = [];
  for (const folder of folders) {
    const members = membersOf.get(folder);
    if (members) {
      const references = new Set(
        members.flatMap((member) => (member.reference === undefined ? [] : [member.reference])),
      );
      problems.push(...(await auditor.reviewProblemsFor(folder, references)));
      // The manifest describes the whole sample: it is checked only when all of it was audited.
      problems.push(...(await auditor.manifestProblemsFor(folder, members)));
    }
    const reviews = await auditor.reviewsFor(folder);
    samples.push({ folder, reviewers: reviews.files.flatMap((file) => (file.reviewer ? [file.reviewer.id] : [])) });
  }
  return { problems, samples };
}

/**
 * The doc page (file URI) of every rule that ran, where the page exists: `docs/<id>.md` beside the
 * rule's pack. Syntax and schema findings are not rules: they point at the built-in rules index.
 */
function ruleDocsOf(host: EngineHost, ruleSets: RuleSet[]): Record<string, string> {
  const docs: Record<string, string> = {};
  const add = (id: string, page: string) => {
    if (!(id in docs) && existsSync(page)) docs[id] = pathToFileURL(page).href;
  };
  const index = path.join(host.builtinRulesDir, 'docs', 'README.md');
  add(SYNTAX_RULE, index);
  add(SCHEMA_RULE, index);
  for (const ruleSet of ruleSets)
    for (const rule of ruleSet.rules) add(rule.id, ruleDocPath({ id: rule.id, file: rule.declaration.file }, path));
  return docs;
}

/** Relative to the working folder when inside it (forward slashes), else absolute. */
function displayPath(cwd: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const relative = path.relative(cwd, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return (outside ? file : relative).split(path.sep).join('/');
}

function uniqueProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.range.start.line}:${problem.range.start.character}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
