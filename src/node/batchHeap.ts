import { setFlagsFromString } from 'node:v8';

/** How far past its live size V8 lets the old generation grow before the next full collection. */
const HEAP_GROWING_PERCENT = 50;

/**
 * Sizes V8's heap for a batch audit: a live heap of a few tens of MiB that churns through gigabytes
 * of short-lived parse trees. V8 grows the old generation by a factor it picks from GC speed (up to
 * 4×) on a machine with memory to spare, so a 10,000-file run sat on 60–80 MiB of garbage per
 * thread; growing it by half the live size keeps each thread near its live size, at no measured cost
 * in time (docs/performance.md). The flag is process-wide (the worker threads share it), so only the
 * CLI's entry point sets it — never the editor's extension host. Node majors whose V8 is known to
 * have the flag only: on another, V8 would print "unrecognized flag" on stderr.
 */
export function sizeHeapForBatchAudits(): void {
  for (const flag of batchHeapFlags(process.versions.node)) setFlagsFromString(flag);
}

/** The V8 flags `sizeHeapForBatchAudits` sets on a Node of this version: none where not known to be safe. */
export function batchHeapFlags(nodeVersion: string): string[] {
  const major = Number(nodeVersion.split('.')[0]);
  return major >= 18 && major <= 24 ? [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`] : [];
}
