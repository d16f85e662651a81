// Which crime files the editor audits: the `ignores` of `.dipsample.yaml` (globs relative to its
// folder, as the CLI reads them) and the `dipsample.files.include` / `exclude` settings (relative to
// the workspace folder). A file left out gets no diagnostics, even open, and is counted nowhere:
// folder audits, the status bar, the summary. Changing the ignores brings a file back.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activate,
  closeAllEditors,
  codeValue,
  describeDiagnostics,
  dipsampleDiagnostics,
  type DipsampleApi,
  readText,
  waitForRule,
  waitUntil,
  writeText,
  wsUri,
} from '../util';

const FOLDER = 'scope-sample';
const PLAN_RULE = 'investigation-plan-present';
const CONFIG = ['packs: [core]', 'ignores:', '  - drafts/', ''].join('\n');

describe('which files are audited: ignores and dipsample.files.*', function () {
  let api: DipsampleApi;
  const folder = () => wsUri(FOLDER);
  const file = (name: string) => wsUri(`${FOLDER}/${name}`);
  const files = vscode.workspace.getConfiguration('dipsample.files');
  const status = () => api.status();
  type Overview = { totals: { files: number } };

  before(async () => {
    api = await activate();
    await closeAllEditors();
    const plan = await readText(wsUri('training/TRAIN-PLAN.crime.yaml'));
    const good = await readText(wsUri('training/TRAIN-GOOD.crime.yaml'));
    const copy = (text: string, reference: string) => text.replace(/^reference: .*$/m, `reference: ${reference}`);
    await writeText(
      file('sample.yaml'),
      ['format: dip-sample/1', 'name: "Scope check"', 'force: Northmoor Constabulary', 'packs: [core]', ''].join('\n'),
    );
    await writeText(file('.dipsample.yaml'), CONFIG);
    await writeText(file('S-GOOD.crime.yaml'), copy(good, 'S-GOOD'));
    await writeText(file('S-PLAN.crime.yaml'), copy(plan, 'S-PLAN'));
    await writeText(file('old/S-OLD.crime.yaml'), copy(plan, 'S-OLD'));
    await writeText(file('drafts/S-DRAFT.crime.yaml'), copy(plan, 'S-DRAFT'));
  });

  after(async () => {
    if (!api) return;
    await closeAllEditors();
    await files.update('include', undefined, vscode.ConfigurationTarget.Global);
    await files.update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
    await api.whenIdle();
  });

  it('a file the ignores match gets no diagnostics, even open, and is not counted', async () => {
    // An ignored file and an audited copy of it, both open: the copy's finding shows the audits ran.
    await vscode.window.showTextDocument(file('drafts/S-DRAFT.crime.yaml'), { preview: false });
    await vscode.window.showTextDocument(file('S-PLAN.crime.yaml'), { preview: false });
    await waitForRule(file('S-PLAN.crime.yaml'), PLAN_RULE, api);
    const shown = await waitUntil(
      () => status()?.files === 3 && status(),
      'the status bar to count the three files not ignored',
      () => JSON.stringify(status()),
      { api },
    );
    assert.match(shown.text, /3 files · 2 findings/);
    await api.whenIdle();
    assert.deepStrictEqual(
      dipsampleDiagnostics(file('drafts/S-DRAFT.crime.yaml')),
      [],
      describeDiagnostics(file('drafts/S-DRAFT.crime.yaml')),
    );

    const totals = await vscode.commands.executeCommand<{ files: number; findings: number }>(
      'dipsample.auditFolder',
      folder(),
    );
    assert.deepStrictEqual([totals.files, totals.findings], [3, 2]);
    assert.deepStrictEqual(dipsampleDiagnostics(file('drafts/S-DRAFT.crime.yaml')), []);

    await vscode.commands.executeCommand('dipsample.openSummary', folder());
    const overview = await waitUntil(
      () => {
        const current = api.summary(folder())?.overview as unknown as Overview | undefined;
        return current?.totals.files === 3 ? current : undefined;
      },
      'the summary to count the three files not ignored',
      () => JSON.stringify(api.summary(folder())?.overview.totals),
      { api },
    );
    assert.strictEqual(overview.totals.files, 3);
    await closeAllEditors();
  });

  it('dipsample.files.exclude and include leave files out; clearing them brings them back', async () => {
    await vscode.commands.executeCommand('dipsample.auditFolder', folder());
    await waitForRule(file('old/S-OLD.crime.yaml'), PLAN_RULE, api);
    await vscode.window.showTextDocument(file('S-PLAN.crime.yaml'), { preview: false });

    await files.update('exclude', [`${FOLDER}/old/`], vscode.ConfigurationTarget.Global);
    await waitUntil(
      () => dipsampleDiagnostics(file('old/S-OLD.crime.yaml')).length === 0 && status()?.files === 2,
      'the excluded file to lose its diagnostics and leave the count',
      () => `${JSON.stringify(status())}; S-OLD: ${describeDiagnostics(file('old/S-OLD.crime.yaml'))}`,
      { api },
    );
    const totals = await vscode.commands.executeCommand<{ files: number }>('dipsample.auditFolder', folder());
    assert.strictEqual(totals.files, 2);

    await files.update('include', [`${FOLDER}/S-PLAN.crime.yaml`], vscode.ConfigurationTarget.Global);
    await waitUntil(
      () => status()?.files === 1,
      'only the included file to be counted',
      () => JSON.stringify(status()),
      { api },
    );

    await files.update('include', undefined, vscode.ConfigurationTarget.Global);
    await files.update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await waitUntil(
      () =>
        status()?.files === 3 &&
        dipsampleDiagnostics(file('old/S-OLD.crime.yaml')).some((d) => codeValue(d) === PLAN_RULE),
      'the files to be audited again once the settings are cleared',
      () => `${JSON.stringify(status())}; S-OLD: ${describeDiagnostics(file('old/S-OLD.crime.yaml'))}`,
      { api },
    );
    await closeAllEditors();
  });

  it('removing the ignores from .dipsample.yaml audits the file again', async () => {
    // The ignored file open beside the active one (an active file with no results hides the status bar).
    await vscode.window.showTextDocument(file('drafts/S-DRAFT.crime.yaml'), { preview: false });
    await vscode.window.showTextDocument(file('S-PLAN.crime.yaml'), { preview: false });
    await waitForRule(file('S-PLAN.crime.yaml'), PLAN_RULE, api);
    await writeText(file('.dipsample.yaml'), 'packs: [core]\n');
    await waitForRule(file('drafts/S-DRAFT.crime.yaml'), PLAN_RULE, api);
    await waitUntil(
      () => status()?.files === 4,
      'the status bar to count the file no longer ignored',
      () => JSON.stringify(status()),
      { api },
    );
    await writeText(file('.dipsample.yaml'), CONFIG);
    await waitUntil(
      () => dipsampleDiagnostics(file('drafts/S-DRAFT.crime.yaml')).length === 0 && status()?.files === 3,
      'the file ignored again to lose its diagnostics',
      () => `${JSON.stringify(status())}; ${describeDiagnostics(file('drafts/S-DRAFT.crime.yaml'))}`,
      { api },
    );
  });
});
