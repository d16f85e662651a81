#!/usr/bin/env node
// Runs a mocha suite from test/host/ INSIDE a real VS Code extension host, offline: code-server
// (VS Code server + web workbench, installed by scripts/setup-vscode-host.sh) serves the workbench
// on 127.0.0.1, Debian's headless Chromium opens it through playwright-core, and the workbench
// starts the remote Node extension host with this extension (development path, or an installed
// .vsix) and the suite's test entry. See docs/testing.md.
//
//   node scripts/run-vscode-tests.mjs [--suite suite|reload|smoke|sanity] [--grep PATTERN] [--keep] [--no-build]
//
// The last line printed is always `N passed, N failed, N skipped`. Exit status: 0 only when the
// runner reported at least one pass and no failure; 1 test failures; 2 missing prerequisites;
// 3 code-server failed; 4 run timed out (hung); 5 host said 0 but no passing run was reported;
// 6 the .vsix could not be installed; 130/143 interrupted.
//
// Env:
//   INSTALL_VSIX=file.vsix           install this package into the run's empty extensions folder and
//                                    test it instead of the development path (default suite: smoke)
//   DIPSAMPLE_HOST_SUITE             suite folder under test/host (default: suite; smoke with INSTALL_VSIX)
//   DIPSAMPLE_GREP                   only tests whose full title matches (same as --grep)
//   DIPSAMPLE_FORCE_FAIL=1           enables the deliberately failing test (proves failures propagate)
//   DIPSAMPLE_TEST_TIMEOUT_MS        whole-run timeout (default 600000); a hung run exits 4
//   DIPSAMPLE_KEEP_RUN=1             keep the run folder (.vscode-test/run-*) also when the run passed
//   DIPSAMPLE_TEST_WORKSPACE         folder to copy and open instead of test/host/workspace
//   DIPSAMPLE_CODE_SERVER_ENTRY      code-server's out/node/entry.js (default: .vscode-host/...)
//   DIPSAMPLE_CHROMIUM               browser binary (default /usr/bin/chromium)
//   DIPSAMPLE_SHOW_SERVER_LOG=1      echo code-server's output; DIPSAMPLE_SHOW_CONSOLE=1 the page console
//   DIPSAMPLE_DUMP_LOGS=1            print the workbench's log files at the end
//   DIPSAMPLE_VERBOSE=1              also echo the workbench's start-up chatter (always in harness.log)
//
// Failed runs keep their evidence in test-artifacts/<run>/: harness.log, code-server.log,
// workbench + extension-host logs, results.json, final.png and a screenshot per failed test.
// Screenshots a test asks to keep (the summary in light and dark themes) go to
// test-artifacts/screenshots/ on every run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

