/**
 * Generate a whole dip-sample: a manifest plus one crime file per record, deterministically
 * from a seed. Mirrors HMIC's 2014 method where asked to: a fixed number of reports from one
 * reporting period, allocated across crime types, with a minimum number not attended.
 */
import { attendanceRate, resolveTraits, type AttendanceKind, type QualityProfile, type RecordTraits } from './quality';
import { Rng, type Weighted } from './random';
import { buildRecord } from './record';
import { buildRoster } from './roster';
import { TOWNS } from './names';
import { reportHourWeights } from './scenario';
import { serialize, SYNTHETIC_NOTICE, type FileFormat } from './serialize';
import {
  clockChangesInPeriod,
  DAY,
  daysInPeriod,
  HOUR,
  londonLocalToUtc,
  ukClockChanges,
  MINUTE,
  parseDate,
  type TimestampStyle,
} from './time';
import type { Category, CrimeFile } from './types';

/** Bumped when the generator's output changes for the same spec. */
export const GENERATOR_VERSION = '1.0.0';
export const GENERATOR_TOOL = 'dipsample scripts/generate-samples.ts';

export interface CategoryWeight {
  category: Category;
  weight: number;
}

/** One stratum of a sample (manifest `selection.strata[]`). */
export interface Stratum {
  description: string;
  /** Files drawn from the stratum (a minimum if the description says "at least"). */
  size?: number;
  /** Crime-file field paths mapped to required values, e.g. { 'attendance.status': 'not_attended' }. */
  filter?: Record<string, unknown>;
}

export interface SampleSpec {
  /** Integer seed (the manifest schema requires an integer). */
  seed: number;
  /** Number of crime files. */
  count: number;
  /** Force name written to the manifest and to each record's `force`. */
  force: string;
  /** Reference prefix, e.g. "NM-" gives references like "NM-13-041877". */
  referencePrefix: string;
  /**
   * Period (London dates, inclusive): reported_at falls inside it. `basis` is what the manifest
   * says the period selects on (default reported); with `recorded`, the generator checks that every
   * recorded_at falls inside it too.
   */
  period: { from: string; to: string; basis?: 'reported' | 'recorded' };
  categories: readonly CategoryWeight[];
  /** proportional (default): exact quotas by weight (largest remainder); random: drawn by weight. */
  allocation?: 'proportional' | 'random';
  /** At least this many files are not attended (HMIC: 50 of 100). */
  minNotAttended?: number;
  quality: QualityProfile;
  /** File format: all YAML (default), all JSON, or a JSON share (0–1) of the files. */
  format?: FileFormat | { json: number };
  /** How records write date-times (per record), by weight. */
  timestampStyles?: readonly Weighted<TimestampStyle>[];
  /**
   * Share of records placed across a UK clock change in the period (recorded the evening before,
   * filed within ±0.8 h of 24 elapsed hours, where wall-clock and elapsed time disagree about
   * the 24-hour line). Ignored when the period has no clock change. Default 0.01.
   */
  clockChangeShare?: number;
  /**
   * Share of records (among those filed after 48 h) made long-running: filed some days after the
   * next UK clock change following the report, so their timestamps straddle it. Default 0.03.
   */
  longRunningShare?: number;
  /** Share of records carrying a force-specific `x_` extra field. Default 0.03. */
  extrasShare?: number;
  /** Extraction date (YYYY-MM-DD): nothing happens after it. Default: period end + 150 days. */
  asAt?: string;
  /** Manifest metadata. */
  name?: string;
  description?: string;
  selection?: { method: SelectionMethod; description?: string; strata?: Stratum[] };
  packs?: string[];
}

export type SelectionMethod = 'random' | 'stratified_random' | 'purposive' | 'all';

export interface SampleManifest {
  format: 'dip-sample/1';
  name: string;
  force: string;
  description: string;
  period: { from: string; to: string; basis: 'reported' | 'recorded' };
  selection: { method: SelectionMethod; description: string; seed: number; strata?: Stratum[] };
  size: number;
  packs: string[];
  generator: { tool: string; version: string; seed: number };
}

