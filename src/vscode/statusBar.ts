import * as path from 'node:path';
import * as vscode from 'vscode';
import { isCrimeFile, markingProgress } from '../engine';
import { configurationNotice, configurationNoticeText, countOf } from '../report';
import type { AuditService } from './auditService';
import { OPEN_REVIEW_PANEL } from './review/reviewPanel';

/** Samples up to this many files are audited in the background so the status bar counts all of them. */
const BACKGROUND_AUDIT_LIMIT = 2000;
/** Changes within this window update the status bar once. */
const UPDATE_DELAY_MS = 50;

export interface SampleStatus {
  text: string;
  files: number;
  findings: number;
  /** The sample's crime files, when not all of them are audited yet (a sample too large to audit in the background). */
  of?: number;
  /** The configuration of the sample has problems: the status says so, the tooltip says which. */
  configurationProblems?: boolean;
  /** In marking mode: the active file's criteria the trainee has marked (findings are hidden). */
  marking?: { reviewer: string; marked: number; total: number };
}

const TOOLTIP = 'Crime files audited in this sample: click to open the sample summary';

/**
 * "12 files · 34 findings" for the sample of the active crime file (every crime file under its
 * sample folder, audited in the background when not yet audited), with "configuration problems"
 * when its packs or `.dipsample.yaml` are broken; click opens its summary. In marking mode
 * "Marking · 5 of 32 marked" for the active file; click opens the Review panel.
 */
export class AuditStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dipsample.status', vscode.StatusBarAlignment.Left, 50);
  private current: SampleStatus | undefined;
  /** The crime files of each sample folder the status bar has counted, until one is added or removed. */
  private readonly listings = new Map<string, Promise<vscode.Uri[]>>();
  private readonly auditing = new Set<string>();
  private readonly subscription: vscode.Disposable;
  private generation = 0;

  constructor(private readonly service: AuditService) {
    this.item.name = 'Crime File Dip-Sampler';
    this.item.tooltip = TOOLTIP;
    this.subscription = service.onDidChange(({ uri, result }) => this.forgetListings(uri, result !== undefined));
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }

  status(): SampleStatus | undefined {
    return this.current;
  }

  /** Recount soon (changes arriving together recount once); the service's whenIdle() waits for it. */
  update(): void {
    this.service.debounceTask('status-bar', UPDATE_DELAY_MS, () => this.refresh());
  }

  /** A file was added to or removed from a sample: its listing is read again. */
  private forgetListings(uri: vscode.Uri, present: boolean): void {
    for (const [folder, listing] of this.listings) {
      if (!isUnder(uri.fsPath, folder)) continue;
      void listing.then((uris) => {
        const listed = uris.some((listed) => listed.toString() === uri.toString());
        if (listed !== present && this.listings.get(folder) === listing) this.listings.delete(folder);
      });
    }
  }

  private listing(folder: string): Promise<vscode.Uri[]> {
    let listing = this.listings.get(folder);
    if (!listing) {
      listing = this.service.crimeFilesIn(vscode.Uri.file(folder));
      this.listings.set(folder, listing);
    }
    return listing;
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    // A panel beside the file (Review, summary) has the focus: the status stays the visible crime file's.
    const active =
      vscode.window.activeTextEditor?.document.uri ??
      vscode.window.visibleTextEditors.map((editor) => editor.document.uri).find((uri) => isCrimeFile(uri.fsPath));
    const result = active && this.service.resultFor(active);
    if (!result) {
      this.current = undefined;
      this.item.hide();
      return;
    }
    this.item.backgroundColor = undefined;
    if (result.marking) {
      const { marked, total } = markingProgress(result.marking, result.report.reference, result.ruleSet);
      const reviewer = result.marking.reviewer.id;
      const text = `$(mortar-board) Marking · ${marked} of ${total} marked`;
      this.current = { text, files: 0, findings: 0, marking: { reviewer, marked, total } };
      this.item.text = text;
      this.item.tooltip = `Marking mode (${reviewer}, trainee): the machine's findings are hidden until you submit (Dip-Sampler: Submit Marking…). Click to open the Review panel.`;
      this.item.command = { title: 'Open Review Panel', command: OPEN_REVIEW_PANEL, arguments: [result.uri] };
      this.item.show();
      return;
    }
    const folder = await this.service.sampleFolderFor(result.uri);
    const listed = await this.listing(folder);
    if (generation !== this.generation) return;
    const uris = listed.some((uri) => uri.toString() === result.uri.toString()) ? listed : [...listed, result.uri];
    const audited = uris.flatMap((uri) => this.service.resultFor(uri) ?? []);
    const pending = uris.filter((uri) => !this.service.resultFor(uri));
    const name = path.basename(folder);
    if (pending.length > 0 && pending.length <= BACKGROUND_AUDIT_LIMIT) {
      if (!this.auditing.has(folder)) {
        this.auditing.add(folder);
        void this.service
          .auditInBackground(pending, `Auditing sample ${name}`, () => {
            this.auditing.delete(folder);
            this.update();
          })
          .catch(() => undefined);
      }
      // Until the sample is audited the figures would be a part taken for the whole: none are shown.
      this.current = undefined;
      this.item.text = `$(sync~spin) Auditing sample · ${audited.length} of ${countOf(uris.length, 'file')}`;
      this.item.tooltip = `Auditing the crime files of ${name}: the status bar counts the whole sample`;
      this.item.command = { title: 'Open Sample Summary', command: 'dipsample.openSummary', arguments: [result.uri] };
      this.item.show();
      return;
    }
    const files = audited.length;
    const findings = audited.reduce((sum, file) => sum + file.report.findings.length, 0);
    const notice = configurationNotice([...new Set(audited.map((file) => file.ruleSet))]);
    const counted = pending.length > 0 ? `${files} of ${countOf(uris.length, 'file')}` : countOf(files, 'file');
    const figures = `${counted} · ${countOf(findings, 'finding')}`;
    const text = notice ? `$(warning) ${figures} · configuration problems` : `$(checklist) ${figures}`;
    this.current = {
      text,
      files,
      findings,
      ...(pending.length > 0 ? { of: uris.length } : {}),
      ...(notice ? { configurationProblems: true } : {}),
    };
    this.item.text = text;
    const lines = notice ? configurationNoticeText({ name, folder, packs: [], configuration: notice }) : [];
    this.item.tooltip = notice
      ? new vscode.MarkdownString(
          [...lines.map((line) => `- ${escapeMarkdown(line)}`), '', escapeMarkdown(TOOLTIP)].join('\n'),
        )
      : TOOLTIP;
    if (notice) this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.command = { title: 'Open Sample Summary', command: 'dipsample.openSummary', arguments: [result.uri] };
    this.item.show();
  }
}

function isUnder(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
