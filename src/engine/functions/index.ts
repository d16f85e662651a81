import { condition } from './condition';
import { count } from './count';
import { elapsed } from './elapsed';
import { enumeration } from './enumeration';
import { pattern } from './pattern';
import { present } from './present';
import type { RuleFunction } from './types';

/** The built-in check functions rule packs can name. Rule packs hold data only, never code. */
export const FUNCTIONS: ReadonlyMap<string, RuleFunction<Record<string, unknown>>> = new Map(
  [present, count, elapsed, enumeration, pattern, condition].map((fn) => [fn.name, fn]),
);

export { predicateSchema, compilePredicate, isBlank, type Predicate, type CompiledPredicate } from './predicate';
export * from './types';
