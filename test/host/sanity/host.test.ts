// Checks the test host itself, without the extension: a real VS Code API, the workspace copy, file
// search (Debian's ripgrep) and a terminal (node-pty built locally). Run it with --suite sanity.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('VS Code test host', () => {
  it('is a real VS Code extension host', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    console.log(
      `vscode ${vscode.version}, appHost ${vscode.env.appHost}, uiKind ${vscode.env.uiKind}, remoteName ${vscode.env.remoteName}`,
    );
  });

  it('opened a copy of test/host/workspace', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    assert.match(folder.uri.path, /\/\.vscode-test\/run-[^/]+\/workspace$/);
  });

  it('finds files (ripgrep)', async () => {
    const files = await vscode.workspace.findFiles('**/*.crime.{yaml,yml,json}');
    assert.ok(files.length >= 7, `found ${files.length} crime files`);
  });

  it('starts a terminal (node-pty)', async () => {
    const term = vscode.window.createTerminal({ name: 'sanity', shellPath: '/bin/sh' });
    const pid = await Promise.race([
      term.processId,
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 10000)),
    ]);
    term.dispose();
    assert.ok(typeof pid === 'number' && pid > 0, `terminal pid: ${pid}`);
  });
});
