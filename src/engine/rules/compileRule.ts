import {
  compilePredicate,
  FUNCTIONS,
  OptionError,
  type CompiledPredicate,
  type Predicate,
  type PreparedCheck,
  type RuleFunction,
} from '../functions';
import type { PathSegment, Severity } from '../model';
import type { ParsedDocument } from '../parse/document';
import type { Problem } from '../problems';
import { checkPlaceholders } from './messageTemplate';
import { resolveParameters, substituteParameters } from './parameters';
import type { RuleDeclaration } from './rule';
import { RuleProblems, type ConfiguredValue } from './ruleProblems';
import { conditionValidator, validatorFor } from './validators';

export type { ConfiguredValue } from './ruleProblems';
export { renderMessage } from './messageTemplate';

/** A rule ready to run: scope and check compiled, a force's severity and parameters applied. */
export interface CompiledRule {
  id: string;
  title: string;
  severity: Severity;
  declaration: RuleDeclaration;
  /** Parameter values in force (defaults overlaid with configuration). */
  parameters: Record<string, unknown>;
  applies: CompiledPredicate | undefined;
  kinds: ReadonlySet<string>;
  /** Undefined for judgment criteria, which a reviewer answers. */
  check: PreparedCheck | undefined;
  message: string | undefined;
}

/** Where the pieces of a rule came from, so problems can be shown in the right file. */
export interface RuleOrigin {
  packDocument: ParsedDocument;
  /** Index of the rule in its pack's `rules` list. */
  index: number;
}

/** What a force's configuration changes about a rule. */
export interface RuleOverrides {
  severity?: Severity;
  parameters?: Record<string, ConfiguredValue>;
}

/**
 * Compiles a declared rule with a configuration's overrides, in stages that each stop at the first
 * problems: (1) parameter values, (2) `$param` substitution, (3) the `when` scope, (4) the check
 * function's options against its schema, (5) `prepare` (regexes, durations), (6) message
 * placeholders. Every problem is located where it can be fixed (pack or configuration).
 */
export function compileRule(
  rule: RuleDeclaration,
  origin: RuleOrigin,
  overrides: RuleOverrides = {},
): { rule?: CompiledRule; problems: Problem[] } {
  const problems = new RuleProblems(rule, origin.packDocument, origin.index);
  const failed = () => ({ problems: problems.list });
  const configured = overrides.parameters ?? {};

  const parameters = resolveParameters(rule, configured, problems);
  if (problems.any) return failed();

  const when = rule.when ? substituteParameters(rule.when, ['when'], parameters, configured, problems) : undefined;
  const options = rule.check
    ? substituteParameters(rule.check.options, ['check', 'options'], parameters, configured, problems)
    : {};
  if (problems.any) return failed();

  const applies = when === undefined ? undefined : compileScope(when, problems);
  if (problems.any) return failed();

  const common = {
    id: rule.id,
    title: rule.title,
    severity: overrides.severity ?? rule.severity,
    declaration: rule,
    parameters,
    kinds: new Set(rule.kinds),
    message: rule.message,
    applies,
  };
  if (!rule.check) return { rule: { ...common, check: undefined }, problems: problems.list };

  // The pack schema admits only the names of built-in functions.
  const fn = FUNCTIONS.get(rule.check.function)!;
  if (!validOptions(fn, options, problems)) return failed();
  const check = prepareCheck(fn, options, problems);
  checkPlaceholders(rule, fn.placeholders, problems);
  if (problems.any || !check) return failed();
  return { rule: { ...common, check }, problems: problems.list };
}

/** Stage 3: the rule's `when` condition, checked against the condition schema and compiled. */
function compileScope(when: unknown, problems: RuleProblems): CompiledPredicate | undefined {
  const validate = conditionValidator();
  if (!validate(when)) {
    problems.schema(validate.errors, when, { lead: 'when ', subject: 'condition' }, (path, message, atKey) =>
      problems.atRulePath('bad-condition', ['when', ...path], message, atKey),
    );
    return undefined;
  }
  return compileOrReport(() => compilePredicate(when as Predicate, []), ['when'], 'bad-condition', problems);
}

/** Stage 4: the function's options against its own schema. */
function validOptions(fn: RuleFunction, options: unknown, problems: RuleProblems): boolean {
  const validate = validatorFor(fn.optionsSchema);
  if (validate(options)) return true;
  problems.schema(
    validate.errors,
    options,
    { lead: `${fn.name} option `, subject: 'options' },
    (path, message, atKey) => problems.atRulePath('bad-option', ['check', 'options', ...path], message, atKey),
  );
  return false;
}

/** Stage 5: the function compiles its (valid) options once: regexes, durations, conditions. */
function prepareCheck(fn: RuleFunction, options: unknown, problems: RuleProblems): PreparedCheck | undefined {
  return compileOrReport(() => fn.prepare(options as never), ['check', 'options'], 'bad-option', problems);
}

/** Runs a compile step; an OptionError (what schemas cannot express) becomes a located problem. */
function compileOrReport<T>(
  compile: () => T,
  at: PathSegment[],
  code: 'bad-option' | 'bad-condition',
  problems: RuleProblems,
): T | undefined {
  try {
    return compile();
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    problems.atRulePath(code, [...at, ...error.optionPath], error.message);
    return undefined;
  }
}
