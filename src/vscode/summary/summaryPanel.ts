import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarkingState, RuleSet } from '../../engine';
import {
  fileRow,
  overviewOf,
  sampleFolderOf,
  sampleGroup,
  sampleInfo,
  SampleTally,
  type AgreementReport,
  type SampleGroup,
  type SampleInfo,
} from '../../report';
import type { AgreementExportFormat } from '../../protocol/agreementMessages';
import {
  isWebviewMessage,
  type AuditProgress,
  type ExportFormat,
  type HostMessage,
  type WebviewMessage,
} from '../../protocol/summaryMessages';
import type { AuditChange, AuditService } from '../auditService';
import { findSampleFolders } from './sampleFolder';
import { exportSummary } from './exportSummary';
import { exportAgreement } from './exportAgreement';
import { markingAgreement } from './agreementView';
import { summaryHtml } from './summaryHtml';
import { webviewOptions } from '../webviewPage';

/** Changes arriving within this window go to the webview as one patch. */
const PATCH_DELAY_MS = 100;

export const SUMMARY_VIEW_TYPE = 'dipsample.summary';

/** The row group of a folder of samples for its crime files that lie in none of them. */
const OTHER_FILES = 'Files outside the sample folders';

/**
 * One sample's summary panel. It keeps a running tally of the sample's audited files: when one file
 * changes, the tally and the webview get that file's difference, never a re-audit of the sample.
 */