const { values: args } = parseArgs({
  options: {
    suite: { type: 'string' },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  const lines = fs
    .readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n')
    .slice(1);
  console.log(
    lines
      .slice(
        0,
        lines.findIndex((l) => !l.startsWith('//')),
      )
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n'),
  );
  process.exit(0);
}

const vsix = env.INSTALL_VSIX ? path.resolve(env.INSTALL_VSIX) : undefined;
const suite = args.suite || env.DIPSAMPLE_HOST_SUITE || (vsix ? 'smoke' : 'suite');
const grep = args.grep || env.DIPSAMPLE_GREP || '';
const keep = args.keep || !!env.DIPSAMPLE_KEEP_RUN;
const entry = path.resolve(
  env.DIPSAMPLE_CODE_SERVER_ENTRY || path.join(repo, '.vscode-host/node_modules/code-server/out/node/entry.js'),
);
const chromiumPath = env.DIPSAMPLE_CHROMIUM || '/usr/bin/chromium';
const timeoutMs = Number(env.DIPSAMPLE_TEST_TIMEOUT_MS || 600000);
const testsEntry = path.join(repo, 'dist/test/host', suite, 'index.js');
const workspaceSource = path.resolve(env.DIPSAMPLE_TEST_WORKSPACE || path.join(repo, 'test/host/workspace'));

// --- run folder (gitignored): profile, extensions, logs, the workspace copy the tests open
const runsRoot = path.join(repo, '.vscode-test');
fs.mkdirSync(runsRoot, { recursive: true });
const tmp = fs.mkdtempSync(path.join(runsRoot, `run-${suite}-`));
const runName = path.basename(tmp);
const harnessLog = fs.createWriteStream(path.join(tmp, 'harness.log'));
const out = (line) => {
  console.log(line);
  harnessLog.write(line + '\n');
};
const log = (...a) => out(`[harness ${since()}] ${format(...a)}`);

function summaryLine(s) {
  return `${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`;
}
function bail(code, why) {
  // before anything was started
  out(`[harness ${since()}] ${why}`);
  out(summaryLine({ passes: 0, failures: 1, pending: 0 }));
  harnessLog.end();
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}

// --- prerequisites
if (!args['no-build']) {
  const r = spawnSync(process.execPath, [path.join(repo, 'scripts/build-host-tests.mjs')], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (r.status !== 0) bail(2, `building the host tests failed:\n${r.stdout}${r.stderr}`);
}
if (!fs.existsSync(entry))
  bail(2, `missing code-server: ${entry}\n  run scripts/setup-vscode-host.sh first (docs/testing.md)`);
if (!fs.existsSync(chromiumPath))
  bail(2, `missing browser: ${chromiumPath}\n  run scripts/setup-vscode-host.sh first (docs/testing.md)`);
if (!fs.existsSync(testsEntry)) {
  const suites = fs.existsSync(path.join(repo, 'dist/test/host'))
    ? fs
        .readdirSync(path.join(repo, 'dist/test/host'))
        .filter((d) => fs.existsSync(path.join(repo, 'dist/test/host', d, 'index.js')))
    : [];
  bail(2, `no such suite "${suite}" (${testsEntry}); suites: ${suites.join(', ') || 'none built'}`);
}
if (vsix && !fs.existsSync(vsix)) bail(2, `INSTALL_VSIX: no such file ${vsix}`);
if (!vsix && !fs.existsSync(path.join(repo, 'dist/extension.js')))
  bail(2, 'missing dist/extension.js: run `npm run build` first');
if (!fs.existsSync(workspaceSource)) bail(2, `missing test workspace ${workspaceSource}`);
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  bail(2, `playwright-core is not installed (npm ci): ${e.message}`);
}

const dirs = {
  userData: path.join(tmp, 'user-data'),
  extensions: path.join(tmp, 'extensions'),
  bridge: path.join(tmp, 'bridge'),
  artifacts: path.join(tmp, 'artifacts'),
  xdgData: path.join(tmp, 'xdg-data'), // code-server writes coder-logs/ + heartbeat here
  xdgConfig: path.join(tmp, 'xdg-config'), // ... and would write a default config.yaml here
  xdgCache: path.join(tmp, 'xdg-cache'),
};
Object.values(dirs).forEach((d) => fs.mkdirSync(d, { recursive: true }));
// The tests may edit and create files: they get a fresh copy of the workspace on every run.
const workspace = path.join(tmp, 'workspace');
fs.cpSync(workspaceSource, workspace, { recursive: true });
// ... and a bundled sample as shipped, so the host is checked against the CLI on real sample files.
if (!env.DIPSAMPLE_TEST_WORKSPACE) {
  fs.cpSync(path.join(repo, 'samples', 'training-basics'), path.join(workspace, 'bundled', 'training-basics'), {
    recursive: true,
  });
}
fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
fs.writeFileSync(
  path.join(dirs.userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'workbench.enableExperiments': false,
      'workbench.tips.enabled': false,
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      'git.autoRepositoryDetection': false,
      'files.autoSave': 'off',
    },
    null,
    2,
  ),
);
const configFile = path.join(tmp, 'code-server.yaml');
fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
const resultsFile = path.join(tmp, 'results.json');
// code-server ignores --user-data-dir for its own logs: keep them (and its config) out of $HOME
const serverEnv = {
  ...env,
  XDG_DATA_HOME: dirs.xdgData,
  XDG_CONFIG_HOME: dirs.xdgConfig,
  XDG_CACHE_HOME: dirs.xdgCache,
};

log(
  `suite ${suite}${grep ? ` (grep ${JSON.stringify(grep)})` : ''}, ${vsix ? `installed ${path.basename(vsix)}` : 'development path'}, run folder ${path.relative(repo, tmp)}`,
);

let server,
  browser,
  page,
  finished = false;
function killServer(signal) {
  if (server && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, signal);
    } catch {
      /* gone */
    }
  }
}
process.on('exit', () => killServer('SIGKILL')); // never leave the process group behind

// Loads of the window: a suite may reload it (the reload suite); each load's counts add up.
let load = 1;
const earlierLoads = { passes: 0, failures: 0, pending: 0 };

