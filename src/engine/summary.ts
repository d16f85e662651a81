import type { FileReport } from './model';
import { SampleTally } from './report/sampleTally';
import type { VerdictStatus } from './report/verdictStatus';
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
  status: VerdictStatus;
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
  const tally = new SampleTally(ruleSets);
  for (const report of reports) tally.set(report);
  return tally.summary();
}

/** Share of applicable files that failed, as a percentage; undefined when none applied. */
export function failedPercent(rule: Pick<RuleSummary, 'failed' | 'passed'>): number | undefined {
  const applicable = rule.failed + rule.passed;
  return applicable === 0 ? undefined : (100 * rule.failed) / applicable;
}
