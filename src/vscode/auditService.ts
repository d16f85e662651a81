import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  Auditor,
  checkPack,
  CONFIG_FILE_NAME,
  CRIME_FILE_GLOB,
  isCrimeFile,
  isReviewFile,
  MANIFEST_FILE_NAME,
  markingStateFor,
  maskForMarking,
  type AuditorDefaults,
  type FileReport,
  type MarkingState,
  type ReviewFile,
  type RuleSet,
  type SampleReviews,
} from '../engine';
import { AuditScheduler } from './auditScheduler';
import { ConfigProblems } from './configProblems';
import { ResultStore } from './resultStore';
import { concurrencySetting, settingsFor, type FolderSettings } from './settings';
import { problemToDiagnostic, toDiagnostic } from './toDiagnostic';
import { confineToFolders } from '../node/confinedHost';
import { workspaceHost } from './workspaceHost';
import { awaitingDiagnostics } from './review/judgments';
import { currentReviewer } from './review/reviewerIdentity';
import { fileScope } from './fileScope';
import { findCrimeFiles } from './summary/sampleFolder';
import { BREAKDOWN_FIELD_PATHS } from '../report';
import { contentHash, type FileFingerprint } from '../node/auditJob';
import { readTextFileSync } from '../node/nodeHost';
import { SavedResults, type SavableResult } from './savedResults';
import { auditWorkspaceFiles, type BatchResult, type BatchResultKind } from './workspaceAudit';

const DEBOUNCE_MS = 300;
/** The scheduler key of the configuration re-audit (file keys are URIs, so it cannot clash). */
const CONFIG_KEY = 'configuration';
const REVIEWS_KEY = 'reviews';
const REVIEW_PROBLEMS_KEY = 'review-problems';
const CONFIG_PROBLEMS_KEY = 'config-problems';
const SAVE_KEY = 'save-results';
/** Results are saved for the next session once audits pause this long. */
const SAVE_DELAY_MS = 500;

export interface AuditedFile {
  uri: vscode.Uri;
  /** In marking mode, the masked report (maskForMarking): no criterion's outcome or findings. */
  report: FileReport;
  ruleSet: RuleSet;
  /** Set while the reviewer in use is a trainee marking this file's sample: the machine's results are hidden. */
  marking?: MarkingState;
  /** The review answers the audit used (a result stays current while they and the rule set do). */
  reviews?: SampleReviews;
  /** Audited from the file on disk: what it held (a workspace audit skips the file while it is unchanged). */
  fingerprint?: FileFingerprint;
  /** Audited from an editor buffer at this document version. */
  version?: number;
  /** Shown from the last session's saved results (and found unchanged since, while still set). */
  restored?: boolean;
}

/** What a folder or workspace audit did. */
export interface AuditTotals {
  /** Files covered: audited now, or unchanged since their last audit. */
  files: number;
  findings: number;
  cancelled: boolean;
  /** Files audited now. */
  audited: number;
  /** Files unchanged (same text, rule set and review answers): their results were kept. */
  reused: number;
  /** Files first shown from the last session's saved results (then checked). */
  restored: number;
  /** Worker threads the audit ran in (0: the extension host thread). */
  workers: number;
  /** How long it took, in ms. */
  ms: number;
}

/** Where the last results are kept between sessions, and the tool (name, version, build) that made them. */
export interface ResultStorage {
  file: string;
  tool: string;
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
  /** How each auditor was made (the workers make theirs the same way). */
  private readonly defaults = new WeakMap<Auditor, AuditorDefaults>();
  /** The last session's results (undefined: no storage, e.g. no folder open). */
  private readonly saved: SavedResults | undefined;
  /** Per workspace folder (like the auditors): whether a file is left out (`fileScope`). */
  private readonly scopes = new Map<string, (file: string) => Promise<boolean>>();
  private readonly scheduler = new AuditScheduler();
  private readonly results = new ResultStore<AuditedFile>({
    pathOf: (key) => vscode.Uri.parse(key).fsPath,
    sep: path.sep,
  });
  private readonly configProblems = new ConfigProblems(path);
  private fileAudits = 0;
  private lastTotals: AuditTotals | undefined;
  private readonly changed = new vscode.EventEmitter<AuditChange>();
  /** Fires after any file's results change. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly storage?: ResultStorage,
  ) {
    this.saved = storage ? new SavedResults(storage.file, storage.tool) : undefined;
    void this.saved?.discarded().then((why) => {
      if (why) this.log.info(`Saved results at ${storage!.file} not used (${why}): they will be replaced`);
    });
  }

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

  /** What the last folder or workspace audit (or batch after a configuration change) did. */
  get lastAudit(): AuditTotals | undefined {
    return this.lastTotals;
  }

