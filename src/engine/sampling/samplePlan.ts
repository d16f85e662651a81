import type { ValidateFunction } from 'ajv';
import manifestSchema from '../../../rules/schemas/sample-manifest.schema.json';
import type { PathSegment } from '../model';
import { ParsedDocument } from '../parse/document';
import { isRecord } from '../path';
import { problem, type Problem } from '../problems';
import { sharedAjv } from '../schemas/ajv';
import { schemaViolations, syntaxProblems } from '../schemas/documentProblems';
import type { SamplePeriod } from './period';
import { invalidFilterPaths, toRecordFilter, type RecordFilter } from './recordFilter';

/** A stratum or quota of a plan, with where it is written (for messages and located problems). */
interface PlanGroup {
  description: string;
  filter: RecordFilter;
  /** Its path in the plan document, e.g. ['selection', 'strata', 0]. */
  path: PathSegment[];
}

export interface PlanStratum extends PlanGroup {
  size: number;
}

export interface PlanQuota extends PlanGroup {
  atLeast: number;
}

/** The random methods `dipsample draw` executes (`random` is the manifest's older name for simple_random). */
export const DRAW_METHODS = ['simple_random', 'random', 'stratified_random'] as const;

/** A dip-sample/1 manifest read as a plan `dipsample draw` can execute. */
export interface SamplePlan {
  file: string;
  document: ParsedDocument;
  method: 'simple_random' | 'stratified_random';
  seed: string | number;
  size: number;
  period?: SamplePeriod;
  population: RecordFilter;
  /** Disjoint, with exact sizes; empty for simple random sampling. */
  strata: PlanStratum[];
  quotas: PlanQuota[];
}

let validateManifest: ValidateFunction | undefined;

/** The manifest schema, compiled once (the plan is a manifest). */
export function manifestValidator(): ValidateFunction {
  return (validateManifest ??= sharedAjv().compile(manifestSchema));
}

/**
 * Reads a plan: YAML syntax, the manifest schema, then what a draw needs (a random method, a seed,
 * a size, strata with sizes that fit it, quotas no larger than it, filters on field paths). Every
 * problem is located in the plan; a plan is returned only when there are none.
 */
export function parsePlan(text: string, file: string): { plan?: SamplePlan; problems: Problem[] } {
  const document = new ParsedDocument(text, /\.json$/i.test(file) ? 'json' : 'yaml');
  const syntax = syntaxProblems(file, document);
  if (syntax.length > 0) return { problems: syntax };
  const schema = schemaViolations(file, document, manifestValidator(), 'Sampling plan');
  if (schema.length > 0) return { problems: schema };

  const problems: Problem[] = [];
  const at = (path: PathSegment[], message: string) =>
    problems.push(problem('bad-plan', file, document.locate(path).range, message));
  const value = document.value as Record<string, unknown>;
  const selection = isRecord(value.selection) ? value.selection : undefined;
  if (!selection) {
    at([], 'Sampling plan: no selection (method, seed, strata) to draw by');
    return { problems };
  }
  const method = selection.method;
  if (!(DRAW_METHODS as readonly unknown[]).includes(method))
    at(
      ['selection', 'method'],
      `Sampling plan: dipsample draw draws ${DRAW_METHODS.join(', ')}, not ${String(method)}`,
    );
  const seed = selection.seed;
  if (typeof seed !== 'string' && typeof seed !== 'number')
    at(['selection'], 'Sampling plan: no seed: a draw must be repeatable (selection.seed)');
  const size = value.size;
  if (typeof size !== 'number') at([], 'Sampling plan: no size (how many files to draw)');

  const filterProblems = (filter: unknown, path: PathSegment[]) => {
    for (const bad of invalidFilterPaths(filter))
      problems.push(
        problem('bad-plan', file, document.locateKey([...path, bad]), `Sampling plan: not a field path: ${bad}`),
      );
  };
  filterProblems(selection.population, ['selection', 'population']);

  const rawStrata = Array.isArray(selection.strata) ? (selection.strata as Array<Record<string, unknown>>) : [];
  const strata: PlanStratum[] = [];
  rawStrata.forEach((stratum, index) => {
    const path: PathSegment[] = ['selection', 'strata', index];
    if (typeof stratum.size !== 'number')
      at(path, `Sampling plan: stratum "${String(stratum.description)}" has no size`);
    if (stratum.filter === undefined) at(path, `Sampling plan: stratum "${String(stratum.description)}" has no filter`);
    filterProblems(stratum.filter, [...path, 'filter']);
    strata.push({
      description: String(stratum.description),
      filter: toRecordFilter(stratum.filter),
      size: typeof stratum.size === 'number' ? stratum.size : 0,
      path,
    });
  });
  if (method === 'stratified_random' && strata.length === 0)
    at(['selection', 'method'], 'Sampling plan: stratified_random needs strata (selection.strata)');
  if ((method === 'simple_random' || method === 'random') && strata.length > 0)
    at(['selection', 'strata'], `Sampling plan: ${String(method)} has no strata (use stratified_random)`);
  const stratified = strata.reduce((sum, stratum) => sum + stratum.size, 0);
  if (typeof size === 'number' && stratified > size)
    at(['size'], `Sampling plan: the strata add up to ${stratified}, more than the size ${size}`);

  const rawQuotas = Array.isArray(selection.constraints)
    ? (selection.constraints as Array<Record<string, unknown>>)
    : [];
  const quotas: PlanQuota[] = rawQuotas.map((quota, index) => {
    const path: PathSegment[] = ['selection', 'constraints', index];
    filterProblems(quota.filter, [...path, 'filter']);
    const atLeast = quota.atLeast as number;
    if (typeof size === 'number' && atLeast > size)
      at(
        [...path, 'atLeast'],
        `Sampling plan: quota "${String(quota.description)}" asks ${atLeast}, more than the size ${size}`,
      );
    return { description: String(quota.description), filter: toRecordFilter(quota.filter), atLeast, path };
  });
  if (quotas.length > MAX_QUOTAS)
    at(['selection', 'constraints'], `Sampling plan: at most ${MAX_QUOTAS} quotas can be met together`);

  const period = isRecord(value.period) ? (value.period as unknown as SamplePeriod) : undefined;
  if (period && period.from > period.to)
    at(['period'], `Sampling plan: the period ends (${period.to}) before it starts (${period.from})`);

  if (problems.length > 0) return { problems };
  return {
    plan: {
      file,
      document,
      method: method === 'stratified_random' ? 'stratified_random' : 'simple_random',
      seed: seed as string | number,
      size: size as number,
      ...(period ? { period } : {}),
      population: toRecordFilter(selection.population),
      strata,
      quotas,
    },
    problems,
  };
}

/** Quotas are met exactly by counting every combination of them (2^n cells per stratum): a few suffice. */
export const MAX_QUOTAS = 4;
