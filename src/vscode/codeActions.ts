import * as vscode from 'vscode';
import { ruleSettingChange, SCHEMA_RULE, SEVERITIES, SYNTAX_RULE, type ConfiguredSeverity } from '../engine';
import type { AuditService } from './auditService';
import { sampleConfigTarget, sampleConfigText, type SampleConfigTarget } from './sampleConfig';
import { findingOf, toRange } from './toDiagnostic';
import { DISABLE_FOR_FILE } from './review/disableForFile';

/**
 * Quick fixes on dipsample findings: docs, switch off / change severity in the sample's own
 * .dipsample.yaml (never a parent's that other samples share: see sampleConfigTarget), disable for
 * this file (a review exception with a reason: disableForFile), mechanical fixes.
 */
export class AuditCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly service: AuditService) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    let target: SampleConfigTarget | undefined;
    const audited = this.service.resultFor(document.uri);
    for (const diagnostic of context.diagnostics) {
      const finding = findingOf(diagnostic, audited?.report.findings);
      if (!finding) continue;
      if (finding.fix) {
        const fix = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        fix.edit = new vscode.WorkspaceEdit();
        fix.edit.replace(document.uri, toRange(finding.fix.range), finding.fix.newText);
        fix.diagnostics = [diagnostic];
        fix.isPreferred = true;
        actions.push(fix);
      }
      if (seenRules.has(finding.rule)) continue;
      seenRules.add(finding.rule);

      const docs = new vscode.CodeAction(`Open documentation for ${finding.rule}`, vscode.CodeActionKind.QuickFix);
      docs.command = { command: 'dipsample.openRuleDoc', title: docs.title, arguments: [finding.rule, document.uri] };
      docs.diagnostics = [diagnostic];
      actions.push(docs);

      if (finding.rule === SYNTAX_RULE || finding.rule === SCHEMA_RULE) continue;
      const outcome = audited?.report.results.find((result) => result.rule === finding.rule)?.outcome;
      // Review entries are kept by the file's reference; a rule already not applicable needs no exception.
      if (audited?.report.reference && !audited.marking && outcome !== undefined && outcome !== 'notApplicable') {
        const title = `Disable ${finding.rule} for this file (not applicable, on review)…`;
        const disable = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        disable.command = { command: DISABLE_FOR_FILE, title, arguments: [document.uri, finding.rule] };
        disable.diagnostics = [diagnostic];
        actions.push(disable);
      }
      target ??= await sampleConfigTarget(
        document.uri.fsPath,
        exists,
        vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath,
      );
      const configFile = vscode.Uri.file(target.file);
      const current = target.exists ? await readText(configFile) : undefined;
      const where = whereTitle(target, configFile);
      const settings: Array<{ title: string; setting: ConfiguredSeverity }> = [
        { title: `Switch off ${finding.rule} for this sample (${where})`, setting: 'off' },
        ...SEVERITIES.filter((severity) => severity !== finding.severity).map((severity) => ({
          title: `Set severity of ${finding.rule} to ${severity} for this sample (${where})`,
          setting: severity,
        })),
      ];
      for (const { title, setting } of settings) {
        // Offered only when the file can be edited safely; the edit itself is made when applied.
        if (sampleConfigText(target, current, finding.rule, setting) === undefined) continue;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.command = {
          command: APPLY_RULE_SETTING,
          title,
          arguments: [configFile, finding.rule, setting, target.extends],
        };
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    return actions;
  }
}

/** Which file a "for this sample" action writes, for its title: "configured/.dipsample.yaml", "create …". */
function whereTitle(target: SampleConfigTarget, file: vscode.Uri): string {
  const name = vscode.workspace.asRelativePath(file, false);
  if (target.exists) return name;
  return target.extends === undefined ? `create ${name}` : `create ${name} extending ${target.extends}`;
}

async function exists(file: string): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file)) return true;
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export const APPLY_RULE_SETTING = 'dipsample.applyRuleSetting';

/**
 * Sets a rule in a sample's .dipsample.yaml, computed now against the file as it is (the open
 * buffer, else the disk): one minimal edit, so a value changed since the lightbulb showed is kept
 * and nothing else is reformatted. A file that appeared meanwhile is edited, not created twice; a
 * file that no longer parses is left alone with a warning. Resolves to whether the edit was made.
 */
export async function applyRuleSetting(
  file: vscode.Uri,
  rule: string,
  setting: ConfiguredSeverity,
  extendsParent?: string,
): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  if (!(await exists(file.fsPath))) {
    const text = sampleConfigText(
      { file: file.fsPath, exists: false, extends: extendsParent },
      undefined,
      rule,
      setting,
    )!;
    edit.createFile(file, { ignoreIfExists: true });
    edit.insert(file, new vscode.Position(0, 0), text);
    return vscode.workspace.applyEdit(edit);
  }
  const document = await vscode.workspace.openTextDocument(file);
  const change = ruleSettingChange(document.getText(), rule, setting);
  if (!change) {
    void vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(file, false)} cannot be edited safely (it does not parse, or its rules are not a map): fix it first.`,
    );
    return false;
  }
  const range = new vscode.Range(
    document.positionAt(change.offset),
    document.positionAt(change.offset + change.length),
  );
  edit.replace(file, range, change.newText);
  return vscode.workspace.applyEdit(edit);
}
