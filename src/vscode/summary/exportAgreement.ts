import * as path from 'node:path';
import * as vscode from 'vscode';
import { AGREEMENT_FORMATS, type AgreementReport } from '../../report';
import type { AgreementExportFormat } from '../../protocol/agreementMessages';
import { writeExport } from './writeExport';
import { exportFolder, exportFolderText } from './exportSummary';

/** "agreement-KEY-1.csv" beside the sample folder (moderation: "agreement-moderation.md"). */
export function defaultAgreementUri(report: AgreementReport, format: AgreementExportFormat): vscode.Uri {
  const name = `agreement-${report.key ?? 'moderation'}.${AGREEMENT_FORMATS[format].extension}`;
  return vscode.Uri.file(path.join(exportFolder(report.sample.folder), name));
}

/**
 * Writes the agreement report in `format` where the user chooses (the save dialog asks before
 * replacing a file); with `target` (scripts, tests) it never replaces one. The same renderers as
 * `dipsample agreement`. Resolves to the file written, or undefined when cancelled or refused.
 */
export async function exportAgreement(
  format: AgreementExportFormat,
  report: AgreementReport,
  notify: (level: 'info' | 'error', message: string) => void,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const spec = AGREEMENT_FORMATS[format];
  const destination = await writeExport({
    title: `Export agreement report: ${spec.label} (by default ${exportFolderText(report.sample.folder)})`,
    defaultUri: defaultAgreementUri(report, format),
    label: spec.label,
    extension: spec.extension,
    render: () => spec.render(report),
    target,
    notify,
  });
  if (destination) notify('info', `Exported the agreement report (${spec.label}) to ${destination.fsPath}`);
  return destination;
}
