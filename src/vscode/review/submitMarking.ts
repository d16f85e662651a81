import * as vscode from 'vscode';
import { isCrimeFile, markingProgress, reviewerIdOfFile } from '../../engine';
import { sampleInfo } from '../../report';
import { reviewFilePath, ReviewWriteError, submitReview } from '../../node/reviewWriter';
import type { AuditService } from '../auditService';
import { currentReviewer } from './reviewerIdentity';

export const SUBMIT_MARKING = 'dipsample.submitMarking';

/** Asks whether to submit; resolves true to go ahead. */
export type ConfirmSubmission = (prompt: { message: string; detail: string }) => Thenable<boolean>;

/** The modal confirmation people see. */
const askInModal: ConfirmSubmission = async ({ message, detail }) =>
  (await vscode.window.showWarningMessage(message, { modal: true, detail }, 'Submit')) === 'Submit';

/**
 * The command's optional second argument, for scripts and tests: how to confirm (VS Code refuses
 * modal dialogs while extension tests run, so the host test answers the same prompt through this).
 */
export function confirmationOf(options: unknown): ConfirmSubmission | undefined {
  const confirm =
    typeof options === 'object' && options !== null ? (options as { confirm?: unknown }).confirm : undefined;
  return typeof confirm === 'function' ? (confirm as ConfirmSubmission) : undefined;
}

/** What the confirmation says: how many criteria are still unmarked, and that submitting is final. */
export function submissionPrompt(
  sampleName: string,
  reviewer: string,
  left: { unmarked: number; criteria: number; filesLeft: number; files: number },
): { message: string; detail: string } {
  const status =
    left.unmarked === 0
      ? `Every criterion of the ${left.files} files is marked.`
      : `${left.unmarked} of ${left.criteria} criteria are still unmarked (in ${left.filesLeft} of ${left.files} files).`;
  return {
    message: `Submit your marks for ${sampleName} as ${reviewer}?`,
    detail: `${status} Once submitted your marks are final, and the machine’s findings are shown again.`,
  };
}

/** How much of a sample a trainee has left unmarked: criteria over every crime file with a reference. */
async function unmarkedIn(service: AuditService, sampleFolder: string) {
  let unmarked = 0;
  let criteria = 0;
  let filesLeft = 0;
  const files = await service.crimeFilesIn(vscode.Uri.file(sampleFolder));
  service.track(files);
  for (const uri of files) {
    const result = service.resultFor(uri) ?? (await service.audit(uri));
    if (!result?.marking || result.report.reference === undefined) continue;
    const { marked, total } = markingProgress(result.marking, result.report.reference, result.ruleSet);
    criteria += total;
    unmarked += total - marked;
    if (marked < total) filesLeft++;
  }
  return { unmarked, criteria, filesLeft, files: files.length };
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  const stat = await vscode.workspace.fs.stat(uri).then(
    (found) => found,
    () => undefined,
  );
  return stat !== undefined && (stat.type & vscode.FileType.Directory) !== 0;
}

/**
 * Dip-Sampler: Submit Marking… — a trainee hands in their marks for the sample of `target` (a
 * crime file or folder; else the active editor's file): a modal confirmation says how many criteria
 * are still unmarked, then `submitted: <now>` is stamped in their review file (locked, atomic).
 * Marking mode then ends: the findings come back, and their marks can no longer change.
 */
export async function submitMarking(
  service: AuditService,
  target?: vscode.Uri,
  confirm: ConfirmSubmission = askInModal,
): Promise<boolean> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Open a crime file of the sample you are marking, then submit.');
    return false;
  }
  const isFolder = !isCrimeFile(uri.fsPath) && (await isDirectory(uri));
  const sampleFolder = await service.sampleFolderFor(uri, isFolder);
  const marking = await service.markingFor(uri, isFolder);
  if (!marking) {
    const reviewer = currentReviewer();
    const own = reviewer
      ? (await service.reviewFilesFor(uri, sampleFolder)).find((file) => reviewerIdOfFile(file.file) === reviewer.id)
      : undefined;
    void vscode.window.showInformationMessage(
      own?.submitted
        ? `You submitted your marks for this sample at ${own.submitted}.`
        : 'Submit Marking is for trainees marking a sample (your reviewer role is not trainee): there is nothing to submit.',
    );
    return false;
  }
  const left = await unmarkedIn(service, sampleFolder);
  const manifest = await service.manifestFor(vscode.Uri.file(sampleFolder)).catch(() => undefined);
  const sampleName = sampleInfo(sampleFolder, manifest, []).name;
  if (!(await confirm(submissionPrompt(sampleName, marking.reviewer.id, left)))) return false;
  const file = reviewFilePath(sampleFolder, marking.reviewer.id);
  if (vscode.workspace.textDocuments.some((document) => document.uri.fsPath === file && document.isDirty)) {
    void vscode.window.showWarningMessage(
      `Your review file has unsaved changes: save or revert ${vscode.workspace.asRelativePath(file)}, then submit again.`,
    );
    return false;
  }
  const at = new Date().toISOString();
  try {
    await submitReview(sampleFolder, marking.reviewer, at);
  } catch (error) {
    const message = error instanceof ReviewWriteError ? error.message : `Could not submit: ${String(error)}`;
    void vscode.window.showErrorMessage(message);
    return false;
  }
  await service.reviewsChanged();
  void vscode.window.showInformationMessage(
    `Marks submitted at ${at}${left.unmarked > 0 ? ` (${left.unmarked} criteria unmarked)` : ''}: the machine’s findings are shown again.`,
  );
  return true;
}
