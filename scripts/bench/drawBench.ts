/**
 * The draw benchmark: a 1,000,000-row CSV frame (headers that are crime-file field paths) drawn by
 * a stratified plan with a quota, timed as a ratio to a bare csv-parse stream of the same file
 * (target ≤ 2×), and the peak RSS of a process that only draws (target < 200 MiB).
 *
 * The draw runs as users run it: compiled code on plain Node. The child is this file bundled by
 * esbuild as dist/cli.js is (a loader such as tsx would add ~110 MiB and its own time to both
 * sides). The timing child alternates bare parse and draw for `--rounds` rounds and takes the
 * medians of each one's CPU time (user + system: what a shared, loaded machine disturbs least; wall
 * clock is shown too); the RSS child starts fresh and draws once.
 *
 *   npx tsx scripts/bench/drawBench.ts [--rows 1000000] [--rounds 3] [--frame existing.csv] [--tsx]
 *   (also run by npm run bench; --tsx runs the children under tsx instead, for comparison)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import { Random } from '../../src/engine';
import { drawSample } from '../../src/node/drawSample';
import { median } from './measure';

export const TARGET_DRAW_RATIO = 2;
export const TARGET_DRAW_RSS_MIB = 200;

const CATEGORIES = [
  'burglary_dwelling',
  'burglary_other',
  'criminal_damage',
  'theft_from_vehicle',
  'assault_with_injury',
  'other',
];

export const PLAN = `format: dip-sample/1
name: bench
period: { from: "2013-11-01", to: "2013-11-30", basis: reported }
size: 100
selection:
  method: stratified_random
  seed: bench
  population: { classification.category: [burglary_dwelling, burglary_other, criminal_damage] }
  strata:
    - { description: burglary dwelling, filter: { classification.category: burglary_dwelling }, size: 40 }
    - { description: burglary other, filter: { classification.category: burglary_other }, size: 30 }
  constraints:
    - { description: at least 50 not attended, filter: { attendance.status: not_attended }, atLeast: 50 }
`;

export async function writeFrame(file: string, rows: number): Promise<void> {
  const random = Random.fromSeed('bench-frame');
  const out = createWriteStream(file);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((done) => out.once('drain', () => done()));
  await write('reference,classification.category,attendance.status,reported_at,recorded_at,domestic_abuse\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const day = String(1 + random.below(60)).padStart(2, '0');
    const month = Number(day) > 30 ? '12' : '11';
    const date = `2013-${month}-${month === '12' ? String(Number(day) - 30).padStart(2, '0') : day}T${String(random.below(24)).padStart(2, '0')}:${String(random.below(60)).padStart(2, '0')}:00`;
    chunk += `BM-${i},${CATEGORIES[random.below(CATEGORIES.length)]},${random.below(2) ? 'attended' : 'not_attended'},${date},${date},${random.below(10) === 0 ? 'yes' : 'no'}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((done) => out.end(() => done()));
}

/** Wall-clock and CPU (user + system) milliseconds of `action`: CPU time is what a shared machine disturbs least. */
async function timed<T>(action: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await action();
  const used = process.cpuUsage(cpu);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: (used.user + used.system) / 1000, result };
}

/** A bare csv-parse stream of the file: the floor any CSV draw stands on. */
async function bareParse(frame: string): Promise<number> {
  let rows = 0;
  for await (const record of createReadStream(frame).pipe(parse())) if (record) rows++;
  return rows;
}

async function drawOnce(frame: string, plan: string, out: string) {
  const outcome = await drawSample({
    frame,
    frameShown: 'frame.csv',
    plan,
    output: out,
    outputShown: out,
    tool: 'bench',
  });
  rmSync(out, { recursive: true, force: true });
  return { drawn: outcome.references.length, eligible: outcome.eligible };
}

/** In a child: `time` alternates bare parse and draw for `rounds` rounds; `rss` only draws. Prints JSON. */
async function child(mode: string, frame: string, plan: string, out: string, rounds: number): Promise<void> {
  if (mode === 'rss') {
    const baselineRssKiB = process.memoryUsage().rss / 1024;
    const draw = await drawOnce(frame, plan, out);
    console.log(JSON.stringify({ ...draw, maxRssKiB: process.resourceUsage().maxRSS, baselineRssKiB }));
    return;
  }
  const bare: Array<{ ms: number; cpuMs: number }> = [];
  const draws: Array<{ ms: number; cpuMs: number }> = [];
  let rows = 0;
  let last = { drawn: 0, eligible: 0 };
  for (let round = 0; round < rounds; round++) {
    const parsed = await timed(() => bareParse(frame));
    bare.push({ ms: parsed.ms, cpuMs: parsed.cpuMs });
    rows = parsed.result;
    const draw = await timed(() => drawOnce(frame, plan, out));
    draws.push({ ms: draw.ms, cpuMs: draw.cpuMs });
    last = draw.result;
  }
  console.log(JSON.stringify({ rows, bare, draws, ...last }));
}

