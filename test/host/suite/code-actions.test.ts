// Quick fixes on dipsample diagnostics: documentation, "switch off for this sample" (writes the
// sample's own .dipsample.yaml, comments kept; creates one in the sample folder when there is none,
// extending a parent's that other samples share rather than editing it; never writes over a file
// that does not parse), severity changes, and the mechanical fix for an empty list of lines of enquiry.
// Titles are matched by their contract prefix ("Switch off <rule> for this sample"); the extension
// adds which file it writes, e.g. " (create training/.dipsample.yaml)".
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import {
  activate,
  closeAllEditors,
  codeValue,
  describeDiagnostics,
  dipsampleDiagnostics,
  type DipsampleApi,
  exists,
  extension,
  open,
  readText,
  restoreFile,
  waitForDiagnostics,
  waitForNoRule,
  waitForRule,
  waitUntil,
  writeText,
  wsUri,
} from '../util';

async function quickFixes(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    d.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (all ?? []).filter(
    (a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'),
  );
}

function find(actions: vscode.CodeAction[], title: RegExp): vscode.CodeAction {
  const a = actions.find((x) => title.test(x.title));
  assert.ok(a, `a code action ${title}; offered: ${actions.map((x) => JSON.stringify(x.title)).join(', ') || 'none'}`);
  return a;
}

/** Applies a code action the way the editor does: its edit, then its command. */
async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** The text of a file as the editor has it (the open buffer if any, else the disk). */
async function bufferText(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

async function saveIfDirty(uri: vscode.Uri): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc?.isDirty) assert.ok(await doc.save(), 'saved');
}

/** Removes a .dipsample.yaml a test created: saved first (no dirty buffer lingers), then deleted. */
async function removeCreatedConfig(uri: vscode.Uri): Promise<void> {
  if (!(await exists(uri))) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc?.isDirty) return;
  }
  await saveIfDirty(uri);
  await closeAllEditors();
  await vscode.workspace.fs.delete(uri);
}

