/**
 * Quality profiles: how likely a generated file is to show each of the things an inspector looks
 * for, and the resolution of those probabilities into the concrete traits of one record.
 *
 * A latent "file quality" shared by all traits of one record (Gaussian copula, `correlation`)
 * makes good and poor practice cluster the way inspectors describe: a file with no plan usually
 * also has no supervision and was filed the same day. Marginal probabilities are unaffected.
 */
import { normalCdf, type Rng } from './random';
import type { Category } from './types';

/** Probabilities (0–1) of the features of one file. */
export interface QualityRates {
  /** An investigation_plan with at least one line of enquiry. */
  plan: number;
  /** Given no proper plan: an investigation_plan block whose lines_of_enquiry is empty (else no block). */
  emptyPlan: number;
  /** A supervisor_review log entry by someone other than the officer in case. */
  supervision: number;
  /** Given no independent review: the OIC wrote a supervisor_review entry themself (else none at all). */
  selfReview: number;
  /** Filed (has filed.at) by the time of extraction; otherwise the file is still open. */
  filed: number;
  /** Given filed: filed less than 24 hours (elapsed) after recording. */
  filedWithin24h: number;
  /** An advice entry covering crime_prevention and/or evidence_preservation. */
  advice: number;
  /** Given no such advice: an advice entry with only safety (and perhaps victim_support) advice. */
  safetyOnlyAdvice: number;
  /** Victim updated after the initial contact (needs assessment, updates, outcome). */
  victimUpdates: number;
}

export interface QualityOverride {
  /** Applies to these categories (all if omitted). */
  categories?: readonly Category[];
  /** Applies to attended (true) or not-attended (false) files (both if omitted). */
  attended?: boolean;
  rates: Partial<QualityRates>;
}

export interface QualityProfile {
  /** P(attended, including by appointment) per category; `default` for the rest. */
  attendance: Partial<Record<Category | 'default', number>>;
  /** Share of attended files handled by appointment rather than deployment. */
  appointmentShare: number;
  /** P(domestic abuse) per category (0 if absent). */
  domesticAbuse: Partial<Record<Category, number>>;
  /** Base rates for every file. */
  rates: QualityRates;
  /** Applied in order over the base rates; later ones win. */
  overrides?: readonly QualityOverride[];
  /** 0 = independent traits; towards 1 = good and poor practice cluster within a file. */
  correlation: number;
}

export type AttendanceKind = 'attended' | 'not_attended' | 'appointment';

/** Concrete features of one record. */
export interface RecordTraits {
  attendance: AttendanceKind;
  domesticAbuse: boolean;
  plan: 'lines' | 'empty' | 'none';
  supervision: 'independent' | 'self_only' | 'none';
  /** open, or filed this many elapsed hours after recorded_at. */
  filing: { kind: 'open' } | { kind: 'filed'; elapsedHours: number };
  advice: 'qualifying' | 'safety_only' | 'none';
  victimUpdates: boolean;
}

export function isAttended(kind: AttendanceKind): boolean {
  return kind !== 'not_attended';
}

/** The rates that apply to one file. */
export function ratesFor(profile: QualityProfile, category: Category, attended: boolean): QualityRates {
  const rates: QualityRates = { ...profile.rates };
  for (const o of profile.overrides ?? []) {
    if (o.categories && !o.categories.includes(category)) continue;
    if (o.attended !== undefined && o.attended !== attended) continue;
    Object.assign(rates, o.rates);
  }
  return rates;
}

/** P(attended) for a category. */
export function attendanceRate(profile: QualityProfile, category: Category): number {
  return profile.attendance[category] ?? profile.attendance.default ?? 0.5;
}

/** Elapsed hours from recording to filing, for a file filed within / after 24 h. */
export function filingDelayHours(rng: Rng, within24h: boolean): number {
  if (within24h) {
    // Same-day screening is typical: a few hours, rarely close to the boundary.
    return Math.min(23.6, Math.max(0.25, rng.logNormal(4, 2.4)));
  }
  // Days to weeks; a few long-running files (forensic results, CPS advice) run for months.
  if (rng.chance(0.05)) return 24 * rng.float(100, 170);
  return Math.max(24.5, 24 * Math.min(90, rng.logNormal(10, 2.2)));
}

/**
 * Resolve a profile into the traits of one record. `attendance` is decided by the caller (the
 * sample enforces its not-attended quota before records are built).
 */
export function resolveTraits(
  profile: QualityProfile,
  category: Category,
  attendance: AttendanceKind,
  rng: Rng,
): RecordTraits {
  const rates = ratesFor(profile, category, isAttended(attendance));
  const rho = Math.min(0.95, Math.max(0, profile.correlation));
  const latent = rng.normal();
  // good(p): true with marginal probability p, positively correlated across calls via `latent`.
  const good = (p: number): boolean => {
    const x = Math.sqrt(rho) * latent + Math.sqrt(1 - rho) * rng.normal();
    return normalCdf(x) < p;
  };

  const plan = good(rates.plan) ? 'lines' : rng.chance(rates.emptyPlan) ? 'empty' : 'none';
  const supervision = good(rates.supervision) ? 'independent' : rng.chance(rates.selfReview) ? 'self_only' : 'none';
  const slowFiling = good(1 - rates.filedWithin24h);
  const advice = good(rates.advice) ? 'qualifying' : rng.chance(rates.safetyOnlyAdvice) ? 'safety_only' : 'none';
  const victimUpdates = good(rates.victimUpdates);
  const filing: RecordTraits['filing'] = rng.chance(rates.filed)
    ? { kind: 'filed', elapsedHours: filingDelayHours(rng, !slowFiling) }
    : { kind: 'open' };
  const domesticAbuse = rng.chance(profile.domesticAbuse[category] ?? 0);
  return { attendance, domesticAbuse, plan, supervision, filing, advice, victimUpdates };
}
