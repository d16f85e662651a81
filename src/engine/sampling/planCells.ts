import { recordReference } from '../crimeFile';
import { DEFAULT_TIME_ZONE } from '../time/instant';
import { PERIOD_FIELDS, inPeriod } from './period';
import { filterPaths, matchesFilter, type RecordFilter } from './recordFilter';
import type { SamplePlan } from './samplePlan';

/** A group of the sample with an exact size: a stratum, the rest of the population, or the whole of it. */
export interface SampleGroup {
  description: string;
  size: number;
  filter?: RecordFilter;
}

/** Where a record of the frame lands: a group and the quotas it counts for (a bit per quota), or why it cannot be drawn. */
export type Placement =
  | { eligible: true; reference: string; group: number; quotas: number }
  | { eligible: false; reason: 'period' | 'population' | 'no-reference' }
  | { eligible: false; reason: 'overlap'; groups: [number, number] };

// Most of a large frame is not eligible: its placements are these, not an object per record.
const OUT_OF_PERIOD: Placement = Object.freeze({ eligible: false, reason: 'period' } as const);
const OUT_OF_POPULATION: Placement = Object.freeze({ eligible: false, reason: 'population' } as const);
const NO_REFERENCE: Placement = Object.freeze({ eligible: false, reason: 'no-reference' } as const);

export const REST_OF_POPULATION = '(not in a stratum)';
export const WHOLE_POPULATION = '(the whole population)';

/**
 * The plan's partition of the frame: every eligible record (in the period and the population, with
 * a reference) is in exactly one group and matches some set of quotas, its cell. A record in two
 * strata is an error of the plan: strata must be disjoint for their sizes to be exact.
 */
export class PlanCells {
  readonly groups: SampleGroup[];

  constructor(
    readonly plan: SamplePlan,
    private readonly timeZone: string = DEFAULT_TIME_ZONE,
  ) {
    if (plan.method === 'simple_random') this.groups = [{ description: WHOLE_POPULATION, size: plan.size }];
    else {
      const stratified = plan.strata.reduce((sum, stratum) => sum + stratum.size, 0);
      this.groups = [
        ...plan.strata.map(({ description, size, filter }) => ({ description, size, filter })),
        { description: REST_OF_POPULATION, size: plan.size - stratified },
      ];
    }
  }

  /** How many cells per group: one per combination of quotas. */
  get masks(): number {
    return 1 << this.plan.quotas.length;
  }

  place(record: unknown): Placement {
    const { plan } = this;
    if (plan.period && !inPeriod(record, plan.period, this.timeZone)) return OUT_OF_PERIOD;
    if (!matchesFilter(record, plan.population)) return OUT_OF_POPULATION;
    const reference = recordReference(record);
    if (reference === undefined || reference === '') return NO_REFERENCE;
    let group = this.groups.length - 1;
    if (plan.method === 'stratified_random') {
      let found = -1;
      for (let index = 0; index < plan.strata.length; index++) {
        if (!matchesFilter(record, plan.strata[index].filter)) continue;
        if (found >= 0) return { eligible: false, reason: 'overlap', groups: [found, index] };
        found = index;
      }
      if (found >= 0) group = found;
    }
    let quotas = 0;
    for (let index = 0; index < plan.quotas.length; index++)
      if (matchesFilter(record, plan.quotas[index].filter)) quotas |= 1 << index;
    return { eligible: true, reference, group, quotas };
  }

  /** The field paths placing a record reads: its reference, the period's date, every filter's paths. */
  neededPaths(): string[] {
    const { plan } = this;
    const paths = new Set<string>(['reference']);
    if (plan.period) paths.add(PERIOD_FIELDS[plan.period.basis]);
    for (const filter of [plan.population, ...plan.strata.map((s) => s.filter), ...plan.quotas.map((q) => q.filter)])
      for (const path of filterPaths(filter)) paths.add(path);
    return [...paths];
  }
}
