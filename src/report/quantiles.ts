/** Median and quartiles of a set of values, as the timeliness tables show them. */
export interface Spread {
  n: number;
  median: number;
  q1: number;
  q3: number;
}

/**
 * The p-quantile of values sorted ascending, by linear interpolation between order statistics
 * (Hyndman & Fan's type 7: R's and Excel's QUARTILE.INC default): h = (n − 1)p, then
 * x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]). Undefined for no values.
 */
export function quantileSorted(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

export function spreadOf(values: readonly number[]): Spread | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  return {
    n: sorted.length,
    median: quantileSorted(sorted, 0.5)!,
    q1: quantileSorted(sorted, 0.25)!,
    q3: quantileSorted(sorted, 0.75)!,
  };
}
