// Draw a Sample in the real host: the command draws from the bundled RMS extract
// (samples/rms-extract-northmoor: crimes.csv, its map and its plan) into a folder this test makes in
// the workspace and removes again (other tests count the workspace's files), shows its progress
// notification, and the drawn sample's summary opens with every drawn file audited.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { askHarness, bridgeAvailable } from '../bridge';
import { webview } from '../summaryPage';
import { activate, closeAllEditors, type DipsampleApi, extension, waitUntil, workspaceRoot } from '../util';

/** What dipsample.drawSample returns (DrawSampleOutcome, src/node/drawSample.ts), as far as this test reads it. */
interface DrawOutcome {
  output: string;
  references: string[];
  eligible: number;
  frame: { rows: number; rejected: number };
  warnings: string[];
}

const DRAWN_NAME = 'Northmoor volume crime, November 2013 (drawn from the RMS extract)';

describe('draw a sample', () => {
  let api: DipsampleApi;
  let parent: string | undefined;

  before(async () => {
    api = await activate();
    await api.whenIdle();
  });

  after(async () => {
    await closeAllEditors();
    if (!parent) return;
    const gone = parent;
    fs.rmSync(gone, { recursive: true, force: true });
    // The watcher clears what was audited under it: later tests see the workspace as it was.
    await waitUntil(
      () => vscode.languages.getDiagnostics().every(([uri, ds]) => ds.length === 0 || !uri.fsPath.startsWith(gone)),
      'the drawn sample’s diagnostics to go with its folder',
      () =>
        vscode.languages
          .getDiagnostics()
          .filter(([uri, ds]) => ds.length > 0 && uri.fsPath.startsWith(gone))
          .map(([uri]) => uri.fsPath)
          .join(', '),
      { api },
    );
  });

  it('draws from the bundled extract with a progress notification, and its summary opens with the drawn files', async function () {
    this.timeout(120000);
    const extract = path.join(extension().extensionPath, 'samples', 'rms-extract-northmoor');
    parent = fs.mkdtempSync(path.join(workspaceRoot().fsPath, 'drawn-'));
    const out = path.join(parent, 'northmoor-sample');
    const progress: string[] = [];

    // Asked before the command runs: the harness watches the workbench for the toast while it draws
    // (VS Code keeps a progress notification up for at least 800 ms).
    const toast = bridgeAvailable()
      ? askHarness<string>(
          'text',
          { selector: '.notifications-toasts', contains: 'Drawing a sample', timeoutMs: 20000 },
          30000,
        )
      : undefined;
    const outcome = await vscode.commands.executeCommand<DrawOutcome | undefined>(
      'dipsample.drawSample',
      vscode.Uri.file(path.join(extract, 'crimes.csv')),
      {
        plan: path.join(extract, 'plan.yaml'),
        map: path.join(extract, 'map.yaml'),
        out,
        quiet: true,
        onProgress: (message: string) => progress.push(message),
      },
    );
    assert.ok(outcome, 'the command returns what it drew (undefined would mean it failed or was cancelled)');
    assert.strictEqual(outcome.output, out);
    assert.strictEqual(outcome.references.length, 40, 'the plan asks for 40');
    assert.deepStrictEqual([outcome.frame.rows, outcome.frame.rejected], [160, 0], 'every row of crimes.csv read');
    assert.deepStrictEqual(outcome.warnings, []);
    assert.deepStrictEqual(
      progress[progress.length - 1],
      '160 records read',
      `progress reported: ${JSON.stringify(progress)}`,
    );
    if (toast) assert.match(await toast, /Drawing a sample/, 'the progress notification was shown');

    const crimeFiles = fs.readdirSync(out).filter((name) => name.endsWith('.crime.yaml'));
    assert.deepStrictEqual(
      crimeFiles.map((name) => name.replace(/\.crime\.yaml$/, '')).sort(),
      [...outcome.references].sort(),
      'one crime file per drawn reference',
    );
    assert.ok(fs.existsSync(path.join(out, 'sample.yaml')) && fs.existsSync(path.join(out, 'references.csv')));

    const folder = vscode.Uri.file(out);
    await vscode.commands.executeCommand('dipsample.openSummary', folder);
    const overview = await waitUntil(
      () => {
        const summary = api.summary(folder)?.overview;
        return summary && summary.totals.files === 40 && summary.sample.name === DRAWN_NAME ? summary : undefined;
      },
      'the drawn sample’s summary with its 40 files, named by its manifest',
      () =>
        JSON.stringify({ name: api.summary(folder)?.overview.sample.name, ...api.summary(folder)?.overview.totals }),
      { api, timeoutMs: 60000 },
    );
    assert.strictEqual(overview.sample.name, DRAWN_NAME);
    if (bridgeAvailable()) await webview(DRAWN_NAME, 'text', { selector: '[data-fact="Files audited"]', equals: '40' });
  });
});
