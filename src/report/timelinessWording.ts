import type { CountShare } from './outcomeTally';
import type { Spread } from './quantiles';
import { percent } from './wording';

/** "5.5 h" under two days, "3.2 days" above: how reviewers speak of time to filing. */
export function durationText(hours: number): string {
  return hours < 48 ? `${percent(hours)} h` : `${percent(hours / 24)} days`;
}

/** "median 3.2 days (quartiles 20.5 h – 6.1 days), n=92"; "—" when no file had the times. */
export function spreadText(spread: Spread | undefined): string {
  if (!spread) return '—';
  return `median ${durationText(spread.median)} (quartiles ${durationText(spread.q1)} – ${durationText(spread.q3)}), n=${spread.n}`;
}

/** "12.0% (6.3–21.5), 9 of 75"; "—" for an empty denominator. */
export function countShareText(share: CountShare): string {
  if (share.percent === undefined || !share.interval) return '—';
  return `${percent(share.percent)}% (${percent(share.interval.low)}–${percent(share.interval.high)}), ${share.files} of ${share.of}`;
}
