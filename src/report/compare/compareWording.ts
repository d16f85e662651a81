import { percent } from '../wording';
import type { ChangeVerdict, ComparedCounts, RuleComparison } from './model';

/** The wording every comparison format shares. */

export const CHANGE_LABELS: Readonly<Record<ChangeVerdict, string>> = {
  worse: 'worse (more files failed)',
  better: 'better (fewer files failed)',
  unchanged: 'no distinguishable change',
  notComparable: 'not comparable',
};

/** "40.0% (30.9–49.8), 40 of 100"; "—" when the rule was decided on no file or not run. */
export function comparedShareText(counts: ComparedCounts | null): string {
  if (!counts || counts.share === null || counts.low === null || counts.high === null) return counts ? '—' : 'not run';
  return `${percent(100 * counts.share)}% (${percent(100 * counts.low)}–${percent(100 * counts.high)}), ${counts.failed} of ${counts.applicable}`;
}

/** "+12.0 points (−1.5 to +24.3)": the difference in percentage points; "—" when not comparable. */
export function differenceText(rule: Pick<RuleComparison, 'difference' | 'low' | 'high'>): string {
  if (rule.difference === null || rule.low === null || rule.high === null) return '—';
  const points = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${percent(Math.abs(100 * value))}`;
  return `${points(rule.difference)} points (${points(rule.low)} to ${points(rule.high)})`;
}
