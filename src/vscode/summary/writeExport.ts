import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../node/writeFileAtomic';

export interface ExportRequest {
  /** The save dialog's title, e.g. "Export sample summary: Markdown". */
  title: string;
  defaultUri: vscode.Uri;
  /** The format's label and file name extension, for the dialog's filter. */
  label: string;
  extension: string;
  /** The text to write, rendered only once a destination is chosen. */
  render: () => string;
  /** With a target (scripts, tests) no dialog is shown and an existing file is never replaced. */
  target?: vscode.Uri;
  notify: (level: 'info' | 'error', message: string) => void;
}

/**
 * Writes an export where the user chooses (the save dialog asks before replacing a file): atomically
 * and never through a symbolic link for local files, replacing only what the dialog agreed to
 * replace. Resolves to the file written, or undefined when cancelled or refused.
 */
export async function writeExport(request: ExportRequest): Promise<vscode.Uri | undefined> {
  let destination = request.target;
  if (destination) {
    const taken = await vscode.workspace.fs.stat(destination).then(
      () => true,
      () => false,
    );
    if (taken) {
      request.notify('error', `Not exported: ${destination.fsPath} already exists.`);
      return undefined;
    }
  } else {
    destination = await vscode.window.showSaveDialog({
      title: request.title,
      defaultUri: request.defaultUri,
      filters: { [request.label]: [request.extension] },
      saveLabel: 'Export',
    });
    if (!destination) return undefined;
  }
  const text = request.render();
  try {
    if (destination.scheme === 'file') {
      // The folder is made first, as workspace.fs.writeFile would.
      await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(destination.fsPath)));
      await writeFileAtomic(destination.fsPath, text, { overwrite: !request.target });
    } else {
      await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
    }
  } catch (error) {
    request.notify('error', `Export failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  return destination;
}
