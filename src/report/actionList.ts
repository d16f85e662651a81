import type { RuleSet, RuleSource } from '../engine';
import type { RuleRow } from './model';

/** One failed criterion on a force's action list, with the passage it comes from and any recommendation. */
export interface ActionItem {
  rule: string;
  title: string;
  failed: number;
  applicable: number;
  failedPercent: number;
  interval: NonNullable<RuleRow['interval']>;
  /** The inspection passage the criterion rests on (its first source that is not a recommendation). */
  passage?: RuleSource;
  /** The recommendations among its sources ("Recommendation 21"). */
  recommendations: RuleSource[];
}

const isRecommendation = (source: RuleSource) => /^recommendation\b/i.test(source.paragraph?.trim() ?? '');

/**
 * The failed criteria of a sample ranked for action: by the lower bound of the failed share's 95%
 * interval (what the sample shows at the least), then by the share, so a criterion failed on 3 of 4
 * files does not outrank one failed on 30 of 50. Criteria no file failed are left out.
 */
export function actionList(rules: readonly RuleRow[], ruleSets: readonly RuleSet[]): ActionItem[] {
  const sources = new Map<string, RuleSource[]>();
  for (const ruleSet of ruleSets)
    for (const rule of ruleSet.rules) if (!sources.has(rule.id)) sources.set(rule.id, rule.declaration.source);
  return rules
    .filter((rule) => rule.failed > 0 && rule.failedPercent !== undefined && rule.interval !== undefined)
    .map((rule) => {
      const cited = sources.get(rule.rule) ?? [];
      const passage = cited.find((source) => !isRecommendation(source));
      return {
        rule: rule.rule,
        title: rule.title,
        failed: rule.failed,
        applicable: rule.applicable,
        failedPercent: rule.failedPercent!,
        interval: rule.interval!,
        ...(passage ? { passage } : {}),
        recommendations: cited.filter(isRecommendation),
      };
    })
    .sort(
      (a, b) => b.interval.low - a.interval.low || b.failedPercent - a.failedPercent || a.rule.localeCompare(b.rule),
    );
}
