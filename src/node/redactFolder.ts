import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  loadPersonNameFinder,
  addCounts,
  CONFIG_FILE_NAME,
  emptyCounts,
  isCrimeFile,
  isPackPath,
  isReviewFile,
  MANIFEST_FILE_NAME,
  Redactor,
  type RedactionCounts,
  type RedactionInput,
} from '../engine';
import { InputError } from './findCrimeFiles';
import { readTextFile } from './nodeHost';
import { OutputCancelled, writeFolderAtomic } from './writeFolderAtomic';

export interface RedactFolderOptions {
  /** The sample folder (absolute). */
  input: string;
  /** The copy's folder (absolute); never inside the input nor around it. */
  output: string;
  /** Replace an existing output folder (swapped in only once the new copy is complete). */
  force?: boolean;
  /** Changes every pseudonym; the same salt gives the same copy. */
  salt?: string;
  /** Copy `reviews/*.review.yaml` too, notes redacted (they hold names and the trainer's answer key). */
  includeReviews?: boolean;
  /** Shown as the output's name in messages (e.g. as the user typed it). */
  outputShown?: string;
  onProgress?: (done: number, total: number) => void;
  /** Polled between files: true stops the run, nothing written. */
  isCancelled?: () => boolean;
}

/** A file of the input left out of the copy, and why (paths relative to the input). */
export interface NotCopied {
  path: string;
  reason: string;
}

export interface RedactFolderOutcome {
  output: string;
  counts: RedactionCounts;
  files: { crime: number; reviews: number; copied: number };
  notCopied: NotCopied[];
  /** Why the copy might not audit as the original does (configuration it cannot take along). */
  warnings: string[];
}

/** The user cancelled: nothing was written (the same signal the folder writer gives). */
export { OutputCancelled as RedactCancelled } from './writeFolderAtomic';

type Plan = { rel: string; abs: string; as: 'crime' | 'review' | 'verbatim' };

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const PACK_FILE = /\.pack\.(ya?ml|json)$/i;

/**
 * Writes a redacted copy of a sample folder: crime files (and with `includeReviews` review files)
 * with pseudonyms, `sample.yaml`, `.dipsample.yaml` and rule packs as they are, so the copy audits
 * as the original. A file that cannot be read as data is left out (its names cannot be found), and so
 * is everything else. The copy is built in a fresh folder beside `output` and takes its name in one
 * rename: a failure or a cancel leaves the old `output` (or none) as it was. Throws InputError for
 * what the user can fix (no such folder, `output` exists without `force`, nothing to copy).
 */
export async function redactFolder(options: RedactFolderOptions): Promise<RedactFolderOutcome> {
  const shown = options.outputShown ?? options.output;
  const input = await realFolder(options.input);
  const output = await checkOutput(input, options.output, options.force === true, shown);

  const notCopied: NotCopied[] = [];
  const plan: Plan[] = [];
  for (const rel of await listTree(input)) {
    const abs = path.join(input, rel);
    const name = path.basename(rel);
    if (isCrimeFile(name)) plan.push({ rel, abs, as: 'crime' });
    else if (isReviewFile(rel)) {
      if (options.includeReviews) plan.push({ rel, abs, as: 'review' });
      else notCopied.push({ path: rel, reason: 'review file: not copied without --include-reviews' });
    } else if (name === MANIFEST_FILE_NAME || name === CONFIG_FILE_NAME || PACK_FILE.test(name))
      plan.push({ rel, abs, as: 'verbatim' });
    else notCopied.push({ path: rel, reason: 'not a file dipsample reads' });
  }

  await loadPersonNameFinder();
  const redactor = new Redactor({ salt: options.salt });
  const inputs = new Map<Plan, RedactionInput>();
  const verbatim = new Map<Plan, string>();
  const total = plan.length * 2;
  let done = 0;
  const step = () => {
    if (options.isCancelled?.()) throw new OutputCancelled();
    options.onProgress?.(++done, total);
  };
  for (const item of plan) {
    const text = await readTextFile(item.abs).catch((error: unknown) => (error instanceof Error ? error : undefined));
    if (typeof text !== 'string') {
      notCopied.push({ path: item.rel, reason: `could not be read${text ? `: ${text.message}` : ''}` });
    } else if (item.as === 'verbatim') {
      verbatim.set(item, text);
    } else {
      const source: RedactionInput = { text, format: /\.json$/i.test(item.rel) ? 'json' : 'yaml', kind: item.as };
      if (redactor.learn(source)) inputs.set(item, source);
      else notCopied.push({ path: item.rel, reason: 'could not be read (not valid YAML/JSON, or beyond the limits)' });
    }
    step();
  }

  const counts = emptyCounts();
  const written = new Map<string, string>();
  const files = { crime: 0, reviews: 0, copied: 0 };
  for (const item of plan) {
    const source = inputs.get(item);
    const text = verbatim.get(item);
    if (text !== undefined) {
      written.set(item.rel, text);
      files.copied++;
    } else if (source) {
      const redacted = safely(() => redactor.redact(source));
      if (!redacted) {
        notCopied.push({ path: item.rel, reason: 'could not be redacted' });
      } else {
        written.set(item.rel, redacted.text);
        addCounts(counts, redacted.counts);
        files[item.as === 'crime' ? 'crime' : 'reviews']++;
      }
    }
    step();
  }
  if (files.crime === 0)
    throw new InputError(
      `No crime file of ${options.input} could be copied${notCopied.length ? ` (${notCopied.length} left out)` : ''}: nothing written`,
    );

  await writeFolderAtomic(output, written, { force: options.force === true, shown, isCancelled: options.isCancelled });
  notCopied.sort((a, b) => a.path.localeCompare(b.path));
  return { output, counts, files, notCopied, warnings: await configurationWarnings(input, verbatim) };
}

