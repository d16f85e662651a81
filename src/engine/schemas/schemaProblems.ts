import type { ErrorObject } from 'ajv';
import type { PathSegment } from '../model';
import { FIELD_PATH_FORMAT } from './formats';

/** What kind of violation: a stable code tools and tests can rely on, whatever the wording. */
export type SchemaProblemCode = 'missing-field' | 'unknown-field' | 'bad-value';

/** A schema violation translated for people, with the path of the node to underline. */
export interface SchemaProblem {
  code: SchemaProblemCode;
  path: PathSegment[];
  /** Underline the key rather than the value (unknown fields). */
  atKey: boolean;
  message: string;
}

export interface SchemaProblemOptions {
  /** What the checked value is called in a message about the whole of it (default "The file"). */
  subject?: string;
}

const COMBINATORS = new Set(['oneOf', 'anyOf', 'if', 'not']);

/**
 * Turns ajv's errors into one readable problem per place. Errors from failed `oneOf`/`anyOf`
 * branches are dropped when a more specific error explains the same place.
 */
export function schemaProblems(
  errors: readonly ErrorObject[] | null | undefined,
  data: unknown,
  { subject = 'The file' }: SchemaProblemOptions = {},
): SchemaProblem[] {
  if (!errors) return [];
  const specific = errors.filter((error) => !COMBINATORS.has(error.keyword));
  const explained = (error: ErrorObject) => specific.some((other) => other.instancePath.startsWith(error.instancePath));
  // Inside a failed oneOf/anyOf, "missing field" errors of the branches that were not meant are
  // noise when a branch got further (an error deeper in the value explains the failure).
  const deeper = (error: ErrorObject) =>
    specific.some((other) => other.instancePath.startsWith(`${error.instancePath}/`));
  const wrongBranch = (error: ErrorObject) =>
    (error.keyword === 'required' || error.keyword === 'additionalProperties') &&
    /\/(oneOf|anyOf)\//.test(error.schemaPath) &&
    deeper(error);
  const kept = errors.filter((error) => (!COMBINATORS.has(error.keyword) || !explained(error)) && !wrongBranch(error));
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of kept) {
    const problem = describe(error, data, subject);
    const key = JSON.stringify([problem.path, problem.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(error: ErrorObject, data: unknown, subject: string): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const field = path.length ? `\`${pathText(path)}\`` : subject;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        code: 'missing-field',
        path,
        atKey: false,
        message: `Missing required field \`${pathText([...path, params.missingProperty as string])}\``,
      };
    case 'additionalProperties':
      return {
        code: 'unknown-field',
        path: [...path, params.additionalProperty as string],
        atKey: true,
        message: `Unknown field \`${pathText([...path, params.additionalProperty as string])}\` (check the spelling; force-specific fields start with x_)`,
      };
    case 'enum':
      return {
        code: 'bad-value',
        path,
        atKey: false,
        message: `${field} must be one of: ${(params.allowedValues as unknown[]).join(', ')}`,
      };
    case 'const':
      return {
        code: 'bad-value',
        path,
        atKey: false,
        message: `${field} must be ${JSON.stringify(params.allowedValue)}`,
      };
    case 'type':
      return {
        code: 'bad-value',
        path,
        atKey: false,
        message: `${field} must be ${article(String(params.type))} (found ${typeName(valueAt(data, path))})`,
      };
    case 'format':
      return {
        code: 'bad-value',
        path,
        atKey: false,
        message: formatMessage(field, String(params.format), valueAt(data, path)),
      };
    default:
      return { code: 'bad-value', path, atKey: false, message: `${field} ${error.message ?? 'is invalid'}` };
  }
}

/** `log[2].author.id`: the way rule packs write paths. */
export function pathText(path: readonly PathSegment[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join('');
}

function formatMessage(field: string, format: string, value: unknown): string {
  // A field path reads best quoting what was written, as the other path messages do.
  if (format === FIELD_PATH_FORMAT)
    return `${field} must be a field path such as log[*].text (found ${JSON.stringify(value)})`;
  return `${field} must be ${formatText(format)}`;
}

function formatText(format: string): string {
  if (format === 'local-date-time')
    return 'a date-time such as 2013-11-04T14:30 (optionally with an offset: Z or +01:00)';
  if (format === 'date') return 'a date such as 2013-11-04';
  return `a valid ${format}`;
}

function article(type: string): string {
  const words = type
    .split(',')
    .map((t) =>
      t === 'array' ? 'a list' : t === 'object' ? 'a map of fields' : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`,
    );
  return words.join(' or ');
}

function valueAt(data: unknown, path: PathSegment[]): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of fields';
  // Numbers as YAML writes them: .inf is Infinity, not JSON's null.
  const shown = typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
  return `${typeof value} ${shown}`.slice(0, 60);
}
