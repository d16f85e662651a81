import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  Auditor,
  compareRanges,
  ruleDocPath,
  SCHEMA_RULE,
  SYNTAX_RULE,
  type EngineHost,
  type FileReport,
  type Problem,
  type RuleSet,
} from '../engine';
import { summarize, type AuditRun } from '../report';
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

const READ_CONCURRENCY = 16;

/** Audits every crime file under the inputs, each with the configuration that governs it. */
export async function runAudit(host: EngineHost, options: AuditOptions, tool: AuditRun['tool']): Promise<AuditOutcome> {
  const configFile = options.configFile ? path.resolve(options.cwd, options.configFile) : undefined;
  const auditor = new Auditor(host, {
    ...(options.reviewer ? { reviewer: options.reviewer } : {}),
    ...(options.breakdownFields?.length ? { breakdownFields: options.breakdownFields } : {}),
  });
  const files = options.stdin
    ? [path.resolve(options.cwd, options.stdin.filename)]
    : await findCrimeFiles(options.inputs, options.cwd, {
        ignoresFor: (directory) => auditor.ignoresFor(directory, configFile),
        ignorePatterns: options.ignorePatterns,
        requireMatch: options.requireMatch,
      });
  const reports: FileReport[] = new Array(files.length);
  const ruleSets = new Set<RuleSet>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const { report, ruleSet } = await auditor.auditFile(files[index], options.stdin?.text, configFile);
      ruleSets.add(ruleSet);
      reports[index] = { ...report, path: displayPath(options.cwd, files[index]) };
      options.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  if (files.length === 0 && configFile)
    ruleSets.add(await auditor.ruleSetFor(path.join(options.cwd, 'none'), configFile));

  const { problems: reviewProblems, samples } = await reviewsOfSamples(auditor, files, reports, options);
  const problems = uniqueProblems([...[...ruleSets].flatMap((ruleSet) => ruleSet.problems), ...reviewProblems])
    .map((problem) => ({ ...problem, file: displayPath(options.cwd, problem.file) }))
    .sort((a, b) => a.file.localeCompare(b.file) || compareRanges(a.range, b.range));
  const orderedRuleSets = [...ruleSets];
  return {
    run: {
      files: reports,
      ruleSets: orderedRuleSets,
      summary: summarize(reports, orderedRuleSets),
      tool,
      ruleDocs: ruleDocs(host, orderedRuleSets),
    },
    problems,
    samples,
  };
}

/**
 * The review files' problems of every sample the files belong to. A reference no crime file has
 * is only a problem where the whole sample was audited (an input is the sample folder or above it).
 */
async function reviewsOfSamples(
  auditor: Auditor,
  files: readonly string[],
  reports: readonly FileReport[],
  options: AuditOptions,
): Promise<{ problems: Problem[]; samples: AuditOutcome['samples'] }> {
  const bySample = new Map<string, Set<string>>();
  const reportsOf = new Map<string, FileReport[]>();
  for (let index = 0; index < files.length; index++) {
    const folder = await auditor.sampleFolderFor(path.dirname(files[index]));
    const references = bySample.get(folder) ?? new Set<string>();
    const reference = reports[index].reference;
    if (reference !== undefined) references.add(reference);
    bySample.set(folder, references);
    reportsOf.set(folder, [...(reportsOf.get(folder) ?? []), reports[index]]);
  }
  const inputs = options.inputs.map((input) => path.resolve(options.cwd, input));
  const problems: Problem[] = [];
  const samples: AuditOutcome['samples'] = [];
  for (const [folder, references] of bySample) {
    const whole = inputs.some(
      (input) => folder === input || folder.startsWith(input.endsWith(path.sep) ? input : input + path.sep),
    );
    problems.push(...(await auditor.reviewProblemsFor(folder, whole ? references : undefined)));
    // The manifest describes the whole sample: it is checked only when all of it was audited.
    if (whole) problems.push(...(await auditor.manifestProblemsFor(folder, reportsOf.get(folder) ?? [])));
    const reviews = await auditor.reviewsFor(folder);
    samples.push({ folder, reviewers: reviews.files.flatMap((file) => (file.reviewer ? [file.reviewer.id] : [])) });
  }
  return { problems, samples };
}

/**
 * The doc page (file URI) of every rule that ran, where the page exists: `docs/<id>.md` beside the
 * rule's pack. Syntax and schema findings are not rules: they point at the built-in rules index.
 */
function ruleDocs(host: EngineHost, ruleSets: RuleSet[]): Record<string, string> {
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
