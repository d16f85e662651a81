// Mocha runner used INSIDE the VS Code extension host (each suite's index.ts calls runMochaIn).
// Writes { passes, failures, pending } to $DIPSAMPLE_RESULTS_FILE for scripts/run-vscode-tests.mjs
// and, through the harness bridge, saves a screenshot of the workbench when a test fails.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { askHarness, bridgeAvailable } from './bridge';

/** Runs the suite's `*.test.js` files in `dir` (only those `include` accepts, when given). */
export function runMochaIn(dir: string, include: (fileName: string) => boolean = () => true): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: 30000, // per test; the waits inside tests have their own, shorter, descriptive timeouts
    rootHooks: {
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (test?.state === 'failed' && bridgeAvailable()) {
          try {
            const file = await askHarness<string>('screenshot', { name: `failed-${test.fullTitle()}` }, 15000);
            console.log(`screenshot of the failure: ${file}`);
          } catch (e) {
            console.log(`no screenshot: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      },
    },
  });
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.test.js') && include(f)) mocha.addFile(path.join(dir, f));
  }
  // present in every suite, skipped unless DIPSAMPLE_FORCE_FAIL=1
  mocha.addFile(path.join(__dirname, 'deliberateFailure.js'));
  if (process.env.DIPSAMPLE_GREP) mocha.grep(process.env.DIPSAMPLE_GREP);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const summary = { passes: runner.stats?.passes ?? 0, failures, pending: runner.stats?.pending ?? 0 };
        console.log(`DIPSAMPLE_TEST_SUMMARY ${JSON.stringify(summary)}`);
        if (process.env.DIPSAMPLE_RESULTS_FILE)
          fs.writeFileSync(process.env.DIPSAMPLE_RESULTS_FILE, JSON.stringify(summary));
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
    } catch (e) {
      console.error(e);
      reject(e);
    }
  });
}
