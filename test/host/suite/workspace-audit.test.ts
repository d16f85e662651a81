// Folder and workspace audits at scale: a second audit keeps the results of unchanged files (nothing
// is audited again), and with worker threads (dipsample.concurrency) the diagnostics are the same as
// on the extension host thread and as the CLI's JSON.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activate,
  codeValue,
  describeDiagnostics,
  dipsampleDiagnostics,
  type DipsampleApi,
  fmtRange,
  readText,
  restoreFile,
  waitForDiagnostics,
  wsUri,
  writeText,
  cliFindings,
  diagnosticLines,
} from '../util';

/** What the workspace audit command and the API say about an audit (src/vscode/auditService.ts AuditTotals). */
interface AuditTotals {
  files: number;
  findings: number;
  cancelled: boolean;
  audited: number;
  reused: number;
  restored: number;
  workers: number;
}

type Api = DipsampleApi & { lastAudit(): AuditTotals | undefined };

/** Every dipsample diagnostic on a crime file, as comparable text. */
function snapshot(): string[] {
  return vscode.languages
    .getDiagnostics()
    .filter(([uri]) => /\.crime\.(ya?ml|json)$/.test(uri.path))
    .flatMap(([uri, ds]) =>
      ds
        .filter((d) => d.source === 'dipsample')
        .map(
          (d) =>
            `${vscode.workspace.asRelativePath(uri)} ${fmtRange(d.range)} ${d.severity} ${codeValue(d)} ${d.message}`,
        ),
    )
    .sort();
}

describe('workspace audits: unchanged files kept, worker threads', () => {
  let api: Api;
  before(async () => {
    api = (await activate()) as Api;
    await api.whenIdle();
  });

  it('a second workspace audit audits nothing unchanged, and keeps every diagnostic', async () => {
    const first = await vscode.commands.executeCommand<AuditTotals>('dipsample.auditWorkspace');
    await api.whenIdle();
    const before = snapshot();
    const audits = api.filesAudited();

    const second = await vscode.commands.executeCommand<AuditTotals>('dipsample.auditWorkspace');
    await api.whenIdle();
    assert.strictEqual(second.files, first.files, 'the same files were covered');
    assert.strictEqual(second.audited, 0, `nothing was audited again: ${JSON.stringify(second)}`);
    assert.strictEqual(second.reused, second.files, 'every result was kept');
    assert.strictEqual(api.filesAudited(), audits, 'no file audit ran');
    assert.strictEqual(second.findings, first.findings);
    assert.deepStrictEqual(snapshot(), before, 'the same diagnostics');

    // A file changed on disk is audited (by the file watcher, from disk), and is then kept as well.
    const file = wsUri('training/TRAIN-GOOD.crime.yaml');
    const original = await readText(file);
    try {
      await writeText(file, original.replace('\ninvestigation_plan:', '\nx_removed_plan:'));
      await waitForDiagnostics(
        file,
        (ds) => ds.some((d) => codeValue(d) === 'investigation-plan-present'),
        'the edited file audited',
        api,
      );
      const third = await vscode.commands.executeCommand<AuditTotals>('dipsample.auditWorkspace');
      await api.whenIdle();
      assert.strictEqual(third.audited, 0, `the edit was audited already: ${JSON.stringify(third)}`);
      assert.ok(
        dipsampleDiagnostics(file).some((d) => codeValue(d) === 'investigation-plan-present'),
        describeDiagnostics(file),
      );
    } finally {
      await restoreFile(file, original);
      await waitForDiagnostics(file, (ds) => ds.length === 0, 'the file restored', api);
    }
  });

  it('audits in worker threads with dipsample.concurrency, with the same diagnostics as the host thread and the CLI', async () => {
    await vscode.commands.executeCommand('dipsample.auditWorkspace');
    await api.whenIdle();
    const before = snapshot();
    const config = vscode.workspace.getConfiguration('dipsample');
    try {
      // A settings change audits every file again (new rule sets), here in two worker threads.
      await config.update('concurrency', 2, vscode.ConfigurationTarget.Workspace);
      await api.whenIdle();
      const batch = api.lastAudit();
      assert.ok(batch && batch.workers === 2 && batch.audited > 0, `audited in workers: ${JSON.stringify(batch)}`);
      assert.deepStrictEqual(snapshot(), before, 'the same diagnostics from the workers');

      // …and the CLI's findings on the bundled sample, file by file.
      const files = cliFindings(wsUri('bundled/training-basics'));
      assert.ok(files.length >= 6);
      for (const { uri, name, expected } of files) assert.deepStrictEqual(diagnosticLines(uri), expected, name);
    } finally {
      await config.update('concurrency', undefined, vscode.ConfigurationTarget.Workspace);
      await api.whenIdle();
    }
    assert.deepStrictEqual(snapshot(), before, 'the same diagnostics back on the host thread');
  });
});
