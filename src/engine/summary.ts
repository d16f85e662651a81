import type { FileReport } from './model';
import type { RuleSet } from './rules/ruleSet';

export interface RuleSummary {
  rule: string;
  title: string;
  severity: string;
  failed: number;
  passed: number;
  notApplicable: number;
  /** Files with syntax errors, where the rule could not be judged. */
  notAudited: number;
}

export interface SampleSummary {
  files: number;
  filesWithSyntaxErrors: number;
  filesWithSchemaErrors: number;
  findings: Record<string, number>;
  rules: RuleSummary[];
}

/** Per-rule tallies over a sample, in rule-set order (rules from every rule set seen). */
export function summarize(reports: readonly FileReport[], ruleSets: readonly RuleSet[]): SampleSummary {
  const rules = new Map<string, RuleSummary>();
  for (const ruleSet of ruleSets) {
    for (const rule of ruleSet.rules) {
      if (!rules.has(rule.id)) {
        rules.set(rule.id, { rule: rule.id, title: rule.title, severity: rule.severity, failed: 0, passed: 0, notApplicable: 0, notAudited: 0 });
      }
    }
  }
  const findings: Record<string, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let filesWithSyntaxErrors = 0;
  let filesWithSchemaErrors = 0;
  for (const report of reports) {
    if (report.syntaxError) filesWithSyntaxErrors++;
    if (report.schemaError) filesWithSchemaErrors++;
    for (const finding of report.findings) findings[finding.severity]++;
    const judged = new Set<string>();
    for (const result of report.results) {
      const tally = rules.get(result.rule);
      if (!tally) continue;
      judged.add(result.rule);
      tally[result.outcome]++;
    }
    if (report.syntaxError) for (const tally of rules.values()) if (!judged.has(tally.rule)) tally.notAudited++;
  }
  return { files: reports.length, filesWithSyntaxErrors, filesWithSchemaErrors, findings, rules: [...rules.values()] };
}

/** Share of applicable files that failed, as a percentage; undefined when none applied. */
export function failedPercent(rule: Pick<RuleSummary, 'failed' | 'passed'>): number | undefined {
  const applicable = rule.failed + rule.passed;
  return applicable === 0 ? undefined : (100 * rule.failed) / applicable;
}
