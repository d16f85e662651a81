/**
 * The summary webview's part of the benchmark: how long a large sample's summary takes to appear
 * once its files are audited. Host side: tally, overview, file rows and the message's JSON (what
 * postMessage serialises). Webview side, in headless Chromium when it is installed: the real
 * bundled webview script receiving the init message until it reports "rendered" (layout included),
 * against a baseline measured in the same page — the same rows drawn as one plain, non-virtualised
 * table — so the ratio shows what virtualisation buys on this machine.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { median, time } from './measure';
import type { FileReport, RuleSet } from '../../src/engine';
import { fileRow, overviewOf, sampleInfo, SampleTally } from '../../src/report';

export const TARGET_SUMMARY_MS = 1000;

export interface SummaryBenchResult {
  lines: string[];
}

/** The message the panel sends when a summary opens (SummaryPanel.sendAll). */
function initMessage(folder: string, reports: readonly FileReport[], ruleSets: RuleSet[]) {
  const tally = new SampleTally(ruleSets);
  for (const report of reports) tally.set(report);
  const files = [];
  for (const report of tally.files()) if (report.findings.length > 0) files.push(fileRow(report, folder));
  return { type: 'init' as const, overview: overviewOf(sampleInfo(folder, undefined, ruleSets), tally), files };
}

// Page-side code, as source text: it runs in Chromium, outside this file's (Node) type world.

/** A stand-in for the webview host: acquireVsCodeApi() records what the page posts. */
const STUB_VSCODE_API = `
  window.__posted = [];
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });
`;

/**
 * Parses the init message's JSON (as postMessage's transfer does) and times it until the webview's
 * own "rendered" report (it forces layout first); then the baseline: the same finding rows as one
 * plain table, every row in the DOM, layout forced.
 */
const MEASURE_RENDER = `(json) => {
  const start = performance.now(); // from the JSON the host posts: parsing it is part of the cost
  const data = JSON.parse(json);
  window.dispatchEvent(new MessageEvent('message', { data }));
  const rendered = window.__posted.find((m) => m.type === 'rendered');
  const wall = performance.now() - start;
  const rows = document.querySelectorAll('#findings-grid .grid-body [role="row"]').length;
  // A live update: one file changed (the patch the host sends after an edit).
  const patchStart = performance.now();
  window.dispatchEvent(new MessageEvent('message', { data: { type: 'patch', overview: data.overview, upsert: data.files.slice(0, 1), remove: [] } }));
  const patchMs = performance.now() - patchStart;
  const baselineStart = performance.now();
  const table = document.createElement('table');
  for (const file of data.files) {
    for (const finding of file.findings) {
      const tr = table.insertRow();
      for (const value of [file.name, file.reference ?? '', finding.rule, finding.severity, String(finding.range.start.line + 1), finding.message]) tr.insertCell().textContent = value;
    }
  }
  document.body.appendChild(table);
  void document.body.offsetHeight;
  return { wall, reported: rendered ? rendered.ms : -1, rows, patchMs, baselineMs: performance.now() - baselineStart };
}`;

async function webviewBundle(): Promise<{ script: string; style: string }> {
  const root = path.join(__dirname, '..', '..');
  const result = await build({
    entryPoints: [
      path.join(root, 'webview', 'summary', 'main.ts'),
      path.join(root, 'webview', 'summary', 'summary.css'),
    ],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify: true,
    write: false,
    outdir: 'out',
  });
  const find = (ext: string) =>
    new TextDecoder().decode(result.outputFiles.find((f) => f.path.endsWith(ext))!.contents);
  return { script: find('.js'), style: find('.css') };
}

