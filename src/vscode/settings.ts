import * as path from 'node:path';
import * as vscode from 'vscode';
import { isPackPath, type Severity } from '../engine';
import type { Concurrency } from '../node/auditPool';
import type { FilesSettings } from './fileScope';

export interface FolderSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Built-in names, or absolute paths (relative ones resolved against the workspace folder). */
  extraPacks: string[];
  timeZone?: string;
  severity: Partial<Record<Severity, vscode.DiagnosticSeverity>>;
  /** Audit from this reviewer's answers alone (`dipsample.reviews.only`). */
  onlyReviewer?: string;
  /** `dipsample.files.include` / `exclude`: which crime files of the folder are audited. */
  files: FilesSettings;
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
    files: { include: globs(config.get('files.include')), exclude: globs(config.get('files.exclude')) },
  };
}

/** A glob list setting as typed: non-blank strings only (a hand-edited settings.json may hold anything). */
function globs(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((g) => g.trim());
}

/**
 * `dipsample.concurrency`: worker threads for folder and workspace audits, as the CLI's
 * `--concurrency` (`auto`: both cores on a large audit, the host thread on a small one; `off`).
 */
export function concurrencySetting(): Concurrency {
  const value = vscode.workspace.getConfiguration('dipsample').get<unknown>('concurrency', 'auto');
  if (value === 'off') return 'off';
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return Math.min(value, 64);
  return 'auto';
}
