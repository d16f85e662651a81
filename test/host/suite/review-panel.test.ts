// The Review panel in the real host: it opens beside a PEEL 2017 crime file and follows the active
// editor, shows the record as a case (click to reveal the line) beside every criterion, records a
// judgment and an override from the keyboard (the review file on disk, the service's result, the
// diagnostics and the panel agree), counts the sample's reviewed files, moves between files with
// Alt+N / Alt+P, renders values from crime files as text, and keeps screenshots in light and dark.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { askHarness, bridgeAvailable } from '../bridge';
import { webview } from '../summaryPage';
import {
  activate,
  closeAllEditors,
  type DipsampleApi,
  extension,
  readText,
  ruleDiagnostics,
  waitForDiagnostics,
  waitUntil,
  writeText,
  wsUri,
} from '../util';

const SAMPLE = 'review-sample';
const SOURCE = 'samples/peel-2017-file-review';
const FILES = ['EM-17-038915.crime.yaml', 'EM-17-039311.crime.yaml', 'EM-17-039426.crime.yaml'];
const SAMPLE_NAME = 'PEEL 2017 crime file review (re-enactment): Eastmere Constabulary';
const PANEL = `Review: ${SAMPLE_NAME}`;
const REVIEWER = 'INSP-07';
// The pack's judgment criteria in its order: three prompted by checks, then Figure 15's three headline judgments.
const JUDGMENTS = [
  'peel17-risk-graded-appropriately',
  'peel17-plan-where-required',
  'peel17-offender-identification',
  'peel17-effective-investigation',
  'peel17-supervision-quality',
  'peel17-good-victim-care',
];
const EFFECTIVE = 'peel17-effective-investigation';
const SUPERVISION = 'peel17-supervision-quality';
const CHECK = 'peel17-bwv-considered'; // fails on EM-17-038915: body-worn video never considered
const XSS = '<img src=x onerror=alert(1)>';

/** What the panel reports through the extension API (src/vscode/review/reviewPanel.ts ReviewPanelState). */
interface ReviewState {
  file?: string;
  view?: {
    file: string;
    criteria: Array<{
      rule: string;
      kind: string;
      outcome?: string;
      machineOutcome?: string;
      overridden: boolean;
      answer?: string;
      reviewer?: string;
      note?: string;
    }>;
    progress: { reviewed: number; total: number; auditing: number };
    reviewed: boolean;
  };
  progress?: { reviewed: number; total: number; auditing: number };
  cspViolations: string[];
}
type Api = DipsampleApi & { review(): ReviewState | undefined };

const card = (rule: string) => `article.criterion[data-rule="${rule}"]`;
/** Keys that type `text` (Playwright names a space "Space"). */
const typing = (text: string) => [...text].map((c) => (c === ' ' ? 'Space' : c));

