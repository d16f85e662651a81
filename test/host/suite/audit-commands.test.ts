// The workspace and folder audit commands: findings for files that were never opened reach the
// Problems panel (languages.getDiagnostics()), a malformed file does not stop the rest, and
// findings of audited files stay until the file is deleted.
// Runs first (file names sort): TRAIN-JSON, TRAIN-QUICK and CONF-ADVICE have not been opened yet.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activate,
  codeTarget,
  codeValue,
  describeDiagnostics,
  dipsampleDiagnostics,
  type DipsampleApi,
  extension,
  fmtRange,
  rangeIn,
  readText,
  rel,
  waitForDiagnostics,
  waitUntil,
  workspaceRoot,
  writeText,
  wsUri,
} from '../util';

interface AuditResult {
  files: number;
  findings: number;
}

const CRIME_FILES = [
  'configured/CONF-ADVICE.crime.yaml',
  'force/sample-a/FORCE-A.crime.yaml',
  'force/sample-b/FORCE-B.crime.yaml',
  'training/TRAIN-BROKEN.crime.yaml',
  'training/TRAIN-GOOD.crime.yaml',
  'training/TRAIN-JSON.crime.json',
  'training/TRAIN-PLAN.crime.yaml',
  'training/TRAIN-QUICK.crime.yaml',
  'training/TRAIN-SUP.crime.yaml',
];
const NEVER_OPENED = [
  'configured/CONF-ADVICE.crime.yaml',
  'force/sample-a/FORCE-A.crime.yaml',
  'force/sample-b/FORCE-B.crime.yaml',
  'training/TRAIN-JSON.crime.json',
  'training/TRAIN-QUICK.crime.yaml',
];

/** dipsample's findings on crime files (not the config problems), across every file with diagnostics. */
function crimeFindings(under?: vscode.Uri): [vscode.Uri, vscode.Diagnostic[]][] {
  return vscode.languages
    .getDiagnostics()
    .filter(([uri]) => /\.crime\.(ya?ml|json)$/.test(uri.path) && (!under || uri.path.startsWith(under.path + '/')))
    .map(([uri, ds]) => [uri, ds.filter((d) => d.source === 'dipsample')] as [vscode.Uri, vscode.Diagnostic[]])
    .filter(([, ds]) => ds.length > 0);
}

function rules(uri: vscode.Uri): string[] {
  return dipsampleDiagnostics(uri)
    .map((d) => String(codeValue(d)))
    .sort();
}

