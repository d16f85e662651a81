import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../report';

/** The only folder a summary webview may load from: the bundled script and stylesheet. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [webviewRoot(extensionUri)],
    // The panel redraws from the host's state when shown again; no need to keep a hidden DOM alive.
    retainContextWhenHidden: false,
  };
}

/**
 * The page shell: a strict policy (nothing inline but the nonce-tagged script, nothing remote) and
 * the sample folder as an escaped attribute. Everything else is drawn by the script from messages.
 */
export function summaryHtml(webview: vscode.Webview, extensionUri: vscode.Uri, folder: string): string {
  const nonce = randomBytes(16).toString('base64');
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'summary.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'summary.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(style.toString())}">
<title>Sample summary</title>
</head>
<body data-folder="${escapeHtml(folder)}">
<main id="app"><p>Loading the sample summary…</p></main>
<script nonce="${nonce}" src="${escapeHtml(script.toString())}"></script>
</body>
</html>`;
}
