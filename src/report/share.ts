import type { OutcomeCounts } from './model';

/** Share of the files where a rule was decided (failed + passed) that failed, in percent; undefined when none. */
export function failedPercent(counts: Pick<OutcomeCounts, 'failed' | 'passed'>): number | undefined {
  const applicable = counts.failed + counts.passed;
  return applicable === 0 ? undefined : (100 * counts.failed) / applicable;
}
