import { csvTable, type CsvCell } from '../formats/csvTable';
import { agreementHtml } from './agreementHtml';
import { agreementMarkdown } from './agreementMarkdown';
import { agreementTextReport } from './agreementText';
import type { AgreementReport } from './model';

export interface AgreementFormat {
  label: string;
  /** File name extension, without the dot. */
  extension: string;
  render(report: AgreementReport): string;
}

/**
 * Every format of the agreement report (`dipsample agreement --format`, the Marking view's
 * exports): the one registry both read.
 */
export const AGREEMENT_FORMATS = {
  text: { label: 'Text', extension: 'txt', render: agreementTextReport },
  json: { label: 'JSON', extension: 'json', render: (report) => `${JSON.stringify(report, null, 2)}\n` },
  csv: { label: 'CSV: one row per rater and criterion', extension: 'csv', render: agreementCsv },
  markdown: { label: 'Markdown', extension: 'md', render: agreementMarkdown },
  html: { label: 'HTML (standalone page)', extension: 'html', render: (report) => agreementHtml(report) },
} as const satisfies Record<string, AgreementFormat>;

export type AgreementFormatId = keyof typeof AGREEMENT_FORMATS;
export const AGREEMENT_FORMAT_IDS = Object.keys(AGREEMENT_FORMATS) as AgreementFormatId[];

export function isAgreementFormatId(id: unknown): id is AgreementFormatId {
  return typeof id === 'string' && (AGREEMENT_FORMAT_IDS as string[]).includes(id);
}

const round = (value: number | null | undefined, digits: number): CsvCell =>
  value === null || value === undefined ? '' : Number(value.toFixed(digits));

/**
 * Long format, one row per rater and criterion (with a key), for a spreadsheet or R; without a key
 * one row per criterion across raters (alpha).
 */
function agreementCsv(report: AgreementReport): string {
  if (report.key === null) {
    return csvTable(
      ['rule', 'title', 'kind', 'alpha', 'alpha_units'],
      report.criteria.map((criterion) => [
        criterion.rule,
        criterion.title,
        criterion.kind,
        round(criterion.alpha, 4),
        criterion.alphaUnits,
      ]),
    );
  }
  return csvTable(
    [
      'key',
      'reviewer',
      'name',
      'role',
      'submitted',
      'rule',
      'title',
      'kind',
      'n',
      'agreed',
      'percent',
      'ci_low',
      'ci_high',
      'kappa',
      'kappa_low',
      'kappa_high',
      'chance_agreement',
      'unmarked',
    ],
    report.raters.flatMap((rater) =>
      rater.criteria.map((criterion) => [
        report.key ?? '',
        rater.reviewer,
        rater.name ?? '',
        rater.role,
        rater.submitted ?? '',
        criterion.rule,
        criterion.title,
        criterion.kind,
        criterion.n,
        criterion.agreed,
        round(criterion.percent, 1),
        round(criterion.interval?.low, 1),
        round(criterion.interval?.high, 1),
        round(criterion.kappa, 4),
        round(criterion.kappaInterval?.low, 4),
        round(criterion.kappaInterval?.high, 4),
        round(criterion.chanceAgreement, 4),
        criterion.unmarked,
      ]),
    ),
  );
}
