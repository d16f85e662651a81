import { compileSafeRegex, type SafeRegex } from '../safeRegex';
import { FIELD_PATH_FORMAT } from '../schemas/formats';
import { get, isValidPath, select } from '../path';
import { parseDuration } from '../time/duration';
import { DEFAULT_TIME_ZONE, toInstant } from '../time/instant';
import { OptionError } from './types';
import type { PathSegment } from '../model';

type Scalar = string | number | boolean | null;

/**
 * Conditions used by rule scopes (`when`) and by `count`'s `where`. A condition tests the values a
 * path reaches: it holds when any reached value satisfies every operator given (an empty reach
 * satisfies only `present: false`). `sameAs` / `differentFrom` compare with a field of the whole record.
 */
export type Predicate = { all: Predicate[] } | { any: Predicate[] } | { not: Predicate } | FieldCondition;

export interface FieldCondition {
  path: string;
  present?: boolean;
  equals?: Scalar;
  notEquals?: Scalar;
  in?: Scalar[];
  notIn?: Scalar[];
  matches?: string;
  flags?: string;
  containsAny?: Scalar[];
  containsAll?: Scalar[];
  sameAs?: string;
  differentFrom?: string;
  /** The value is a date-time after / before the date-time at this path of the whole record. */
  after?: string;
  before?: string;
  /** The value is a date-time no earlier than `of` and at most `max` after it. */
  within?: { of: string; max: string };
}

/** A compiled predicate: `subject` is what paths start from, `record` the whole crime record. */
export type CompiledPredicate = (subject: unknown, record: unknown, timeZone?: string) => boolean;

const scalar = { type: ['string', 'number', 'boolean', 'null'] };
const fieldPath = { type: 'string', minLength: 1, format: FIELD_PATH_FORMAT } as const;
const scalarList = { type: 'array', items: scalar };

/** JSON Schema for predicates, shared by the rule-pack schema and function option schemas. */
export const predicateSchema = {
  $id: 'dipsample:predicate',
  oneOf: [
    {
      type: 'object',
      required: ['all'],
      additionalProperties: false,
      properties: { all: { type: 'array', minItems: 1, items: { $ref: '#' } } },
    },
    {
      type: 'object',
      required: ['any'],
      additionalProperties: false,
      properties: { any: { type: 'array', minItems: 1, items: { $ref: '#' } } },
    },
    { type: 'object', required: ['not'], additionalProperties: false, properties: { not: { $ref: '#' } } },
    {
      type: 'object',
      required: ['path'],
      additionalProperties: false,
      minProperties: 2,
      properties: {
        path: fieldPath,
        present: { type: 'boolean' },
        equals: scalar,
        notEquals: scalar,
        in: scalarList,
        notIn: scalarList,
        matches: { type: 'string' },
        flags: { type: 'string', pattern: '^[imsu]*$' },
        containsAny: scalarList,
        containsAll: scalarList,
        sameAs: fieldPath,
        differentFrom: fieldPath,
        after: fieldPath,
        before: fieldPath,
        within: {
          type: 'object',
          required: ['of', 'max'],
          additionalProperties: false,
          properties: { of: fieldPath, max: { type: 'string', minLength: 1 } },
        },
      },
    },
  ],
} as const;

export function compilePredicate(predicate: Predicate, at: PathSegment[] = []): CompiledPredicate {
  if ('all' in predicate) {
    const parts = predicate.all.map((p, i) => compilePredicate(p, [...at, 'all', i]));
    return (subject, record, zone) => parts.every((part) => part(subject, record, zone));
  }
  if ('any' in predicate) {
    const parts = predicate.any.map((p, i) => compilePredicate(p, [...at, 'any', i]));
    return (subject, record, zone) => parts.some((part) => part(subject, record, zone));
  }
  if ('not' in predicate) {
    const inner = compilePredicate(predicate.not, [...at, 'not']);
    return (subject, record, zone) => !inner(subject, record, zone);
  }
  return compileField(predicate, at);
}

