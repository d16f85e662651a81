import type { FileReport } from '../../engine';
import type { AuditRun, AuditRunHead } from '../model';
import { JsonArrayPieces, nestedJson, renderWhole, type AuditWriter } from './auditStream';

/** The documented JSON report: { files: [...], summary: {...} } (extra keys allowed by contract). */
export function jsonReport(run: AuditRun): string {
  return renderWhole(jsonWriter, run);
}

/** The JSON report written file by file: the same bytes as stringifying the whole report at once. */
export function jsonWriter(head: AuditRunHead): AuditWriter {
  const files = new JsonArrayPieces(1);
  return {
    head: () => `{\n  "tool": ${nestedJson(head.tool, 1)},\n  "files": [`,
    file: (file) => files.item(fileEntry(file)),
    tail: ({ summary, hiddenFindings }) =>
      `${files.close()},\n  "summary": ${nestedJson(summary, 1)}` +
      // `--quiet`: the findings left out of `files`, per severity (the summary counts them all).
      (hiddenFindings ? `,\n  "hiddenFindings": ${nestedJson(hiddenFindings, 1)}` : '') +
      '\n}\n',
  };
}

function fileEntry(file: FileReport) {
  return {
    path: file.path,
    reference: file.reference ?? '', // '' when the file could not be read as a record
    syntaxError: file.syntaxError,
    schemaError: file.schemaError,
    findings: file.findings.map(({ rule, severity, message, range }) => ({ rule, severity, message, range })),
    results: file.results,
  };
}
