/**
 * Benchmark: audits a generated 10,000-file sample and prints the audit time as a ratio to bare
 * `yaml` parsing of the same texts in the same run (target ≤ 1.5×), files per second and peak RSS;
 * then how long that sample's summary webview takes to appear (target < 1 s; scripts/bench/summaryBench.ts).
 * Machines here are shared and noisy, so each measurement is the median of several rounds.
 *
 * Then the batch audit as users run it (scripts/bench/batchBench.ts: worker threads, --cache and
 * Spectral, each as a ratio to a bare parse measured in the same run, peak RSS, growth with size).
 * Last, a 1,000,000-row draw (scripts/bench/drawBench.ts: ratio to a bare csv-parse stream, peak RSS).
 *
 *   npm run bench [-- --count 10000 --rounds 5 --draw-rows 1000000 --scale 1000,10000,50000 --spectral-rounds 1]
 *   npm run bench -- --only batch | --only editor      (one part alone)
 */
import '../test/unit/vscodeStub/register';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { Auditor, auditText } from '../src/engine';
import { generateSample, largeSampleSpec } from './generator';
import { nodeHost } from '../src/node/nodeHost';
import { runAudit } from '../src/cli/runAudit';
import { toDiagnostic } from '../src/vscode/toDiagnostic';
import * as vscodeStub from '../test/unit/vscodeStub/vscode';
import { median, time } from './bench/measure';
import { summaryBench } from './bench/summaryBench';
import { drawBench } from './bench/drawBench';
import { batchBench, generatedFolder } from './bench/batchBench';