function compileField(condition: FieldCondition, at: PathSegment[]): CompiledPredicate {
  // The condition schema's field-path format checks these when a pack loads; a predicate compiled
  // directly (tests, tools) gets the same check here, located at the offending key.
  const paths: Array<[string | undefined, PathSegment[]]> = [
    ...(['path', 'sameAs', 'differentFrom', 'after', 'before'] as const).map(
      (key): [string | undefined, PathSegment[]] => [condition[key], [key]],
    ),
    [condition.within?.of, ['within', 'of']],
  ];
  for (const [expression, where] of paths) {
    if (expression !== undefined && !isValidPath(expression))
      throw new OptionError(`"${expression}" is not a valid field path`, [...at, ...where]);
  }
  let withinMax: number | undefined;
  if (condition.within) {
    withinMax = parseDuration(condition.within.max);
    if (withinMax === undefined)
      throw new OptionError(`"${condition.within.max}" is not a duration (try 24h, 90m, 3d or PT24H)`, [
        ...at,
        'within',
        'max',
      ]);
  }
  let pattern: SafeRegex | undefined;
  if (condition.matches !== undefined) {
    try {
      pattern = compileSafeRegex(condition.matches, condition.flags ?? '');
    } catch (error) {
      throw new OptionError(`Invalid regular expression: ${(error as Error).message}`, [...at, 'matches']);
    }
  }
  const tests: Array<(value: unknown, record: unknown, zone: string) => boolean> = [];
  const { equals, notEquals, sameAs, differentFrom, containsAny, containsAll, after, before, within } = condition;
  if (condition.present === true) tests.push((value) => !isBlank(value));
  if ('equals' in condition) tests.push((value) => value === equals);
  if ('notEquals' in condition) tests.push((value) => value !== notEquals);
  if (condition.in) {
    const allowed = new Set<unknown>(condition.in);
    tests.push((value) => allowed.has(value));
  }
  if (condition.notIn) {
    const excluded = new Set<unknown>(condition.notIn);
    tests.push((value) => !excluded.has(value));
  }
  if (pattern) {
    const regex = pattern;
    tests.push((value) => typeof value === 'string' && regex.test(value));
  }
  if (containsAny) tests.push((value) => Array.isArray(value) && containsAny.some((v) => value.includes(v)));
  if (containsAll) tests.push((value) => Array.isArray(value) && containsAll.every((v) => value.includes(v)));
  if (sameAs !== undefined) tests.push((value, record) => value === get(record, sameAs));
  if (differentFrom !== undefined) tests.push((value, record) => value !== get(record, differentFrom));
  // Time comparisons are between instants; a missing or unreadable date-time never satisfies them.
  const instants = (value: unknown, other: unknown, zone: string) => [toInstant(value, zone), toInstant(other, zone)];
  if (after !== undefined) {
    tests.push((value, record, zone) => {
      const [mine, theirs] = instants(value, get(record, after), zone);
      return mine !== undefined && theirs !== undefined && mine > theirs;
    });
  }
  if (before !== undefined) {
    tests.push((value, record, zone) => {
      const [mine, theirs] = instants(value, get(record, before), zone);
      return mine !== undefined && theirs !== undefined && mine < theirs;
    });
  }
  if (within && withinMax !== undefined) {
    const max = withinMax;
    tests.push((value, record, zone) => {
      const [mine, start] = instants(value, get(record, within.of), zone);
      return mine !== undefined && start !== undefined && mine >= start && mine - start <= max;
    });
  }

  const wantsAbsent = condition.present === false;
  return (subject, record, zone = DEFAULT_TIME_ZONE) => {
    const values = select(subject, condition.path)
      .map((match) => match.value)
      .filter((value) => !isBlank(value));
    if (wantsAbsent) return values.length === 0 && tests.length === 0;
    return values.some((value) => tests.every((test) => test(value, record, zone)));
  };
}

/** Missing, null, empty text, empty list and empty object all count as "not there" for an auditor. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value as object).length === 0;
  return false;
}
