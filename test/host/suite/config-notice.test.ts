// The editor never hides a gap: a broken pack or `.dipsample.yaml` is said in the summary, the
// status bar and every export (with which packs and rules are missing); a rule switched off for a
// sample is listed as switched off; the status bar counts the whole sample, not the open files.
// Each test makes its sample folders and deletes them.
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { askHarness, bridgeAvailable } from '../bridge';
import { cliJson, openSummary, webview } from '../summaryPage';
import {
  activate,
  closeAllEditors,
  type DipsampleApi,
  extension,
  hoverText,
  readText,
  waitForRule,
  waitUntil,
  writeText,
  wsUri,
} from '../util';

/** What the status bar reports (src/vscode/statusBar.ts SampleStatus). */
interface Status {
  text: string;
  files: number;
  findings: number;
  of?: number;
  configurationProblems?: boolean;
}

/** The parts of the summary's overview these tests read. */
interface NoticeOverview {
  sample: {
    configuration?: { unloadedPacks: string[]; brokenRules: string[]; unusableFiles: string[]; problems: unknown[] };
    switchedOff?: Array<{ rule: string; file: string }>;
  };
  totals: { files: number };
}

const status = (api: DipsampleApi) => api.status() as Status | undefined;

/** Two crime files of the host workspace's training sample, copied under new references. */
async function crimeFiles(folder: vscode.Uri, prefix: string): Promise<vscode.Uri[]> {
  const files: vscode.Uri[] = [];
  for (const [source, name] of [
    ['TRAIN-GOOD', 'GOOD'],
    ['TRAIN-PLAN', 'PLAN'],
  ]) {
    const text = await readText(wsUri(`training/${source}.crime.yaml`));
    const uri = vscode.Uri.joinPath(folder, `${prefix}-${name}.crime.yaml`);
    await writeText(uri, text.replace(/^reference: .*$/m, `reference: ${prefix}-${name}`));
    files.push(uri);
  }
  return files;
}

function manifest(name: string): string {
  return ['format: dip-sample/1', `name: "${name}"`, 'force: Northmoor Constabulary', 'packs: [core]', ''].join('\n');
}

