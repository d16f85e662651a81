import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../../report';
import { webviewRoot } from '../summary/summaryHtml';

/**
 * The Review panel's page shell, under the same policy as the summary's: one nonce-tagged script and
 * one stylesheet from dist/webview, nothing inline, nothing remote. The script draws everything else
 * from the host's messages (as text nodes).
 */
export function reviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'review.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'review.css'));
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
<title>Review</title>
</head>
<body>
<main id="app"><p>Loading the review…</p></main>
<script nonce="${nonce}" src="${escapeHtml(script.toString())}"></script>
</body>
</html>`;
}
