// .dipsample.yaml: changes on disk or in an open buffer re-audit open crime files, and the
// configuration's own problems are diagnostics on the configuration file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activate,
  closeAllEditors,
  codeValue,
  describeDiagnostics,
  dipsampleDiagnostics,
  type DipsampleApi,
  fmtRange,
  open,
  rangeIn,
  readText,
  restoreFile,
  setDocumentText,
  waitForDiagnostics,
  waitForNoRule,
  waitForRule,
  writeText,
  wsUri,
} from '../util';

const CONFIG = 'configured/.dipsample.yaml';
const FILE = 'configured/CONF-ADVICE.crime.yaml';

describe('configuration', () => {
  let api: DipsampleApi;
  let original: string;
  before(async () => {
    api = await activate();
    original = await readText(wsUri(CONFIG));
  });
  afterEach(async () => {
    await restoreFile(wsUri(CONFIG), original);
    await closeAllEditors();
    await api.whenIdle();
  });

  it('changing .dipsample.yaml on disk (advice-given: off) re-audits the open files', async () => {
    const { uri } = await open(FILE);
    await waitForRule(uri, 'advice-given', api);
    await writeText(wsUri(CONFIG), `${original}  advice-given: off\n`);
    const ds = await waitForNoRule(uri, 'advice-given', api);
    assert.deepStrictEqual(ds.map(codeValue), ['supervision-recorded'], describeDiagnostics(uri));
    assert.strictEqual(
      ds[0].severity,
      vscode.DiagnosticSeverity.Warning,
      'the rest of the configuration still applies',
    );
    await writeText(wsUri(CONFIG), original);
    await waitForRule(uri, 'advice-given', api);
  });

  it('editing the open .dipsample.yaml (unsaved) re-audits the open files', async () => {
    const { uri } = await open(FILE);
    await waitForRule(uri, 'supervision-recorded', api);
    const config = await vscode.workspace.openTextDocument(wsUri(CONFIG));
    await setDocumentText(
      config,
      original.replace('supervision-recorded: warning', 'supervision-recorded: off'),
      false,
    );
    assert.ok(config.isDirty);
    const ds = await waitForNoRule(uri, 'supervision-recorded', api);
    assert.deepStrictEqual(ds.map(codeValue), ['advice-given']);
    await setDocumentText(
      config,
      original.replace('supervision-recorded: warning', 'supervision-recorded: error'),
      false,
    );
    await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeValue(x) === 'supervision-recorded' && x.severity === vscode.DiagnosticSeverity.Error),
      'supervision-recorded back, as an error',
      api,
    );
  });

  it('an unknown rule id is a diagnostic on the configuration file, at the key', async () => {
    const { uri } = await open(FILE);
    await waitForRule(uri, 'advice-given', api);
    const config = wsUri(CONFIG);
    const text = `${original}  advice-givn: off\n`;
    await writeText(config, text);
    const ds = await waitForDiagnostics(config, (d) => d.length > 0, 'a configuration problem', api);
    assert.strictEqual(ds.length, 1, describeDiagnostics(config));
    const [d] = ds;
    assert.strictEqual(d.source, 'dipsample');
    assert.strictEqual(codeValue(d), 'config');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /Unknown rule "advice-givn"/);
    assert.match(d.message, /advice-given/, 'suggests the rule meant');
    assert.strictEqual(fmtRange(d.range), fmtRange(rangeIn(text, 'advice-givn', /^\s+advice-givn:/)));
    // fixed: the problem goes
    await writeText(config, original);
    await waitForDiagnostics(config, (x) => x.length === 0, 'the configuration problem to go', api);
  });

  it('a bad option value is a diagnostic at the value', async () => {
    const { uri } = await open(FILE);
    await waitForRule(uri, 'advice-given', api);
    const config = wsUri(CONFIG);
    const text = `${original}  filed-within-24h:\n    options: { anchor: created_at }\n`;
    await writeText(config, text);
    const ds = await waitForDiagnostics(config, (d) => d.length > 0, 'a configuration problem', api);
    assert.strictEqual(ds.length, 1, describeDiagnostics(config));
    assert.strictEqual(codeValue(ds[0]), 'config');
    assert.strictEqual(
      fmtRange(ds[0].range),
      fmtRange(rangeIn(text, 'created_at', /anchor:/)),
      describeDiagnostics(config),
    );
    assert.strictEqual(dipsampleDiagnostics(uri).length > 0, true, 'the crime file is still audited');
  });
});
