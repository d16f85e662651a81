import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Auditor, AuditorDefaults, FileReport, RuleSet, SampleReviews } from '../engine';
import { contentHash, type FileFingerprint } from '../node/auditJob';
import type { Concurrency } from '../node/auditPool';
import { auditBatch } from '../node/batchAudit';
import { MAX_FILE_BYTES } from '../node/nodeHost';
import type { SavedResults } from './savedResults';

/**
 * What a file's result was computed from, so a later audit can tell it is still current: the rule
 * set and review answers (by identity: the auditor makes new ones when a configuration, pack or
 * review file changes) and the text (the content on disk, or the version of an editor buffer).
 */
export interface ResultSource {
  ruleSet: RuleSet;
  reviews: SampleReviews;
  /** Audited from the file on disk, as it was then. */
  fingerprint?: FileFingerprint;
  /** Audited from an editor buffer at this document version. */
  version?: number;
}

export interface BatchResult extends ResultSource {
  file: string;
  report: FileReport;
}

/** How a result reached `onResult`: from the last session's saved results, or audited now. */
export type BatchResultKind = 'restored' | 'audited';

export interface WorkspaceAuditInput {
  auditor: Auditor;
  /** How `auditor` was made, for the workers' own auditors. */
  defaults: AuditorDefaults;
  concurrency: Concurrency;
  /** Crime files (paths), in the order to audit and report them. */
  files: readonly string[];
  /**
   * The result held in memory for a file, with what it came from; null when one is held that must
   * not be kept (a marking trainee's masked result): the file is audited, never restored.
   */
  known(file: string): (ResultSource & { report: FileReport }) | null | undefined;
  /** An open editor's buffer on the file: audited instead of the file on disk. */
  openText(file: string): { text: string; version: number } | undefined;
  /** The last session's results, for files with none in memory (shown at once, then checked like any other). */
  saved?: SavedResults;
  /** What else the saved results' keys depend on (the auditor's defaults, workspace trust, the tool). */
  savedContext?: Record<string, unknown>;
  /** Audit every file again, even those unchanged. */
  force?: boolean;
  signal?: AbortSignal;
  /** A worker script other than the bundled one (tests, the bench from source). */
  workerScript?: string;
  /** Called once the saved results are shown, before they are checked. */
  onRestored?: (count: number) => void;
}

export interface WorkspaceAuditStats {
  /** Files audited now (on the host thread or in workers). */
  audited: number;
  /** Files whose result in memory (or restored) was still current: not audited again. */
  reused: number;
  /** Files shown from the last session's saved results before being checked. */
  restored: number;
  /** Worker threads used (0: the host thread). */
  workers: number;
  cancelled: boolean;
}

/** Files read at once to check whether they changed. */
const READ_CONCURRENCY = 16;

/**
 * A folder or workspace audit as the editor runs it: results still current are kept (same rule set,
 * same review answers, same text — the content's hash for a file on disk, the document version for
 * an editor buffer), the last session's saved results stand in for files not yet audited (shown at
 * once, then checked), and only what changed is audited, in worker threads when there are many
 * (`auditBatch`). No editor API: the service supplies what is open and what it holds.
 */
export async function auditWorkspaceFiles(
  input: WorkspaceAuditInput,
  onResult: (result: BatchResult, kind: BatchResultKind) => void,
): Promise<WorkspaceAuditStats> {
  const { auditor, signal } = input;
  const stats: WorkspaceAuditStats = { audited: 0, reused: 0, restored: 0, workers: 0, cancelled: false };
  const sources: Array<{ ruleSet: RuleSet; reviews: SampleReviews }> = [];
  for (const file of input.files) {
    const [ruleSet, reviews] = await Promise.all([
      auditor.ruleSetFor(file),
      auditor.sampleFolderFor(path.dirname(file)).then((folder) => auditor.reviewsFor(folder)),
    ]);
    sources.push({ ruleSet, reviews });
  }

  // The results to check: in memory, else restored from the last session when still keyed right.
  const candidates = new Map<number, FileFingerprint | number | undefined>();
  for (let index = 0; index < input.files.length && !signal?.aborted; index++) {
    const file = input.files[index];
    const { ruleSet, reviews } = sources[index];
    const known = input.known(file);
    if (known === null) continue;
    if (known) {
      if (!input.force && known.ruleSet === ruleSet && known.reviews === reviews)
        candidates.set(index, known.fingerprint ?? known.version);
      continue;
    }
    if (input.force || !input.saved || input.openText(file)) continue;
    const entry = await input.saved.restore(file, ruleSet, reviews, input.savedContext ?? {});
    if (!entry) continue;
    const { size, mtimeMs, content } = entry;
    const fingerprint = { size, mtimeMs, content };
    onResult({ file, report: entry.report, ruleSet, reviews, fingerprint }, 'restored');
    stats.restored++;
    candidates.set(index, fingerprint);
  }

  input.onRestored?.(stats.restored);

  // Which of them are unchanged: the same buffer version, or the same content on disk.
  const toAudit: number[] = [];
  const unchanged = new Set<number>();
  let next = 0;
  const check = async () => {
    while (next < input.files.length && !signal?.aborted) {
      const index = next++;
      const was = candidates.get(index);
      if (was === undefined) continue;
      const open = input.openText(input.files[index]);
      if (open ? open.version === was : typeof was === 'object' && (await sameContent(input.files[index], was)))
        unchanged.add(index);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, check));
  for (let index = 0; index < input.files.length; index++) if (!unchanged.has(index)) toAudit.push(index);
  stats.reused = unchanged.size;
  if (signal?.aborted) return { ...stats, cancelled: true };

  const texts = new Map<string, string>();
  const versions = new Map<string, number>();
  for (const index of toAudit) {
    const open = input.openText(input.files[index]);
    if (!open) continue;
    texts.set(input.files[index], open.text);
    versions.set(input.files[index], open.version);
  }
  const files = toAudit.map((index) => input.files[index]);
  const batch = await auditBatch(
    auditor,
    files,
    {
      defaults: input.defaults,
      concurrency: input.concurrency,
      texts,
      fingerprints: true,
      ...(signal ? { signal } : {}),
      ...(input.workerScript ? { workerScript: input.workerScript } : {}),
    },
    (at, report, fingerprint) => {
      const file = files[at];
      const version = versions.get(file);
      stats.audited++;
      onResult(
        {
          file,
          report,
          ...sources[toAudit[at]],
          ...(fingerprint ? { fingerprint } : {}),
          ...(version !== undefined ? { version } : {}),
        },
        'audited',
      );
    },
  );
  stats.workers = batch.workers;
  stats.cancelled = batch.cancelled === true;
  return stats;
}

/** Whether a file on disk still has the content it was audited with (anything odd: it has not). */
async function sameContent(file: string, was: FileFingerprint): Promise<boolean> {
  try {
    const stats = await fs.stat(file);
    if (!stats.isFile() || stats.size !== was.size || stats.size > MAX_FILE_BYTES) return false;
    return contentHash(await fs.readFile(file, 'utf8')) === was.content;
  } catch {
    return false;
  }
}
