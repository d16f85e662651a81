import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REDACTION_KIND_LABELS, REDACTION_KINDS } from '../engine';
import { InputError } from '../node/findCrimeFiles';
import { RedactCancelled, redactFolder, type RedactFolderOutcome } from '../node/redactFolder';

export const REDACT_FOLDER = 'dipsample.redactFolder';

/**
 * Dip-Sampler: Make Redacted Training Copy… — a thin adapter over `redactFolder` (the CLI's
 * `dipsample redact`): asks for the output folder, confirms before replacing one, runs with a
 * cancellable progress notification and shows what was replaced.
 */
export function registerRedactCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(REDACT_FOLDER, async (folder?: vscode.Uri) => makeTrainingCopy(folder)),
  );
}

export async function makeTrainingCopy(folder?: vscode.Uri): Promise<RedactFolderOutcome | undefined> {
  const source = folder ?? (await pickFolder());
  if (!source) return undefined;
  if (source.scheme !== 'file') {
    void vscode.window.showErrorMessage('Dip-Sampler: a redacted copy can only be made of a folder on this disk.');
    return undefined;
  }
  const answer = await vscode.window.showInputBox({
    title: 'Make Redacted Training Copy',
    prompt: `Folder to write the redacted copy of ${path.basename(source.fsPath)} to`,
    value: `${source.fsPath}-training`,
    validateInput: (value) => (value.trim() === '' ? 'Give a folder' : undefined),
  });
  if (!answer) return undefined;
  const output = path.resolve(path.dirname(source.fsPath), answer.trim());
  let force = false;
  if (existsSync(output)) {
    const replace = 'Replace';
    const choice = await vscode.window.showWarningMessage(
      `${output} already exists. Replace it with the redacted copy? Everything in it will be lost.`,
      { modal: true },
      replace,
    );
    if (choice !== replace) return undefined;
    force = true;
  }
  try {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Making a redacted training copy', cancellable: true },
      (progress, token) => {
        let shown = 0;
        return redactFolder({
          input: source.fsPath,
          output,
          force,
          isCancelled: () => token.isCancellationRequested,
          onProgress: (done, total) => {
            const percent = Math.floor((100 * done) / total);
            if (percent > shown) progress.report({ increment: percent - shown, message: `${done}/${total}` });
            shown = percent;
          },
        });
      },
    );
    void vscode.window.showInformationMessage(summary(outcome), { detail: details(outcome) });
    return outcome;
  } catch (error) {
    if (error instanceof RedactCancelled) {
      void vscode.window.setStatusBarMessage('Dip-Sampler: redacted copy cancelled; nothing written', 5000);
      return undefined;
    }
    const message = error instanceof InputError || error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Dip-Sampler: no redacted copy made: ${message}`);
    return undefined;
  }
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: 'Redact this sample',
  });
  return picked?.[0];
}

function summary(outcome: RedactFolderOutcome): string {
  const replaced = REDACTION_KINDS.filter((kind) => outcome.counts[kind] > 0)
    .map((kind) => `${outcome.counts[kind]} ${REDACTION_KIND_LABELS[kind]}`)
    .join(', ');
  const left = outcome.notCopied.length ? `; ${outcome.notCopied.length} file(s) not copied` : '';
  return `Dip-Sampler: redacted copy of ${outcome.files.crime} crime file(s) written to ${outcome.output}${left}. Replaced: ${replaced || 'nothing'}.`;
}

function details(outcome: RedactFolderOutcome): string {
  return [...outcome.notCopied.map((file) => `${file.path}: not copied: ${file.reason}`), ...outcome.warnings].join(
    '\n',
  );
}
