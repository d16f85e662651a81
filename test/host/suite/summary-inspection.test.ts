// The summary's inspection tables in the real host: the action list, outcomes and timeliness of the
// bundled sample read as `dipsample report` words them; the pass/fail toggle turns every share; a
// breakdown by facts the user picks (with subtotals) equals `report --by`; and a folder of sample
// folders is one view with a row group per sample and the total, equal to `report a b`. Screenshots
// of each in light and dark themes go to docs/images/ (copied from test-artifacts/screenshots/).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { askHarness, bridgeAvailable } from '../bridge';
import { BUNDLED, BUNDLED_NAME, openSummary, webview } from '../summaryPage';
import {
  activate,
  closeAllEditors,
  type DipsampleApi,
  extension,
  readText,
  waitUntil,
  writeText,
  wsUri,
} from '../util';

interface CliRule {
  rule: string;
  failed: number;
  passed: number;
  notApplicable: number;
  awaitingJudgment: number;
  applicable: number;
  failedPercent?: number;
}
interface CliReport {
  samples: Array<{
    name: string;
    force?: string;
    files: number;
    rules: CliRule[];
    actions: Array<{ rule: string; failed: number; applicable: number; failedPercent: number }>;
    breakdowns: Array<{ id: string; groups: Array<{ labels: string[]; files: number }> }>;
  }>;
  total: { files: number; rules: CliRule[] };
}

