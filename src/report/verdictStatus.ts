import type { VerdictDeclaration } from '../engine';
import type { VerdictStatus } from './model';

export interface VerdictCounts {
  failedFiles: number;
  applicableFiles: number;
  awaitingFiles: number;
}

/** A verdict's status from its file counts (awaiting judgment only while failures do not already decide it). */
export function verdictStatus(verdict: VerdictDeclaration, counts: VerdictCounts): VerdictStatus {
  const { failedFilesAtLeast, failedShareAtLeast } = verdict.unsatisfactoryWhen;
  const { failedFiles, applicableFiles, awaitingFiles } = counts;
  if (applicableFiles === 0) return 'notApplicable';
  const unsatisfactory =
    (failedFilesAtLeast !== undefined && failedFiles >= failedFilesAtLeast) ||
    (failedShareAtLeast !== undefined && failedFiles / applicableFiles >= failedShareAtLeast);
  return unsatisfactory ? 'unsatisfactory' : awaitingFiles > 0 ? 'awaitingJudgment' : 'satisfactory';
}

/** "unsatisfactory when at least 6 files fail or at least 50% of files fail". */
export function verdictThreshold(verdict: VerdictDeclaration): string {
  const { failedFilesAtLeast, failedShareAtLeast } = verdict.unsatisfactoryWhen;
  const parts = [
    failedFilesAtLeast !== undefined ? `at least ${failedFilesAtLeast} files fail` : undefined,
    failedShareAtLeast !== undefined
      ? `at least ${Math.round(failedShareAtLeast * 1000) / 10}% of files fail`
      : undefined,
  ].filter(Boolean);
  return `unsatisfactory when ${parts.join(' or ')}`;
}
