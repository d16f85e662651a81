import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import {
  DEFAULT_TIME_ZONE,
  parseImportMap,
  parsePlan,
  SampleDraw,
  sampleManifestText,
  type DrawnCount,
  type Problem,
} from '../engine';
import { InputError } from './findCrimeFiles';
import { readTextFile } from './nodeHost';
import { csvFrame, folderFrame, type FrameRecord, type FrameSummary } from './sampleFrame';
import { checkOutputFolder, OutputCancelled, referenceFileName, writeFolderAtomic } from './writeFolderAtomic';

export interface DrawSampleOptions {
  /** A CSV crime list or a folder of crime files (absolute), and as the user gave it. */
  frame: string;
  frameShown: string;
  /** The plan (a dip-sample/1 manifest) and an optional import map (absolute). */
  plan: string;
  map?: string;
  output: string;
  outputShown: string;
  force?: boolean;
  /** Recorded in `drawn.tool`, e.g. "dipsample 0.1.0". */
  tool: string;
  /** When the draw is made (tests fix it). */
  now?: Date;
  /** Records read so far. */
  onProgress?: (records: number) => void;
  /** Polled while reading: true stops the draw, nothing written. */
  isCancelled?: () => boolean;
}

export interface DrawSampleOutcome {
  output: string;
  references: string[];
  frame: FrameSummary;
  eligible: number;
  strata: DrawnCount[];
  constraints: DrawnCount[];
  /** Rows that could not be read (never drawn) and cells left out of drawn files. */
  warnings: string[];
}

/** The plan or map has located problems: nothing was drawn. */
export class DrawConfigurationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem(s) in the plan or map`);
  }
}

/** How many rejected rows are named one by one (the rest are counted). */
const MAX_NAMED_REJECTIONS = 50;

/**
 * `dipsample draw`: reads the frame once (streamed: counts per cell and a bounded reservoir per
 * cell, see SampleDraw), allocates and chooses by the plan's seed, then writes the sample folder in one step: sample.yaml (the plan with `drawn`), the
 * drawn crime files and references.csv. Throws InputError for what the user can fix, DrawConfigurationError
 * for plan or map problems and UnsatisfiablePlan when the frame cannot meet the plan; nothing is written then.
 */
export async function drawSample(options: DrawSampleOptions): Promise<DrawSampleOutcome> {
  await checkOutputFolder(options.output, options.force === true, options.outputShown);
  const planText = await readConfigText(options.plan, 'plan');
  const parsed = parsePlan(planText, options.plan);
  if (!parsed.plan) throw new DrawConfigurationError(parsed.problems);
  const plan = parsed.plan;

  let settings = { timezone: DEFAULT_TIME_ZONE, dates: [] as string[] };
  let mapRules;
  if (options.map) {
    const map = parseImportMap(await readConfigText(options.map, 'map'), options.map);
    if (!map.map) throw new DrawConfigurationError(map.problems);
    settings = { timezone: map.map.timezone, dates: map.map.dates };
    mapRules = map.map.tables[0].fields;
  }

  const draw = new SampleDraw<FrameRecord>(plan, settings.timezone);
  const stats = await fs.stat(options.frame).catch(() => undefined);
  if (!stats) throw new InputError(`No such file or folder: ${options.frameShown}`);
  const frame = stats.isDirectory()
    ? await folderFrame(options.frame)
    : await csvFrame(options.frame, options.frameShown, settings, draw.cells.neededPaths(), mapRules);

  const warnings: string[] = [];
  let rejected = 0;
  let seen = 0;
  const summary = await frame.read((item) => {
    if (++seen % 10_000 === 0) {
      if (options.isCancelled?.()) throw new OutputCancelled();
      options.onProgress?.(seen);
    }
    if (item.problem !== undefined) {
      if (++rejected <= MAX_NAMED_REJECTIONS) warnings.push(`${item.source}: not drawn: ${item.problem}`);
      return;
    }
    const placement = draw.count(item.record, item);
    if (!placement.eligible && placement.reason === 'overlap') {
      const [a, b] = placement.groups.map((group) => `"${draw.cells.groups[group].description}"`);
      throw new DrawConfigurationError([
        {
          code: 'bad-plan',
          file: options.plan,
          range: plan.document.locate(plan.strata[placement.groups[1]].path).range,
          severity: 'error',
          message: `Sampling plan: strata ${a} and ${b} overlap (${item.source} is in both): strata must be disjoint; use constraints (atLeast) for a quota across strata`,
        },
      ]);
    }
  });
  if (rejected > MAX_NAMED_REJECTIONS) warnings.push(`… and ${rejected - MAX_NAMED_REJECTIONS} more rows not drawn`);
  options.onProgress?.(seen);
  const ordered = draw.allocate();
  const first = summary;

  const files = new Map<string, string | Buffer>();
  const taken = new Set<string>();
  const sources = new Map<string, string>();
  const rows: string[][] = [['order', 'reference', 'stratum', 'source']];
  for (const [index, { reference, group, item }] of ordered.entries()) {
    const earlier = sources.get(reference);
    if (earlier !== undefined)
      throw new InputError(
        `${options.frameShown}: reference ${reference} is in the frame twice (${earlier} and ${item.source}): references must be unique`,
      );
    sources.set(reference, item.source);
    const full = await item.full();
    warnings.push(...full.warnings);
    files.set(referenceFileName(reference, taken, full.extension), full.content);
    rows.push([String(index + 1), reference, draw.cells.groups[group].description, item.source].map(formulaSafe));
  }
  const outcome: DrawSampleOutcome = {
    output: options.output,
    references: ordered.map((record) => record.reference),
    frame: first,
    eligible: draw.eligible,
    strata: draw.groupCounts(),
    constraints: draw.quotaCounts(),
    warnings,
  };
  files.set(
    'sample.yaml',
    sampleManifestText(planText, {
      references: outcome.references,
      frame: { path: options.frameShown.split(path.sep).join('/'), ...first },
      eligible: outcome.eligible,
      strata: outcome.strata,
      constraints: outcome.constraints,
      seed: plan.seed,
      at: (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z'),
      tool: options.tool,
    }),
  );
  files.set('references.csv', stringifyCsv(rows));
  await writeFolderAtomic(options.output, files, {
    force: options.force,
    shown: options.outputShown,
    isCancelled: options.isCancelled,
  });
  return outcome;
}

/** A plan or map file's text; InputError when it is missing or unreadable. */
export async function readConfigText(file: string, what: string): Promise<string> {
  try {
    const text = await readTextFile(file);
    if (text === undefined) throw new InputError(`No such ${what} file: ${file}`);
    return text;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      `The ${what} file ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A spreadsheet must not run a cell as a formula: those that could start with `'`. */
function formulaSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
