/**
 * Regenerates the parts of the documentation that restate the code, in the manner of markdownlint's
 * doc-build/build-rules.mjs, so they cannot drift from it:
 *
 * - docs/rule-packs.md: the table of check functions, from `FUNCTIONS` (name, summary, options
 *   schema, placeholders);
 * - rules/docs/<id>.md: the header of every rule page (severity, pack, record kinds, tags,
 *   parameters), its parameter table and, for a judgment criterion, its answer scale, from the
 *   rule packs.
 *
 * Only the text between a block's marker comments (`<!-- name:start … -->` … `<!-- name:end -->`)
 * is generated; the prose around it is written by hand. `--check` only compares, for tests and CI.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadPack, ruleDocPath, type RuleDeclaration, type RulePack } from '../src/engine';
import { FUNCTIONS } from '../src/engine/functions';

export const FUNCTIONS_DOC = 'docs/rule-packs.md';

/** The generated blocks, by marker name. */
export const BLOCKS = {
  functions: 'functions',
  header: 'rule-header',
  parameters: 'rule-parameters',
  scale: 'rule-scale',
} as const;

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  description?: string;
  required?: string[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  $ref?: string;
};

export interface GeneratedDoc {
  /** Path from the repository root, forward slashes. */
  file: string;
  current: string;
  wanted: string;
}

export interface DocsBuild {
  docs: GeneratedDoc[];
  /** Missing pages or markers, broken packs: things `npm run docs` cannot fix by itself. */
  problems: string[];
}

// ---------------------------------------------------------------------------------------------
// Markdown helpers

const code = (text: unknown) => `\`${String(text)}\``;
const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
const sentence = (text: string) => {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return trimmed === '' || /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};
const list = (values: unknown[]) => values.map(code).join(', ');

/** A value as YAML flow style would show it: `24h`, `1`, `[a, b]`. */
function yamlValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(yamlValue).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${yamlValue(item)}`)
      .join(', ')} }`;
  return String(value);
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Marker blocks

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function blockPattern(name: string): RegExp {
  const id = escapeRegExp(name);
  return new RegExp(`(<!-- ${id}:start\\b[^]*?-->\\n)[^]*?(\\n<!-- ${id}:end -->)`);
}

export function hasBlock(text: string, name: string): boolean {
  return blockPattern(name).test(text);
}

/** Replaces the body of block `name` (kept apart from its markers by blank lines). */
export function replaceBlock(text: string, name: string, body: string): string {
  return text.replace(blockPattern(name), (_match, start: string, end: string) => `${start}\n${body}\n${end}`);
}

// ---------------------------------------------------------------------------------------------
// docs/rule-packs.md: the check functions

const SCALAR: Record<string, [singular: string, plural: string]> = {
  string: ['text', 'texts'],
  boolean: ['true or false', 'true/false values'],
  integer: ['a whole number', 'whole numbers'],
  number: ['a number', 'numbers'],
  object: ['a map', 'maps'],
};

