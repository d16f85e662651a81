/**
 * Which agreement the summary's Marking view shows, and its figures: with a trainer's review file
 * the key is theirs (the one asked for, else the first trainer by id); without one, and with two
 * raters or more, moderation (the raters among themselves). Pure (no editor API), unit-tested.
 */
import * as path from 'node:path';
import type { FileReport, ReviewFile, RuleSet } from '../../engine';
import { agreementReport, type AgreementReport } from '../../report';
import { agreementReportView, type AgreementView, type KeyChoice } from '../../protocol/agreementMessages';

export interface MarkingInput {
  sample: { folder: string; name: string };
  reviews: readonly ReviewFile[];
  /** The sample's reports, with absolute paths (as the summary's tally holds them). */
  reports: Iterable<FileReport>;
  ruleSets: readonly RuleSet[];
}

/**
 * The agreement for the view, or undefined when there is nothing to compare (no trainer and fewer
 * than two raters). `requested`: the key the person picked (a trainer's id), null for moderation,
 * undefined for the default.
 */
export function markingAgreement(
  input: MarkingInput,
  requested: string | null | undefined,
): { report: AgreementReport; view: AgreementView } | undefined {
  const readable = input.reviews.filter((review) => review.reviewer !== undefined);
  const keys: KeyChoice[] = readable
    .filter((review) => review.reviewer?.role === 'trainer')
    .map((review) => ({
      id: review.reviewer!.id,
      ...(review.reviewer!.name !== undefined ? { name: review.reviewer!.name } : {}),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const moderation = readable.length >= 2;
  if (keys.length === 0 && !moderation) return undefined;
  const key =
    requested === null && moderation ? undefined : (keys.find((choice) => choice.id === requested) ?? keys[0])?.id;
  const reports = [...input.reports].map((report) => ({
    ...report,
    path: path.relative(input.sample.folder, report.path).split(path.sep).join('/'),
  }));
  const report = agreementReport({
    sample: input.sample,
    reviews: input.reviews,
    reports,
    ruleSets: input.ruleSets,
    ...(key !== undefined ? { key } : {}),
  });
  return { report, view: { report: agreementReportView(report), keys, moderation } };
}