export interface GeneratedFile {
  name: string;
  text: string;
}

export interface GeneratedRecord {
  record: CrimeFile;
  format: FileFormat;
  traits: RecordTraits;
}

export const DEFAULT_TIMESTAMP_STYLES: readonly Weighted<TimestampStyle>[] = [
  ['local', 80],
  ['local_minutes', 10],
  ['utc', 5],
  ['offset', 5],
];

export function sampleManifest(spec: SampleSpec): SampleManifest {
  return {
    format: 'dip-sample/1',
    name: spec.name ?? `${spec.force} dip-sample ${spec.period.from}..${spec.period.to}`,
    force: spec.force,
    description: spec.description ?? `Synthetic dip-sample of ${spec.count} crime files (fictional data).`,
    period: { from: spec.period.from, to: spec.period.to, basis: spec.period.basis ?? 'reported' },
    selection: {
      method: spec.selection?.method ?? 'random',
      description:
        spec.selection?.description ??
        `${spec.count} files drawn at random from crimes reported ${spec.period.from}..${spec.period.to}.`,
      seed: spec.seed,
      ...(spec.selection?.strata ? { strata: spec.selection.strata } : {}),
    },
    size: spec.count,
    packs: spec.packs ?? ['core'],
    generator: { tool: GENERATOR_TOOL, version: GENERATOR_VERSION, seed: spec.seed },
  };
}

/** Largest-remainder quotas for `count` items by weight. */
function quotas(count: number, cats: readonly CategoryWeight[]): Category[] {
  const total = cats.reduce((s, c) => s + Math.max(0, c.weight), 0);
  if (!(total > 0)) throw new RangeError('categories need a positive total weight');
  const exact = cats.map((c) => (count * Math.max(0, c.weight)) / total);
  const floor = exact.map(Math.floor);
  let left = count - floor.reduce((s, n) => s + n, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    floor[i] = (floor[i] ?? 0) + 1;
  }
  return cats.flatMap((c, i) => Array<Category>(floor[i] ?? 0).fill(c.category));
}

interface Slot {
  category: Category;
  attendance: AttendanceKind;
  reportedAt: number;
  recordedAt?: number;
  clockChangeElapsed?: number;
}

/**
 * The records of a sample, built lazily one at a time in reference order (the sample-wide
 * decisions — crime types, attendance quota, times, references — are made up front).
 */
