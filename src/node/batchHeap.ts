import { setFlagsFromString } from 'node:v8';

/** The flags `sizeHeapForBatchAudits` set in this process: none in the editor's extension host. */
let sized: readonly string[] = [];

/** How far past its live size V8 lets the old generation grow before the next full collection. */
const HEAP_GROWING_PERCENT = 50;

/**
 * Sizes V8's heap for a batch audit: a live heap of a few tens of MiB that churns through gigabytes
 * of short-lived parse data. Two flags, both measured at 10,000 files (docs/performance.md):
 *
 * - V8 grows the old generation by a factor it picks from GC speed (up to 4×) on a machine with
 *   memory to spare, so a run sat on 60–80 MiB of garbage per thread; growing it by half the live
 *   size keeps each thread near its live size, at no measured cost in time.
 * - V8 doubles a thread's young generation when objects survive its scavenges, up to 32 MiB a
 *   thread, and an audit's objects live for a file: every thread ended at the largest. A growth
 *   factor of 1 keeps each at the size it starts with (1–2 MiB): 55–60 MiB less with two threads,
 *   for 5–25% more time — worth it since the fast parse made the audit three times cheaper.
 *   Set at start-up, it holds the main thread and every worker started after it.
 *
 * The flags are process-wide, so only the CLI's entry point sets them — never the editor's
 * extension host. Node majors whose V8 is known to have them only: on another, V8 would print
 * "unrecognized flag" on stderr.
 */
export function sizeHeapForBatchAudits(): void {
  sized = batchHeapFlags(process.versions.node);
  setHeapFlags(sized);
}

/**
 * The flags a pool's worker sets again as it starts. A worker thread's start puts V8's flags back
 * as they were at launch, for the whole process (Node 20, measured: the main thread's young
 * generation then grew to 32 MiB beside a worker), so each worker of a sized process sets them
 * first thing, before it allocates.
 */
export function heapFlagsForWorkers(): readonly string[] {
  return sized;
}

export function setHeapFlags(flags: readonly string[]): void {
  for (const flag of flags) setFlagsFromString(flag);
}

/** The V8 flags `sizeHeapForBatchAudits` sets on a Node of this version: none where not known to be safe. */
export function batchHeapFlags(nodeVersion: string): string[] {
  const major = Number(nodeVersion.split('.')[0]);
  return major >= 18 && major <= 24
    ? [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--semi-space-growth-factor=1']
    : [];
}
