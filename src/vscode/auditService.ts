import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  Auditor,
  checkPack,
  CONFIG_FILE_NAME,
  isCrimeFile,
  MANIFEST_FILE_NAME,
  type FileReport,
  type Problem,
  type RuleSet,
} from '../engine';
import { settingsFor } from './settings';
import { toDiagnostic, toRange, SOURCE } from './toDiagnostic';
import { workspaceHost } from './workspaceHost';

const DEBOUNCE_MS = 300;
const CONFIG_TIMER = 'configuration';

export interface AuditedFile {
  uri: vscode.Uri;
  report: FileReport;
  ruleSet: RuleSet;
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
 * Keeps diagnostics in step with crime files, configurations and packs. Each file's audits carry a
 * generation number so that a slow, stale run never overwrites a newer one.
 */
export class AuditService implements vscode.Disposable {
  private readonly findings = vscode.languages.createDiagnosticCollection('dipsample');
  private readonly configProblems = vscode.languages.createDiagnosticCollection('dipsample-config');
  private readonly auditors = new Map<string, Auditor>();
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, AuditedFile>();
  /** Files audited by a folder or workspace audit: kept (and re-audited) while closed. */
  private readonly tracked = new Set<string>();
  private running = 0;
  private fileAudits = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly changed = new vscode.EventEmitter<AuditChange>();
  /** Fires after any file's results change. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.findings.dispose();
    this.configProblems.dispose();
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
    if (this.running === 0 && this.timers.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Audit a document after a pause in typing (or at once with delay 0). */
  schedule(document: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    if (document.uri.scheme !== 'file' || !isCrimeFile(document.uri.fsPath)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.audit(document.uri, document.isClosed ? undefined : document.getText());
      }, delay),
    );
  }

  /** Audit one crime file from `text` (an editor buffer) or from disk. */
  async audit(uri: vscode.Uri, text?: string): Promise<AuditedFile | undefined> {
    const key = uri.toString();
    const settings = settingsFor(uri);
    if (!settings.enable) {
      this.clear(uri);
      return undefined;
    }
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    this.running++;
    this.fileAudits++;
    try {
      const { report, ruleSet } = await this.auditorFor(uri).auditFile(uri.fsPath, text);
      if (this.generations.get(key) !== generation) return undefined; // a newer run owns this file
      const rules = new Map(ruleSet.rules.map((rule) => [rule.id, rule]));
      this.findings.set(
        uri,
        report.findings.map((finding) =>
          toDiagnostic(finding, rules.get(finding.rule), this.extensionUri, settings.severity),
        ),
      );
      const result = { uri, report, ruleSet };
      this.results.set(key, result);
      this.refreshConfigProblems();
      this.changed.fire({ uri, result });
      return result;
    } catch (error) {
      this.log.error(`Audit of ${uri.fsPath} failed`, error);
      return undefined;
    } finally {
      this.running--;
      this.settle();
    }
  }

  /** Keep these files' results (and re-audit them on change) while they are closed: a summary covers them. */
  track(uris: Iterable<vscode.Uri>): void {
    for (const uri of uris) this.tracked.add(uri.toString());
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
      this.tracked.add(uri.toString());
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const result = await this.audit(uri, open?.getText());
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

  /** A configuration, manifest or pack is changing: re-audit once typing pauses. */
  scheduleConfigurationChanged(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timers.get(CONFIG_TIMER));
    this.timers.set(
      CONFIG_TIMER,
      setTimeout(() => {
        this.timers.delete(CONFIG_TIMER);
        this.running++;
        void this.configurationChanged().finally(() => {
          this.running--;
          this.settle();
        });
      }, delay),
    );
  }

  /** A configuration, manifest or pack changed: rebuild rule sets and re-audit every affected file. */
  async configurationChanged(): Promise<void> {
    for (const auditor of this.auditors.values()) auditor.invalidate();
    this.auditors.clear();
    const keys = new Set([...this.tracked, ...this.results.keys()]);
    for (const document of vscode.workspace.textDocuments)
      if (isCrimeFile(document.uri.fsPath)) keys.add(document.uri.toString());
    await Promise.all(
      [...keys].map((key) => {
        const uri = vscode.Uri.parse(key);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        return this.audit(uri, open?.getText());
      }),
    );
    this.refreshConfigProblems();
  }

  /** Show problems of an open pack that no audited file uses yet. */
  checkOpenPack(document: vscode.TextDocument): void {
    if (!/\.pack\.ya?ml$/.test(document.uri.fsPath)) return;
    this.standalonePackProblems.set(document.uri.fsPath, checkPack(document.getText(), document.uri.fsPath));
    this.refreshConfigProblems();
  }

  private readonly standalonePackProblems = new Map<string, Problem[]>();

  /** A document closed: its findings go unless a folder audit is tracking the file. */
  closed(document: vscode.TextDocument): void {
    this.standalonePackProblems.delete(document.uri.fsPath);
    if (!this.tracked.has(document.uri.toString())) this.clear(document.uri);
    this.refreshConfigProblems();
  }

  /** A file or folder was deleted: clear every audited file at or under it. */
  deleted(uri: vscode.Uri): void {
    const prefix = uri.fsPath.endsWith(path.sep) ? uri.fsPath : uri.fsPath + path.sep;
    const keys = new Set([...this.results.keys(), ...this.tracked]);
    for (const key of keys) {
      const file = vscode.Uri.parse(key);
      if (file.fsPath === uri.fsPath || file.fsPath.startsWith(prefix)) this.clear(file);
    }
  }

  /** The file is gone (deleted) or no longer audited. */
  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.tracked.delete(key);
    this.results.delete(key);
    this.findings.delete(uri);
    this.changed.fire({ uri });
    this.settle();
  }

  private auditorFor(uri: vscode.Uri): Auditor {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const key = folder?.uri.toString() ?? '';
    let auditor = this.auditors.get(key);
    if (!auditor) {
      const settings = settingsFor(folder?.uri ?? uri);
      auditor = new Auditor(workspaceHost(this.extensionUri), {
        extraPacks: settings.extraPacks,
        timeZone: settings.timeZone,
      });
      this.auditors.set(key, auditor);
    }
    return auditor;
  }

  /** Problems in packs and configurations, shown on those files (deduplicated across rule sets). */
  private refreshConfigProblems(): void {
    const byFile = new Map<string, Map<string, Problem>>();
    const add = (problem: Problem) => {
      if (!path.isAbsolute(problem.file)) return; // settings-level problems have no file to show them on
      const entries = byFile.get(problem.file) ?? new Map<string, Problem>();
      entries.set(`${problem.range.start.line}:${problem.range.start.character}:${problem.message}`, problem);
      byFile.set(problem.file, entries);
    };
    const ruleSets = new Set([...this.results.values()].map((result) => result.ruleSet));
    for (const ruleSet of ruleSets) ruleSet.problems.forEach(add);
    for (const problems of this.standalonePackProblems.values()) problems.forEach(add);
    this.configProblems.clear();
    for (const [file, problems] of byFile) {
      this.configProblems.set(
        vscode.Uri.file(file),
        [...problems.values()].map((problem) => {
          const diagnostic = new vscode.Diagnostic(
            toRange(problem.range),
            problem.message,
            vscode.DiagnosticSeverity.Error,
          );
          diagnostic.source = SOURCE;
          diagnostic.code = 'config';
          return diagnostic;
        }),
      );
    }
  }

  private settle(): void {
    if (this.running > 0 || this.timers.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
