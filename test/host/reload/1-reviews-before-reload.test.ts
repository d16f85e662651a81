// First load: record a judgment and an override on a PEEL 2017 file with the quick fixes' commands
// (answered through the quick picks), and leave the Review panel open beside it. The harness then
// reloads the window; 2-reviews-after-reload.test.ts checks that everything is still there.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { askHarness } from '../bridge';
import { activate, extension, waitForDiagnostics, wsUri } from '../util';
import { RELOAD_FILE, RELOAD_REVIEWER, RELOAD_SAMPLE } from './reviewSample';

describe('reviews before a window reload', function () {
  it('records a judgment and an override, and opens the Review panel', async () => {
    const api = await activate();
    const folder = wsUri(RELOAD_SAMPLE);
    const source = path.join(extension().extensionPath, 'samples', 'peel-2017-file-review');
    for (const name of ['sample.yaml', RELOAD_FILE])
      await vscode.workspace.fs.copy(vscode.Uri.file(path.join(source, name)), vscode.Uri.joinPath(folder, name));
    await vscode.workspace
      .getConfiguration('dipsample.reviewer')
      .update('id', RELOAD_REVIEWER, vscode.ConfigurationTarget.Global);
    const file = vscode.Uri.joinPath(folder, RELOAD_FILE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), {
      preview: false,
      // Beside the summary the first reload test leaves open, so that it stays visible.
      viewColumn: vscode.ViewColumn.Two,
    });
    await waitForDiagnostics(file, (ds) => ds.length > 0, 'the file audited', api);

    const judged = vscode.commands.executeCommand<boolean>(
      'dipsample.recordJudgment',
      file,
      'peel17-supervision-quality',
    );
    await askHarness<string>('quickPick', { value: 'limited' }, 40000);
    await askHarness<string>('quickPick', { value: 'A sign-off with no direction' }, 40000);
    assert.strictEqual(await judged, true);
    const overridden = vscode.commands.executeCommand<boolean>(
      'dipsample.overrideCheck',
      file,
      'peel17-bwv-considered',
    );
    await askHarness<string>('quickPick', { value: 'passed' }, 40000);
    await askHarness<string>('quickPick', { value: 'BWV was viewed on the day' }, 40000);
    assert.strictEqual(await overridden, true);
    await vscode.commands.executeCommand('dipsample.openReviewPanel');
    await api.whenIdle();
  });
});
