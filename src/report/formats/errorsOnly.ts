import type { FileReport } from '../../engine';
import type { AuditRun, AuditRunEnd } from '../model';
import type { AuditWriter } from './auditStream';

/**
 * A file as `--quiet` shows it: only its error findings; the others are added to `hidden` (per
 * severity) so every format can say they were hidden.
 */
export function errorFindingsOnly(file: FileReport, hidden: Record<string, number>): FileReport {
  const kept = file.findings.filter((finding) => {
    if (finding.severity === 'error') return true;
    hidden[finding.severity] = (hidden[finding.severity] ?? 0) + 1;
    return false;
  });
  return kept.length === file.findings.length ? file : { ...file, findings: kept };
}

/**
 * The run as `--quiet` shows it: only error findings in the files; the others are counted in
 * `hiddenFindings` (per severity). The summary (rule outcomes, finding counts) is the whole
 * audit's, unchanged.
 */
export function errorsOnly(run: AuditRun): AuditRun {
  const hidden: Record<string, number> = {};
  const files = run.files.map((file) => errorFindingsOnly(file, hidden));
  return Object.keys(hidden).length === 0 ? run : { ...run, files, hiddenFindings: hidden };
}

/** A writer that shows what `errorsOnly` shows, file by file. */
export function errorsOnlyWriter(writer: AuditWriter): AuditWriter {
  const hidden: Record<string, number> = {};
  return {
    head: () => writer.head(),
    file: (report) => writer.file(errorFindingsOnly(report, hidden)),
    tail: (end) => writer.tail(Object.keys(hidden).length === 0 ? end : { ...end, hiddenFindings: hidden }),
  };
}

/** "--quiet: 3 warning, 1 information not shown", or undefined when nothing was hidden. */
export function hiddenFindingsText(run: Pick<AuditRunEnd, 'hiddenFindings'>): string | undefined {
  const hidden = run.hiddenFindings;
  if (!hidden) return undefined;
  const parts = (['warning', 'information', 'hint'] as const)
    .filter((severity) => (hidden[severity] ?? 0) > 0)
    .map((severity) => `${hidden[severity]} ${severity}`);
  if (parts.length === 0) return undefined;
  return `--quiet: ${parts.join(', ')} not shown`;
}
