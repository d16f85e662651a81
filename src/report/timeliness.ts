import type { FileReport } from '../engine';
import { countShare, type CountShare } from './outcomeTally';
import { spreadOf, type Spread } from './quantiles';
import { BREAKDOWN_DEFINITIONS, type BreakdownDefinition } from './sampleTally';

export const TIMELINESS_MEASURES = [
  { id: 'toFiling', title: 'Report to filing' },
  { id: 'underInvestigation', title: 'Under investigation (recording to filing)' },
  { id: 'toFirstContact', title: 'Report to first attendance or contact' },
] as const;
export type TimelinessMeasure = (typeof TIMELINESS_MEASURES)[number]['id'];

/**
 * Time to filing in the bands HMIC's "filed within 24 hours" and its reviewers use: under 24 hours,
 * 24 hours to 7 days inclusive, over 7 days.
 */
export const FILING_BANDS = [
  { id: 'under24h', title: 'Under 24 hours', includes: (hours: number) => hours < 24 },
  { id: 'oneToSevenDays', title: '1 to 7 days', includes: (hours: number) => hours >= 24 && hours <= 7 * 24 },
  { id: 'overSevenDays', title: 'Over 7 days', includes: (hours: number) => hours > 7 * 24 },
] as const;

export interface TimelinessRow {
  /** One label per breakdown dimension; ["All files"] for the whole sample. */
  labels: string[];
  /** Median and quartiles in hours, per measure (absent when no file had both times). */
  measures: Partial<Record<TimelinessMeasure, Spread>>;
  /** Filed files per band of time to filing, shares of those with a time to filing. */
  bands: Record<(typeof FILING_BANDS)[number]['id'], CountShare>;
}

export interface TimelinessTable {
  /** "all" or a breakdown id. */
  id: string;
  title: string;
  dimensions: string[];
  rows: TimelinessRow[];
}

/** Timeliness for all files and per group of each breakdown: medians, quartiles and bands. */
export function timeliness(
  reports: readonly FileReport[],
  definitions: readonly BreakdownDefinition[] = BREAKDOWN_DEFINITIONS,
): TimelinessTable[] {
  const crimes = reports.filter((report) => report.facts);
  const tables: TimelinessTable[] = [
    { id: 'all', title: 'All files', dimensions: [], rows: [rowOf(['All files'], crimes)] },
  ];
  for (const definition of definitions) {
    const groups = new Map<string, { labels: string[]; files: FileReport[] }>();
    for (const report of crimes) {
      const labels = definition.labels(report);
      const key = labels.join('\u0000');
      const group = groups.get(key) ?? { labels, files: [] };
      groups.set(key, group);
      group.files.push(report);
    }
    tables.push({
      id: definition.id,
      title: definition.title,
      dimensions: definition.dimensions,
      rows: [...groups.values()]
        .sort((a, b) => a.labels.join(' ').localeCompare(b.labels.join(' ')))
        .map((group) => rowOf(group.labels, group.files)),
    });
  }
  return tables;
}

function rowOf(labels: string[], reports: readonly FileReport[]): TimelinessRow {
  const measures: TimelinessRow['measures'] = {};
  for (const { id } of TIMELINESS_MEASURES) {
    const spread = spreadOf(
      reports.flatMap((report) => (report.facts?.hours?.[id] === undefined ? [] : [report.facts.hours[id]!])),
    );
    if (spread) measures[id] = spread;
  }
  const toFiling = reports.flatMap((report) =>
    report.facts?.hours?.toFiling === undefined ? [] : [report.facts.hours.toFiling],
  );
  const counts = FILING_BANDS.map(() => 0);
  for (const hours of toFiling) counts[FILING_BANDS.findIndex((band) => band.includes(hours))]++;
  const bands = Object.fromEntries(
    FILING_BANDS.map((band, index) => [band.id, countShare(counts[index], toFiling.length)]),
  ) as TimelinessRow['bands'];
  return { labels, measures, bands };
}
