import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import type { PathSegment } from '../model';
import type { Predicate } from './predicate';

/** What a check sees of one record. */
export interface CheckContext {
  record: unknown;
  /** IANA zone for timestamps that carry no offset. */
  timeZone: string;
}

/** One way a record fails a check, placed at a node of the record. */
export interface CheckFailure {
  path: PathSegment[];
  /** The function's own wording; a rule's `message` template replaces it. */
  message: string;
  /** Values for the rule's message placeholders, e.g. {{count}}. */
  data: Record<string, unknown>;
}

export type CheckResult =
  | { outcome: 'passed' }
  | { outcome: 'failed'; failures: CheckFailure[] }
  | { outcome: 'notApplicable'; reason: string };

/** A prepared check: options already validated and compiled (regexes, durations, predicates). */
export type PreparedCheck = (context: CheckContext) => CheckResult;

/** The predicate schema as `OptionsOf` sees a reference to it: by id only (it is recursive). */
type PredicateReference = { $id: 'dipsample:predicate' };

/**
 * The options a schema describes, as a type: what `prepare` receives once ajv has checked them.
 * A `{ $ref: 'dipsample:predicate' }` is a condition (`Predicate`).
 */
export type OptionsOf<Schema> = Schema extends JSONSchema
  ? FromSchema<
      Schema,
      { references: [PredicateReference]; deserialize: [{ pattern: PredicateReference; output: Predicate }] }
    >
  : never;

/**
 * A built-in check function. Rule packs name it and pass options; the options are checked against
 * `optionsSchema` when the pack loads, then `prepare` compiles them once (throwing OptionError for
 * anything the schema cannot express, such as a malformed regular expression).
 */
export interface RuleFunction<Options = never> {
  name: string;
  summary: string;
  optionsSchema: object;
  /** Placeholders its failures provide to message templates. */
  placeholders: readonly string[];
  prepare(options: Options): PreparedCheck;
}

/**
 * Declares a check function whose options type follows from its schema (Spectral's
 * `createRulesetFunction` is the model): a schema and a `prepare` that disagree fail to compile.
 */
export function defineFunction<const Schema extends object>(definition: {
  name: string;
  summary: string;
  optionsSchema: Schema;
  placeholders: readonly string[];
  // NoInfer: the schema alone decides the options type (inferring back through FromSchema is too deep).
  prepare(options: NoInfer<OptionsOf<Schema>>): PreparedCheck;
}): RuleFunction<OptionsOf<Schema>> {
  return definition;
}

/** A problem with one option, at a path inside the options object. */
export class OptionError extends Error {
  constructor(
    message: string,
    readonly optionPath: PathSegment[],
  ) {
    super(message);
  }
}

export const passed: CheckResult = { outcome: 'passed' };

export function failed(failures: CheckFailure[]): CheckResult {
  return failures.length === 0 ? passed : { outcome: 'failed', failures };
}