const or = (words: string[]) =>
  words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}` : (words[0] ?? '');

/** A JSON schema as a short phrase: `text`, `a whole number ≥ 0`, `a non-empty list of texts`. */
function schemaType(schema: JsonSchema): string {
  if (schema.$ref === 'dipsample:predicate') return 'a [condition](#conditions-when-and-where)';
  if (schema.enum) return `one of ${list(schema.enum)}`;
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('array')) {
    const items = schema.items;
    const itemTypes = Array.isArray(items?.type) ? items.type : items?.type ? [items.type] : [];
    const what = items?.enum
      ? `values from ${list(items.enum)}`
      : itemTypes.length > 0
        ? or(itemTypes.map((type) => SCALAR[type]?.[1] ?? type))
        : 'values';
    return `a ${schema.minItems ? 'non-empty ' : ''}list of ${what}`;
  }
  let text = or(types.map((type) => SCALAR[type]?.[0] ?? type));
  if (schema.minimum !== undefined) text += ` ≥ ${schema.minimum}`;
  if (schema.maximum !== undefined) text += ` ≤ ${schema.maximum}`;
  return text;
}

function optionsCell(schema: JsonSchema): string {
  const required = new Set(schema.required ?? []);
  const options = Object.entries(schema.properties ?? {}).map(([name, option]) => {
    const facts = [schemaType(option)];
    if (required.has(name)) facts.push('required');
    if (option.default !== undefined) facts.push(`default ${code(yamlValue(option.default))}`);
    const description = option.description ? `: ${sentence(option.description)}` : '';
    return `${code(name)} (${facts.join(', ')})${description}`;
  });
  const alternatives = (schema.anyOf ?? []).flatMap((branch) => branch.required ?? []);
  if (alternatives.length > 0) options.push(`At least one of ${list(alternatives)}.`);
  return options.map(cell).join('<br>');
}

/** The table of check functions, from the functions' own metadata. */
export function functionsTable(): string {
  const rows = [...FUNCTIONS.values()].map((fn) => [
    code(fn.name),
    cell(sentence(fn.summary)),
    optionsCell(fn.optionsSchema as JsonSchema),
    fn.placeholders.length > 0 ? list([...fn.placeholders]) : 'none',
  ]);
  return table(['function', 'passes when', 'options', 'placeholders'], rows);
}

// ---------------------------------------------------------------------------------------------
// rules/docs/<id>.md: header, parameters and answer scale

/** Where a parameter is used, as paths inside the rule's `check.options` and `when`. */
function parameterUses(rule: RuleDeclaration, name: string): Array<{ where: 'options' | 'when'; path: string[] }> {
  const uses: Array<{ where: 'options' | 'when'; path: string[] }> = [];
  const visit = (value: unknown, where: 'options' | 'when', at: string[]) => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, where, [...at, String(index)]));
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.$param === name) uses.push({ where, path: at });
      else for (const [key, item] of Object.entries(record)) visit(item, where, [...at, key]);
    }
  };
  visit(rule.check?.options, 'options', []);
  visit(rule.when, 'when', []);
  return uses;
}

/** A duration when it fills `elapsed`'s `min`/`max` or a condition's `within.max`. */
function isDuration(rule: RuleDeclaration, name: string): boolean {
  return parameterUses(rule, name).some(
    ({ where, path: at }) =>
      (where === 'options' && rule.check?.function === 'elapsed' && at.length === 1 && /^(min|max)$/.test(at[0])) ||
      (at.length >= 2 && at[at.length - 2] === 'within' && at[at.length - 1] === 'max'),
  );
}

/** What a configured value must look like, from the parameter's schema and how the rule uses it. */
function parameterValues(rule: RuleDeclaration, name: string, schema: JsonSchema | undefined): string {
  if (isDuration(rule, name))
    return 'Write it as a number and unit (`90m`, `24h`, `3d`, `1.5d`) or an ISO 8601 duration (`PT24H`, `P3D`).';
  if (!schema) return '';
  if (schema.enum) return `One of ${list(schema.enum)}.`;
  if (schema.type === 'array' && schema.items?.enum)
    return `${schema.minItems ? 'At least one' : 'Any'} of ${list(schema.items.enum)}.`;
  if (schema.type === 'integer' || schema.type === 'number') {
    const kind = schema.type === 'integer' ? 'An integer' : 'A number';
    const bounds = [
      schema.minimum !== undefined ? `at least ${schema.minimum}` : '',
      schema.maximum !== undefined ? `at most ${schema.maximum}` : '',
    ].filter(Boolean);
    return `${[kind, ...bounds].join(', ')}.`;
  }
  return '';
}

export function ruleHeader(rule: RuleDeclaration, pack: RulePack): string {
  const parameters = Object.entries(rule.parameters);
  const lines = [
    `Severity: ${code(rule.severity)}`,
    `Pack: ${code(pack.pack)} (${pack.title})`,
    `Record kinds: ${list(rule.kinds)}`,
    ...(rule.tags.length > 0 ? [`Tags: ${list(rule.tags)}`] : []),
    `Parameters: ${
      parameters.length > 0
        ? parameters.map(([name, p]) => `${code(name)} (default ${code(yamlValue(p.default))})`).join(', ')
        : rule.judgment
          ? 'none (a judgment criterion)'
          : 'none'
    }`,
  ];
  return lines.join('\n\n');
}

export function parametersTable(rule: RuleDeclaration): string {
  const parameters = Object.entries(rule.parameters);
  if (parameters.length === 0) return 'The rule has no parameters.';
  return table(
    ['Parameter', 'Default', 'Meaning'],
    parameters.map(([name, p]) => [
      code(name),
      code(yamlValue(p.default)),
      cell(
        [sentence(p.description), parameterValues(rule, name, p.schema as JsonSchema | undefined)]
          .filter(Boolean)
          .join(' '),
      ),
    ]),
  );
}

export function scaleTable(rule: RuleDeclaration): string {
  const scale = rule.judgment?.scale ?? [];
  const described = scale.some((step) => step.description);
  return table(
    described ? ['Answer', 'Outcome', 'Meaning'] : ['Answer', 'Outcome'],
    scale.map((step) => [
      code(step.value),
      step.outcome,
      ...(described ? [cell(sentence(step.description ?? ''))] : []),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// The whole build

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function loadBuiltInPacks(root: string): { packs: RulePack[]; problems: string[] } {
  const rulesDir = path.join(root, 'rules');
  const packs: RulePack[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(rulesDir)
    .filter((entry) => entry.endsWith('.pack.yaml'))
    .sort()) {
    const file = path.join(rulesDir, name);
    const { pack, problems: packProblems } = loadPack(readFileSync(file, 'utf8'), file);
    for (const problem of packProblems.filter((p) => p.severity === 'error'))
      problems.push(`rules/${name}:${problem.range.start.line + 1}: ${problem.message}`);
    if (pack) packs.push(pack);
  }
  return { packs, problems };
}

/** Every generated file as it is and as it should be, plus what cannot be generated. */
export function buildDocs(root: string): DocsBuild {
  const docs: GeneratedDoc[] = [];
  const problems: string[] = [];
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');

  const functionsFile = path.join(root, FUNCTIONS_DOC);
  const functionsText = readText(functionsFile);
  if (functionsText === undefined) problems.push(`${FUNCTIONS_DOC} is missing`);
  else if (!hasBlock(functionsText, BLOCKS.functions))
    problems.push(
      `${FUNCTIONS_DOC} has no <!-- ${BLOCKS.functions}:start --> … <!-- ${BLOCKS.functions}:end --> block`,
    );
  else
    docs.push({
      file: FUNCTIONS_DOC,
      current: functionsText,
      wanted: replaceBlock(functionsText, BLOCKS.functions, functionsTable()),
    });

  const { packs, problems: packProblems } = loadBuiltInPacks(root);
  problems.push(...packProblems);
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const page = ruleDocPath({ id: rule.id, file: rule.file }, path);
      const name = relative(page);
      const current = readText(page);
      if (current === undefined) {
        problems.push(`${name} is missing (rule ${rule.id} of ${relative(rule.file)})`);
        continue;
      }
      const required: Array<[string, boolean]> = [
        [BLOCKS.header, true],
        [BLOCKS.parameters, Object.keys(rule.parameters).length > 0],
        [BLOCKS.scale, rule.judgment !== undefined],
      ];
      for (const [block, needed] of required)
        if (needed && !hasBlock(current, block))
          problems.push(`${name} has no <!-- ${block}:start --> … <!-- ${block}:end --> block`);
      let wanted = replaceBlock(current, BLOCKS.header, ruleHeader(rule, pack));
      wanted = replaceBlock(wanted, BLOCKS.parameters, parametersTable(rule));
      if (rule.judgment) wanted = replaceBlock(wanted, BLOCKS.scale, scaleTable(rule));
      else if (hasBlock(wanted, BLOCKS.scale)) problems.push(`${name} has an answer scale but ${rule.id} is a check`);
      docs.push({ file: name, current, wanted });
    }
  }
  return { docs, problems };
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const check = process.argv.includes('--check');
  const { docs, problems } = buildDocs(root);
  let stale = 0;
  for (const doc of docs) {
    if (doc.current === doc.wanted) continue;
    if (check) {
      console.error(`${doc.file} is out of date: run npm run docs`);
      stale++;
    } else {
      writeFileSync(path.join(root, doc.file), doc.wanted);
      console.log(`wrote ${doc.file}`);
    }
  }
  for (const problem of problems) console.error(problem);
  process.exitCode = stale > 0 || problems.length > 0 ? 1 : 0;
}
