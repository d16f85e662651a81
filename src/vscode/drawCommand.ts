import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UnsatisfiablePlan, formatProblem } from '../engine';
import { DrawConfigurationError, drawSample, type DrawSampleOutcome } from '../node/drawSample';
import { OutputCancelled } from '../node/writeFolderAtomic';
import { askPath, besideIfExists, confirmReplace } from './pathPrompts';

export const DRAW_SAMPLE = 'dipsample.drawSample';

/** What a caller (a test, another command) may give instead of being asked. */
export interface DrawArguments {
  plan?: string;
  map?: string;
  out?: string;
  force?: boolean;
  /** Do not offer to open the summary (tests open it themselves). */
  quiet?: boolean;
  /** Told each message the progress notification shows (tests see the progress this way). */
  onProgress?: (message: string) => void;
}

/**
 * Dip-Sampler: Draw a Sample… — a thin adapter over `drawSample` (the CLI's `dipsample draw`): the
 * frame from the Explorer (a CSV file or a folder) or a dialog, then the plan, the map (CSV only)
 * and the output folder, each prefilled; a cancellable progress notification; then an offer to open
 * the drawn sample's summary.
 */
export function registerDrawCommand(context: vscode.ExtensionContext, onWritten: () => Promise<void>): void {
  const tool = `dipsample ${(context.extension.packageJSON as { version: string }).version}`;
  context.subscriptions.push(
    vscode.commands.registerCommand(DRAW_SAMPLE, (frame?: vscode.Uri, args?: DrawArguments) =>
      drawWith(tool, onWritten, frame, args),
    ),
  );
}

async function drawWith(
  tool: string,
  onWritten: () => Promise<void>,
  target?: vscode.Uri,
  args: DrawArguments = {},
): Promise<DrawSampleOutcome | undefined> {
  const frame = target ?? (await pickFrame());
  if (!frame) return undefined;
  if (frame.scheme !== 'file') {
    void vscode.window.showErrorMessage('Dip-Sampler: a sample can only be drawn from a file or folder on this disk.');
    return undefined;
  }
  const isFolder = statSync(frame.fsPath, { throwIfNoEntry: false })?.isDirectory() === true;
  const base = isFolder ? frame.fsPath : path.dirname(frame.fsPath);
  const title = 'Draw a Sample';
  const plan =
    args.plan ??
    (await askPath(
      title,
      'The sampling plan (a dip-sample/1 manifest)',
      besideIfExists(base, 'plan.yaml') ?? path.join(base, 'plan.yaml'),
      base,
    ));
  if (!plan) return undefined;
  let map = args.map;
  if (map === undefined && !isFolder) {
    const suggested = besideIfExists(base, 'map.yaml');
    if (suggested)
      map = await askPath(
        title,
        "The import map saying what the CSV's columns are (clear it if the headers are field paths)",
        suggested,
        base,
      );
  }
  const name = path.basename(frame.fsPath).replace(/\.csv$/i, '');
  const out =
    args.out ??
    (await askPath(title, 'The sample folder to write', path.join(path.dirname(base), `${name}-sample`), base));
  if (!out) return undefined;
  const replace = args.force ? { go: true, force: true } : await confirmReplace(out, 'drawn sample');
  if (!replace.go) return undefined;
  try {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Drawing a sample', cancellable: true },
      (progress, token) =>
        drawSample({
          frame: frame.fsPath,
          frameShown: path.basename(frame.fsPath),
          plan,
          ...(map ? { map } : {}),
          output: out,
          outputShown: out,
          force: replace.force,
          tool,
          isCancelled: () => token.isCancellationRequested,
          onProgress: (records) => {
            const message = `${records.toLocaleString('en-GB')} records read`;
            progress.report({ message });
            args.onProgress?.(message);
          },
        }),
    );
    // The folder arrived in one rename, which file watchers may report without its sample.yaml:
    // drop what was cached of that path before anyone opens its summary.
    await onWritten();
    if (!args.quiet) void offerSummary(outcome, out);
    return outcome;
  } catch (error) {
    if (error instanceof OutputCancelled) {
      void vscode.window.setStatusBarMessage('Dip-Sampler: draw cancelled; nothing written', 5000);
      return undefined;
    }
    void vscode.window.showErrorMessage(`Dip-Sampler: no sample drawn: ${describe(error)}`);
    return undefined;
  }
}

async function offerSummary(outcome: DrawSampleOutcome, out: string): Promise<void> {
  const open = 'Open Summary';
  const warnings = outcome.warnings.length ? ` (${outcome.warnings.length} warning(s): rows not drawn)` : '';
  const choice = await vscode.window.showInformationMessage(
    `Dip-Sampler: drew ${outcome.references.length} of ${outcome.eligible} eligible records into ${out}${warnings}.`,
    { detail: outcome.warnings.join('\n') },
    open,
  );
  if (choice === open) await vscode.commands.executeCommand('dipsample.openSummary', vscode.Uri.file(out));
}

/** What went wrong, in one line: the plan's located problems, the shortfall, or the input error. */
export function describe(error: unknown): string {
  if (error instanceof DrawConfigurationError) return error.problems.map(formatProblem).join('; ');
  if (error instanceof UnsatisfiablePlan) return `the plan cannot be met: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

async function pickFrame(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: true,
    canSelectMany: false,
    filters: { 'CSV crime list': ['csv'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Draw from this frame',
  });
  return picked?.[0];
}
