import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../node/writeFileAtomic';
import { REPORT_FORMATS, SAMPLES_TOTAL, sampleReport, type SampleInfo, type SampleTally } from '../../report';
import type { ExportFormat } from '../../protocol/summaryMessages';

const SUFFIX: Record<ExportFormat, string> = {
  'csv-files': 'files',
  'csv-summary': 'summary',
  'csv-verdicts': 'verdicts',
  'csv-breakdowns': 'breakdowns',
  markdown: 'summary',
  html: 'report',
};

/** "Hmic 2014 / Northmoor" → "hmic-2014-northmoor": a safe default file name. */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'sample'
  );
}

/**
 * Where exports go by default: beside the sample folder (its parent), never among its crime files,
 * where the next audit would meet them; the workspace folder itself when the sample is that folder
 * or lies outside the workspace's folders.
 */
export function exportFolder(sampleFolder: string): string {
  const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(sampleFolder))?.uri.fsPath;
  if (root === undefined) return path.dirname(sampleFolder);
  return path.relative(root, sampleFolder) === '' ? root : path.dirname(sampleFolder);
}

/** "beside the sample folder (bundled/)": where the save dialog opens, in words. */
export function exportFolderText(sampleFolder: string): string {
  const folder = exportFolder(sampleFolder);
  const where = vscode.workspace.asRelativePath(folder, false);
  return folder === sampleFolder
    ? `in the workspace folder`
    : `beside the sample folder, in ${where === folder ? folder : `${where}/`}`;
}

export function defaultExportUri(sample: SampleInfo, format: ExportFormat): vscode.Uri {
  return vscode.Uri.file(
    path.join(
      exportFolder(sample.folder),
      `${slug(sample.name)}-${SUFFIX[format]}.${REPORT_FORMATS[format].extension}`,
    ),
  );
}

/**
 * Writes the summary in `format` where the user chooses (the save dialog asks before replacing a
 * file). With `target` (scripts, tests) it never replaces an existing file. Resolves to the file
 * written, or undefined when cancelled or refused.
 */
export async function exportSummary(
  format: ExportFormat,
  sample: SampleInfo,
  tally: SampleTally,
  notify: (level: 'info' | 'error', message: string) => void,
  target?: vscode.Uri,
  /** A folder of samples: each sample and its tally (the `tally` above is their total), rendered as `dipsample report a b c` does. */
  samples?: ReadonlyArray<{ sample: SampleInfo; tally: SampleTally }>,
): Promise<vscode.Uri | undefined> {
  // The registry of `dipsample report`: one sample renders as its sample format, several as the report across them.
  const spec = REPORT_FORMATS[format];
  let destination = target;
  if (destination) {
    const taken = await vscode.workspace.fs.stat(destination).then(
      () => true,
      () => false,
    );
    if (taken) {
      notify('error', `Not exported: ${destination.fsPath} already exists.`);
      return undefined;
    }
  } else {
    destination = await vscode.window.showSaveDialog({
      title: `Export sample summary: ${spec.label} (by default ${exportFolderText(sample.folder)})`,
      defaultUri: defaultExportUri(sample, format),
      filters: { [spec.label]: [spec.extension] },
      saveLabel: 'Export',
    });
    if (!destination) return undefined;
  }
  const generated = new Date().toISOString();
  const text = samples
    ? spec.render({
        samples: samples.map((each) => ({
          path: path.relative(sample.folder, each.sample.folder).replace(/\\/g, '/') || '.',
          report: sampleReport(each.sample, each.tally),
          reports: each.tally.files(),
        })),
        total: sampleReport({ ...sample, name: SAMPLES_TOTAL }, tally),
        generated,
      })
    : spec.render(oneSample(sampleReport(sample, tally), tally.files(), generated));
  try {
    if (destination.scheme === 'file') {
      // Atomic, never through a symbolic link; replaces only what the save dialog agreed to replace.
      // The folder is made first, as workspace.fs.writeFile would.
      await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(destination.fsPath)));
      await writeFileAtomic(destination.fsPath, text, { overwrite: !target });
    } else {
      await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(text));
    }
  } catch (error) {
    notify('error', `Export failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  notify('info', `Exported ${spec.label} to ${destination.fsPath}`);
  void vscode.window
    .showInformationMessage(`Sample summary exported to ${vscode.workspace.asRelativePath(destination)}`, 'Open')
    .then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', destination);
    });
  return destination;
}

/** One sample as `dipsample report` takes it: the sample itself is the total. */
function oneSample(
  report: ReturnType<typeof sampleReport>,
  reports: ReturnType<SampleTally['files']>,
  generated: string,
) {
  return { samples: [{ path: '.', report, reports }], total: report, generated };
}
