import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ruleDocPath,
  SCHEMA_RULE,
  SYNTAX_RULE,
  type CompiledRule,
  type Finding,
  type Problem,
  type Range,
  type Severity,
} from '../engine';

export const SOURCE = 'dipsample';
/** The code of configuration problems' diagnostics. */
export const CONFIG_CODE = 'config';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A diagnostic that remembers the finding and rule it came from (vscode.Diagnostic has no data field). */
export class AuditDiagnostic extends vscode.Diagnostic {
  constructor(
    readonly finding: Finding,
    readonly rule: CompiledRule | undefined,
    range: vscode.Range,
    severity: vscode.DiagnosticSeverity,
    docUri: vscode.Uri,
  ) {
    super(range, finding.message, severity);
    this.source = SOURCE;
    this.code = { value: finding.rule, target: docUri };
  }
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** The doc page a rule's code links to: beside its pack, or the index for syntax/schema findings. */
export function docUriFor(ruleId: string, rule: CompiledRule | undefined, extensionUri: vscode.Uri): vscode.Uri {
  if (rule) return vscode.Uri.file(ruleDocPath({ id: rule.id, file: rule.declaration.file }, path));
  const page = ruleId === SYNTAX_RULE || ruleId === SCHEMA_RULE ? 'README.md' : `${ruleId}.md`;
  return vscode.Uri.joinPath(extensionUri, 'rules', 'docs', page);
}

export function toDiagnostic(
  finding: Finding,
  rule: CompiledRule | undefined,
  extensionUri: vscode.Uri,
  remap: Partial<Record<Severity, vscode.DiagnosticSeverity>>,
): AuditDiagnostic {
  const severity = remap[finding.severity] ?? SEVERITY[finding.severity] ?? vscode.DiagnosticSeverity.Warning;
  return new AuditDiagnostic(
    finding,
    rule,
    toRange(finding.range),
    severity,
    docUriFor(finding.rule, rule, extensionUri),
  );
}

/** A problem in a pack, configuration or manifest, shown on that file (code `config`, always an error). */
export function problemToDiagnostic(problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(problem.range), problem.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = SOURCE;
  diagnostic.code = CONFIG_CODE;
  return diagnostic;
}

/**
 * The finding behind a diagnostic. VS Code normally hands back our own AuditDiagnostic instances;
 * when it hands back a copy, match the rule id and range against the file's latest findings.
 */
export function findingOf(
  diagnostic: vscode.Diagnostic,
  findings: readonly Finding[] | undefined,
): Finding | undefined {
  if (diagnostic instanceof AuditDiagnostic) return diagnostic.finding;
  if (diagnostic.source !== SOURCE || !findings) return undefined;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return findings.find(
    (finding) =>
      finding.rule === code &&
      toRange(finding.range).isEqual(diagnostic.range) &&
      finding.message === diagnostic.message,
  );
}