/** `dipsample report <folders…> --format json` from the built CLI: the figures the view must show. */
function cliReport(folders: vscode.Uri[], ...args: string[]): CliReport {
  const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
  const json = execFileSync(
    process.execPath,
    [cli, 'report', ...folders.map((folder) => folder.fsPath), '--format', 'json', ...args],
    { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
  );
  return JSON.parse(json) as CliReport;
}

/** Picks option `index` (0-based) of a vscode-single-select from the keyboard, from its first option. */
async function choose(sample: string, selector: string, index: number): Promise<void> {
  const options = await webview<number>(sample, 'count', { selector: `${selector} vscode-option` });
  await webview(sample, 'press', {
    selector,
    keys: ['ArrowDown', ...Array<string>(options).fill('ArrowUp'), ...Array<string>(index).fill('ArrowDown'), 'Enter'],
  });
}

/** Screenshots of the workbench in light and dark, after `show` puts the part of the page in view. */
async function screenshots(sample: string, name: string, show: () => Promise<void>): Promise<void> {
  const config = vscode.workspace.getConfiguration('workbench');
  try {
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    for (const [theme, bodyClass, shot] of [
      ['Default Light Modern', 'vscode-light', `${name}-light`],
      ['Default Dark Modern', 'vscode-dark', `${name}-dark`],
    ]) {
      await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await webview(sample, 'attribute', { selector: 'body', name: 'class', contains: bodyClass });
      await show();
      await new Promise((resolve) => setTimeout(resolve, 300)); // smooth scrolling and repaint
      const file = await askHarness<string>('screenshot', { name: shot, keep: true });
      assert.ok(file.endsWith(`${shot}.png`));
    }
  } finally {
    await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
  }
}

const scrollTo = (sample: string, section: string) => () =>
  webview(sample, 'click', { selector: `.section-nav [data-section="${section}"]` }).then(() => undefined);

describe('summary webview: inspection tables', function () {
  let api: DipsampleApi;
  const folder = () => wsUri(BUNDLED);

  before(async function () {
    if (!bridgeAvailable()) this.skip(); // needs the Playwright harness to see inside the webview
    api = await activate();
    await closeAllEditors();
  });

  it('shows the action list, outcomes and timeliness of the bundled sample as the CLI report', async () => {
    const [cli] = cliReport([folder()]).samples;
    await openSummary(folder());
    // The action list: the CLI's order, each share with its interval and n, and its passage.
    await webview(BUNDLED_NAME, 'text', { selector: '#actions-table' });
    const ranked = await webview<string[]>(BUNDLED_NAME, 'texts', { selector: '#actions-table tbody tr th .rule-id' });
    assert.deepStrictEqual(
      ranked,
      cli.actions.map((action) => action.rule),
    );
    const shares = await webview<string[]>(BUNDLED_NAME, 'texts', {
      selector: '#actions-table tbody td[data-count="share"]',
    });
    cli.actions.forEach((action, index) =>
      assert.ok(
        shares[index].startsWith(`${action.failedPercent.toFixed(1)}% (`) &&
          shares[index].endsWith(`, ${action.failed} of ${action.applicable}`),
        `${action.rule}: ${shares[index]}`,
      ),
    );
    assert.strictEqual(shares[0], '25.0% (7.1–59.1), 2 of 8', 'hand-checked Wilson interval of 2 of 8');
    await webview(BUNDLED_NAME, 'text', {
      selector: '#actions-table tr[data-rule="investigation-plan-present"] [data-source="passage"]',
      contains: 'HMIC, Core business (2014), para 4.99: “evidence of an investigation plan',
    });

    // Outcomes: Table 1's groups of the 8 files, codes of the 7 filed, outcome 16.
    await webview(BUNDLED_NAME, 'text', {
      selector: '#outcome-groups-table tr[data-group="noSuspect"] td[data-count="share"]',
      equals: '75.0% (40.9–92.9), 6 of 8',
    });
    await webview(BUNDLED_NAME, 'text', {
      selector: '#outcome-groups-table tr[data-group="noSuspect"] td[data-count="national"]',
      equals: '38.2',
    });
    await webview(BUNDLED_NAME, 'text', {
      selector: '#outcome-groups-table tr[data-group="notAssigned"] td[data-count="share"]',
      equals: '12.5% (2.2–47.1), 1 of 8',
    });
    assert.deepStrictEqual(
      await webview<string[]>(BUNDLED_NAME, 'texts', { selector: '#outcome-codes-table tbody td[data-count="share"]' }),
      ['14.3% (2.6–51.3), 1 of 7', '85.7% (48.7–97.4), 6 of 7'],
    );
    await webview(BUNDLED_NAME, 'text', { selector: '#outcome16', contains: '0.0% (0.0–35.4), 0 of 7' });

    // Timeliness of all files: medians and quartiles, and the filing bands.
    const cell = (attribute: string) => `#timeliness-table[data-cut="all"] td[${attribute}]`;
    await webview(BUNDLED_NAME, 'text', {
      selector: cell('data-measure="toFiling"'),
      equals: 'median 5.5 days (quartiles 2.1 days – 7.9 days), n=7',
    });
    await webview(BUNDLED_NAME, 'text', {
      selector: cell('data-measure="toFirstContact"'),
      equals: 'median 1.6 h (quartiles 1.1 h – 8.6 h), n=8',
    });
    assert.deepStrictEqual(await webview<string[]>(BUNDLED_NAME, 'texts', { selector: cell('data-band') }), [
      '14.3% (2.6–51.3), 1 of 7',
      '57.1% (25.0–84.2), 4 of 7',
      '28.6% (8.2–64.1), 2 of 7',
    ]);
    // ... and per breakdown: domestic abuse (the one open file has no time to filing).
    await choose(BUNDLED_NAME, '#timeliness-cut', 2);
    await webview(BUNDLED_NAME, 'text', {
      selector: '#timeliness-table[data-cut="domesticAbuse"] tbody tr:first-child',
      contains: 'median 1.7 h (quartiles 1.7 h – 1.7 h), n=1',
    });
    assert.deepStrictEqual(api.summary(folder())?.cspViolations, [], 'no Content-Security-Policy violations');

    await screenshots(BUNDLED_NAME, 'summary-actions', scrollTo(BUNDLED_NAME, 'actions-heading'));
    await screenshots(BUNDLED_NAME, 'summary-outcomes', scrollTo(BUNDLED_NAME, 'outcomes-heading'));
    await choose(BUNDLED_NAME, '#timeliness-cut', 1); // by crime category and attendance
    await webview(BUNDLED_NAME, 'text', { selector: '#timeliness-table[data-cut="categoryAttendance"]' });
    await screenshots(BUNDLED_NAME, 'summary-timeliness', scrollTo(BUNDLED_NAME, 'timeliness-heading'));
    await choose(BUNDLED_NAME, '#timeliness-cut', 0);
  });

  it('turns every share to the passed share, with the complement interval', async () => {
    await openSummary(folder());
    const share = '#rules-table tr[data-rule="investigation-plan-present"] td[data-count="share"]';
    await webview(BUNDLED_NAME, 'text', { selector: share, equals: '25.0% (7.1–59.1)' });
    await choose(BUNDLED_NAME, '#share-kind', 1);
    await webview(BUNDLED_NAME, 'text', { selector: share, equals: '75.0% (40.9–92.9)' });
    await webview(BUNDLED_NAME, 'text', { selector: '#rules-table thead', contains: '% passed (95% CI)' });
    await webview(BUNDLED_NAME, 'text', {
      selector: '#actions-table tr[data-rule="investigation-plan-present"] td[data-count="share"]',
      equals: '75.0% (40.9–92.9), 6 of 8',
    });
    await webview(BUNDLED_NAME, 'text', {
      selector: '#domestic-abuse-table tr[data-rule="investigation-plan-present"] td:last-child',
      equals: '75.0% (40.9–92.9), n=8',
    });
    await choose(BUNDLED_NAME, '#share-kind', 0);
    await webview(BUNDLED_NAME, 'text', { selector: share, equals: '25.0% (7.1–59.1)' });
  });

  it('breaks the sample down by the facts picked, with subtotals, as report --by', async () => {
    const fields = ['officer_in_case.role', 'attendance.status'];
    const [cli] = cliReport([folder()], '--by', fields.join(',')).samples;
    const groups = cli.breakdowns.find((breakdown) => breakdown.id === `by:${fields.join('+')}`)!.groups;
    await openSummary(folder());
    await choose(BUNDLED_NAME, '#breakdown-rule', 0); // investigation-plan-present
    await webview(BUNDLED_NAME, 'text', {
      selector: '#field-breakdown-heading ~ .table-scroll',
      contains: 'Pick a fact',
    });
    const audits = api.filesAudited();
    await choose(BUNDLED_NAME, '#breakdown-field', 4); // Investigator type
    await webview(BUNDLED_NAME, 'text', { selector: '#field-table caption', contains: 'investigator type' });
    await choose(BUNDLED_NAME, '#breakdown-field-2', 2); // then by attendance
    await webview(BUNDLED_NAME, 'text', {
      selector: '#field-table caption',
      contains: 'Files by investigator type and attendance, with a subtotal per first value',
    });
    assert.strictEqual(api.filesAudited(), audits, 'the new cut is tallied from the results, without a re-audit');
    const labels = await webview<string[]>(BUNDLED_NAME, 'texts', {
      selector: '#field-table tbody tr:not(.subtotal):not(.total) th',
    });
    // Every group of the CLI's breakdown, with its files, in its order.
    const groupRows = await webview<string[]>(BUNDLED_NAME, 'texts', {
      selector: '#field-table tbody tr:not(.subtotal):not(.total) td[data-count="files"]',
    });
    assert.deepStrictEqual(
      groupRows.map(Number),
      groups.map((group) => group.files),
      'files per group',
    );
    assert.deepStrictEqual(
      labels,
      groups.map((group) => group.labels[0].replace(/_/g, ' ')),
      'first labels per group',
    );
    // A subtotal per investigator type with more than one attendance value: its groups add up.
    const subtotals = await webview<string[]>(BUNDLED_NAME, 'texts', { selector: '#field-table tr.subtotal' });
    const expected = [...new Set(groups.map((group) => group.labels[0]))].filter(
      (role) => groups.filter((group) => group.labels[0] === role).length > 1,
    );
    assert.ok(
      expected.length > 0,
      `the bundled sample has a role with two attendance values: ${JSON.stringify(groups)}`,
    );
    assert.strictEqual(subtotals.length, expected.length, subtotals.join(' | '));
    for (const role of expected) {
      const sum = groups.filter((group) => group.labels[0] === role).reduce((n, group) => n + group.files, 0);
      await webview(BUNDLED_NAME, 'text', {
        selector: `#field-table tr.subtotal[data-labels^="${role} /"] td[data-count="files"]`,
        equals: String(sum),
      });
    }
    await webview(BUNDLED_NAME, 'text', {
      selector: '#field-table tr.total td[data-count="share"]',
      equals: '25.0% (7.1–59.1), n=8',
    });

    await screenshots(BUNDLED_NAME, 'summary-breakdown-fields', () =>
      webview(BUNDLED_NAME, 'click', { selector: '#field-table caption' }).then(() => undefined),
    );

    // Kept across a reload of the page: the host tallies the saved cut again.
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    await webview(BUNDLED_NAME, 'text', {
      selector: '#field-table caption',
      contains: 'investigator type and attendance',
    });
    await choose(BUNDLED_NAME, '#breakdown-field', 0);
    await webview(BUNDLED_NAME, 'text', {
      selector: '#field-breakdown-heading ~ .table-scroll',
      contains: 'Pick a fact',
    });
  });

  describe('a folder of sample folders', () => {
    const forces = () => wsUri('forces');
    const samples = [
      {
        folder: 'northmoor',
        name: 'Northmoor dip-sample',
        force: 'Northmoor Constabulary',
        files: ['01', '02', '03', '04'],
      },
      { folder: 'southmoor', name: 'Southmoor dip-sample', force: 'Southmoor Police', files: ['05', '06', '07', '08'] },
    ];
    before(async () => {
      for (const sample of samples) {
        const target = vscode.Uri.joinPath(forces(), sample.folder);
        await writeText(
          vscode.Uri.joinPath(target, 'sample.yaml'),
          [
            'format: dip-sample/1',
            `name: "${sample.name}"`,
            `force: "${sample.force}"`,
            'period: { from: "2013-10-01", to: "2013-11-30", basis: reported }',
            `size: ${sample.files.length}`,
            'packs: [core]',
            '',
          ].join('\n'),
        );
        for (const file of sample.files)
          await writeText(
            vscode.Uri.joinPath(target, `TRAIN-${file}.crime.yaml`),
            await readText(vscode.Uri.joinPath(folder(), `TRAIN-${file}.crime.yaml`)),
          );
      }
    });
    after(async () => {
      await closeAllEditors();
      await vscode.workspace.fs.delete(forces(), { recursive: true });
    });

    it('is one view with a row group per sample and the total, as report a b', async () => {
      const cli = cliReport(samples.map((sample) => vscode.Uri.joinPath(forces(), sample.folder)));
      await openSummary(forces());
      const view = 'forces';
      await webview(view, 'text', { selector: '#samples-table' });
      const summary = await waitUntil(
        () => {
          const current = api.summary(forces());
          return current?.samples?.length === 2 && current.overview.totals.files === 8 ? current : undefined;
        },
        'the folder summary to tally both samples',
        () => JSON.stringify(api.summary(forces())?.samples?.map((sample) => [sample.name, sample.files])),
        { api },
      );
      assert.deepStrictEqual(
        summary.samples?.map((sample) => [sample.name, sample.force, sample.files]),
        cli.samples.map((sample) => [sample.name, sample.force, sample.files]),
      );
      assert.deepStrictEqual(
        await webview<string[]>(view, 'texts', { selector: '#samples-table td[data-count="files"]' }),
        ['4', '4', '8'],
      );
      await webview(view, 'text', {
        selector: '#samples-table tbody tr:first-child',
        contains: '2013-10-01 to 2013-11-30 (by date reported)',
      });
      // The rules: a row group per sample, in the CLI's order and counts, then the total.
      const groups = await webview<string[]>(view, 'texts', { selector: '#rules-table tbody tr.group-heading' });
      assert.deepStrictEqual(
        groups.map((text) => text.trim()),
        ['Northmoor dip-sample (Northmoor Constabulary)', 'Southmoor dip-sample (Southmoor Police)', 'Total'],
      );
      const parts = [
        ...samples.map((sample, index) => ({
          selector: `#rules-table tbody[data-sample="${vscode.Uri.joinPath(forces(), sample.folder).fsPath}"]`,
          rules: cli.samples[index].rules,
        })),
        { selector: '#rules-table tbody[data-sample="total"]', rules: cli.total.rules },
      ];
      for (const part of parts)
        for (const rule of part.rules) {
          const cells = await webview<string[]>(view, 'texts', {
            selector: `${part.selector} tr[data-rule="${rule.rule}"] td[data-count]`,
          });
          assert.deepStrictEqual(
            cells.slice(0, 4).map(Number),
            [rule.failed, rule.passed, rule.notApplicable, rule.awaitingJudgment],
            `${part.selector} ${rule.rule}`,
          );
          assert.strictEqual(Number(cells[6]), rule.applicable, `${part.selector} ${rule.rule} n`);
        }
      // The figures below the rules are the total's: 8 files.
      await webview(view, 'text', {
        selector: '#outcome-groups-table tr[data-group="noSuspect"] td[data-count="share"]',
        equals: '75.0% (40.9–92.9), 6 of 8',
      });
      assert.deepStrictEqual(api.summary(forces())?.cspViolations, [], 'no Content-Security-Policy violations');

      // The export is the report across the samples.
      const target = wsUri('exports/forces-summary.md');
      assert.ok(await vscode.commands.executeCommand('dipsample.exportSummary', forces(), 'markdown', target));
      const markdown = await readText(target);
      await vscode.workspace.fs.delete(target);
      assert.match(markdown, /^# Report across 2 samples/);
      assert.match(markdown, /\| Southmoor dip-sample \| Investigation plan with lines of enquiry/);

      // The top of the page: the samples, then the first row groups.
      await closeAllEditors();
      await openSummary(forces());
      await webview(view, 'text', { selector: '#samples-table' });
      await screenshots(view, 'summary-samples', async () => undefined);
    });
  });
});
