/**
 * Guards for the overview's outcome, timeliness and action-list tables (the webview draws them
 * from what the host sends, so they are checked like the rest of the overview).
 */
import { FILING_BANDS, TIMELINESS_MEASURES } from '../report';
import { isCount, isNumber, isObject, isOptionalString, isString, isStringArray } from './guards';

function isInterval(value: unknown): boolean {
  return isObject(value) && isNumber(value.low) && isNumber(value.high);
}

/** A count with its share: files of `of`, percent and interval when `of` > 0. */
function isCountShare(value: unknown): boolean {
  return (
    isObject(value) &&
    isCount(value.files) &&
    isCount(value.of) &&
    (value.percent === undefined || isNumber(value.percent)) &&
    (value.interval === undefined || isInterval(value.interval))
  );
}

export function isOutcomeTally(value: unknown): boolean {
  return (
    isObject(value) &&
    isCount(value.files) &&
    isCount(value.withOutcome) &&
    Array.isArray(value.codes) &&
    value.codes.every(
      (row) =>
        isCountShare(row) && isObject(row) && isCount(row.code) && isString(row.title) && isOptionalString(row.group),
    ) &&
    Array.isArray(value.groups) &&
    value.groups.every(
      (row) => isCountShare(row) && isObject(row) && isString(row.id) && isString(row.title) && isNumber(row.national),
    ) &&
    isCountShare(value.outcome16)
  );
}

function isSpread(value: unknown): boolean {
  return isObject(value) && isCount(value.n) && isNumber(value.median) && isNumber(value.q1) && isNumber(value.q3);
}

function isTimelinessRow(row: unknown): boolean {
  if (!isObject(row) || !isStringArray(row.labels)) return false;
  const { measures, bands } = row;
  return (
    isObject(measures) &&
    TIMELINESS_MEASURES.every(({ id }) => measures[id] === undefined || isSpread(measures[id])) &&
    isObject(bands) &&
    FILING_BANDS.every(({ id }) => isCountShare(bands[id]))
  );
}

export function isTimelinessTable(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.title) &&
    isStringArray(value.dimensions) &&
    Array.isArray(value.rows) &&
    value.rows.every(isTimelinessRow)
  );
}

function isSource(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.report) &&
    isString(value.quote) &&
    isOptionalString(value.paragraph) &&
    isOptionalString(value.seed) &&
    (value.line === undefined || isCount(value.line))
  );
}

export function isActionItem(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.rule) &&
    isString(value.title) &&
    isCount(value.failed) &&
    isCount(value.applicable) &&
    isNumber(value.failedPercent) &&
    isInterval(value.interval) &&
    (value.passage === undefined || isSource(value.passage)) &&
    Array.isArray(value.recommendations) &&
    value.recommendations.every(isSource)
  );
}
