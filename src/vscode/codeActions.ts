import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CONFIG_FILE_NAME,
  MANIFEST_FILE_NAME,
  SCHEMA_RULE,
  setRuleSetting,
  SYNTAX_RULE,
  type ConfiguredSeverity,
} from '../engine';
import type { AuditService } from './auditService';
import { findingOf, toRange } from './toDiagnostic';

const SEVERITY_CHOICES: ConfiguredSeverity[] = ['error', 'warning', 'information', 'hint'];

/** Quick fixes on dipsample findings: docs, switch off / change severity in .dipsample.yaml, mechanical fixes. */
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
    for (const diagnostic of context.diagnostics) {
      const finding = findingOf(diagnostic, this.service.resultFor(document.uri)?.report.findings);
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
      const configFile = await nearestConfig(document.uri);
      const current = await readText(configFile);
      const where = current === undefined ? `create ${CONFIG_FILE_NAME}` : CONFIG_FILE_NAME;
      const settings: Array<{ title: string; setting: ConfiguredSeverity }> = [
        { title: `Switch off ${finding.rule} for this sample (${where})`, setting: 'off' },
        ...SEVERITY_CHOICES.filter((severity) => severity !== finding.severity).map((severity) => ({
          title: `Set severity of ${finding.rule} to ${severity} for this sample (${where})`,
          setting: severity,
        })),
      ];
      for (const { title, setting } of settings) {
        const text = setRuleSetting(current, finding.rule, setting);
        if (text === undefined) continue; // the config does not parse: the user must fix it first
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        if (current === undefined) {
          action.edit.createFile(configFile, { ignoreIfExists: true });
          action.edit.insert(configFile, new vscode.Position(0, 0), text);
        } else {
          action.edit.replace(configFile, fullRange(current), text);
        }
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
    }
    return actions;
  }
}

/** The nearest .dipsample.yaml above the file; else where to create one: the sample folder (with sample.yaml) or the file's folder. */
export async function nearestConfig(file: vscode.Uri): Promise<vscode.Uri> {
  const start = path.dirname(file.fsPath);
  const root = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath;
  let sampleFolder: string | undefined;
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (await exists(path.join(directory, CONFIG_FILE_NAME)))
      return vscode.Uri.file(path.join(directory, CONFIG_FILE_NAME));
    if (!sampleFolder && (await exists(path.join(directory, MANIFEST_FILE_NAME)))) sampleFolder = directory;
    if (directory === root || path.dirname(directory) === directory) break;
  }
  return vscode.Uri.file(path.join(sampleFolder ?? start, CONFIG_FILE_NAME));
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

function fullRange(text: string): vscode.Range {
  const lines = text.split(/\r\n|\r|\n/);
  return new vscode.Range(0, 0, lines.length - 1, lines[lines.length - 1].length);
}
