// Second load of the window: nothing opens the summary, yet it is back (the webview serializer
// revived it), with the CLI's figures and the rule filter the reviewer had set.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { BUNDLED, BUNDLED_NAME, cliJson, failedCell, summaryTabs, webview } from '../summaryPage';
import { activate, readText, restoreFile, waitUntil, writeText, wsUri } from '../util';

describe('after a window reload', function () {
  it('restores the summary panel with its figures and its filter', async () => {
    const api = await activate();
    const folder = wsUri(BUNDLED);
    const cli = cliJson(folder);
    const tab = await waitUntil(
      () => summaryTabs()[0],
      'the summary tab to be restored',
      () =>
        `tabs: ${vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .map((t) => t.label)
          .join(', ')}`,
      { events: [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>] },
    );
    assert.strictEqual(summaryTabs().length, 1, 'one summary tab');
    assert.ok(tab.label.includes(BUNDLED_NAME) || tab.label.includes('training-basics'), `tab label: ${tab.label}`);
    await webview(BUNDLED_NAME, 'text', { selector: '[data-fact="Files audited"]', equals: String(cli.summary.files) });
    for (const rule of cli.summary.rules) {
      await webview(BUNDLED_NAME, 'text', { selector: failedCell(rule.rule), equals: String(rule.failed) });
    }
    const plan = cli.summary.rules.find((r) => r.rule === 'investigation-plan-present')!;
    await webview(BUNDLED_NAME, 'text', {
      selector: '.list-status',
      contains: `Showing ${plan.failed} findings in ${plan.failed} files`,
    });
    // The revived panel is the extension's own again: it is tracked and follows edits.
    assert.ok(api.summary(folder)?.overview, 'the extension tracks the revived panel');
    // TRAIN-04, not TRAIN-01: the answer key (reviews/TRAINER.review.yaml) decides TRAIN-01's
    // investigation-plan-present, and TRAIN-04's only on supervision-recorded.
    const file = vscode.Uri.joinPath(folder, 'TRAIN-04.crime.yaml');
    const original = await readText(file);
    await writeText(file, original.replace('\ninvestigation_plan:', '\nx_removed_plan:'));
    try {
      await webview(BUNDLED_NAME, 'text', {
        selector: failedCell('investigation-plan-present'),
        equals: String(plan.failed + 1),
      });
    } finally {
      await restoreFile(file, original);
    }
    await webview(BUNDLED_NAME, 'text', {
      selector: failedCell('investigation-plan-present'),
      equals: String(plan.failed),
    });
  });
});