  whenIdle(): Promise<void> {
    return this.scheduler.whenIdle();
  }

  /** Audit a document after a pause in typing (or at once with delay 0). */
  schedule(document: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    if (document.uri.scheme !== 'file' || !isCrimeFile(document.uri.fsPath)) return;
    this.scheduler.debounce(document.uri.toString(), delay, () =>
      document.isClosed ? this.audit(document.uri) : this.audit(document.uri, document.getText(), document.version),
    );
  }

  /** Audit one crime file from `text` (an editor buffer, at document `version`) or from disk. */
  async audit(uri: vscode.Uri, text?: string, version?: number): Promise<AuditedFile | undefined> {
    const settings = settingsFor(uri);
    if (!settings.enable) {
      this.clear(uri);
      return undefined;
    }
    try {
      return await this.scheduler.latest(
        uri.toString(),
        async () => {
          if (await this.isLeftOut(uri)) return undefined;
          this.fileAudits++;
          return this.auditForEditor(uri, text);
        },
        (audited) =>
          audited
            ? this.publish(
                {
                  uri,
                  ...audited,
                  ...(text !== undefined && version !== undefined ? { version } : {}),
                },
                settings,
              )
            : this.leaveOut(uri),
      );
    } catch (error) {
      this.log.error(`Audit of ${uri.fsPath} failed`, error);
      return undefined;
    }
  }

