import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Asks for a path in an input box (prefilled, relative paths taken from `base`): an input box, not
 * a file dialog, so it works the same in the desktop and the web workbench and a test can answer it.
 */
export async function askPath(title: string, prompt: string, value: string, base: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt,
    value,
    validateInput: (text) => (text.trim() === '' ? 'Give a path' : undefined),
  });
  return answer === undefined ? undefined : path.resolve(base, answer.trim());
}

/** True to go on: the folder does not exist, or the user agreed to replace it (then `force`). */
export async function confirmReplace(folder: string, what: string): Promise<{ go: boolean; force: boolean }> {
  if (!existsSync(folder)) return { go: true, force: false };
  const replace = 'Replace';
  const choice = await vscode.window.showWarningMessage(
    `${folder} already exists. Replace it with the ${what}? Everything in it will be lost.`,
    { modal: true },
    replace,
  );
  return { go: choice === replace, force: choice === replace };
}

/** A file beside `folder` when it exists, for prefilling. */
export function besideIfExists(folder: string, name: string): string | undefined {
  const candidate = path.join(folder, name);
  return existsSync(candidate) ? candidate : undefined;
}
