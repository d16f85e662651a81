/**
 * When audits run, with no editor API: debounced per-key timers, a count of work in flight with
 * waiters for "idle", and per-key generation numbers so that a slow, stale run never overwrites
 * a newer one. Keys are strings (the service uses file URIs and one key for configuration).
 */

/** The timer functions the scheduler uses (the global ones by default; tests pass fakes). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AuditScheduler {
  private readonly timers = new Map<string, unknown>();
  private readonly generations = new Map<string, number>();
  private running = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly clock: Timers = GLOBAL_TIMERS) {}

  /** No timer pending and no work in flight. */
  get idle(): boolean {
    return this.running === 0 && this.timers.size === 0;
  }

  /** Resolves once nothing is pending or running (at once when idle now). */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Whether a debounced task is waiting for `key`. */
  pending(key: string): boolean {
    return this.timers.has(key);
  }

  /**
   * Runs `task` after `delay` ms of quiet for `key`: a second call for the same key before then
   * restarts the wait (and only the last task runs). The task counts as running until it settles.
   */
  debounce(key: string, delay: number, task: () => unknown): void {
    this.clearTimer(key);
    this.timers.set(
      key,
      this.clock.setTimeout(() => {
        this.timers.delete(key);
        void this.run(async () => task()).catch(() => undefined);
      }, delay),
    );
  }

  /** Drops the pending task of `key`, if any. */
  cancel(key: string): void {
    this.clearTimer(key);
    this.settle();
  }

  /** Runs `work` counted as in flight: whenIdle() waits for it. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.settle();
    }
  }

  /** Starts a new generation for `key`: runs begun earlier become stale. Returns the new generation. */
  next(key: string): number {
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    return generation;
  }

  /** Makes every run of `key` begun so far stale (the file is gone or no longer audited). */
  invalidate(key: string): void {
    this.next(key);
  }

  /** Whether `generation` is still the newest of `key`. */
  isCurrent(key: string, generation: number): boolean {
    return this.generations.get(key) === generation;
  }

  /**
   * Runs `work` as the newest run of `key`, then `commit`s its value unless a newer run (or
   * next(key)) began meanwhile; a stale run resolves to undefined without committing.
   */
  latest<T, R>(key: string, work: () => Promise<T>, commit: (value: T) => R): Promise<R | undefined> {
    const generation = this.next(key);
    return this.run(async () => {
      const value = await work();
      return this.isCurrent(key, generation) ? commit(value) : undefined;
    });
  }

  /** Cancels every pending task and releases the idle waiters. */
  dispose(): void {
    for (const key of [...this.timers.keys()]) this.clearTimer(key);
    this.settle();
  }

  private clearTimer(key: string): void {
    if (!this.timers.has(key)) return;
    this.clock.clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private settle(): void {
    if (!this.idle) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
