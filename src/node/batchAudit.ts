import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Auditor, AuditorDefaults, FileReport, RuleSet } from '../engine';
import { entryKey, ruleSetHash, type AuditCache, type CacheStrategy } from './auditCache';
import { auditJob, contentHash, type AuditJob, type AuditJobResult, type FileFingerprint } from './auditJob';
import { AuditPool, AuditPoolUnavailable, workerCount, type Concurrency } from './auditPool';

export interface BatchAuditOptions {
  /** How the auditor was made, for the workers' own auditors. */
  defaults: AuditorDefaults;
  /** `--config`: one configuration for every file. */
  configFile?: string;
  /** Worker threads (default `auto`: both cores on a large run, the main thread on a small one). */
  concurrency?: Concurrency;
  /** Reuse the reports of unchanged files; `context` is what else the run's results depend on (options, version). */
  cache?: { cache: AuditCache; strategy: CacheStrategy; context: Record<string, unknown> };
  /** Texts to audit instead of reading the files (standard input): never cached. */
  texts?: ReadonlyMap<string, string>;
  /** A worker script other than the bundled one (tests). */
  workerScript?: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Also hand `onReport` what each file read from disk was (size, time, content hash), as the cache
   * records it: the editor keeps it to skip unchanged files. Files from `texts` and the cache have none.
   */
  fingerprints?: boolean;
  /**
   * The main thread audits alongside the workers, and `auto` starts one worker fewer: the main
   * thread is one of the threads a core each (the CLI, whose main thread otherwise only waits).
   * Never in the editor: its host thread must stay free.
   */
  mainThreadAudits?: boolean;
  /** Stops dispatching files once aborted (the editor's Cancel): files in flight finish, the rest are not reported. */
  signal?: AbortSignal;
}

/** How a batch went: where its reports came from. */
export interface BatchAuditStats {
  audited: number;
  fromCache: number;
  /** Worker threads used; 0 when the files were audited on the main thread. */
  workers: number;
  /** Files audited on the main thread: all of them without workers, its share alongside them. */
  onMainThread: number;
  /** Set when workers could not be started and the main thread audited instead. */
  poolUnavailable?: string;
  /** The signal aborted the run: only some files (a prefix of the input order) were reported. */
  cancelled?: boolean;
}

/** Files audited at once on the main thread: enough to overlap reading with auditing. */
const READ_CONCURRENCY = 16;

/**
 * Audits `files` and hands each report to `onReport` in input order, whichever worker finished it
 * first: reports from the cache where the file, its rule set and its reviews are unchanged, the
 * rest audited on the main thread or in a pool of worker threads. Nothing is kept once delivered.
 */
export async function auditBatch(
  auditor: Auditor,
  files: readonly string[],
  options: BatchAuditOptions,
  onReport: (index: number, report: FileReport, fingerprint?: FileFingerprint) => void,
): Promise<BatchAuditStats> {
  let done = 0;
  const { signal } = options;
  const inOrder = new InOrder((index, report, fingerprint) => {
    onReport(index, report, fingerprint);
    options.onProgress?.(++done, files.length);
  });
  const keys = options.cache ? new CacheKeys(auditor, { ...options, cache: options.cache }) : undefined;
  const stats: BatchAuditStats = { audited: 0, fromCache: 0, workers: 0, onMainThread: 0 };

  const jobs: AuditJob[] = [];
  for (let index = 0; index < files.length && !signal?.aborted; index++) {
    const file = files[index];
    const text = options.texts?.get(file);
    if (text !== undefined || !keys) {
      jobs.push({
        index,
        file,
        ...(text !== undefined ? { text } : options.fingerprints ? { fingerprint: true } : {}),
      });
      continue;
    }
    const cached = await keys.cached(file);
    if (cached) {
      stats.fromCache++;
      inOrder.put(index, cached);
    } else {
      jobs.push({ index, file, fingerprint: true });
    }
  }
  stats.audited = jobs.length;

  const finish = async (result: AuditJobResult) => {
    if (keys && result.fingerprint) await keys.record(files[result.index], result);
    inOrder.put(result.index, result.report, options.fingerprints ? result.fingerprint : undefined);
  };
  const alongside = options.mainThreadAudits === true;
  const size = workerCount(
    options.concurrency ?? 'auto',
    jobs.filter((job) => job.text === undefined).length,
    alongside,
  );
  const onMainThread = async (job: AuditJob) => {
    stats.onMainThread++;
    return auditJob(auditor, job, options.configFile);
  };
  let remaining = jobs;
  if (size > 0) {
    const finished = new Uint8Array(files.length);
    const pool = new AuditPool(
      size,
      { defaults: options.defaults, configFile: options.configFile },
      {
        script: options.workerScript,
        signal,
        ...(alongside ? { alongside: onMainThread } : {}),
      },
    );
    // Results are recorded in the order they arrive; the cache's keys need an await, so chain them.
    let recording = Promise.resolve();
    try {
      await pool.audit(jobs, (result) => {
        finished[result.index] = 1;
        recording = recording.then(() => finish(result));
      });
      stats.workers = size;
    } catch (error) {
      if (!(error instanceof AuditPoolUnavailable)) throw error;
      stats.poolUnavailable = error.message;
    } finally {
      await pool.close();
      await recording;
    }
    remaining = jobs.filter((job) => finished[job.index] !== 1);
  }
  let next = 0;
  const work = async () => {
    while (next < remaining.length && !signal?.aborted) {
      await finish(await onMainThread(remaining[next++]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, remaining.length) }, work));
  if (signal?.aborted) stats.cancelled = true;
  return stats;
}

