import type { ValidateFunction } from 'ajv';
import crimeFileSchema from '../../rules/schemas/crime-file.schema.json';
import { sharedAjv } from './schemas/ajv';
import { schemaProblems, type SchemaProblem } from './schemas/schemaProblems';
import type { RecordFacts } from './model';
import { isRecord } from './path';

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

/** The fields summaries cut by, read defensively: the record may break the schema. */
export function recordFacts(record: unknown): RecordFacts {
  if (!isRecord(record)) return {};
  const classification = isRecord(record.classification) ? record.classification : {};
  const attendance = isRecord(record.attendance) ? record.attendance : {};
  return {
    kind: recordKind(record),
    category: typeof classification.category === 'string' ? classification.category : undefined,
    attendance: typeof attendance.status === 'string' ? attendance.status : undefined,
    domesticAbuse: typeof record.domestic_abuse === 'boolean' ? record.domestic_abuse : undefined,
  };
}

export function recordReference(record: unknown): string | undefined {
  return isRecord(record) && typeof record.reference === 'string' ? record.reference : undefined;
}

/** The record's kind (`kind` field), crime when absent. */
export function recordKind(record: unknown): string {
  return isRecord(record) && typeof record.kind === 'string' ? record.kind : 'crime';
}
