import type { PathSegment } from './model';

/**
 * Field paths used in rule packs: dot-separated keys with optional list steps, e.g.
 * `investigation_plan.lines_of_enquiry`, `log[*].text`, `victims[0].id`. `[*]` visits every item.
 * A deliberately small subset of JSONPath: enough for records, and nothing that executes.
 */
export type PathStep = { key: string } | { index: number } | { each: true };

export interface PathMatch {
  path: PathSegment[];
  value: unknown;
}

const STEP = /([^.[\]]+)|\[(\d+|\*)\]/gy;

export function parsePath(expression: string): PathStep[] {
  const steps: PathStep[] = [];
  if (expression === '' || expression === '$') return steps;
  let position = 0;
  while (position < expression.length) {
    if (expression[position] === '.' && position > 0) position++;
    STEP.lastIndex = position;
    const match = STEP.exec(expression);
    if (!match) throw new Error(`Invalid path "${expression}" at character ${position + 1}`);
    if (match[1] !== undefined) steps.push({ key: match[1] });
    else if (match[2] === '*') steps.push({ each: true });
    else steps.push({ index: Number(match[2]) });
    position = STEP.lastIndex;
  }
  return steps;
}

export function isValidPath(expression: string): boolean {
  try {
    parsePath(expression);
    return true;
  } catch {
    return false;
  }
}

const cache = new Map<string, PathStep[]>();

function compiled(expression: string): PathStep[] {
  let steps = cache.get(expression);
  if (!steps) {
    steps = parsePath(expression);
    cache.set(expression, steps);
  }
  return steps;
}

/** Every existing value the path reaches from `root`, with its concrete path. */
export function select(root: unknown, expression: string, base: PathSegment[] = []): PathMatch[] {
  let current: PathMatch[] = [{ path: base, value: root }];
  for (const step of compiled(expression)) {
    const next: PathMatch[] = [];
    for (const { path, value } of current) {
      if ('key' in step) {
        if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, step.key)) {
          next.push({ path: [...path, step.key], value: value[step.key] });
        }
      } else if ('index' in step) {
        if (Array.isArray(value) && step.index < value.length) {
          next.push({ path: [...path, step.index], value: value[step.index] });
        }
      } else if (Array.isArray(value)) {
        value.forEach((item, index) => next.push({ path: [...path, index], value: item }));
      }
    }
    current = next;
  }
  return current;
}

/** The first value the path reaches, if any. */
export function get(root: unknown, expression: string): unknown {
  return select(root, expression)[0]?.value;
}

/**
 * The concrete path a single-valued expression names, even where it does not exist, so a finding
 * about a missing field can be located at its deepest existing ancestor. Wildcards stop the path.
 */
export function intendedPath(expression: string, base: PathSegment[] = []): PathSegment[] {
  const path = [...base];
  for (const step of compiled(expression)) {
    if ('key' in step) path.push(step.key);
    else if ('index' in step) path.push(step.index);
    else break;
  }
  return path;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