export class SummaryPanel implements vscode.Disposable {
  private tally = new SampleTally([]);
  private sample: SampleInfo;
  private readonly dirty = new Set<string>();
  private rebuildNeeded = true;
  private timer: NodeJS.Timeout | undefined;
  private ready = false;
  private progress: AuditProgress | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  /** Resources the webview's Content-Security-Policy blocked (there should be none). */
  cspViolations: string[] = [];
  /** Last render the webview reported (tests and the log use it). */
  lastRender: { ms: number; findings: number } | undefined;
  private readonly rendered = new vscode.EventEmitter<{ ms: number; findings: number }>();
  readonly onDidRender = this.rendered.event;
  /** Set while the reviewer in use is a trainee marking this sample: no result is sent, only a notice. */
  private marking: MarkingState | undefined;
  /** The Marking view's figures as last sent (undefined: no view), and the key asked for (null: moderation). */
  private agreement: AgreementReport | undefined;
  private agreementSent = '';
  private agreementKey: string | null | undefined;
  /** The breakdown by fields the page asked for (field paths, one per dimension; none: only the fixed cuts). */
  private breakdownFields: string[] = [];
  /**
   * A folder of sample folders: one tally per sample (a row group each, as `dipsample report a b c`),
   * the panel's tally being their total. Empty for a single sample.
   */
  private samples: Array<{ sample: SampleInfo; tally: SampleTally }> = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly folder: vscode.Uri,
    private readonly service: AuditService,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    onDispose: () => void,
  ) {
    this.sample = sampleInfo(folder.fsPath, undefined, []);
    panel.webview.options = webviewOptions(extensionUri);
    this.updateTitle();
    panel.webview.html = summaryHtml(panel.webview, extensionUri, folder.fsPath);
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
    clearTimeout(this.timer);
    this.rendered.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }

  /** True when `file` lies in this sample's folder (or below it). */
  covers(file: vscode.Uri): boolean {
    const relative = path.relative(this.folder.fsPath, file.fsPath);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /** Audits the sample's files that have no results yet (all of them with `force`), showing progress. */
  async auditSample(force = false): Promise<void> {
    const uris = await this.service.crimeFilesIn(this.folder);
    this.service.track(uris);
    const pending = force ? uris : uris.filter((uri) => !this.service.resultFor(uri));
    this.rebuildNeeded = true;
    if (pending.length > 0) {
      await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `Auditing sample ${this.sample.name}`,
          cancellable: true,
        },
        async (progress, token) => {
          const base = uris.length - pending.length;
          this.setProgress({ done: base, total: uris.length });
          await this.service.auditMany(
            pending,
            progress,
            token,
            (done) => this.setProgress({ done: base + done, total: uris.length }),
            { force },
          );
        },
      );
      this.setProgress(undefined);
    }
    // Files that vanished since (or were audited elsewhere) are picked up by the rebuild.
    await this.flush();
  }

  private setProgress(progress: AuditProgress | undefined): void {
    this.progress = progress;
    this.post({ type: 'progress', progress: progress ?? null });
  }

  private changed({ uri, result }: AuditChange): void {
    if (!this.covers(uri)) return;
    // Marking mode began or ended (a submission, another reviewer id): everything is sent again.
    if (result && (result.marking !== undefined) !== (this.marking !== undefined)) this.rebuildNeeded = true;
    const group = this.groupOf(uri.fsPath);
    if (result) {
      if (!this.tally.ruleSets.includes(result.ruleSet) || (group && !group.tally.ruleSets.includes(result.ruleSet)))
        this.rebuildNeeded = true;
      else {
        this.tally.set(result.report);
        group?.tally.set(result.report);
      }
    } else {
      this.tally.delete(uri.fsPath);
      group?.tally.delete(uri.fsPath);
    }
    this.dirty.add(uri.fsPath);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, PATCH_DELAY_MS);
  }

  /** Sends what changed: a patch of the dirty files, or everything after the sample's rules changed. */
  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed) return;
    if (this.rebuildNeeded) {
      await this.rebuild();
      this.dirty.clear();
      this.sendAll();
      await this.sendAgreement();
      return;
    }
    if (this.dirty.size === 0) return;
    if (this.marking) {
      this.dirty.clear();
      return;
    }
    const upsert = [];
    const remove = [];
    for (const file of this.dirty) {
      const report = this.tally.get(file);
      if (report && report.findings.length > 0) upsert.push(fileRow(report, this.folder.fsPath));
      else remove.push(file);
    }
    this.dirty.clear();
    this.post({ type: 'patch', overview: overviewOf(this.sample, this.tally), upsert, remove, ...this.groups() });
    await this.sendAgreement();
  }

  /**
   * The Marking view's figures, when the sample has a key or raters to compare (never to a marking
   * trainee: the key's values are in them). Sent only when they changed.
   */
  private async sendAgreement(): Promise<void> {
    let computed: ReturnType<typeof markingAgreement>;
    if (!this.marking) {
      const sampleFolder = await this.service.sampleFolderFor(this.folder, true);
      const reviews = await this.service.reviewFilesFor(this.folder, sampleFolder);
      computed =
        reviews.length === 0
          ? undefined
          : markingAgreement(
              {
                sample: { folder: this.folder.fsPath, name: this.sample.name },
                reviews,
                reports: this.tally.files(),
                ruleSets: this.tally.ruleSets,
              },
              this.agreementKey,
            );
    }
    if (this.disposed) return;
    this.agreement = computed?.report;
    const message = { type: 'agreement', agreement: computed?.view ?? null } as const;
    const signature = JSON.stringify(message);
    if (signature === this.agreementSent || !this.ready) return;
    this.agreementSent = signature;
    this.post(message);
  }

  /** A new tally from the service's current results for this folder (no audit runs here). */
  private async rebuild(): Promise<void> {
    this.rebuildNeeded = false;
    const audited = [...this.service.audited()].filter((file) => this.covers(file.uri));
    const ruleSets: RuleSet[] = [...new Set(audited.map((file) => file.ruleSet))];
    const options = { breakdowns: this.breakdownFields.length > 0 ? [this.breakdownFields] : [] };
    const tally = new SampleTally(ruleSets, options);
    for (const file of audited) tally.set(file.report);
    this.tally = tally;
    const manifest = await this.service.manifestFor(this.folder).catch(() => undefined);
    this.sample = sampleInfo(this.folder.fsPath, manifest, ruleSets);
    this.samples = [];
    // A folder of sample folders (and no sample itself): a tally per sample, files elsewhere in a group of their own.
    const ownManifest = manifest !== undefined && path.dirname(manifest.file) === this.folder.fsPath;
    const folders = ownManifest ? [] : await findSampleFolders(this.folder);
    if (folders.length > 1) {
      const byFolder = new Map<string, typeof audited>();
      for (const file of audited) {
        const folder = sampleFolderOf(file.uri.fsPath, folders) ?? this.folder.fsPath;
        byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
      }
      for (const folder of [...folders, this.folder.fsPath]) {
        const files = byFolder.get(folder) ?? [];
        if (folder === this.folder.fsPath && files.length === 0) continue;
        const sets = [...new Set(files.map((file) => file.ruleSet))];
        const sampleTally = new SampleTally(sets, options);
        for (const file of files) sampleTally.set(file.report);
        const sampleManifest =
          folder === this.folder.fsPath
            ? undefined
            : await this.service.manifestFor(vscode.Uri.file(folder)).catch(() => undefined);
        const info = sampleInfo(folder, sampleManifest, sets);
        if (folder === this.folder.fsPath) info.name = OTHER_FILES;
        this.samples.push({ sample: info, tally: sampleTally });
      }
    }
    this.marking = await this.service.markingFor(this.folder, true);
    this.updateTitle();
  }

  private sendAll(): void {
    if (this.marking) {
      this.post({
        type: 'marking',
        sample: { name: this.sample.name, folder: this.folder.fsPath },
        reviewer: this.marking.reviewer.id,
        message: `You are marking this sample as ${this.marking.reviewer.id} (trainee): its results stay hidden until you submit your marks (Dip-Sampler: Submit Marking…).`,
      });
      return;
    }
    const files = [];
    for (const report of this.tally.files())
      if (report.findings.length > 0) files.push(fileRow(report, this.folder.fsPath));
    this.post({
      type: 'init',
      overview: overviewOf(this.sample, this.tally),
      files,
      progress: this.progress,
      ...this.groups(),
    });
  }

  /** The row groups of a folder of samples, for a message (nothing for a single sample). */
  private groups(): { samples?: SampleGroup[] } {
    if (this.samples.length === 0) return {};
    return { samples: this.samples.map(({ sample, tally }) => sampleGroup(overviewOf(sample, tally))) };
  }

  /** The sample of a folder of samples that a file belongs to (the group of other files when none). */
  private groupOf(file: string): { sample: SampleInfo; tally: SampleTally } | undefined {
    if (this.samples.length === 0) return undefined;
    const folder = sampleFolderOf(
      file,
      this.samples.map(({ sample }) => sample.folder).filter((folder) => folder !== this.folder.fsPath),
    );
    // A file outside every sample starts a group of its own: the rebuild makes it.
    const group = this.samples.find(({ sample }) => sample.folder === (folder ?? this.folder.fsPath));
    if (!group) this.rebuildNeeded = true;
    return group;
  }

  private post(message: HostMessage): void {
    if (!this.ready || this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  private updateTitle(): void {
    this.panel.title = `Summary: ${this.sample.name}`;
  }

  private receive(message: unknown): void {
    if (!isWebviewMessage(message)) {
      this.log.warn(`Summary ${this.folder.fsPath}: ignored a malformed message from the webview`);
      return;
    }
    void this.handle(message).catch((error) =>
      this.log.error(`Summary ${this.folder.fsPath}: ${message.type} failed`, error),
    );
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.log.info(`Summary ${this.folder.fsPath}: webview ready`);
        this.ready = true;
        this.breakdownFields = message.breakdown ?? [];
        this.rebuildNeeded = true;
        this.agreementSent = '';
        await this.flush();
        return;
      case 'breakdown':
        if (message.fields.join('\u0000') === this.breakdownFields.join('\u0000')) return;
        this.breakdownFields = message.fields;
        this.rebuildNeeded = true;
        await this.flush();
        return;
      case 'reveal':
        return this.reveal(message.path, message.range);
      case 'export':
        await this.export(message.format);
        return;
      case 'refresh':
        return this.auditSample(true);
      case 'agreementKey':
        this.agreementKey = message.key;
        return this.sendAgreement();
      case 'exportAgreement':
        await this.exportAgreement(message.format);
        return;
      case 'openFile':
        return this.openFile(message.path);
      case 'rendered':
        this.lastRender = { ms: message.ms, findings: message.findings };
        this.log.debug(
          `Summary ${this.folder.fsPath}: drawn in ${message.ms.toFixed(1)} ms (${message.findings} findings)`,
        );
        this.rendered.fire(this.lastRender);
        return;
      case 'cspViolation':
        this.cspViolations.push(`${message.directive}: ${message.blocked}`);
        this.log.error(
          `Summary webview: Content-Security-Policy blocked ${message.blocked || 'a resource'} (${message.directive})`,
        );
        return;
    }
  }

  /** Writes an export of the summary as it stands (to `target`, or where the user chooses). */
  async export(format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    await this.flush();
    if (this.marking) {
      void vscode.window.showInformationMessage('The summary is hidden while you are marking this sample.');
      return undefined;
    }
    return exportSummary(
      format,
      this.sample,
      this.tally,
      (level, text) => this.post({ type: 'notice', level, message: text }),
      target,
      this.samples.length > 0 ? this.samples : undefined,
    );
  }

  /** Writes the Marking view's agreement report (to `target`, or where the user chooses). */
  async exportAgreement(format: AgreementExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    await this.flush();
    if (!this.agreement) {
      this.post({
        type: 'notice',
        level: 'error',
        message: 'No agreement to export: the sample has no key or raters.',
      });
      return undefined;
    }
    return exportAgreement(
      format,
      this.agreement,
      (level, text) => this.post({ type: 'notice', level, message: text }),
      target,
    );
  }

  /** Figures as the panel shows them: for tests and the API. */
  overview() {
    return overviewOf(this.sample, this.tally);
  }

  /** A folder of samples: each sample's row group (undefined for a single sample). */
  sampleGroups(): SampleGroup[] | undefined {
    return this.groups().samples;
  }

  /** The Marking view's figures (undefined: no view, or marking mode), and whether marking mode is on. */
  markingState(): { marking: boolean; agreement?: AgreementReport } {
    return { marking: this.marking !== undefined, ...(this.agreement ? { agreement: this.agreement } : {}) };
  }

  /** Opens a crime file of this sample named by the Marking view (relative to the folder); anything else is refused. */
  private async openFile(relative: string): Promise<void> {
    const file = path.resolve(this.folder.fsPath, relative);
    if (!this.covers(vscode.Uri.file(file)) || !this.tally.get(file)) {
      this.log.warn(`Summary ${this.folder.fsPath}: refused to open ${relative}, which is not a file of this sample`);
      return;
    }
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: column, preserveFocus: false });
  }

  /** Opens a file of this sample at a finding; anything else the webview names is refused. */
  private async reveal(
    file: string,
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
  ): Promise<void> {
    if (!this.tally.get(file)) {
      this.log.warn(`Summary ${this.folder.fsPath}: refused to open ${file}, which is not a file of this sample`);
      return;
    }
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(vscode.Uri.file(file), {
      selection,
      viewColumn: column,
      preserveFocus: false,
    });
  }
}
