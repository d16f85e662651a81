import {
  allocate,
  allocationWork,
  chooseOrdinals,
  MAX_ALLOCATION_WORK,
  shuffle,
  type AllocationInput,
} from './allocation';
import { PlanCells, REST_OF_POPULATION, type Placement } from './planCells';
import { Random } from './prng';
import type { SamplePlan } from './samplePlan';

/** Eligible records and files drawn, for one group or quota (the `drawn` record of sample.yaml). */
export interface DrawnCount {
  description: string;
  eligible: number;
  drawn: number;
}

/** Why a plan cannot be drawn from a frame: one sentence per stratum or quota, with the counts. */
export class UnsatisfiablePlan extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('; '));
  }
}

/** One drawn record, as the frame gave it (`item`: whatever the host needs to write it out). */
export interface DrawnRecord<T> {
  reference: string;
  group: number;
  item: T;
}

/**
 * A draw over a frame read once, in order: `count` every record, then `allocate`, which gives the
 * drawn records in draw order. Each cell keeps a reservoir (Algorithm R) of as many records as its
 * group could take, so memory holds counts and at most (group sizes × quota combinations) records,
 * whatever the frame's size: a uniform c-subset of a cell's uniform reservoir is a uniform c-subset
 * of the cell. Seeded by the plan; the reservoirs use their own stream (`<seed>/reservoir`), the
 * allocation, the choice within each reservoir and the draw order another (`<seed>`), each in a
 * fixed order, so the same frame and seed give the same sample anywhere.
 */
export class SampleDraw<T = unknown> {
  readonly cells: PlanCells;
  private readonly counts: number[][];
  private readonly reservoirs: Array<Array<Array<{ reference: string; item: T }>>>;
  private allocation: number[][] | undefined;
  private readonly random: Random;
  private readonly reservoirRandom: Random;
  private frameRecords = 0;
  private eligibleRecords = 0;

  constructor(plan: SamplePlan, timeZone?: string) {
    this.cells = new PlanCells(plan, timeZone);
    this.counts = this.cells.groups.map(() => new Array<number>(this.cells.masks).fill(0));
    this.reservoirs = this.cells.groups.map(() => Array.from({ length: this.cells.masks }, () => []));
    this.random = Random.fromSeed(plan.seed);
    this.reservoirRandom = Random.fromSeed(`${String(plan.seed)}/reservoir`);
  }

  /** One record of the frame (`item`: what the host needs to write it out if drawn). An overlap of strata is returned for the host to report. */
  count(record: unknown, item?: T): Placement {
    const placement = this.cells.place(record);
    this.frameRecords++;
    if (!placement.eligible) return placement;
    this.eligibleRecords++;
    const seen = this.counts[placement.group][placement.quotas]++;
    const capacity = this.cells.groups[placement.group].size;
    const reservoir = this.reservoirs[placement.group][placement.quotas];
    const entry = { reference: placement.reference, item: item as T };
    if (seen < capacity) reservoir.push(entry);
    else if (capacity > 0) {
      const slot = this.reservoirRandom.below(seen + 1);
      if (slot < capacity) reservoir[slot] = entry;
    }
    return placement;
  }

  get eligible(): number {
    return this.eligibleRecords;
  }

  /**
   * After the frame: chooses how many from each cell and which, and returns the drawn records in
   * draw order (shuffled, so it carries no order of the frame). Throws UnsatisfiablePlan, naming what falls short.
   */
  allocate(): DrawnRecord<T>[] {
    const input: AllocationInput = {
      sizes: this.cells.groups.map((group) => group.size),
      atLeast: this.cells.plan.quotas.map((quota) => quota.atLeast),
      counts: this.counts,
    };
    const shortfalls = this.shortfalls();
    if (shortfalls.length > 0) throw new UnsatisfiablePlan(shortfalls);
    const work = allocationWork(input);
    if (work > MAX_ALLOCATION_WORK)
      throw new UnsatisfiablePlan([
        `the quotas and sizes are too large to draw exactly (${work.toExponential(1)} steps; at most ${MAX_ALLOCATION_WORK.toExponential(1)}): use fewer quotas or smaller counts`,
      ]);
    const allocation = allocate(input, this.random);
    if (!allocation)
      throw new UnsatisfiablePlan([
        `the quotas cannot be met together with the strata: ${this.quotaCounts()
          .map((q) => `"${q.description}" (${q.eligible} eligible)`)
          .join(', ')}`,
      ]);
    this.allocation = allocation;
    const drawn: DrawnRecord<T>[] = [];
    allocation.forEach((row, group) =>
      row.forEach((count, mask) => {
        const reservoir = this.reservoirs[group][mask];
        const chosen = [...chooseOrdinals(reservoir.length, count, this.random)].sort((a, b) => a - b);
        for (const index of chosen) drawn.push({ ...reservoir[index], group });
      }),
    );
    return shuffle(drawn, this.random);
  }

  /** Eligible and drawn per group, in plan order (the rest of the population last, when it has any). */
  groupCounts(): DrawnCount[] {
    return this.cells.groups
      .map((group, index) => ({
        description: group.description,
        eligible: sum(this.counts[index]),
        drawn: this.allocation ? sum(this.allocation[index]) : 0,
      }))
      .filter((count) => count.description !== REST_OF_POPULATION || count.eligible > 0 || count.drawn > 0);
  }

  /** Eligible and drawn per quota, in plan order. */
  quotaCounts(): DrawnCount[] {
    return this.cells.plan.quotas.map((quota, q) => {
      const matching = (table: number[][]) =>
        table.reduce((total, row) => total + row.reduce((s, n, mask) => s + (mask & (1 << q) ? n : 0), 0), 0);
      return {
        description: quota.description,
        eligible: matching(this.counts),
        drawn: this.allocation ? matching(this.allocation) : 0,
      };
    });
  }

  get records(): number {
    return this.frameRecords;
  }

  /** Each group or quota the frame cannot fill on its own, in words with its counts. */
  private shortfalls(): string[] {
    const reasons: string[] = [];
    const { groups } = this.cells;
    groups.forEach((group, index) => {
      const eligible = sum(this.counts[index]);
      if (eligible >= group.size) return;
      reasons.push(
        group.description === REST_OF_POPULATION
          ? `the rest of the sample (size ${this.cells.plan.size} less the strata: ${group.size}) needs ${group.size} eligible records in no stratum, the frame has ${eligible}`
          : `stratum "${group.description}" needs ${group.size}, the frame has ${eligible} eligible`,
      );
    });
    this.cells.plan.quotas.forEach((quota, q) => {
      let eligible = 0;
      let reachable = 0;
      groups.forEach((group, index) => {
        const matching = this.counts[index].reduce((s, n, mask) => s + (mask & (1 << q) ? n : 0), 0);
        eligible += matching;
        reachable += Math.min(group.size, matching);
      });
      if (reachable >= quota.atLeast) return;
      reasons.push(
        reachable === eligible
          ? `quota "${quota.description}" needs at least ${quota.atLeast}, the frame has ${eligible} eligible`
          : `quota "${quota.description}" needs at least ${quota.atLeast}, but the strata sizes allow at most ${reachable} of its ${eligible} eligible`,
      );
    });
    return reasons;
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, n) => total + n, 0);
}
