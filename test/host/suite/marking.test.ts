// Training in the real host (issue 13). A trainee marks a PEEL 2017 file in marking mode: no rule
// diagnostic, hover or code action gives the machine away, the Review panel asks for a mark on
// every criterion and shows none of the machine's outcomes, the status bar counts the marks, the
// summary shows a notice instead of results; the mark lands in their review file; Submit Marking…
// (its modal names what is unmarked) stamps `submitted`, the findings come back and further marks
// are refused. Then the trainer's Marking view shows the agreement `dipsample agreement` prints
// (cells, confusion matrix, a disagreeing file opened, a CSV export), with screenshots in light
// and dark themes. The sample is made and deleted here (other tests count workspace files).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { askHarness, bridgeAvailable } from '../bridge';
import { cliJson, openSummary, webview } from '../summaryPage';
import {
  activate,
  closeAllEditors,
  codeValue,
  type DipsampleApi,
  dipsampleDiagnostics,
  extension,
  readText,
  ruleDiagnostics,
  type SummaryOverview,
  waitForDiagnostics,
  waitUntil,
  writeText,
  wsUri,
} from '../util';

const SAMPLE = 'marking-sample';
const SOURCE = 'samples/peel-2017-file-review';
const SAMPLE_NAME = 'PEEL 2017 crime file review (re-enactment): Eastmere Constabulary';
const PANEL = `Review: ${SAMPLE_NAME}`;
const TRAINEE = 'TRN-1';
const TRAINER = 'TRAINER-1';
const JUDGMENT = 'peel17-effective-investigation';
const JUDGMENTS = new Set([JUDGMENT, 'peel17-supervision-quality', 'peel17-good-victim-care']);
const FILE_LEVEL = new Set(['syntax', 'schema', 'internal']);
/**
 * Three files of the bundled sample, the first one failing a machine check (CHECK), chosen from the
 * CLI's audit when the suite starts (the bundled sample is regenerated from time to time).
 */
let FILES: string[] = [];
let REFERENCES: string[] = [];
let CHECK = '';

/** The answer key: the trainer's review file (no entry for CHECK: the machine's outcome is the key). */
const keyText = () =>
  [
    'format: dipsample-review/1',
    `reviewer: { id: ${TRAINER}, name: T. Trainer, role: trainer }`,
    'files:',
    `  ${REFERENCES[0]}:`,
    `    ${JUDGMENT}: { answer: effective, note: "CCTV was sought and a suspect interviewed." }`,
    '    peel17-good-victim-care: { answer: good }',
    `  ${REFERENCES[1]}:`,
    `    ${JUDGMENT}: { answer: not_effective, note: "No line of enquiry followed up." }`,
    '',
  ].join('\n');

/** A second trainee, who submitted already. */
const otherTraineeText = () =>
  [
    'format: dipsample-review/1',
    'reviewer: { id: TRN-2, role: trainee }',
    'submitted: 2026-12-01T09:00:00Z',
    'files:',
    `  ${REFERENCES[0]}:`,
    `    ${JUDGMENT}: { answer: effective }`,
    '    peel17-good-victim-care: { answer: not_good, note: "Not updated for a week." }',
    `    ${CHECK}: { outcome: passed }`,
    `  ${REFERENCES[1]}:`,
    `    ${JUDGMENT}: { answer: not_effective }`,
    '',
  ].join('\n');

/** Picks FILES, REFERENCES and CHECK from the CLI's audit of the bundled sample. */
function chooseFiles(source: string): void {
  const audited = (
    cliJson(vscode.Uri.file(source)).files as Array<{
      path: string;
      reference?: string;
      findings: Array<{ rule: string }>;
    }>
  )
    .filter((file) => file.path.endsWith('.crime.yaml') && file.reference)
    .sort((a, b) => a.path.localeCompare(b.path));
  const failing = audited.find((file) =>
    file.findings.some((finding) => finding.rule.startsWith('peel17-') && !JUDGMENTS.has(finding.rule)),
  );
  assert.ok(failing, 'a file of the bundled sample fails a machine check');
  const chosen = [failing, ...audited.filter((file) => file !== failing).slice(0, 2)];
  FILES = chosen.map((file) => path.basename(file.path));
  REFERENCES = chosen.map((file) => file.reference!);
  CHECK = failing.findings.find((finding) => finding.rule.startsWith('peel17-') && !JUDGMENTS.has(finding.rule))!.rule;
}

