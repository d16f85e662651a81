import * as path from 'node:path';
import * as vscode from 'vscode';
import { isCrimeFile, markingProgress, marksFor } from '../../engine';
import { sampleInfo } from '../../report';
import {
  isReviewWebviewMessage,
  isReviewWebviewState,
  type MarkAnswer,
  type ReviewAnswer,
  type ReviewHostMessage,
  type ReviewProgress,
  type ReviewView,
  type ReviewWebviewMessage,
} from '../../protocol/reviewMessages';
import type { AuditChange, AuditedFile, AuditService } from '../auditService';
import { webviewOptions } from '../webviewPage';
import { buildCaseView } from './caseView';
import { recordAnswer } from './recordAnswer';
import { reviewHtml } from './reviewPanelHtml';
import { answerProblem, criteriaOf, isReviewed, markAnswer, markingCriteriaOf } from './reviewPanelModel';
import { currentReviewer } from './reviewerIdentity';
import { SUBMIT_MARKING } from './submitMarking';

export const REVIEW_VIEW_TYPE = 'dipsample.review';
export const OPEN_REVIEW_PANEL = 'dipsample.openReviewPanel';

/** Changes to the shown file are drawn after this pause; the sample's progress after a longer one. */
const RENDER_DELAY_MS = 50;
const PROGRESS_DELAY_MS = 250;

interface Sample {
  folder: string;
  name: string;
  files: vscode.Uri[];
}

/** What the host tests and the extension API read of the panel. */
export interface ReviewPanelState {
  file?: string;
  view?: ReviewView;
  progress?: ReviewProgress;
  lastRender?: { ms: number; file: string; criteria: number };
  cspViolations: string[];
}

const isCrimeUri = (uri: vscode.Uri | undefined): uri is vscode.Uri =>
  uri !== undefined && uri.scheme === 'file' && isCrimeFile(uri.fsPath);

/** The text of an open editor on `uri`, if one is open. */
function openText(uri: vscode.Uri): string | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key)?.getText();
}

/**
 * The Review panel: one webview beside the crime file, following the active crime file editor. It
 * shows the file as a readable case and every criterion of its rule set, records the reviewer's
 * answers, overrides and confirmations through recordAnswer, and counts the sample's reviewed files.
 */
export class ReviewPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private panel: ReviewPanel | undefined;

  constructor(
    private readonly service: AuditService,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static register(context: vscode.ExtensionContext, service: AuditService, log: vscode.LogOutputChannel): ReviewPanels {
    const panels = new ReviewPanels(service, context.extensionUri, log);
    context.subscriptions.push(
      panels,
      vscode.window.registerWebviewPanelSerializer(REVIEW_VIEW_TYPE, panels),
      vscode.commands.registerCommand(OPEN_REVIEW_PANEL, (target?: unknown) =>
        panels.open(target instanceof vscode.Uri ? target : undefined),
      ),
      vscode.window.onDidChangeActiveTextEditor((editor) => panels.panel?.follow(editor)),
    );
    return panels;
  }

  dispose(): void {
    this.panel?.dispose();
    this.panel = undefined;
  }

  /** The open panel, if any. */
  current(): ReviewPanel | undefined {
    return this.panel;
  }

  /**
   * Opens the panel beside the crime file (the one given, else the active editor's), keeping focus
   * in the editor; run again while the panel is open, it moves focus into the panel.
   */
  async open(target?: vscode.Uri): Promise<ReviewPanel | undefined> {
    const active = vscode.window.activeTextEditor;
    const file = isCrimeUri(target)
      ? target
      : isCrimeUri(active?.document.uri)
        ? active.document.uri
        : vscode.window.visibleTextEditors.map((editor) => editor.document.uri).find(isCrimeUri);
    if (this.panel) {
      const again = !file || file.toString() === this.panel.file?.toString();
      this.panel.panel.reveal(undefined, !again);
      if (file) await this.panel.show(file, columnOf(file));
      return this.panel;
    }
    if (!file) {
      void vscode.window.showInformationMessage(
        'Open a crime file (*.crime.yaml, *.crime.yml, *.crime.json) to review it.',
      );
      return undefined;
    }
    const webview = vscode.window.createWebviewPanel(
      REVIEW_VIEW_TYPE,
      'Review',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableFindWidget: true },
    );
    const panel = this.adopt(webview);
    // The workbench focuses a new webview whatever preserveFocus says: give the focus back to the editor.
    if (active && active.document.uri.toString() === file.toString())
      await vscode.window.showTextDocument(active.document, { viewColumn: active.viewColumn, preserveFocus: false });
    await panel.show(file, columnOf(file));
    return panel;
  }

  /** The panel was open before the window reloaded: show its file again (or the active crime file). */
  async deserializeWebviewPanel(webview: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.panel) {
      webview.dispose();
      return;
    }
    const panel = this.adopt(webview);
    const saved = isReviewWebviewState(state) && state.file ? vscode.Uri.file(state.file) : undefined;
    const active = vscode.window.activeTextEditor?.document.uri;
    const file = isCrimeUri(active) ? active : isCrimeUri(saved) ? saved : undefined;
    if (file) await panel.show(file, columnOf(file));
    else panel.showEmpty();
  }

  private adopt(webview: vscode.WebviewPanel): ReviewPanel {
    const panel = new ReviewPanel(webview, this.service, this.extensionUri, this.log, () => {
      if (this.panel === panel) this.panel = undefined;
    });
    this.panel = panel;
    return panel;
  }
}

