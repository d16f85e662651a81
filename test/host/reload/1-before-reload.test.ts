// First load of the window: open the bundled sample's summary and filter it by a rule, then leave it
// open. The harness reloads the window after this run (see index.ts).
import { BUNDLED, BUNDLED_NAME, cliJson, failedCell, openSummary, webview } from '../summaryPage';
import { activate, closeAllEditors, wsUri } from '../util';

describe('before a window reload', function () {
  it("leaves the bundled sample's summary open, filtered by a rule", async () => {
    await activate();
    await closeAllEditors();
    const folder = wsUri(BUNDLED);
    const plan = cliJson(folder).summary.rules.find((r) => r.rule === 'investigation-plan-present')!;
    await openSummary(folder);
    await webview(BUNDLED_NAME, 'click', { selector: `${failedCell('investigation-plan-present')} button` });
    await webview(BUNDLED_NAME, 'text', {
      selector: '.list-status',
      contains: `Showing ${plan.failed} findings in ${plan.failed} files`,
    });
  });
});