describe('code actions', () => {
  let api: DipsampleApi;
  const originals = new Map<string, string>();
  const CONF_CONFIG = 'configured/.dipsample.yaml';
  const TRAINING_CONFIG = 'training/.dipsample.yaml';
  const FORCE_CONFIG = 'force/.dipsample.yaml';
  const SAMPLE_A_CONFIG = 'force/sample-a/.dipsample.yaml';
  const tracked = [
    'training/TRAIN-SUP.crime.yaml',
    'training/TRAIN-PLAN.crime.yaml',
    'configured/CONF-ADVICE.crime.yaml',
    CONF_CONFIG,
    FORCE_CONFIG,
  ];

  before(async () => {
    api = await activate();
    for (const f of tracked) originals.set(f, await readText(wsUri(f)));
  });
  afterEach(async () => {
    await removeCreatedConfig(wsUri(TRAINING_CONFIG));
    await removeCreatedConfig(wsUri(SAMPLE_A_CONFIG));
    for (const [f, text] of originals) await restoreFile(wsUri(f), text);
    await closeAllEditors();
    await api.whenIdle();
  });

  it('offers documentation, switch-off and severity actions for a finding', async () => {
    const { uri } = await open('training/TRAIN-SUP.crime.yaml');
    const d = await waitForRule(uri, 'supervision-recorded', api);
    const actions = await quickFixes(uri, d);
    const doc = find(actions, /^Open documentation for supervision-recorded$/);
    assert.strictEqual(doc.command?.command, 'dipsample.openRuleDoc');
    assert.strictEqual(doc.command?.arguments?.[0], 'supervision-recorded', "the rule id is the command's argument");
    find(actions, /^Switch off supervision-recorded for this sample\b/);
    for (const s of ['warning', 'information', 'hint'])
      find(actions, new RegExp(`^Set severity of supervision-recorded to ${s}\\b`));
    assert.ok(
      !actions.some((a) => /^Set severity of supervision-recorded to error\b/.test(a.title)),
      'no action to set the severity it already has',
    );
    for (const a of actions.filter((x) => /supervision-recorded/.test(x.title))) {
      assert.ok(a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind), `${a.title} is a quick fix`);
    }
    // running the documentation action opens the page
    await apply(doc);
    const page = vscode.Uri.joinPath(extension().extensionUri, 'rules', 'docs', 'supervision-recorded.md');
    await waitUntil(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .find(
            (t) =>
              ((t.input instanceof vscode.TabInputText || t.input instanceof vscode.TabInputCustom) &&
                t.input.uri.toString() === page.toString()) ||
              (t.input instanceof vscode.TabInputWebview && /supervision-recorded/.test(t.label)),
          ),
      'the documentation tab',
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .map((t) => t.label)
          .join(', '),
      { events: [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>] },
    );
  });

  it('"Switch off" writes the sample\'s own .dipsample.yaml, keeps its comments, and the finding disappears', async () => {
    const config = wsUri(CONF_CONFIG);
    const before = originals.get(CONF_CONFIG)!;
    const { uri } = await open('configured/CONF-ADVICE.crime.yaml');
    const d = await waitForRule(uri, 'supervision-recorded', api);
    await apply(find(await quickFixes(uri, d), /^Switch off supervision-recorded for this sample\b/));

    await waitForNoRule(uri, 'supervision-recorded', api);
    assert.deepStrictEqual(dipsampleDiagnostics(uri).map(codeValue), ['advice-given'], 'the other finding stays');
    await saveIfDirty(config);
    const text = await readText(config);
    const beforeComments = before
      .split('\n')
      .map((l) => l.replace(/^[^#]*/, ''))
      .filter(Boolean);
    for (const c of beforeComments) assert.ok(text.includes(c), `comment kept: ${c}\n--- file:\n${text}`);
    const parsed = parse(text) as { timezone?: string; rules?: Record<string, unknown> };
    assert.strictEqual(parsed.rules?.['supervision-recorded'], 'off', text);
    assert.strictEqual(parsed.timezone, 'Europe/London', 'the rest of the file is kept');
    assert.strictEqual(Object.keys(parsed.rules ?? {}).length, 1, text);
    // the config file has no problems of its own
    assert.deepStrictEqual(dipsampleDiagnostics(config), [], 'no config problems');
  });

  it('"Switch off" is computed when applied: an edit made after the lightbulb showed is kept, nothing else changes', async () => {
    const config = wsUri(CONF_CONFIG);
    const { uri } = await open('configured/CONF-ADVICE.crime.yaml');
    const d = await waitForRule(uri, 'supervision-recorded', api);
    const action = find(await quickFixes(uri, d), /^Switch off supervision-recorded for this sample\b/);
    // Meanwhile the file changes on disk: a new setting, a reworded comment, CRLF line endings.
    const changed = `${originals.get(CONF_CONFIG)!.replace('Europe/London', 'Europe/Dublin')}# added later\n`.replace(
      /\n/g,
      '\r\n',
    );
    await writeText(config, changed);
    // The editor may hold the file from an earlier test: wait until it has seen the change on disk.
    await waitUntil(
      () => {
        const held = vscode.workspace.textDocuments.find((document) => document.uri.toString() === config.toString());
        return !held || held.getText() === changed;
      },
      'the editor sees the changed file',
      () => '',
      { events: [vscode.workspace.onDidChangeTextDocument] },
    );
    await apply(action);
    await saveIfDirty(config);
    const text = await readText(config);
    assert.ok(text.includes('Europe/Dublin'), `the later edit is kept:\n${text}`);
    assert.ok(text.includes('# added later\r\n'), 'CRLF kept');
    assert.strictEqual(
      (parse(text) as { rules?: Record<string, unknown> }).rules?.['supervision-recorded'],
      'off',
      text,
    );
    assert.strictEqual(
      text,
      changed.replace('supervision-recorded: warning', 'supervision-recorded: off'),
      'one minimal edit',
    );
  });

  it('"Switch off" creates .dipsample.yaml in the sample folder when there is none', async () => {
    const config = wsUri(TRAINING_CONFIG);
    assert.ok(!(await exists(config)), 'training/ has no .dipsample.yaml yet');
    const { uri } = await open('training/TRAIN-SUP.crime.yaml');
    const d = await waitForRule(uri, 'supervision-recorded', api);
    await apply(find(await quickFixes(uri, d), /^Switch off supervision-recorded for this sample\b/));
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no findings once the rule is off', api);
    const parsed = parse(await bufferText(config)) as { rules?: Record<string, unknown> };
    assert.strictEqual(parsed.rules?.['supervision-recorded'], 'off');
    // the other files of the sample follow the new configuration once it is saved
    await saveIfDirty(config);
    const other = wsUri('training/TRAIN-QUICK.crime.yaml');
    const result = await vscode.commands.executeCommand<{ files: number; findings: number }>(
      'dipsample.auditFolder',
      wsUri('training'),
    );
    assert.ok(result);
    assert.deepStrictEqual(
      dipsampleDiagnostics(other).map(codeValue),
      ['filed-within-24h'],
      describeDiagnostics(other),
    );
  });

  it("\"Switch off\" in one of two samples sharing a force's .dipsample.yaml writes that sample's own, extending the force's", async () => {
    const forceConfig = wsUri(FORCE_CONFIG);
    const own = wsUri(SAMPLE_A_CONFIG);
    assert.ok(!(await exists(own)), 'sample-a has no .dipsample.yaml of its own yet');
    const { uri } = await open('force/sample-a/FORCE-A.crime.yaml');
    const d = await waitForRule(uri, 'supervision-recorded', api);
    const actions = await quickFixes(uri, d);
    const off = find(actions, /^Switch off supervision-recorded for this sample\b/);
    assert.match(
      off.title,
      /\(create force\/sample-a\/\.dipsample\.yaml extending \.\.\/\.dipsample\.yaml\)$/,
      'the title says which file it writes',
    );
    const severity = find(actions, /^Set severity of supervision-recorded to hint\b/);
    assert.match(severity.title, /force\/sample-a\/\.dipsample\.yaml/);
    await apply(off);

    await waitForNoRule(uri, 'supervision-recorded', api);
    // the force's other settings still apply in sample a: advice-given stays, as the force's warning
    const left = dipsampleDiagnostics(uri);
    assert.deepStrictEqual(left.map(codeValue), ['advice-given'], describeDiagnostics(uri));
    assert.strictEqual(left[0].severity, vscode.DiagnosticSeverity.Warning, 'the force policy still applies');
    await saveIfDirty(own);
    const parsed = parse(await readText(own)) as { extends?: unknown; rules?: Record<string, unknown> };
    assert.strictEqual(parsed.extends, '../.dipsample.yaml');
    assert.deepStrictEqual(parsed.rules, { 'supervision-recorded': 'off' });
    assert.deepStrictEqual(dipsampleDiagnostics(own), [], 'the new file has no problems');
    assert.strictEqual(await bufferText(forceConfig), originals.get(FORCE_CONFIG), "the force's file is untouched");

    // the other sample sharing the force's file keeps the rule
    const { uri: other } = await open('force/sample-b/FORCE-B.crime.yaml');
    await waitForRule(other, 'supervision-recorded', api);
    await api.whenIdle();
    const theirs = dipsampleDiagnostics(other);
    assert.deepStrictEqual(
      theirs.map(codeValue).sort(),
      ['advice-given', 'supervision-recorded'],
      describeDiagnostics(other),
    );
    for (const x of theirs)
      assert.strictEqual(
        x.severity,
        codeValue(x) === 'advice-given' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
        describeDiagnostics(other),
      );
  });

  it('offers no "Switch off" or "Set severity" while the sample\'s .dipsample.yaml does not parse', async () => {
    const config = wsUri(CONF_CONFIG);
    await writeText(config, `${originals.get(CONF_CONFIG)!}  [unclosed\n`);
    await waitForDiagnostics(config, (ds) => ds.length > 0, 'a problem on the broken .dipsample.yaml', api);
    const { uri } = await open('configured/CONF-ADVICE.crime.yaml');
    const d = await waitForRule(uri, 'supervision-recorded', api);
    const actions = await quickFixes(uri, d);
    find(actions, /^Open documentation for supervision-recorded$/);
    const edits = actions.filter((a) => /^(Switch off|Set severity of) /.test(a.title));
    assert.deepStrictEqual(
      edits.map((a) => a.title),
      [],
      'nothing that would write over a file that does not parse',
    );
    assert.ok((await readText(config)).includes('[unclosed'), 'the file is as it was');
  });

  it('"Set severity" writes the new severity and the finding changes severity', async () => {
    const { uri } = await open('training/TRAIN-SUP.crime.yaml');
    const d = await waitForRule(uri, 'supervision-recorded', api);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    await apply(find(await quickFixes(uri, d), /^Set severity of supervision-recorded to information\b/));
    await waitForDiagnostics(
      uri,
      (ds) => ds.length === 1 && ds[0].severity === vscode.DiagnosticSeverity.Information,
      'the finding as information',
      api,
    );
    const parsed = parse(await bufferText(wsUri(TRAINING_CONFIG))) as { rules?: Record<string, unknown> };
    assert.strictEqual(parsed.rules?.['supervision-recorded'], 'information');
  });

  it('the mechanical fix adds a placeholder line of enquiry to an empty list, which still fails until filled in', async () => {
    const { uri, doc } = await open('training/TRAIN-PLAN.crime.yaml');
    const d = await waitForRule(uri, 'investigation-plan-present', api);
    const actions = await quickFixes(uri, d);
    const fix = find(actions, /^Add a line of enquiry/);
    assert.strictEqual(fix.isPreferred, true, 'the mechanical fix is the preferred action');
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
    await apply(fix);
    // A fix must not turn a failure into a pass with placeholder content: the TODO fails until replaced.
    const still = await waitForDiagnostics(
      uri,
      // the same message as before, now on the list's key (the list is no longer empty)
      (ds) => ds.length === 1 && /TODO placeholders/.test(ds[0].message) && !ds[0].range.isEqual(d.range),
      'the rule still failing on the placeholder',
      api,
    );
    const offered = await quickFixes(uri, still[0]);
    assert.ok(
      !offered.some((action) => /^Add a line of enquiry/.test(action.title)),
      `no second fix over what is there now; offered: ${offered.map((action) => action.title).join(', ')}`,
    );
    const record = parse(doc.getText()) as {
      investigation_plan?: { created_at?: unknown; lines_of_enquiry?: { action?: unknown; status?: unknown }[] };
    };
    const lines = record.investigation_plan?.lines_of_enquiry;
    assert.ok(Array.isArray(lines) && lines.length === 1, `one line of enquiry:\n${doc.getText()}`);
    assert.strictEqual(lines[0].status, 'outstanding');
    assert.ok(typeof lines[0].action === 'string' && lines[0].action.startsWith('TODO: '), String(lines[0].action));
    assert.ok(record.investigation_plan?.created_at, 'the rest of the plan is kept');
    // only the list changed: the lines before it and the log after it are as they were
    const beforeLines = originals.get('training/TRAIN-PLAN.crime.yaml')!.split('\n');
    const after = doc.getText().split('\n');
    const listLine = beforeLines.findIndex((l) => l.includes('lines_of_enquiry'));
    assert.deepStrictEqual(after.slice(0, listLine), beforeLines.slice(0, listLine));
    const logAt = beforeLines.indexOf('log:');
    assert.deepStrictEqual(after.slice(after.indexOf('log:')), beforeLines.slice(logAt));
  });
});