  /** The audit as the reviewer in use may see it: masked while they are marking the file's sample. */
  private async auditForEditor(uri: vscode.Uri, text: string | undefined): Promise<Omit<AuditedFile, 'uri'>> {
    const auditor = this.auditorFor(uri);
    // A file on disk is read here, so that its result says what it was audited from.
    const open = vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    const read = text === undefined && !open ? readFingerprinted(uri.fsPath) : undefined;
    const [audited, marking, reviews] = await Promise.all([
      auditor.auditFile(uri.fsPath, read?.text ?? text),
      this.markingFor(uri),
      auditor.sampleFolderFor(path.dirname(uri.fsPath)).then((folder) => auditor.reviewsFor(folder)),
    ]);
    const source = { reviews, ...(read ? { fingerprint: read.fingerprint } : {}) };
    if (read) this.scheduleSave();
    if (!marking) return { ...audited, ...source };
    return { report: maskForMarking(audited.report, audited.ruleSet), ruleSet: audited.ruleSet, marking, ...source };
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

  /**
   * Whether a crime file is left out of audits: by `dipsample.files.include`/`exclude` or the
   * `ignores` of its `.dipsample.yaml`. Such a file gets no diagnostics and is counted nowhere.
   */
  isLeftOut(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let scope = this.scopes.get(key);
    if (!scope) {
      const auditor = this.auditorFor(uri);
      scope = fileScope(folder?.uri.fsPath, settingsFor(folder?.uri ?? uri).files, (directory) =>
        auditor.ignoresFor(directory),
      );
      this.scopes.set(key, scope);
    }
    return scope(uri.fsPath);
  }

  /** The crime files under `uris` that are audited (`isLeftOut`), in their order. */
  async inScope(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
    const leftOut = await Promise.all(uris.map((uri) => this.isLeftOut(uri)));
    return uris.filter((_, index) => !leftOut[index]);
  }

  /**
   * The crime files under a folder that are audited, in a stable order: what folder and workspace
   * audits, summaries and the status bar count. The files left out are tracked all the same, so a
   * change to the ignores or settings that brings one back audits it and reports it like a new file.
   */
  async crimeFilesIn(folder: vscode.Uri): Promise<vscode.Uri[]> {
    const all = await findCrimeFiles(folder);
    const audited = await this.inScope(all);
    const kept = new Set(audited.map((uri) => uri.toString()));
    this.track(all.filter((uri) => !kept.has(uri.toString())));
    return audited;
  }

  /** Keep these files' results (and re-audit them on change) while they are closed: a summary covers them. */
  track(uris: Iterable<vscode.Uri>): void {
    for (const uri of uris) this.results.track(uri.toString());
  }

  /** The sample manifest (sample.yaml) governing a folder, if any. */
  manifestFor(folder: vscode.Uri) {
    return this.auditorFor(folder).manifestFor(folder.fsPath);
  }

  /**
   * Audit many files (folder or workspace command), keeping their results while closed. Files whose
   * text, rule set and review answers are unchanged keep their results (unless `force`); files with
   * no result yet are shown at once from the last session's saved results, then checked; the rest
   * are audited off the extension host thread, in worker threads, when there are many.
   */
  async auditMany(
    uris: readonly vscode.Uri[],
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    token: vscode.CancellationToken,
    onProgress?: (done: number, total: number) => void,
    options: { force?: boolean } = {},
  ): Promise<AuditTotals> {
    let reported = 0;
    const report = (done: number, total: number) => {
      if (done % 25 !== 0 && done !== total) return;
      // Progress is in percent of the whole run; report the share done since the last report.
      const percent = (100 * done) / total;
      progress.report({ message: `${done}/${total} files`, increment: percent - reported });
      reported = percent;
      onProgress?.(done, total);
    };
    for (const uri of uris) this.results.track(uri.toString());
    return this.scheduler.run(() => this.auditBatch(uris, { token, force: options.force, onProgress: report }));
  }

  /** The batch behind auditMany and configuration or review changes: see auditMany. */
  private async auditBatch(
    uris: readonly vscode.Uri[],
    options: {
      token?: vscode.CancellationToken;
      force?: boolean;
      onProgress?: (done: number, total: number) => void;
    },
  ): Promise<AuditTotals> {
    const started = Date.now();
    const controller = new AbortController();
    const cancelled = options.token?.onCancellationRequested(() => controller.abort());
    if (options.token?.isCancellationRequested) controller.abort();
    const totals: AuditTotals = {
      files: 0,
      findings: 0,
      cancelled: false,
      audited: 0,
      reused: 0,
      restored: 0,
      workers: 0,
      ms: 0,
    };
    const advance = () => options.onProgress?.(++totals.files, uris.length);
    try {
      const groups = new Map<Auditor, Map<string, { uri: vscode.Uri; settings: FolderSettings }>>();
      for (const uri of uris) {
        if (controller.signal.aborted) break;
        const settings = settingsFor(uri);
        if (!settings.enable) this.clear(uri);
        else if (await this.isLeftOut(uri)) this.leaveOut(uri);
        else {
          const auditor = this.auditorFor(uri);
          const group = groups.get(auditor) ?? new Map<string, { uri: vscode.Uri; settings: FolderSettings }>();
          group.set(uri.fsPath, { uri, settings });
          groups.set(auditor, group);
          continue;
        }
        advance();
      }
      // Files edited in a buffer are audited from it; configurations edited in one are what the
      // host thread's auditor reads (workspaceHost) but not what workers would: such a run stays here.
      const open = new Map<string, vscode.TextDocument>();
      let configBeingEdited = false;
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme !== 'file') continue;
        open.set(document.uri.fsPath, document);
        if (document.isDirty && (isConfigFile(document.uri) || isReviewFile(document.uri.fsPath)))
          configBeingEdited = true;
      }
      // In an untrusted workspace packs may be read only inside it, which the workers do not enforce.
      const concurrency = configBeingEdited || !vscode.workspace.isTrusted ? 'off' : concurrencySetting();
      for (const [auditor, group] of groups) {
        if (controller.signal.aborted) break;
        // A run begun now supersedes every audit of these files still running, and is superseded by any begun later.
        const generations = new Map(
          [...group.values()].map(({ uri }) => [uri.fsPath, this.scheduler.next(uri.toString())]),
        );
        const markings = new Map<SampleReviews, MarkingState | undefined>();
        const markingOf = (reviews: SampleReviews) => {
          if (!markings.has(reviews)) markings.set(reviews, markingStateFor(currentReviewer(), reviews.files));
          return markings.get(reviews);
        };
        const onResult = (result: BatchResult, kind: BatchResultKind) => {
          const { uri, settings } = group.get(result.file)!;
          if (kind === 'audited') {
            advance();
            this.fileAudits++;
          }
          if (!this.scheduler.isCurrent(uri.toString(), generations.get(result.file)!)) return;
          // Audited meanwhile (a file opened as the results were restored): that result is newer.
          if (kind === 'restored' && this.results.get(uri.toString())) return;
          const marking = markingOf(result.reviews);
          const { report, ruleSet, reviews, fingerprint, version } = result;
          this.publish(
            {
              uri,
              report,
              ruleSet,
              reviews,
              ...(fingerprint ? { fingerprint } : {}),
              ...(version !== undefined ? { version } : {}),
              ...(kind === 'restored' ? { restored: true } : {}),
              ...(marking ? { marking, report: maskForMarking(result.report, result.ruleSet) } : {}),
            },
            settings,
            { batch: true },
          );
        };
        const stats = await auditWorkspaceFiles(
          {
            auditor,
            defaults: this.defaults.get(auditor) ?? {},
            concurrency,
            files: [...group.keys()],
            known: (file) => {
              const result = this.results.get(group.get(file)!.uri.toString());
              if (!result) return undefined;
              return result.reviews && !result.marking ? { ...result, reviews: result.reviews } : null;
            },
            openText: (file) => {
              const document = open.get(file);
              return document && !document.isClosed
                ? { text: document.getText(), version: document.version }
                : undefined;
            },
            ...(this.saved && !configBeingEdited
              ? { saved: this.saved, savedContext: this.savedContext(auditor) }
              : {}),
            force: options.force,
            signal: controller.signal,
            onRestored: (count) => {
              if (count > 0)
                this.log.info(
                  `Showing ${count} results from the last session after ${Date.now() - started} ms; checking their files`,
                );
            },
          },
          onResult,
        );
        totals.audited += stats.audited;
        totals.reused += stats.reused;
        totals.restored += stats.restored;
        totals.workers = Math.max(totals.workers, stats.workers);
        // Unchanged files count as done, and are not reported one by one.
        for (let i = 0; i < stats.reused; i++) advance();
      }
    } finally {
      cancelled?.dispose();
    }
    totals.cancelled = controller.signal.aborted;
    totals.ms = Date.now() - started;
    for (const uri of uris) totals.findings += this.results.get(uri.toString())?.report.findings.length ?? 0;
    this.refreshConfigProblems();
    this.scheduler.debounce(REVIEW_PROBLEMS_KEY, DEBOUNCE_MS, () => this.refreshReviewProblems());
    if (totals.audited > 0 || totals.restored > 0) this.scheduleSave();
    this.log.info(
      `Audited ${totals.audited} of ${uris.length} files, ${totals.reused} unchanged (kept), ${totals.restored} restored from the last session, ` +
        `${totals.workers > 0 ? `${totals.workers} worker threads` : 'on the extension host thread'}, in ${totals.ms} ms${totals.cancelled ? ' (cancelled)' : ''}`,
    );
    this.lastTotals = totals;
    return totals;
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
    this.scopes.clear();
    await this.auditEverything();
    this.refreshConfigProblems();
    await this.refreshReviewProblems();
  }

  /**
   * Audits again every file with a result or tracked, and every open crime file (the rules or the
   * review answers changed): open ones one by one, as typing does; the closed ones as a batch.
   */
  private async auditEverything(): Promise<void> {
    const keys = this.results.keys();
    const open = new Map<string, vscode.TextDocument>();
    for (const document of vscode.workspace.textDocuments)
      if (isCrimeFile(document.uri.fsPath)) open.set(document.uri.toString(), document);
    const closed = [...keys].filter((key) => !open.has(key)).map((key) => vscode.Uri.parse(key));
    await Promise.all([
      ...[...open.values()].map((document) => this.audit(document.uri, document.getText(), document.version)),
      this.auditBatch(
        closed.filter((uri) => uri.scheme === 'file'),
        {},
      ),
      ...closed.filter((uri) => uri.scheme !== 'file').map((uri) => this.audit(uri)),
    ]);
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
    await this.auditEverything();
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
      const complete = (await this.inScope(onDisk)).every((uri) => this.results.get(uri.toString()));
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

  /** The file is left out of audits now: its results and diagnostics go, its tracking stays. */
  private leaveOut(uri: vscode.Uri): undefined {
    const key = uri.toString();
    this.findings.delete(uri);
    if (this.results.deleteResult(key)) {
      this.refreshConfigProblems();
      this.changed.fire({ uri });
    }
    return undefined;
  }

  /**
   * Shows a file's results. In a batch (`batch`), the configuration and review problems, which look
   * at every result, are refreshed once it pauses rather than after each file.
   */
  private publish(result: AuditedFile, settings: FolderSettings, options: { batch?: boolean } = {}): AuditedFile {
    const rules = new Map(result.ruleSet.rules.map((rule) => [rule.id, rule]));
    this.findings.set(result.uri, [
      ...result.report.findings.map((finding) =>
        toDiagnostic(finding, rules.get(finding.rule), this.extensionUri, settings.severity),
      ),
      // A marking trainee is not told which judgments the key has answered.
      ...(result.marking ? [] : awaitingDiagnostics(result.report, result.ruleSet)),
    ]);
    this.results.set(result.uri.toString(), result);
    if (options.batch) this.scheduler.debounce(CONFIG_PROBLEMS_KEY, DEBOUNCE_MS, () => this.refreshConfigProblems());
    else this.refreshConfigProblems();
    // The sample's review files are checked against what its files run, once audits pause.
    this.scheduler.debounce(REVIEW_PROBLEMS_KEY, DEBOUNCE_MS, () => this.refreshReviewProblems());
    this.changed.fire({ uri: result.uri, result });
    return result;
  }

  /** What the saved results of an auditor's files depend on besides their rule set and reviews. */
  private savedContext(auditor: Auditor): Record<string, unknown> {
    return {
      defaults: this.defaults.get(auditor) ?? {},
      trusted: vscode.workspace.isTrusted,
      tool: this.storage?.tool,
    };
  }

  /** Saves the results for the next session once audits pause. */
  private scheduleSave(): void {
    if (this.saved) this.scheduler.debounce(SAVE_KEY, SAVE_DELAY_MS, () => this.saveResults());
  }

  /**
   * Saves the results audited from files on disk (not an editor buffer's, not a marking trainee's
   * masked ones) for the next session. Not while a configuration or review file is being edited:
   * its saved key is made from the file on disk, which is not what the results were audited with.
   */
  async saveResults(): Promise<void> {
    if (!this.saved || this.scheduler.pending(CONFIG_KEY) || this.scheduler.pending(REVIEWS_KEY)) return;
    const editing = vscode.workspace.textDocuments.some(
      (document) => document.isDirty && (isConfigFile(document.uri) || isReviewFile(document.uri.fsPath)),
    );
    if (editing) return;
    const savable: SavableResult[] = [];
    for (const result of this.results.values()) {
      if (!result.fingerprint || !result.reviews || result.marking || result.uri.scheme !== 'file') continue;
      const auditor = this.auditorFor(result.uri);
      // Only results of the rule set in force: one from before a configuration change is no longer keyed right.
      if ((await auditor.ruleSetFor(result.uri.fsPath)) !== result.ruleSet) continue;
      const { report, ruleSet, reviews, fingerprint } = result;
      savable.push({
        file: result.uri.fsPath,
        report,
        ruleSet,
        reviews,
        fingerprint,
        context: this.savedContext(auditor),
      });
    }
    const started = Date.now();
    try {
      await this.saved.save(savable);
      this.log.info(`Saved the results of ${savable.length} files for the next session in ${Date.now() - started} ms`);
    } catch (error) {
      this.log.warn(`Could not save the results for the next session: ${String(error)}`);
    }
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
      const defaults: AuditorDefaults = {
        extraPacks: settings.extraPacks,
        timeZone: settings.timeZone,
        // Read off every file, so the summary breaks down by any of them without a re-audit.
        breakdownFields: [...BREAKDOWN_FIELD_PATHS],
        ...(settings.onlyReviewer ? { reviewer: settings.onlyReviewer } : {}),
      };
      auditor = new Auditor(host, defaults);
      this.auditors.set(key, auditor);
      this.defaults.set(auditor, defaults);
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

/**
 * A closed file's text with what it was when read (the result keeps it, to know the file unchanged
 * later); undefined when it cannot be read, which the auditor then reports.
 */
function readFingerprinted(file: string): { text: string; fingerprint: FileFingerprint } | undefined {
  try {
    const read = readTextFileSync(file);
    return (
      read && {
        text: read.text,
        fingerprint: { size: read.size, mtimeMs: read.mtimeMs, content: contentHash(read.text) },
      }
    );
  } catch {
    return undefined;
  }
}
