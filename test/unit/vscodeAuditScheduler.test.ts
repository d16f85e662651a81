// The extension's audit scheduling (src/vscode/auditScheduler.ts) in plain Node: per-key debounce,
// idle waiters, and generations so that a stale run never overwrites a newer one. Fake timers
// (a manual clock) except for one test of the real ones.
import { strict as assert } from 'node:assert';
import { AuditScheduler, type Timers } from '../../src/vscode/auditScheduler';

/** A manual clock: timers fire only when the test advances time. */
class FakeClock implements Timers {
  private now = 0;
  private nextId = 1;
  private readonly due = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.due.set(id, { at: this.now + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }
  get pendingTimers(): number {
    return this.due.size;
  }
  /** Advances time by `ms`, firing due timers in order. */
  tick(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.due].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next) break;
      this.due.delete(next[0]);
      this.now = next[1].at;
      next[1].callback();
    }
    this.now = until;
  }
}

/** A promise resolved or rejected from outside. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether `promise` has settled by now. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await flush();
  return done;
}

describe('vscode: AuditScheduler', () => {
  let clock: FakeClock;
  let scheduler: AuditScheduler;
  beforeEach(() => {
    clock = new FakeClock();
    scheduler = new AuditScheduler(clock);
  });

  describe('debounce', () => {
    it('runs a task once its key has been quiet for the delay', () => {
      const runs: string[] = [];
      scheduler.debounce('a', 300, () => runs.push('a'));
      assert.ok(scheduler.pending('a'));
      clock.tick(299);
      assert.deepEqual(runs, []);
      clock.tick(1);
      assert.deepEqual(runs, ['a']);
      assert.ok(!scheduler.pending('a'));
    });

    it('restarts the wait on a second call and runs only the last task', () => {
      const runs: number[] = [];
      scheduler.debounce('a', 300, () => runs.push(1));
      clock.tick(200);
      scheduler.debounce('a', 300, () => runs.push(2));
      clock.tick(200);
      assert.deepEqual(runs, [], 'the first wait was restarted');
      clock.tick(100);
      assert.deepEqual(runs, [2]);
      clock.tick(1000);
      assert.deepEqual(runs, [2], 'the first task never runs');
      assert.equal(clock.pendingTimers, 0);
    });

    it('keeps one timer per key: keys do not restart each other', () => {
      const runs: string[] = [];
      scheduler.debounce('a', 300, () => runs.push('a'));
      clock.tick(100);
      scheduler.debounce('b', 300, () => runs.push('b'));
      clock.tick(200);
      assert.deepEqual(runs, ['a']);
      clock.tick(100);
      assert.deepEqual(runs, ['a', 'b']);
    });

    it('with delay 0 runs at the next turn, not synchronously', () => {
      const runs: string[] = [];
      scheduler.debounce('a', 0, () => runs.push('a'));
      assert.deepEqual(runs, []);
      clock.tick(0);
      assert.deepEqual(runs, ['a']);
    });

    it('cancel drops the pending task', async () => {
      const runs: string[] = [];
      scheduler.debounce('a', 300, () => runs.push('a'));
      scheduler.debounce('b', 300, () => runs.push('b'));
      scheduler.cancel('a');
      scheduler.cancel('never-scheduled');
      clock.tick(300);
      assert.deepEqual(runs, ['b']);
      await scheduler.whenIdle();
    });
  });

  describe('whenIdle', () => {
    it('resolves at once when nothing is pending or running', async () => {
      assert.ok(scheduler.idle);
      assert.ok(await settled(scheduler.whenIdle()));
    });

    it('waits for a pending timer and for the work it starts', async () => {
      const audit = deferred();
      scheduler.debounce('a', 300, () => audit.promise);
      const idle = scheduler.whenIdle();
      assert.ok(!(await settled(idle)), 'a timer is pending');
      clock.tick(300);
      assert.ok(!scheduler.idle);
      assert.ok(!(await settled(idle)), 'the task is running');
      audit.resolve();
      assert.ok(await settled(idle));
      assert.ok(scheduler.idle);
    });

    it('waits for every run in flight and releases every waiter', async () => {
      const first = deferred();
      const second = deferred();
      void scheduler.run(() => first.promise);
      void scheduler.run(() => second.promise);
      const waiters = [scheduler.whenIdle(), scheduler.whenIdle()];
      first.resolve();
      assert.ok(!(await settled(Promise.race(waiters))), 'one run is still in flight');
      second.resolve();
      assert.ok(await settled(Promise.all(waiters)));
    });

    it('is reached when a pending task is cancelled', async () => {
      scheduler.debounce('a', 300, () => undefined);
      const idle = scheduler.whenIdle();
      scheduler.cancel('a');
      assert.ok(await settled(idle));
    });

    it('is reached after a run fails, and the failure reaches the caller', async () => {
      const idle = scheduler.whenIdle();
      await assert.rejects(
        scheduler.run(() => Promise.reject(new Error('boom'))),
        /boom/,
      );
      assert.ok(await settled(idle));
      assert.ok(scheduler.idle);
    });

    it('is reached after a debounced task throws', async () => {
      scheduler.debounce('a', 10, () => {
        throw new Error('boom');
      });
      const idle = scheduler.whenIdle();
      clock.tick(10);
      assert.ok(await settled(idle));
    });

    it('dispose cancels pending tasks and releases the waiters', async () => {
      const runs: string[] = [];
      scheduler.debounce('a', 300, () => runs.push('a'));
      const idle = scheduler.whenIdle();
      scheduler.dispose();
      assert.equal(clock.pendingTimers, 0);
      assert.ok(await settled(idle));
      clock.tick(300);
      assert.deepEqual(runs, []);
    });
  });

  describe('generations', () => {
    it('a newer run of a key makes the older one stale', () => {
      const first = scheduler.next('a');
      assert.ok(scheduler.isCurrent('a', first));
      const second = scheduler.next('a');
      assert.ok(!scheduler.isCurrent('a', first));
      assert.ok(scheduler.isCurrent('a', second));
      assert.ok(scheduler.isCurrent('b', scheduler.next('b')), 'keys have their own generations');
      assert.ok(scheduler.isCurrent('a', second));
    });

    it('latest(): a slow, stale run never overwrites a newer one', async () => {
      const committed: string[] = [];
      const slow = deferred<string>();
      const fast = deferred<string>();
      const older = scheduler.latest(
        'a',
        () => slow.promise,
        (value) => committed.push(value),
      );
      const newer = scheduler.latest(
        'a',
        () => fast.promise,
        (value) => committed.push(value),
      );
      fast.resolve('new text');
      assert.equal(await newer, 1);
      slow.resolve('old text'); // finishes last
      assert.equal(await older, undefined, 'the stale run resolves to undefined');
      assert.deepEqual(committed, ['new text']);
      assert.ok(scheduler.idle);
    });

    it('latest(): runs of different keys all commit', async () => {
      const committed: string[] = [];
      await Promise.all([
        scheduler.latest(
          'a',
          async () => 'a',
          (v) => committed.push(v),
        ),
        scheduler.latest(
          'b',
          async () => 'b',
          (v) => committed.push(v),
        ),
      ]);
      assert.deepEqual(committed.sort(), ['a', 'b']);
    });

    it('invalidate(): a run in flight for a file that is gone commits nothing', async () => {
      const committed: string[] = [];
      const audit = deferred<string>();
      const run = scheduler.latest(
        'a',
        () => audit.promise,
        (value) => committed.push(value),
      );
      scheduler.invalidate('a');
      audit.resolve('late');
      assert.equal(await run, undefined);
      assert.deepEqual(committed, []);
    });

    it('latest(): the work counts as running until it settles', async () => {
      const audit = deferred<number>();
      const run = scheduler.latest(
        'a',
        () => audit.promise,
        (n) => n * 2,
      );
      assert.ok(!scheduler.idle);
      const idle = scheduler.whenIdle();
      assert.ok(!(await settled(idle)));
      audit.resolve(21);
      assert.equal(await run, 42);
      assert.ok(await settled(idle));
    });
  });

  it('uses the real timers by default', async () => {
    const real = new AuditScheduler();
    const runs: number[] = [];
    real.debounce('a', 5, () => runs.push(1));
    real.debounce('a', 5, () => runs.push(2));
    await real.whenIdle();
    assert.deepEqual(runs, [2]);
  });
});
