import { Z95 } from '../wilson';

export interface KappaResult {
  /** Observed agreement: the share of items both gave the same value. */
  observed: number;
  /** Agreement expected by chance from each side's own mix of values. */
  chance: number;
  /** Cohen's kappa; null when chance agreement is 1 (both used one single value). */
  kappa: number | null;
  /** Large-sample standard error of kappa (Fleiss, Cohen & Everitt 1969); null with kappa. */
  standardError: number | null;
  /**
   * kappa ± 1.96 standard errors, clipped to −1…1; null with kappa, and when the standard error is 0
   * (perfect agreement, or one side used a single value): a zero-width interval from 8 files would
   * claim a certainty the formula does not have.
   */
  interval: { low: number; high: number } | null;
}

/**
 * Cohen's kappa of a square table of counts: `counts[i][j]` items the first rater (the key) put in
 * category i and the second in category j. kappa = (po − pe) / (1 − pe). The standard error is the
 * non-null one of Fleiss, Cohen & Everitt (1969), Psychological Bulletin 72(5) 323–327:
 *
 *   var = [ Σᵢ pᵢᵢ (1 − (pᵢ. + p.ᵢ)(1 − κ))² + (1 − κ)² Σᵢ≠ⱼ pᵢⱼ (p.ᵢ + pⱼ.)² − (κ − pe(1 − κ))² ] / (n (1 − pe)²)
 *
 * Undefined (null) for an empty table; kappa is null when pe = 1 (there is no agreement beyond
 * chance to measure), though observed agreement is then 1.
 */
export function cohenKappa(counts: readonly (readonly number[])[]): KappaResult | undefined {
  const size = counts.length;
  const n = counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return undefined;
  const p = counts.map((row) => row.map((count) => count / n));
  const rows = p.map((row) => row.reduce((a, b) => a + b, 0));
  const columns = Array.from({ length: size }, (_, j) => p.reduce((sum, row) => sum + row[j], 0));
  let observed = 0;
  let chance = 0;
  for (let i = 0; i < size; i++) {
    observed += p[i][i];
    chance += rows[i] * columns[i];
  }
  // Rounding can leave chance a hair off 1 when one value was used by both.
  if (Math.abs(1 - chance) < 1e-12) return { observed, chance: 1, kappa: null, standardError: null, interval: null };
  const kappa = (observed - chance) / (1 - chance);
  let diagonal = 0;
  let offDiagonal = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) diagonal += p[i][i] * (1 - (rows[i] + columns[i]) * (1 - kappa)) ** 2;
      else offDiagonal += p[i][j] * (columns[i] + rows[j]) ** 2;
    }
  }
  const variance =
    (diagonal + (1 - kappa) ** 2 * offDiagonal - (kappa - chance * (1 - kappa)) ** 2) / (n * (1 - chance) ** 2);
  // Float error can make a zero variance (perfect agreement) a tiny negative number.
  const standardError = Math.sqrt(Math.max(0, variance));
  const interval =
    standardError > 1e-12
      ? { low: Math.max(-1, kappa - Z95 * standardError), high: Math.min(1, kappa + Z95 * standardError) }
      : null;
  return { observed, chance, kappa, standardError, interval };
}
