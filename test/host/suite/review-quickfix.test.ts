// Recording reviews with quick fixes in the real host: an awaiting judgment is an information
// diagnostic whose quick fix "Record judgment…" asks for the answer on the criterion's scale and a
// note; a machine finding's "Override … on review…" asks for the outcome and a required note. The
// file's diagnostics, the review file on disk, the sample summary's counts and `dipsample audit
// --format json` then agree.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { askHarness, bridgeAvailable } from '../bridge';
import { cliJson, webview } from '../summaryPage';
import {
  activate,
  closeAllEditors,
  codeValue,
  type DipsampleApi,
  extension,
  readText,
  waitForDiagnostics,
  waitUntil,
  wsUri,
} from '../util';

const SAMPLE = 'review-fix-sample';
const FILE = 'EM-17-038915.crime.yaml';
const JUDGMENT = 'peel17-effective-investigation';
const CHECK = 'peel17-bwv-considered'; // fails on this file: body-worn video never considered

interface CliResult {
  rule: string;
  outcome: string;
  judgment?: string;
  reviewer?: string;
  note?: string;
  machineOutcome?: string;
}

async function quickFixes(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    d.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (all ?? []).filter((a): a is vscode.CodeAction => 'title' in a && typeof a.command !== 'string');
}

describe('review quick fixes', function () {
  let api: DipsampleApi;
  const folder = () => wsUri(SAMPLE);
  const file = () => wsUri(`${SAMPLE}/${FILE}`);
  const reviewer = () => vscode.workspace.getConfiguration('dipsample.reviewer');
  type SummaryRow = { rule: string; reviewed: number; overridden: number; failed: number; notApplicable: number };
  const summaryRows = () => api.summary(folder())?.overview.rules as unknown as SummaryRow[] | undefined;

  before(async function () {
    if (!bridgeAvailable()) this.skip(); // the quick picks are answered through the Playwright harness
    api = await activate();
    await closeAllEditors();
    const source = path.join(extension().extensionPath, 'samples', 'peel-2017-file-review');
    for (const name of ['sample.yaml', FILE])
      await vscode.workspace.fs.copy(vscode.Uri.file(path.join(source, name)), vscode.Uri.joinPath(folder(), name));
    await reviewer().update('id', 'INSP-11', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    if (!api) return;
    await closeAllEditors();
    await reviewer().update('id', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
    await api.whenIdle();
  });

  it('records a judgment and an override; diagnostics, the review file, the summary and the CLI agree', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file()), { preview: false });
    const awaiting = (ds: vscode.Diagnostic[]) =>
      ds.find((d) => codeValue(d) === JUDGMENT && d.severity === vscode.DiagnosticSeverity.Information);
    const before = await waitForDiagnostics(file(), (ds) => awaiting(ds) !== undefined, 'an awaiting judgment', api);
    assert.match(awaiting(before)!.message, /^Awaiting judgment: /);

    // Every awaiting judgment is at the file's reference, so the line offers one "Record judgment" per
    // criterion (six on this file): take this criterion's.
    const records = (await quickFixes(file(), awaiting(before)!)).filter((a) => /^Record judgment: /.test(a.title));
    const record = records.find((a) => a.command?.arguments?.[1] === JUDGMENT);
    assert.ok(
      record?.command,
      `a Record judgment quick fix for ${JUDGMENT}: ${records.map((a) => a.title).join(', ')}`,
    );
    const recorded = vscode.commands.executeCommand<boolean>(record.command.command, ...record.command.arguments!);
    assert.match(await askHarness<string>('quickPick', { value: 'not_effective' }, 40000), /Effective investigation/);
    await askHarness<string>('quickPick', { value: 'CCTV never checked' }, 40000);
    assert.strictEqual(await recorded, true, 'the answer was saved');

    const finding = before.find((d) => codeValue(d) === CHECK);
    assert.ok(finding, `a ${CHECK} finding`);
    const override = (await quickFixes(file(), finding)).find((a) => a.title.startsWith(`Override ${CHECK} on review`));
    assert.ok(override?.command, 'an Override quick fix');
    const overridden = vscode.commands.executeCommand<boolean>(
      override.command.command,
      ...override.command.arguments!,
    );
    await askHarness<string>('quickPick', { value: 'not applicable' }, 40000);
    await askHarness<string>('quickPick', { value: 'No officer attended: there was no video' }, 40000);
    assert.strictEqual(await overridden, true, 'the override was saved');

    const after = await waitForDiagnostics(
      file(),
      (ds) =>
        !awaiting(ds) && ds.some((d) => codeValue(d) === CHECK && /^Overridden on review by INSP-11/.test(d.message)),
      'the judgment answered and the check overridden',
      api,
    );
    const check = after.filter((d) => codeValue(d) === CHECK);
    assert.deepStrictEqual(
      check.map((d) => [d.severity, d.message]),
      [
        [
          vscode.DiagnosticSeverity.Information,
          'Overridden on review by INSP-11: not applicable: No officer attended: there was no video',
        ],
      ],
    );

    const saved = parse(await readText(vscode.Uri.joinPath(folder(), 'reviews', 'INSP-11.review.yaml'))) as {
      reviewer: { id: string };
      files: Record<string, Record<string, { answer?: string; outcome?: string; note?: string; at?: string }>>;
    };
    assert.strictEqual(saved.reviewer.id, 'INSP-11');
    const entries = Object.values(saved.files)[0];
    assert.strictEqual(entries[JUDGMENT].answer, 'not_effective');
    assert.strictEqual(entries[JUDGMENT].note, 'CCTV never checked');
    assert.strictEqual(entries[CHECK].outcome, 'notApplicable');
    assert.ok(entries[CHECK].at, 'stamped with the time');

    const cli = cliJson(folder()) as unknown as {
      files: Array<{ results: CliResult[] }>;
      summary: { rules: Array<{ rule: string; reviewed: number; overridden: number; notApplicable: number }> };
    };
    const results = cli.files[0].results;
    const judged = results.find((r) => r.rule === JUDGMENT)!;
    assert.deepStrictEqual(
      [judged.outcome, judged.judgment, judged.reviewer, judged.note],
      ['failed', 'not_effective', 'INSP-11', 'CCTV never checked'],
    );
    const checked = results.find((r) => r.rule === CHECK)!;
    assert.deepStrictEqual([checked.outcome, checked.machineOutcome], ['notApplicable', 'failed']);

    await vscode.commands.executeCommand('dipsample.openSummary', folder());
    await waitUntil(
      () => {
        const rules = summaryRows();
        const row = rules?.find((r) => r.rule === CHECK);
        const judgment = rules?.find((r) => r.rule === JUDGMENT);
        return row?.overridden === 1 && judgment?.reviewed === 1 && judgment.failed === 1;
      },
      'the summary to count the override and the judgment',
      () => JSON.stringify(summaryRows()?.filter((r) => r.reviewed > 0)),
      { api },
    );
    const summaryRules = summaryRows()!;
    for (const rule of cli.summary.rules) {
      const shown = summaryRules.find((r) => r.rule === rule.rule)!;
      assert.deepStrictEqual(
        [shown.reviewed, shown.overridden, shown.notApplicable],
        [rule.reviewed, rule.overridden, rule.notApplicable],
        rule.rule,
      );
    }
  });

  it('keeps screenshots of the summary with the reviews columns in light and dark themes', async () => {
    const config = vscode.workspace.getConfiguration('workbench');
    const name = 'PEEL 2017 crime file review (re-enactment): Eastmere Constabulary';
    try {
      await vscode.commands.executeCommand('notifications.clearAll');
      await closeAllEditors();
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('dipsample.openSummary', folder());
      // Focusing the first rule's "failed" button scrolls the rules table into view.
      await webview(name, 'press', { selector: '#rules-table tbody button', keys: [] });
      for (const [theme, bodyClass, shot] of [
        ['Default Light Modern', 'vscode-light', 'summary-reviews-light'],
        ['Default Dark Modern', 'vscode-dark', 'summary-reviews-dark'],
      ]) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await webview(name, 'attribute', { selector: 'body', name: 'class', contains: bodyClass });
        await webview(name, 'text', {
          selector: 'tr[data-rule="peel17-bwv-considered"] [data-count="overridden"]',
          contains: '1 of 1',
        });
        assert.ok((await askHarness<string>('screenshot', { name: shot, keep: true })).endsWith(`${shot}.png`));
      }
    } finally {
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    }
  });
});
