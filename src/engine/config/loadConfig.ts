import type { ValidateFunction } from 'ajv';
import type { EngineHost } from '../host';
import { ParsedDocument } from '../parse/document';
import type { PathSegment, Severity } from '../model';
import { problem, type Problem, type ProblemCode } from '../problems';
import type { ConfiguredValue } from '../rules/compileRule';
import { sharedAjv } from '../schemas/ajv';
import { locateIn, syntaxProblems } from '../schemas/documentProblems';
import { schemaProblems } from '../schemas/schemaProblems';
import { isValidTimeZone } from '../time/instant';
import { configSchema } from './configSchema';

import { packReference, type Declaration, type PackReference } from './packReference';

/** What loading a configuration reads through: the host's files and paths. */
export type ConfigHost = Pick<EngineHost, 'readFile' | 'path'>;

export interface RuleSetting {
  /** false = switched off; true = switched (back) on; undefined = as the pack says. */
  enabled?: boolean;
  severity?: Severity;
  options: Record<string, ConfiguredValue>;
  /** Where the setting was last written, to point at unknown rule ids. */
  declaredIn: Declaration;
}

/** The effective configuration for a folder, after following `extends`. */
export interface MergedConfig {
  packs?: PackReference[];
  timezone?: ConfiguredValue;
  rules: Map<string, RuleSetting>;
  /** Every file read, nearest last: a change to any of them invalidates the result. */
  files: string[];
  problems: Problem[];
}

let validateConfig: ValidateFunction | undefined;

/** Loads a configuration file and, beneath it, everything it extends (parents first). */
export async function loadConfig(file: string, host: ConfigHost): Promise<MergedConfig> {
  const merged: MergedConfig = { rules: new Map(), files: [], problems: [] };
  await loadLayer(file, host, merged, []);
  return merged;
}

async function loadLayer(file: string, host: ConfigHost, merged: MergedConfig, chain: string[]): Promise<void> {
  const { path } = host;
  const text = await host.readFile(file);
  merged.files.push(file);
  if (text === undefined) {
    merged.problems.push(problem('file-not-found', file, zeroRange(), `Configuration file not found: ${file}`));
    return;
  }
  const document = new ParsedDocument(text, file.endsWith('.json') ? 'json' : 'yaml');
  const report = (code: ProblemCode, where: PathSegment[], message: string) =>
    merged.problems.push(problem(code, file, locateIn(document, where), message));
  if (document.problems.length > 0) {
    merged.problems.push(...syntaxProblems(file, document));
    return;
  }
  const value = document.value ?? {};
  validateConfig ??= sharedAjv().compile(configSchema);
  if (!validateConfig(value)) {
    for (const p of schemaProblems(validateConfig.errors, value)) {
      merged.problems.push(problem(p.code, file, locateIn(document, p.path, p.atKey), `Configuration: ${p.message}`));
    }
    return;
  }
  const config = value as {
    extends?: string | string[];
    packs?: string[];
    timezone?: string;
    rules?: Record<string, unknown>;
  };
  const directory = path.dirname(file);

  // Parents first, so this file's settings land on top.
  const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const [index, parent] of parents.entries()) {
    const parentFile = path.resolve(directory, parent);
    const where = Array.isArray(config.extends) ? ['extends', index] : ['extends'];
    if ([...chain, file].includes(parentFile)) {
      report(
        'extends-cycle',
        where,
        `Configuration extends itself in a cycle: ${[...chain, file, parentFile].map((f) => path.basename(f)).join(' → ')}`,
      );
      continue;
    }
    await loadLayer(parentFile, host, merged, [...chain, file]);
  }

  if (config.packs) {
    merged.packs = config.packs.map((spec, index) =>
      packReference(spec, directory, path, { file, document, path: ['packs', index] }),
    );
  }
  if (config.timezone !== undefined) {
    if (isValidTimeZone(config.timezone)) {
      merged.timezone = { value: config.timezone, file, document, path: ['timezone'] };
    } else {
      report(
        'bad-timezone',
        ['timezone'],
        `Configuration: "${config.timezone}" is not an IANA time zone (e.g. Europe/London)`,
      );
    }
  }
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const declaredIn = { file, document, path: ['rules', id] };
    const current = merged.rules.get(id) ?? { options: {}, declaredIn };
    current.declaredIn = declaredIn;
    const applySeverity = (level: unknown) => {
      if (level === 'off' || level === false) current.enabled = false;
      else if (level === 'on' || level === true) current.enabled = true;
      else if (typeof level === 'string') {
        current.enabled = true;
        current.severity = level as Severity;
      }
    };
    if (typeof setting === 'object' && setting !== null) {
      const { severity, options } = setting as { severity?: string; options?: Record<string, unknown> };
      if (severity !== undefined) applySeverity(severity);
      for (const [name, optionValue] of Object.entries(options ?? {})) {
        current.options[name] = { value: optionValue, file, document, path: ['rules', id, 'options', name] };
      }
    } else {
      applySeverity(setting);
    }
    merged.rules.set(id, current);
  }
}

function zeroRange() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