describe('audit commands', () => {
  let api: DipsampleApi;
  before(async () => {
    api = await activate();
    await api.whenIdle();
  });

  it('dipsample.auditWorkspace fills the Problems panel, also for files never opened', async () => {
    const open = vscode.workspace.textDocuments.map((d) => rel(d.uri));
    for (const f of NEVER_OPENED) assert.ok(!open.includes(f), `${f} is not open before the audit`);

    const result = await vscode.commands.executeCommand<AuditResult>('dipsample.auditWorkspace');
    await api.whenIdle();
    assert.ok(
      result && typeof result.files === 'number',
      `the command returns { files, findings }: ${JSON.stringify(result)}`,
    );
    const everyCrimeFile = await vscode.workspace.findFiles('**/*.crime.{yaml,yml,json}');
    assert.ok(everyCrimeFile.length > CRIME_FILES.length, 'the workspace also holds the bundled training sample');
    assert.strictEqual(result.files, everyCrimeFile.length, 'every crime file in the workspace was audited');

    // the audit did not open the files to do it
    const openAfter = vscode.workspace.textDocuments.map((d) => rel(d.uri));
    for (const f of NEVER_OPENED) assert.ok(!openAfter.includes(f), `${f} was audited without being opened`);

    // languages.getDiagnostics(): what the Problems panel shows
    const all = crimeFindings();
    const withFindings = all
      .map(([uri]) => rel(uri))
      .filter((f) => !f.startsWith('bundled/'))
      .sort();
    assert.deepStrictEqual(
      withFindings,
      CRIME_FILES.filter((f) => f !== 'training/TRAIN-GOOD.crime.yaml'),
      `files with findings:\n${all.map(([u]) => describeDiagnostics(u)).join('\n')}`,
    );
    const total = all.reduce((n, [, ds]) => n + ds.length, 0);
    assert.strictEqual(result.findings, total, 'the returned count matches the published diagnostics');
    const own = all.filter(([uri]) => !rel(uri).startsWith('bundled/')).reduce((n, [, ds]) => n + ds.length, 0);
    assert.strictEqual(own, 11, 'findings in the test samples (the bundled sample has its own test)');

    // never-opened files, each with its finding at the exact range
    const json = wsUri('training/TRAIN-JSON.crime.json');
    assert.deepStrictEqual(rules(json), ['investigation-plan-present'], describeDiagnostics(json));
    const jsonText = await readText(json);
    assert.strictEqual(
      fmtRange(dipsampleDiagnostics(json)[0].range),
      fmtRange(rangeIn(jsonText, '[]', /"lines_of_enquiry"/)),
    );
    assert.strictEqual(dipsampleDiagnostics(json)[0].severity, vscode.DiagnosticSeverity.Error);

    const quick = wsUri('training/TRAIN-QUICK.crime.yaml');
    assert.deepStrictEqual(rules(quick), ['filed-within-24h'], describeDiagnostics(quick));
    const quickText = await readText(quick);
    // on the filing time (filed.at, the only 12:40 in the file)
    assert.strictEqual(
      fmtRange(dipsampleDiagnostics(quick)[0].range),
      fmtRange(rangeIn(quickText, '2013-11-04T12:40', /^\s+at:/)),
    );
    assert.strictEqual(dipsampleDiagnostics(quick)[0].severity, vscode.DiagnosticSeverity.Warning);

    // the configured folder's .dipsample.yaml applies: supervision-recorded is a warning there
    const conf = wsUri('configured/CONF-ADVICE.crime.yaml');
    assert.deepStrictEqual(rules(conf), ['advice-given', 'supervision-recorded'], describeDiagnostics(conf));
    for (const d of dipsampleDiagnostics(conf))
      assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning, describeDiagnostics(conf));

    // the force's .dipsample.yaml governs both samples under it: advice-given is a warning there
    for (const file of ['force/sample-a/FORCE-A.crime.yaml', 'force/sample-b/FORCE-B.crime.yaml']) {
      const uri = wsUri(file);
      assert.deepStrictEqual(rules(uri), ['advice-given', 'supervision-recorded'], describeDiagnostics(uri));
      const severities = dipsampleDiagnostics(uri).map((d) => [codeValue(d), d.severity]);
      assert.deepStrictEqual(
        severities.sort(),
        [
          ['advice-given', vscode.DiagnosticSeverity.Warning],
          ['supervision-recorded', vscode.DiagnosticSeverity.Error],
        ],
        describeDiagnostics(uri),
      );
    }
  });

  it('a malformed file gets one syntax finding and does not stop the others (dipsample.auditFolder)', async () => {
    const training = wsUri('training');
    const result = await vscode.commands.executeCommand<AuditResult>('dipsample.auditFolder', training);
    await api.whenIdle();
    assert.ok(result, 'the command returns { files, findings }');
    assert.strictEqual(result.files, 6, 'all six files of the folder were audited, the malformed one included');

    const broken = wsUri('training/TRAIN-BROKEN.crime.yaml');
    const ds = dipsampleDiagnostics(broken);
    assert.strictEqual(ds.length, 1, describeDiagnostics(broken));
    const [syntax] = ds;
    assert.strictEqual(codeValue(syntax), 'syntax');
    assert.strictEqual(syntax.severity, vscode.DiagnosticSeverity.Error);
    assert.match(syntax.message, /YAML/);
    assert.strictEqual(syntax.range.start.line, 3, `on the duplicate key (line 4): ${fmtRange(syntax.range)}`);
    const target = codeTarget(syntax);
    assert.ok(target, 'syntax findings link the documentation index');
    assert.strictEqual(
      target.toString(),
      vscode.Uri.joinPath(extension().extensionUri, 'rules', 'docs', 'README.md').toString(),
    );

    // the files after it (alphabetically) and before it were audited as usual
    assert.deepStrictEqual(rules(wsUri('training/TRAIN-SUP.crime.yaml')), ['supervision-recorded']);
    assert.deepStrictEqual(rules(wsUri('training/TRAIN-PLAN.crime.yaml')), ['investigation-plan-present']);
    assert.deepStrictEqual(rules(wsUri('training/TRAIN-QUICK.crime.yaml')), ['filed-within-24h']);
    assert.deepStrictEqual(rules(wsUri('training/TRAIN-GOOD.crime.yaml')), []);
    const total = crimeFindings(training).reduce((n, [, d]) => n + d.length, 0);
    assert.strictEqual(result.findings, total, 'the returned count matches the published diagnostics');
    assert.strictEqual(total, 5);
  });

  async function auditScratch(name: string): Promise<vscode.Uri> {
    const folder = vscode.Uri.joinPath(workspaceRoot(), name);
    const file = vscode.Uri.joinPath(folder, 'NEW.crime.yaml');
    const sup = await readText(wsUri('training/TRAIN-SUP.crime.yaml'));
    // Create the folder first and wait until the workspace watcher reports it: on Linux the watcher
    // adds its inotify watch on a new folder only when it sees the folder appear, so a file written
    // into a brand-new folder at once can go unreported. Then wait for the file itself: a create and
    // a delete in one batch of watcher events cancel out, and a real user does not delete a file
    // within milliseconds of writing it.
    await watchedCreate(name, () => vscode.workspace.fs.createDirectory(folder));
    await watchedCreate(`${name}/NEW.crime.yaml`, () => writeText(file, sup.replace('HT/13/0201', 'HT/13/0999')));
    const result = await vscode.commands.executeCommand<AuditResult>('dipsample.auditFolder', folder);
    assert.ok(result, 'the command returns { files, findings }');
    assert.strictEqual(result.files, 1);
    assert.strictEqual(result.findings, 1);
    await waitForDiagnostics(
      file,
      (ds) => ds.length === 1 && codeValue(ds[0]) === 'supervision-recorded',
      'the folder audit finding',
      api,
    );
    return file;
  }

  /** Runs `create` and resolves once the file watcher reports `relative` (a workspace path) created. */
  async function watchedCreate(relative: string, create: () => Thenable<void>): Promise<void> {
    // Rooted at the workspace folder, like the extension's own '**' globs, so that the workspace's
    // recursive watcher serves it rather than a watcher of its own on a path that does not exist yet.
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(workspaceRoot(), relative),
      false,
      true,
      true,
    );
    try {
      const seen = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the file watcher did not report ${relative} within 10 s`)),
          10000,
        );
        watcher.onDidCreate(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      await create();
      await seen;
    } finally {
      watcher.dispose();
    }
  }

  it('keeps the findings of an audited file that is not open, and clears them when the file is deleted', async () => {
    const file = await auditScratch('scratch-file');
    try {
      await vscode.workspace.fs.delete(file);
      await waitUntil(
        () => vscode.languages.getDiagnostics(file).length === 0,
        "the deleted file's findings to be cleared",
        () => describeDiagnostics(file),
        { api },
      );
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(file, '..'), { recursive: true });
    }
  });

  it('clears the findings of audited files when their folder is deleted', async () => {
    // What the Explorer does: a workspace edit deleting the folder. The extension learns of it from
    // onDidDeleteFiles (the file watcher reports only the folder, and drops a create-then-delete
    // that falls in one batch, as this quick test would).
    const file = await auditScratch('scratch-folder');
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(vscode.Uri.joinPath(file, '..'), { recursive: true });
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitUntil(
      () => vscode.languages.getDiagnostics(file).length === 0,
      "the findings of the deleted folder's file to be cleared",
      () => describeDiagnostics(file),
      { api },
    );
  });
});
