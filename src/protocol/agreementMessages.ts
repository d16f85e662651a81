/**
 * The summary's Marking view: the agreement figures the host sends (the report layer's
 * AgreementReport without its feedback passages, which the view does not draw) and their guard,
 * and the export formats the view offers. Checked in the webview before anything is drawn, like
 * every other host message (summaryMessages.ts).
 */
import type {
  Agreement,
  AgreementReport,
  ConfusionMatrix,
  CriterionAcrossRaters,
  CriterionAgreement,
  Disagreement,
  PairAgreement,
  RaterAgreement,
} from '../report';
import { isCount, isNumber, isObject, isOptionalString, isString, isStringArray, oneOf } from './guards';

/** Agreement exports the Marking view offers (ids of the report layer's AGREEMENT_FORMATS). */
export const AGREEMENT_EXPORT_FORMATS = ['csv', 'markdown', 'html'] as const;
export type AgreementExportFormat = (typeof AGREEMENT_EXPORT_FORMATS)[number];
export const isAgreementExportFormat = oneOf(AGREEMENT_EXPORT_FORMATS);

/** Per criterion across raters, without the rule's source passages. */
export type CriterionAcrossRatersView = Omit<CriterionAcrossRaters, 'source'>;

/** The agreement report as the Marking view draws it (no `missed` feedback list, no sources). */
export type AgreementReportView = Omit<AgreementReport, 'missed' | 'criteria'> & {
  criteria: CriterionAcrossRatersView[];
};

/** A trainer whose review file can be the answer key. */
export interface KeyChoice {
  id: string;
  name?: string;
}

export interface AgreementView {
  report: AgreementReportView;
  /** Every trainer of the sample (the key picker's choices); empty: moderation only. */
  keys: KeyChoice[];
  /** True when moderation without a key can be chosen (two raters or more). */
  moderation: boolean;
}

/** The report trimmed to what the view draws. */
export function agreementReportView(report: AgreementReport): AgreementReportView {
  const { missed: _missed, criteria, ...rest } = report;
  return { ...rest, criteria: criteria.map(({ source: _source, ...criterion }) => criterion) };
}

const isKind = (value: unknown): boolean => value === 'judgment' || value === 'check';
const isNullableNumber = (value: unknown): boolean => value === null || isNumber(value);
const isInterval = (value: unknown): boolean =>
  value === null || (isObject(value) && isNumber(value.low) && isNumber(value.high));

function isAgreement(value: unknown): value is Agreement {
  return (
    isObject(value) &&
    isCount(value.n) &&
    isCount(value.agreed) &&
    isNullableNumber(value.percent) &&
    isInterval(value.interval)
  );
}

function isMatrix(value: unknown): value is ConfusionMatrix {
  if (!isObject(value) || !isStringArray(value.categories) || !Array.isArray(value.counts)) return false;
  const size = value.categories.length;
  return (
    value.counts.length === size &&
    value.counts.every((row) => Array.isArray(row) && row.length === size && row.every(isCount))
  );
}

function isDisagreement(value: unknown): value is Disagreement {
  return (
    isObject(value) &&
    isString(value.reference) &&
    isString(value.path) &&
    isString(value.key) &&
    isString(value.keySource) &&
    isString(value.rater) &&
    isOptionalString(value.note)
  );
}

/** What every criterion row has: its agreement, rule, title and kind. */
function isCriterionRow(value: unknown): value is Record<string, unknown> {
  return isAgreement(value) && isObject(value) && isString(value.rule) && isString(value.title) && isKind(value.kind);
}

function isCriterionAgreement(value: unknown): value is CriterionAgreement {
  return (
    isCriterionRow(value) &&
    isNullableNumber(value.kappa) &&
    isInterval(value.kappaInterval) &&
    isNullableNumber(value.chanceAgreement) &&
    isCount(value.unmarked) &&
    isMatrix(value.matrix) &&
    Array.isArray(value.disagreements) &&
    value.disagreements.every(isDisagreement)
  );
}

function isRater(value: unknown): value is RaterAgreement {
  if (!isObject(value) || !isObject(value.overall)) return false;
  const overall = value.overall;
  return (
    isString(value.reviewer) &&
    isOptionalString(value.name) &&
    isString(value.role) &&
    (value.submitted === null || isString(value.submitted)) &&
    isAgreement(overall) &&
    isNullableNumber(overall.meanKappa) &&
    isCount(overall.marked) &&
    isCount(overall.keyed) &&
    Array.isArray(value.criteria) &&
    value.criteria.every(isCriterionAgreement)
  );
}

function isCriterionAcrossRaters(value: unknown): value is CriterionAcrossRatersView {
  return isCriterionRow(value) && isNullableNumber(value.alpha) && isCount(value.alphaUnits);
}

function isPair(value: unknown): value is PairAgreement {
  return (
    isAgreement(value) && isObject(value) && isString(value.a) && isString(value.b) && isNullableNumber(value.kappa)
  );
}

export function isAgreementReportView(value: unknown): value is AgreementReportView {
  return (
    isObject(value) &&
    isString(value.format) &&
    isObject(value.sample) &&
    isString(value.sample.folder) &&
    isOptionalString(value.sample.name) &&
    (value.key === null || isString(value.key)) &&
    isOptionalString(value.keyName) &&
    Array.isArray(value.raters) &&
    value.raters.every(isRater) &&
    Array.isArray(value.criteria) &&
    value.criteria.every(isCriterionAcrossRaters) &&
    isNullableNumber(value.alpha) &&
    Array.isArray(value.pairs) &&
    value.pairs.every(isPair) &&
    isStringArray(value.notes)
  );
}

export function isAgreementView(value: unknown): value is AgreementView {
  return (
    isObject(value) &&
    isAgreementReportView(value.report) &&
    Array.isArray(value.keys) &&
    value.keys.every((key) => isObject(key) && isString(key.id) && isOptionalString(key.name)) &&
    typeof value.moderation === 'boolean'
  );
}
