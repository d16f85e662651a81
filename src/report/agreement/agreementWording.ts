import { percent } from '../wording';
import type { Agreement, MarkSource, RaterAgreement } from './model';

/** The wording every agreement format shares (text, CSV, Markdown, HTML, the Marking view). */

/** "87.5% (71.9–95.0), 14 of 16"; "—" when nothing could be compared. */
export function agreementText(share: Agreement): string {
  if (share.percent === null || !share.interval) return '—';
  return `${percent(share.percent)}% (${percent(share.interval.low)}–${percent(share.interval.high)}), ${share.agreed} of ${share.n}`;
}

/** "0.74"; "—" when kappa is undefined. */
export function kappaValue(kappa: number | null): string {
  return kappa === null ? '—' : kappa.toFixed(2);
}

/** "0.74 (0.51–0.97)": kappa and its 95% interval; "—" when undefined. */
export function kappaText(kappa: number | null, interval: { low: number; high: number } | null): string {
  if (kappa === null) return '—';
  return interval ? `${kappa.toFixed(2)} (${interval.low.toFixed(2)}–${interval.high.toFixed(2)})` : kappa.toFixed(2);
}

/**
 * Landis & Koch's (1977) words for a kappa — how trainers and moderators usually talk about it —
 * "" when undefined. A convention, not a test: with 8 files the interval says more.
 */
export function kappaLabel(kappa: number | null): string {
  if (kappa === null) return '';
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** Where the key's value came from, in words. */
export const MARK_SOURCE_LABELS: Readonly<Record<MarkSource, string>> = {
  answer: 'answer',
  outcome: 'outcome',
  confirmed: "confirmed the machine's outcome",
  machine: "the machine's outcome (no key entry)",
};

/** "submitted 2026-12-01T10:00:00Z" or "not submitted yet". */
export function submittedText(rater: Pick<RaterAgreement, 'submitted'>): string {
  return rater.submitted === null ? 'not submitted yet' : `submitted ${rater.submitted}`;
}

/** "TRN-1 (A. Trainee, trainee)". */
export function raterText(rater: Pick<RaterAgreement, 'reviewer' | 'name' | 'role'>): string {
  return `${rater.reviewer} (${rater.name !== undefined ? `${rater.name}, ` : ''}${rater.role})`;
}
