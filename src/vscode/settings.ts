import * as path from 'node:path';
import * as vscode from 'vscode';
import { isPackPath, type Severity } from '../engine';

export interface FolderSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Built-in names, or absolute paths (relative ones resolved against the workspace folder). */
  extraPacks: string[];
  timeZone?: string;
  severity: Partial<Record<Severity, vscode.DiagnosticSeverity>>;
  /** Audit from this reviewer's answers alone (`dipsample.reviews.only`). */
  onlyReviewer?: string;
}

const DISPLAYED: Record<string, vscode.DiagnosticSeverity> = {
  Error: vscode.DiagnosticSeverity.Error,
  Warning: vscode.DiagnosticSeverity.Warning,
  Information: vscode.DiagnosticSeverity.Information,
  Hint: vscode.DiagnosticSeverity.Hint,
};

/** `dipsample.*` settings as they apply to a resource (multi-root: per workspace folder). */
export function settingsFor(resource: vscode.Uri | undefined): FolderSettings {
  const config = vscode.workspace.getConfiguration('dipsample', resource);
  const folder = resource ? vscode.workspace.getWorkspaceFolder(resource) : undefined;
  const extraPacks = config
    .get<string[]>('extraPacks', [])
    .map((spec) => (isPackPath(spec) && folder ? path.resolve(folder.uri.fsPath, spec) : spec));
  const remap = config.get<Record<string, string>>('severity', {});
  const severity: FolderSettings['severity'] = {};
  for (const [from, to] of Object.entries(remap)) if (to in DISPLAYED) severity[from as Severity] = DISPLAYED[to];
  const timeZone = config.get<string>('timezone', '').trim();
  return {
    enable: config.get<boolean>('enable', true),
    run: config.get<'onType' | 'onSave'>('run', 'onType'),
    extraPacks,
    timeZone: timeZone || undefined,
    severity,
    onlyReviewer: config.get<string>('reviews.only', '').trim() || undefined,
  };
}
