import * as vscode from 'vscode';
import type { AuditService } from './auditService';
import { docUriFor, toRange } from './toDiagnostic';
import { sourceCitation } from '../report';

/** Hovering a finding explains the rule: its title, why it matters (source quotations), its options. */
export class AuditHover implements vscode.HoverProvider {
  constructor(
    private readonly service: AuditService,
    private readonly extensionUri: vscode.Uri,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.service.resultFor(document.uri);
    if (!result) return undefined;
    const rules = new Map(result.ruleSet.rules.map((rule) => [rule.id, rule]));
    const here = result.report.findings.filter(
      (finding) => rules.has(finding.rule) && toRange(finding.range).contains(position),
    );
    if (here.length === 0) return undefined;
    const parts: vscode.MarkdownString[] = [];
    const shown = new Set<string>();
    for (const finding of here) {
      const rule = rules.get(finding.rule)!;
      if (shown.has(rule.id)) continue;
      shown.add(rule.id);
      const markdown = new vscode.MarkdownString(undefined, true);
      markdown.appendMarkdown(`**${escape(rule.title)}** (\`${rule.id}\`, ${rule.severity})\n\n`);
      for (const source of rule.declaration.source) {
        // The report and its paragraph, as a reader would look it up (not the pack's research seed file).
        const where = sourceCitation(source);
        markdown.appendMarkdown(`> ${escape(source.quote)}\n>\n> — ${escape(where)}\n\n`);
      }
      const options = Object.entries(rule.parameters);
      if (options.length) {
        markdown.appendMarkdown(
          `Options: ${options.map(([name, value]) => `\`${name}\` = \`${JSON.stringify(value)}\``).join(', ')}\n\n`,
        );
      }
      markdown.appendMarkdown(`[Rule documentation](${docUriFor(rule.id, rule, this.extensionUri).toString()})`);
      parts.push(markdown);
    }
    return new vscode.Hover(parts, toRange(here[0].range));
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