export function iterateRecords(spec: SampleSpec): {
  manifest: SampleManifest;
  count: number;
  records: Iterable<GeneratedRecord>;
} {
  if (!Number.isInteger(spec.count) || spec.count < 0)
    throw new RangeError(`count must be a non-negative integer: ${spec.count}`);
  if (!Number.isSafeInteger(spec.seed)) throw new RangeError(`seed must be an integer: ${spec.seed}`);
  const rng = new Rng(`dipsample:${spec.seed}`);
  const roster = buildRoster(rng.fork('roster'), TOWNS);
  const n = spec.count;

  // Crime types.
  const catRng = rng.fork('categories');
  const categories =
    spec.allocation === 'random'
      ? Array.from({ length: n }, () => catRng.weighted(spec.categories.map((c) => [c.category, c.weight] as const)))
      : catRng.shuffle(quotas(n, spec.categories));

  // Attendance, with the not-attended quota topped up from the types least often attended.
  const attRng = rng.fork('attendance');
  const attended = categories.map((c) => attRng.chance(attendanceRate(spec.quality, c)));
  const minNot = Math.min(n, spec.minNotAttended ?? 0);
  let notCount = attended.filter((a) => !a).length;
  if (notCount < minNot) {
    const candidates = attRng
      .shuffle(attended.map((a, i) => (a ? i : -1)).filter((i) => i >= 0))
      .sort((x, y) => attendanceRate(spec.quality, categories[x]!) - attendanceRate(spec.quality, categories[y]!));
    for (const i of candidates) {
      if (notCount >= minNot) break;
      attended[i] = false;
      notCount++;
    }
  }
  const attendance: AttendanceKind[] = attended.map((a) =>
    a ? (attRng.chance(spec.quality.appointmentShare) ? 'appointment' : 'attended') : 'not_attended',
  );

  // Report times.
  const timeRng = rng.fork('times');
  const days = daysInPeriod(spec.period.from, spec.period.to);
  const slots: Slot[] = categories.map((category, i) => {
    const [y, mo, d] = timeRng.pick(days);
    const hour = timeRng.weighted(reportHourWeights(category));
    const reportedAt = londonLocalToUtc(y, mo, d, hour, timeRng.int(0, 59), timeRng.int(0, 59));
    return { category, attendance: attendance[i]!, reportedAt };
  });

  // A few files straddling a clock change with filing close to 24 elapsed hours.
  const periodStart = londonLocalToUtc(...parseDate(spec.period.from));
  const changes = clockChangesInPeriod(spec.period.from, spec.period.to).filter((c) => c.at - periodStart > DAY);
  if (changes.length > 0 && n > 0) {
    const k = Math.min(n, Math.max(n >= 20 ? 1 : 0, Math.round(n * (spec.clockChangeShare ?? 0.01))));
    for (const i of timeRng.sample(
      Array.from({ length: n }, (_, j) => j),
      k,
    )) {
      const change = timeRng.pick(changes);
      const slot = slots[i]!;
      slot.recordedAt = change.at - timeRng.int(3 * 60, 8 * 60) * MINUTE - timeRng.int(0, 59) * 1000;
      slot.reportedAt = slot.recordedAt - timeRng.int(5, 90) * MINUTE;
      // Autumn: 24–24.8 h elapsed reads as < 24 h on the wall clock; spring: the reverse.
      slot.clockChangeElapsed = change.kind === 'autumn' ? timeRng.float(24.2, 24.8) : timeRng.float(23.2, 23.8);
    }
  }

  // References follow report order, as crime numbers do.
  const order = slots.map((_, i) => i).sort((a, b) => slots[a]!.reportedAt - slots[b]!.reportedAt || a - b);
  const refRng = rng.fork('references');
  const population = Math.max(n * 3, days.length * 160);
  let seqNo = refRng.int(10000, 40000);
  const gap = population / Math.max(1, n);
  const references: string[] = new Array<string>(n);
  for (const i of order) {
    seqNo += 1 + Math.floor(refRng.float(0, 2 * gap - 1));
    const yy = new Date(slots[i]!.reportedAt).getUTCFullYear() % 100;
    references[i] = `${spec.referencePrefix}${String(yy).padStart(2, '0')}-${String(seqNo).padStart(6, '0')}`;
  }

  // Formats.
  const fmtRng = rng.fork('formats');
  const formats: FileFormat[] = new Array<FileFormat>(n).fill(spec.format === 'json' ? 'json' : 'yaml');
  if (typeof spec.format === 'object') {
    const jsonCount = Math.round(n * Math.min(1, Math.max(0, spec.format.json)));
    for (const i of fmtRng.sample(
      Array.from({ length: n }, (_, j) => j),
      jsonCount,
    ))
      formats[i] = 'json';
  }

  const [ay, am, ad] = spec.asAt ? parseDate(spec.asAt) : parseDate(spec.period.to);
  const asAt = londonLocalToUtc(ay, am, ad) + (spec.asAt ? 0 : 150 * DAY);
  const styles = spec.timestampStyles ?? DEFAULT_TIMESTAMP_STYLES;
  const extrasShare = spec.extrasShare ?? 0.03;

  const traitsOf = slots.map((slot, i) => {
    const traits = resolveTraits(
      spec.quality,
      slot.category,
      slot.attendance,
      rng.fork(`record:${references[i]}`).fork('traits'),
    );
    if (slot.clockChangeElapsed !== undefined) traits.filing = { kind: 'filed', elapsedHours: slot.clockChangeElapsed };
    return traits;
  });

  // A few long-running files filed after the next clock change (e.g. November crimes filed in April).
  const longRng = rng.fork('long-running');
  const eligible = slots
    .map((_slot, i) => i)
    .filter((i) => {
      const f = traitsOf[i]!.filing;
      return f.kind === 'filed' && f.elapsedHours >= 48 && slots[i]!.clockChangeElapsed === undefined;
    });
  const kLong = Math.min(eligible.length, Math.max(n >= 20 ? 1 : 0, Math.round(n * (spec.longRunningShare ?? 0.03))));
  const longRunning = new Set<number>();
  for (const i of longRng.sample(eligible, kLong)) {
    const R = slots[i]!.reportedAt;
    const year = new Date(R).getUTCFullYear();
    const next = [year, year + 1]
      .flatMap((y) => [ukClockChanges(y).springForward, ukClockChanges(y).fallBack])
      .find((c) => c > R + 2 * DAY && c < asAt - 4 * DAY);
    if (next === undefined) continue;
    const target = next + longRng.float(1, Math.min(20, (asAt - next) / DAY - 2)) * DAY;
    traitsOf[i]!.filing = { kind: 'filed', elapsedHours: (target - R) / HOUR };
    longRunning.add(i);
  }

  const firstLong = order.find((i) => longRunning.has(i));
  const build = (i: number): GeneratedRecord => {
    const slot = slots[i]!;
    const recRng = rng.fork(`record:${references[i]}`);
    const traits = traitsOf[i]!;
    // The first and half of the other long-running files carry explicit offsets (+00:00 and +01:00).
    const style = longRunning.has(i) && (i === firstLong || recRng.chance(0.5)) ? 'offset' : recRng.weighted(styles);
    const extras = recRng.chance(extrasShare) ? { x_rms_occurrence_id: `OCC${recRng.digits(9)}` } : undefined;
    const record = buildRecord(
      {
        reference: references[i]!,
        force: spec.force,
        category: slot.category,
        reportedAt: slot.reportedAt,
        ...(slot.recordedAt !== undefined ? { recordedAt: slot.recordedAt } : {}),
        traits,
        roster,
        timestampStyle: style,
        asAt: Math.max(asAt, slot.reportedAt + 2 * DAY),
        ...(extras ? { extras } : {}),
      },
      recRng,
    );
    return { record, format: formats[i]!, traits };
  };
  const records: Iterable<GeneratedRecord> = {
    *[Symbol.iterator]() {
      for (const i of order) yield build(i);
    },
  };
  return { manifest: sampleManifest(spec), count: n, records };
}

