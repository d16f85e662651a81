import { createHash } from 'node:crypto';
import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import type { FileReport, RuleSet } from '../engine';
import type { FileFingerprint } from './auditJob';
import { writeFileAtomicChunks } from './writeFileAtomic';

export const AUDIT_CACHE_FORMAT = 'dipsample-cache/1';

/** The cache file's name when `--cache-location` is a folder, and the default in the working folder (as ESLint's `.eslintcache`). */
export const DEFAULT_CACHE_NAME = '.dipsample-cache';

/**
 * How a cached file is known to be unchanged. `content` (the default) reads every file and compares
 * its hash; `metadata` trusts an unchanged size and modification time, as ESLint's default does,
 * and reads only files whose size or time changed.
 */
export type CacheStrategy = 'content' | 'metadata';
export const CACHE_STRATEGIES: readonly CacheStrategy[] = ['content', 'metadata'];

/** One file's cached audit: what the file was, what it was audited with, and the report. */
export interface CacheEntry extends FileFingerprint {
  file: string;
  /** Hash of the rule set's inputs and of the review decisions on the file (`entryKey`). */
  key: string;
  report: FileReport;
}

/**
 * `--cache-location`: a file, or a folder to hold `.dipsample-cache` (an existing folder, or a path
 * ending with a separator, as ESLint reads it); the working folder's `.dipsample-cache` by default.
 */
export function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_NAME);
  const resolved = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (existsSync(resolved) && statSync(resolved).isDirectory());
  return isFolder ? path.join(resolved, DEFAULT_CACHE_NAME) : resolved;
}

/** The key of a file's audit beyond its content: the rule set it ran with and the reviews of it. */
export function entryKey(ruleSetHash: string, reviewsOfFile: string): string {
  return createHash('sha256').update(ruleSetHash).update('\u0000').update(reviewsOfFile).digest('base64');
}

/**
 * What a rule set's results depend on, hashed: the tool's version, the text of every configuration,
 * manifest and pack file it was built from, its time zone and sampled fields, and the options the
 * run was given (reviewer, extra packs, `--config`). Any change to any of them changes the hash.
 */
export async function ruleSetHash(ruleSet: RuleSet, context: Record<string, unknown>): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ context, timeZone: ruleSet.timeZone, sampleFields: ruleSet.sampleFields ?? [] }));
  for (const file of [...ruleSet.files].sort()) {
    hash.update(`\u0000${file}\u0000`);
    hash.update(await fs.readFile(file, 'utf8').catch((error: unknown) => `unreadable: ${String(error)}`));
  }
  return hash.digest('base64');
}

/**
 * The audit cache (`--cache`): one JSON Lines file, a header line then one entry per file. A cache
 * that is not ours, of another version, or unreadable is never trusted: it is set aside (and
 * replaced on save), and so is any entry that does not have the shape of one. Entries are parsed
 * only when their file is looked up, and the file is replaced atomically.
 */
export class AuditCache {
  /** Entries read from disk, still as text (parsed on lookup): file → line. */
  private readonly stored = new Map<string, string>();
  /** Entries of this run, as lines to write. */
  private readonly fresh = new Map<string, string>();
  /** Why the cache file on disk was not used; undefined when it was (or there was none). */
  discarded?: string;

  private constructor(
    readonly file: string,
    private readonly tool: string,
  ) {}

  /** Reads the cache at `file` made by `tool` ("dipsample 0.1.0"); never throws. */
  static async open(file: string, tool: string): Promise<AuditCache> {
    const cache = new AuditCache(file, tool);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') cache.discarded = `unreadable: ${String(error)}`;
      return cache;
    }
    const lines = text.split('\n');
    let header: unknown;
    try {
      header = JSON.parse(lines[0]);
    } catch {
      cache.discarded = 'not a dipsample cache';
      return cache;
    }
    const { format, tool: madeBy } = (header ?? {}) as { format?: unknown; tool?: unknown };
    if (format !== AUDIT_CACHE_FORMAT) {
      cache.discarded = 'not a dipsample cache';
      return cache;
    }
    if (madeBy !== tool) {
      cache.discarded = `made by ${String(madeBy)}, not ${tool}`;
      return cache;
    }
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      // Each line starts {"file":"…", so its file is read without parsing the rest.
      const match = /^\{"file":("(?:[^"\\]|\\.)*")/.exec(line);
      if (!match) continue;
      try {
        cache.stored.set(JSON.parse(match[1]) as string, line);
      } catch {
        // A damaged line is an entry we do not have.
      }
    }
    return cache;
  }

  /** The cached entry for a file, when it has the shape of one. */
  lookup(file: string): CacheEntry | undefined {
    const line = this.stored.get(file);
    if (line === undefined) return undefined;
    try {
      const entry = JSON.parse(line) as CacheEntry;
      return isEntry(entry) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records a file's audit (replacing any entry for it). */
  record(entry: CacheEntry): void {
    this.fresh.set(entry.file, JSON.stringify(entry));
  }

  /** Keeps a looked-up entry that was used as it is. */
  keep(file: string): void {
    const line = this.stored.get(file);
    if (line !== undefined) this.fresh.set(file, line);
  }

  /**
   * Writes the cache: this run's entries, then earlier entries of files this run did not audit
   * whose file still exists (so auditing one folder does not forget another's).
   */
  async save(): Promise<void> {
    const { tool, fresh, stored } = this;
    function* lines() {
      yield `${JSON.stringify({ format: AUDIT_CACHE_FORMAT, tool })}\n`;
      for (const line of fresh.values()) yield `${line}\n`;
      for (const [file, line] of stored) if (!fresh.has(file) && existsSync(file)) yield `${line}\n`;
    }
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomicChunks(this.file, lines(), { overwrite: true });
  }
}

function isEntry(entry: Partial<CacheEntry> | null): entry is CacheEntry {
  const report = entry?.report;
  return (
    typeof entry?.file === 'string' &&
    typeof entry.key === 'string' &&
    typeof entry.content === 'string' &&
    typeof entry.size === 'number' &&
    typeof entry.mtimeMs === 'number' &&
    typeof report === 'object' &&
    report !== null &&
    typeof report.path === 'string' &&
    Array.isArray(report.findings) &&
    Array.isArray(report.results) &&
    typeof report.syntaxError === 'boolean' &&
    typeof report.schemaError === 'boolean'
  );
}
