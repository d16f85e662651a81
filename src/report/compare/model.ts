/**
 * The comparison of two samples of the same force, before and after (a re-inspection against an
 * earlier sample): per rule the failed share before and after, the difference (after − before) and
 * its 95% Newcombe hybrid score interval. `dipsample compare --format json` prints this object;
 * `rules[].{rule, before, after, difference, low, high}` are a contract (shares as fractions 0–1).
 */
import type { OutcomeCounts } from '../model';

export const COMPARE_FORMAT = 'dipsample-compare/1';

export interface ComparedSample {
  /** The sample folder as given. */
  path: string;
  name: string;
  force?: string;
  period?: { from?: string; to?: string; basis?: string };
  files: number;
}

export interface ComparedCounts extends OutcomeCounts {
  /** failed + passed: the files the rule was decided for. */
  applicable: number;
  /** failed / applicable as a fraction; null when nothing applied. */
  share: number | null;
  /** Its 95% Wilson interval, as fractions; null with share. */
  low: number | null;
  high: number | null;
}

/**
 * worse: the failed share rose and the interval of the difference excludes 0; better: it fell, likewise;
 * unchanged: the interval includes 0 (no change distinguishable at 95%); notComparable: the rule
 * was decided on no file in one of the samples, or was not run in one of them.
 */
export type ChangeVerdict = 'worse' | 'better' | 'unchanged' | 'notComparable';

export interface RuleComparison {
  rule: string;
  title: string;
  /** Null when the rule was not run on that sample. */
  before: ComparedCounts | null;
  after: ComparedCounts | null;
  /** after − before failed share, as a fraction; null when not comparable. */
  difference: number | null;
  low: number | null;
  high: number | null;
  change: ChangeVerdict;
}

export interface CompareReport {
  format: typeof COMPARE_FORMAT;
  before: ComparedSample;
  after: ComparedSample;
  rules: RuleComparison[];
  /** What makes the comparison partial: rules run in one sample only, samples of different forces. */
  notes: string[];
}
