import { Duration } from 'luxon';

const SIMPLE = /^(\d+(?:\.\d+)?)\s*(m|min|minutes?|h|hours?|d|days?)$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a threshold such as `24h`, `90m`, `3d` or an ISO 8601 duration (`PT24H`) into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const simple = SIMPLE.exec(text.trim());
  if (simple) return Number(simple[1]) * UNIT_MS[simple[2][0].toLowerCase()];
  const iso = Duration.fromISO(text.trim());
  return iso.isValid ? iso.toMillis() : undefined;
}

/** A human reading of a span, e.g. `3 h 5 min` or `2 d 4 h`, for finding messages. */
export function formatDuration(milliseconds: number): string {
  const sign = milliseconds < 0 ? '-' : '';
  let minutes = Math.round(Math.abs(milliseconds) / 60_000);
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes || parts.length === 0) parts.push(`${minutes} min`);
  return sign + parts.join(' ');
}
