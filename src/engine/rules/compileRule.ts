import type { ValidateFunction } from 'ajv';
import { compilePredicate, FUNCTIONS, OptionError, predicateSchema, type CompiledPredicate, type PreparedCheck } from '../functions';
import type { PathSegment, Severity } from '../model';
import type { ParsedDocument } from '../parse/document';
import type { Problem } from '../problems';
import { sharedAjv } from '../schemas/ajv';
import { schemaProblems } from '../schemas/schemaProblems';
import type { RuleDeclaration } from './rule';

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

/** A value set in a configuration file, with where it was set (for located problems). */
export interface ConfiguredValue {
  value: unknown;
  file: string;
  document: ParsedDocument;
  /** Path of the value inside that file. */
  path: PathSegment[];
}

const BUILT_IN_PLACEHOLDERS = ['id', 'title'];
const validators = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    const ajv = sharedAjv();
    if (!ajv.getSchema(predicateSchema.$id)) ajv.addSchema(predicateSchema);
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

export function compileRule(
  rule: RuleDeclaration,
  origin: RuleOrigin,
  overrides: { severity?: Severity; parameters?: Record<string, ConfiguredValue> } = {},
): { rule?: CompiledRule; problems: Problem[] } {
  const problems: Problem[] = [];
  const rulePath: PathSegment[] = ['rules', origin.index];
  const inPack = (path: PathSegment[], message: string, atKey = false) => {
    const where = [...rulePath, ...path];
    const range = atKey ? origin.packDocument.locateKey(where) : origin.packDocument.locate(where).range;
    problems.push({ file: rule.file, range, severity: 'error', message: `Rule ${rule.id}: ${message}` });
  };
  const inConfig = (setting: ConfiguredValue, path: PathSegment[], message: string, atKey = false) => {
    const where = [...setting.path, ...path];
    const range = atKey ? setting.document.locateKey(where) : setting.document.locate(where).range;
    problems.push({ file: setting.file, range, severity: 'error', message: `Rule ${rule.id}: ${message}` });
  };

  // Parameter values: defaults from the pack, then the configuration's; each checked against its schema.
  const parameters: Record<string, unknown> = {};
  for (const [name, definition] of Object.entries(rule.parameters)) {
    parameters[name] = definition.default;
    const validate = definition.schema ? validatorFor(definition.schema) : undefined;
    if (validate && !validate(definition.default)) {
      for (const p of schemaProblems(validate.errors, definition.default)) {
        inPack(['parameters', name, 'default', ...p.path], `default of ${name}: ${p.message.replace(/^The file/, 'the value')}`, p.atKey);
      }
    }
  }
  for (const [name, setting] of Object.entries(overrides.parameters ?? {})) {
    const definition = rule.parameters[name];
    if (!definition) {
      const known = Object.keys(rule.parameters);
      inConfig(setting, [], `has no option "${name}"${known.length ? ` (options: ${known.join(', ')})` : ' (it has no options)'}`, true);
      continue;
    }
    const validate = definition.schema ? validatorFor(definition.schema) : undefined;
    if (validate && !validate(setting.value)) {
      for (const p of schemaProblems(validate.errors, setting.value)) {
        inConfig(setting, p.path, `option ${name}: ${p.message.replace(/^The file/, 'the value')}`, p.atKey);
      }
      continue;
    }
    parameters[name] = setting.value;
  }
  if (problems.length > 0) return { problems };

  // Where each substituted parameter value landed, so a problem inside it is reported where the
  // value was written: the configuration that set it, not the pack that declared the parameter.
  const configured = new Map<string, ConfiguredValue>();
  const substitute = (value: unknown, path: PathSegment[]): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => substitute(item, [...path, i]));
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 1 && entries[0][0] === '$param') {
        const name = String(entries[0][1]);
        if (!(name in parameters)) {
          inPack(path, `refers to undeclared parameter "${name}"`);
          return undefined;
        }
        const setting = overrides.parameters?.[name];
        if (setting && setting.value === parameters[name]) configured.set(path.join('/'), setting);
        return parameters[name];
      }
      return Object.fromEntries(entries.map(([key, item]) => [key, substitute(item, [...path, key])]));
    }
    return value;
  };
  const when = rule.when ? substitute(rule.when, ['when']) : undefined;
  const options = rule.check ? (substitute(rule.check.options, ['check', 'options']) as Record<string, unknown>) : {};
  if (problems.length > 0) return { problems };

  /** Reports a problem at `path` inside the rule, or inside the configured value it falls in. */
  const atRulePath = (path: PathSegment[], message: string, atKey = false) => {
    for (let length = path.length; length > 0; length--) {
      const setting = configured.get(path.slice(0, length).join('/'));
      if (setting) return inConfig(setting, path.slice(length), message, atKey);
    }
    inPack(path, message, atKey);
  };

  if (when !== undefined) {
    const validateWhen = sharedAjv().getSchema(predicateSchema.$id) ?? validatorFor(predicateSchema);
    if (!validateWhen(when)) {
      for (const p of schemaProblems(validateWhen.errors, when)) atRulePath(['when', ...p.path], `when ${p.message.replace(/^The file/, 'condition')}`, p.atKey);
      return { problems };
    }
  }

  const common = {
    id: rule.id,
    title: rule.title,
    severity: overrides.severity ?? rule.severity,
    declaration: rule,
    parameters,
    kinds: new Set(rule.kinds),
    message: rule.message,
  };
  let applies: CompiledPredicate | undefined;
  try {
    applies = when ? compilePredicate(when as never, []) : undefined;
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    atRulePath(['when', ...error.optionPath], error.message);
    return { problems };
  }
  if (!rule.check) return { rule: { ...common, applies, check: undefined }, problems };

  const fn = FUNCTIONS.get(rule.check.function)!;
  const validate = validatorFor(fn.optionsSchema);
  if (!validate(options)) {
    for (const p of schemaProblems(validate.errors, options)) {
      atRulePath(['check', 'options', ...p.path], `${fn.name} option ${p.message.replace(/^The file/, 'options')}`, p.atKey);
    }
    return { problems };
  }

  let check: PreparedCheck | undefined;
  try {
    check = fn.prepare(options);
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    atRulePath(['check', 'options', ...error.optionPath], error.message);
  }
  if (rule.message) {
    const allowed = new Set([...fn.placeholders, ...BUILT_IN_PLACEHOLDERS, ...Object.keys(rule.parameters)]);
    for (const [, name] of rule.message.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
      if (!allowed.has(name)) inPack(['message'], `unknown placeholder {{${name}}} (available: ${[...allowed].join(', ')})`);
    }
  }
  if (problems.length > 0 || !check) return { problems };
  return { rule: { ...common, applies, check }, problems };
}

/** Fills a rule's message template: {{name}} from the failure's data, the rule and its parameters. */
export function renderMessage(rule: CompiledRule, data: Record<string, unknown>): string | undefined {
  if (!rule.message) return undefined;
  const values: Record<string, unknown> = { ...rule.parameters, ...data, id: rule.id, title: rule.title };
  return rule.message.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) return '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
