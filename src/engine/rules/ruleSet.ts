import type { MergedConfig } from '../config/loadConfig';
import type { PackReference } from '../config/packReference';
import { problem, type Problem } from '../problems';
import { DEFAULT_TIME_ZONE } from '../time/instant';
import { compileRule, type CompiledRule } from './compileRule';
import type { LoadedPack } from './loadPack';
import type { RulePack } from './rule';

/** Everything needed to audit the files a configuration governs. */
export interface RuleSet {
  rules: CompiledRule[];
  /** Rules switched off by configuration (shown as such in summaries). */
  disabled: string[];
  /** For each rule in `disabled`, the configuration file that switched it off. */
  disabledIn?: Record<string, string>;
  /** Packs named (by the configuration, manifest or settings) that could not be loaded: none of their rules run. */
  unloadedPacks?: string[];
  /** Configuration files that could not be used: their packs and rule settings are not applied. */
  unusableConfigs?: string[];
  packs: RulePack[];
  timeZone: string;
  /** Configuration and pack files this rule set was built from. */
  files: string[];
  problems: Problem[];
  /** How long one file's rules may take (ms) before the file is given up as not audited; default RULE_TIME_BUDGET_MS. */
  timeBudgetMs?: number;
  /** Field paths the governing sample manifest checks: each audit notes their values in `facts.sampled`. */
  sampleFields?: readonly string[];
}

/**
 * A file's rules normally take about a millisecond; no regex can backtrack (re2js). Past this the
 * engine stops that file, says so (an `internal` finding: not audited) and goes on with the sample.
 */
export const RULE_TIME_BUDGET_MS = 2000;

export interface PackSource {
  reference: PackReference;
  loaded: LoadedPack;
  file: string;
}

/**
 * Combines packs with a merged configuration: applies severities, on/off and parameter values,
 * and reports unknown rule ids and clashing ids where they were written.
 */
export function buildRuleSet(config: MergedConfig, packs: PackSource[]): RuleSet {
  const problems: Problem[] = [...config.problems];
  const rules: CompiledRule[] = [];
  const disabled: string[] = [];
  const disabledIn: Record<string, string> = {};
  const unloadedPacks: string[] = [];
  const declaredBy = new Map<string, string>();
  const loadedPacks: RulePack[] = [];

  for (const { reference, loaded, file } of packs) {
    problems.push(...loaded.problems);
    if (!loaded.pack || !loaded.document) {
      unloadedPacks.push(reference.spec);
      if (loaded.problems.length === 0) {
        const { declaredIn } = reference;
        problems.push(
          problem(
            'file-not-found',
            declaredIn.file,
            declaredIn.document.locate(declaredIn.path).range,
            `Rule pack not found: ${reference.spec}`,
          ),
        );
      }
      continue;
    }
    loadedPacks.push(loaded.pack);
    loaded.pack.rules.forEach((declaration, index) => {
      const clash = declaredBy.get(declaration.id);
      if (clash && clash !== file) {
        problems.push(
          problem(
            'duplicate-rule',
            file,
            declaration.range,
            `Rule id "${declaration.id}" is already declared by ${clash}`,
          ),
        );
        return;
      }
      declaredBy.set(declaration.id, file);
      const setting = config.rules.get(declaration.id);
      if (setting?.enabled === false) {
        disabled.push(declaration.id);
        disabledIn[declaration.id] = setting.switchedOffIn ?? setting.declaredIn.file;
        return;
      }
      const compiled = compileRule(
        declaration,
        { packDocument: loaded.document!, index },
        { severity: setting?.severity, parameters: setting?.options },
      );
      problems.push(...compiled.problems);
      if (compiled.rule) rules.push(compiled.rule);
    });
  }

  for (const [id, setting] of config.rules) {
    if (declaredBy.has(id)) continue;
    const { file, document, path } = setting.declaredIn;
    const known = [...declaredBy.keys()];
    problems.push(problem('unknown-rule', file, document.locateKey(path), `Unknown rule "${id}"${suggest(id, known)}`));
  }

  return {
    rules,
    disabled,
    ...(disabled.length > 0 ? { disabledIn } : {}),
    ...(unloadedPacks.length > 0 ? { unloadedPacks } : {}),
    ...(config.unusable?.length ? { unusableConfigs: [...config.unusable] } : {}),
    packs: loadedPacks,
    timeZone: (config.timezone?.value as string | undefined) ?? DEFAULT_TIME_ZONE,
    files: [...config.files, ...packs.map((p) => p.file)],
    problems,
  };
}

function suggest(id: string, known: string[]): string {
  const close = known.filter((candidate) => editDistance(candidate, id) <= Math.max(2, Math.floor(id.length / 5)));
  return close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
