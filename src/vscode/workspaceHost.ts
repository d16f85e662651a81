import * as vscode from 'vscode';
import type { EngineHost } from '../engine';
import { nodeHost } from '../node/nodeHost';

/**
 * The engine's host inside VS Code: an open editor's text wins over the file on disk, so edits to
 * a .dipsample.yaml or a pack take effect before they are saved. Built-in packs ship in the
 * extension's own `rules/` folder.
 */
export function workspaceHost(extensionUri: vscode.Uri): EngineHost {
  const disk = nodeHost(vscode.Uri.joinPath(extensionUri, 'rules').fsPath);
  return {
    builtinRulesDir: disk.builtinRulesDir,
    path: disk.path,
    listFiles: disk.listFiles,
    async readFile(file) {
      const open = vscode.workspace.textDocuments.find(
        (document) => document.uri.scheme === 'file' && document.uri.fsPath === file,
      );
      return open ? open.getText() : disk.readFile(file);
    },
  };
}