async function finish(code, why) {
  if (finished) return;
  finished = true;
  log(why, '-> exit', code);
  let summary;
  try {
    summary = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    /* the runner never reported */
  }
  if (summary) for (const k of Object.keys(earlierLoads)) summary[k] = (summary[k] ?? 0) + earlierLoads[k];
  // never report success unless the mocha runner itself reported > 0 passes and 0 failures
  if (code === 0 && !(summary && summary.failures === 0 && summary.passes > 0)) {
    log('the host exited 0 but the runner reported no passing run: exit 5');
    code = 5;
  }
  if (code !== 0 && page) {
    try {
      await page.screenshot({ path: path.join(dirs.artifacts, 'final.png'), timeout: 5000 });
    } catch {
      /* page gone */
    }
  }
  try {
    if (browser) await browser.close();
  } catch {
    /* ignore */
  }
  killServer('SIGTERM');
  if (server) {
    await Promise.race([
      new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r() : server.once('exit', r))),
      new Promise((r) => setTimeout(r, 2000)),
    ]);
  }
  killServer('SIGKILL'); // the extension host and anything it started share the group
  if (code !== 0) {
    try {
      const lines = fs.readFileSync(path.join(tmp, 'code-server.log'), 'utf8').trimEnd().split('\n');
      out('--- code-server.log (last 30 lines)\n' + lines.slice(-30).join('\n'));
    } catch {
      /* none */
    }
  }
  const counts = summary ?? { passes: 0, failures: 1, pending: 0 }; // no report counts as a failure
  if (code !== 0) {
    const dest = path.join(repo, 'test-artifacts', runName);
    fs.mkdirSync(dest, { recursive: true });
    fs.cpSync(dirs.artifacts, dest, { recursive: true });
    for (const f of ['code-server.log', 'results.json']) {
      if (fs.existsSync(path.join(tmp, f))) fs.copyFileSync(path.join(tmp, f), path.join(dest, f));
    }
    for (const [from, to] of [
      [path.join(dirs.userData, 'logs'), 'user-data-logs'],
      [path.join(dirs.xdgData, 'code-server'), 'code-server-data'],
    ]) {
      try {
        fs.cpSync(from, path.join(dest, to), { recursive: true });
      } catch {
        /* none */
      }
    }
    log(`artifacts: ${path.relative(repo, dest)}`);
    harnessLog.write(summaryLine(counts) + '\n');
    await new Promise((r) => harnessLog.end(r));
    fs.copyFileSync(path.join(tmp, 'harness.log'), path.join(dest, 'harness.log'));
  } else {
    await new Promise((r) => harnessLog.end(r));
  }
  if (keep) console.log(`[harness ${since()}] kept ${path.relative(repo, tmp)}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  console.log(summaryLine(counts)); // always the last line
  process.exit(code);
}
process.on('SIGINT', () => finish(130, 'SIGINT'));
process.on('SIGTERM', () => finish(143, 'SIGTERM'));
const timer = setTimeout(() => finish(4, `timed out after ${timeoutMs} ms (hung run)`), timeoutMs);

// --- optional: install the packaged extension into this run's (empty) extensions folder
if (vsix) {
  const r = spawnSync(
    process.execPath,
    [
      entry,
      '--config',
      configFile,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
      '--install-extension',
      vsix,
    ],
    { encoding: 'utf8', env: serverEnv, timeout: 60000 },
  );
  log('install-extension:', `${r.stdout}${r.stderr}`.trim().split('\n').pop());
  if (r.status !== 0) await finish(6, `could not install ${vsix}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
const port = await freePort();
const serverLog = fs.createWriteStream(path.join(tmp, 'code-server.log'));
server = spawn(
  process.execPath,
  [
    entry,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    workspace,
  ],
  {
    detached: true, // its own process group: finish() kills the extension host with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...serverEnv,
      // the remote extension host inherits the server's environment:
      DIPSAMPLE_BRIDGE_DIR: dirs.bridge,
      DIPSAMPLE_RESULTS_FILE: resultsFile,
      DIPSAMPLE_ARTIFACTS_DIR: dirs.artifacts,
      DIPSAMPLE_REPO: repo,
      DIPSAMPLE_TEST_MODE: vsix ? 'installed' : 'development',
      DIPSAMPLE_EXTENSIONS_DIR: dirs.extensions,
      DIPSAMPLE_GREP: grep,
      // no extension gallery: otherwise the workbench queries open-vsx.org (fails, harmlessly, offline)
      EXTENSIONS_GALLERY: env.EXTENSIONS_GALLERY ?? '{}',
    },
  },
);
for (const s of [server.stdout, server.stderr]) {
  s.pipe(serverLog, { end: false });
  if (env.DIPSAMPLE_SHOW_SERVER_LOG) s.on('data', (d) => process.stdout.write(`[code-server] ${d}`));
}
server.on('exit', (code, sig) => {
  if (!finished) finish(3, `code-server exited early (${code ?? sig})`);
});

