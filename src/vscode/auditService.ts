import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  Auditor,
  checkPack,
  CONFIG_FILE_NAME,
  CRIME_FILE_GLOB,
  isCrimeFile,
  MANIFEST_FILE_NAME,
  markingStateFor,
  maskForMarking,
  type FileReport,
  type MarkingState,
  type ReviewFile,
  type RuleSet,
} from '../engine';
import { AuditScheduler } from './auditScheduler';
import { ConfigProblems } from './configProblems';
import { ResultStore } from './resultStore';
import { settingsFor, type FolderSettings } from './settings';
import { problemToDiagnostic, toDiagnostic } from './toDiagnostic';
import { confineToFolders } from '../node/confinedHost';
import { workspaceHost } from './workspaceHost';
import { awaitingDiagnostics } from './review/judgments';
import { currentReviewer } from './review/reviewerIdentity';

const DEBOUNCE_MS = 300;
/** The scheduler key of the configuration re-audit (file keys are URIs, so it cannot clash). */
const CONFIG_KEY = 'configuration';
const REVIEWS_KEY = 'reviews';
const REVIEW_PROBLEMS_KEY = 'review-problems';

export interface AuditedFile {
  uri: vscode.Uri;
  /** In marking mode, the masked report (maskForMarking): no criterion's outcome or findings. */
  report: FileReport;
  ruleSet: RuleSet;
  /** Set while the reviewer in use is a trainee marking this file's sample: the machine's results are hidden. */
  marking?: MarkingState;
}

/** One file's results changed: `result` is the new audit, or undefined when the file is no longer audited. */
export interface AuditChange {
  uri: vscode.Uri;
  result?: AuditedFile;
}

export function isConfigFile(uri: vscode.Uri): boolean {
  const name = path.basename(uri.fsPath);
  return name === CONFIG_FILE_NAME || name === MANIFEST_FILE_NAME || /\.pack\.ya?ml$/.test(name);
}

/**
 * Keeps diagnostics in step with crime files, configurations and packs. A coordinator: when audits
 * run is the scheduler's (debounce, idle, generations: a slow, stale run never overwrites a newer
 * one), what they found is the result store's, which configuration problems to show is
 * ConfigProblems'; this class runs the engine and publishes to VS Code.
 */
export class AuditService implements vscode.Disposable {
  private readonly findings = vscode.languages.createDiagnosticCollection('dipsample');
  private readonly configDiagnostics = vscode.languages.createDiagnosticCollection('dipsample-config');
  private readonly reviewDiagnostics = vscode.languages.createDiagnosticCollection('dipsample-reviews');
  private readonly auditors = new Map<string, Auditor>();
  private readonly scheduler = new AuditScheduler();
  private readonly results = new ResultStore<AuditedFile>({
    pathOf: (key) => vscode.Uri.parse(key).fsPath,
    sep: path.sep,
  });
  private readonly configProblems = new ConfigProblems(path);
  private fileAudits = 0;
  private readonly changed = new vscode.EventEmitter<AuditChange>();
  /** Fires after any file's results change. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  dispose(): void {
    this.scheduler.dispose();
    this.findings.dispose();
    this.configDiagnostics.dispose();
    this.reviewDiagnostics.dispose();
    this.changed.dispose();
  }

  /** Audited files, for the status bar and summaries. */
  audited(): Iterable<AuditedFile> {
    return this.results.values();
  }

  resultFor(uri: vscode.Uri): AuditedFile | undefined {
    return this.results.get(uri.toString());
  }

  /** How many times a file has been audited since activation (updates should audit only what changed). */
  get filesAudited(): number {
    return this.fileAudits;
  }

  whenIdle(): Promise<void> {
    return this.scheduler.whenIdle();
  }

  /** Audit a document after a pause in typing (or at once with delay 0). */
  schedule(document: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    if (document.uri.scheme !== 'file' || !isCrimeFile(document.uri.fsPath)) return;
    this.scheduler.debounce(document.uri.toString(), delay, () =>
      this.audit(document.uri, document.isClosed ? undefined : document.getText()),
    );
  }

  /** Audit one crime file from `text` (an editor buffer) or from disk. */
  async audit(uri: vscode.Uri, text?: string): Promise<AuditedFile | undefined> {
    const settings = settingsFor(uri);
    if (!settings.enable) {
      this.clear(uri);
      return undefined;
    }
    this.fileAudits++;
    try {
      return await this.scheduler.latest(
        uri.toString(),
        () => this.auditForEditor(uri, text),
        ({ report, ruleSet, marking }) =>
          this.publish({ uri, report, ruleSet, ...(marking ? { marking } : {}) }, settings),
      );
    } catch (error) {
      this.log.error(`Audit of ${uri.fsPath} failed`, error);
      return undefined;
    }
  }

