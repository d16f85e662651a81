import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkManifest, CRIME_FILE_GLOB, type FileReport, type Problem } from '../engine';
import type { AuditService } from './auditService';

const DEBOUNCE_MS = 400;

/**
 * Warnings on each sample.yaml whose files do not bear it out (outside the period, a stratum or
 * quota not met, the size, a drawn reference missing: `checkManifest`), once every crime file of
 * the sample has been audited. Recomputed from the audited files' facts when audits pause.
 */
export class ManifestDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('dipsample-manifest');
  private readonly subscription: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly service: AuditService) {
    this.subscription = service.onDidChange(() => this.schedule());
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.collection.dispose();
  }

  /** The warnings on a manifest (tests). */
  diagnosticsOf(manifest: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(manifest) ?? [];
  }

  /** Settles once the latest refresh is done. */
  whenIdle(): Promise<void> {
    return this.running;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.running.then(() => this.refresh()).catch(() => undefined);
    }, DEBOUNCE_MS);
  }

  async refresh(): Promise<void> {
    const samples = new Map<string, { reports: FileReport[]; timeZone: string; uris: Set<string> }>();
    for (const result of this.service.audited()) {
      const folder = await this.service.sampleFolderFor(result.uri);
      const sample = samples.get(folder) ?? { reports: [], timeZone: result.ruleSet.timeZone, uris: new Set<string>() };
      sample.reports.push(result.report);
      sample.uris.add(result.uri.toString());
      samples.set(folder, sample);
    }
    const next = new Map<string, vscode.Diagnostic[]>();
    for (const [folder, sample] of samples) {
      const manifest = await this.service.manifestFor(vscode.Uri.file(folder)).catch(() => undefined);
      if (!manifest || path.dirname(manifest.file) !== folder) continue;
      const onDisk = await vscode.workspace.findFiles(
        new vscode.RelativePattern(vscode.Uri.file(folder), CRIME_FILE_GLOB),
        undefined,
        100_000,
      );
      const audited = await this.service.inScope(onDisk); // left-out files (ignores, dipsample.files.*) are not in it
      if (!audited.every((uri) => sample.uris.has(uri.toString()))) continue; // the manifest speaks of the whole sample
      next.set(manifest.file, checkManifest(manifest, sample.reports, sample.timeZone).map(toWarning));
    }
    this.collection.clear();
    for (const [file, diagnostics] of next) this.collection.set(vscode.Uri.file(file), diagnostics);
  }
}

function toWarning(problem: Problem): vscode.Diagnostic {
  const { start, end } = problem.range;
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start.line, start.character, end.line, end.character),
    problem.message,
    vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'dipsample';
  diagnostic.code = problem.code;
  return diagnostic;
}
