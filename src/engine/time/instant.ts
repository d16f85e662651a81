import { DateTime, IANAZone } from 'luxon';
import { zoneOffsetMinutes } from './zoneOffset';

export const DEFAULT_TIME_ZONE = 'Europe/London';

const WALL_CLOCK = "yyyy-MM-dd'T'HH:mm:ss.SSS";
/**
 * RFC 3339 / ISO 8601 date-time, offset optional: hours 00–23 (`24:00` is refused: RFC 3339 has no
 * such time, and reading it as next-day midnight would move a record by a day without a word);
 * offsets within ±18:00 with minutes 00–59, the range ISO 8601 and every IANA zone stay inside.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(Z|([+-])((?:0\d|1[0-7])|18):?([0-5]\d))?$/;

/** Since 1972 every zone's offsets are whole quarter hours and change on a quarter hour: the fast path's ground. */
const FAST_PATH_FROM_YEAR = 1972;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The date-time's fields, or null when it is none (an offset past ±18:00 included). */
function matchDateTime(value: unknown): RegExpExecArray | null {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  return match && !(match[10] === '18' && match[11] !== '00') ? match : null;
}

const validZones = new Map<string, boolean>();

/** Whether `zone` is an IANA zone this runtime knows (asked of `Intl` once per zone). */
export function isValidTimeZone(zone: string): boolean {
  let valid = validZones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (validZones.size < 1000) validZones.set(zone, valid);
  }
  return valid;
}

/** True for an ISO 8601 date-time that names a real moment (with or without an offset). */
export function isLocalDateTime(text: string): boolean {
  const match = matchDateTime(text);
  if (!match) return false;
  if (Number(match[1]) >= FAST_PATH_FROM_YEAR) return wallClockUtc(match) !== undefined;
  return DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/**
 * The instant (epoch milliseconds) a crime-file timestamp names. A timestamp without an offset is
 * wall-clock time in `zone`. Returns undefined for anything that is not a valid date-time.
 * Wall-clock times that fall in a spring-forward gap move forward by the gap (luxon's rule); times
 * repeated in the autumn fall-back hour take the earlier (summer-time) instant.
 */
export function toInstant(value: unknown, zone: string = DEFAULT_TIME_ZONE): number | undefined {
  const match = matchDateTime(value);
  if (!match) return undefined;
  // Every timestamp of a file is read here: the common case avoids building luxon DateTimes
  // (most of an audit's time once the YAML is parsed); earlier dates keep luxon's full rules.
  if (Number(match[1]) >= FAST_PATH_FROM_YEAR && isValidTimeZone(zone)) return fastInstant(match, zone);
  return luxonInstant(match, zone);
}

/** `toInstant` by luxon: any year, any zone; the reference the fast path is tested against. */
export function luxonInstant(match: RegExpExecArray | string, zone: string): number | undefined {
  const found = typeof match === 'string' ? matchDateTime(match) : match;
  if (!found) return undefined;
  const parsed = DateTime.fromISO(found[0], { zone, setZone: false });
  if (!parsed.isValid) return undefined;
  if (found[8] !== undefined) return parsed.toMillis(); // explicit offset: no ambiguity
  // luxon resolves a repeated wall-clock time to the later instant; prefer the earlier one, as
  // Temporal's "compatible" disambiguation does.
  const hourEarlier = parsed.minus({ hours: 1 });
  return hourEarlier.toFormat(WALL_CLOCK) === parsed.toFormat(WALL_CLOCK) ? hourEarlier.toMillis() : parsed.toMillis();
}

function fastInstant(match: RegExpExecArray, zone: string): number | undefined {
  const wall = wallClockUtc(match);
  if (wall === undefined) return undefined;
  if (match[8] === 'Z') return wall;
  if (match[8] !== undefined) {
    const offset = (Number(match[10]) * 60 + Number(match[11])) * (match[9] === '-' ? -1 : 1);
    return wall - offset * MINUTE_MS;
  }
  // Wall-clock time in the zone: at most one change of offset within a day of it.
  const before = zoneOffsetMinutes(zone, wall - DAY_MS);
  const after = zoneOffsetMinutes(zone, wall + DAY_MS);
  const asBefore = wall - before * MINUTE_MS;
  const asAfter = wall - after * MINUTE_MS;
  const beforeHolds = zoneOffsetMinutes(zone, asBefore) === before;
  const afterHolds = zoneOffsetMinutes(zone, asAfter) === after;
  if (beforeHolds && afterHolds) return Math.min(asBefore, asAfter); // repeated: the earlier
  if (beforeHolds) return asBefore;
  if (afterHolds) return asAfter;
  return asBefore; // in a spring-forward gap: forward by the gap
}

/** The wall-clock fields as if in UTC (epoch ms); undefined for a day the month does not have. */
function wallClockUtc(match: RegExpExecArray): number | undefined {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  return Date.UTC(year, month - 1, day, Number(match[4]), Number(match[5]), Number(match[6] ?? 0), millis);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
