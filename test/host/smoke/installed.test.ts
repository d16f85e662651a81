// Smoke test of the PACKAGED extension: run by `INSTALL_VSIX=dipsample-x.y.z.vsix node
// scripts/run-vscode-tests.mjs` (default suite smoke), which installs the .vsix into an empty
// extensions folder and opens the workbench WITHOUT the development path.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { askHarness, bridgeAvailable } from '../bridge';
import { activate, codeTarget, codeValue, extension, fmtRange, open, waitForDiagnostics, wsUri } from '../util';

describe('installed dipsample package', () => {
  it('is the installed extension, not the development folder', function () {
    const ext = extension();
    const where = ext.extensionUri.fsPath;
    console.log(`extension ${ext.id} ${ext.packageJSON.version} at ${where}`);
    if (process.env.DIPSAMPLE_TEST_MODE !== 'installed') {
      // run without INSTALL_VSIX: the development path is loaded, nothing more to check here
      assert.strictEqual(path.resolve(where), path.resolve(process.env.DIPSAMPLE_REPO ?? where));
      return;
    }
    const extensionsDir = process.env.DIPSAMPLE_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the harness passes the extensions folder');
    assert.ok(
      path.resolve(where).startsWith(path.resolve(extensionsDir) + path.sep),
      `loaded from the run's extensions folder ${extensionsDir}, not ${where}`,
    );
    assert.notStrictEqual(
      path.resolve(where),
      path.resolve(process.env.DIPSAMPLE_REPO ?? ''),
      'not the development path',
    );
  });

  it('activates and returns its API', async () => {
    const api = await activate();
    assert.ok(extension().isActive);
    await api.whenIdle();
  });

  it('audits a crime file: supervision-recorded on TRAIN-SUP', async () => {
    const api = await activate();
    const { uri, doc } = await open('training/TRAIN-SUP.crime.yaml');
    const ds = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeValue(x) === 'supervision-recorded'),
      'the supervision-recorded finding',
      api,
    );
    const d = ds.find((x) => codeValue(x) === 'supervision-recorded')!;
    const logLine = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('log:'));
    assert.strictEqual(fmtRange(d.range), `${logLine}:0-${logLine}:3`);
    // the documentation link points into the installed package
    const target = codeTarget(d);
    assert.ok(target, 'the code links the rule documentation');
    assert.ok(target.path.endsWith('/rules/docs/supervision-recorded.md'), target.toString());
    assert.ok(
      target.path.startsWith(extension().extensionUri.path + '/'),
      `${target.toString()} is inside the installed extension`,
    );
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.match(new TextDecoder().decode(bytes), /supervision/i, 'the documentation page is packaged');
  });

  it('shows the summary webview from the packaged bundle (dist/webview is in the package)', async function () {
    if (!bridgeAvailable()) this.skip();
    const api = await activate();
    const folder = wsUri('training');
    await vscode.commands.executeCommand('dipsample.openSummary', folder);
    const name = api.summary(folder)?.overview.sample.name;
    assert.ok(name, 'the summary is open');
    const files = await askHarness<string>(
      'webview',
      {
        sample: name,
        action: 'text',
        selector: '[data-fact="Files audited"]',
        equals: String(api.summary(folder)?.overview.totals.files),
      },
      30000,
    );
    assert.ok(Number(files) > 0, `files audited: ${files}`);
    assert.deepStrictEqual(api.summary(folder)?.cspViolations, [], 'no Content-Security-Policy violations');
  });
});
