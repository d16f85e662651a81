import { statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatProblem } from '../engine';
import { importExtract, ImportMapError, type ImportOutcome } from '../node/importExtract';
import { OutputCancelled } from '../node/writeFolderAtomic';
import { askPath, besideIfExists, confirmReplace } from './pathPrompts';

export const IMPORT_EXTRACT = 'dipsample.importExtract';

export interface ImportArguments {
  out?: string;
  force?: boolean;
  quiet?: boolean;
}

/**
 * Dip-Sampler: Import RMS Extract… — a thin adapter over `importExtract` (the CLI's `dipsample
 * import`): the map from the Explorer (a map file, or a folder or CSV beside one) or a dialog, the
 * output folder, a cancellable progress notification; rejected rows go to the log and are counted.
 */
export function registerImportCommand(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  onWritten: () => Promise<void>,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(IMPORT_EXTRACT, (target?: vscode.Uri, args?: ImportArguments) =>
      importWith(log, onWritten, target, args),
    ),
  );
}

async function importWith(
  log: vscode.LogOutputChannel,
  onWritten: () => Promise<void>,
  target?: vscode.Uri,
  args: ImportArguments = {},
): Promise<ImportOutcome | undefined> {
  const map = target ? mapFor(target.fsPath) : (await pickMap())?.fsPath;
  if (!map) {
    void vscode.window.showErrorMessage(
      'Dip-Sampler: no map.yaml here: an import needs a dipsample-map/1 file (docs/import.md).',
    );
    return undefined;
  }
  const base = path.dirname(map);
  const out =
    args.out ?? (await askPath('Import RMS Extract', 'The folder to write the crime files to', `${base}-files`, base));
  if (!out) return undefined;
  const replace = args.force ? { go: true, force: true } : await confirmReplace(out, 'imported crime files');
  if (!replace.go) return undefined;
  try {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Importing an RMS extract', cancellable: true },
      (progress, token) =>
        importExtract({
          map,
          output: out,
          outputShown: out,
          force: replace.force,
          isCancelled: () => token.isCancellationRequested,
          onProgress: (rows) => progress.report({ message: `${rows.toLocaleString('en-GB')} rows read` }),
        }),
    );
    for (const rejected of outcome.rejected) log.warn(`Import: rejected: ${rejected}`);
    // The folder arrived in one rename: drop what was cached of that path (see the draw command).
    await onWritten();
    if (!args.quiet) {
      const rejected = outcome.rejected.length ? `; ${outcome.rejected.length} row(s) rejected (see the log)` : '';
      const open = 'Open Summary';
      const choice = await vscode.window.showInformationMessage(
        `Dip-Sampler: imported ${outcome.crimes} crime file(s) into ${out}${rejected}.`,
        open,
      );
      if (choice === open) await vscode.commands.executeCommand('dipsample.openSummary', vscode.Uri.file(out));
    }
    return outcome;
  } catch (error) {
    if (error instanceof OutputCancelled) {
      void vscode.window.setStatusBarMessage('Dip-Sampler: import cancelled; nothing written', 5000);
      return undefined;
    }
    const message =
      error instanceof ImportMapError
        ? error.problems.map(formatProblem).join('; ')
        : error instanceof Error
          ? error.message
          : String(error);
    void vscode.window.showErrorMessage(`Dip-Sampler: nothing imported: ${message}`);
    return undefined;
  }
}

/** The map a target stands for: itself, or the map.yaml in (or beside) it. */
function mapFor(target: string): string | undefined {
  if (/\.ya?ml$/i.test(target)) return target;
  const folder = statSync(target, { throwIfNoEntry: false })?.isDirectory() ? target : path.dirname(target);
  return besideIfExists(folder, 'map.yaml');
}

async function pickMap(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectMany: false,
    filters: { 'Import map': ['yaml', 'yml'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Import with this map',
  });
  return picked?.[0];
}
