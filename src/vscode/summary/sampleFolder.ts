import * as path from 'node:path';
import * as vscode from 'vscode';
import { CRIME_FILE_GLOB, isCrimeFile, MANIFEST_FILE_NAME } from '../../engine';
import { sampleFolderPath } from '../sampleConfig';

const EXCLUDE = '**/{node_modules,.git}/**';

/** The crime files of a sample: everything under its folder, in a stable order. */
export async function findCrimeFiles(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, CRIME_FILE_GLOB), EXCLUDE);
  return uris.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

/**
 * The sample folders below a folder (each with its sample.yaml; the folder's own manifest left out),
 * in a stable order: summarised together, a row group each, when there are several.
 */
export async function findSampleFolders(folder: vscode.Uri): Promise<string[]> {
  const manifests = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, `**/${MANIFEST_FILE_NAME}`),
    EXCLUDE,
  );
  return manifests
    .map((uri) => path.dirname(uri.fsPath))
    .filter((dir) => path.relative(folder.fsPath, dir) !== '')
    .sort((a, b) => a.localeCompare(b));
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return true;
  } catch {
    return false;
  }
}

/**
 * The sample a file belongs to: the nearest folder above it (within its workspace folder) holding
 * a sample.yaml, or the file's own folder when there is none.
 */
export async function sampleFolderOf(file: vscode.Uri): Promise<vscode.Uri> {
  const root = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath;
  return vscode.Uri.file(await sampleFolderPath(file.fsPath, exists, root));
}

/**
 * Which sample to summarise: the folder or manifest given (explorer, status bar), else the active
 * editor's sample, else one the user picks among the workspace's manifests (or any folder).
 */
export async function resolveSampleFolder(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (target) {
    if (await isDirectory(target)) return target;
    if (path.basename(target.fsPath) === MANIFEST_FILE_NAME) return vscode.Uri.file(path.dirname(target.fsPath));
    return sampleFolderOf(target);
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && (isCrimeFile(active.fsPath) || path.basename(active.fsPath) === MANIFEST_FILE_NAME))
    return sampleFolderOf(active);

  const manifests = await vscode.workspace.findFiles(`**/${MANIFEST_FILE_NAME}`, EXCLUDE, 500);
  const choose = '$(folder-opened) Choose a folder…';
  const items = manifests
    .map((uri) => ({
      label: vscode.workspace.asRelativePath(path.dirname(uri.fsPath), true),
      uri: vscode.Uri.file(path.dirname(uri.fsPath)),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const picked = await vscode.window.showQuickPick([...items, { label: choose, uri: undefined }], {
    title: 'Summarise which sample?',
    placeHolder: 'A folder with a sample.yaml, or any folder of crime files',
  });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const folders = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Summarise',
  });
  return folders?.[0];
}
