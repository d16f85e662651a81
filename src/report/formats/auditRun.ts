import type { CompiledRule } from '../../engine';
import type { AuditRunHead } from '../model';

/** Every rule that ran in any rule set, once, with its declaration. */
export function rulesOf(run: Pick<AuditRunHead, 'ruleSets'>): CompiledRule[] {
  const seen = new Map<string, CompiledRule>();
  for (const ruleSet of run.ruleSets) for (const rule of ruleSet.rules) if (!seen.has(rule.id)) seen.set(rule.id, rule);
  return [...seen.values()];
}
