// Optional: the host tests in desktop VS Code (Electron), for contributors WITH internet access —
// @vscode/test-electron downloads VS Code into .vscode-test/. CI and `npm test` use the offline
// harness instead (scripts/run-vscode-tests.mjs: code-server + headless Chromium, docs/testing.md).
//
//   npm run build && node scripts/build-host-tests.mjs
//   node .vscode-test.mjs [suite|smoke|sanity]     @vscode/test-electron (a devDependency): runs the
//                                                   suite with the same mocha runner as the harness
//   npx vscode-test                                 @vscode/test-cli, if you install it: reads the
//                                                   default export below
//
// Env: DIPSAMPLE_VSCODE_VERSION (default 1.100.3, the API the extension targets; `stable` for the
// newest), DIPSAMPLE_GREP, DIPSAMPLE_FORCE_FAIL=1. Tests edit files: each run opens a fresh copy of
// test/host/workspace under .vscode-test/run-electron-*/workspace.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.dirname(fileURLToPath(import.meta.url));
const version = process.env.DIPSAMPLE_VSCODE_VERSION || '1.100.3';

function freshWorkspace() {
  const runsRoot = path.join(repo, '.vscode-test');
  fs.mkdirSync(runsRoot, { recursive: true });
  const run = fs.mkdtempSync(path.join(runsRoot, 'run-electron-'));
  const workspace = path.join(run, 'workspace');
  fs.cpSync(path.join(repo, 'test/host/workspace'), workspace, { recursive: true });
  return { run, workspace };
}

function testEnv(run) {
  return {
    DIPSAMPLE_REPO: repo,
    DIPSAMPLE_TEST_MODE: 'development',
    DIPSAMPLE_RESULTS_FILE: path.join(run, 'results.json'),
    DIPSAMPLE_GREP: process.env.DIPSAMPLE_GREP ?? '',
    DIPSAMPLE_FORCE_FAIL: process.env.DIPSAMPLE_FORCE_FAIL ?? '',
  };
}

const launchArgs = ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'];

// --- @vscode/test-cli configuration (`npx vscode-test`); it is a plain object, so this file does
// not need @vscode/test-cli installed. Only created when test-cli loads the file, not by `node .vscode-test.mjs`.
const invokedDirectly = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
let config = [];
if (!invokedDirectly) {
  const { run, workspace } = freshWorkspace();
  config = [
    {
      label: 'host suite (desktop VS Code)',
      files: 'dist/test/host/suite/*.test.js',
      version,
      workspaceFolder: workspace,
      launchArgs,
      env: testEnv(run),
      mocha: { ui: 'bdd', timeout: 30000, color: true },
    },
  ];
}
export default config;

// --- `node .vscode-test.mjs [suite]`: @vscode/test-electron with this repository's own runner
if (invokedDirectly) {
  const suite = process.argv[2] || 'suite';
  const testsPath = path.join(repo, 'dist/test/host', suite, 'index.js');
  if (!fs.existsSync(testsPath)) {
    console.error(
      `missing ${path.relative(repo, testsPath)}: run \`npm run build && node scripts/build-host-tests.mjs\` first`,
    );
    process.exit(2);
  }
  const { runTests } = await import('@vscode/test-electron');
  const { run, workspace } = freshWorkspace();
  try {
    const code = await runTests({
      version,
      extensionDevelopmentPath: repo,
      extensionTestsPath: testsPath,
      extensionTestsEnv: testEnv(run),
      launchArgs: [workspace, ...launchArgs, '--user-data-dir', path.join(run, 'user-data')],
    });
    process.exitCode = code;
  } catch (e) {
    console.error(`host tests failed: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 1;
  }
  try {
    const s = JSON.parse(fs.readFileSync(path.join(run, 'results.json'), 'utf8'));
    console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
  } catch {
    console.log('0 passed, 1 failed, 0 skipped');
    process.exitCode ||= 1;
  }
}
