import type { FileReport } from './model';
import type { VerdictDeclaration } from './rules/rule';
import type { RuleSet } from './rules/ruleSet';

export interface RuleSummary {
  rule: string;
  title: string;
  severity: string;
  failed: number;
  passed: number;
  notApplicable: number;
  /** Judgment criteria not yet answered by a reviewer (neither passed nor failed). */
  awaitingJudgment: number;
  /** Files with syntax errors, where the rule could not be judged. */
  notAudited: number;
}

/** A pack's sample-level verdict, e.g. HMIC's "unsatisfactory in at least six of the 20 files". */
export interface VerdictSummary {
  verdict: string;
  title: string;
  pack: string;
  /**
   * unsatisfactory / satisfactory; awaitingJudgment while files still await a reviewer and the
   * failures so far do not already decide it; notApplicable when none of its rules applied.
   */
  status: 'satisfactory' | 'unsatisfactory' | 'awaitingJudgment' | 'notApplicable';
  awaitingFiles: number;
  /** Files failing any of the verdict's rules, out of the files any of them applied to. */
  failedFiles: number;
  applicableFiles: number;
  threshold: string;
  rules: string[];
}

export interface SampleSummary {
  files: number;
  filesWithSyntaxErrors: number;
  filesWithSchemaErrors: number;
  findings: Record<string, number>;
  rules: RuleSummary[];
  verdicts: VerdictSummary[];
}

/** Per-rule tallies over a sample, in rule-set order (rules from every rule set seen). */
export function summarize(reports: readonly FileReport[], ruleSets: readonly RuleSet[]): SampleSummary {
  const rules = new Map<string, RuleSummary>();
  for (const ruleSet of ruleSets) {
    for (const rule of ruleSet.rules) {
      if (!rules.has(rule.id)) {
        rules.set(rule.id, { rule: rule.id, title: rule.title, severity: rule.severity, failed: 0, passed: 0, notApplicable: 0, awaitingJudgment: 0, notAudited: 0 });
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
  return { files: reports.length, filesWithSyntaxErrors, filesWithSchemaErrors, findings, rules: [...rules.values()], verdicts: verdictsOf(reports, ruleSets) };
}

function verdictsOf(reports: readonly FileReport[], ruleSets: readonly RuleSet[]): VerdictSummary[] {
  const declared = new Map<string, VerdictDeclaration>();
  for (const ruleSet of ruleSets) for (const pack of ruleSet.packs) for (const verdict of pack.verdicts) if (!declared.has(verdict.id)) declared.set(verdict.id, verdict);
  return [...declared.values()].map((verdict) => {
    const watched = new Set(verdict.rules);
    let failedFiles = 0;
    let applicableFiles = 0;
    let awaitingFiles = 0;
    for (const report of reports) {
      const outcomes = report.results.filter((result) => watched.has(result.rule)).map((result) => result.outcome);
      if (outcomes.some((o) => o === 'failed' || o === 'passed' || o === 'awaitingJudgment')) applicableFiles++;
      if (outcomes.includes('failed')) failedFiles++;
      else if (outcomes.includes('awaitingJudgment')) awaitingFiles++;
    }
    const { failedFilesAtLeast, failedShareAtLeast } = verdict.unsatisfactoryWhen;
    const unsatisfactory =
      (failedFilesAtLeast !== undefined && failedFiles >= failedFilesAtLeast) ||
      (failedShareAtLeast !== undefined && applicableFiles > 0 && failedFiles / applicableFiles >= failedShareAtLeast);
    const threshold = [
      failedFilesAtLeast !== undefined ? `at least ${failedFilesAtLeast} files fail` : undefined,
      failedShareAtLeast !== undefined ? `at least ${Math.round(failedShareAtLeast * 1000) / 10}% of files fail` : undefined,
    ]
      .filter(Boolean)
      .join(' or ');
    return {
      verdict: verdict.id,
      title: verdict.title,
      pack: verdict.pack,
      status: applicableFiles === 0 ? 'notApplicable' : unsatisfactory ? 'unsatisfactory' : awaitingFiles > 0 ? 'awaitingJudgment' : 'satisfactory',
      failedFiles,
      awaitingFiles,
      applicableFiles,
      threshold: `unsatisfactory when ${threshold}`,
      rules: verdict.rules,
    };
  });
}

/** Share of applicable files that failed, as a percentage; undefined when none applied. */
export function failedPercent(rule: Pick<RuleSummary, 'failed' | 'passed'>): number | undefined {
  const applicable = rule.failed + rule.passed;
  return applicable === 0 ? undefined : (100 * rule.failed) / applicable;
}
