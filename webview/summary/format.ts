import type { RuleRow } from '../../src/engine/report/sampleReport';
import { percent } from '../../src/engine/report/export/reportText';

/** "68.0% (54.2–79.2)" or "—" when nothing applied (n has its own column). */
export function shareWithInterval(rule: Pick<RuleRow, 'failedPercent' | 'interval'>): string {
  if (rule.failedPercent === undefined || !rule.interval) return '—';
  return `${percent(rule.failedPercent)}% (${percent(rule.interval.low)}–${percent(rule.interval.high)})`;
}

/** snake_case values from crime files shown as words ("not_attended" → "not attended"). */
export function humanise(value: string): string {
  return value.replace(/_/g, ' ');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