describe('configuration notices: the editor never hides a gap', function () {
  let api: DipsampleApi;
  const made: vscode.Uri[] = [];

  before(async () => {
    api = await activate();
    await closeAllEditors();
  });

  after(async () => {
    await closeAllEditors();
    for (const folder of made) await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    await api.whenIdle();
  });

  async function sample(name: string, files: Record<string, string>): Promise<vscode.Uri> {
    const folder = wsUri(name);
    made.push(folder);
    for (const [file, text] of Object.entries(files)) await writeText(vscode.Uri.joinPath(folder, file), text);
    return folder;
  }

  it('an unclosed `packs: [core` is said in the summary, the status bar and the exports', async function () {
    const name = 'Notice: unusable configuration';
    const folder = await sample('notice-unusable', {
      'sample.yaml': manifest(name),
      '.dipsample.yaml': 'packs: [core, hmic-2014-core-business\n',
    });
    const [good] = await crimeFiles(folder, 'NU');

    // The status bar, from one open file: the whole sample (2 files), and the problem.
    await vscode.window.showTextDocument(good, { preview: false });
    const shown = await waitUntil(
      () => status(api)?.configurationProblems && status(api)?.files === 2 && status(api),
      'the status bar to count the sample and flag its configuration',
      () => JSON.stringify(status(api)),
      { api },
    );
    assert.match(shown.text, /^\$\(warning\) 2 files · 1 finding · configuration problems$/);

    // The summary's model and its page.
    await openSummary(folder);
    const overview = await waitUntil(
      () => {
        const current = api.summary(folder)?.overview as unknown as NoticeOverview | undefined;
        return current?.totals.files === 2 && current.sample.configuration ? current : undefined;
      },
      'the summary to carry the configuration notice',
      () => JSON.stringify(api.summary(folder)?.overview.sample),
      { api },
    );
    assert.deepStrictEqual(overview.sample.configuration?.unusableFiles, [
      vscode.Uri.joinPath(folder, '.dipsample.yaml').fsPath,
    ]);
    if (bridgeAvailable()) {
      await webview(name, 'text', { selector: '#config-notice', contains: 'The configuration has problems' });
      await webview(name, 'text', {
        selector: '#config-notice',
        contains: '.dipsample.yaml could not be used: its packs and rule settings are not applied',
      });
      await webview(name, 'text', { selector: '#config-notice', contains: '.dipsample.yaml line ' });
    }

    // Every export says it.
    const markdownFile = vscode.Uri.joinPath(folder, 'exports', 'summary.md');
    assert.ok(await vscode.commands.executeCommand('dipsample.exportSummary', folder, 'markdown', markdownFile));
    const markdown = await readText(markdownFile);
    assert.match(markdown, /> \*\*Warning: The configuration has problems/);
    assert.match(markdown, /\.dipsample\.yaml could not be used/);
    const htmlFile = vscode.Uri.joinPath(folder, 'exports', 'report.html');
    assert.ok(await vscode.commands.executeCommand('dipsample.exportSummary', folder, 'html', htmlFile));
    assert.match(await readText(htmlFile), /class="config-notice" role="alert"/);
    for (const format of ['csv-summary', 'csv-files', 'csv-verdicts']) {
      const file = vscode.Uri.joinPath(folder, 'exports', `${format}.csv`);
      assert.ok(await vscode.commands.executeCommand('dipsample.exportSummary', folder, format, file));
      const [, first] = (await readText(file)).split(/\r?\n/);
      assert.match(first, /(^|,)configuration,.*The configuration has problems/, `${format}: ${first}`);
    }
  });

  it('a pack that does not parse is named as not loaded, and a switched-off rule is listed as such', async function () {
    const name = 'Northmoor force pack check';
    const folder = await sample('notice-pack', {
      'sample.yaml': manifest(name),
      '.dipsample.yaml': ['packs:', '  - core', '  - ./northmoor.pack.yaml', 'rules:', '  advice-given: off', ''].join(
        '\n',
      ),
      // An unclosed flow sequence: the pack does not parse.
      'northmoor.pack.yaml': ['pack: northmoor', 'title: Northmoor force rules', 'rules: [', ''].join('\n'),
    });
    await crimeFiles(folder, 'NP');
    await openSummary(folder);
    const overview = await waitUntil(
      () => {
        const current = api.summary(folder)?.overview as unknown as NoticeOverview | undefined;
        return current?.totals.files === 2 && current.sample.configuration && current.sample.switchedOff
          ? current
          : undefined;
      },
      'the summary to carry the notice and the switched-off rule',
      () => JSON.stringify(api.summary(folder)?.overview.sample),
      { api },
    );
    assert.deepStrictEqual(overview.sample.configuration?.unloadedPacks, ['./northmoor.pack.yaml']);
    assert.deepStrictEqual(
      overview.sample.switchedOff?.map((rule) => rule.rule),
      ['advice-given'],
    );
    const csvFile = vscode.Uri.joinPath(folder, 'exports', 'summary.csv');
    assert.ok(await vscode.commands.executeCommand('dipsample.exportSummary', folder, 'csv-summary', csvFile));
    assert.match(await readText(csvFile), /\ncore,advice-given,[^,\n]*\(switched off in \.dipsample\.yaml\),off,,/);
    if (!bridgeAvailable()) return;
    await webview(name, 'text', {
      selector: '#config-notice',
      contains: 'Rule packs not loaded (none of their rules audited): ./northmoor.pack.yaml',
    });
    await webview(name, 'text', {
      selector: '#rules-table tr[data-rule="advice-given"] td[data-switched-off]',
      equals: 'switched off in .dipsample.yaml',
    });

    // Screenshots for docs/ (copied from test-artifacts/screenshots/): light and dark.
    const config = vscode.workspace.getConfiguration('workbench');
    try {
      // The sample's crime file beside its summary: the status bar says the configuration has problems too.
      await closeAllEditors();
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'NP-PLAN.crime.yaml'), { preview: false });
      await openSummary(folder);
      await waitUntil(
        () => status(api)?.configurationProblems,
        'the status bar to flag the configuration',
        () => JSON.stringify(status(api)),
        { api },
      );
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      for (const [theme, bodyClass, shot] of [
        ['Default Light Modern', 'vscode-light', 'config-notice-light'],
        ['Default Dark Modern', 'vscode-dark', 'config-notice-dark'],
      ]) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await webview(name, 'attribute', { selector: 'body', name: 'class', contains: bodyClass });
        await webview(name, 'text', { selector: '#rules-table tr[data-rule="advice-given"]' });
        const file = await askHarness<string>('screenshot', { name: shot, keep: true });
        assert.ok(file.endsWith(`${shot}.png`));
      }
    } finally {
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    }
  });

  it('filters that match nothing say so and offer to clear them', async function () {
    if (!bridgeAvailable()) this.skip();
    const name = 'Northmoor force pack check';
    await openSummary(wsUri('notice-pack'));
    await webview(name, 'text', { selector: '.list-status', contains: 'Showing 1 finding in 1 file' });
    assert.strictEqual(await webview<number>(name, 'count', { selector: '#findings-no-match:not([hidden])' }), 0);
    // severity: All, error, warning (the sample has errors only)
    await webview(name, 'press', {
      selector: '#filter-severity',
      keys: ['ArrowDown', 'ArrowDown', 'ArrowDown', 'Enter'],
    });
    await webview(name, 'text', { selector: '.list-status', contains: 'Showing 0 findings' });
    await webview(name, 'text', { selector: '#findings-no-match', contains: 'No findings match these filters.' });
    assert.strictEqual(await webview<number>(name, 'count', { selector: '#findings-no-match:not([hidden])' }), 1);
    await webview(name, 'click', { selector: '#clear-filters' });
    await webview(name, 'text', { selector: '.list-status', contains: 'Showing 1 finding in 1 file' });
    assert.strictEqual(await webview<number>(name, 'count', { selector: '#findings-no-match:not([hidden])' }), 0);
    // references and names keep their ends in view however narrow the column (the full text as a tooltip)
    const cells = await webview<string[]>(name, 'texts', {
      selector: '#findings-grid .grid-body [role="gridcell"].middle',
    });
    assert.deepStrictEqual(cells, ['NP-PLAN.crime.yaml', 'NP-PLAN']);
    const tails = await webview<string[]>(name, 'texts', { selector: '#findings-grid .grid-body .middle .tail' });
    // short enough to show whole: one part that never shrinks
    assert.deepStrictEqual(tails, ['NP-PLAN.crime.yaml', 'NP-PLAN']);
  });

  it('the hover cites the report and its paragraph, never the research seed file', async () => {
    const uri = wsUri('training/TRAIN-SUP.crime.yaml');
    await vscode.window.showTextDocument(uri, { preview: false });
    const d = await waitForRule(uri, 'supervision-recorded', api);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      d.range.start.translate(0, 1),
    );
    // the hover's Markdown, its escapes taken out
    const text = hoverText(hovers ?? []).replace(/\\(.)/g, '$1');
    assert.match(text, /— HMIC, Core business \(2014\), para \d/, text);
    assert.doesNotMatch(text, /\.txt|seed/i, text);
  });

  it('the status bar counts every file of the sample, not only the open one', async () => {
    await closeAllEditors();
    const training = wsUri('training');
    const cli = cliJson(training);
    const findings = cli.files.reduce<number>((n, file) => n + (file as { findings: unknown[] }).findings.length, 0);
    await vscode.window.showTextDocument(wsUri('training/TRAIN-GOOD.crime.yaml'), { preview: false });
    const shown = await waitUntil(
      () => {
        const current = status(api);
        return current?.files === cli.summary.files && current.findings === findings ? current : undefined;
      },
      `the status bar to count the ${cli.summary.files} files and ${findings} findings of the training sample`,
      () => JSON.stringify(status(api)),
      { api },
    );
    assert.strictEqual(shown.text, `$(checklist) ${cli.summary.files} files · ${findings} findings`);
    assert.ok(!shown.configurationProblems);
    assert.ok(cli.summary.files > 1 && findings > 0, 'one open file of a sample of several, with findings elsewhere');
  });
});