async function webviewTimes(
  message: unknown,
  rounds: number,
): Promise<{ render: number[]; baseline: number[]; patch: number[]; domRows: number; scriptKiB: number } | string> {
  const chromiumPath = process.env.DIPSAMPLE_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(chromiumPath))
    return `skipped: no Chromium at ${chromiumPath} (bash scripts/setup-vscode-host.sh installs it)`;
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return 'skipped: playwright-core is not installed';
  }
  const { script, style } = await webviewBundle();
  const payload = JSON.stringify(message);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const render: number[] = [];
    const baseline: number[] = [];
    const patch: number[] = [];
    let domRows = 0;
    for (let round = 0; round < rounds; round++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // A stand-in for the webview host: acquireVsCodeApi() records what the page posts.
      await page.setContent(
        `<!DOCTYPE html><html><head><style>${style}</style></head><body data-folder="/bench"><main id="app"></main></body></html>`,
      );
      await page.addScriptTag({ content: STUB_VSCODE_API });
      await page.addScriptTag({ content: script });
      // Time from the message arriving (parsed, as postMessage delivers it) to the webview's own "rendered" report.
      const measured = (await page.evaluate(`(${MEASURE_RENDER})(${JSON.stringify(payload)})`)) as {
        wall: number;
        reported: number;
        rows: number;
        patchMs: number;
        baselineMs: number;
      };
      if (measured.reported < 0) throw new Error('the webview never reported "rendered"');
      render.push(measured.wall);
      baseline.push(measured.baselineMs);
      patch.push(measured.patchMs);
      domRows = measured.rows;
      await page.close();
    }
    return { render, baseline, patch, domRows, scriptKiB: script.length / 1024 };
  } finally {
    await browser.close();
  }
}

export async function summaryBench(
  folder: string,
  reports: readonly FileReport[],
  ruleSets: RuleSet[],
  rounds: number,
): Promise<SummaryBenchResult> {
  // Warm up, then measure the host's share: tally + overview + rows, and the JSON postMessage makes of it.
  initMessage(folder, reports.slice(0, 500), ruleSets);
  const build: number[] = [];
  const serialise: number[] = [];
  let message = initMessage(folder, reports, ruleSets);
  for (let round = 0; round < rounds; round++) {
    build.push(time(() => (message = initMessage(folder, reports, ruleSets))));
    serialise.push(time(() => JSON.stringify(message)));
  }
  const bytes = JSON.stringify(message).length;
  const findingRows = message.files.reduce((n, file) => n + file.findings.length, 0);

  // One file edited: the incremental patch (replace in the tally, new overview, one row).
  const tally = new SampleTally(ruleSets);
  for (const report of reports) tally.set(report);
  const sample = sampleInfo(folder, undefined, ruleSets);
  const patch: number[] = [];
  for (let i = 0; i < 200; i++) {
    const report = reports[(i * 37) % reports.length];
    patch.push(
      time(() => {
        tally.set(report);
        JSON.stringify({
          type: 'patch',
          overview: overviewOf(sample, tally),
          upsert: [fileRow(report, folder)],
          remove: [],
        });
      }),
    );
  }

  const hostMs = median(build) + median(serialise);
  const lines = [
    `summary, host (median of ${rounds}): tally + overview + rows ${median(build).toFixed(0)} ms, JSON ${median(serialise).toFixed(0)} ms (${(bytes / 1024 / 1024).toFixed(1)} MiB, ${message.files.length} files with findings, ${findingRows} findings)`,
    `summary, one file edited (patch, median of 200): ${median(patch).toFixed(2)} ms`,
  ];
  const web = await webviewTimes(message, rounds);
  if (typeof web === 'string') {
    lines.push(`summary, webview render: ${web}`);
    lines.push(`summary, host share of the ${TARGET_SUMMARY_MS} ms target: ${hostMs.toFixed(0)} ms`);
  } else {
    const renderMs = median(web.render);
    const baselineMs = median(web.baseline);
    const total = hostMs + renderMs;
    lines.push(
      `summary, webview parse + render (median of ${rounds}, headless Chromium): ${renderMs.toFixed(0)} ms   rounds: ${web.render.map((t) => t.toFixed(0)).join(', ')} (the first in a cold browser); ${web.domRows} rows in the DOM of ${findingRows}`,
      `summary, webview patch after one file changed (median of ${rounds}): ${median(web.patch).toFixed(0)} ms`,
      `summary, baseline: same rows as one plain table ${baselineMs.toFixed(0)} ms → virtualised render / plain table ${(renderMs / baselineMs).toFixed(2)}×`,
      `summary, audit done → summary drawn: median ${total.toFixed(0)} ms, cold ${(hostMs + web.render[0]).toFixed(0)} ms (target < ${TARGET_SUMMARY_MS} ms) ${hostMs + Math.max(renderMs, web.render[0]) < TARGET_SUMMARY_MS ? 'OK' : 'OVER TARGET'}; webview script ${web.scriptKiB.toFixed(0)} KiB`,
    );
  }
  return { lines };
}
