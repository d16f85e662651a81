import type { RuleRow, SampleReport } from '../model';
import { newcombeInterval } from '../newcombe';
import { wilsonInterval } from '../wilson';
import {
  COMPARE_FORMAT,
  type ChangeVerdict,
  type CompareReport,
  type ComparedCounts,
  type ComparedSample,
  type RuleComparison,
} from './model';

export interface CompareInput {
  before: { path: string; report: SampleReport };
  after: { path: string; report: SampleReport };
}

/**
 * Compares two sample reports rule by rule: the failed share of each, the difference after − before
 * and its 95% Newcombe interval. Rules are matched by id, in the order of the later sample, then any
 * the earlier one alone ran.
 */
export function compareReport(input: CompareInput): CompareReport {
  const before = new Map(input.before.report.rules.map((rule) => [rule.rule, rule]));
  const after = new Map(input.after.report.rules.map((rule) => [rule.rule, rule]));
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  const notes: string[] = [];
  const onlyOne = (ids: string[], where: string) => {
    if (ids.length > 0) notes.push(`Run on the ${where} sample only (not comparable): ${ids.join(', ')}.`);
  };
  onlyOne(
    ids.filter((id) => !after.has(id)),
    'earlier',
  );
  onlyOne(
    ids.filter((id) => !before.has(id)),
    'later',
  );
  const [forceBefore, forceAfter] = [input.before.report.sample.force, input.after.report.sample.force];
  if (forceBefore !== undefined && forceAfter !== undefined && forceBefore !== forceAfter)
    notes.push(`The samples are of different forces (${forceBefore}; ${forceAfter}).`);
  for (const [side, report] of [
    ['earlier', input.before.report],
    ['later', input.after.report],
  ] as const) {
    const awaiting = report.rules.filter((rule) => rule.awaitingJudgment > 0).map((rule) => rule.rule);
    if (awaiting.length > 0)
      notes.push(
        `In the ${side} sample some files still await judgment on: ${awaiting.join(', ')} (shares are of the files decided).`,
      );
  }
  return {
    format: COMPARE_FORMAT,
    before: sampleOf(input.before.path, input.before.report),
    after: sampleOf(input.after.path, input.after.report),
    rules: ids.map((id) => compareRule(id, before.get(id), after.get(id))),
    notes,
  };
}

function sampleOf(path: string, report: SampleReport): ComparedSample {
  const { sample } = report;
  return {
    path,
    name: sample.name,
    ...(sample.force !== undefined ? { force: sample.force } : {}),
    ...(sample.period !== undefined ? { period: sample.period } : {}),
    files: report.totals.files,
  };
}

function countsOf(rule: RuleRow | undefined): ComparedCounts | null {
  if (!rule) return null;
  const applicable = rule.failed + rule.passed;
  const interval = wilsonInterval(rule.failed, applicable);
  return {
    failed: rule.failed,
    passed: rule.passed,
    notApplicable: rule.notApplicable,
    awaitingJudgment: rule.awaitingJudgment,
    notAudited: rule.notAudited,
    applicable,
    share: applicable === 0 ? null : rule.failed / applicable,
    low: interval ? interval.low / 100 : null,
    high: interval ? interval.high / 100 : null,
  };
}

function compareRule(id: string, before: RuleRow | undefined, after: RuleRow | undefined): RuleComparison {
  const [earlier, later] = [countsOf(before), countsOf(after)];
  const interval =
    earlier && later ? newcombeInterval(later.failed, later.applicable, earlier.failed, earlier.applicable) : undefined;
  return {
    rule: id,
    title: (after ?? before)!.title,
    before: earlier,
    after: later,
    difference: interval?.difference ?? null,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    change: changeOf(interval),
  };
}

/** Distinguishable from no change when the interval of the difference excludes 0. */
function changeOf(interval: { low: number; high: number } | undefined): ChangeVerdict {
  if (!interval) return 'notComparable';
  if (interval.low > 0) return 'worse';
  if (interval.high < 0) return 'better';
  return 'unchanged';
}