/** This file bundled for plain Node (the options of esbuild.mjs's CLI build). */
async function bundleChild(directory: string): Promise<string> {
  const outfile = path.join(directory, 'drawBench.cjs');
  // Imported here, so the bundle (which leaves esbuild out) never loads it.
  const { build } = await import('esbuild');
  await build({
    entryPoints: [__filename],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: ['esbuild'],
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  return outfile;
}

function runChild<T>(command: string[], args: string[]): T {
  const run = spawnSync(process.execPath, [...command, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`draw bench child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}

export interface DrawBenchOptions {
  rows?: number;
  rounds?: number;
  /** An existing frame written by writeFrame (saves generating it again). */
  frame?: string;
  /** Run the children under tsx rather than bundled (the way this was first measured). */
  tsx?: boolean;
}

export async function drawBench(options: DrawBenchOptions | number = {}): Promise<string[]> {
  const {
    rows = 1_000_000,
    rounds = 3,
    tsx = false,
    frame: given,
  } = typeof options === 'number' ? { rows: options } : options;
  const directory = mkdtempSync(path.join(tmpdir(), 'dipsample-drawbench-'));
  try {
    const frame = given ?? path.join(directory, 'frame.csv');
    const plan = path.join(directory, 'plan.yaml');
    if (!given) await writeFrame(frame, rows);
    writeFileSync(plan, PLAN);
    const command = tsx ? ['--import', 'tsx', __filename] : [await bundleChild(directory)];
    const out = path.join(directory, 'sample');
    type Times = Array<{ ms: number; cpuMs: number }>;
    const rounded = runChild<{ rows: number; bare: Times; draws: Times; drawn: number; eligible: number }>(command, [
      '--child',
      'time',
      frame,
      plan,
      out,
      '--rounds',
      String(rounds),
    ]);
    const memory = runChild<{ maxRssKiB: number; baselineRssKiB: number }>(command, [
      '--child',
      'rss',
      frame,
      plan,
      out,
    ]);
    const wall = (times: Times) => times.map((t) => t.ms);
    const cpu = (times: Times) => times.map((t) => t.cpuMs);
    const wallRatio = median(wall(rounded.draws)) / median(wall(rounded.bare));
    const cpuRatio = median(cpu(rounded.draws)) / median(cpu(rounded.bare));
    const rss = memory.maxRssKiB / 1024;
    const list = (values: number[]) => values.map((ms) => ms.toFixed(0)).join(', ');
    const verdict = (ratio: number) => (ratio <= TARGET_DRAW_RATIO ? 'OK' : 'OVER TARGET');
    return [
      `draw: ${rounded.rows - 1} rows, ${rounded.eligible} eligible, ${rounded.drawn} drawn (one pass, stratified with a quota; ${tsx ? 'under tsx' : 'bundled, plain node'}; ${rounds} rounds, medians)`,
      `bare csv-parse stream:        ${median(wall(rounded.bare)).toFixed(0)} ms wall, ${median(cpu(rounded.bare)).toFixed(0)} ms CPU   rounds (wall): ${list(wall(rounded.bare))}`,
      `draw (read + write):          ${median(wall(rounded.draws)).toFixed(0)} ms wall, ${median(cpu(rounded.draws)).toFixed(0)} ms CPU   rounds (wall): ${list(wall(rounded.draws))}`,
      `draw / csv-parse ratio:       ${cpuRatio.toFixed(2)}× CPU time (target ≤ ${TARGET_DRAW_RATIO}×) ${verdict(cpuRatio)}; ${wallRatio.toFixed(2)}× wall clock`,
      `draw peak RSS (own process):  ${rss.toFixed(0)} MiB   (target < ${TARGET_DRAW_RSS_MIB} MiB) ${rss < TARGET_DRAW_RSS_MIB ? 'OK' : 'OVER TARGET'}`,
      `  of which loaded, before reading: ${(memory.baselineRssKiB / 1024).toFixed(0)} MiB: the draw adds ${(rss - memory.baselineRssKiB / 1024).toFixed(0)} MiB`,
    ];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values, positionals } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      rounds: { type: 'string', default: '3' },
      frame: { type: 'string' },
      tsx: { type: 'boolean' },
      child: { type: 'string' },
    },
    allowPositionals: true,
  });
  const run = values.child
    ? child(values.child, positionals[0], positionals[1], positionals[2], Number(values.rounds))
    : drawBench({
        rows: Number(values.rows),
        rounds: Number(values.rounds),
        tsx: values.tsx === true,
        ...(values.frame ? { frame: path.resolve(values.frame) } : {}),
      }).then((lines) => console.log(lines.join('\n')));
  run.catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