/** Hands reports on in index order, holding only those that arrive early. */
class InOrder {
  private next = 0;
  private readonly early = new Map<number, { report: FileReport; fingerprint?: FileFingerprint }>();

  constructor(private readonly deliver: (index: number, report: FileReport, fingerprint?: FileFingerprint) => void) {}

  put(index: number, report: FileReport, fingerprint?: FileFingerprint): void {
    this.early.set(index, { report, fingerprint });
    for (let ready = this.early.get(this.next); ready; ready = this.early.get(this.next)) {
      this.early.delete(this.next);
      this.deliver(this.next++, ready.report, ready.fingerprint);
    }
  }
}

/** Looks files up in the audit cache and records new audits, with keys made once per rule set. */
class CacheKeys {
  private readonly hashes = new Map<RuleSet, Promise<string>>();

  constructor(
    private readonly auditor: Auditor,
    private readonly options: BatchAuditOptions & { cache: NonNullable<BatchAuditOptions['cache']> },
  ) {}

  /** The cached report of an unchanged file audited with the same rules and reviews, else undefined. */
  async cached(file: string): Promise<FileReport | undefined> {
    const { cache, strategy } = this.options.cache;
    const entry = cache.lookup(file);
    if (!entry) return undefined;
    let stats;
    try {
      stats = statSync(file);
    } catch {
      return undefined;
    }
    if (!stats.isFile()) return undefined;
    const sameMetadata = stats.size === entry.size && stats.mtimeMs === entry.mtimeMs;
    if (strategy === 'metadata' ? !sameMetadata : stats.size !== entry.size) return undefined;
    if (strategy === 'content') {
      try {
        // The bytes, not their text: valid UTF-8 hashes as its text does, without decoding 70 MB
        // into strings; a file that is not (its text has U+FFFD) simply misses and is audited.
        if (contentHash(readFileSync(file)) !== entry.content) return undefined;
      } catch {
        return undefined;
      }
    }
    if ((await this.keyOf(file, entry.report.reference)) !== entry.key) return undefined;
    cache.keep(file);
    return entry.report;
  }

  /** Records a file just audited (not one the engine failed on: that may pass next time). */
  async record(file: string, { report, fingerprint }: AuditJobResult): Promise<void> {
    if (!fingerprint || report.internalError) return;
    const key = await this.keyOf(file, report.reference);
    this.options.cache.cache.record({ file, ...fingerprint, key, report });
  }

  private async keyOf(file: string, reference: string | undefined): Promise<string> {
    const { configFile } = this.options;
    const ruleSet = await this.auditor.ruleSetFor(file, configFile);
    let hash = this.hashes.get(ruleSet);
    if (!hash) {
      hash = ruleSetHash(ruleSet, { ...this.options.cache.context, configFile: configFile ?? null });
      this.hashes.set(ruleSet, hash);
    }
    const folder = await this.auditor.sampleFolderFor(path.dirname(file));
    const reviews = await this.auditor.reviewsFor(folder);
    return entryKey(await hash, reviews.fingerprintOf(reference));
  }
}
