import * as vscode from 'vscode';
import { EXPORT_FORMATS, isSummaryWebviewState, type ExportFormat } from '../../protocol/summaryMessages';
import type { AuditService } from '../auditService';
import { resolveSampleFolder } from './sampleFolder';
import { SUMMARY_VIEW_TYPE, SummaryPanel } from './summaryPanel';

/** The open summaries, one per sample folder; restores them after a window reload. */
export class SummaryPanels implements vscode.Disposable, vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, SummaryPanel>();

  constructor(
    private readonly service: AuditService,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  static register(
    context: vscode.ExtensionContext,
    service: AuditService,
    log: vscode.LogOutputChannel,
  ): SummaryPanels {
    const panels = new SummaryPanels(service, context.extensionUri, log);
    context.subscriptions.push(
      panels,
      vscode.window.registerWebviewPanelSerializer(SUMMARY_VIEW_TYPE, panels),
      vscode.commands.registerCommand('dipsample.openSummary', async (target?: vscode.Uri) => {
        const folder = await resolveSampleFolder(target instanceof vscode.Uri ? target : undefined);
        return folder ? panels.open(folder) : undefined;
      }),
      vscode.commands.registerCommand(
        'dipsample.exportSummary',
        (folder: vscode.Uri, format: ExportFormat, target?: vscode.Uri) => panels.export(folder, format, target),
      ),
    );
    return panels;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  get(folder: vscode.Uri): SummaryPanel | undefined {
    return this.panels.get(folder.toString());
  }

  /** Shows the sample's summary, revealing the open one rather than opening a second. */
  async open(folder: vscode.Uri): Promise<SummaryPanel> {
    const existing = this.get(folder);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const webview = vscode.window.createWebviewPanel(SUMMARY_VIEW_TYPE, 'Sample summary', column, {
      enableFindWidget: true,
    });
    return this.adopt(webview, folder);
  }

  /** A summary open before the window reloaded: re-attach it to its sample folder. */
  async deserializeWebviewPanel(webview: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isSummaryWebviewState(state) || !state.folder) {
      webview.dispose();
      return;
    }
    const folder = vscode.Uri.file(state.folder);
    if (this.get(folder)) {
      webview.dispose();
      return;
    }
    await this.adopt(webview, folder);
  }

  /** A crime file appeared: audit it if an open summary covers it (edits are audited already). */
  fileCreated(uri: vscode.Uri): void {
    if (![...this.panels.values()].some((panel) => panel.covers(uri))) return;
    this.service.track([uri]);
    void this.service.audit(uri);
  }

  async export(folder: vscode.Uri, format: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!EXPORT_FORMATS.includes(format)) throw new Error(`Unknown export format ${String(format)}`);
    const panel = this.get(folder) ?? (await this.open(folder));
    return panel.export(format, target);
  }

  private async adopt(webview: vscode.WebviewPanel, folder: vscode.Uri): Promise<SummaryPanel> {
    const key = folder.toString();
    const panel = new SummaryPanel(webview, folder, this.service, this.extensionUri, this.log, () =>
      this.panels.delete(key),
    );
    this.panels.set(key, panel);
    await panel.auditSample();
    return panel;
  }
}
