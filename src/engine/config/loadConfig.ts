import type { ValidateFunction } from 'ajv';
import { readOrReason, type EngineHost } from '../host';
import { ParsedDocument } from '../parse/document';
import type { PathSegment, Severity } from '../model';
import { problem, type Problem } from '../problems';
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
  /** The configuration file that switched the rule off (when `enabled` is false). */
  switchedOffIn?: string;
}

/** The effective configuration for a folder, after following `extends`. */
export interface MergedConfig {
  packs?: PackReference[];
  timezone?: ConfiguredValue;
  rules: Map<string, RuleSetting>;
  /** `ignores` of every layer (parents first), each with the folder its globs are relative to. */
  ignores: IgnoreList[];
  /** Every file read, nearest first: a change to any of them invalidates the result. */
  files: string[];
  problems: Problem[];
  /** Configuration files that could not be used (missing, unreadable, syntax or schema errors): their settings are not applied. */
  unusable?: string[];
}

/** One configuration file's `ignores`: .gitignore-style globs relative to `base`, its folder. */
export interface IgnoreList {
  base: string;
  patterns: string[];
  file: string;
}

let validateConfig: ValidateFunction | undefined;

/** One configuration file, read and checked, with the files it extends. */
interface Layer {
  file: string;
  document: ParsedDocument;
  config: {
    extends?: string | string[];
    packs?: string[];
    ignores?: string[];
    timezone?: string;
    rules?: Record<string, unknown>;
  };
  parents: Array<{ file: string; where: PathSegment[] }>;
}

/**
 * Loads a configuration file and, beneath it, everything it extends (parents first, later entries
 * of `extends` on top of earlier ones). Each file is read and applied once, however many paths lead
 * to it — at the place its last application would have had — so a wide graph of `extends` costs
 * one read per file instead of one per path.
 */
export async function loadConfig(file: string, host: ConfigHost): Promise<MergedConfig> {
  const merged: MergedConfig = { rules: new Map(), ignores: [], files: [], problems: [] };
  const layers = new Map<string, Layer | undefined>();
  // Visiting each file, then its parents last to first, and keeping first visits, lists the files
  // in the reverse order of their last appearance in the full parents-first expansion.
  const visited: string[] = [];
  const visit = async (current: string, chain: string[]): Promise<void> => {
    if (layers.has(current)) return;
    visited.push(current);
    merged.files.push(current);
    const layer = await readLayer(current, host, merged);
    layers.set(current, layer);
    for (const parent of [...(layer?.parents ?? [])].reverse()) {
      if ([...chain, current].includes(parent.file)) {
        const cycle = [...chain, current, parent.file].map((f) => host.path.basename(f)).join(' → ');
        merged.problems.push(
          problem(
            'extends-cycle',
            current,
            locateIn(layer!.document, parent.where),
            `Configuration extends itself in a cycle: ${cycle}`,
          ),
        );
        continue;
      }
      await visit(parent.file, [...chain, current]);
    }
  };
  await visit(file, []);
  for (const current of visited.reverse()) {
    const layer = layers.get(current);
    if (layer) applyLayer(layer, host, merged);
  }
  return merged;
}

/** Reads and checks one configuration file; its problems go to `merged`, and undefined means unusable. */
async function readLayer(file: string, host: ConfigHost, merged: MergedConfig): Promise<Layer | undefined> {
  const layer = await checkLayer(file, host, merged);
  if (!layer) (merged.unusable ??= []).push(file);
  return layer;
}

async function checkLayer(file: string, host: ConfigHost, merged: MergedConfig): Promise<Layer | undefined> {
  const text = await readOrReason(host.readFile, file);
  if (text === undefined) {
    merged.problems.push(problem('file-not-found', file, zeroRange(), `Configuration file not found: ${file}`));
    return undefined;
  }
  if (text instanceof Error) {
    merged.problems.push(
      problem('unreadable-file', file, zeroRange(), `Configuration file could not be read: ${text.message}`),
    );
    return undefined;
  }
  const document = new ParsedDocument(text, file.endsWith('.json') ? 'json' : 'yaml');
  if (document.problems.length > 0) {
    merged.problems.push(...syntaxProblems(file, document));
    return undefined;
  }
  const value = document.value ?? {};
  validateConfig ??= sharedAjv().compile(configSchema);
  if (!validateConfig(value)) {
    for (const p of schemaProblems(validateConfig.errors, value)) {
      merged.problems.push(problem(p.code, file, locateIn(document, p.path, p.atKey), `Configuration: ${p.message}`));
    }
    return undefined;
  }
  const config = value as Layer['config'];
  const directory = host.path.dirname(file);
  const list = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const parents = list.map((parent, index) => ({
    file: host.path.resolve(directory, parent),
    where: Array.isArray(config.extends) ? ['extends', index] : ['extends'],
  }));
  return { file, document, config, parents };
}

/** Puts one layer's settings on top of those beneath it. */
function applyLayer({ file, document, config }: Layer, host: ConfigHost, merged: MergedConfig): void {
  const directory = host.path.dirname(file);
  if (config.packs) {
    merged.packs = config.packs.map((spec, index) =>
      packReference(spec, directory, host.path, { file, document, path: ['packs', index] }),
    );
  }
  if (config.ignores?.length) merged.ignores.push({ base: directory, patterns: config.ignores, file });
  if (config.timezone !== undefined) {
    if (isValidTimeZone(config.timezone)) {
      merged.timezone = { value: config.timezone, file, document, path: ['timezone'] };
    } else {
      merged.problems.push(
        problem(
          'bad-timezone',
          file,
          locateIn(document, ['timezone']),
          `Configuration: "${config.timezone}" is not an IANA time zone (e.g. Europe/London)`,
        ),
      );
    }
  }
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const declaredIn = { file, document, path: ['rules', id] };
    const current = merged.rules.get(id) ?? { options: {}, declaredIn };
    current.declaredIn = declaredIn;
    const applySeverity = (level: unknown) => {
      if (level === 'off' || level === false) {
        current.enabled = false;
        current.switchedOffIn = file;
      } else if (level === 'on' || level === true) current.enabled = true;
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
