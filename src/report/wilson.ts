/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  /** Lower and upper bound, as percentages (0–100). */
  low: number;
  high: number;
}

/**
 * The Wilson score interval for `successes` out of `n`, in percent. Unlike the normal
 * approximation it stays inside 0–100 and behaves at 0 and n — what small dip-samples (20 files,
 * 50 files) need. Undefined when n is 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | undefined {
  if (n <= 0) return undefined;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: 100 * Math.max(0, centre - half), high: 100 * Math.min(1, centre + half) };
}
