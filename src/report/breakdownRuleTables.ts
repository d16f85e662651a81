import type { Breakdown, RuleRow } from './model';
import { failedPercent } from './share';
import { wilsonInterval, type Interval } from './wilson';
import { breakdownRows, shareWithInterval, type BreakdownRow, type ShareKind } from './wording';

/** One group (or subtotal, or all files) of a breakdown for one rule: its outcomes and failed share. */
export interface BreakdownRuleRow {
  labels: string[];
  total: boolean;
  subtotal: boolean;
  /** Files in the group, whatever the rule's outcome. */
  files: number;
  failed: number;
  passed: number;
  /** failed + passed: the files the rule was decided for in the group. */
  applicable: number;
  /** failed / applicable in percent; undefined when the rule was decided for no file of the group. */
  failedPercent?: number;
  /** 95% Wilson interval of failedPercent. */
  interval?: Interval;
}

/** A breakdown as one table per rule: the long form of the group × rule grid. */
export interface BreakdownRuleTable {
  rule: RuleRow;
  rows: BreakdownRuleRow[];
}

/** The rule's counts in one row of `breakdownRows`, with the share and interval every report shows. */
export function breakdownRuleRow(row: BreakdownRow, index: number): BreakdownRuleRow {
  const counts = row.rules[index] ?? { failed: 0, passed: 0 };
  const applicable = counts.failed + counts.passed;
  const percent = failedPercent(counts);
  const interval = wilsonInterval(counts.failed, applicable);
  return {
    labels: row.labels,
    total: row.total,
    subtotal: row.subtotal === true,
    files: row.files,
    failed: counts.failed,
    passed: counts.passed,
    applicable,
    ...(percent !== undefined ? { failedPercent: percent } : {}),
    ...(interval ? { interval } : {}),
  };
}

/**
 * A breakdown cut into one table per rule, in the report's rule order, each with the groups,
 * subtotals and all-files row of `breakdownRows`: 27 rules read as 27 short tables, not as a grid
 * of 27 columns.
 */
export function breakdownRuleTables(breakdown: Breakdown, rules: readonly RuleRow[]): BreakdownRuleTable[] {
  const rows = breakdownRows(breakdown, rules);
  return rules.map((rule, index) => ({ rule, rows: rows.map((row) => breakdownRuleRow(row, index)) }));
}

/** A group's labels as one cell: "burglary_dwelling × not_attended"; the all-files row has one label. */
export function groupLabel(labels: readonly string[]): string {
  return labels.join(' × ');
}

/** "30.0% (10.8–60.3), n=10": the group's share of `kind` with its 95% interval and n; "—" when n is 0. */
export function breakdownShareText(row: BreakdownRuleRow, kind: ShareKind = 'failed'): string {
  const share = shareWithInterval(row, kind);
  return share === '—' ? share : `${share}, n=${row.applicable}`;
}