describe('review panel', function () {
  let api: Api;
  const folder = () => wsUri(SAMPLE);
  const file = (index: number) => wsUri(`${SAMPLE}/${FILES[index]}`);
  const reviewer = () => vscode.workspace.getConfiguration('dipsample.reviewer');
  const criterion = (rule: string) => api.review()?.view?.criteria.find((c) => c.rule === rule);

  async function openFile(index: number, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(file(index));
    return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
  }

  async function shows(index: number): Promise<void> {
    await webview(PANEL, 'text', { selector: '#file-title', equals: FILES[index].replace(/\.crime\.yaml$/, '') });
    await waitUntil(
      () => api.review()?.view?.file === file(index).fsPath,
      `the panel's state to show ${FILES[index]}`,
      () => String(api.review()?.view?.file),
      { api },
    );
  }

  before(async function () {
    if (!bridgeAvailable()) this.skip(); // needs the Playwright harness to see inside the webview
    api = (await activate()) as Api;
    assert.strictEqual(typeof api.review, 'function', 'the API exposes review()');
    await closeAllEditors();
    // A PEEL 2017 sample of three files, made here (a fixture folder would change other suites' workspace counts).
    const source = path.join(extension().extensionPath, ...SOURCE.split('/'));
    for (const name of ['sample.yaml', ...FILES])
      await vscode.workspace.fs.copy(vscode.Uri.file(path.join(source, name)), vscode.Uri.joinPath(folder(), name));
    // The reviewer id is an application setting (one person per machine): set it so no input box appears.
    await reviewer().update('id', REVIEWER, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    if (!api) return;
    await closeAllEditors();
    await reviewer().update('id', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
    await vscode.workspace.fs.delete(wsUri('review-xss'), { recursive: true, useTrash: false }).then(
      () => undefined,
      () => undefined,
    );
    await api.whenIdle();
  });

  it('opens beside the crime file, keeps focus in the editor and shows the case and every criterion', async () => {
    const editor = await openFile(0);
    await vscode.commands.executeCommand('dipsample.openReviewPanel');
    await webview(PANEL, 'text', { selector: '#sample-name', equals: PANEL });
    await shows(0);

    const tabs = vscode.window.tabGroups.all.flatMap((group) =>
      group.tabs.filter(
        (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('dipsample.review'),
      ),
    );
    assert.strictEqual(tabs.length, 1, 'one Review panel');
    assert.strictEqual(tabs[0].group.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.uri.toString(),
      editor.document.uri.toString(),
      'focus stays in the editor (preserveFocus)',
    );

    // The case: key dates with elapsed times, victims, plan, log as a timeline.
    await webview(PANEL, 'text', { selector: '[data-item="dates.recorded"] .badge', equals: '5 min after reported' });
    await webview(PANEL, 'text', {
      selector: '[data-item="dates.attendance"] .badge',
      equals: '1 h 27 min after recorded',
    });
    await webview(PANEL, 'text', { selector: '[data-item="victims.0"]', contains: 'VIC-WEVD2NL' });
    await webview(PANEL, 'text', { selector: '[data-item="plan.line.0"] .badge', equals: 'completed' });
    assert.strictEqual(await webview<number>(PANEL, 'count', { selector: '.section-log .case-item' }), 13);
    await webview(PANEL, 'text', { selector: '[data-item="log.4"]', contains: 'Insp 343 (supervisor)' });
    // The machine finding is pinned in the case and on its criterion.
    await webview(PANEL, 'text', { selector: `#case .finding[data-rule="${CHECK}"]`, contains: 'Body-worn video' });
    await webview(PANEL, 'text', { selector: `${card(CHECK)} .finding`, contains: 'Body-worn video' });

    // Every criterion of the rule set: 3 judgments with question and scale, and the machine checks.
    const view = api.review()?.view;
    assert.ok(view);
    assert.strictEqual(await webview<number>(PANEL, 'count', { selector: 'article.criterion' }), view.criteria.length);
    assert.deepStrictEqual(
      view.criteria.filter((c) => c.kind === 'judgment').map((c) => c.rule),
      JUDGMENTS,
    );
    await webview(PANEL, 'text', {
      selector: `${card(EFFECTIVE)} .question`,
      equals: 'Was this an effective investigation?',
    });
    await webview(PANEL, 'text', { selector: `${card(EFFECTIVE)} .scale`, contains: 'not_effective' });
    await webview(PANEL, 'text', { selector: `${card(CHECK)} [data-badge]`, equals: 'failed' });

    // Progress through the sample, once the other two files are audited in the background.
    await webview(PANEL, 'text', { selector: '#progress-text', equals: '0 of 3 files reviewed' });
  });

  it('reveals the line of a case entry in the editor (click and keyboard)', async () => {
    const text = await readText(file(0));
    const lines = text.split('\n');
    const selectionAt = (line: number) =>
      waitUntil(
        () =>
          vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === file(0).toString())?.selection
            .active.line === line,
        `the editor's selection on line ${line + 1}`,
        () =>
          String(
            vscode.window.visibleTextEditors.map(
              (e) => `${path.basename(e.document.uri.fsPath)}:${e.selection.active.line}`,
            ),
          ),
        { events: [vscode.window.onDidChangeTextEditorSelection as vscode.Event<unknown>] },
      );
    await webview(PANEL, 'click', { selector: '[data-item="log.4"] .item-main' });
    await selectionAt(lines.findIndex((line) => line.startsWith('  - at: "2017-01-05T09:01:15"')));
    await webview(PANEL, 'press', { selector: '[data-item="log.4"] .item-main', keys: ['ArrowUp', 'Enter'] });
    const log = lines.indexOf('log:');
    await selectionAt(
      lines.findIndex((line, index) => index > log && line.startsWith('  - at: "2017-01-04T10:48:10"')),
    );
  });

  it('follows the active crime file editor', async () => {
    await openFile(1);
    await shows(1);
    await openFile(0);
    await shows(0);
  });

  it('records judgments and an override from the keyboard: the review file, the audit, the diagnostics and the panel agree', async () => {
    // A judgment: Enter opens the form, 2 picks not_effective, Tab to the note, Ctrl+Enter saves.
    await webview(PANEL, 'press', {
      selector: card(EFFECTIVE),
      keys: ['Enter', '2', 'Tab', ...typing('No CCTV sought'), 'Control+Enter'],
    });
    await webview(PANEL, 'text', {
      selector: `${card(EFFECTIVE)} [data-state]`,
      contains: 'Answered not_effective → failed',
    });
    await webview(PANEL, 'text', { selector: `${card(EFFECTIVE)} [data-state]`, contains: `${REVIEWER} (you)` });
    await webview(PANEL, 'text', { selector: `${card(EFFECTIVE)} [data-note]`, equals: 'No CCTV sought' });

    // An override needs a note: the panel refuses without one, and writes nothing.
    await webview(PANEL, 'press', { selector: card(CHECK), keys: ['Enter', '3', 'Control+Enter'] });
    await webview(PANEL, 'text', { selector: `${card(CHECK)} [data-error]`, contains: 'needs a note' });
    assert.strictEqual(criterion(CHECK)?.overridden, false);
    // Focus went to the note: type it and save (3 = not applicable: an exception for this file).
    await webview(PANEL, 'press', {
      selector: `${card(CHECK)} vscode-textarea`,
      keys: [...typing('Attended days later'), 'Control+Enter'],
    });
    await webview(PANEL, 'text', {
      selector: `${card(CHECK)} [data-state]`,
      contains: 'Overridden: not applicable (machine: failed)',
    });
    await webview(PANEL, 'text', { selector: `${card(CHECK)} [data-note]`, equals: 'Attended days later' });
    await webview(PANEL, 'text', { selector: `${card(CHECK)} .flag-overridden`, equals: 'overridden' });

    // The review file on disk has both.
    const reviewFile = wsUri(`${SAMPLE}/reviews/${REVIEWER}.review.yaml`);
    const review = parse(await readText(reviewFile)) as {
      format: string;
      reviewer: { id: string };
      files: Record<string, Record<string, { answer?: string; outcome?: string; note?: string; at?: string }>>;
    };
    assert.strictEqual(review.format, 'dipsample-review/1');
    assert.strictEqual(review.reviewer.id, REVIEWER);
    const entries = review.files['EM-17-038915'];
    assert.strictEqual(entries[EFFECTIVE].answer, 'not_effective');
    assert.strictEqual(entries[EFFECTIVE].note, 'No CCTV sought');
    assert.strictEqual(entries[CHECK].outcome, 'notApplicable');
    assert.strictEqual(entries[CHECK].note, 'Attended days later');
    assert.ok(entries[CHECK].at, 'the time is stamped');

    // The service's result (what the panel draws from) has both.
    const judged = criterion(EFFECTIVE);
    assert.deepStrictEqual(
      [judged?.outcome, judged?.answer, judged?.reviewer, judged?.note],
      ['failed', 'not_effective', REVIEWER, 'No CCTV sought'],
    );
    const overridden = criterion(CHECK);
    assert.deepStrictEqual(
      [overridden?.outcome, overridden?.machineOutcome, overridden?.overridden, overridden?.note],
      ['notApplicable', 'failed', true, 'Attended days later'],
    );
    // The file's diagnostics: the check's warning gave way to the reviewer's override.
    await waitForDiagnostics(
      file(0),
      () => ruleDiagnostics(file(0), CHECK).some((x) => x.message.includes(`Overridden on review by ${REVIEWER}`)),
      `the ${CHECK} override on the file`,
      api,
    );
    const [override] = ruleDiagnostics(file(0), CHECK);
    assert.match(override.message, /not applicable: Attended days later/);
    assert.strictEqual(override.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(!ruleDiagnostics(file(0), CHECK).some((d) => d.message.startsWith('Body-worn video')));

    // Still five judgments to record: the file is not reviewed yet.
    await webview(PANEL, 'text', { selector: '#file-status', equals: `${JUDGMENTS.length - 1} judgments to record` });
    await webview(PANEL, 'text', { selector: '#progress-text', equals: '0 of 3 files reviewed' });
    // The other five, from the keyboard: a digit picks, or the arrow keys move between the choices.
    const others: Array<[string, string[], string]> = [
      ['peel17-risk-graded-appropriately', ['Enter', '1', 'Enter'], 'right_level'],
      ['peel17-plan-where-required', ['Enter', '1', 'Enter'], 'plan'],
      ['peel17-offender-identification', ['Enter', '2', 'Enter'], 'missed'],
      [SUPERVISION, ['Enter', '1', 'Enter'], 'effective'],
      ['peel17-good-victim-care', ['Enter', 'ArrowDown', 'ArrowDown', 'ArrowUp', 'Enter'], 'not_good'],
    ];
    assert.deepStrictEqual(
      [EFFECTIVE, ...others.map(([rule]) => rule)].sort(),
      [...JUDGMENTS].sort(),
      'every judgment of the file is recorded',
    );
    for (const [rule, keys, answer] of others) {
      await webview(PANEL, 'press', { selector: card(rule), keys });
      await webview(PANEL, 'text', { selector: `${card(rule)} [data-state]`, contains: `Answered ${answer}` });
      assert.strictEqual(criterion(rule)?.answer, answer);
    }
    await webview(PANEL, 'text', { selector: '#file-status', equals: 'reviewed' });
    await webview(PANEL, 'text', { selector: '#progress-text', equals: '1 of 3 files reviewed' });
    assert.deepStrictEqual(api.review()?.progress, { reviewed: 1, total: 3, auditing: 0 });
  });

  it('moves to the next and previous file with Alt+N / Alt+P (and the buttons); focus goes to the first unanswered criterion', async () => {
    await webview(PANEL, 'press', { selector: card(CHECK), keys: ['Alt+KeyN'] });
    await shows(1);
    const inEditor = (index: number) =>
      waitUntil(
        () => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === file(index).toString()),
        `${FILES[index]} in the editor`,
        () => String(vscode.window.visibleTextEditors.map((e) => e.document.uri.fsPath)),
        { events: [vscode.window.onDidChangeVisibleTextEditors as vscode.Event<unknown>] },
      );
    await inEditor(1);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === file(1).toString());
    assert.strictEqual(editor?.viewColumn, vscode.ViewColumn.One, 'opened in the editor column, not over the panel');
    await webview(PANEL, 'text', { selector: '#file-line', contains: 'file 2 of 3' });
    // Focus is on the first judgment awaiting an answer: Enter opens its form straight away.
    assert.strictEqual(
      await webview<number>(PANEL, 'count', { selector: `${card(JUDGMENTS[0])}:focus` }),
      1,
      'the first judgment awaiting an answer has focus',
    );

    await webview(PANEL, 'click', { selector: '#next' });
    await shows(2);
    await webview(PANEL, 'press', { selector: card(EFFECTIVE), keys: ['Alt+KeyP', 'Alt+KeyP'] });
    await shows(0);
    await webview(PANEL, 'text', { selector: '#file-status', equals: 'reviewed' });
  });

  it('renders values from crime files as text', async () => {
    const xss = wsUri('review-xss/XSS-1.crime.yaml');
    await writeText(
      xss,
      [
        'format: crime-file/1',
        `reference: "${XSS}"`,
        'classification: { category: "<script>alert(2)</script>" }',
        'reported_at: "2017-01-02T12:54:04"',
        'log:',
        `  - { at: "2017-01-02T13:00:00", author: { id: "${XSS}", role: officer }, type: note, text: "${XSS}" }`,
        '',
      ].join('\n'),
    );
    const document = await vscode.workspace.openTextDocument(xss);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    const panel = 'Review: review-xss';
    await webview(panel, 'text', { selector: '#file-title', equals: XSS });
    await webview(panel, 'text', { selector: '[data-item="log.0"]', contains: XSS });
    assert.strictEqual(await webview<number>(panel, 'count', { selector: 'img' }), 0, 'no <img> element');
    assert.strictEqual(await webview<number>(panel, 'count', { selector: 'script:has-text("alert")' }), 0, 'no script');
    assert.deepStrictEqual(await askHarness('dialogs', {}), [], 'no dialog opened');
    assert.deepStrictEqual(api.review()?.cspViolations, [], 'the policy blocked nothing');
    await openFile(0);
    await shows(0);
  });

  it('keeps screenshots of the panel in light and dark themes', async () => {
    const config = vscode.workspace.getConfiguration('workbench');
    const themes: Array<[string, string, string]> = [
      ['Default Light Modern', 'vscode-light', 'review-panel-light'],
      ['Default Dark Modern', 'vscode-dark', 'review-panel-dark'],
    ];
    try {
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await openFile(1);
      await shows(1);
      // The panel wider than the file, as a reviewer would set it: case and criteria side by side.
      await vscode.commands.executeCommand('vscode.setEditorLayout', {
        orientation: 0,
        groups: [{ size: 0.36 }, { size: 0.64 }],
      });
      // Show a file mid-review: one judgment answered, its form open on the next.
      await webview(PANEL, 'press', {
        selector: card(EFFECTIVE),
        keys: ['Enter', '2', 'Tab', ...typing('No plan; suspect never traced'), 'Control+Enter'],
      });
      await webview(PANEL, 'text', { selector: `${card(EFFECTIVE)} [data-state]`, contains: 'Answered' });
      await webview(PANEL, 'press', { selector: card(SUPERVISION), keys: ['Enter', 'ArrowDown'] });
      for (const [theme, bodyClass, shot] of themes) {
        await config.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await webview(PANEL, 'attribute', { selector: 'body', name: 'class', contains: bodyClass });
        await webview(PANEL, 'text', { selector: '#progress-text', contains: 'files reviewed' });
        const shotFile = await askHarness<string>('screenshot', { name: shot, keep: true });
        assert.ok(shotFile.endsWith(`${shot}.png`));
      }
    } finally {
      await config.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.evenEditorWidths');
      await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
    }
  });
});
