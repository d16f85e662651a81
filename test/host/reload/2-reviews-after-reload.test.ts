// Second load: the answers recorded before the reload are still on disk and still decide the file's
// results, diagnostics and the CLI's JSON; then the sample made for it is removed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { cliJson } from '../summaryPage';
import { activate, codeValue, waitForDiagnostics, wsUri } from '../util';
import { RELOAD_FILE, RELOAD_REVIEWER, RELOAD_SAMPLE } from './reviewSample';

describe('reviews after a window reload', function () {
  after(async () => {
    await vscode.workspace
      .getConfiguration('dipsample.reviewer')
      .update('id', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(wsUri(RELOAD_SAMPLE), { recursive: true, useTrash: false });
  });

  it('keeps the judgment and the override: diagnostics and the CLI agree', async () => {
    const api = await activate();
    const folder = wsUri(RELOAD_SAMPLE);
    const file = vscode.Uri.joinPath(folder, RELOAD_FILE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), {
      preview: false,
      // Beside the summary the first reload test leaves open, so that it stays visible.
      viewColumn: vscode.ViewColumn.Two,
    });
    const diagnostics = await waitForDiagnostics(
      file,
      (ds) =>
        ds.some((d) => codeValue(d) === 'peel17-bwv-considered' && /^Overridden on review by INSP-12/.test(d.message)),
      'the override shown after the reload',
      api,
    );
    assert.ok(
      !diagnostics.some((d) => codeValue(d) === 'peel17-supervision-quality' && /^Awaiting judgment/.test(d.message)),
      'the judgment is still answered',
    );
    const cli = cliJson(folder) as unknown as {
      files: Array<{
        results: Array<{ rule: string; outcome: string; judgment?: string; reviewer?: string; note?: string }>;
      }>;
    };
    const judged = cli.files[0].results.find((r) => r.rule === 'peel17-supervision-quality')!;
    assert.deepStrictEqual(
      [judged.outcome, judged.judgment, judged.reviewer, judged.note],
      ['failed', 'limited', RELOAD_REVIEWER, 'A sign-off with no direction'],
    );
    const checked = cli.files[0].results.find((r) => r.rule === 'peel17-bwv-considered')!;
    assert.strictEqual(checked.outcome, 'passed');
  });
});
