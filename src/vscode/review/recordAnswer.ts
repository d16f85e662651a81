import * as vscode from 'vscode';
import type { RecordedDecision } from '../../engine';
import type { AuditService } from '../auditService';
import { recordReview, reviewFilePath, ReviewWriteError } from '../../node/reviewWriter';
import { ensureReviewer } from './reviewerIdentity';

/** What a reviewer records on one criterion of one crime file (the time is stamped on writing). */
export type Answer = Omit<RecordedDecision, 'at'>;

/**
 * Writes one answer to the reviewer's file of the crime file's sample (asking who the reviewer is
 * on first use), then re-audits with it. Never writes over unsaved edits of the review file or a
 * file that does not read as one: the person is told why. Resolves true when the answer was saved.
 */
export async function recordAnswer(
  service: AuditService,
  crimeFile: vscode.Uri,
  reference: string,
  rule: string,
  answer: Answer,
): Promise<boolean> {
  const reviewer = await ensureReviewer();
  if (!reviewer) return false;
  const sampleFolder = await service.sampleFolderFor(crimeFile);
  const file = reviewFilePath(sampleFolder, reviewer.id);
  const open = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === file);
  if (open?.isDirty) {
    void vscode.window.showWarningMessage(
      `Your review file has unsaved changes: save or revert ${vscode.workspace.asRelativePath(file)}, then record the answer again.`,
    );
    return false;
  }
  try {
    await recordReview(sampleFolder, reviewer, reference, rule, { ...answer, at: new Date().toISOString() });
  } catch (error) {
    const message = error instanceof ReviewWriteError ? error.message : `Could not save the answer: ${String(error)}`;
    void vscode.window.showErrorMessage(message);
    return false;
  }
  await service.reviewsChanged();
  return true;
}