  /** The audit as the reviewer in use may see it: masked while they are marking the file's sample. */
  private async auditForEditor(
    uri: vscode.Uri,
    text: string | undefined,
  ): Promise<{ report: FileReport; ruleSet: RuleSet; marking?: MarkingState }> {
    const auditor = this.auditorFor(uri);
    const [audited, marking] = await Promise.all([auditor.auditFile(uri.fsPath, text), this.markingFor(uri)]);
    if (!marking) return audited;
    return { report: maskForMarking(audited.report, audited.ruleSet), ruleSet: audited.ruleSet, marking };
  }

  /** Whether the reviewer in use (settings) is a trainee marking the sample of `uri` (a file, or a folder). */
  async markingFor(uri: vscode.Uri, isFolder = false): Promise<MarkingState | undefined> {
    const folder = await this.sampleFolderFor(uri, isFolder);
    return markingStateFor(currentReviewer(), await this.reviewFilesFor(uri, folder));
  }

  /** The review files of a sample folder, as the audit read them (`uri`: any file or folder in the same workspace folder). */
  async reviewFilesFor(uri: vscode.Uri, sampleFolder: string): Promise<readonly ReviewFile[]> {
    return (await this.auditorFor(uri).reviewsFor(sampleFolder)).files;
  }

  /** Keep these files' results (and re-audit them on change) while they are closed: a summary covers them. */
  track(uris: Iterable<vscode.Uri>): void {
    for (const uri of uris) this.results.track(uri.toString());
  }

  /** The sample manifest (sample.yaml) governing a folder, if any. */
  manifestFor(folder: vscode.Uri) {
    return this.auditorFor(folder).manifestFor(folder.fsPath);
  }

