import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSample, largeSampleSpec } from '../../scripts/generator';
import { streamAudit } from '../../src/cli/runAudit';
import { AUDIT_CACHE_FORMAT, AuditCache, cacheFilePath, DEFAULT_CACHE_NAME } from '../../src/node/auditCache';
import { workerCount } from '../../src/node/auditPool';
import { batchHeapFlags } from '../../src/node/batchHeap';
import { batchHost } from '../../src/node/nodeHost';
import { REPO_ROOT, runCliCapturing } from './helpers';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const FAULTY_WORKER = path.join(REPO_ROOT, 'test', 'fixtures', 'workers', 'faultyAuditWorker.ts');
const DEAD_WORKER = path.join(REPO_ROOT, 'test', 'fixtures', 'workers', 'deadAuditWorker.ts');

describe('batch audits: worker threads, the content cache, streamed output', function () {
  this.timeout(600_000);
  let temp: string;
  let generated: string;

  before(() => {
    temp = mkdtempSync(path.join(tmpdir(), 'dipsample-batch-'));
    generated = path.join(temp, 'generated');
    mkdirSync(generated);
    for (const file of generateSample(largeSampleSpec({ count: 2000, seed: 'batch-test' })).files)
      writeFileSync(path.join(generated, file.name), file.text);
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  /** `count` generated files and two more that FAULTY_WORKER throws on and dies on. */
  const folderWithFaults = (name: string, count: number) => {
    const folder = path.join(temp, name);
    mkdirSync(folder);
    const names = readdirNames(generated).slice(0, count);
    for (const file of names) copyFileSync(path.join(generated, file), path.join(folder, file));
    copyFileSync(path.join(generated, names[0]), path.join(folder, 'throws.crime.yaml'));
    copyFileSync(path.join(generated, names[1]), path.join(folder, 'kills-worker.crime.yaml'));
    return folder;
  };

  it('sizes the pool: none for a small run or off, one per core on a large one, as asked otherwise', () => {
    assert.equal(workerCount('auto', 20), 0);
    assert.equal(workerCount('off', 5000), 0);
    assert.ok(workerCount('auto', 5000) >= 1);
    assert.equal(workerCount(3, 5000), 3);
    assert.equal(workerCount(8, 2), 2);
    assert.equal(workerCount(4, 0), 0);
    // The main thread auditing alongside is one of auto's threads; N is still N workers.
    assert.equal(workerCount('auto', 5000, true), workerCount('auto', 5000) - 1);
    assert.equal(workerCount('auto', 20, true), 0);
    assert.equal(workerCount(3, 5000, true), 3);
  });

  it("sizes V8's heap for a batch only on Node majors known to have the flag", () => {
    const flags = ['--heap-growing-percent=50', '--semi-space-growth-factor=1'];
    assert.deepEqual(batchHeapFlags('20.20.2'), flags);
    assert.deepEqual(batchHeapFlags('24.1.0'), flags);
    assert.deepEqual(batchHeapFlags('16.20.0'), []);
    assert.deepEqual(batchHeapFlags('26.0.0'), []);
    assert.deepEqual(batchHeapFlags('not a version'), []);
  });

  it("keeps a thread's young generation at its starting size once the CLI sized the heap (this Node's V8 reads the flags)", () => {
    // Objects that survive a few scavenges each, as a file's do while it is audited: V8 grows the young generation for them.
    const churn = `const v8 = require('v8'); let keep = [];
      for (let i = 0; i < 300000; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 20000) keep = []; }
      const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
      process.stdout.write(String(young / 2 ** 20));`;
    const youngMib = (sized: boolean) =>
      Number(
        execFileSync(
          process.execPath,
          [
            '--require',
            'tsx/cjs',
            '-e',
            `${sized ? "require('./src/node/batchHeap').sizeHeapForBatchAudits();" : ''}${churn}`,
          ],
          { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
        ),
      );
    const [unsized, sized] = [youngMib(false), youngMib(true)];
    assert.ok(unsized >= 8, `without the flags the young generation grows (${unsized} MiB)`);
    assert.ok(sized <= 4, `with them it stays small (${sized} MiB)`);
  });

  it('writes the same bytes with and without workers and cache, for every bundled sample and 2,000 generated files', async () => {
    for (const [folder, cwd] of [
      ['samples', REPO_ROOT],
      ['generated', temp],
    ]) {
      for (const format of ['json', 'sarif', 'text', 'csv', 'junit']) {
        const plain = await runCliCapturing(['audit', folder, '-f', format, '--concurrency', 'off'], cwd);
        const pooled = await runCliCapturing(['audit', folder, '-f', format, '--concurrency', '2'], cwd);
        assert.equal(pooled.status, plain.status, `${folder} ${format}`);
        assert.ok(pooled.stdout === plain.stdout, `${folder} ${format}: workers changed the output`);
        if (format !== 'json') continue;
        const cacheFile = path.join(temp, `${folder}.cache`);
        const cold = await runCliCapturing(['audit', folder, '-f', format, '--cache-location', cacheFile], cwd);
        const warm = await runCliCapturing(['audit', folder, '-f', format, '--cache-location', cacheFile], cwd);
        assert.ok(cold.stdout === plain.stdout, `${folder}: a cold cache changed the output`);
        assert.ok(warm.stdout === plain.stdout, `${folder}: a warm cache changed the output`);
        assert.equal(warm.status, plain.status);
        assert.equal(warm.stderr, plain.stderr);
      }
    }
  });

  it('reports a file the engine throws on, or whose worker dies, as not audited, and audits the rest', async () => {
    const folder = folderWithFaults('faults', 300);
    const reports: Array<{ path: string; internalError?: boolean; message?: string }> = [];
    const outcome = await streamAudit(
      batchHost(),
      { inputs: [folder], cwd: folder, concurrency: 2, workerScript: FAULTY_WORKER, mainThreadAudits: false },
      { file: (report) => reports.push({ ...report, message: report.findings[0]?.message }) },
    );
    assert.equal(outcome.stats.workers, 2);
    assert.equal(reports.length, 302);
    assert.equal(outcome.summary.files, 302);
    const failed = reports.filter((report) => report.internalError);
    assert.deepEqual(
      failed.map((report) => report.path),
      ['kills-worker.crime.yaml', 'throws.crime.yaml'],
    );
    assert.match(failed[0].message!, /the audit worker stopped on it: exit code 7/);
    assert.match(failed[1].message!, /internal error: Error: a rule function bug/);
    assert.deepEqual(
      outcome.unaudited.map((file) => file.path),
      ['kills-worker.crime.yaml', 'throws.crime.yaml'],
    );
    // Every other file was audited, the retried ones included.
    assert.equal(reports.filter((report) => !report.internalError).length, 300);
  });

  it('shares the files between the main thread and its workers, each once, in order, whatever a worker does', async () => {
    const folder = folderWithFaults('alongside', 400);
    const audit = async (options: { concurrency: 'off' | number; workerScript?: string }) => {
      const reports: Array<{ path: string; internalError?: boolean }> = [];
      const outcome = await streamAudit(
        batchHost(),
        { inputs: [folder], cwd: folder, ...options },
        { file: (report) => reports.push(report) },
      );
      return { reports, stats: outcome.stats, summary: JSON.stringify(outcome.summary) };
    };
    const alone = await audit({ concurrency: 'off' });
    assert.equal(alone.stats.onMainThread, 402);

    const shared = await audit({ concurrency: 1 });
    assert.equal(shared.stats.workers, 1);
    assert.ok(
      shared.stats.onMainThread > 0 && shared.stats.onMainThread < 402,
      `${shared.stats.onMainThread} on the main thread`,
    );
    assert.deepEqual(shared.reports, alone.reports);
    assert.equal(shared.summary, alone.summary);

    // Faults in the worker: whichever files the main thread took are audited; the worker's are
    // reported as not audited; every file once, in input order.
    const faulty = await audit({ concurrency: 1, workerScript: FAULTY_WORKER });
    assert.deepEqual(
      faulty.reports.map((report) => report.path),
      alone.reports.map((report) => report.path),
    );
    const failed = faulty.reports.filter((report) => report.internalError).map((report) => report.path);
    assert.ok(
      failed.every((file) => ['kills-worker.crime.yaml', 'throws.crime.yaml'].includes(file)),
      `not audited: ${failed.join(', ')}`,
    );

    // Workers that cannot start: the main thread audits the lot, the same reports.
    const dead = await audit({ concurrency: 2, workerScript: DEAD_WORKER });
    assert.match(dead.stats.poolUnavailable ?? '', /audit workers could not start: exit code 9/);
    assert.equal(dead.stats.onMainThread, 402);
    assert.deepEqual(dead.reports, alone.reports);
  });

  describe('the cache', () => {
    let sample: string;
    let cacheFile: string;
    const audit = (...extra: string[]) =>
      runCliCapturing(['audit', '.', '-f', 'json', '--cache-location', cacheFile, ...extra], sample);
    const fromCache = async (...extra: string[]) => {
      let stats;
      await streamAudit(
        batchHost(),
        {
          inputs: [sample],
          cwd: sample,
          concurrency: 'off',
          cache: { file: cacheFile, tool: `dipsample ${version()}`, strategy: 'content' },
          ...(extra.includes('reviewer') ? { reviewer: 'INSP-01' } : {}),
        },
        { file: () => undefined },
      ).then((outcome) => (stats = outcome.stats));
      return stats!;
    };

    beforeEach(() => {
      sample = path.join(temp, `cache-${Math.random().toString(36).slice(2)}`);
      cpSync(path.join(SAMPLES, 'peel-2017-file-review'), sample, { recursive: true });
      cacheFile = path.join(sample, '..', `${path.basename(sample)}.cache`);
    });

    it('reuses unchanged files and re-audits exactly the files a change touches', async () => {
      const first = await audit();
      assert.equal(first.status, 0, first.stderr);
      const files = readdirNames(sample).filter((name) => /\.crime\.(ya?ml|json)$/.test(name));
      const all = files.length;
      assert.deepEqual(await fromCache(), { audited: 0, fromCache: all, workers: 0, onMainThread: 0 });

      // One file's content: that file alone.
      const edited = path.join(
        sample,
        files.find((name) => name.endsWith('.yaml'))!,
      );
      writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n# a comment\n`);
      assert.deepEqual(await fromCache(), { audited: 1, fromCache: all - 1, workers: 0, onMainThread: 1 });
      assert.deepEqual(await fromCache(), { audited: 0, fromCache: all, workers: 0, onMainThread: 0 });

      // A review of one file: that file alone (and back again).
      const reference = /reference: (\S+)/.exec(readFileSync(path.join(sample, files[3]), 'utf8'))![1];
      mkdirSync(path.join(sample, 'reviews'), { recursive: true });
      const review = path.join(sample, 'reviews', 'INSP-01.review.yaml');
      writeFileSync(
        review,
        `format: dipsample-review/1\nreviewer: { id: INSP-01, role: inspector }\nfiles:\n  ${reference}:\n    peel17-good-victim-care: { answer: good }\n`,
      );
      assert.deepEqual(await fromCache(), { audited: 1, fromCache: all - 1, workers: 0, onMainThread: 1 });
      assert.deepEqual(await fromCache(), { audited: 0, fromCache: all, workers: 0, onMainThread: 0 });

      // The options of the run (a reviewer) and the configuration: every file.
      assert.deepEqual(await fromCache('reviewer'), { audited: all, fromCache: 0, workers: 0, onMainThread: all });
      writeFileSync(
        path.join(sample, '.dipsample.yaml'),
        'packs: [core, peel-2017-file-review]\nrules:\n  peel17-cctv-considered: off\n',
      );
      assert.deepEqual(await fromCache(), { audited: all, fromCache: 0, workers: 0, onMainThread: all });
      const cached = await audit();
      const uncached = await runCliCapturing(['audit', '.', '-f', 'json'], sample);
      assert.ok(cached.stdout === uncached.stdout, 'the cached output is the uncached output');
    });

    it('knows a file by its size and time with --cache-strategy metadata, by its content otherwise', async () => {
      const file = path.join(
        sample,
        readdirNames(sample).find((name) => name.endsWith('.crime.yaml'))!,
      );
      // A time the file system keeps exactly, so the same time can be given back after the edit.
      const time = new Date('2026-01-01T00:00:00Z');
      utimesSync(file, time, time);
      await audit();
      // Same size, same time, other content: content notices, metadata (as ESLint's default) does not.
      const before = readFileSync(file, 'utf8');
      const at = before.indexOf('a', 100);
      writeFileSync(file, `${before.slice(0, at)}b${before.slice(at + 1)}`);
      utimesSync(file, time, time);
      const byMetadata = (strategy: 'content' | 'metadata') =>
        streamAudit(
          batchHost(),
          {
            inputs: [sample],
            cwd: sample,
            concurrency: 'off',
            cache: { file: cacheFile, tool: `dipsample ${version()}`, strategy },
          },
          { file: () => undefined },
        );
      assert.equal((await byMetadata('metadata')).stats.audited, 0);
      assert.equal((await byMetadata('content')).stats.audited, 1);
      assert.equal(statSync(file).size, Buffer.byteLength(before));
    });

    it('serves an unchanged file by its bytes, and never a file whose bytes are not UTF-8', async () => {
      const files = readdirNames(sample).filter((name) => /\.crime\.(ya?ml|json)$/.test(name));
      const broken = path.join(
        sample,
        files.find((name) => name.endsWith('.yaml'))!,
      );
      // A byte that is not UTF-8 inside a value: its text has U+FFFD, its bytes another hash.
      const bytes = readFileSync(broken);
      const at = bytes.indexOf('reference:') + 'reference: '.length;
      writeFileSync(broken, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]));
      const first = await audit();
      assert.match(first.stdout, /not valid UTF-8/);
      // Every other file comes from the cache; the broken one is read and audited again, the same.
      assert.deepEqual(await fromCache(), { audited: 1, fromCache: files.length - 1, workers: 0, onMainThread: 1 });
      const again = await audit();
      assert.ok(again.stdout === first.stdout, 'the same output from the cache');
    });

    it('never trusts a corrupt or foreign cache, and replaces it', async () => {
      const reference = await runCliCapturing(['audit', '.', '-f', 'json'], sample);
      for (const [text, reason] of [
        ['{"format": "someone-else/1"}\n{"file": "x"}\n', /not a dipsample cache/],
        ['not json at all', /not a dipsample cache/],
        [`{"format":"${AUDIT_CACHE_FORMAT}","tool":"dipsample 0.0.1"}\n`, /made by dipsample 0.0.1/],
      ] as const) {
        writeFileSync(cacheFile, text);
        const run = await audit();
        assert.equal(run.status, 0);
        assert.match(run.stderr, reason);
        assert.ok(run.stdout === reference.stdout);
        assert.match(readFileSync(cacheFile, 'utf8'), new RegExp(`^\\{"format":"${AUDIT_CACHE_FORMAT}"`));
      }
      // Damaged entries are entries it does not have: those files are audited again.
      const lines = readFileSync(cacheFile, 'utf8').split('\n');
      lines[1] = lines[1].slice(0, 40);
      lines[2] = lines[2].replace('"findings":[', '"findings":{"x":[').replace(/\]\}$/, ']}}');
      writeFileSync(cacheFile, lines.join('\n'));
      const cache = await AuditCache.open(cacheFile, `dipsample ${version()}`);
      assert.equal(cache.discarded, undefined);
      const run = await audit();
      assert.ok(run.stdout === reference.stdout);
      assert.equal((await fromCache()).audited, 0);
    });

    it('puts the cache where ESLint would: a folder holds .dipsample-cache, anything else is the file', () => {
      assert.equal(cacheFilePath(undefined, '/work'), path.join('/work', DEFAULT_CACHE_NAME));
      assert.equal(cacheFilePath('cache/', '/work'), path.join('/work', 'cache', DEFAULT_CACHE_NAME));
      assert.equal(cacheFilePath(temp, '/work'), path.join(temp, DEFAULT_CACHE_NAME));
      assert.equal(cacheFilePath('my.cache', '/work'), path.join('/work', 'my.cache'));
    });
  });

  it('shows no results on a configuration error found only at the end, on stdout or in -o', async () => {
    const sample = path.join(temp, 'unknown-reference');
    cpSync(path.join(SAMPLES, 'peel-2017-file-review'), sample, { recursive: true });
    mkdirSync(path.join(sample, 'reviews'), { recursive: true });
    writeFileSync(
      path.join(sample, 'reviews', 'INSP-01.review.yaml'),
      'format: dipsample-review/1\nreviewer: { id: INSP-01, role: inspector }\nfiles:\n  NO-SUCH-FILE:\n    peel17-good-victim-care: { answer: good }\n',
    );
    for (const format of ['json', 'text', 'sarif']) {
      const run = await runCliCapturing(['audit', '.', '-f', format], sample);
      assert.equal(run.status, 2, format);
      assert.equal(run.stdout, '', `${format}: results shown despite the error`);
      assert.match(run.stderr, /no crime file in this sample has the reference "NO-SUCH-FILE"/);
    }
    const written = await runCliCapturing(['audit', '.', '-o', 'out.json', '-f', 'json'], sample);
    assert.equal(written.status, 2);
    assert.ok(!readdirNames(sample).some((name) => name.includes('out.json')), 'no -o file, no temporary file left');
  });

  it('checks review references and the manifest only on a sample audited whole: not when files were ignored', async () => {
    const whole = await runCliCapturing(['audit', 'samples/training-basics', '-f', 'json'], REPO_ROOT);
    assert.equal(whole.status, 0, whole.stderr);
    const partial = await runCliCapturing(
      ['audit', 'samples/training-basics', '--ignore-pattern', 'TRAIN-0[1-5]*', '-f', 'json'],
      REPO_ROOT,
    );
    assert.equal(partial.status, 0, partial.stderr);
    assert.doesNotMatch(partial.stderr, /no crime file in this sample has the reference/);
    const report = JSON.parse(partial.stdout) as { files: Array<{ path: string }> };
    assert.deepEqual(
      report.files.map((file) => path.basename(file.path)),
      ['TRAIN-06.crime.yaml', 'TRAIN-07.crime.yaml', 'TRAIN-08.crime.yaml'],
    );
  });

  it('writes -o as files complete, whole and atomically', async () => {
    const folder = path.join(temp, 'generated');
    const direct = await runCliCapturing(['audit', '.', '-f', 'sarif'], folder);
    const written = await runCliCapturing(['audit', '.', '-f', 'sarif', '-o', path.join(temp, 'out.sarif')], folder);
    assert.equal(written.status, direct.status);
    assert.equal(written.stdout, '');
    assert.ok(readFileSync(path.join(temp, 'out.sarif'), 'utf8') === direct.stdout);
    assert.ok(!readdirNames(temp).some((name) => name.endsWith('.tmp')));
  });

  it('refuses a --concurrency that is not auto, off or a number of threads', async () => {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const run = await runCliCapturing(['audit', 'samples', '--concurrency', bad], REPO_ROOT);
      assert.equal(run.status, 2, bad);
      assert.match(run.stderr, /--concurrency.*must be auto, off, or a number of threads/);
    }
  });
});

function readdirNames(folder: string): string[] {
  return readdirSync(folder).sort();
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
