import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { INTERNAL_RULE, unauditedReport } from '../engine';
import type { AuditJob, AuditJobResult } from './auditJob';
import type { AuditJobsMessage, AuditResultsMessage, AuditWorkerData } from './auditWorkerService';
import { heapFlagsForWorkers } from './batchHeap';

/** `--concurrency`: worker threads to audit in; `auto` sizes the pool to the machine, `off` audits on the main thread. */
export type Concurrency = 'auto' | 'off' | number;

/**
 * Below this many files to audit a pool costs more than it saves (each worker loads the engine and
 * compiles its rule sets, ~100 ms): `auto` keeps small runs on the main thread.
 */
export const POOL_MIN_FILES = 200;

/** Files sent to a worker at a time: few enough to share the work evenly, enough to keep messages cheap. */
const BATCH_SIZE = 16;

/** Results the pool may run ahead of the earliest unfinished file, so reordering them stays small. */
const WINDOW_PER_WORKER = 256;

/** A worker that dies this many times in a row before auditing anything means the pool cannot work. */
const MAX_FAILED_STARTS = 3;

/**
 * How many worker threads `concurrency` means for `files` files to audit: 0 is the main thread
 * alone. `auto` gives a thread per core (no more than one per POOL_MIN_FILES files); when the main
 * thread audits alongside its workers (`mainThreadAudits`), it is one of them, so one worker fewer
 * is started — each thread's heap is a large part of a run's memory. `N` is N workers.
 */
export function workerCount(concurrency: Concurrency, files: number, mainThreadAudits = false): number {
  if (concurrency === 'off' || files === 0) return 0;
  if (concurrency === 'auto') {
    if (files < POOL_MIN_FILES) return 0;
    const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(files / POOL_MIN_FILES)));
    return mainThreadAudits ? threads - 1 : threads;
  }
  return Math.min(concurrency, files);
}

export interface AuditPoolOptions {
  /** A worker script other than the bundled one (tests inject faults with it). */
  script?: string;
  /**
   * Once aborted, no more files are sent to the workers: audit() resolves when the batches already
   * sent come back (their results are still delivered), leaving the rest unaudited.
   */
  signal?: AbortSignal;
  /**
   * The main thread audits too: it takes batches as a worker does and audits them a file at a
   * time, yielding between files so the workers' results are taken as they come. Only where the
   * main thread has nothing else to do (the CLI), never on the editor's host thread.
   */
  alongside?: (job: AuditJob) => Promise<AuditJobResult>;
}

/** Thrown when workers cannot be started at all (the caller audits on the main thread instead). */
export class AuditPoolUnavailable extends Error {}

interface InFlight {
  jobs: AuditJob[];
}

/**
 * Worker threads auditing files, each with its own auditor. Results arrive as workers finish; a
 * worker that dies (a crash, out of memory) is replaced, its files are retried one by one, and a
 * file that kills a worker on its own is reported as not audited: the rest of the run goes on.
 */
