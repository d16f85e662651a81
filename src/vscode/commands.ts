import * as vscode from 'vscode';
import { CRIME_FILE_NAMES } from '../engine';
import type { AuditService, AuditTotals } from './auditService';
import { docUriFor } from './toDiagnostic';

/** Audits every crime file under `folders` with a cancellable progress notification. */
export async function auditFolders(
  service: AuditService,
  folders: readonly vscode.Uri[],
  label: string,
): Promise<AuditTotals> {
  const uris = (await Promise.all(folders.map((folder) => service.crimeFilesIn(folder)))).flat();
  if (uris.length === 0) {
    void vscode.window.showInformationMessage(`No crime files (${CRIME_FILE_NAMES}) in ${label}.`);
    return { files: 0, findings: 0, cancelled: false, audited: 0, reused: 0, restored: 0, workers: 0, ms: 0 };
  }
  const totals = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Auditing crime files in ${label}`, cancellable: true },
    (progress, token) => service.auditMany(uris, progress, token),
  );
  const unchanged = totals.reused > 0 ? ` (${totals.reused} unchanged)` : '';
  const outcome = `${totals.files} file${totals.files === 1 ? '' : 's'} audited${unchanged}, ${totals.findings} finding${totals.findings === 1 ? '' : 's'}`;
  void vscode.window.setStatusBarMessage(
    totals.cancelled ? `Dip-Sampler: audit cancelled (${outcome})` : `Dip-Sampler: ${outcome}`,
    5000,
  );
  return totals;
}

export function registerCommands(
  context: vscode.ExtensionContext,
  service: AuditService,
  log: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('dipsample.auditWorkspace', () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      return auditFolders(
        service,
        folders.map((f) => f.uri),
        'the workspace',
      );
    }),
    vscode.commands.registerCommand('dipsample.auditFolder', (folder?: vscode.Uri) => {
      const target = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!target)
        return { files: 0, findings: 0, cancelled: false, audited: 0, reused: 0, restored: 0, workers: 0, ms: 0 };
      return auditFolders(service, [target], vscode.workspace.asRelativePath(target, false) || target.fsPath);
    }),
    vscode.commands.registerCommand('dipsample.openRuleDoc', async (ruleId: string, from?: vscode.Uri) => {
      const rule = from ? service.resultFor(from)?.ruleSet.rules.find((r) => r.id === ruleId) : undefined;
      const uri = docUriFor(ruleId, rule, context.extensionUri);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        await vscode.window.showTextDocument(uri, { preview: true });
      }
    }),
    vscode.commands.registerCommand('dipsample.showOutput', () => log.show()),
  );
}
