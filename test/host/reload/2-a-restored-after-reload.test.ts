// Second load of the window, before anything edits a file: the bundled sample's summary is back with
// the CLI's figures from the results the extension saved in its storage before the reload — every file
// shown from them (restored) and none audited again, since no file changed (they were checked).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { BUNDLED, BUNDLED_NAME, cliJson, failedCell, summaryTabs, webview } from '../summaryPage';
import { activate, type DipsampleApi, waitUntil, wsUri } from '../util';

type Api = DipsampleApi & { resultOf(uri: vscode.Uri): { findings: number; restored: boolean } | undefined };

describe('results restored after a window reload', function () {
  it("shows the summary from the last session's saved results, without auditing the unchanged files again", async () => {
    const api = (await activate()) as Api;
    const folder = wsUri(BUNDLED);
    const cli = cliJson(folder) as ReturnType<typeof cliJson> & { files: Array<{ path: string; findings: unknown[] }> };
    await waitUntil(
      () => summaryTabs()[0],
      'the summary tab to be restored',
      () => '',
      {
        events: [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>],
      },
    );
    await webview(BUNDLED_NAME, 'text', { selector: '[data-fact="Files audited"]', equals: String(cli.summary.files) });
    for (const rule of cli.summary.rules)
      await webview(BUNDLED_NAME, 'text', { selector: failedCell(rule.rule), equals: String(rule.failed) });
    await api.whenIdle();
    for (const file of cli.files) {
      const uri = vscode.Uri.file(path.join(folder.fsPath, path.basename(file.path)));
      const result = api.resultOf(uri);
      assert.ok(result, `${path.basename(file.path)} has a result`);
      assert.strictEqual(result.restored, true, `${path.basename(file.path)} was restored, not audited again`);
      assert.strictEqual(result.findings, file.findings.length, path.basename(file.path));
    }
  });
});
