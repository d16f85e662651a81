import type { AuditRun } from '../model';

/** The documented JSON report: { files: [...], summary: {...} } (extra keys allowed by contract). */
export function jsonReport(run: AuditRun): string {
  const report = {
    tool: run.tool,
    files: run.files.map((file) => ({
      path: file.path,
      reference: file.reference ?? '', // '' when the file could not be read as a record
      syntaxError: file.syntaxError,
      schemaError: file.schemaError,
      findings: file.findings.map(({ rule, severity, message, range }) => ({ rule, severity, message, range })),
      results: file.results,
    })),
    summary: run.summary,
    // `--quiet`: the findings left out of `files`, per severity (the summary counts them all).
    ...(run.hiddenFindings ? { hiddenFindings: run.hiddenFindings } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
