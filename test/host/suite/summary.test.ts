// The summary webview in the real host: its table equals the CLI's JSON summary, a click opens the
// file at the finding, edits and new files update it, values from crime files render as text, and
// screenshots in light, dark and high-contrast themes are kept as test artifacts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { askHarness, bridgeAvailable } from '../bridge';
import { BUNDLED, BUNDLED_NAME, cliJson, failedCell, openSummary, summaryTabs, webview } from '../summaryPage';
import {
  activate,
  closeAllEditors,
  type DipsampleApi,
  exists,
  readText,
  rel,
  restoreFile,
  waitUntil,
  writeText,
  wsUri,
} from '../util';

const XSS = '<img src=x onerror=alert(1)>';

describe('summary webview', function () {
  let api: DipsampleApi;
  const folder = () => wsUri(BUNDLED);

  before(async function () {
    if (!bridgeAvailable()) this.skip(); // needs the Playwright harness to see inside the webview
    api = await activate();
    await closeAllEditors();
  });

  it('opens for the bundled sample with the same counts as the CLI JSON summary', async () => {
    const cli = cliJson(folder());
    await openSummary(folder());
    await webview(BUNDLED_NAME, 'text', { selector: '[data-fact="Files audited"]', equals: String(cli.summary.files) });
    await webview(BUNDLED_NAME, 'text', {
      selector: '[data-fact="Files with syntax errors (not audited)"]',
      equals: String(cli.summary.filesWithSyntaxErrors),
    });
    for (const rule of cli.summary.rules) {
      const cells = await webview<string[]>(BUNDLED_NAME, 'texts', {
        selector: `#rules-table tr[data-rule="${rule.rule}"] td[data-count]`,
      });
      const applicable = rule.failed + rule.passed;
      assert.deepStrictEqual(
        cells.slice(0, 5).map(Number),
        [rule.failed, rule.passed, rule.notApplicable, rule.awaitingJudgment, rule.notAudited],
        rule.rule,
      );
      assert.strictEqual(Number(cells[6]), applicable, `${rule.rule} n`);
      assert.ok(
        cells[5].startsWith(`${((100 * rule.failed) / applicable).toFixed(1)}%`),
        `${rule.rule} share: ${cells[5]}`,
      );
    }
    // The extension's own figures (what exports use) agree too.
    const overview = api.summary(folder())?.overview;
    assert.ok(overview, 'the API reports the open summary');
    assert.deepStrictEqual(
      overview.rules.map((r) => [r.rule, r.failed, r.passed]),
      cli.summary.rules.map((r) => [r.rule, r.failed, r.passed]),
    );
    // One bar per rule, each labelled for screen readers.
    const bars = await webview<number>(BUNDLED_NAME, 'count', { selector: '#rules-table svg[role="img"][aria-label]' });
    assert.strictEqual(bars, cli.summary.rules.length);
    // Read as tables by a screen reader: captions, column and row headers, a labelled grid.
    for (const table of ['#rules-table', '#category-table', '#domestic-abuse-table']) {
      assert.strictEqual(
        await webview<number>(BUNDLED_NAME, 'count', { selector: `${table} caption` }),
        1,
        `${table} has a caption`,
      );
      assert.ok(
        (await webview<number>(BUNDLED_NAME, 'count', { selector: `${table} thead th[scope="col"]` })) >= 3,
        `${table} has column headers`,
      );
      assert.ok(
        (await webview<number>(BUNDLED_NAME, 'count', { selector: `${table} tbody th[scope="row"]` })) >= 1,
        `${table} has row headers`,
      );
    }
    const findings = cli.files.reduce<number>((n, file) => n + (file as { findings: unknown[] }).findings.length, 0);
    await webview(BUNDLED_NAME, 'attribute', {
      selector: '#findings-grid',
      name: 'aria-rowcount',
      contains: String(findings + 1),
    });
    await webview(BUNDLED_NAME, 'attribute', {
      selector: '#findings-grid',
      name: 'aria-labelledby',
      contains: 'findings-heading',
    });
    // The page and its components (vscode-elements) live within the strict policy.
    assert.deepStrictEqual(api.summary(folder())?.cspViolations, [], 'no Content-Security-Policy violations');
  });

  it('reveals the open panel instead of opening a second one', async () => {
    await openSummary(folder());
    await openSummary(vscode.Uri.joinPath(folder(), 'sample.yaml')); // from the explorer, on the manifest
    assert.strictEqual(summaryTabs().length, 1, 'one summary tab for the sample');
  });

  it('opens the file at the finding when a row is clicked, and with the keyboard', async () => {
    const rows = '#findings-grid .grid-body [role="row"]';
    const first = await webview<string[]>(BUNDLED_NAME, 'texts', {
      selector: `${rows}[data-index="0"] [role="gridcell"]`,
    });
    const [fileName, , rule, , line] = first;
    await webview(BUNDLED_NAME, 'click', { selector: `${rows}[data-index="0"]` });
    const expected = vscode.Uri.joinPath(folder(), fileName);
    const editor = await waitUntil(
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.fsPath === expected.fsPath ? active : undefined;
      },
      `${fileName} to open`,
      () => `active: ${vscode.window.activeTextEditor?.document.uri.fsPath}`,
      {
        events: [
          vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>,
          vscode.window.onDidChangeTextEditorSelection as vscode.Event<unknown>,
        ],
      },
    );
    assert.strictEqual(editor.selection.start.line + 1, Number(line), `cursor on the ${rule} finding's line`);
    const diagnostic = vscode.languages
      .getDiagnostics(expected)
      .find((d) => d.source === 'dipsample' && (typeof d.code === 'object' ? d.code.value : d.code) === rule);
    assert.ok(diagnostic, `the ${rule} diagnostic is on ${fileName}`);
    assert.ok(
      editor.selection.isEqual(new vscode.Selection(diagnostic.range.start, diagnostic.range.end)),
      `selection ${JSON.stringify(editor.selection)} is the finding's range`,
    );

    // Keyboard: focus the grid, move down one row, Enter.
    const second = await webview<string[]>(BUNDLED_NAME, 'texts', {
      selector: `${rows}[data-index="1"] [role="gridcell"]`,
    });
    await openSummary(folder());
    await webview(BUNDLED_NAME, 'press', { selector: '#findings-grid', keys: ['Home', 'ArrowDown', 'Enter'] });
    const secondUri = vscode.Uri.joinPath(folder(), second[0]);
    const opened = await waitUntil(
      () =>
        vscode.window.activeTextEditor?.document.uri.fsPath === secondUri.fsPath
          ? vscode.window.activeTextEditor
          : undefined,
      `${second[0]} to open from the keyboard`,
      () => `active: ${vscode.window.activeTextEditor?.document.uri.fsPath}`,
      {
        events: [
          vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>,
          vscode.window.onDidChangeTextEditorSelection as vscode.Event<unknown>,
        ],
      },
    );
    assert.strictEqual(opened.selection.start.line + 1, Number(second[4]));
  });

  it("lists only a rule's findings when its failed count is clicked", async () => {
    const plan = cliJson(folder()).summary.rules.find((r) => r.rule === 'investigation-plan-present')!;
    await openSummary(folder());
    await webview(BUNDLED_NAME, 'click', { selector: `${failedCell('investigation-plan-present')} button` });
    await webview(BUNDLED_NAME, 'text', {
      selector: '.list-status',
      contains: `Showing ${plan.failed} findings in ${plan.failed} files`,
    });
    const rules = await webview<string[]>(BUNDLED_NAME, 'texts', {
      selector: '#findings-grid .grid-body [role="row"] [role="gridcell"]:nth-child(3)',
    });
    assert.deepStrictEqual([...new Set(rules)], ['investigation-plan-present']);

    // Reloaded (Developer: Reload Webviews, as after a window reload), the page asks the host for
    // the summary again and keeps the filter from its saved state.
    const redrawn = api.nextSummaryRender(folder());
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    await Promise.race([
      redrawn,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the summary did not redraw within 20 s of Reload Webviews')), 20000),
      ),
    ]);
    await webview(BUNDLED_NAME, 'text', {
      selector: '.list-status',
      contains: `Showing ${plan.failed} findings in ${plan.failed} files`,
    });
    await webview(BUNDLED_NAME, 'text', {
      selector: failedCell('investigation-plan-present'),
      equals: String(plan.failed),
    });
  });

  it('filters by severity from the keyboard, and back to everything', async () => {
    const files = cliJson(folder()).files as Array<{ findings: Array<{ severity: string }> }>;
    const all = files.reduce((n, file) => n + file.findings.length, 0);
    const warnings = files.flatMap((file) => file.findings).filter((f) => f.severity === 'warning').length;
    const withWarnings = files.filter((file) => file.findings.some((f) => f.severity === 'warning')).length;
    assert.ok(warnings > 0 && warnings < all, 'the bundled sample has warnings and other findings');
    await openSummary(folder());
    // The rule filter back to "All rules" (ArrowDown opens the list on the current choice, ArrowUp
    // to the top, Enter picks), then severity: All, error, warning.
    const rules = await webview<number>(BUNDLED_NAME, 'count', { selector: '#filter-rule vscode-option' });
    await webview(BUNDLED_NAME, 'press', {
      selector: '#filter-rule',
      keys: ['ArrowDown', ...Array<string>(rules).fill('ArrowUp'), 'Enter'],
    });
    await webview(BUNDLED_NAME, 'text', { selector: '.list-status', contains: `Showing ${all} findings` });
    await webview(BUNDLED_NAME, 'press', {
      selector: '#filter-severity',
      keys: ['ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter'],
    });
    await webview(BUNDLED_NAME, 'text', {
      selector: '.list-status',
      contains: `Showing ${warnings} findings in ${withWarnings} files (of ${all} findings)`,
    });
    const severities = await webview<string[]>(BUNDLED_NAME, 'texts', {
      selector: '#findings-grid .grid-body [role="row"] [role="gridcell"].severity',
    });
    assert.deepStrictEqual([...new Set(severities)], ['warning']);
    await webview(BUNDLED_NAME, 'press', {
      selector: '#filter-severity',
      keys: ['ArrowDown', 'ArrowUp', 'ArrowUp', 'Enter'],
    });
    await webview(BUNDLED_NAME, 'text', { selector: '.list-status', contains: `Showing ${all} findings` });
  });

  it('updates the counts when a file is edited, without re-auditing the sample', async () => {
    const cli = cliJson(folder());
    const before = cli.summary.rules.find((r) => r.rule === 'investigation-plan-present')!.failed;
    // TRAIN-04: the sample's answer key (reviews/TRAINER.review.yaml, a trainer's review, which counts)
    // decides TRAIN-01's investigation-plan-present, but on TRAIN-04 only supervision-recorded, so
    // here the machine's outcome is the one counted.
    const file = vscode.Uri.joinPath(folder(), 'TRAIN-04.crime.yaml');
    const original = await readText(file);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc, { preview: false });
    const edit = new vscode.WorkspaceEdit();
    const at = original.indexOf('\ninvestigation_plan:') + 1;
    edit.replace(
      file,
      new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'investigation_plan'.length)),
      'x_removed_plan',
    );
    await api.whenIdle();
    const auditsBefore = api.filesAudited();
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await openSummary(folder());
      await webview(BUNDLED_NAME, 'text', {
        selector: failedCell('investigation-plan-present'),
        equals: String(before + 1),
      });
      await api.whenIdle();
      const audits = api.filesAudited() - auditsBefore;
      assert.ok(
        audits >= 1 && audits <= 2,
        `only the edited file was audited again (${audits} audits; the sample has ${cli.summary.files} files)`,
      );
    } finally {
      await restoreFile(file, original);
    }
    await webview(BUNDLED_NAME, 'text', { selector: failedCell('investigation-plan-present'), equals: String(before) });
  });

  it('adds a new crime file in the sample folder and drops it when deleted', async () => {
    const files = cliJson(folder()).summary.files;
    const copy = vscode.Uri.joinPath(folder(), 'TRAIN-99.crime.yaml');
    const text = (await readText(vscode.Uri.joinPath(folder(), 'TRAIN-02.crime.yaml'))).replace(
      'reference: TRAIN-02',
      'reference: TRAIN-99',
    );
    await api.whenIdle();
    const auditsBefore = api.filesAudited();
    await writeText(copy, text);
    try {
      await openSummary(folder());
      await webview(BUNDLED_NAME, 'text', { selector: '[data-fact="Files audited"]', equals: String(files + 1) });
      await api.whenIdle();
      // One audit, or two when the watcher reports the write as a create and a change.
      const audits = api.filesAudited() - auditsBefore;
      assert.ok(
        audits >= 1 && audits <= 2,
        `only the new file was audited (${audits} audits; the sample has ${files + 1} files)`,
      );
    } finally {
      await vscode.workspace.fs.delete(copy);
    }
    await webview(BUNDLED_NAME, 'text', { selector: '[data-fact="Files audited"]', equals: String(files) });
  });

  it('exports Markdown where asked and never overwrites an existing file', async () => {
    const target = wsUri('exports/training-summary.md');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'dipsample.exportSummary',
      folder(),
      'markdown',
      target,
    );
    assert.ok(written && (await exists(target)), 'the export was written');
    const markdown = await readText(target);
    assert.ok(markdown.includes(BUNDLED_NAME), 'the report names the sample');
    const plan = cliJson(folder()).summary.rules.find((r) => r.rule === 'investigation-plan-present')!;
    assert.ok(
      markdown.includes(`(investigation-plan-present) | ${plan.failed} | ${plan.passed} | ${plan.notApplicable} |`),
      'the rules table has the CLI counts',
    );
    await writeText(target, 'my notes');
    const again = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'dipsample.exportSummary',
      folder(),
      'markdown',
      target,
    );
    assert.strictEqual(again, undefined, 'refused');
    assert.strictEqual(await readText(target), 'my notes', 'the existing file is untouched');
    await webview(BUNDLED_NAME, 'text', { selector: '.notice', contains: 'already exists' });
  });

  it("exports from the panel's button to where the save dialog says", async () => {
    // A new name in the folder the dialog opens in: beside the sample folder, not among its crime files.
    const target = vscode.Uri.joinPath(folder(), '..', 'from-the-dialog-summary.csv');
    assert.ok(!(await exists(target)), 'a new file');
    await openSummary(folder());
    await webview(BUNDLED_NAME, 'click', { selector: 'vscode-button[data-export="csv-summary"]' });
    // The browser workbench's save dialog is a quick input (VS Code's simple file dialog).
    const title = await askHarness<string>('quickInput', { value: target.fsPath }, 40000);
    assert.match(title, /Export sample summary/, "the dialog is the export's");
    assert.match(title, /by default beside the sample folder, in bundled\//, 'the dialog says where it saves');
    await webview(BUNDLED_NAME, 'text', {
      selector: '.notice',
      contains: `Exported CSV: one row per rule to ${target.fsPath}`,
    });
    const csv = await readText(target);
    await vscode.workspace.fs.delete(target);
    const cli = cliJson(folder());
    const [head, ...rows] = csv.trim().split(/\r?\n/);
    assert.match(head, /rule/i, `a header row: ${head}`);
    assert.strictEqual(rows.length, cli.summary.rules.length, 'one row per rule');
    for (const rule of cli.summary.rules) {
      const row = rows.find((r) => r.includes(rule.rule));
      assert.ok(row, `${rule.rule} has a row`);
      assert.ok(row.includes(`,${rule.failed},${rule.passed},${rule.notApplicable},`), `${rule.rule}: ${row}`);
    }
  });

  it('keeps screenshots of the summary in light, dark and high-contrast themes', async () => {
    const config = vscode.workspace.getConfiguration('workbench');
    const themes: Array<[string, string, string]> = [
      ['Default Light Modern', 'vscode-light', 'summary-light'],
      ['Default Dark Modern', 'vscode-dark', 'summary-dark'],
      ['Default High Contrast', 'vscode-high-contrast', 'summary-high-contrast'],
    ];
    try {
      await closeAllEditors();
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await openSummary(folder());
      for (const [theme, bodyClass, shot] of themes) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await webview(BUNDLED_NAME, 'attribute', { selector: 'body', name: 'class', contains: bodyClass });
        await webview(BUNDLED_NAME, 'text', { selector: '#rules-table' });
        const file = await askHarness<string>('screenshot', { name: shot, keep: true });
        assert.ok(file.endsWith(`${shot}.png`));
      }
    } finally {
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    }
  });

  describe('values from crime files', () => {
    const sampleName = `Escaping check ${XSS}`;
    const xss = () => wsUri('xss-sample');
    before(async () => {
      await writeText(
        vscode.Uri.joinPath(xss(), 'sample.yaml'),
        [
          'format: dip-sample/1',
          `name: "${sampleName}"`,
          'force: "<script>alert(2)</script> Constabulary"',
          'packs: [core]',
          '',
        ].join('\n'),
      );
      await writeText(vscode.Uri.joinPath(xss(), '.dipsample.yaml'), 'packs: [core, ./escaping.pack.yaml]\n');
      await writeText(
        vscode.Uri.joinPath(xss(), 'escaping.pack.yaml'),
        [
          'pack: escaping',
          'title: Escaping check',
          'rules:',
          '  - id: log-text-quoted',
          '    title: Log text quoted in a message',
          '    description: Quotes every log entry in its message (host-test fixture).',
          '    severity: warning',
          '    check: { function: pattern, options: { path: "log[*].text", notMatch: "<" } }',
          '    message: "Log entry reads {{value}}"',
          '    source: [{ report: host test, quote: escaping }]',
          '',
        ].join('\n'),
      );
      const training = await readText(vscode.Uri.joinPath(folder(), 'TRAIN-02.crime.yaml'));
      const hostile = training
        .replace('reference: TRAIN-02', `reference: "${XSS}"`)
        .replace(/^(\s+text: ).*$/m, `$1"${XSS}"`);
      assert.ok(hostile.includes(`text: "${XSS}"`), 'the fixture has a hostile log entry');
      await writeText(vscode.Uri.joinPath(xss(), 'XSS-1.crime.yaml'), hostile);
    });
    after(async () => {
      await closeAllEditors();
      await vscode.workspace.fs.delete(xss(), { recursive: true });
    });

    it('renders markup in a log entry, reference and sample name as text (no element, no script)', async () => {
      await openSummary(xss());
      const rows = await webview<string[]>(sampleName, 'texts', { selector: '#findings-grid .grid-body [role="row"]' });
      const quoted = rows.find((row) => row.includes('log-text-quoted'));
      assert.ok(quoted, `a log-text-quoted finding is listed: ${JSON.stringify(rows)}`);
      assert.ok(quoted.includes(`Log entry reads ${XSS}`), `the message shows the markup as text: ${quoted}`);
      assert.ok(
        rows.some((row) => row.includes(XSS) && row.includes('XSS-1.crime.yaml')),
        'the reference shows as text',
      );
      await webview(sampleName, 'text', {
        selector: '[data-fact="Force"]',
        equals: '<script>alert(2)</script> Constabulary',
      });
      assert.strictEqual(
        await webview<number>(sampleName, 'count', { selector: 'img' }),
        0,
        'no <img> element was created',
      );
      assert.strictEqual(
        await webview<number>(sampleName, 'count', { selector: 'script:has-text("alert")' }),
        0,
        'no script element was created',
      );
      assert.deepStrictEqual(await askHarness('dialogs', {}), [], 'no alert() ran');
      assert.deepStrictEqual(
        api.summary(xss())?.cspViolations,
        [],
        'the policy blocked nothing (nothing tried to run)',
      );
      assert.ok(rel(xss()) === 'xss-sample');
    });
  });
});
