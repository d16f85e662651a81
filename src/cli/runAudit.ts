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
  onProgress?: (done: number, total: number) => void;
}

export interface AuditOutcome {
  run: AuditRun;
  /** Problems in rule packs, configurations, manifests or review files: the audit cannot be trusted (exit 2). */
  problems: Problem[];
  /** The sample folders the files belong to, and whether each has a review file of `reviewer`. */
  samples: Array<{ folder: string; reviewers: string[] }>;
}

const READ_CONCURRENCY = 16;

/** Audits every crime file under the inputs, each with the configuration that governs it. */
export async function runAudit(host: EngineHost, options: AuditOptions, tool: AuditRun['tool']): Promise<AuditOutcome> {
  const files = await findCrimeFiles(options.inputs, options.cwd);
  const configFile = options.configFile ? path.resolve(options.cwd, options.configFile) : undefined;
  const auditor = new Auditor(host, options.reviewer ? { reviewer: options.reviewer } : {});
  const reports: FileReport[] = new Array(files.length);
  const ruleSets = new Set<RuleSet>();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const { report, ruleSet } = await auditor.auditFile(files[index], undefined, configFile);
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
  for (let index = 0; index < files.length; index++) {
    const folder = await auditor.sampleFolderFor(path.dirname(files[index]));
    const references = bySample.get(folder) ?? new Set<string>();
    const reference = reports[index].reference;
    if (reference !== undefined) references.add(reference);
    bySample.set(folder, references);
  }
  const inputs = options.inputs.map((input) => path.resolve(options.cwd, input));
  const problems: Problem[] = [];
  const samples: AuditOutcome['samples'] = [];
  for (const [folder, references] of bySample) {
    const whole = inputs.some(
      (input) => folder === input || folder.startsWith(input.endsWith(path.sep) ? input : input + path.sep),
    );
    problems.push(...(await auditor.reviewProblemsFor(folder, whole ? references : undefined)));
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
