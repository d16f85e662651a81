import type * as vscode from 'vscode';
import { webviewPageHtml } from '../webviewPage';

/**
 * The Review panel's page shell, under the same policy as the summary's. The script draws
 * everything else from the host's messages (as text nodes).
 */
export function reviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewPageHtml(webview, extensionUri, { bundle: 'review', title: 'Review', loading: 'Loading the review…' });
}
