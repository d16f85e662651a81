import type { VerdictDeclaration } from '../engine';
import type { VerdictStatus, VerdictSummary } from './model';
import { wilsonInterval } from './wilson';

export interface VerdictCounts {
  failedFiles: number;
  applicableFiles: number;
  awaitingFiles: number;
}

type Decided = Exclude<VerdictStatus, 'awaitingJudgment' | 'notApplicable'>;

/** A percentage for thresholds and national figures: 32.3, 30, 22.3. */
function percentText(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

/** 2540 → "2,540". */
function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** The share of failing files at or above which a threshold verdict is unsatisfactory, on `applicable` files. */
function failsThreshold(verdict: VerdictDeclaration, failed: number, applicable: number): boolean {
  const { failedFilesAtLeast, failedShareAtLeast, ofFiles } = verdict.unsatisfactoryWhen ?? {};
  const byCount =
    failedFilesAtLeast !== undefined &&
    (ofFiles === undefined || applicable === ofFiles
      ? failed >= failedFilesAtLeast
      : failed * ofFiles >= failedFilesAtLeast * applicable);
  const byShare = failedShareAtLeast !== undefined && failed / applicable >= failedShareAtLeast;
  return byCount || byShare;
}

/**
 * Above, below or not distinguishable from the national share: whether the 95% Wilson interval of
 * `failed` of `n` lies wholly above it, wholly below it, or contains it.
 */
export function comparedWithNational(failed: number, n: number, national: { failed: number; of: number }): Decided {
  const interval = wilsonInterval(failed, n)!;
  const share = (100 * national.failed) / national.of;
  return interval.low > share ? 'above' : interval.high < share ? 'below' : 'notDistinguishable';
}

/**
 * A verdict's status from its file counts. While files await a reviewer the status is
 * `awaitingJudgment` unless the files decided so far already settle it: a threshold already
 * reached, or a comparison that comes out the same whether every awaiting file fails or passes.
 */
export function verdictStatus(verdict: VerdictDeclaration, counts: VerdictCounts): VerdictStatus {
  const { failedFiles, applicableFiles, awaitingFiles } = counts;
  if (applicableFiles === 0) return 'notApplicable';
  const national = verdict.comparedWith;
  if (national) {
    const ifAllPass = comparedWithNational(failedFiles, applicableFiles, national);
    if (awaitingFiles === 0) return ifAllPass;
    const ifAllFail = comparedWithNational(failedFiles + awaitingFiles, applicableFiles, national);
    return ifAllPass === ifAllFail ? ifAllPass : 'awaitingJudgment';
  }
  // Files awaiting judgment cannot lower the failures: a threshold reached with them all passing stands.
  if (failsThreshold(verdict, failedFiles, applicableFiles)) return 'unsatisfactory';
  return awaitingFiles > 0 ? 'awaitingJudgment' : 'satisfactory';
}

/**
 * "unsatisfactory when at least 6 files fail or at least 50% of files fail"; "at least 6 of 20
 * files fail (scaled to 30% of the 17 applicable files)"; "compared with 821 of 2,540 nationally
 * (32.3%)".
 */
export function verdictThreshold(verdict: VerdictDeclaration, applicableFiles?: number): string {
  const national = verdict.comparedWith;
  if (national)
    return `compared with ${count(national.failed)} of ${count(national.of)} nationally (${percentText((100 * national.failed) / national.of)})`;
  const { failedFilesAtLeast, failedShareAtLeast, ofFiles } = verdict.unsatisfactoryWhen ?? {};
  const scaled = isScaled(verdict, applicableFiles);
  const byCount =
    failedFilesAtLeast === undefined
      ? undefined
      : ofFiles === undefined
        ? `at least ${failedFilesAtLeast} files fail`
        : `at least ${failedFilesAtLeast} of ${ofFiles} files fail` +
          (scaled
            ? ` (scaled to ${percentText((100 * failedFilesAtLeast) / ofFiles)} of the ${applicableFiles} applicable files)`
            : '');
  const parts = [
    byCount,
    failedShareAtLeast !== undefined ? `at least ${percentText(failedShareAtLeast * 100)} of files fail` : undefined,
  ].filter(Boolean);
  return `unsatisfactory when ${parts.join(' or ')}`;
}

/** A count set for `ofFiles` files, applied to another number of applicable files. */
export function isScaled(verdict: VerdictDeclaration, applicableFiles: number | undefined): boolean {
  const ofFiles = verdict.unsatisfactoryWhen?.ofFiles;
  return ofFiles !== undefined && applicableFiles !== undefined && applicableFiles > 0 && applicableFiles !== ofFiles;
}

/** The summary of one verdict from its declaration and counts. */
export function verdictSummary(verdict: VerdictDeclaration, counts: VerdictCounts): VerdictSummary {
  const summary: VerdictSummary = {
    verdict: verdict.id,
    title: verdict.title,
    pack: verdict.pack,
    status: verdictStatus(verdict, counts),
    failedFiles: counts.failedFiles,
    awaitingFiles: counts.awaitingFiles,
    applicableFiles: counts.applicableFiles,
    threshold: verdictThreshold(verdict, counts.applicableFiles),
    rules: verdict.rules,
  };
  const national = verdict.comparedWith;
  if (national) {
    summary.national = {
      failed: national.failed,
      of: national.of,
      percent: (100 * national.failed) / national.of,
      ...(national.note !== undefined ? { note: national.note } : {}),
    };
    const decided = counts.applicableFiles - counts.awaitingFiles;
    const interval = wilsonInterval(counts.failedFiles, decided);
    if (interval) {
      summary.failedPercent = (100 * counts.failedFiles) / decided;
      summary.interval = interval;
    }
  }
  if (isScaled(verdict, counts.applicableFiles)) summary.scaled = true;
  return summary;
}
