import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CRIME_FILE_GLOB, isCrimeFile, isReviewFile, REVIEW_FILE_GLOB } from '../engine';
import { AuditService, isConfigFile, type AuditTotals, type ResultStorage } from './auditService';
import { APPLY_RULE_SETTING, applyRuleSetting, AuditCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { AuditFixAll } from './fixAll';
import { DISABLE_FOR_FILE, disableForFile } from './review/disableForFile';
import { registerRedactCommand } from './redactCommand';
import { ManifestDiagnostics } from './manifestDiagnostics';
import { registerDrawCommand } from './drawCommand';
import { registerImportCommand } from './importCommand';
import {
  CONFIRM_CHECK,
  confirmCheck,
  JudgmentCodeLens,
  OVERRIDE_CHECK,
  overrideCheck,
  RECORD_JUDGMENT,
  recordJudgment,
  ReviewCodeActions,
} from './review/judgments';
import { askReviewer } from './review/reviewerIdentity';
import { confirmationOf, SUBMIT_MARKING, submitMarking } from './review/submitMarking';
import { AuditHover } from './hover';
import { settingsFor } from './settings';
import { AuditStatusBar, type SampleStatus } from './statusBar';
import { SummaryPanels } from './summary/summaryPanels';
import { ReviewPanels, type ReviewPanelState } from './review/reviewPanel';
import type { AgreementReport, SampleGroup, SampleOverview } from '../report';
import type { AgreementExportFormat } from '../protocol/agreementMessages';

/** What the extension exposes to other extensions and to its own host tests. */
export interface DipsampleApi {
  whenIdle(): Promise<void>;
  status(): SampleStatus | undefined;
  /** The open summary of a sample folder: its figures and the webview's last render. */
  summary(folder: vscode.Uri):
    | {
        overview: SampleOverview;
        lastRender?: { ms: number; findings: number };
        cspViolations: string[];
        /** Marking mode (a trainee before submitting): the page shows a notice instead of results. */
        marking: boolean;
        /** The Marking view's figures, when it has any. */
        agreement?: AgreementReport;
        /** A folder of sample folders: a row group per sample (the overview is their total). */
        samples?: SampleGroup[];
      }
    | undefined;
  /** Writes the open summary's agreement report to `target` (never replacing a file). */
  exportAgreement(
    folder: vscode.Uri,
    format: AgreementExportFormat,
    target: vscode.Uri,
  ): Promise<vscode.Uri | undefined>;
  /** Resolves after the summary's webview next finishes drawing an update. */
  nextSummaryRender(folder: vscode.Uri): Promise<{ ms: number; findings: number }>;
  /** How many file audits have run since activation: the host tests check that updates are incremental. */
  filesAudited(): number;
  /** What the last folder or workspace audit (or the batch after a configuration change) did. */
  lastAudit(): AuditTotals | undefined;
  /** A file's result as held: its findings, and whether it came from the last session's saved results. */
  resultOf(uri: vscode.Uri): { findings: number; restored: boolean } | undefined;
  /** The open Review panel: the file it shows, its view, the sample's progress and its last render. */
  review(): ReviewPanelState | undefined;
}

const CRIME_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file', pattern: CRIME_FILE_GLOB }];

/**
 * Wires the engine into VS Code: nothing is audited synchronously here, only files as they open
 * (and the whole workspace on request).
 */
export function activate(context: vscode.ExtensionContext): DipsampleApi {
  const log = vscode.window.createOutputChannel('dipsample', { log: true });
  const service = new AuditService(context.extensionUri, log, resultStorage(context));
  saveOnExit = () => service.saveResults();
  const statusBar = new AuditStatusBar(service);
  context.subscriptions.push(log, service, statusBar);
  context.subscriptions.push(new ManifestDiagnostics(service));
  registerCommands(context, service, log);
  registerRedactCommand(context);
  const newSampleWritten = () => service.configurationChanged();
  registerDrawCommand(context, newSampleWritten);
  registerImportCommand(context, log, newSampleWritten);
  const summaries = SummaryPanels.register(context, service, log);
  const reviews = ReviewPanels.register(context, service, log);

  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(CRIME_SELECTOR, new AuditCodeActions(service), {
      providedCodeActionKinds: AuditCodeActions.kinds,
    }),
    vscode.commands.registerCommand(APPLY_RULE_SETTING, applyRuleSetting),
    vscode.languages.registerCodeActionsProvider(CRIME_SELECTOR, new AuditFixAll(service), {
      providedCodeActionKinds: AuditFixAll.kinds,
    }),
    vscode.commands.registerCommand(DISABLE_FOR_FILE, (uri?: vscode.Uri, rule?: string) =>
      disableForFile(service, uri, rule),
    ),
    vscode.languages.registerCodeActionsProvider(CRIME_SELECTOR, new ReviewCodeActions(service), {
      providedCodeActionKinds: ReviewCodeActions.kinds,
    }),
    vscode.languages.registerCodeLensProvider(CRIME_SELECTOR, new JudgmentCodeLens(service)),
    vscode.commands.registerCommand(RECORD_JUDGMENT, (uri?: vscode.Uri, rule?: string) =>
      recordJudgment(service, uri, rule),
    ),
    vscode.commands.registerCommand(OVERRIDE_CHECK, (uri?: vscode.Uri, rule?: string) =>
      overrideCheck(service, uri, rule),
    ),
    vscode.commands.registerCommand(CONFIRM_CHECK, (uri?: vscode.Uri, rule?: string) =>
      confirmCheck(service, uri, rule),
    ),
    vscode.commands.registerCommand('dipsample.setReviewer', () => askReviewer()),
    vscode.commands.registerCommand(SUBMIT_MARKING, (target?: unknown, options?: unknown) =>
      submitMarking(service, target instanceof vscode.Uri ? target : undefined, confirmationOf(options)),
    ),
    vscode.languages.registerHoverProvider(CRIME_SELECTOR, new AuditHover(service, context.extensionUri)),
    vscode.workspace.onDidOpenTextDocument((document) => onOpen(document)),
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      if (contentChanges.length === 0) return;
      if (isConfigFile(document.uri)) {
        service.checkOpenPack(document);
        service.scheduleConfigurationChanged();
      } else if (isReviewFile(document.uri.fsPath)) {
        service.scheduleReviewsChanged();
      } else if (settingsFor(document.uri).run === 'onType') {
        service.schedule(document);
      }
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (isConfigFile(document.uri)) service.scheduleConfigurationChanged(0);
      else if (isReviewFile(document.uri.fsPath)) service.scheduleReviewsChanged(0);
      else service.schedule(document, 0);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      service.closed(document);
      // A closed, unsaved config edit no longer applies: re-read from disk.
      if (isConfigFile(document.uri)) service.scheduleConfigurationChanged();
      if (isReviewFile(document.uri.fsPath)) service.scheduleReviewsChanged();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dipsample')) service.scheduleConfigurationChanged(0);
    }),
    // Trusted now: packs and configurations outside the workspace may be read.
    vscode.workspace.onDidGrantWorkspaceTrust(() => service.scheduleConfigurationChanged(0)),
    service.onDidChange(() => statusBar.update()),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
  );

  // Configurations, manifests and packs changed on disk (another editor, git checkout) and crime files deleted.
  const configWatcher = vscode.workspace.createFileSystemWatcher(
    '**/{.dipsample.yaml,sample.yaml,*.pack.yaml,*.pack.yml}',
  );
  const crimeWatcher = vscode.workspace.createFileSystemWatcher(CRIME_FILE_GLOB, false, false, true);
  // Review files written by another window, the CLI's users or by hand: re-read the answers.
  const reviewWatcher = vscode.workspace.createFileSystemWatcher(REVIEW_FILE_GLOB);
  // Deleting a folder reports only the folder: watch every delete and clear what lay under it.
  const deleteWatcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
  context.subscriptions.push(
    configWatcher,
    crimeWatcher,
    deleteWatcher,
    configWatcher.onDidCreate(() => service.scheduleConfigurationChanged()),
    configWatcher.onDidChange(() => service.scheduleConfigurationChanged()),
    configWatcher.onDidDelete(() => service.scheduleConfigurationChanged()),
    reviewWatcher,
    reviewWatcher.onDidCreate(() => service.scheduleReviewsChanged()),
    reviewWatcher.onDidChange(() => service.scheduleReviewsChanged()),
    reviewWatcher.onDidDelete(() => service.scheduleReviewsChanged()),
    deleteWatcher.onDidDelete((uri) => service.deleted(uri)),
    // Deletes made in the Explorer or by workspace edits are also reported here, without waiting for the watcher.
    vscode.workspace.onDidDeleteFiles(({ files }) => files.forEach((uri) => service.deleted(uri))),
    // A new file in a sample with an open summary joins it.
    crimeWatcher.onDidCreate((uri) => summaries.fileCreated(uri)),
    crimeWatcher.onDidChange((uri) => {
      const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
      if (!open && service.resultFor(uri)) void service.audit(uri);
    }),
  );

  function onOpen(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file') return;
    if (isCrimeFile(document.uri.fsPath)) service.schedule(document, 0);
    else if (isConfigFile(document.uri)) service.checkOpenPack(document);
  }
  // Files already open when the extension starts (asynchronously: activation stays cheap).
  setTimeout(() => vscode.workspace.textDocuments.forEach(onOpen), 0);

  log.info('dipsample activated');
  return {
    whenIdle: () => service.whenIdle(),
    filesAudited: () => service.filesAudited,
    lastAudit: () => service.lastAudit,
    resultOf: (uri) => {
      const result = service.resultFor(uri);
      return result && { findings: result.report.findings.length, restored: result.restored === true };
    },
    review: () => reviews.current()?.state(),
    status: () => statusBar.status(),
    summary: (folder) => {
      const panel = summaries.get(folder);
      return (
        panel && {
          overview: panel.overview(),
          lastRender: panel.lastRender,
          cspViolations: [...panel.cspViolations],
          ...panel.markingState(),
          ...(panel.sampleGroups() ? { samples: panel.sampleGroups() } : {}),
        }
      );
    },
    exportAgreement: async (folder, format, target) => summaries.get(folder)?.exportAgreement(format, target),
    nextSummaryRender: (folder) => {
      const panel = summaries.get(folder);
      if (!panel) return Promise.reject(new Error(`No summary open for ${folder.fsPath}`));
      return new Promise((resolve) => {
        const listener = panel.onDidRender((render) => {
          listener.dispose();
          resolve(render);
        });
      });
    },
  };
}

/** Saves the results for the next session as the window closes or reloads (set while active). */
let saveOnExit: (() => Promise<void>) | undefined;

export function deactivate(): Promise<void> | undefined {
  // Disposables registered on the context clean up everything else.
  const save = saveOnExit;
  saveOnExit = undefined;
  return save?.();
}

/**
 * Where the last results are kept between sessions: the extension's storage for this workspace
 * (VS Code's, never the user's folders); none without a workspace. The tool names the extension's
 * version and build, so results of another build are never restored.
 */
function resultStorage(context: vscode.ExtensionContext): ResultStorage | undefined {
  if (!context.storageUri) return undefined;
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  let build = '';
  try {
    build = String(statSync(__filename).mtimeMs);
  } catch {
    // No build time: the version alone names the tool.
  }
  return {
    file: path.join(context.storageUri.fsPath, 'results.dipsample-cache'),
    tool: `dipsample-vscode ${version} ${build}`.trim(),
  };
}
