import { DateTime } from 'luxon';
import { toInstant } from '../time/instant';
import { valueAt } from './recordFilter';

export const PERIOD_BASES = ['reported', 'recorded', 'filed'] as const;
export type PeriodBasis = (typeof PERIOD_BASES)[number];

/** The population period of a sample: days inclusive, by the date that puts a crime in it. */
export interface SamplePeriod {
  from: string;
  to: string;
  basis: PeriodBasis;
}

/** Which field of a crime file dates it for each basis. */
export const PERIOD_FIELDS: Record<PeriodBasis, string> = {
  reported: 'reported_at',
  recorded: 'recorded_at',
  filed: 'filed.at',
};

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?$/;

/**
 * The local calendar day (YYYY-MM-DD in `zone`) of the record's basis timestamp; undefined when it
 * has none or it is not a date-time. A wall-clock time away from midnight is its own day (clock
 * changes move times by at most two hours), which spares a million-row frame a date library call.
 */
export function periodDay(record: unknown, basis: PeriodBasis, zone: string): string | undefined {
  const value = valueAt(record, PERIOD_FIELDS[basis]);
  return typeof value === 'string' ? localDay(value, zone) : undefined;
}

/**
 * The local calendar day of a crime-file timestamp in `zone`; undefined when it is not one. Fast
 * for a million rows: a wall-clock time away from midnight is its own day (clock changes move
 * times by at most two hours); an instant's day comes from the zone's offset, looked up once per
 * hour (hours in which the offset changes go through luxon).
 */
export function localDay(value: string, zone: string): string | undefined {
  // What a converted CSV cell holds (a timestamp with its offset), read without a match or Date.parse.
  if (OFFSET_TIMESTAMP.test(value)) {
    const ms = offsetInstant(value);
    if (ms !== undefined) {
      const offset = hourOffset(ms, zone);
      if (offset !== undefined) return dayText(Math.floor((ms + offset * 60_000) / DAY_MS));
    }
  }
  const wall = WALL_CLOCK.exec(value);
  if (wall) {
    const hour = Number(wall[4]);
    const day = Number(wall[3]);
    if (day < 1 || day > daysIn(Number(wall[1]), Number(wall[2]))) return undefined;
    if (hour >= 3 && hour <= 20) return value.slice(0, 10);
  }
  // Date.parse alone would roll 31 February over into March.
  const offsetForm = OFFSET_TIMESTAMP.exec(value);
  const instant =
    offsetForm &&
    Number(offsetForm[3]) >= 1 &&
    Number(offsetForm[3]) <= daysIn(Number(offsetForm[1]), Number(offsetForm[2]))
      ? Date.parse(value)
      : NaN;
  const ms = Number.isFinite(instant) ? instant : toInstant(value, zone);
  if (ms === undefined) return undefined;
  const offset = hourOffset(ms, zone);
  if (offset !== undefined) return dayText(Math.floor((ms + offset * 60_000) / DAY_MS));
  return DateTime.fromMillis(ms, { zone }).toISODate() ?? undefined;
}

const OFFSET_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant of an OFFSET_TIMESTAMP text to the minute (its seconds move it by less than a minute,
 * which changes neither its UTC hour nor its day); undefined to take the general way (a day that
 * does not exist, a two-digit year Date.UTC would read as 19xx, an offset Date.parse would refuse).
 */
function offsetInstant(value: string): number | undefined {
  const digits = (at: number) => (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
  const year = digits(0) * 100 + digits(2);
  const month = digits(5);
  const day = digits(8);
  if (year < 100 || day < 1 || day > daysIn(year, month)) return undefined;
  let offset = 0;
  if (!value.endsWith('Z')) {
    const at = value.length - 6;
    const hours = digits(at + 1);
    const minutes = digits(at + 4);
    if (hours > 14 || minutes > 59) return undefined;
    offset = (value.charCodeAt(at) === 45 ? -1 : 1) * (hours * 60 + minutes);
  }
  return Date.UTC(year, month - 1, day, digits(11), digits(14)) - offset * 60_000;
}
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const OFFSETS = new Map<string, Map<number, number | null>>();
const DAYS = new Map<number, string>();

/** The zone's UTC offset (minutes) through the UTC hour holding `ms`; undefined when it changes within it. */
function hourOffset(ms: number, zone: string): number | undefined {
  const hour = Math.floor(ms / HOUR_MS);
  let hours = OFFSETS.get(zone);
  if (!hours) OFFSETS.set(zone, (hours = new Map()));
  let offset = hours.get(hour);
  if (offset === undefined) {
    const first = DateTime.fromMillis(hour * HOUR_MS, { zone }).offset;
    const last = DateTime.fromMillis(hour * HOUR_MS + HOUR_MS - 1, { zone }).offset;
    offset = first === last ? first : null;
    if (hours.size > 200_000) hours.clear();
    hours.set(hour, offset);
  }
  return offset ?? undefined;
}

/** YYYY-MM-DD of a day number (days since 1970-01-01), remembered. */
function dayText(day: number): string {
  let text = DAYS.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (DAYS.size > 100_000) DAYS.clear();
    DAYS.set(day, text);
  }
  return text;
}

/** Whether the record falls in the period (a record without its basis date does not). */
export function inPeriod(record: unknown, period: SamplePeriod, zone: string): boolean {
  const day = periodDay(record, period.basis, zone);
  return day !== undefined && day >= period.from && day <= period.to;
}

function daysIn(year: number, month: number): number {
  if (month < 1 || month > 12) return 0;
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
