import type { SampleManifest } from '../config/loadManifest';
import type { PathSegment, SampleMember } from '../model';
import { isRecord, select } from '../path';
import type { Problem } from '../problems';
import { localDay, PERIOD_FIELDS, type PeriodBasis } from './period';
import { filterPaths, isFilterValue, toRecordFilter, type FilterValue, type RecordFilter } from './recordFilter';

/** How many references a warning names before it says "and n more". */
const NAMED = 5;

interface ManifestGroup {
  description: string;
  filter: RecordFilter;
  path: PathSegment[];
  size?: number;
  atLeast?: number;
}

/** The strata and quotas a manifest declares, with where. */
function manifestGroups(manifest: SampleManifest): ManifestGroup[] {
  const selection = (manifest as { selection?: unknown }).selection;
  if (!isRecord(selection)) return [];
  const list = (key: string) => (Array.isArray(selection[key]) ? (selection[key] as unknown[]) : []);
  return [
    ...list('strata').map((stratum, index) => {
      const s = stratum as { description?: string; filter?: unknown; size?: number };
      return {
        description: String(s.description),
        filter: toRecordFilter(s.filter),
        path: ['selection', 'strata', index],
        ...(s.size !== undefined ? { size: s.size } : {}),
      };
    }),
    ...list('constraints').map((quota, index) => {
      const q = quota as { description?: string; filter?: unknown; atLeast?: number };
      return {
        description: String(q.description),
        filter: toRecordFilter(q.filter),
        path: ['selection', 'constraints', index],
        atLeast: q.atLeast,
      };
    }),
  ].filter((group) => group.filter.size > 0);
}

/** The field paths checking a manifest reads from each file: its filters' and its period's date. */
export function manifestFields(manifest: SampleManifest): string[] {
  if (manifest.problems.length > 0) return [];
  const fields = new Set<string>();
  const basis = manifest.period?.basis as PeriodBasis | undefined;
  if (basis && basis in PERIOD_FIELDS) fields.add(PERIOD_FIELDS[basis]);
  for (const group of manifestGroups(manifest)) for (const path of filterPaths(group.filter)) fields.add(path);
  return [...fields];
}

/** The scalar values each path reaches in a record (what FileReport.facts.sampled holds). */
export function sampledValues(record: unknown, paths: readonly string[]): Record<string, FilterValue[]> {
  const values: Record<string, FilterValue[]> = {};
  for (const path of paths)
    values[path] = select(record, path).flatMap(({ value }) => (isFilterValue(value) ? [value] : []));
  return values;
}

function matchesSampled(sampled: Record<string, FilterValue[]> | undefined, filter: RecordFilter): boolean {
  if (!sampled) return false;
  for (const [path, wanted] of filter)
    if (!(sampled[path] ?? []).some((value) => wanted.some((option) => String(option) === String(value)))) return false;
  return true;
}

/**
 * What a sample's files do not bear out of its manifest, as warnings located in sample.yaml: files
 * outside the period, a stratum whose files are not its size, a quota not met, a declared size that
 * is not the number of files, a drawn reference with no file. Warnings, not errors: the audit stands,
 * but the sample is not the one the manifest describes. `reports` must be the whole sample.
 */
export function checkManifest(manifest: SampleManifest, reports: readonly SampleMember[], timeZone: string): Problem[] {
  const document = manifest.document;
  if (!document || manifest.problems.length > 0) return [];
  const problems: Problem[] = [];
  const warn = (path: PathSegment[], message: string) =>
    problems.push({
      code: 'manifest-mismatch',
      file: manifest.file,
      range: document.locate(path).range,
      severity: 'warning',
      message,
    });
  const named = (references: string[]) =>
    references.slice(0, NAMED).join(', ') + (references.length > NAMED ? ` and ${references.length - NAMED} more` : '');
  const label = (report: SampleMember) => report.reference ?? report.path;
  // Files audited with another configuration (--config) carry no sampled values: their filters and
  // dates cannot be judged, only their number and references.
  const judged =
    manifestFields(manifest).length === 0 || reports.every((report) => !report.facts || report.facts.sampled);

  const period = manifest.period;
  const basis = period?.basis as PeriodBasis | undefined;
  if (judged && period?.from && period.to && basis && basis in PERIOD_FIELDS) {
    const field = PERIOD_FIELDS[basis];
    const outside = reports.filter((report) => {
      const value = report.facts?.sampled?.[field]?.[0];
      const day = typeof value === 'string' ? localDay(value, timeZone) : undefined;
      return day !== undefined && (day < period.from! || day > period.to!);
    });
    if (outside.length > 0)
      warn(
        ['period'],
        `Sample manifest: ${outside.length} file${outside.length === 1 ? ' is' : 's are'} outside the period ${period.from} to ${period.to} (by ${field}): ${named(outside.map(label))}`,
      );
  }

  for (const group of judged ? manifestGroups(manifest) : []) {
    const matching = reports.filter((report) => matchesSampled(report.facts?.sampled, group.filter)).length;
    if (group.size !== undefined && matching !== group.size)
      warn(
        group.path,
        `Sample manifest: stratum "${group.description}" has ${matching} file${matching === 1 ? '' : 's'}, the manifest says ${group.size}`,
      );
    if (group.atLeast !== undefined && matching < group.atLeast)
      warn(
        group.path,
        `Sample manifest: quota "${group.description}" is not met: ${matching} file${matching === 1 ? '' : 's'}, at least ${group.atLeast} wanted`,
      );
  }

  if (manifest.size !== undefined && manifest.size !== reports.length)
    warn(
      ['size'],
      `Sample manifest: the size is ${manifest.size}, the sample has ${reports.length} crime file${reports.length === 1 ? '' : 's'}`,
    );

  const drawn = (manifest as { drawn?: { references?: unknown } }).drawn?.references;
  if (Array.isArray(drawn)) {
    const present = new Set(reports.map((report) => report.reference));
    drawn.forEach((reference, index) => {
      if (typeof reference === 'string' && !present.has(reference))
        warn(
          ['drawn', 'references', index],
          `Sample manifest: drawn reference ${reference} has no crime file in the sample`,
        );
    });
  }
  return problems;
}