const base = `http://127.0.0.1:${port}`;
for (;;) {
  try {
    const r = await fetch(`${base}/healthz`);
    if (r.ok) break;
  } catch {
    /* not yet */
  }
  if (Date.now() - t0 > 60000) await finish(3, 'code-server did not start within 60 s');
  await new Promise((r) => setTimeout(r, 200));
}
log(`code-server up on ${base}`);

// The web workbench takes the development extension and the tests module from the URL payload;
// the vscode-remote:// authority makes the server's extension host load them.
const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
// The workbench only runs extensionTestsPath together with an extensionDevelopmentPath. With
// INSTALL_VSIX that is an empty stub extension, so the installed package is the one under test.
let devPath = repo;
if (vsix) {
  devPath = path.join(tmp, 'test-runner-extension');
  fs.mkdirSync(devPath, { recursive: true });
  fs.writeFileSync(
    path.join(devPath, 'package.json'),
    JSON.stringify(
      {
        name: 'dipsample-host-test-runner',
        publisher: 'dipsample-tests',
        version: '0.0.0',
        description:
          'Stub development extension: lets the workbench run the host tests against the installed dipsample.',
        engines: { vscode: '*' },
      },
      null,
      2,
    ),
  );
}
const payload = [
  ['extensionDevelopmentPath', remote(devPath)],
  ['extensionTestsPath', remote(testsEntry)],
];
const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  // crashpad writes under $XDG_CONFIG_HOME/chromium: keep that in the run folder as well
  env: { ...env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_CACHE_HOME: dirs.xdgCache },
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
page = await context.newPage();

// The workbench calls these when it runs extension tests (vs/platform/log/browser/log.ts,
// vs/workbench/services/extensions/browser/extensionService.ts).
// Workbench chatter that says nothing about the tests: kept in harness.log, not echoed.
const noise =
  /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|Resolv(ing|ed) connection token|Creating a socket|\[Service Worker\]|ChatSessionStore:)/;
await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
  const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs])).replace(/\x1b\[[0-9;]*m/g, '');
  const line = `[vscode ${since()} ${type}] ${text}`;
  if (env.DIPSAMPLE_VERBOSE || !noise.test(text)) out(line);
  else harnessLog.write(line + '\n');
});
let resolveExit;
const exited = new Promise((resolve) => {
  resolveExit = resolve;
});
await page.exposeFunction('codeAutomationExit', (code, logs) => {
  // logs = the workbench's own log files (window, exthost, ...) as { relativePath, contents }
  for (const l of logs || []) {
    try {
      const f = path.join(
        dirs.artifacts,
        'workbench-logs',
        path.normalize(l.relativePath).replace(/^(\.\.[/\\])+/, ''),
      );
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, l.contents);
      if (env.DIPSAMPLE_DUMP_LOGS) out(`--- ${l.relativePath}\n${l.contents}`);
    } catch {
      /* ignore */
    }
  }
  resolveExit(code);
});
page.on('pageerror', (e) => log('pageerror:', e.message));
if (env.DIPSAMPLE_SHOW_CONSOLE) page.on('console', (m) => log(`[console.${m.type()}]`, m.text().slice(0, 500)));

