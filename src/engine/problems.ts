import type { Range, Severity } from './model';
import type { SchemaProblemCode } from './schemas/schemaProblems';

/**
 * What is wrong, as a stable code: tools, tests and editors key on it (a diagnostic's code), while
 * the message stays free to read well.
 */
export type ProblemCode =
  /** The file is not valid YAML or JSON. */
  | 'syntax'
  /** The file breaks its schema: a required field missing, an unknown field, a wrong value. */
  | SchemaProblemCode
  /** A configuration or pack file named somewhere does not exist. */
  | 'file-not-found'
  /** It exists but cannot be read: permissions, a device or pipe, too large, a symbolic-link loop. */
  | 'unreadable-file'
  /** A pack name that is no built-in pack. */
  | 'unknown-pack'
  /** `extends` leads back to a file already on the chain. */
  | 'extends-cycle'
  | 'bad-timezone'
  /** Two rules with one id, in a pack or across packs. */
  | 'duplicate-rule'
  /** A configuration sets a rule no pack declares. */
  | 'unknown-rule'
  /** A verdict watches a rule its pack does not declare. */
  | 'unknown-verdict-rule'
  /** A verdict's national figure has more failed files than files examined. */
  | 'bad-national-figure'
  /** A configuration sets an option the rule does not have. */
  | 'unknown-option'
  /** A check function's option (or a configured parameter value) the function cannot use. */
  | 'bad-option'
  /** A parameter's default breaks the parameter's own schema. */
  | 'bad-default'
  /** A parameter's schema cannot be compiled (unknown keyword or format, bad or unsafe pattern, remote `$ref`). */
  | 'bad-schema'
  /** `{ $param: name }` names no declared parameter. */
  | 'undeclared-parameter'
  /** A rule's `when` condition is malformed. */
  | 'bad-condition'
  /** A message template names a placeholder nothing provides. */
  | 'unknown-placeholder'
  /** A review file's `reviewer.id` is not its file name. */
  | 'review-reviewer-mismatch'
  /** A review entry gives no answer, outcome or confirmation, or more than one. */
  | 'review-bad-entry'
  /** A review entry gives an outcome without a note saying why. */
  | 'review-note-required'
  /** A review names a crime file reference the sample does not hold. */
  | 'review-unknown-reference'
  /** A review names a rule the sample does not run. */
  | 'review-unknown-rule'
  /** An answer not on the criterion's scale, or the wrong kind of value for the rule. */
  | 'review-bad-answer'
  /** A sampling plan `dipsample draw` cannot execute (no seed, overlapping strata, sizes that do not add up). */
  | 'bad-plan'
  /** An import map (dipsample-map/1) that cannot be applied: unknown field path, missing column or table. */
  | 'bad-map'
  /** The sample's files do not bear out its manifest: outside the period, a stratum or quota not met, size, drawn references. */
  | 'manifest-mismatch';

/** A located problem in a rule pack, config, manifest or review file: what the CLI reports with exit status 2. */
export interface Problem {
  code: ProblemCode;
  file: string;
  range: Range;
  severity: Severity;
  message: string;
}

/** An error-level problem (every problem the engine finds today stops a trustworthy audit). */
export function problem(code: ProblemCode, file: string, range: Range, message: string): Problem {
  return { code, file, range, severity: 'error', message };
}

export function formatProblem(problem: Problem): string {
  const { line, character } = problem.range.start;
  return `${problem.file}:${line + 1}:${character + 1}: ${problem.message}`;
}
