import type { PathSegment } from '../model';

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

/**
 * A built-in check function. Rule packs name it and pass options; the options are checked against
 * `optionsSchema` when the pack loads, then `prepare` compiles them once (throwing OptionError for
 * anything the schema cannot express, such as a malformed regular expression).
 */
export interface RuleFunction {
  name: string;
  summary: string;
  optionsSchema: object;
  /** Placeholders its failures provide to message templates. */
  placeholders: readonly string[];
  prepare(options: Record<string, unknown>): PreparedCheck;
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