// --- bridge: tests in the extension host ask for browser-side work through files (test/host/bridge.ts)
async function waitForText({ selector = 'body', contains, timeoutMs: ms = 15000 }) {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    try {
      last = await page.locator(selector).first().innerText({ timeout: 1000 });
      if (!contains || last.includes(contains)) return last;
    } catch {
      /* not there yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `no ${selector} containing ${JSON.stringify(contains)}; last text: ${JSON.stringify(last.slice(0, 300))}`,
  );
}
// Webviews live in nested iframes (workbench → webview host → #active-frame). A summary's frame is
// found by the sample name its page shows, so tests never depend on the workbench's frame layout.
const dialogs = [];
page.on('dialog', (dialog) => {
  dialogs.push({ type: dialog.type(), message: dialog.message() });
  void dialog.dismiss().catch(() => {});
});
async function summaryFrame(sample, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        // A frame still loading has no execution context yet and would hold $eval: bound each probe.
        const name = await Promise.race([
          frame.$eval('#sample-name', (e) => e.textContent),
          new Promise((_, reject) => setTimeout(() => reject(new Error('busy')), 500)),
        ]);
        if (!sample || name === sample) return frame;
      } catch {
        /* not a summary, not drawn yet, or busy */
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no summary webview showing sample ${JSON.stringify(sample)}`);
}
async function webviewOp({
  sample,
  action,
  selector = 'body',
  contains,
  equals,
  name,
  keys = [],
  timeoutMs: ms = 25000,
}) {
  const deadline = Date.now() + ms;
  const frame = await summaryFrame(sample, ms);
  const target = frame.locator(selector).first();
  switch (action) {
    case 'text': {
      // waits until the element's text contains `contains` (or is exactly `equals`)
      let last = '';
      while (Date.now() < deadline) {
        try {
          last = await target.innerText({ timeout: 1000 });
          if (equals !== undefined ? last.trim() === equals : !contains || last.includes(contains)) return last;
        } catch {
          /* not there yet */
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(
        `no ${selector} ${equals !== undefined ? 'reading' : 'containing'} ${JSON.stringify(equals ?? contains)} in the summary; last text: ${JSON.stringify(last.slice(0, 300))}`,
      );
    }
    case 'attribute': {
      // waits until attribute `name` contains `contains`
      let last = null;
      while (Date.now() < deadline) {
        last = await target.getAttribute(name, { timeout: 1000 }).catch(() => null);
        if (last !== null && (!contains || last.includes(contains))) return last;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(
        `${selector}[${name}] never contained ${JSON.stringify(contains)}; last: ${JSON.stringify(last)}`,
      );
    }
    case 'count':
      return frame.locator(selector).count();
    case 'texts':
      return frame.locator(selector).allInnerTexts();
    case 'click':
      await target.click({ timeout: ms });
      return true;
    case 'press': // focus the element, then press keys (e.g. ["ArrowDown", "Enter"])
      await target.focus({ timeout: ms });
      for (const key of keys) await frame.page().keyboard.press(key);
      return true;
    default:
      throw new Error(`unknown webview action ${action}`);
  }
}
const keptScreenshots = path.join(repo, 'test-artifacts', 'screenshots');
const ops = {
  // { name, keep }: kept screenshots are copied to test-artifacts/screenshots/ even when the run passes.
  screenshot: async ({ name, keep }) => {
    const base = `${String(name)
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 120)}.png`;
    const file = path.join(dirs.artifacts, base);
    await page.screenshot({ path: file, timeout: 10000 });
    if (keep) {
      fs.mkdirSync(keptScreenshots, { recursive: true });
      fs.copyFileSync(file, path.join(keptScreenshots, base));
      return path.join(keptScreenshots, base);
    }
    return file;
  },
  text: waitForText, // e.g. { selector: '#workbench\\.parts\\.statusbar', contains: 'findings' }
  webview: webviewOp, // { sample, action: text|attribute|count|texts|click|press, selector, ... }
  dialogs: async () => dialogs, // every alert/confirm/prompt any frame opened (and that was dismissed)
  // { value }: types into the open quick input (in the browser workbench a save or open dialog is
  // one: VS Code's simple file dialog) and accepts it; returns the quick input's title. For a file
  // dialog, give a path in the folder the dialog opened in: a path elsewhere makes it re-list that
  // folder and highlight a row, and Enter would then go into that row's folder.
  quickInput: async ({ value, timeoutMs: ms = 15000 }) => {
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: ms });
    const title = (
      await widget
        .locator('.quick-input-title')
        .innerText({ timeout: ms })
        .catch(() => '')
    ).trim();
    // A file dialog shows its input first and fills in the default path a moment later, which
    // would replace what was typed before it: wait for that, and type again if it still happens.
    const settle = async (done) => {
      for (const deadline = Date.now() + ms; !(await done()) && Date.now() < deadline;)
        await new Promise((r) => setTimeout(r, 100));
    };
    await settle(async () => (await input.inputValue()) !== '');
    // Enter while a row is highlighted takes that row instead of the typed value: wait for none.
    const highlighted = widget.locator(
      '.quick-input-list .monaco-list-row.focused, .quick-input-list .monaco-list-row[aria-selected="true"]',
    );
    for (let attempt = 0; attempt < 3 && (await input.inputValue()) !== String(value); attempt++) {
      await input.fill(String(value));
      await settle(async () => (await highlighted.count()) === 0);
      await new Promise((r) => setTimeout(r, 300)); // long enough for a late default value to land
    }
    if ((await input.inputValue()) !== String(value))
      throw new Error(`the quick input "${title}" would not keep ${JSON.stringify(value)}`);
    await input.press('Enter');
    try {
      await input.waitFor({ state: 'hidden', timeout: ms });
    } catch {
      const now = await input.inputValue().catch(() => '?');
      const rows = await highlighted.allInnerTexts().catch(() => []);
      throw new Error(
        `the quick input "${title}" stayed open after Enter; its value: ${JSON.stringify(now)}; highlighted: ${JSON.stringify(rows)}`,
      );
    }
    return title;
  },
  // A quick pick or input box (not a file dialog): type `value` (a quick pick filters its items to
  // it and highlights the first match), press Enter, and wait until that input is gone or replaced
  // by the next one (a command that asks twice opens its second input at once). Returns the title.
  quickPick: async ({ value, timeoutMs: ms = 15000 }) => {
    const widget = page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: ms });
    const titleOf = () =>
      widget
        .locator('.quick-input-title')
        .innerText({ timeout: 1000 })
        .then((text) => text.trim())
        .catch(() => '');
    const title = await titleOf();
    await input.fill(String(value));
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    const focused = widget.locator('.quick-input-list .monaco-list-row.focused');
    // A quick pick: wait for the filter to leave a highlighted row; an input box has no rows.
    for (const deadline = Date.now() + ms; Date.now() < deadline;) {
      if ((await rows.count()) === 0 || (await focused.count()) > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 200));
    await input.press('Enter');
    for (const deadline = Date.now() + ms; Date.now() < deadline;) {
      if (!(await input.isVisible().catch(() => false)) || (await titleOf()) !== title) return title;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the quick input "${title}" stayed open after Enter with ${JSON.stringify(value)}`);
  },
  // Window reloads (test/host/reload): which load of the window this is (1, 2, ...); and, from a
  // suite whose run on this load has ended and which now reloads the window (Developer: Reload
  // Window, so the workbench saves its state first), notice of it: the reloaded window runs the
  // suite again and reports anew, so this load's counts are kept aside and added up at the end.
  load: async () => load,
  reloading: async () => {
    const counts = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    for (const k of Object.keys(earlierLoads)) earlierLoads[k] += counts[k] ?? 0;
    fs.rmSync(resultsFile);
    load += 1;
    log(`the window reloads (load ${load}): the workbench restores its editors and runs the suite again`);
    return load;
  },
};
let bridgeBusy = false;
const bridgeTimer = setInterval(async () => {
  if (bridgeBusy) return;
  bridgeBusy = true;
  try {
    for (const f of fs.readdirSync(dirs.bridge)) {
      const m = /^req-(.+)\.json$/.exec(f);
      if (!m) continue;
      const reqPath = path.join(dirs.bridge, f);
      const req = JSON.parse(fs.readFileSync(reqPath, 'utf8'));
      fs.unlinkSync(reqPath);
      let res;
      try {
        if (!ops[req.op]) throw new Error(`unknown op ${req.op}`);
        res = { result: await ops[req.op](req.args || {}) };
      } catch (e) {
        res = { error: String((e && e.message) || e) };
      }
      log(`bridge ${req.op} -> ${res.error ? 'error: ' + res.error : 'ok'}`);
      fs.writeFileSync(path.join(dirs.bridge, `res-${m[1]}.json.tmp`), JSON.stringify(res));
      fs.renameSync(path.join(dirs.bridge, `res-${m[1]}.json.tmp`), path.join(dirs.bridge, `res-${m[1]}.json`));
    }
  } catch (e) {
    log('bridge error:', e.message);
  } finally {
    bridgeBusy = false;
  }
}, 100);

log('opening the workbench');
await page.goto(url);
const code = await exited;
clearTimeout(timer);
clearInterval(bridgeTimer);
await finish(code, 'the extension host test runner finished');