function safely<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}

async function realFolder(folder: string): Promise<string> {
  const stats = await fs.stat(folder).catch(() => undefined);
  if (!stats) throw new InputError(`No such folder: ${folder}`);
  if (!stats.isDirectory()) throw new InputError(`Not a folder: ${folder} (dipsample redact takes a sample folder)`);
  return fs.realpath(folder);
}

/** The output's real place; refuses one that exists (without force), is not a folder, or overlaps the input. */
async function checkOutput(input: string, output: string, force: boolean, shown: string): Promise<string> {
  const parent = await fs.realpath(path.dirname(path.resolve(output))).catch(() => undefined);
  if (!parent) throw new InputError(`Cannot write ${shown}: no such folder ${path.dirname(output)}`);
  const target = path.join(parent, path.basename(output));
  const inside = (child: string, folder: string) => {
    const rel = path.relative(folder, child);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  if (inside(target, input)) throw new InputError(`${shown} is inside the folder being redacted: choose another place`);
  if (inside(input, target)) throw new InputError(`${shown} holds the folder being redacted: choose another place`);
  const existing = await fs.lstat(target).catch(() => undefined);
  if (existing && !force) throw new InputError(`${shown} already exists: use --force to replace it`);
  if (existing && !existing.isDirectory()) throw new InputError(`${shown} exists and is not a folder: not replaced`);
  return target;
}

/** Relative paths of the files under a folder, sorted; folders behind links are not followed (loops). */
async function listTree(root: string, rel = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = rel ? path.join(rel, entry.name) : entry.name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...(await listTree(root, child)));
    } else if (entry.isFile() || entry.isSymbolicLink()) files.push(child);
  }
  return files;
}

/**
 * Configuration the copy cannot take along: a `.dipsample.yaml` or `sample.yaml` above the input (it
 * may govern the original, not the copy), and `extends` or pack paths that lead out of the input.
 */
async function configurationWarnings(input: string, copied: ReadonlyMap<Plan, string>): Promise<string[]> {
  const warnings: string[] = [];
  for (let dir = path.dirname(input); ; dir = path.dirname(dir)) {
    for (const name of [CONFIG_FILE_NAME, MANIFEST_FILE_NAME]) {
      const above = path.join(dir, name);
      if (existsSync(above))
        warnings.push(`${above} may govern the original but is outside it: the copy is audited without it`);
    }
    if (path.dirname(dir) === dir) break;
  }
  for (const [item, text] of copied) {
    if (PACK_FILE.test(item.rel)) continue;
    let value: unknown;
    try {
      value = parse(text);
    } catch {
      continue;
    }
    const record = (value ?? {}) as { extends?: unknown; packs?: unknown };
    const strings = (list: unknown) => [list].flat().filter((spec): spec is string => typeof spec === 'string');
    for (const spec of [...strings(record.extends), ...strings(record.packs).filter(isPackPath)]) {
      const target = path.resolve(path.dirname(item.abs), spec);
      if (path.relative(input, target).startsWith('..'))
        warnings.push(
          `${item.rel} refers to ${spec}, outside the folder: not copied, so the copy may audit differently`,
        );
    }
  }
  return warnings;
}