/** The column of a visible editor showing `file`. */
function columnOf(file: vscode.Uri): vscode.ViewColumn | undefined {
  const key = file.toString();
  const active = vscode.window.activeTextEditor;
  if (active?.document.uri.toString() === key) return active.viewColumn;
  return vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === key)?.viewColumn;
}

export class ReviewPanel implements vscode.Disposable {
  /** The crime file shown. */
  file: vscode.Uri | undefined;
  private editorColumn: vscode.ViewColumn | undefined;
  private sample: Sample | undefined;
  private ready = false;
  private disposed = false;
  private fileChanged = true;
  private generation = 0;
  private renderTimer: NodeJS.Timeout | undefined;
  private progressTimer: NodeJS.Timeout | undefined;
  private readonly auditedSamples = new Set<string>();
  private auditing = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private view: ReviewView | undefined;
  /** Navigations run one after another: Alt+P pressed twice goes back two files. */
  private navigation: Promise<void> = Promise.resolve();
  cspViolations: string[] = [];
  lastRender: { ms: number; file: string; criteria: number } | undefined;
  private readonly rendered = new vscode.EventEmitter<{ ms: number; file: string; criteria: number }>();
  /** Fires when the webview finished drawing a file. */
  readonly onDidRender = this.rendered.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly service: AuditService,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    onDispose: () => void,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = reviewHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      service.onDidChange((change) => this.changed(change)),
      panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.renderTimer);
    clearTimeout(this.progressTimer);
    this.rendered.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }

  /** What the panel shows now (tests and the extension API). */
  state(): ReviewPanelState {
    return {
      ...(this.file ? { file: this.file.fsPath } : {}),
      ...(this.view ? { view: this.view } : {}),
      ...(this.sample ? { progress: this.progress() } : {}),
      ...(this.lastRender ? { lastRender: this.lastRender } : {}),
      cspViolations: [...this.cspViolations],
    };
  }

  /** The active editor changed: follow it when it shows another crime file. */
  follow(editor: vscode.TextEditor | undefined): void {
    const uri = editor?.document.uri;
    if (!isCrimeUri(uri) || this.disposed) return;
    if (uri.toString() === this.file?.toString()) {
      this.editorColumn = editor?.viewColumn ?? this.editorColumn;
      return;
    }
    void this.show(uri, editor?.viewColumn).catch((error) =>
      this.log.error('Review panel: could not show a file', error),
    );
  }

  showEmpty(): void {
    this.file = undefined;
    this.view = undefined;
    this.panel.title = 'Review';
    this.post({ type: 'empty', message: 'Open a crime file to review it here.' });
  }

  /** Shows `file` (a crime file): its sample's files are listed, and audited in the background once. */
  async show(file: vscode.Uri, column?: vscode.ViewColumn): Promise<void> {
    const generation = ++this.generation;
    if (file.toString() !== this.file?.toString()) this.fileChanged = true;
    this.file = file;
    if (column !== undefined) this.editorColumn = column;
    this.panel.title = `Review: ${path.basename(file.fsPath)}`;
    const folder = await this.service.sampleFolderFor(file);
    if (generation !== this.generation || this.disposed) return;
    await this.loadSample(folder, this.fileChanged);
    if (generation !== this.generation || this.disposed) return;
    if (!this.service.resultFor(file)) {
      this.service.track([file]);
      await this.service.audit(file, openText(file));
      if (generation !== this.generation || this.disposed) return;
    }
    await this.render();
    this.auditSampleInBackground();
  }

  /** Lists the sample's crime files (sorted by path) when the sample changed or `relist` asks. */
  private async loadSample(folder: string, relist: boolean): Promise<void> {
    if (this.sample?.folder === folder && !relist) return;
    const uri = vscode.Uri.file(folder);
    const files = await this.service.crimeFilesIn(uri);
    if (this.file && !files.some((f) => f.toString() === this.file?.toString())) {
      files.push(this.file);
      files.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    }
    const name =
      this.sample?.folder === folder
        ? this.sample.name
        : sampleInfo(folder, await this.service.manifestFor(uri).catch(() => undefined), []).name;
    this.sample = { folder, name, files };
    this.service.track(files);
  }

  /** Audits, one after another, the sample's files that have no results yet: the progress count needs them. */
  private auditSampleInBackground(): void {
    const sample = this.sample;
    if (!sample || this.auditedSamples.has(sample.folder)) return;
    this.auditedSamples.add(sample.folder);
    const pending = sample.files.filter((uri) => !this.service.resultFor(uri));
    if (pending.length === 0) return;
    this.auditing += pending.length;
    this.scheduleProgress();
    void (async () => {
      for (const uri of pending) {
        if (this.disposed) return;
        try {
          if (!this.service.resultFor(uri)) await this.service.audit(uri, openText(uri));
        } catch (error) {
          this.log.error(`Review panel: audit of ${uri.fsPath} failed`, error);
        }
        this.auditing--;
        this.scheduleProgress();
      }
    })();
  }

  private progress(): ReviewProgress {
    const files = this.sample?.files ?? [];
    const reviewed = files.filter((uri) => isDone(this.service.resultFor(uri))).length;
    return { reviewed, total: files.length, auditing: Math.max(0, this.auditing) };
  }

  private changed({ uri }: AuditChange): void {
    if (this.disposed || !this.sample) return;
    const key = uri.toString();
    if (key === this.file?.toString()) this.scheduleRender();
    else if (this.sample.files.some((file) => file.toString() === key)) this.scheduleProgress();
  }

  private scheduleRender(): void {
    if (this.renderTimer) return;
    this.renderTimer = setTimeout(() => {
      this.renderTimer = undefined;
      void this.render().catch((error) => this.log.error('Review panel: render failed', error));
    }, RENDER_DELAY_MS);
  }

  private scheduleProgress(): void {
    if (this.progressTimer) return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = undefined;
      if (this.sample) this.post({ type: 'progress', progress: this.progress() });
    }, PROGRESS_DELAY_MS);
  }

  /** Sends the shown file's case and criteria (nothing is audited here). */
  private async render(): Promise<void> {
    const file = this.file;
    const sample = this.sample;
    if (!file || !sample || this.disposed) return;
    const generation = this.generation;
    const text = openText(file) ?? (await readText(file));
    if (generation !== this.generation || this.disposed) return;
    const result = this.service.resultFor(file);
    const format = file.fsPath.endsWith('.json') ? 'json' : 'yaml';
    const rules = new Map((result?.ruleSet.rules ?? []).map((rule) => [rule.id, rule]));
    const caseView = buildCaseView(
      text ?? '',
      format,
      result?.report.findings ?? [],
      result?.ruleSet.timeZone,
      (id) => {
        const field = rules.get(id)?.declaration.check?.options.path;
        return typeof field === 'string' ? field : undefined;
      },
    );
    if (text === undefined) caseView.unreadable = 'The file could not be read.';
    const reviewer = currentReviewer()?.id;
    const marking = result?.marking;
    const progress = marking && result ? markingProgress(marking, result.report.reference, result.ruleSet) : undefined;
    const view: ReviewView = {
      file: file.fsPath,
      name: path.relative(sample.folder, file.fsPath) || path.basename(file.fsPath),
      sample: { folder: sample.folder, name: sample.name },
      index: Math.max(
        0,
        sample.files.findIndex((uri) => uri.toString() === file.toString()),
      ),
      count: sample.files.length,
      ...(reviewer ? { reviewer } : {}),
      caseView,
      criteria: !result
        ? []
        : marking
          ? markingCriteriaOf(result.ruleSet, marksFor(marking, result.report.reference))
          : criteriaOf(result.ruleSet, result.report),
      progress: this.progress(),
      reviewed: isDone(result),
      ...(marking && progress ? { marking: { reviewer: marking.reviewer.id, ...progress } } : {}),
    };
    this.view = view;
    this.panel.title = `Review: ${caseView.reference ?? path.basename(file.fsPath)}`;
    const fileChanged = this.fileChanged;
    if (this.post({ type: 'show', view, fileChanged })) this.fileChanged = false;
    else this.fileChanged = fileChanged;
  }

  private post(message: ReviewHostMessage): boolean {
    if (!this.ready || this.disposed) return false;
    void this.panel.webview.postMessage(message);
    return true;
  }

  private receive(message: unknown): void {
    if (!isReviewWebviewMessage(message)) {
      this.log.warn('Review panel: ignored a malformed message from the webview');
      return;
    }
    void this.handle(message).catch((error) => this.log.error(`Review panel: ${message.type} failed`, error));
  }

  private async handle(message: ReviewWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.fileChanged = true;
        if (this.file) await this.render();
        else this.showEmpty();
        return;
      case 'reveal':
        return this.reveal(message.line, message.character);
      case 'answer':
        return this.answer(message.file, message.rule, message.answer);
      case 'mark':
        return this.mark(message.file, message.rule, message.mark);
      case 'submit':
        await vscode.commands.executeCommand(SUBMIT_MARKING, this.file);
        return;
      case 'navigate':
        this.navigation = this.navigation
          .then(() => this.navigate(message.direction))
          .catch((error: unknown) => {
            this.log.error('Review panel: navigation failed', error);
          });
        return this.navigation;
      case 'rendered':
        this.lastRender = { ms: message.ms, file: message.file, criteria: message.criteria };
        this.rendered.fire(this.lastRender);
        return;
      case 'cspViolation':
        this.cspViolations.push(`${message.directive}: ${message.blocked}`);
        this.log.error(
          `Review webview: Content-Security-Policy blocked ${message.blocked || 'a resource'} (${message.directive})`,
        );
        return;
    }
  }

  /** Shows the line in the crime file's editor (opening it beside the panel if it is not visible); focus stays here. */
  private async reveal(line: number, character: number): Promise<void> {
    if (!this.file) return;
    const key = this.file.toString();
    const position = new vscode.Position(line, character);
    const selection = new vscode.Selection(position, position);
    let editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === key);
    if (!editor) {
      editor = await vscode.window.showTextDocument(this.file, {
        viewColumn: this.editorColumnFor(),
        preserveFocus: true,
        preview: true,
      });
    }
    editor.selection = selection;
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private editorColumnFor(): vscode.ViewColumn {
    if (this.editorColumn !== undefined && this.editorColumn !== this.panel.viewColumn) return this.editorColumn;
    return this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  private async answer(file: string, rule: string, answer: ReviewAnswer): Promise<void> {
    const refuse = (text: string) => {
      this.post({ type: 'saved', rule, ok: false, message: text });
    };
    if (!this.file || file !== this.file.fsPath) return refuse('The panel moved to another file: answer again.');
    const result = this.service.resultFor(this.file);
    if (!result) return refuse('This file has not been audited yet.');
    // A marking trainee's forms send marks; an override or confirmation would be about an outcome they cannot see.
    if (result.marking) return refuse('You are marking this sample: mark the criterion instead.');
    const reference = result.report.reference;
    if (!reference) return refuse('This file has no reference: answers are recorded by reference.');
    const problem = answerProblem(
      result.ruleSet.rules.find((candidate) => candidate.id === rule),
      answer,
    );
    if (problem) return refuse(problem);
    const note = answer.note?.trim();
    const clean: ReviewAnswer =
      'answer' in answer
        ? { answer: answer.answer, ...(note ? { note } : {}) }
        : 'outcome' in answer
          ? { outcome: answer.outcome, note: note ?? '' }
          : { confirmed: true, ...(note ? { note } : {}) };
    const ok = await recordAnswer(this.service, this.file, reference, rule, clean);
    this.post({ type: 'saved', rule, ok, ...(ok ? {} : { message: 'Not saved.' }) });
    if (ok) {
      this.scheduleProgress();
      await this.render();
    }
  }

  /** A marking trainee's mark: recorded as their answer (a judgment) or outcome (a check), the note optional. */
  private async mark(file: string, rule: string, mark: MarkAnswer): Promise<void> {
    const refuse = (text: string) => {
      this.post({ type: 'saved', rule, ok: false, message: text });
    };
    if (!this.file || file !== this.file.fsPath) return refuse('The panel moved to another file: mark again.');
    const result = this.service.resultFor(this.file);
    if (!result) return refuse('This file has not been audited yet.');
    if (!result.marking) return refuse('Marking mode has ended (your marks were submitted, or you are not a trainee).');
    const reference = result.report.reference;
    if (!reference) return refuse('This file has no reference: marks are recorded by reference.');
    const checked = markAnswer(
      result.ruleSet.rules.find((candidate) => candidate.id === rule),
      mark,
    );
    if ('problem' in checked) return refuse(checked.problem);
    const ok = await recordAnswer(this.service, this.file, reference, rule, checked.answer);
    this.post({ type: 'saved', rule, ok, ...(ok ? {} : { message: 'Not saved.' }) });
    if (ok) {
      this.scheduleProgress();
      await this.render();
    }
  }

  /** Opens the next (or previous) crime file of the sample, sorted by path, in the editor column; the panel follows. */
  private async navigate(direction: 'next' | 'previous'): Promise<void> {
    if (!this.file || !this.sample) return;
    await this.loadSample(this.sample.folder, true);
    const files = this.sample.files;
    const index = files.findIndex((uri) => uri.toString() === this.file?.toString());
    const target = files[index + (direction === 'next' ? 1 : -1)];
    if (!target) {
      this.post({
        type: 'notice',
        level: 'info',
        message:
          direction === 'next' ? 'This is the last file of the sample.' : 'This is the first file of the sample.',
      });
      return;
    }
    const column = this.editorColumnFor();
    await vscode.window.showTextDocument(target, { viewColumn: column, preserveFocus: true, preview: true });
    await this.show(target, column);
  }
}

/** Reviewed (or, in marking mode, every criterion marked). */
function isDone(result: AuditedFile | undefined): boolean {
  if (!result?.marking) return isReviewed(result?.report);
  const { marked, total } = markingProgress(result.marking, result.report.reference, result.ruleSet);
  return total > 0 && marked === total;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
