// What the summary host tests share: the bundled sample they open, the CLI's JSON summary of a folder
// (the figures the webview must show), and the harness bridge into the summary webview.
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { askHarness } from './bridge';
import { extension } from './util';

export const BUNDLED = 'bundled/training-basics';
export const BUNDLED_NAME = 'Training basics: the four core rules';

export interface CliSummary {
  files: unknown[];
  summary: {
    files: number;
    filesWithSyntaxErrors: number;
    rules: Array<{
      rule: string;
      failed: number;
      passed: number;
      notApplicable: number;
      awaitingJudgment: number;
      notAudited: number;
    }>;
  };
}

export function cliJson(folder: vscode.Uri): CliSummary {
  const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
  const json = execFileSync(process.execPath, [cli, 'audit', folder.fsPath, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return JSON.parse(json) as CliSummary;
}

/** Asks the harness to act on the summary webview showing `sample` (see scripts/run-vscode-tests.mjs). */
export function webview<T = string>(sample: string, action: string, args: Record<string, unknown> = {}): Promise<T> {
  return askHarness<T>('webview', { sample, action, ...args }, 30000);
}

export function summaryTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('dipsample.summary'));
}

export async function openSummary(folder: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('dipsample.openSummary', folder);
}

/** The rules table's failed-count cell of `rule`. */
export const failedCell = (rule: string) => `#rules-table tr[data-rule="${rule}"] td[data-count="failed"]`;