  /** Audit many files (folder or workspace command), keeping their results while closed. */
  async auditMany(
    uris: readonly vscode.Uri[],
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
    onProgress?: (done: number, total: number) => void,
  ) {
    let done = 0;
    let findings = 0;
    let reported = 0;
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      this.results.track(uri.toString());
      const result = await this.audit(uri, openText(uri.toString()));
      findings += result?.report.findings.length ?? 0;
      done++;
      if (done % 25 === 0 || done === uris.length) {
        // Progress is in percent of the whole run; report the share done since the last report.
        const percent = (100 * done) / uris.length;
        progress.report({ message: `${done}/${uris.length} files`, increment: percent - reported });
        reported = percent;
        onProgress?.(done, uris.length);
      }
    }
    return { files: done, findings, cancelled: token.isCancellationRequested };
  }

  /**
   * Audits a sample's files that have no results yet, in the background (the status bar counts the
   * whole sample, not only the open files): tracked like a folder audit, shown in the window's
   * progress area, and counted by whenIdle().
   */
  auditInBackground(uris: readonly vscode.Uri[], title: string, done: () => void): Promise<void> {
    return this.scheduler.run(async () => {
      try {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title }, async (progress) => {
          const never = new vscode.CancellationTokenSource();
          try {
            await this.auditMany(uris, progress, never.token);
          } finally {
            never.dispose();
          }
        });
      } finally {
        // Still counted as running: what `done` schedules keeps whenIdle() waiting.
        done();
      }
    });
  }

  /** Runs `task` once `delay` ms pass without another call for `key`; whenIdle() waits for it. */
  debounceTask(key: string, delay: number, task: () => unknown): void {
    this.scheduler.debounce(`task:${key}`, delay, task);
  }

  /** A configuration, manifest or pack is changing: re-audit once typing pauses. */
  scheduleConfigurationChanged(delay = DEBOUNCE_MS): void {
    this.scheduler.debounce(CONFIG_KEY, delay, () => this.configurationChanged());
  }

  /** A configuration, manifest or pack changed: rebuild rule sets and re-audit every affected file. */
  async configurationChanged(): Promise<void> {
    for (const auditor of this.auditors.values()) auditor.invalidate();
    this.auditors.clear();
    const keys = this.results.keys();
    for (const document of vscode.workspace.textDocuments)
      if (isCrimeFile(document.uri.fsPath)) keys.add(document.uri.toString());
    await Promise.all([...keys].map((key) => this.audit(vscode.Uri.parse(key), openText(key))));
    this.refreshConfigProblems();
    await this.refreshReviewProblems();
  }

  /** The folder of the sample a file or folder belongs to (its sample.yaml's folder, else its own folder). */
  sampleFolderFor(uri: vscode.Uri, isFolder = false): Promise<string> {
    return this.auditorFor(uri).sampleFolderFor(isFolder ? uri.fsPath : path.dirname(uri.fsPath));
  }

  /** A review file is changing (saved, written, edited by hand): re-read reviews and re-audit once it pauses. */
  scheduleReviewsChanged(delay = DEBOUNCE_MS): void {
    this.scheduler.debounce(REVIEWS_KEY, delay, () => this.reviewsChanged());
  }

  /** Review files changed: rule sets stay, every audited file is audited again with the new answers. */
  async reviewsChanged(): Promise<void> {
    for (const auditor of this.auditors.values()) auditor.invalidateReviews();
    const keys = this.results.keys();
    for (const document of vscode.workspace.textDocuments)
      if (isCrimeFile(document.uri.fsPath)) keys.add(document.uri.toString());
    await Promise.all([...keys].map((key) => this.audit(vscode.Uri.parse(key), openText(key))));
    await this.refreshReviewProblems();
  }

  /**
   * Problems of the review files of every sample with an audited file, shown on those files. An
   * unknown reference is only reported once every crime file of the sample has been audited.
   */
  async refreshReviewProblems(): Promise<void> {
    const samples = new Map<string, { auditor: Auditor; files: AuditedFile[] }>();
    for (const result of this.results.values()) {
      const auditor = this.auditorFor(result.uri);
      const folder = await auditor.sampleFolderFor(path.dirname(result.uri.fsPath));
      const sample = samples.get(folder) ?? { auditor, files: [] };
      sample.files.push(result);
      samples.set(folder, sample);
    }
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const [folder, { auditor, files }] of samples) {
      const onDisk = await vscode.workspace.findFiles(
        new vscode.RelativePattern(vscode.Uri.file(folder), CRIME_FILE_GLOB),
        undefined,
        100_000,
      );
      const complete = onDisk.every((uri) => this.results.get(uri.toString()));
      const references = complete
        ? new Set(files.map((file) => file.report.reference).filter((ref): ref is string => ref !== undefined))
        : undefined;
      for (const problem of await auditor.reviewProblemsFor(folder, references)) {
        const list = byFile.get(problem.file) ?? [];
        list.push(problemToDiagnostic(problem));
        byFile.set(problem.file, list);
      }
    }
    this.reviewDiagnostics.clear();
    for (const [file, diagnostics] of byFile) this.reviewDiagnostics.set(vscode.Uri.file(file), diagnostics);
  }

  /** Show problems of an open pack that no audited file uses yet. */
  checkOpenPack(document: vscode.TextDocument): void {
    if (!/\.pack\.ya?ml$/.test(document.uri.fsPath)) return;
    this.configProblems.setOpenPack(document.uri.fsPath, checkPack(document.getText(), document.uri.fsPath));
    this.refreshConfigProblems();
  }

  /** A document closed: its findings go unless a folder audit is tracking the file. */
  closed(document: vscode.TextDocument): void {
    this.configProblems.closed(document.uri.fsPath);
    if (!this.results.isTracked(document.uri.toString())) this.clear(document.uri);
    this.refreshConfigProblems();
  }

  /** A file or folder was deleted: clear every audited file at or under it. */
  deleted(uri: vscode.Uri): void {
    for (const key of this.results.deleteAtOrUnder(uri.fsPath)) this.clear(vscode.Uri.parse(key));
  }

  /** The file is gone (deleted) or no longer audited. */
  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.scheduler.cancel(key);
    this.scheduler.invalidate(key); // an audit still running for it must not bring it back
    this.results.delete(key);
    this.findings.delete(uri);
    this.changed.fire({ uri });
  }

  private publish(result: AuditedFile, settings: FolderSettings): AuditedFile {
    const rules = new Map(result.ruleSet.rules.map((rule) => [rule.id, rule]));
    this.findings.set(result.uri, [
      ...result.report.findings.map((finding) =>
        toDiagnostic(finding, rules.get(finding.rule), this.extensionUri, settings.severity),
      ),
      // A marking trainee is not told which judgments the key has answered.
      ...(result.marking ? [] : awaitingDiagnostics(result.report, result.ruleSet)),
    ]);
    this.results.set(result.uri.toString(), result);
    this.refreshConfigProblems();
    // The sample's review files are checked against what its files run, once audits pause.
    this.scheduler.debounce(REVIEW_PROBLEMS_KEY, DEBOUNCE_MS, () => this.refreshReviewProblems());
    this.changed.fire({ uri: result.uri, result });
    return result;
  }

  private auditorFor(uri: vscode.Uri): Auditor {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let auditor = this.auditors.get(key);
    if (!auditor) {
      const settings = settingsFor(folder?.uri ?? uri);
      // In an untrusted workspace, packs and `extends` may name only files inside the workspace.
      const host = vscode.workspace.isTrusted
        ? workspaceHost(this.extensionUri)
        : confineToFolders(
            workspaceHost(this.extensionUri),
            (vscode.workspace.workspaceFolders ?? []).map((workspaceFolder) => workspaceFolder.uri.fsPath),
          );
      auditor = new Auditor(host, {
        extraPacks: settings.extraPacks,
        timeZone: settings.timeZone,
        ...(settings.onlyReviewer ? { reviewer: settings.onlyReviewer } : {}),
      });
      this.auditors.set(key, auditor);
    }
    return auditor;
  }

  /** Problems in packs and configurations, shown on those files (deduplicated across rule sets). */
  private refreshConfigProblems(): void {
    const byFile = this.configProblems.byFile([...this.results.values()].map((result) => result.ruleSet));
    this.configDiagnostics.clear();
    for (const [file, problems] of byFile)
      this.configDiagnostics.set(vscode.Uri.file(file), problems.map(problemToDiagnostic));
  }
}

/** The text of an open editor on `key` (a URI string), if one is open. */
function openText(key: string): string | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key)?.getText();
}