const TARGET_RATIO = 1.5;
const TARGET_EDIT_P95_MS = 5;
const EDITS = 1000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Re-audit latency in the editor: one typical file edited many times, each edit audited and its
 * findings converted to diagnostics (the work between a keystroke's debounce and the Problems panel).
 */
function editLatency(texts: Array<{ name: string; text: string }>, ruleSet: Parameters<typeof auditText>[2]) {
  const yamlFiles = texts.filter((t) => t.name.endsWith('.yaml')).sort((a, b) => a.text.length - b.text.length);
  const typical = yamlFiles[yamlFiles.length >> 1];
  const extensionUri = vscodeStub.Uri.file('/extension') as never;
  const rules = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
  const marker = typical.text.lastIndexOf('text: ');
  const durations: number[] = [];
  const parseOnly: number[] = [];
  for (let edit = 0; edit < EDITS; edit++) {
    // Type one more character into the last log entry's text, as a reviewer would.
    const text = `${typical.text.slice(0, marker + 6)}${'x'.repeat(edit % 40)}${typical.text.slice(marker + 6)}`;
    durations.push(
      time(() => {
        const report = auditText(text, typical.name, ruleSet);
        report.findings.map((finding) => toDiagnostic(finding, rules.get(finding.rule), extensionUri, {}));
      }),
    );
    parseOnly.push(time(() => parseYaml(text)));
  }
  return {
    file: path.basename(typical.name),
    bytes: typical.text.length,
    p50: percentile(durations, 50),
    p95: percentile(durations, 95),
    max: Math.max(...durations),
    parseP50: percentile(parseOnly, 50),
    parseP95: percentile(parseOnly, 95),
  };
}

/** Size of the production extension bundle, built in memory. */
async function extensionBundleSize(): Promise<number> {
  const result = await build({
    entryPoints: [path.join(__dirname, '..', 'src', 'vscode', 'extension.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    minify: true,
    write: false,
  });
  return result.outputFiles[0].contents.byteLength;
}

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '5' },
      'draw-rows': { type: 'string', default: '1000000' },
      scale: { type: 'string', default: '1000,10000' },
      only: { type: 'string' },
      'spectral-rounds': { type: 'string', default: '1' },
    },
  });
  const count = Number(values.count);
  const rounds = Number(values.rounds);

  const scale = values.scale
    ? values.scale
        .split(',')
        .map(Number)
        .filter((n) => n > 0)
    : [];
  if (values.only === 'batch') {
    const folder = generatedFolder(count);
    console.log(batchBench(folder, rounds, scale, Number(values['spectral-rounds'])).join('\n'));
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  let started = Date.now();
  const { files } = generateSample(largeSampleSpec({ count, seed: 'bench' }));
  const directory = mkdtempSync(path.join(tmpdir(), 'dipsample-bench-'));
  for (const file of files) writeFileSync(path.join(directory, file.name), file.text);
  console.log(`generated ${files.length} files in ${Date.now() - started} ms → ${directory}`);

  const host = nodeHost();
  const ruleSet = await new Auditor(host).ruleSetFor(path.join(directory, files[0].name));
  const texts = files.map((file) => ({ name: path.join(directory, file.name), text: file.text }));

  // Warm up both paths (JIT, ajv compilation) before measuring.
  for (const { name, text } of texts.slice(0, 500)) {
    parseYaml(text);
    auditText(text, name, ruleSet);
  }

  const parseTimes: number[] = [];
  const auditTimes: number[] = [];
  let findings = 0;
  for (let round = 0; round < rounds; round++) {
    parseTimes.push(time(() => texts.forEach(({ text }) => parseYaml(text))));
    auditTimes.push(
      time(() => {
        findings = 0;
        for (const { name, text } of texts) findings += auditText(text, name, ruleSet).findings.length;
      }),
    );
  }
  const parseMedian = median(parseTimes);
  const auditMedian = median(auditTimes);
  const ratio = auditMedian / parseMedian;

  started = Date.now();
  const outcome = await runAudit(
    host,
    { inputs: [directory], cwd: directory },
    { name: 'dipsample', version: 'bench' },
  );
  const endToEnd = Date.now() - started;

  const latency = editLatency(texts, ruleSet);
  const reports = outcome.run.files.map((file) => ({ ...file, path: path.resolve(directory, file.path) }));
  const summary = await summaryBench(directory, reports, [ruleSet], rounds);
  const bundleBytes = await extensionBundleSize();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const report = [
    `files:                        ${count}`,
    `findings:                     ${findings}`,
    `bare yaml parse (median):     ${parseMedian.toFixed(0)} ms   rounds: ${parseTimes.map((t) => t.toFixed(0)).join(', ')}`,
    `audit in memory (median):     ${auditMedian.toFixed(0)} ms   rounds: ${auditTimes.map((t) => t.toFixed(0)).join(', ')}`,
    `audit / parse ratio:          ${ratio.toFixed(2)}×   (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER TARGET'}`,
    `audit throughput:             ${Math.round((count / auditMedian) * 1000)} files/s in memory`,
    `CLI path (read+audit+summary): ${endToEnd} ms, ${Math.round((outcome.run.files.length / endToEnd) * 1000)} files/s`,
    `peak RSS:                     ${peakRssMb.toFixed(0)} MiB`,
    `editor re-audit (${EDITS} edits of ${latency.file}, ${latency.bytes} bytes, audit + diagnostics):`,
    `                              p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms (target ≤ ${TARGET_EDIT_P95_MS} ms) ${latency.p95 <= TARGET_EDIT_P95_MS ? 'OK' : 'OVER TARGET'}, max ${latency.max.toFixed(1)} ms`,
    `                              of which bare yaml parse of the same text: p50 ${latency.parseP50.toFixed(2)} ms, p95 ${latency.parseP95.toFixed(2)} ms`,
    `dist/extension.js (production): ${(bundleBytes / 1024).toFixed(0)} KiB`,
    ...summary.lines,
    // `--only editor`: the in-memory and editor figures alone, without the batch and draw runs.
    ...(values.only === 'editor' ? [] : batchBench(directory, rounds, scale, Number(values['spectral-rounds']))),
    ...(values.only === 'editor' ? [] : await drawBench(Number(values['draw-rows']))),
  ];
  console.log(report.join('\n'));
  rmSync(directory, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