export class AuditPool {
  private readonly workers = new Set<Worker>();
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly data: AuditWorkerData,
    private readonly options: AuditPoolOptions = {},
  ) {}

  /** Audits `jobs` (in ascending index order), calling `onResult` as each file's report arrives. */
  audit(jobs: readonly AuditJob[], onResult: (result: AuditJobResult) => void): Promise<void> {
    const retries: Array<{ job: AuditJob; attempts: number }> = [];
    // A byte per file, not a set entry: bookkeeping stays small however many files there are.
    const finished = new Uint8Array(jobs.length === 0 ? 0 : jobs[jobs.length - 1].index + 1);
    let unfinished = jobs.length;
    let lowestPointer = 0;
    let nextQueued = 0;
    let failedStarts = 0;
    const { signal, alongside } = this.options;
    const window = WINDOW_PER_WORKER * (this.size + (alongside ? 1 : 0));

    return new Promise<void>((resolve, reject) => {
      const lowestUnfinished = () => {
        while (lowestPointer < jobs.length && finished[jobs[lowestPointer].index] === 1) lowestPointer++;
        return lowestPointer < jobs.length ? jobs[lowestPointer].index : Infinity;
      };
      const finish = (result: AuditJobResult) => {
        if (finished[result.index] === 1) return;
        finished[result.index] = 1;
        unfinished--;
        onResult(result);
      };
      const takeFresh = (): AuditJob[] => {
        const limit = lowestUnfinished() + window;
        const batch: AuditJob[] = [];
        while (nextQueued < jobs.length && batch.length < BATCH_SIZE && jobs[nextQueued].index < limit)
          batch.push(jobs[nextQueued++]);
        return batch;
      };
      const takeBatch = (): { jobs: AuditJob[]; attempts: number } | undefined => {
        // A file retried after a worker died goes alone, so the next death names its file.
        const retry = retries.shift();
        if (retry) return { jobs: [retry.job], attempts: retry.attempts };
        const batch = takeFresh();
        return batch.length > 0 ? { jobs: batch, attempts: 0 } : undefined;
      };
      const idle: Worker[] = [];
      const busy = new Map<Worker, InFlight & { attempts: number }>();
      // The main thread's own batch, while it audits one; the pool settles only once it is done.
      let mainBatch: AuditJob[] | undefined;
      let failure: Error | undefined;
      const fail = (error: Error) => {
        failure ??= error;
        if (!mainBatch) reject(failure);
      };
      const auditAlongside = async (batch: AuditJob[]) => {
        try {
          for (const job of batch) {
            await new Promise<void>((resumed) => setImmediate(resumed));
            if (failure) break;
            finish(await alongside!(job));
          }
        } catch (error) {
          failure ??= error instanceof Error ? error : new Error(String(error));
        }
        mainBatch = undefined;
        if (failure) reject(failure);
        else dispatch();
      };
      const dispatch = () => {
        if (failure) return;
        if (unfinished === 0 || (signal?.aborted && busy.size === 0 && !mainBatch)) {
          signal?.removeEventListener('abort', dispatch);
          resolve();
          return;
        }
        if (signal?.aborted) return;
        while (idle.length > 0) {
          const batch = takeBatch();
          if (!batch) break;
          const worker = idle.pop()!;
          busy.set(worker, batch);
          worker.postMessage({ jobs: batch.jobs } satisfies AuditJobsMessage);
        }
        // Files retried after a worker died stay with the workers: one may kill a thread.
        if (alongside && !mainBatch) {
          const batch = takeFresh();
          if (batch.length > 0) {
            mainBatch = batch;
            void auditAlongside(batch);
          }
        }
      };
      const start = () => {
        let audited = false;
        const worker = this.spawn();
        worker.on('message', (message: AuditResultsMessage) => {
          audited = true;
          failedStarts = 0;
          busy.delete(worker);
          for (const result of message.results) finish(result);
          idle.push(worker);
          dispatch();
        });
        const died = (reason: string) => {
          if (!this.workers.delete(worker)) return;
          const inFlight = busy.get(worker);
          busy.delete(worker);
          const at = idle.indexOf(worker);
          if (at >= 0) idle.splice(at, 1);
          if (this.closed) return;
          if (!audited && ++failedStarts >= MAX_FAILED_STARTS) {
            fail(new AuditPoolUnavailable(`audit workers could not start: ${reason}`));
            return;
          }
          for (const job of inFlight?.jobs ?? []) {
            if (inFlight!.jobs.length === 1 && inFlight!.attempts > 0)
              finish({
                index: job.index,
                report: unauditedReport(
                  job.file,
                  INTERNAL_RULE,
                  `dipsample could not audit this file (the audit worker stopped on it: ${reason.slice(0, 200)})`,
                ),
              });
            else retries.push({ job, attempts: inFlight!.attempts + 1 });
          }
          start();
          dispatch();
        };
        worker.on('error', (error) => died(error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
        worker.on('exit', (code) => died(`exit code ${code}`));
        idle.push(worker);
      };
      signal?.addEventListener('abort', dispatch);
      for (let i = 0; i < this.size; i++) start();
      dispatch();
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
    this.workers.clear();
  }

  private spawn(): Worker {
    const workerData: AuditWorkerData = { ...this.data, heapFlags: heapFlagsForWorkers() };
    const script = this.options.script ?? defaultWorkerScript();
    // From source (tests, the bench) the worker is TypeScript: tsx compiles it as it loads.
    const worker = script.endsWith('.ts')
      ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(script)});`, {
          eval: true,
          workerData,
        })
      : new Worker(script, { workerData });
    this.workers.add(worker);
    return worker;
  }
}

/** The bundled worker beside this bundle (dist/auditWorker.js), or its source when run through tsx. */
function defaultWorkerScript(): string {
  const bundled = path.join(__dirname, 'auditWorker.js');
  return existsSync(bundled) ? bundled : path.join(__dirname, 'auditWorker.ts');
}