/** Generate the records of a sample (objects, before serialisation). */
export function generateRecords(spec: SampleSpec): { manifest: SampleManifest; records: GeneratedRecord[] } {
  const { manifest, records } = iterateRecords(spec);
  return { manifest, records: [...records] };
}

/**
 * The files of a sample, generated lazily: for writing large samples without holding every
 * record and text in memory. Same output, in the same order, as generateSample.
 */
export function iterateSample(spec: SampleSpec): {
  manifest: SampleManifest;
  count: number;
  files: Iterable<GeneratedFile>;
} {
  const { manifest, count, records } = iterateRecords(spec);
  return {
    manifest,
    count,
    files: {
      *[Symbol.iterator]() {
        for (const r of records) yield recordFile(r);
      },
    },
  };
}

export function fileName(reference: string, format: FileFormat): string {
  return `${reference.replace(/[^A-Za-z0-9._-]/g, '_')}.crime.${format}`;
}

/** Serialise a record in its format. */
export function recordFile(r: GeneratedRecord): GeneratedFile {
  return { name: fileName(r.record.reference, r.format), text: serialize(r.record, r.format, SYNTHETIC_NOTICE) };
}

/** Serialise a manifest as `sample.yaml` text. */
export function manifestText(manifest: object): string {
  return serialize(manifest, 'yaml');
}

/** Generate a dip-sample: manifest plus crime files. Deterministic for a given spec (seed included). */
export function generateSample(spec: SampleSpec): { manifest: SampleManifest; files: GeneratedFile[] } {
  const { manifest, records } = generateRecords(spec);
  return { manifest, files: records.map(recordFile) };
}
