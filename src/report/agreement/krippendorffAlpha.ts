/**
 * Krippendorff's alpha for nominal values: agreement among any number of raters, each unit rated by
 * any number of them (missing values are simply absent). `units` holds, per unit, the values the
 * raters gave it; units with fewer than two values cannot be paired and are left out.
 *
 *   alpha = 1 − (n − 1) · Σ_c≠k o_ck / Σ_c≠k n_c · n_k
 *
 * where o_ck is the coincidence matrix (each ordered pair of values within a unit of m values
 * counts 1 / (m − 1)), n_c its margins and n the number of pairable values (Krippendorff 2011,
 * "Computing Krippendorff's alpha-reliability", section C). Null when there is nothing to pair or
 * every pairable value is the same (no variation: alpha is undefined).
 */
export function krippendorffAlpha(units: ReadonlyArray<readonly string[]>): { alpha: number | null; units: number } {
  const coincidences = new Map<string, Map<string, number>>();
  let pairable = 0;
  for (const values of units) {
    const m = values.length;
    if (m < 2) continue;
    pairable++;
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    for (const [c, countC] of counts) {
      const row = coincidences.get(c) ?? new Map<string, number>();
      coincidences.set(c, row);
      for (const [k, countK] of counts) {
        // Ordered pairs of different raters' values: c with k, c with another c.
        const pairs = c === k ? countC * (countC - 1) : countC * countK;
        if (pairs > 0) row.set(k, (row.get(k) ?? 0) + pairs / (m - 1));
      }
    }
  }
  const margins = new Map<string, number>();
  for (const [c, row] of coincidences)
    margins.set(
      c,
      [...row.values()].reduce((a, b) => a + b, 0),
    );
  const n = [...margins.values()].reduce((a, b) => a + b, 0);
  let observedDisagreement = 0;
  for (const [c, row] of coincidences) for (const [k, o] of row) if (c !== k) observedDisagreement += o;
  let expectedDisagreement = 0;
  for (const [c, nc] of margins) for (const [k, nk] of margins) if (c !== k) expectedDisagreement += nc * nk;
  if (n < 2 || expectedDisagreement === 0) return { alpha: null, units: pairable };
  return { alpha: 1 - ((n - 1) * observedDisagreement) / expectedDisagreement, units: pairable };
}
