import * as vscode from 'vscode';
import type { AuditService } from '../auditService';
import { recordAnswer } from './recordAnswer';

export const DISABLE_FOR_FILE = 'dipsample.disableRuleForFile';

/**
 * "Disable <rule> for this file": the reviews' per-file exception, not a configuration edit. It
 * records, in the reviewer's review file, that the rule does not apply to this crime file, with the
 * reason the reviewer types; the audit then shows the rule as overridden on review (not
 * applicable), and every report says who said so and why. Cancelling the reason writes nothing; a
 * review file that is unsaved or does not read as one is never written over (recordAnswer).
 * Resolves true when the exception was saved.
 */
export async function disableForFile(service: AuditService, uri?: vscode.Uri, ruleId?: string): Promise<boolean> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  const audited = target && service.resultFor(target);
  const rule = audited?.ruleSet.rules.find((candidate) => candidate.id === ruleId);
  if (!target || !audited || !rule) {
    void vscode.window.showInformationMessage('Open an audited crime file and pick one of its findings.');
    return false;
  }
  const reference = audited.report.reference;
  if (!reference) {
    void vscode.window.showWarningMessage(
      'This file has no `reference`: review entries are kept by reference, so give it one first.',
    );
    return false;
  }
  const reason = await vscode.window.showInputBox({
    title: `Disable ${rule.id} for this file (${reference}): why does it not apply?`,
    prompt:
      'Recorded in your review file as "not applicable", with this reason: reports quote it beside the exception.',
    placeHolder: 'e.g. No officer attended, so there was no body-worn video to consider',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Say why the rule does not apply to this file'),
  });
  if (!reason?.trim()) return false;
  return recordAnswer(service, target, reference, rule.id, { outcome: 'notApplicable', note: reason.trim() });
}
