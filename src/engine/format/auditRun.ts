import type { FileReport } from '../model';
import type { RuleSet } from '../rules/ruleSet';
import type { SampleSummary } from '../summary';

/** The outcome of auditing a set of files: what every output format renders. */
export interface AuditRun {
  /** Reports in a stable order, with paths as they should be shown (relative, forward slashes). */
  files: FileReport[];
  ruleSets: RuleSet[];
  summary: SampleSummary;
  tool: { name: string; version: string };
}

/** Every rule that ran in any rule set, once, with its declaration. */
export function rulesOf(run: AuditRun) {
  const seen = new Map<string, RuleSet['rules'][number]>();
  for (const ruleSet of run.ruleSets) for (const rule of ruleSet.rules) if (!seen.has(rule.id)) seen.set(rule.id, rule);
  return [...seen.values()];
}
