// Diagnostics for open crime files: exact range, severity, source, code + documentation link,
// live re-audit on edits, the severity setting, hover, status bar, the rule documentation command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { askHarness, bridgeAvailable } from '../bridge';
import {
  activate,
  closeAllEditors,
  codeTarget,
  codeValue,
  describeDiagnostics,
  dipsampleDiagnostics,
  type DipsampleApi,
  extension,
  fmtRange,
  hoverText,
  open,
  rangeIn,
  restoreFile,
  waitForDiagnostics,
  waitForRule,
  waitUntil,
  wsUri,
  cliFindings,
  diagnosticLines,
} from '../util';

const SUP = 'training/TRAIN-SUP.crime.yaml';

describe('diagnostics on an open crime file', () => {
  let api: DipsampleApi;
  let original: string;
  before(async () => {
    api = await activate();
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(SUP)));
  });
  afterEach(async () => {
    await restoreFile(wsUri(SUP), original);
    await vscode.workspace
      .getConfiguration('dipsample')
      .update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
    await api.whenIdle();
  });

  it('publishes the supervision-recorded finding with its range, severity, source and code', async () => {
    const { uri, doc } = await open(SUP);
    await waitForRule(uri, 'supervision-recorded', api);
    await api.whenIdle();
    const ds = dipsampleDiagnostics(uri);
    assert.strictEqual(ds.length, 1, `only supervision-recorded fails this file\n${describeDiagnostics(uri)}`);
    const [d] = ds;
    // a count over `log` that finds too few: the finding is on the `log` key
    assert.strictEqual(fmtRange(d.range), fmtRange(rangeIn(doc.getText(), 'log', /^log:/)));
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(d.source, 'dipsample');
    assert.strictEqual(
      d.message,
      'No supervisor reviews before filing by a supervisor other than the officer in case (at least 1 required)',
    );
    assert.strictEqual(codeValue(d), 'supervision-recorded');
    const target = codeTarget(d);
    assert.ok(target, 'the code links the rule documentation');
    assert.strictEqual(target.scheme, 'file');
    assert.strictEqual(
      target.toString(),
      vscode.Uri.joinPath(extension().extensionUri, 'rules', 'docs', 'supervision-recorded.md').toString(),
    );
    await vscode.workspace.fs.stat(target); // the page exists
  });

  it('matches the CLI exactly on every file of the bundled training sample (ranges, rules, severities, messages)', async () => {
    const files = cliFindings(wsUri('bundled/training-basics'));
    assert.ok(files.length >= 6, 'the bundled training sample is there');
    for (const { uri, name, expected } of files) {
      await vscode.window.showTextDocument(uri);
      await waitForDiagnostics(
        uri,
        (ds) => ds.length === expected.length,
        `${expected.length} findings on ${name}`,
        api,
      );
      assert.deepStrictEqual(diagnosticLines(uri), expected, name);
    }
  });

  it('re-audits while typing: a supervisor_review by another officer removes the finding', async () => {
    const { uri, doc } = await open(SUP);
    await waitForRule(uri, 'supervision-recorded', api);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      uri,
      doc.positionAt(doc.getText().length),
      [
        '  - at: 2013-11-05T08:30',
        '    author: { id: PS 2231, role: supervisor }',
        '    type: supervisor_review',
        '    text: Reviewed. Lines of enquiry proportionate. Review 7 days.',
        '',
      ].join('\n'),
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty, 'not saved: the audit follows the buffer');
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no findings after the independent review', api);

    // and back: the finding returns when the review is removed again
    await restoreFile(uri, original);
    await waitForRule(uri, 'supervision-recorded', api);
  });

  it('a review by the officer in case does not count (the finding stays after the edit)', async () => {
    const { uri, doc } = await open(SUP);
    await waitForRule(uri, 'supervision-recorded', api);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      uri,
      doc.positionAt(doc.getText().length),
      [
        '  - at: 2013-11-05T08:30',
        '    author: { id: PC 4512, role: officer }',
        '    type: supervisor_review',
        '    text: Reviewed again.',
        '',
      ].join('\n'),
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await api.whenIdle();
    const d = await waitForRule(uri, 'supervision-recorded', api);
    assert.strictEqual(fmtRange(d.range), fmtRange(rangeIn(doc.getText(), 'log', /^log:/)));
  });

  it('maps severities through the dipsample.severity setting', async () => {
    const { uri } = await open(SUP);
    await waitForRule(uri, 'supervision-recorded', api);
    await vscode.workspace
      .getConfiguration('dipsample')
      .update('severity', { error: 'Warning' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      uri,
      (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Warning,
      'the error shown as a warning',
      api,
    );
    await vscode.workspace
      .getConfiguration('dipsample')
      .update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      uri,
      (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Error,
      'the error back as an error',
      api,
    );
  });

  it('a malformed file opened in the editor shows one syntax finding', async () => {
    const { uri } = await open('training/TRAIN-BROKEN.crime.yaml');
    const ds = await waitForDiagnostics(uri, (d) => d.length > 0, 'the syntax finding', api);
    await api.whenIdle();
    assert.strictEqual(dipsampleDiagnostics(uri).length, 1, describeDiagnostics(uri));
    assert.strictEqual(codeValue(ds[0]), 'syntax');
    assert.strictEqual(ds[0].range.start.line, 3, 'on the duplicate key');
    assert.strictEqual(
      codeTarget(ds[0])?.toString(),
      vscode.Uri.joinPath(extension().extensionUri, 'rules', 'docs', 'README.md').toString(),
    );
  });

  it('hover on a finding shows the rule title, its source quotation and the parameters in force', async () => {
    const { uri } = await open(SUP);
    const d = await waitForRule(uri, 'supervision-recorded', api);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      d.range.start.translate(0, 1),
    );
    const text = hoverText(hovers ?? []);
    assert.match(text, /Independent supervisory review before filing/, `hover:\n${text}`);
    assert.match(
      text,
      /evidence of supervisors checking the reports and police activity in relation to the crime investigation/,
      `hover:\n${text}`,
    );
    assert.match(text, /minimumReviews/, `hover:\n${text}`);
    assert.match(text, /roles/, `hover:\n${text}`);
    // away from any finding: no dipsample hover
    const elsewhere = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(2, 3),
    );
    assert.doesNotMatch(hoverText(elsewhere ?? []), /Independent supervisory review before filing/);
  });

  it("the status bar counts the files and findings of the active editor's sample", async function () {
    const { uri } = await open(SUP);
    await waitForRule(uri, 'supervision-recorded', api);
    const status = await waitUntil(
      () => api.status(),
      'a status for the active editor',
      () => JSON.stringify(api.status()),
      { api },
    );
    const m = /^\$\(checklist\) (\d+) files? · (\d+) findings?$/.exec(status.text);
    assert.ok(m, `status text: ${JSON.stringify(status.text)}`);
    assert.strictEqual(Number(m[1]), status.files);
    assert.strictEqual(Number(m[2]), status.findings);
    assert.ok(status.files >= 1 && status.findings >= 1, JSON.stringify(status));
    if (!bridgeAvailable()) return;
    // what the user sees, read from the rendered workbench by the harness
    const bar = await askHarness<string>('text', {
      selector: '[id="workbench.parts.statusbar"]',
      contains: `${status.findings} finding`,
    });
    assert.match(bar, new RegExp(`${status.files} files? · ${status.findings} findings?`));
  });

  it('dipsample.openRuleDoc opens the bundled documentation page', async () => {
    await vscode.commands.executeCommand('dipsample.openRuleDoc', 'filed-within-24h');
    const page = vscode.Uri.joinPath(extension().extensionUri, 'rules', 'docs', 'filed-within-24h.md');
    const tab = await waitUntil(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find(
            (t) =>
              ((t.input instanceof vscode.TabInputText || t.input instanceof vscode.TabInputCustom) &&
                t.input.uri.toString() === page.toString()) ||
              (t.input instanceof vscode.TabInputWebview && /filed-within-24h/.test(t.label)),
          ),
      'a tab showing rules/docs/filed-within-24h.md (editor or markdown preview)',
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .map((t) => t.label)
          .join(', '),
      { events: [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>] },
    );
    assert.ok(tab.isActive, `${tab.label} is the active tab`);
  });
});
