/**
 * The agreement report: how far each rater's marks agree with an answer key (trainers marking
 * trainees, a moderator re-marking an inspector's files), per criterion and overall, and how far
 * the raters agree with each other (Krippendorff's alpha) — with or without a key.
 *
 * The JSON of `dipsample agreement --format json` is this object: `key`, `raters[].reviewer`,
 * `raters[].criteria[].{rule, n, agreed, kappa}` are a contract other tools read; the rest may grow.
 */
import type { ReviewerRole, RuleSource } from '../../engine';
import type { Interval } from '../wilson';

export const AGREEMENT_FORMAT = 'dipsample-agreement/1';

/** What a value was, for a rater or the key: an answer on the scale, an outcome, or a confirmation of the machine's. */
export type MarkSource = 'answer' | 'outcome' | 'confirmed' | 'machine';

/** A share with its n and 95% Wilson interval (in percent). Null share when n is 0. */
export interface Agreement {
  n: number;
  agreed: number;
  /** 100 × agreed / n; null when n is 0. */
  percent: number | null;
  interval: Interval | null;
}

/** Cross-tabulation of the key's values (rows) against the rater's (columns). */
export interface ConfusionMatrix {
  /** Every value either side used, the criterion's scale order first. */
  categories: string[];
  /** counts[keyIndex][raterIndex]. */
  counts: number[][];
}

/** One file where a rater's value differs from the key's. */
export interface Disagreement {
  reference: string;
  /** The crime file, relative to the sample folder. */
  path: string;
  key: string;
  keySource: MarkSource;
  rater: string;
  /** The rater's note, if any: what they thought. */
  note?: string;
}

export interface CriterionAgreement extends Agreement {
  rule: string;
  title: string;
  /** A judgment criterion (answered on a scale) or a machine check (outcome passed/failed/notApplicable). */
  kind: 'judgment' | 'check';
  /** Cohen's kappa; null when chance agreement is 1 (both used one single value) or n is 0. */
  kappa: number | null;
  /**
   * 95% interval of kappa (large-sample standard error of Fleiss, Cohen & Everitt 1969), clipped to
   * −1…1; null when kappa is, or when that standard error is 0 (perfect agreement, one side used one value).
   */
  kappaInterval: { low: number; high: number } | null;
  /** Agreement expected by chance from each side's own mix of values. */
  chanceAgreement: number | null;
  /** Files where the key has a value and the rater has none yet. */
  unmarked: number;
  matrix: ConfusionMatrix;
  disagreements: Disagreement[];
}

export interface RaterAgreement {
  reviewer: string;
  name?: string;
  role: ReviewerRole;
  /** When the rater submitted their marks (`submitted:` in their review file); null while still marking. */
  submitted: string | null;
  /** Every criterion of every file pooled: the rater's score. */
  overall: Agreement & {
    /** Mean of the criteria's kappas (those defined), a single figure to rank by; null when none. */
    meanKappa: number | null;
    /** Values the key has that this rater gave, out of all the key has. */
    marked: number;
    keyed: number;
  };
  criteria: CriterionAgreement[];
}

/** One criterion across all raters: for moderation, and to find what most raters miss. */
export interface CriterionAcrossRaters extends Agreement {
  rule: string;
  title: string;
  kind: 'judgment' | 'check';
  /** Krippendorff's alpha (nominal) across the raters (the key excluded); null when undefined. */
  alpha: number | null;
  /** Files with at least two raters' values: those alpha is computed from. */
  alphaUnits: number;
  source: RuleSource[];
}

/** One file and criterion the raters most often got wrong, with the key's reasons: feedback. */
export interface MissedMark {
  reference: string;
  path: string;
  rule: string;
  title: string;
  key: string;
  keySource: MarkSource;
  /** The key's note (the trainer's explanation), if any. */
  keyNote?: string;
  /** Raters who gave a value here. */
  marked: number;
  missedBy: Array<{ reviewer: string; value: string; note?: string }>;
  source: RuleSource[];
}

/** Agreement between two raters (no key): moderation pairs. */
export interface PairAgreement extends Agreement {
  a: string;
  b: string;
  kappa: number | null;
}

export interface AgreementReport {
  format: typeof AGREEMENT_FORMAT;
  sample: { folder: string; name?: string };
  /** The answer key's reviewer id; null for moderation without a key. */
  key: string | null;
  keyName?: string;
  /** Raters (every reviewer other than the key), by reviewer id. Without a key their `criteria` are empty. */
  raters: RaterAgreement[];
  /** Per criterion, all raters pooled against the key (n, agreed) and among themselves (alpha). */
  criteria: CriterionAcrossRaters[];
  /** Krippendorff's alpha over every criterion's values pooled per criterion and file; null when undefined. */
  alpha: number | null;
  /** Without a key: every pair of raters, all criteria pooled. */
  pairs: PairAgreement[];
  /** Files and criteria most often missed, most missed first (with a key only). */
  missed: MissedMark[];
  /** Located problems that make the figures incomplete (a key that does not exist, review-file problems). */
  notes: string[];
}
