import * as vscode from 'vscode';
import type { Finding, FindingFix } from '../engine';
import type { AuditService } from './auditService';
import { toRange } from './toDiagnostic';

/**
 * `source.fixAll.dipsample` (e.g. `editor.codeActionsOnSave`): applies, in one edit, the fixes of
 * the document's findings that are safe with no one reading them, those whose pack declares
 * `fix.unattended: true`. A fix that inserts a placeholder for a person to fill in (the built-in
 * packs' "Add a line of enquiry", whose TODO still fails) is never one, so with the built-in packs
 * this offers nothing and changes nothing. The document is audited afresh first: the fixes' ranges
 * are those of the text being saved, and nothing is offered if it changes meanwhile.
 */
export class AuditFixAll implements vscode.CodeActionProvider {
  static readonly kind = vscode.CodeActionKind.SourceFixAll.append('dipsample');
  static readonly kinds = [AuditFixAll.kind];

  constructor(private readonly service: AuditService) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    // Only when fix-all is asked for (on save, "Fix All", a source action), never in the lightbulb.
    if (!context.only || !context.only.contains(AuditFixAll.kind)) return [];
    const version = document.version;
    const audited = await this.service.audit(document.uri, document.getText());
    if (!audited || document.version !== version) return [];
    const fixes = unattendedFixes(audited.report.findings);
    if (fixes.length === 0) return [];
    const edit = new vscode.WorkspaceEdit();
    for (const fix of fixes) edit.replace(document.uri, toRange(fix.range), fix.newText);
    const action = new vscode.CodeAction(`Fix all unattended dipsample fixes (${fixes.length})`, AuditFixAll.kind);
    action.edit = edit;
    return [action];
  }
}

/** The unattended fixes of some findings, in document order, each range once, none overlapping another. */
export function unattendedFixes(findings: readonly Finding[]): FindingFix[] {
  const candidates = findings
    .flatMap((finding) => (finding.fix?.unattended ? [finding.fix] : []))
    .sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  const kept: FindingFix[] = [];
  for (const fix of candidates) {
    const last = kept[kept.length - 1];
    const same =
      last && compare(fix.range.start, last.range.start) === 0 && compare(fix.range.end, last.range.end) === 0;
    if (last && (same || compare(fix.range.start, last.range.end) < 0)) continue; // the same value, or overlapping: once
    kept.push(fix);
  }
  return kept;
}

function compare(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
