import { crimeFileProblems, recordFacts, recordKind, recordReference } from './crimeFile';
import {
  compareRanges,
  INTERNAL_RULE,
  SCHEMA_RULE,
  unauditedReport,
  SYNTAX_RULE,
  type FileReport,
  type Finding,
  type Judgments,
  type RuleResult,
} from './model';
import type { CompiledRule } from './rules/compileRule';
import { ParsedDocument } from './parse/document';
import { renderMessage } from './rules/messageTemplate';
import { RULE_TIME_BUDGET_MS, type RuleSet } from './rules/ruleSet';

/**
 * Audits one crime file's text with a rule set. Pure and synchronous: no file system, no editor.
 * Syntax errors stop the rules (there is no record to judge); schema errors do not, so an auditor
 * still sees what the rules make of the rest of the record.
 */
export function auditText(text: string, file: string, ruleSet: RuleSet, judgments: Judgments = {}): FileReport {
  // The error boundary of one file: whatever goes wrong in the engine, the sample goes on, and the
  // file says it could not be audited instead of passing or failing on a half-run.
  try {
    return auditUnguarded(text, file, ruleSet, judgments);
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return unauditedReport(
      file,
      INTERNAL_RULE,
      `dipsample could not audit this file (internal error: ${reason.slice(0, 200)})`,
    );
  }
}

function auditUnguarded(text: string, file: string, ruleSet: RuleSet, judgments: Judgments): FileReport {
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
  const findings: Finding[] = crimeFileProblems(record).map((problem) => ({
    rule: SCHEMA_RULE,
    severity: 'error',
    message: problem.message,
    range: problem.atKey ? document.locateKey(problem.path) : document.locate(problem.path).range,
    path: problem.path,
  }));
  const schemaError = findings.length > 0;
  const results: RuleResult[] = [];
  const context = { record, timeZone: ruleSet.timeZone };

  const kind = recordKind(record);
  const budget = ruleSet.timeBudgetMs ?? RULE_TIME_BUDGET_MS;
  const started = Date.now();
  for (const rule of ruleSet.rules) {
    if (Date.now() - started > budget) {
      throw new Error(`the rules took longer than ${budget} ms and were stopped before ${rule.id}`);
    }
    if (!rule.kinds.has(kind) || (rule.applies && !rule.applies(record, record, ruleSet.timeZone))) {
      results.push({ rule: rule.id, outcome: 'notApplicable' });
      continue;
    }
    if (!rule.check) {
      results.push(judge(rule, judgments[rule.id]));
      continue;
    }
    const result = rule.check(context);
    if (result.outcome !== 'failed') {
      results.push({ rule: rule.id, outcome: result.outcome });
      continue;
    }
    results.push({ rule: rule.id, outcome: 'failed' });
    for (const failure of result.failures) {
      const location = document.locate(failure.path);
      const fix = rule.declaration.fix;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        message: renderMessage(rule, failure.data) ?? failure.message,
        range: location.range,
        path: location.path,
        ...(fix && location.exact
          ? {
              fix: {
                title: fix.title,
                range: document.locateValue(failure.path),
                newText: document.inlineText(fix.set),
              },
            }
          : {}),
      });
    }
  }

  findings.sort((a, b) => compareRanges(a.range, b.range) || a.rule.localeCompare(b.rule));
  return {
    path: file,
    reference: recordReference(record),
    facts: recordFacts(record),
    findings,
    results,
    syntaxError: false,
    schemaError,
  };
}

/** A judgment criterion's result: awaiting a reviewer until an answer on its scale is recorded. */
function judge(rule: CompiledRule, answer: string | undefined): RuleResult {
  const step = answer === undefined ? undefined : rule.declaration.judgment?.scale.find((s) => s.value === answer);
  return step
    ? { rule: rule.id, outcome: step.outcome, judgment: step.value }
    : { rule: rule.id, outcome: 'awaitingJudgment' };
}
