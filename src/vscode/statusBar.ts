import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AuditService } from './auditService';

export interface SampleStatus {
  text: string;
  files: number;
  findings: number;
}

/** "12 files · 34 findings" for the sample (folder) of the active crime file; click opens its summary. */
export class AuditStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dipsample.status', vscode.StatusBarAlignment.Left, 50);
  private current: SampleStatus | undefined;

  constructor(private readonly service: AuditService) {
    this.item.name = 'Crime File Dip-Sampler';
    this.item.tooltip = 'Crime files audited in this sample: click to open the sample summary';
  }

  dispose(): void {
    this.item.dispose();
  }

  status(): SampleStatus | undefined {
    return this.current;
  }

  update(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    const result = active && this.service.resultFor(active);
    if (!result) {
      this.current = undefined;
      this.item.hide();
      return;
    }
    const folder = path.dirname(result.uri.fsPath);
    let files = 0;
    let findings = 0;
    for (const audited of this.service.audited()) {
      if (path.dirname(audited.uri.fsPath) !== folder) continue;
      files++;
      findings += audited.report.findings.length;
    }
    const text = `$(checklist) ${files} file${files === 1 ? '' : 's'} · ${findings} finding${findings === 1 ? '' : 's'}`;
    this.current = { text, files, findings };
    this.item.text = text;
    this.item.command = { title: 'Open Sample Summary', command: 'dipsample.openSummary', arguments: [result.uri] };
    this.item.show();
  }
}
