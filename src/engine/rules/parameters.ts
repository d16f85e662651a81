import type { PathSegment } from '../model';
import type { RuleDeclaration } from './rule';
import type { ConfiguredValue, RuleProblems } from './ruleProblems';
import type { ValidateFunction } from 'ajv';
import { userSchemaValidator } from './validators';

/**
 * Stage 1: a rule's parameter values. The pack's defaults, then the configuration's values, each
 * checked against the parameter's schema (a bad default is the pack's problem, a bad value the
 * configuration's).
 */
export function resolveParameters(
  rule: RuleDeclaration,
  configured: Readonly<Record<string, ConfiguredValue>>,
  problems: RuleProblems,
): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  const validators = new Map<string, ValidateFunction>();
  for (const [name, definition] of Object.entries(rule.parameters)) {
    parameters[name] = definition.default;
    const validate = definition.schema ? userSchemaValidator(definition.schema) : undefined;
    if (validate instanceof Error) {
      problems.inPack(
        'bad-schema',
        ['parameters', name, 'schema'],
        `parameter ${name}: its schema cannot be used: ${validate.message}`,
      );
      continue;
    }
    if (validate) validators.set(name, validate);
    if (validate && !validate(definition.default)) {
      problems.schema(
        validate.errors,
        definition.default,
        { lead: `default of ${name}: `, subject: 'the value' },
        (path, message, atKey) =>
          problems.inPack('bad-default', ['parameters', name, 'default', ...path], message, atKey),
      );
    }
  }
  for (const [name, setting] of Object.entries(configured)) {
    const definition = rule.parameters[name];
    if (!definition) {
      const known = Object.keys(rule.parameters);
      const options = known.length ? ` (options: ${known.join(', ')})` : ' (it has no options)';
      problems.inConfig(setting, 'unknown-option', [], `has no option "${name}"${options}`, true);
      continue;
    }
    const validate = validators.get(name);
    if (validate && !validate(setting.value)) {
      problems.schema(
        validate.errors,
        setting.value,
        { lead: `option ${name}: `, subject: 'the value' },
        (path, message, atKey) => problems.inConfig(setting, 'bad-option', path, message, atKey),
      );
      continue;
    }
    parameters[name] = setting.value;
  }
  return parameters;
}

/**
 * Stage 2: `{ $param: name }` replaced by the parameter's value throughout `value` (a rule's `when`
 * or check options). Where a configured value lands is remembered, so that a problem inside it is
 * reported in the configuration that set it, not in the pack that declared the parameter.
 */
export function substituteParameters(
  value: unknown,
  path: PathSegment[],
  parameters: Readonly<Record<string, unknown>>,
  configured: Readonly<Record<string, ConfiguredValue>>,
  problems: RuleProblems,
): unknown {
  if (Array.isArray(value))
    return value.map((item, i) => substituteParameters(item, [...path, i], parameters, configured, problems));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && entries[0][0] === '$param') {
    const name = String(entries[0][1]);
    if (!(name in parameters)) {
      problems.inPack('undeclared-parameter', path, `refers to undeclared parameter "${name}"`);
      return undefined;
    }
    const setting = configured[name];
    if (setting && setting.value === parameters[name]) problems.substituted(path, setting);
    return parameters[name];
  }
  return Object.fromEntries(
    entries.map(([key, item]) => [key, substituteParameters(item, [...path, key], parameters, configured, problems)]),
  );
}
