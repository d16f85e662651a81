import { wilsonInterval } from './wilson';

export interface DifferenceInterval {
  /** p1 − p2, as a fraction (−1…1). */
  difference: number;
  /** Bounds of its 95% interval, as fractions. */
  low: number;
  high: number;
}

/**
 * The difference of two independent proportions x1/n1 − x2/n2 with Newcombe's hybrid score
 * interval (Newcombe 1998, Statistics in Medicine 17:873–890, method 10): the two Wilson intervals
 * (l1, u1) and (l2, u2) combined as
 *
 *   low  = d − √((p1 − l1)² + (u2 − p2)²)
 *   high = d + √((u1 − p1)² + (p2 − l2)²)
 *
 * It stays inside −1…1 and behaves at 0 and n, where the normal approximation fails small samples.
 * Undefined when either n is 0.
 */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number): DifferenceInterval | undefined {
  const first = wilsonInterval(x1, n1);
  const second = wilsonInterval(x2, n2);
  if (!first || !second) return undefined;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1, l2, u2] = [first.low / 100, first.high / 100, second.low / 100, second.high / 100];
  const difference = p1 - p2;
  return {
    difference,
    low: Math.max(-1, difference - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)),
    high: Math.min(1, difference + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)),
  };
}
