import { crimeFileProblems, recordFacts, recordKind, recordReference } from './crimeFile';
import {
  compareRanges,
  INTERNAL_RULE,
  SCHEMA_RULE,
  START_OF_FILE,
  unauditedReport,
  SYNTAX_RULE,
  type FileReport,
  type Finding,
  type Judgments,
  type PathSegment,
  type RuleOutcome,
  type RuleResult,
} from './model';
import { isBlank } from './functions/predicate';
import type { CompiledRule } from './rules/compileRule';
import { ParsedDocument } from './parse/document';
import type { SchemaProblem } from './schemas/schemaProblems';
import { renderMessage } from './rules/messageTemplate';
import { applyReview, reviewFor, type ReviewLookup } from './reviews/applyReview';
import type { CheckFailure } from './functions';
import { RULE_TIME_BUDGET_MS, type RuleSet } from './rules/ruleSet';
import { sampledValues } from './sampling/manifestCheck';

/**
 * Audits one crime file's text with a rule set. Pure and synchronous: no file system, no editor.
 * Syntax errors stop the rules (there is no record to judge); schema errors do not, so an auditor
 * still sees what the rules make of the rest of the record.
 */
export function auditText(
  text: string,
  file: string,
  ruleSet: RuleSet,
  reviews: ReviewLookup | Judgments = {},
): FileReport {
  // The error boundary of one file: whatever goes wrong in the engine, the sample goes on, and the
  // file says it could not be audited instead of passing or failing on a half-run.
  try {
    return detachedFromText(auditUnguarded(text, file, ruleSet, reviews));
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return unauditedReport(
      file,
      INTERNAL_RULE,
      `dipsample could not audit this file (internal error: ${reason.slice(0, 200)})`,
    );
  }
}

function auditUnguarded(text: string, file: string, ruleSet: RuleSet, reviews: ReviewLookup | Judgments): FileReport {
  const document = new ParsedDocument(text, /\.json$/i.test(file) ? 'json' : 'yaml');
  if (document.problems.length > 0) {
    return {
      path: file,
      findings: document.problems.map((problem) => ({
        rule: SYNTAX_RULE,
        severity: 'error',
        message: problem.message,
        range: problem.range,
        path: [],
      })),
      results: [],
      syntaxError: true,
      schemaError: false,
    };
  }
  const record = document.value;
  const schemaProblems = crimeFileProblems(record);
  const findings: Finding[] = schemaProblems.map((problem) => ({
    rule: SCHEMA_RULE,
    severity: 'error',
    message: problem.message,
    range: problem.atKey ? document.locateKey(problem.path) : document.locate(problem.path).range,
    path: problem.path,
  }));
  const schemaError = findings.length > 0;
  const results: RuleResult[] = [];
  const brokenFields = brokenTopLevelFields(schemaProblems);

  const kind = recordKind(record);
  const reference = recordReference(record);
  const review = reviewFor(reviews, reference);
  const fileStart = reference === undefined ? START_OF_FILE : document.locateKey(['reference']);
  const budget = ruleSet.timeBudgetMs ?? RULE_TIME_BUDGET_MS;
  const started = Date.now();
  for (const rule of ruleSet.rules) {
    if (Date.now() - started > budget) {
      throw new Error(`the rules took longer than ${budget} ms and were stopped before ${rule.id}`);
    }
    // On a schema-broken file, watch which fields the rule reads: if it read a broken one, what it
    // made of the file (passed, failed or not applicable) cannot be trusted, so it is not audited.
    const watch = brokenFields.size > 0 ? readTracker(record) : undefined;
    const seen = watch?.record ?? record;
    const applies = rule.kinds.has(kind) && (!rule.applies || rule.applies(seen, seen, ruleSet.timeZone));
    const result = applies && rule.check ? rule.check({ record: seen, timeZone: ruleSet.timeZone }) : undefined;
    const machine: { outcome: RuleOutcome; findings: Finding[] } = { outcome: 'notApplicable', findings: [] };
    if (watch && [...watch.read].some((field) => brokenFields.has(field))) machine.outcome = 'notAudited';
    else if (!applies) machine.outcome = 'notApplicable';
    else if (!result) machine.outcome = 'awaitingJudgment';
    else if (result.outcome !== 'failed') machine.outcome = result.outcome;
    else {
      machine.outcome = 'failed';
      for (const failure of result.failures) machine.findings.push(failureFinding(rule, failure, document));
    }
    const decided = applyReview(rule, machine, review.get(rule.id), fileStart);
    results.push(decided.result);
    findings.push(...decided.findings);
  }

  findings.sort((a, b) => compareRanges(a.range, b.range) || a.rule.localeCompare(b.rule));
  return {
    path: file,
    reference,
    ...(reference !== undefined ? { referenceRange: fileStart } : {}),
    facts: ruleSet.sampleFields?.length
      ? { ...recordFacts(record, ruleSet.timeZone), sampled: sampledValues(record, ruleSet.sampleFields) }
      : recordFacts(record, ruleSet.timeZone),
    findings,
    results,
    syntaxError: false,
    schemaError,
  };
}

/**
 * The report with strings of its own. The values a report takes off the record (its reference,
 * facts, words in messages) are slices of the file's text, and a slice keeps the whole text alive:
 * a report that outlives its audit (the editor's results, a batch's tallies) would hold every file
 * it was made from. A structured clone copies each string, for about 1% of the file's audit.
 */
function detachedFromText(report: FileReport): FileReport {
  // Every runtime the engine runs in has it (Node 17+, browsers, web workers); the engine compiles
  // without DOM or Node types, so it is declared below.
  return structuredClone(report);
}

/**
 * Top-level fields that hold a value the schema refuses. Missing fields are the rules' business (a
 * rule says what it makes of an absent plan), and unknown fields are read by no rule.
 */
function brokenTopLevelFields(problems: readonly SchemaProblem[]): Set<string> {
  const fields = new Set<string>();
  for (const problem of problems) {
    const [field] = problem.path;
    if (problem.code === 'bad-value' && typeof field === 'string') fields.add(field);
  }
  return fields;
}

/** The record seen through a proxy that notes each top-level field read (or tested for). */
function readTracker(record: unknown): { record: unknown; read: Set<string> } {
  const read = new Set<string>();
  if (typeof record !== 'object' || record === null) return { record, read };
  const proxy = new Proxy(record, {
    get(target, key, receiver) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
  return { record: proxy, read };
}

/** A machine check's failure as a finding, located, with the rule's mechanical fix where it has one. */
function failureFinding(rule: CompiledRule, failure: CheckFailure, document: ParsedDocument): Finding {
  const location = document.locate(failure.path);
  const fix = rule.declaration.fix;
  return {
    rule: rule.id,
    severity: rule.severity,
    message: renderMessage(rule, failure.data) ?? failure.message,
    range: location.range,
    path: location.path,
    // A mechanical fix fills in what is empty; it never replaces what a person wrote.
    ...(fix && location.exact && isBlank(valueAt(document.value, failure.path))
      ? {
          fix: {
            title: fix.title,
            range: document.locateValue(failure.path),
            newText: document.inlineText(fix.set),
            ...(fix.unattended === true ? { unattended: true as const } : {}),
          },
        }
      : {}),
  };
}

/** The value at a located path of the parsed record (undefined where it does not exist). */
function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

declare function structuredClone<T>(value: T): T;