interface AgreementJson {
  key: string | null;
  raters: Array<{
    reviewer: string;
    submitted: string | null;
    criteria: Array<{
      rule: string;
      n: number;
      agreed: number;
      kappa: number | null;
      percent: number | null;
      interval: { low: number; high: number } | null;
      matrix: { categories: string[]; counts: number[][] };
      disagreements: Array<{ reference: string; path: string }>;
    }>;
  }>;
}

type Api = Omit<DipsampleApi, 'status' | 'summary'> & {
  status():
    | { text: string; files: number; findings: number; marking?: { reviewer: string; marked: number; total: number } }
    | undefined;
  review():
    { view?: { file: string; marking?: unknown; criteria: Array<{ rule: string; outcome?: string }> } } | undefined;
  summary(
    folder: vscode.Uri,
  ): { overview: SummaryOverview; marking: boolean; agreement?: AgreementJson; cspViolations: string[] } | undefined;
  exportAgreement(folder: vscode.Uri, format: string, target: vscode.Uri): Promise<vscode.Uri | undefined>;
};

const card = (rule: string) => `article.criterion[data-rule="${rule}"]`;

/** "50.0% (9.5–90.5), 1 of 2": the wording of src/report/agreement/agreementWording.ts. */
function agreementWords(share: {
  n: number;
  agreed: number;
  percent: number | null;
  interval: { low: number; high: number } | null;
}): string {
  if (share.percent === null || !share.interval) return '—';
  return `${share.percent.toFixed(1)}% (${share.interval.low.toFixed(1)}–${share.interval.high.toFixed(1)}), ${share.agreed} of ${share.n}`;
}

