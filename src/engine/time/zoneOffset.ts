import { IANAZone } from 'luxon';

/** A quarter hour: since 1972 no zone's offset changes within one (they change on quarter hours). */
const BUCKET_MS = 15 * 60_000;
/** Offsets remembered per zone before starting again (a few years of quarter hours). */
const MAX_REMEMBERED = 200_000;

const remembered = new Map<string, Map<number, number>>();

/**
 * A zone's offset from UTC (minutes) at an instant, remembered per quarter hour: asking `Intl` for
 * it (what luxon does) is the dearest part of reading a timestamp, and a sample's timestamps share
 * their quarter hours' offsets many times over. For instants since 1972 only.
 */
export function zoneOffsetMinutes(zone: string, instant: number): number {
  let offsets = remembered.get(zone);
  if (!offsets || offsets.size >= MAX_REMEMBERED) {
    offsets = new Map();
    remembered.set(zone, offsets);
  }
  const bucket = Math.floor(instant / BUCKET_MS);
  let offset = offsets.get(bucket);
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(bucket * BUCKET_MS);
    offsets.set(bucket, offset);
  }
  return offset;
}
