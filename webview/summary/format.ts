import type { RuleRow } from '../../src/engine/report/sampleReport';
import type { OutcomeCounts } from '../../src/engine/report/sampleTally';

/** "68.0%" with one decimal, the way the inspection reports quote shares. */
export function percent(value: number): string {
  return `${value.toFixed(1)}%`;
}

/** "68.0% (54.2–79.2)" or "—" when nothing applied. */
export function shareWithInterval(rule: Pick<RuleRow, 'failedPercent' | 'interval'>): string {
  if (rule.failedPercent === undefined || !rule.interval) return '—';
  return `${percent(rule.failedPercent)} (${rule.interval.low.toFixed(1)}–${rule.interval.high.toFixed(1)})`;
}

/** "3 of 10 (30.0%)" for a breakdown cell, or "—" when the rule never applied there. */
export function failedOfApplicable(counts: OutcomeCounts | undefined): string {
  const applicable = counts ? counts.failed + counts.passed : 0;
  if (!counts || applicable === 0) return '—';
  return `${counts.failed} of ${applicable} (${percent((100 * counts.failed) / applicable)})`;
}

/** snake_case values from crime files shown as words ("not_attended" → "not attended"). */
export function humanise(value: string): string {
  return value.replace(/_/g, ' ');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export const VERDICT_LABELS: Record<string, string> = {
  satisfactory: 'Satisfactory',
  unsatisfactory: 'Unsatisfactory',
  awaitingJudgment: 'Awaiting judgment',
  notApplicable: 'Not applicable',
};
