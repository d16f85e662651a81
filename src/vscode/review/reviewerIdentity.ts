import * as vscode from 'vscode';
import { REVIEWER_ROLES, type Reviewer, type ReviewerRole } from '../../engine';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The reviewer the settings name (`dipsample.reviewer.*`); undefined until an id is set. */
export function currentReviewer(): Reviewer | undefined {
  const config = vscode.workspace.getConfiguration('dipsample.reviewer');
  const id = config.get<string>('id', '').trim();
  if (!ID_PATTERN.test(id)) return undefined;
  const name = config.get<string>('name', '').trim();
  const role = config.get<string>('role', 'inspector') as ReviewerRole;
  return { id, ...(name ? { name } : {}), role: REVIEWER_ROLES.includes(role) ? role : 'inspector' };
}

/** The reviewer, asking for an id (and name, role) on first use; undefined when the person cancels. */
export async function ensureReviewer(): Promise<Reviewer | undefined> {
  return currentReviewer() ?? askReviewer();
}

/** Asks who is reviewing and saves it in the user settings (`dipsample.setReviewer`). */
export async function askReviewer(): Promise<Reviewer | undefined> {
  const config = vscode.workspace.getConfiguration('dipsample.reviewer');
  const id = await vscode.window.showInputBox({
    title: 'Dip-Sampler: your reviewer id',
    prompt: 'Your answers are saved as reviews/<id>.review.yaml in each sample folder.',
    placeHolder: 'e.g. INSP-07',
    value: config.get<string>('id', ''),
    ignoreFocusOut: true,
    validateInput: (value) =>
      ID_PATTERN.test(value.trim())
        ? undefined
        : 'Letters, digits, ".", "_" and "-" (up to 64), starting with a letter or digit',
  });
  if (id === undefined) return undefined;
  const name = await vscode.window.showInputBox({
    title: 'Dip-Sampler: your name (optional)',
    prompt: 'As it appears in review files and reports.',
    value: config.get<string>('name', ''),
    ignoreFocusOut: true,
  });
  if (name === undefined) return undefined;
  const role = await vscode.window.showQuickPick(
    REVIEWER_ROLES.map((value) => ({
      label: value,
      description: value === 'trainee' ? 'marks for training: never change an audit' : 'answers count in the audit',
      picked: value === config.get<string>('role', 'inspector'),
    })),
    { title: 'Dip-Sampler: your role', ignoreFocusOut: true },
  );
  if (!role) return undefined;
  const global = vscode.ConfigurationTarget.Global;
  await config.update('id', id.trim(), global);
  await config.update('name', name.trim(), global);
  await config.update('role', role.label, global);
  return currentReviewer();
}
