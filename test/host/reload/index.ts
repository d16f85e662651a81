// extensionTestsPath entry of the reload suite: the window is loaded twice. The first load runs the
// 1-*.test.js files (they leave a summary open), then reloads the window as a user would (Developer:
// Reload Window: the workbench saves its state, then reloads). The reloaded window runs this entry
// again; that second load runs the 2-*.test.js files against what the workbench restored.
import * as vscode from 'vscode';
import { askHarness } from '../bridge';
import { runMochaIn } from '../runner';

export async function run(): Promise<void> {
  const load = await askHarness<number>('load', {});
  await runMochaIn(__dirname, (file) => file.startsWith(`${load}-`));
  if (load === 1) {
    await askHarness('reloading', {});
    await vscode.commands.executeCommand('workbench.action.reloadWindow');
    // This extension host ends with the window; the second load reports the result.
    await new Promise(() => undefined);
  }
}
