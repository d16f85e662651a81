/**
 * Batch audits at scale (issue 17): `dipsample audit` as users run it, a child process per run,
 * against a baseline measured in the same run — one core reading every file and giving it to
 * `yaml`'s parseDocument (scripts/bench/bareParse.mjs). Each figure is the median wall-clock time of
 * several rounds, with peak RSS (GNU time) where the machine has it:
 *
 * - uncached, in worker threads (`--concurrency auto`) and on one core (`off`);
 * - re-audited unchanged with `--cache` (its output checked byte for byte against the uncached one);
 * - Spectral, the peer linter, with the four core checks as a ruleset (scripts/bench/spectral-ruleset.yaml),
 *   installed into .bench-cache/ on first use and skipped with a message if it cannot be;
 * - how peak RSS and time grow with the sample (`--scale`, e.g. 1000,10000,50000).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateSample, largeSampleSpec } from '../generator';
import { median } from './measure';

export const TARGET_VS_PARSE = 1.1;
export const TARGET_VS_SPECTRAL = 3;
export const TARGET_CACHED_VS_PARSE = 0.1;
export const TARGET_RSS_MIB = 150;

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SPECTRAL_FOLDER = path.join(ROOT, '.bench-cache', 'spectral');
const SPECTRAL = path.join(SPECTRAL_FOLDER, 'node_modules', '.bin', 'spectral');
const SPECTRAL_VERSION = '6.16.3';
const GNU_TIME = '/usr/bin/time';

interface Run {
  ms: number;
  rssMib?: number;
  stdout: string;
}

/** One child process: its wall-clock time, peak RSS (GNU time, when there) and stdout. */
function run(command: string, args: string[], cwd: string): Run {
  const timed = existsSync(GNU_TIME);
  const rssFile = path.join(tmpdir(), `dipsample-bench-rss-${process.pid}`);
  const start = process.hrtime.bigint();
  const result = timed
    ? spawnSync(GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args], { cwd, maxBuffer: 1 << 30, encoding: 'utf8' })
    : spawnSync(command, args, { cwd, maxBuffer: 1 << 30, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  const rssMib = timed ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined;
  return { ms, rssMib, stdout: result.stdout };
}

interface Measured {
  ms: number;
  /** Median of the rounds' peak RSS, and the largest. */
  rssMib?: number;
  rssMaxMib?: number;
  rounds: number[];
  last: Run;
}

function summarised(runs: Run[]): Measured {
  const rss = runs.flatMap((r) => (r.rssMib === undefined ? [] : [r.rssMib]));
  return {
    ms: median(runs.map((r) => r.ms)),
    rssMib: rss.length ? median(rss) : undefined,
    rssMaxMib: rss.length ? Math.max(...rss) : undefined,
    rounds: runs.map((r) => r.ms),
    last: runs[runs.length - 1],
  };
}

/**
 * Each measurement once per round, the measurements alternating within a round, so a spell of load
 * on the shared machine falls on all of them rather than on one.
 */
function alternating<Name extends string>(
  rounds: number,
  measurements: Record<Name, () => Run>,
): Record<Name, Measured> {
  const names = Object.keys(measurements) as Name[];
  const runs = new Map<Name, Run[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) for (const name of names) runs.get(name)!.push(measurements[name]());
  return Object.fromEntries(names.map((name) => [name, summarised(runs.get(name)!)])) as Record<Name, Measured>;
}

/** Spectral in .bench-cache/, installed from the npm registry on first use; undefined (and why) when it cannot be. */
function spectral(): { command?: string; why?: string } {
  if (existsSync(SPECTRAL)) return { command: SPECTRAL };
  mkdirSync(SPECTRAL_FOLDER, { recursive: true });
  try {
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        SPECTRAL_FOLDER,
        '--no-audit',
        '--no-fund',
        '--no-save',
        `@stoplight/spectral-cli@${SPECTRAL_VERSION}`,
      ],
      { stdio: 'ignore', timeout: 600_000 },
    );
  } catch (error) {
    return { why: `could not be installed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  return existsSync(SPECTRAL) ? { command: SPECTRAL } : { why: 'installed, but its command is missing' };
}

const mib = (value?: number) => (value === undefined ? 'n/a' : `${value.toFixed(0)} MiB`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const verdict = (ok: boolean) => (ok ? 'OK' : 'OVER TARGET');

/** Writes `count` generated crime files into a new folder. */
export function generatedFolder(count: number): string {
  const folder = mkdtempSync(path.join(tmpdir(), `dipsample-batch-${count}-`));
  for (const file of generateSample(largeSampleSpec({ count, seed: 'bench' })).files)
    writeFileSync(path.join(folder, file.name), file.text);
  return folder;
}

/**
 * `spectralRounds` is separate: the peer takes minutes a round, and a ratio of 3× or more does not
 * need the rounds that a ratio near 1× does.
 */
export function batchBench(folder: string, rounds: number, scale: number[], spectralRounds = 1): string[] {
  if (!existsSync(CLI)) execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
  const node = process.execPath;
  const audit = (...flags: string[]) => run(node, [CLI, 'audit', '.', '-f', 'json', ...flags], folder);

  const cacheFile = path.join(folder, '..', `${path.basename(folder)}.dipsample-cache`);
  rmSync(cacheFile, { force: true });
  const { parse, pooled, oneCore } = alternating(rounds, {
    parse: () => run(node, [path.join(__dirname, 'bareParse.mjs'), folder], ROOT),
    pooled: () => audit('--concurrency', 'auto'),
    oneCore: () => audit('--concurrency', 'off'),
  });
  const cold = audit('--cache-location', cacheFile);
  const { cached, cachedMetadata } = alternating(rounds, {
    cached: () => audit('--cache-location', cacheFile),
    cachedMetadata: () => audit('--cache-location', cacheFile, '--cache-strategy', 'metadata'),
  });
  const identical =
    pooled.last.stdout === oneCore.last.stdout &&
    cold.stdout === oneCore.last.stdout &&
    cached.last.stdout === oneCore.last.stdout &&
    cachedMetadata.last.stdout === oneCore.last.stdout;
  rmSync(cacheFile, { force: true });

  const ratio = (a: number) => (a / parse.ms).toFixed(2);
  const lines = [
    `batch audit (${path.basename(folder)}), median of ${rounds} child processes each:`,
    `  bare parse, one core:        ${secs(parse.ms)}, ${mib(parse.rssMib)}   rounds: ${parse.rounds.map(secs).join(', ')}`,
    `  audit, worker threads:       ${secs(pooled.ms)}, ${mib(pooled.rssMib)} = ${ratio(pooled.ms)}× the parse (target ≤ ${TARGET_VS_PARSE}×) ${verdict(pooled.ms / parse.ms <= TARGET_VS_PARSE)}   rounds: ${pooled.rounds.map(secs).join(', ')}`,
    `  audit, one core:             ${secs(oneCore.ms)}, ${mib(oneCore.rssMib)} = ${ratio(oneCore.ms)}× the parse   rounds: ${oneCore.rounds.map(secs).join(', ')}`,
    `  re-audit with --cache:       ${secs(cached.ms)} = ${ratio(cached.ms)}× the parse (target ≤ ${TARGET_CACHED_VS_PARSE}×) ${verdict(cached.ms / parse.ms <= TARGET_CACHED_VS_PARSE)}; with --cache-strategy metadata ${secs(cachedMetadata.ms)} = ${ratio(cachedMetadata.ms)}×`,
    `  outputs identical (workers, one core, cold and warm cache): ${identical ? 'yes' : 'NO'}`,
    `  peak RSS, audit --format json (median of rounds; largest): ${mib(pooled.rssMib)} (${mib(pooled.rssMaxMib)}) with workers, ${mib(oneCore.rssMib)} (${mib(oneCore.rssMaxMib)}) on one core, the bare parse ${mib(parse.rssMib)} (target ≤ ${TARGET_RSS_MIB} MiB) ${verdict((pooled.rssMib ?? 0) <= TARGET_RSS_MIB)}`,
  ];
  const peer = spectral();
  if (peer.command) {
    const ruleset = path.join(__dirname, 'spectral-ruleset.yaml');
    const spectralRun = summarised(
      Array.from({ length: spectralRounds }, () =>
        run(
          peer.command!,
          [
            'lint',
            '*.crime.*',
            '--ruleset',
            ruleset,
            '-f',
            'json',
            '-q',
            '--fail-severity',
            'error',
            '-o',
            path.join(tmpdir(), 'dipsample-bench-spectral.json'),
          ],
          folder,
        ),
      ),
    );
    const faster = spectralRun.ms / pooled.ms;
    lines.push(
      `  Spectral ${SPECTRAL_VERSION} (4 rules, ${spectralRounds} round${spectralRounds === 1 ? '' : 's'}): ${secs(spectralRun.ms)}, ${mib(spectralRun.rssMib)}: dipsample is ${faster.toFixed(2)}× faster with workers, ${(spectralRun.ms / oneCore.ms).toFixed(2)}× on one core (target ≥ ${TARGET_VS_SPECTRAL}×) ${verdict(faster >= TARGET_VS_SPECTRAL)}`,
    );
  } else {
    lines.push(`  Spectral: skipped, ${peer.why}`);
  }

  if (scale.length > 0) {
    lines.push('  growth (one round each): files, workers time and RSS, one-core time and RSS, bare parse');
    for (const count of scale) {
      const sized = generatedFolder(count);
      const sizedAudit = (concurrency: string) =>
        run(node, [CLI, 'audit', '.', '-f', 'json', '--concurrency', concurrency], sized);
      const withWorkers = sizedAudit('auto');
      const withoutWorkers = sizedAudit('off');
      const bare = run(node, [path.join(__dirname, 'bareParse.mjs'), sized], ROOT);
      lines.push(
        `    ${String(count).padStart(6)}  ${secs(withWorkers.ms).padStart(9)} ${mib(withWorkers.rssMib).padStart(8)}  ${secs(withoutWorkers.ms).padStart(9)} ${mib(withoutWorkers.rssMib).padStart(8)}  ${secs(bare.ms).padStart(9)}`,
      );
      rmSync(sized, { recursive: true, force: true });
    }
  }
  return lines;
}