describe('single-file use: a crime file outside any folder', function () {
  let api: DipsampleApi;
  let folder: vscode.Uri;

  before(async () => {
    api = await activate();
    folder = vscode.Uri.file(await fs.mkdtemp(path.join(os.tmpdir(), 'dipsample-single-')));
  });

  after(async () => {
    await closeAllEditors();
    await fs.rm(folder.fsPath, { recursive: true, force: true });
  });

  it('activates on a YAML or JSON file and audits a crime file opened without a folder', async () => {
    const events = (extension().packageJSON as { activationEvents: string[] }).activationEvents;
    assert.ok(events.includes('onLanguage:yaml') && events.includes('onLanguage:json'), events.join(', '));
    const uri = vscode.Uri.joinPath(folder, 'LOOSE-PLAN.crime.yaml');
    await writeText(uri, await readText(wsUri('training/TRAIN-PLAN.crime.yaml')));
    assert.strictEqual(vscode.workspace.getWorkspaceFolder(uri), undefined, 'outside every workspace folder');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.languageId, 'yaml');
    await vscode.window.showTextDocument(document, { preview: false });
    await waitForRule(uri, 'investigation-plan-present', api);
    const shown = await waitUntil(
      () => status(api)?.files === 1 && status(api),
      'the status bar for the loose file',
      () => JSON.stringify(status(api)),
      { api },
    );
    assert.strictEqual(shown.text, '$(checklist) 1 file · 1 finding');
  });
});