describe('marking: a trainee marks with findings hidden, submits, and the trainer sees the agreement', function () {
  let api: Api;
  const folder = () => wsUri(SAMPLE);
  const file = (index: number) => wsUri(`${SAMPLE}/${FILES[index]}`);
  const reviewFile = (id: string) => wsUri(`${SAMPLE}/reviews/${id}.review.yaml`);
  const reviewer = () => vscode.workspace.getConfiguration('dipsample.reviewer');

  async function setIdentity(id: string | undefined, role: string | undefined): Promise<void> {
    // Application settings (one person per machine): Global, reset in after().
    await reviewer().update('id', id, vscode.ConfigurationTarget.Global);
    await reviewer().update('role', role, vscode.ConfigurationTarget.Global);
    await api.whenIdle();
  }

  async function openFile(index: number): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(file(index));
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
  }

  const ruleFindingsOn = (uri: vscode.Uri) =>
    dipsampleDiagnostics(uri).filter((d) => !FILE_LEVEL.has(String(codeValue(d))));

  before(async function () {
    if (!bridgeAvailable()) this.skip(); // the Review panel and summary are read through the Playwright harness
    api = (await activate()) as Api;
    await closeAllEditors();
    const source = path.join(extension().extensionPath, ...SOURCE.split('/'));
    chooseFiles(source);
    for (const name of ['sample.yaml', ...FILES])
      await vscode.workspace.fs.copy(vscode.Uri.file(path.join(source, name)), vscode.Uri.joinPath(folder(), name));
    await writeText(reviewFile(TRAINER), keyText());
    await writeText(reviewFile('TRN-2'), otherTraineeText());
    await setIdentity(TRAINEE, 'trainee');
  });

  after(async () => {
    if (!api) return;
    await closeAllEditors();
    await setIdentity(undefined, undefined);
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
    await api.whenIdle();
  });

  it('hides the machine’s findings, hovers and fixes in marking mode, though the CLI has them', async () => {
    const machine = cliJson(folder()).files as Array<{
      path: string;
      findings: Array<{ rule: string; range: { start: { line: number; character: number } } }>;
    }>;
    const found = machine.find((entry) => entry.path.endsWith(FILES[0]))?.findings.find((f) => f.rule === CHECK);
    assert.ok(found, `the CLI reports ${CHECK} on ${FILES[0]}`);

    await openFile(0);
    const status = await waitUntil(
      () => api.status()?.marking && api.status(),
      'the status bar in marking mode',
      () => JSON.stringify(api.status()),
      { api },
    );
    assert.match(status.text, /Marking · 0 of \d+ marked/);
    await askHarness('text', { selector: '#workbench\\.parts\\.statusbar', contains: 'Marking · 0 of' });
    await api.whenIdle();
    assert.deepStrictEqual(
      ruleFindingsOn(file(0)).map((d) => d.message),
      [],
      'no rule diagnostic (nor "awaiting judgment") while marking',
    );
    const position = new vscode.Position(found.range.start.line, found.range.start.character);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      file(0),
      position,
    );
    assert.ok(!JSON.stringify(hovers.map((hover) => hover.contents)).includes(CHECK), 'no hover on the hidden finding');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      file(0),
      new vscode.Range(0, 0, 400, 0),
    );
    assert.deepStrictEqual(
      actions.map((action) => action.title).filter((title) => /peel17|Record judgment|Override|Confirm/.test(title)),
      [],
      'no code action that names a criterion',
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file(0));
    assert.ok(
      lenses.some((lens) => lens.command?.title.includes('Marking: 0 of')),
      `the CodeLens counts marks: ${lenses.map((lens) => lens.command?.title).join(', ')}`,
    );
  });

  it('marks a judgment and a check in the Review panel, which shows no outcome; the marks land in the review file', async () => {
    await openFile(0);
    await vscode.commands.executeCommand('dipsample.openReviewPanel', file(0));
    await webview(PANEL, 'text', { selector: '#file-title', equals: REFERENCES[0] });
    await webview(PANEL, 'text', { selector: '#marking-banner', contains: `Marking mode (${TRAINEE})` });
    assert.strictEqual(
      await webview<number>(PANEL, 'count', { selector: '.finding' }),
      0,
      'no finding in the case or criteria',
    );
    const badges = await webview<string[]>(PANEL, 'texts', { selector: 'article.criterion [data-badge]' });
    assert.ok(
      badges.length > 3 && badges.every((badge) => badge === 'to mark'),
      `every criterion to mark: ${badges.join(', ')}`,
    );
    const view = api.review()?.view;
    assert.ok(view?.marking, 'the panel is in marking mode');
    assert.ok(
      view.criteria.every((criterion) => criterion.outcome === undefined),
      'no outcome reaches the webview',
    );

    // A judgment: Enter, 2 = not_effective, Ctrl+Enter. A check: Enter, 2 = failed, Ctrl+Enter (no note needed).
    await webview(PANEL, 'press', { selector: card(JUDGMENT), keys: ['Enter', '2', 'Control+Enter'] });
    await webview(PANEL, 'text', { selector: `${card(JUDGMENT)} [data-state]`, contains: 'Your mark: not_effective' });
    await webview(PANEL, 'press', { selector: card(CHECK), keys: ['Enter', '2', 'Control+Enter'] });
    await webview(PANEL, 'text', { selector: `${card(CHECK)} [data-state]`, contains: 'Your mark: failed' });
    await webview(PANEL, 'text', { selector: '#file-status', contains: '2 of ' });

    const marks = parse(await readText(reviewFile(TRAINEE))) as {
      reviewer: { id: string; role: string };
      submitted?: string;
      files: Record<string, Record<string, { answer?: string; outcome?: string; note?: string; at?: string }>>;
    };
    assert.deepStrictEqual([marks.reviewer.id, marks.reviewer.role, marks.submitted], [TRAINEE, 'trainee', undefined]);
    assert.strictEqual(marks.files[REFERENCES[0]][JUDGMENT].answer, 'not_effective');
    assert.strictEqual(marks.files[REFERENCES[0]][CHECK].outcome, 'failed');
    assert.strictEqual(marks.files[REFERENCES[0]][CHECK].note, undefined, 'a trainee’s outcome needs no note');
    await waitUntil(
      () => api.status()?.marking?.marked === 2,
      'the status bar to count 2 marks',
      () => JSON.stringify(api.status()),
      {
        api,
      },
    );
    assert.deepStrictEqual(ruleFindingsOn(file(0)), [], 'still nothing of the machine’s');
  });

  it('shows the summary as a notice, not results, while marking', async () => {
    await openSummary(folder());
    await webview(SAMPLE_NAME, 'text', {
      selector: '#marking-notice',
      contains: `You are marking this sample as ${TRAINEE}`,
    });
    assert.strictEqual(await webview<number>(SAMPLE_NAME, 'count', { selector: '#rules-table' }), 0);
    assert.strictEqual(await webview<number>(SAMPLE_NAME, 'count', { selector: '#agreement-table' }), 0);
    const summary = api.summary(folder());
    assert.strictEqual(summary?.marking, true);
    assert.strictEqual(summary?.agreement, undefined, 'no agreement (the key’s values) is computed for a trainee');
  });

  it('keeps screenshots of marking mode in light and dark themes', async () => {
    const config = vscode.workspace.getConfiguration('workbench');
    try {
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await openFile(0);
      await vscode.commands.executeCommand('dipsample.openReviewPanel', file(0));
      await webview(PANEL, 'text', { selector: '#file-title', equals: REFERENCES[0] });
      await vscode.commands.executeCommand('vscode.setEditorLayout', {
        orientation: 0,
        groups: [{ size: 0.36 }, { size: 0.64 }],
      });
      // The top of the criteria: the judgments, one marked, the others to mark.
      await webview(PANEL, 'press', { selector: 'article.criterion', keys: ['Home'] });
      for (const [theme, bodyClass, shot] of [
        ['Default Light Modern', 'vscode-light', 'marking-mode-light'],
        ['Default Dark Modern', 'vscode-dark', 'marking-mode-dark'],
      ]) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await webview(PANEL, 'attribute', { selector: 'body', name: 'class', contains: bodyClass });
        await askHarness<string>('screenshot', { name: shot, keep: true });
      }
    } finally {
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.evenEditorWidths');
    }
  });

  it('submits after a confirmation naming what is unmarked: submitted is stamped, the findings come back, further marks are refused', async () => {
    await openFile(0);
    const total = api.status()?.marking?.total ?? 0;
    assert.ok(total > 2);
    // The modal a person answers: VS Code refuses dialogs under test, so the same prompt is answered here.
    const prompts: Array<{ message: string; detail: string }> = [];
    const confirm = async (prompt: { message: string; detail: string }) => (prompts.push(prompt), true);
    assert.strictEqual(
      await vscode.commands.executeCommand<boolean>('dipsample.submitMarking', file(0), { confirm }),
      true,
    );
    assert.strictEqual(prompts.length, 1);
    assert.match(
      prompts[0].message,
      new RegExp(`^Submit your marks for ${SAMPLE_NAME.replace(/[()]/g, '\\$&')} as ${TRAINEE}\\?$`),
    );
    assert.ok(
      prompts[0].detail.startsWith(`${3 * total - 2} of ${3 * total} criteria are still unmarked (in 3 of 3 files).`),
      `the prompt names the unmarked criteria: ${prompts[0].detail}`,
    );

    const submitted = (parse(await readText(reviewFile(TRAINEE))) as { submitted?: string }).submitted;
    assert.ok(submitted && !Number.isNaN(Date.parse(submitted)), `submitted is an instant: ${submitted}`);
    await waitForDiagnostics(
      file(0),
      () => ruleDiagnostics(file(0), CHECK).length > 0,
      `the ${CHECK} finding back on the file`,
      api,
    );
    await waitUntil(
      () => api.status() && !api.status()?.marking,
      'the status bar out of marking mode',
      () => JSON.stringify(api.status()),
      {
        api,
      },
    );
    await webview(PANEL, 'attribute', { selector: '#marking-banner', name: 'hidden', contains: '' });
    await webview(PANEL, 'text', { selector: `${card(CHECK)} [data-badge]`, equals: 'failed' });

    // Recording again as the trainee is refused, saying when they submitted.
    await webview(PANEL, 'press', { selector: card('peel17-good-victim-care'), keys: ['Enter', '1', 'Control+Enter'] });
    await webview(PANEL, 'text', {
      selector: `${card('peel17-good-victim-care')} [data-error]`,
      contains: 'Not saved',
    });
    await askHarness('text', {
      selector: '.notifications-toasts',
      contains: `already submitted these marks at ${submitted}`,
    });
    const after = parse(await readText(reviewFile(TRAINEE))) as { files: Record<string, Record<string, unknown>> };
    assert.strictEqual(
      after.files[REFERENCES[0]]['peel17-good-victim-care'],
      undefined,
      'nothing written after submission',
    );
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('shows the trainer the agreement dipsample agreement prints: cells, confusion matrix, disagreeing files, export', async () => {
    await setIdentity(TRAINER, 'trainer');
    await closeAllEditors();
    await openSummary(folder());
    await webview(SAMPLE_NAME, 'text', { selector: '#rules-table', contains: CHECK });
    await webview(SAMPLE_NAME, 'click', { selector: '#tab-marking' });
    await webview(SAMPLE_NAME, 'text', { selector: '#agreement-table', contains: TRAINEE });

    const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
    const printed = JSON.parse(
      execFileSync(process.execPath, [cli, 'agreement', folder().fsPath, '--key', TRAINER, '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      }),
    ) as AgreementJson;
    const shown = await waitUntil(
      () => api.summary(folder())?.agreement,
      'the Marking view’s figures',
      () => JSON.stringify(api.summary(folder())?.marking),
      { api },
    );
    const contract = (report: AgreementJson) => ({
      key: report.key,
      raters: report.raters.map((rater) => ({
        reviewer: rater.reviewer,
        submitted: rater.submitted,
        criteria: rater.criteria.map(({ rule, n, agreed, kappa, matrix }) => ({ rule, n, agreed, kappa, matrix })),
      })),
    });
    assert.deepStrictEqual(contract(shown), contract(printed), 'the view’s figures are the CLI’s');
    assert.deepStrictEqual(
      printed.raters.map((rater) => rater.reviewer),
      [TRAINEE, 'TRN-2'],
    );

    // Every cell reads as the CLI's figures.
    // Every criterion some rater can be compared on reads as the CLI's figures; the others are folded.
    const compared = new Set(
      printed.raters.flatMap((rater) => rater.criteria.filter((c) => c.n > 0).map((c) => c.rule)),
    );
    const folded = printed.raters[0].criteria.length - compared.size;
    await webview(SAMPLE_NAME, 'text', { selector: '#agreement-show-all', contains: `Show the ${folded} criteria` });
    for (const rater of printed.raters)
      for (const criterion of rater.criteria.filter((c) => compared.has(c.rule))) {
        const selector = `#agreement-table tr[data-rule="${criterion.rule}"] td[data-rater="${rater.reviewer}"] .share`;
        await webview(SAMPLE_NAME, 'text', { selector, equals: agreementWords(criterion) });
      }

    // TRN-1 on the judgment: not_effective where the key says effective.
    const judged = printed.raters[0].criteria.find((criterion) => criterion.rule === JUDGMENT)!;
    assert.deepStrictEqual([judged.n, judged.agreed], [1, 0]);
    await webview(SAMPLE_NAME, 'click', { selector: `button.cell[data-cell="${TRAINEE}|${JUDGMENT}"]` });
    await webview(SAMPLE_NAME, 'text', {
      selector: '#confusion-matrix caption',
      contains: `Key ${TRAINER} (rows) × ${TRAINEE}`,
    });
    const { categories, counts } = judged.matrix;
    for (const [row, key] of categories.entries())
      for (const [column, value] of categories.entries())
        await webview(SAMPLE_NAME, 'text', {
          selector: `#confusion-matrix td[data-key="${key}"][data-rater-value="${value}"]`,
          equals: String(counts[row][column]),
        });
    await webview(SAMPLE_NAME, 'text', {
      selector: '#disagreements',
      contains: `key: effective; ${TRAINEE}: not_effective`,
    });
    await webview(SAMPLE_NAME, 'click', { selector: '#disagreements button.open-file' });
    await waitUntil(
      () => vscode.window.activeTextEditor?.document.uri.fsPath === file(0).fsPath,
      `${FILES[0]} opened from the disagreement`,
      () => String(vscode.window.activeTextEditor?.document.uri.fsPath),
      { events: [vscode.window.onDidChangeActiveTextEditor as vscode.Event<unknown>] },
    );

    // The export: the same CSV as the CLI's.
    const target = wsUri(`${SAMPLE}/agreement-export.csv`);
    const written = await api.exportAgreement(folder(), 'csv', target);
    assert.strictEqual(written?.fsPath, target.fsPath);
    const csv = execFileSync(
      process.execPath,
      [cli, 'agreement', folder().fsPath, '--key', TRAINER, '--format', 'csv'],
      {
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      },
    );
    assert.strictEqual(await readText(target), csv);
    assert.deepStrictEqual(api.summary(folder())?.marking, false);
  });

  it('keeps screenshots of the Marking view in light and dark themes', async () => {
    const config = vscode.workspace.getConfiguration('workbench');
    try {
      await vscode.commands.executeCommand('notifications.clearAll');
      await closeAllEditors();
      await openSummary(folder());
      await webview(SAMPLE_NAME, 'click', { selector: '#tab-marking' });
      await webview(SAMPLE_NAME, 'click', { selector: `button.cell[data-cell="${TRAINEE}|${JUDGMENT}"]` });
      await webview(SAMPLE_NAME, 'text', { selector: '#confusion-matrix caption', contains: TRAINEE });
      for (const [theme, bodyClass, shot] of [
        ['Default Light Modern', 'vscode-light', 'marking-view-light'],
        ['Default Dark Modern', 'vscode-dark', 'marking-view-dark'],
      ]) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await webview(SAMPLE_NAME, 'attribute', { selector: 'body', name: 'class', contains: bodyClass });
        await askHarness<string>('screenshot', { name: shot, keep: true });
      }
      assert.deepStrictEqual(api.summary(folder())?.cspViolations, []);
    } finally {
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    }
  });
});
