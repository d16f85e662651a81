import { createHash } from 'node:crypto';
import { INTERNAL_RULE, unauditedReport, type Auditor, type FileReport } from '../engine';
import { readTextFileSync } from './nodeHost';

/** A file to audit: its index in the run, its path, and its text when the caller read it already. */
export interface AuditJob {
  index: number;
  file: string;
  text?: string;
  /** Also say what the file was when read (size, time, content hash): the audit cache records it. */
  fingerprint?: boolean;
}

/** What the audit cache knows a file by: its content's hash, and the size and time that let it skip reading. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  content: string;
}

export interface AuditJobResult {
  index: number;
  report: FileReport;
  fingerprint?: FileFingerprint;
}

/** For tests: what runs before each file is audited (a fault injected there must not stop the run). */
export interface AuditJobHooks {
  beforeAudit?: (file: string) => void;
}

/**
 * The hash a file's content is known by in the audit cache: of its text (as UTF-8), or of its
 * bytes, which is the same hash whenever the bytes are valid UTF-8.
 */
export function contentHash(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64');
}

/**
 * Audits one file, on the main thread or in a worker alike. Never throws: whatever the file does
 * to the engine, its report says it was not audited and the run goes on.
 */
export async function auditJob(
  auditor: Auditor,
  job: AuditJob,
  configFile: string | undefined,
  hooks: AuditJobHooks = {},
): Promise<AuditJobResult> {
  try {
    hooks.beforeAudit?.(job.file);
    if (job.fingerprint && job.text === undefined) {
      // Read once, for the audit and its fingerprint; a file that cannot be read is the auditor's to report.
      let read;
      try {
        read = readTextFileSync(job.file);
      } catch {
        read = undefined;
      }
      if (read) {
        const { report } = await auditor.auditFile(job.file, read.text, configFile);
        return {
          index: job.index,
          report,
          fingerprint: { size: read.size, mtimeMs: read.mtimeMs, content: contentHash(read.text) },
        };
      }
    }
    const { report } = await auditor.auditFile(job.file, job.text, configFile);
    return { index: job.index, report };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message = `dipsample could not audit this file (internal error: ${reason.slice(0, 200)})`;
    return { index: job.index, report: unauditedReport(job.file, INTERNAL_RULE, message) };
  }
}
