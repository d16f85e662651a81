import { isRecord, isValidPath, select } from '../path';

/** A scalar a filter compares: what a crime-file field holds. */
export type FilterValue = string | number | boolean;

/** Field paths mapped to the values any of which they must hold; every path must match. */
export type RecordFilter = ReadonlyMap<string, readonly FilterValue[]>;

/** A plan's filter object (`{ path: value | [values] }`) as a RecordFilter; paths not valid are the caller's problem. */
export function toRecordFilter(value: unknown): RecordFilter {
  const filter = new Map<string, FilterValue[]>();
  if (!isRecord(value)) return filter;
  for (const [path, wanted] of Object.entries(value)) {
    const list = (Array.isArray(wanted) ? wanted : [wanted]).filter(isFilterValue);
    filter.set(path, list);
  }
  return filter;
}

export function isFilterValue(value: unknown): value is FilterValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Filter paths that are not field paths (for located plan problems). */
export function invalidFilterPaths(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value).filter((path) => !isValidPath(path)) : [];
}

const DOTTED = new Map<string, string[] | null>();

/**
 * The values a field path reaches. A plain dotted path (no list steps) is walked directly: a
 * million-row draw asks this several times a row, and `select`'s general walk allocates per step.
 */
export function valuesAt(record: unknown, path: string): unknown[] {
  let keys = DOTTED.get(path);
  if (keys === undefined) {
    keys = path.includes('[') ? null : path.split('.');
    DOTTED.set(path, keys);
  }
  if (keys === null) return select(record, path).map((match) => match.value);
  let node: unknown = record;
  for (const key of keys) {
    if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, key)) return [];
    node = node[key];
  }
  return [node];
}

/** A filter's paths with their wanted values as text, worked out once per filter (a draw asks a million times). */
interface CompiledTest {
  path: string;
  /** The keys of a plain dotted path; null for a path with list steps (`select` walks it). */
  keys: readonly string[] | null;
  texts: ReadonlySet<string>;
}
const COMPILED = new WeakMap<RecordFilter, CompiledTest[]>();

function compiled(filter: RecordFilter): CompiledTest[] {
  let tests = COMPILED.get(filter);
  if (!tests) {
    tests = [...filter].map(([path, wanted]) => ({
      path,
      keys: path.includes('[') ? null : path.split('.'),
      texts: new Set(wanted.map((option) => String(option))),
    }));
    COMPILED.set(filter, tests);
  }
  return tests;
}

/** The first value a field path reaches (valuesAt's first, without a list for a plain dotted path). */
export function valueAt(record: unknown, path: string): unknown {
  let keys = DOTTED.get(path);
  if (keys === undefined) {
    keys = path.includes('[') ? null : path.split('.');
    DOTTED.set(path, keys);
  }
  if (keys === null) return select(record, path)[0]?.value;
  let node: unknown = record;
  for (let step = 0; step < keys.length; step++) {
    if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, keys[step])) return undefined;
    node = node[keys[step]];
  }
  return node;
}

/**
 * Whether a record matches: each path reaches a value equal to one of the listed ones. Values are
 * compared as text, so `hocr_code: 45` matches the string "45" an extract holds (and `true` "true").
 */
export function matchesFilter(record: unknown, filter: RecordFilter): boolean {
  const tests = compiled(filter);
  for (let index = 0; index < tests.length; index++) {
    const { path, keys, texts } = tests[index];
    if (keys === null) {
      const found = select(record, path).some(({ value }) => isFilterValue(value) && texts.has(String(value)));
      if (!found) return false;
      continue;
    }
    let node: unknown = record;
    for (let step = 0; step < keys.length; step++) {
      if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, keys[step])) return false;
      node = node[keys[step]];
    }
    if (!isFilterValue(node) || !texts.has(String(node))) return false;
  }
  return true;
}

/** The field paths a filter reads. */
export function filterPaths(filter: RecordFilter): string[] {
  return [...filter.keys()];
}
