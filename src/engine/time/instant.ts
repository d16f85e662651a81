import { DateTime, IANAZone } from 'luxon';

export const DEFAULT_TIME_ZONE = 'Europe/London';

const WALL_CLOCK = "yyyy-MM-dd'T'HH:mm:ss.SSS";
/**
 * RFC 3339 / ISO 8601 date-time, offset optional: hours 00–23 (`24:00` is refused: RFC 3339 has no
 * such time, and reading it as next-day midnight would move a record by a day without a word);
 * offsets within ±18:00 with minutes 00–59, the range ISO 8601 and every IANA zone stay inside.
 */
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](?:(?:0\d|1[0-7]):?[0-5]\d|18:?00))?$/;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** True for an ISO 8601 date-time that names a real moment (with or without an offset). */
export function isLocalDateTime(text: string): boolean {
  return DATE_TIME.test(text) && DateTime.fromISO(text, { zone: 'UTC' }).isValid;
}

/**
 * The instant (epoch milliseconds) a crime-file timestamp names. A timestamp without an offset is
 * wall-clock time in `zone`. Returns undefined for anything that is not a valid date-time.
 * Wall-clock times that fall in a spring-forward gap move forward by the gap (luxon's rule); times
 * repeated in the autumn fall-back hour take the earlier (summer-time) instant.
 */
export function toInstant(value: unknown, zone: string = DEFAULT_TIME_ZONE): number | undefined {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) return undefined;
  const parsed = DateTime.fromISO(match[0], { zone, setZone: false });
  if (!parsed.isValid) return undefined;
  if (match[4] !== undefined) return parsed.toMillis(); // explicit offset: no ambiguity
  // luxon resolves a repeated wall-clock time to the later instant; prefer the earlier one, as
  // Temporal's "compatible" disambiguation does.
  const hourEarlier = parsed.minus({ hours: 1 });
  return hourEarlier.toFormat(WALL_CLOCK) === parsed.toFormat(WALL_CLOCK) ? hourEarlier.toMillis() : parsed.toMillis();
}
