import type { ValidateFunction } from 'ajv';
import crimeFileSchema from '../../rules/schemas/crime-file.schema.json';
import { sharedAjv } from './schemas/ajv';
import { schemaProblems, type SchemaProblem } from './schemas/schemaProblems';
import type { RecordFacts } from './model';
import { isRecord } from './path';
import { DEFAULT_TIME_ZONE, toInstant } from './time/instant';

export const CRIME_FILE_FORMAT = 'crime-file/1';

/** File names the engine treats as crime records: `*.crime.yaml`, `*.crime.yml`, `*.crime.json`. */
export const CRIME_FILE_PATTERN = /\.crime\.(ya?ml|json)$/i;

/** The same files as a glob, for file searches and watchers (VS Code, folder search). */
export const CRIME_FILE_GLOB = '**/*.crime.{yaml,yml,json}';

/** The same files as people read them, for messages and help: "*.crime.yaml, *.crime.yml, *.crime.json". */
export const CRIME_FILE_NAMES = '*.crime.yaml, *.crime.yml, *.crime.json';

export function isCrimeFile(file: string): boolean {
  return CRIME_FILE_PATTERN.test(file);
}

let validateCrimeFile: ValidateFunction | undefined;

/** Checks a parsed record against the crime-file/1 schema. */
export function crimeFileProblems(record: unknown): SchemaProblem[] {
  validateCrimeFile ??= sharedAjv().compile(crimeFileSchema);
  return validateCrimeFile(record) ? [] : schemaProblems(validateCrimeFile.errors, record);
}

/**
 * The fields summaries cut and count by, read defensively: the record may break the schema. Times
 * without an offset are local to `zone`.
 */
export function recordFacts(record: unknown, zone: string = DEFAULT_TIME_ZONE): RecordFacts {
  if (!isRecord(record)) return {};
  const classification = isRecord(record.classification) ? record.classification : {};
  const attendance = isRecord(record.attendance) ? record.attendance : {};
  const filed = isRecord(record.filed) ? record.filed : {};
  const outcome = isRecord(filed.outcome) ? filed.outcome : {};
  const facts: RecordFacts = {
    kind: recordKind(record),
    category: typeof classification.category === 'string' ? classification.category : undefined,
    attendance: typeof attendance.status === 'string' ? attendance.status : undefined,
    domesticAbuse: typeof record.domestic_abuse === 'boolean' ? record.domestic_abuse : undefined,
  };
  if (typeof outcome.code === 'number' && Number.isInteger(outcome.code)) facts.outcomeCode = outcome.code;
  const hours = elapsedHours(record, attendance, filed, zone);
  if (Object.keys(hours).length > 0) facts.hours = hours;
  return facts;
}

const HOUR_MS = 3_600_000;

function elapsedHours(
  record: Record<string, unknown>,
  attendance: Record<string, unknown>,
  filed: Record<string, unknown>,
  zone: string,
): NonNullable<RecordFacts['hours']> {
  const reported = toInstant(record.reported_at, zone);
  const recorded = toInstant(record.recorded_at, zone);
  const filedAt = toInstant(filed.at, zone);
  const contacts = [
    toInstant(attendance.attended_at, zone),
    ...(Array.isArray(record.log) ? record.log : []).map((entry) =>
      isRecord(entry) && entry.type === 'victim_contact' ? toInstant(entry.at, zone) : undefined,
    ),
  ].filter((instant): instant is number => instant !== undefined && reported !== undefined && instant >= reported);
  const between = (from: number | undefined, to: number | undefined) =>
    from !== undefined && to !== undefined && to >= from ? (to - from) / HOUR_MS : undefined;
  const hours: NonNullable<RecordFacts['hours']> = {};
  const toFiling = between(reported, filedAt);
  const underInvestigation = between(recorded, filedAt);
  const toFirstContact = contacts.length > 0 ? between(reported, Math.min(...contacts)) : undefined;
  if (toFiling !== undefined) hours.toFiling = toFiling;
  if (underInvestigation !== undefined) hours.underInvestigation = underInvestigation;
  if (toFirstContact !== undefined) hours.toFirstContact = toFirstContact;
  return hours;
}

export function recordReference(record: unknown): string | undefined {
  return isRecord(record) && typeof record.reference === 'string' ? record.reference : undefined;
}

/** The record's kind (`kind` field), crime when absent. */
export function recordKind(record: unknown): string {
  return isRecord(record) && typeof record.kind === 'string' ? record.kind : 'crime';
}
