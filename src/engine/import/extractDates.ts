import { DateTime } from 'luxon';
import { isLocalDateTime, toInstant } from '../time/instant';

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WALL = "yyyy-MM-dd'T'HH:mm:ss";
/** A whole-second wall-clock time: what the fast path writes without asking luxon. */
const PLAIN_WALL = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * A cell's date-time as a crime-file timestamp with its offset: ISO 8601 always, else each of
 * `formats` (luxon tokens) in order. A time without an offset is wall-clock time in `zone`, placed
 * by the engine's own clock-change rules (toInstant): a spring-forward gap moves forward, a repeated
 * autumn hour takes the earlier instant. Undefined for text that is no real date-time.
 */
export function parseDateTime(text: string, formats: readonly string[], zone: string): string | undefined {
  let wall: string | undefined;
  if (PLAIN_WALL.test(text)) {
    const quick = quickPlace(text, zone, true);
    if (quick !== undefined) return quick || undefined;
    wall = text;
  } else if (isLocalDateTime(text)) {
    if (HAS_OFFSET.test(text)) return text;
    wall = text;
  } else {
    for (const format of formats) {
      const fields = simpleFormat(format)?.(text);
      if (fields === null) continue; // the quick reader knows this format and the text is not in it
      if (fields) {
        wall = fields;
        break;
      }
      // Read in UTC (no clock changes) to get the wall-clock fields as written, then place them in the zone.
      const parsed = DateTime.fromFormat(text, format, { zone: 'UTC' });
      if (parsed.isValid) {
        wall = parsed.toFormat(WALL);
        break;
      }
    }
  }
  if (wall === undefined) return undefined;
  if (wall !== text) {
    const quick = quickPlace(wall, zone);
    if (quick !== undefined) return quick || undefined;
  }
  const instant = toInstant(wall, zone);
  if (instant === undefined) return undefined;
  return DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true }) ?? undefined;
}

/** A cell's calendar date as YYYY-MM-DD: ISO, else each of `formats`' date part as written. */
export function parseDate(text: string, formats: readonly string[]): string | undefined {
  if (ISO_DATE.test(text)) return DateTime.fromISO(text, { zone: 'UTC' }).isValid ? text : undefined;
  for (const format of formats) {
    const parsed = DateTime.fromFormat(text, format, { zone: 'UTC' });
    if (parsed.isValid) return parsed.toISODate() ?? undefined;
  }
  return undefined;
}

// A million-row extract has a few thousand distinct hours: the zone's offset is worked out once per
// hour (by luxon and toInstant) and reused, except in an hour where it changes (the clock-change
// hours go the slow, exact way). Results are the same as the slow path's, only faster: a draw
// reads a million of these, so the common case makes two strings (the hour's key and the result).
const OFFSETS = new Map<string, Map<string, string | null>>();
const MAX_CACHED_HOURS = 200_000;

/** The timestamp for a plain wall-clock time (PLAIN_WALL); '' when it is no real date; undefined to take the slow path. */
function quickPlace(wall: string, zone: string, plain = PLAIN_WALL.test(wall)): string | undefined {
  if (!plain) return undefined;
  // PLAIN_WALL fixed the positions: yyyy-MM-ddTHH:mm(:ss)?
  const digits = (at: number) => (wall.charCodeAt(at) - 48) * 10 + wall.charCodeAt(at + 1) - 48;
  const day = digits(8);
  if (day < 1 || day > daysIn(digits(0) * 100 + digits(2), digits(5))) return '';
  let hours = OFFSETS.get(zone);
  if (!hours) OFFSETS.set(zone, (hours = new Map()));
  const hour = wall.slice(0, 13);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const start = offsetOf(`${hour}:00:00`, zone);
    const end = offsetOf(`${hour}:59:59`, zone);
    offset = start !== undefined && start === end ? start : null;
    if (hours.size > MAX_CACHED_HOURS) hours.clear();
    hours.set(hour, offset);
  }
  if (offset === null) return undefined;
  return wall.length === 16 ? `${wall}:00${offset}` : wall + offset;
}

/** The offset luxon writes for a wall-clock time placed by toInstant, when it keeps the wall clock as written. */
function offsetOf(wall: string, zone: string): string | undefined {
  const instant = toInstant(wall, zone);
  if (instant === undefined) return undefined;
  const iso = DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true });
  return iso?.startsWith(wall) ? iso.slice(wall.length) : undefined;
}

type QuickReader = (text: string) => string | null;
const READERS = new Map<string, QuickReader | undefined>();
const TOKENS: Record<string, { pattern: string; field: 'day' | 'month' | 'year' | 'hour' | 'minute' | 'second' }> = {
  dd: { pattern: '(\\d{2})', field: 'day' },
  d: { pattern: '(\\d{1,2})', field: 'day' },
  MM: { pattern: '(\\d{2})', field: 'month' },
  M: { pattern: '(\\d{1,2})', field: 'month' },
  yyyy: { pattern: '(\\d{4})', field: 'year' },
  HH: { pattern: '(\\d{2})', field: 'hour' },
  H: { pattern: '(\\d{1,2})', field: 'hour' },
  mm: { pattern: '(\\d{2})', field: 'minute' },
  ss: { pattern: '(\\d{2})', field: 'second' },
};

/**
 * A reader for formats made only of d, dd, M, MM, yyyy, H, HH, mm, ss and separators (what RMS
 * exports use), giving the wall-clock ISO text or null when the text is not in the format or no real
 * date; undefined for any other format (luxon reads it).
 */
function simpleFormat(format: string): QuickReader | undefined {
  if (READERS.has(format)) return READERS.get(format);
  const fields: Array<(typeof TOKENS)[string]['field']> = [];
  let pattern = '';
  let reader: QuickReader | undefined;
  for (let rest = format; rest.length > 0;) {
    const token = ['yyyy', 'dd', 'MM', 'HH', 'mm', 'ss', 'd', 'M', 'H'].find((t) => rest.startsWith(t));
    if (token) {
      pattern += TOKENS[token].pattern;
      fields.push(TOKENS[token].field);
      rest = rest.slice(token.length);
    } else if (/^[ /.:\-T]/.test(rest)) {
      pattern += `\\${rest[0]}`;
      rest = rest.slice(1);
    } else {
      READERS.set(format, undefined);
      return undefined;
    }
  }
  if (['day', 'month', 'year', 'hour', 'minute'].every((field) => fields.includes(field as never))) {
    const regex = new RegExp(`^${pattern}$`);
    reader = (text) => {
      const match = regex.exec(text);
      if (!match) return null;
      const value: Record<string, number> = { second: 0 };
      fields.forEach((field, index) => (value[field] = Number(match[index + 1])));
      const { year, month, day, hour, minute, second } = value;
      if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59)
        return null;
      const two = (n: number) => String(n).padStart(2, '0');
      return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
    };
  }
  READERS.set(format, reader);
  return reader;
}

function daysIn(year: number, month: number): number {
  if (month < 1 || month > 12) return 0;
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
