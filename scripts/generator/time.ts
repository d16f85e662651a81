/**
 * Europe/London wall-clock arithmetic without a time-zone database.
 *
 * UK rule (since 1996): BST (UTC+1) from 01:00 UTC on the last Sunday of March until
 * 01:00 UTC on the last Sunday of October; GMT (UTC+0) otherwise. All instants are
 * epoch milliseconds (UTC).
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** How a record writes its date-times (crime-file/1 allows all of these). */
export type TimestampStyle =
  /** `2013-11-05T17:42:10`: local London time, no offset (the common case). */
  | 'local'
  /** `2013-11-05T17:42`: local London time to the minute. */
  | 'local_minutes'
  /** `2013-11-05T17:42:10Z`: UTC. */
  | 'utc'
  /** `2013-11-05T17:42:10+00:00` / `2014-04-02T09:15:00+01:00`: London time with its offset. */
  | 'offset';

/** 01:00 UTC on the last Sunday of the given month (month0: 0 = January). */
export function lastSundayAt0100Utc(year: number, month0: number): number {
  const lastDay = new Date(Date.UTC(year, month0 + 1, 0));
  const back = lastDay.getUTCDay(); // 0 = Sunday
  return Date.UTC(year, month0, lastDay.getUTCDate() - back, 1, 0, 0);
}

const changesByYear = new Map<number, { springForward: number; fallBack: number }>();

/** The two UK clock changes of a year: [start of BST, end of BST] as UTC instants. */
export function ukClockChanges(year: number): { springForward: number; fallBack: number } {
  let c = changesByYear.get(year);
  if (!c) {
    c = { springForward: lastSundayAt0100Utc(year, 2), fallBack: lastSundayAt0100Utc(year, 9) };
    changesByYear.set(year, c);
  }
  return c;
}

/** UTC calendar year of an instant, without allocating a Date (valid 1970–2099). */
function utcYear(ms: number): number {
  // 1970-01-01 + days; Gregorian leap years only (no century exceptions needed before 2100).
  const days = Math.floor(ms / 86_400_000);
  let year = 1970 + Math.floor(days / 365.25);
  while (Date.UTC(year, 0, 1) > ms) year--;
  while (Date.UTC(year + 1, 0, 1) <= ms) year++;
  return year;
}

/** London's UTC offset in minutes (0 or 60) at an instant. */
export function londonOffsetMinutes(ms: number): number {
  const { springForward, fallBack } = ukClockChanges(utcYear(ms));
  return ms >= springForward && ms < fallBack ? 60 : 0;
}

/**
 * The instant for a London wall-clock time. Times in the spring-forward gap are moved one hour
 * later; times repeated in autumn resolve to the first (BST) occurrence.
 */
export function londonLocalToUtc(year: number, month1: number, day: number, hour = 0, minute = 0, second = 0): number {
  const naive = Date.UTC(year, month1 - 1, day, hour, minute, second);
  const asBst = naive - HOUR;
  if (londonOffsetMinutes(asBst) === 60) return asBst;
  // GMT; or a wall time inside the spring gap, where the naive UTC reading is one hour later in BST.
  return naive;
}

/** True if this instant's London wall-clock time occurs twice (the autumn repeated hour). */
export function isAmbiguousLondonTime(ms: number): boolean {
  const { fallBack } = ukClockChanges(utcYear(ms));
  return ms >= fallBack - HOUR && ms < fallBack + HOUR;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DDTHH:MM:SS` of the instant shifted by offsetMinutes (UTC fields of the shifted time). */
function wall(ms: number, offsetMinutes: number, seconds: boolean): string {
  const d = new Date(ms + offsetMinutes * MINUTE);
  const base =
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return seconds ? `${base}:${pad(d.getUTCSeconds())}` : base;
}

function offsetSuffix(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Format an instant as a crime-file/1 date-time. Local styles fall back to an explicit offset
 * in the repeated autumn hour, where a wall-clock time alone would be ambiguous.
 */
export function formatDateTime(ms: number, style: TimestampStyle): string {
  const off = londonOffsetMinutes(ms);
  switch (style) {
    case 'utc':
      return `${wall(ms, 0, true)}Z`;
    case 'offset':
      return `${wall(ms, off, true)}${offsetSuffix(off)}`;
    case 'local':
    case 'local_minutes': {
      const seconds = style === 'local';
      if (isAmbiguousLondonTime(ms)) return `${wall(ms, off, seconds)}${offsetSuffix(off)}`;
      return wall(ms, off, seconds);
    }
  }
}

/** `YYYY-MM-DD` of the London calendar day containing the instant. */
export function londonDate(ms: number): string {
  return wall(ms, londonOffsetMinutes(ms), false).slice(0, 10);
}

/** Parse `YYYY-MM-DD` into [year, month1, day]. */
export function parseDate(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** London calendar days from..to inclusive, as [year, month1, day] triples. */
export function daysInPeriod(from: string, to: string): Array<[number, number, number]> {
  const [fy, fm, fd] = parseDate(from);
  const [ty, tm, td] = parseDate(to);
  const out: Array<[number, number, number]> = [];
  for (let t = Date.UTC(fy, fm - 1, fd); t <= Date.UTC(ty, tm - 1, td); t += DAY) {
    const d = new Date(t);
    out.push([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
  }
  if (out.length === 0) throw new RangeError(`empty period ${from}..${to}`);
  return out;
}

/** Clock changes (UTC instants) falling inside the London days from..to inclusive. */
export function clockChangesInPeriod(from: string, to: string): Array<{ at: number; kind: 'spring' | 'autumn' }> {
  const [fy, fm, fd] = parseDate(from);
  const [ty, tm, td] = parseDate(to);
  const start = londonLocalToUtc(fy, fm, fd);
  const end = londonLocalToUtc(ty, tm, td) + DAY;
  const out: Array<{ at: number; kind: 'spring' | 'autumn' }> = [];
  for (let y = fy; y <= ty; y++) {
    const { springForward, fallBack } = ukClockChanges(y);
    if (springForward >= start && springForward < end) out.push({ at: springForward, kind: 'spring' });
    if (fallBack >= start && fallBack < end) out.push({ at: fallBack, kind: 'autumn' });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Police-style 24-hour clock time of the London wall clock, e.g. "1730". */
export function hhmm(ms: number): string {
  const d = new Date(ms + londonOffsetMinutes(ms) * MINUTE);
  return `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
}

/** London wall-clock day/month, e.g. "05/11". */
export function ddmm(ms: number): string {
  const d = new Date(ms + londonOffsetMinutes(ms) * MINUTE);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}`;
}

/** London wall-clock hour (0–23) at an instant. */
export function londonHour(ms: number): number {
  return new Date(ms + londonOffsetMinutes(ms) * MINUTE).getUTCHours();
}
