import type { Random } from './prng';

/**
 * How many files to draw from each cell (group × combination of quotas) so that every group gets
 * exactly its size and every quota at least its count, chosen so that each sample meeting the plan
 * is equally likely: a count vector c is taken with probability ∝ Π C(N_cell, c_cell) (the number of
 * samples with those counts), then each cell's files by simple random sampling. Exact: the counts
 * of ways are BigInts from dynamic programming over the cells, with quota progress capped at each
 * quota's count (beyond it more files no longer matter). See docs/sampling.md.
 */
export interface AllocationInput {
  /** Exact size of each group. */
  sizes: readonly number[];
  /** Least count of each quota. */
  atLeast: readonly number[];
  /** Eligible records per cell: counts[group][mask], mask bit q set when the cell's records match quota q. */
  counts: readonly (readonly number[])[];
}

/** Work (cells × sizes² × quota states) above which a plan is refused as too large to draw exactly. */
export const MAX_ALLOCATION_WORK = 30_000_000;

export function allocationWork(input: AllocationInput): number {
  const states = input.atLeast.reduce((product, count) => product * (count + 1), 1);
  if (states === 1) return 0; // no quotas: each group is one simple random sample
  return input.sizes.reduce(
    (sum, size, group) => sum + input.counts[group].filter((n) => n > 0).length * (size + 1) ** 2 * states,
    0,
  );
}

/** Quota progress states: each quota's count so far, capped, in mixed radix. */
class Progress {
  readonly states: number;
  private readonly radix: number[];
  private readonly digits: number[][];

  constructor(readonly atLeast: readonly number[]) {
    this.radix = atLeast.map((count) => count + 1);
    this.states = this.radix.reduce((product, r) => product * r, 1);
    this.digits = Array.from({ length: this.states }, (_, state) =>
      this.radix.map((r) => {
        const digit = state % r;
        state = Math.floor(state / r);
        return digit;
      }),
    );
  }

  /** `state` after `count` more files matching the quotas in `mask`. */
  add(state: number, mask: number, count: number): number {
    if (count === 0 || mask === 0) return state;
    let result = 0;
    let scale = 1;
    const digits = this.digits[state];
    for (let q = 0; q < this.radix.length; q++) {
      const digit = mask & (1 << q) ? Math.min(digits[q] + count, this.atLeast[q]) : digits[q];
      result += digit * scale;
      scale *= this.radix[q];
    }
    return result;
  }

  /** Two capped progress states together. */
  combine(a: number, b: number): number {
    let result = 0;
    let scale = 1;
    for (let q = 0; q < this.radix.length; q++) {
      result += Math.min(this.digits[a][q] + this.digits[b][q], this.atLeast[q]) * scale;
      scale *= this.radix[q];
    }
    return result;
  }

  get full(): number {
    return this.states - 1;
  }
}

/** C(n, k) for k = 0..upTo, exactly. */
function binomials(n: number, upTo: number): bigint[] {
  const row = [1n];
  for (let k = 1; k <= Math.min(n, upTo); k++) row.push((row[k - 1] * BigInt(n - k + 1)) / BigInt(k));
  return row;
}

interface GroupTable {
  cells: Array<{ mask: number; n: number; binomial: bigint[] }>;
  /** ways[k][used][state]: ways to take `used` files from the first k cells gaining `state`. */
  ways: bigint[][][];
}

function groupTable(size: number, counts: readonly number[], progress: Progress): GroupTable {
  const cells = counts.flatMap((n, mask) => (n > 0 ? [{ mask, n, binomial: binomials(n, size) }] : []));
  const empty = () => Array.from({ length: size + 1 }, () => new Array<bigint>(progress.states).fill(0n));
  const first = empty();
  first[0][0] = 1n;
  const ways = [first];
  for (const cell of cells) {
    const before = ways[ways.length - 1];
    const after = empty();
    for (let used = 0; used <= size; used++)
      for (let state = 0; state < progress.states; state++) {
        const w = before[used][state];
        if (w === 0n) continue;
        for (let c = 0; c < cell.binomial.length && used + c <= size; c++) {
          const target = progress.add(state, cell.mask, c);
          after[used + c][target] += w * cell.binomial[c];
        }
      }
    ways.push(after);
  }
  return { cells, ways };
}

/** Picks an index with probability weight/total (weights in a fixed order: platform-independent). */
function pick(weights: bigint[], total: bigint, random: Random): number {
  let r = random.belowBig(total);
  for (let index = 0; index < weights.length; index++) {
    if (r < weights[index]) return index;
    r -= weights[index];
  }
  throw new Error('allocation: weights do not add up to their total');
}

/** Files per cell (same shape as `counts`), or undefined when no sample meets the plan. */
export function allocate(input: AllocationInput, random: Random): number[][] | undefined {
  const progress = new Progress(input.atLeast);
  if (progress.states === 1)
    // No quotas: one cell per group, all of its size from it.
    return input.counts.every((row, group) => row[0] >= input.sizes[group])
      ? input.counts.map((row, group) => row.map((_, mask) => (mask === 0 ? input.sizes[group] : 0)))
      : undefined;
  const tables = input.sizes.map((size, group) => groupTable(size, input.counts[group], progress));
  const finals = tables.map((table, group) => table.ways[table.ways.length - 1][input.sizes[group]]);
  // completions[g][p]: ways for groups g.. to finish with every quota met, from progress p.
  const completions: bigint[][] = new Array<bigint[]>(tables.length + 1);
  completions[tables.length] = Array.from({ length: progress.states }, (_, p) => (p === progress.full ? 1n : 0n));
  for (let group = tables.length - 1; group >= 0; group--) {
    completions[group] = Array.from({ length: progress.states }, (_, p) => {
      let sum = 0n;
      for (let gained = 0; gained < progress.states; gained++)
        if (finals[group][gained] !== 0n)
          sum += finals[group][gained] * completions[group + 1][progress.combine(p, gained)];
      return sum;
    });
  }
  if (completions[0][0] === 0n) return undefined;

  const result = input.counts.map((row) => row.map(() => 0));
  let reached = 0;
  tables.forEach((table, group) => {
    const weights = finals[group].map((w, gained) => w * completions[group + 1][progress.combine(reached, gained)]);
    let state = pick(weights, completions[group][reached], random);
    reached = progress.combine(reached, state);
    // Back through the group's cells: how many from each, given what the cells before it must make up.
    let used = input.sizes[group];
    for (let k = table.cells.length; k >= 1; k--) {
      const cell = table.cells[k - 1];
      const before = table.ways[k - 1];
      const options: Array<{ c: number; state: number }> = [];
      const optionWeights: bigint[] = [];
      for (let c = 0; c < cell.binomial.length && c <= used; c++)
        for (let prior = 0; prior < progress.states; prior++) {
          const w = before[used - c][prior];
          if (w !== 0n && progress.add(prior, cell.mask, c) === state) {
            options.push({ c, state: prior });
            optionWeights.push(w * cell.binomial[c]);
          }
        }
      const chosen = options[pick(optionWeights, table.ways[k][used][state], random)];
      result[group][cell.mask] = chosen.c;
      used -= chosen.c;
      state = chosen.state;
    }
  });
  return result;
}

/**
 * `count` distinct ordinals of [0, n), uniformly (Floyd's algorithm: `count` draws, no list of n),
 * so a cell of a million records costs only its sample.
 */
export function chooseOrdinals(n: number, count: number, random: Random): Set<number> {
  const chosen = new Set<number>();
  for (let j = n - count; j < n; j++) {
    const t = random.below(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return chosen;
}

/** Fisher–Yates shuffle in place, with the draw's stream. */
export function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
