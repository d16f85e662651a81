import type * as vscode from 'vscode';
import { webviewPageHtml } from '../webviewPage';

/** The summary's page shell, with the sample folder as an (escaped) attribute of the body. */
export function summaryHtml(webview: vscode.Webview, extensionUri: vscode.Uri, folder: string): string {
  return webviewPageHtml(webview, extensionUri, {
    bundle: 'summary',
    title: 'Sample summary',
    loading: 'Loading the sample summary…',
    bodyAttributes: { 'data-folder': folder },
  });
}
