import type { IdKind } from './pseudonymTable';

/** What a string value of a file is to redaction. */
export type FieldRole = { role: 'keep' } | { role: 'name' } | { role: 'id'; kind: IdKind } | { role: 'text' };

export type FieldPath = ReadonlyArray<string | number>;

const KEEP: FieldRole = { role: 'keep' };
const TEXT: FieldRole = { role: 'text' };
const NAME: FieldRole = { role: 'name' };

/**
 * Fields of `crime-file/1` that hold codes, enumerations, times or crime references: not personal
 * data, and what rules read, so they stay as they are. Roles and ranks are not personal data.
 */
const CRIME_KEPT = new Set([
  'format',
  'kind',
  'reference',
  'crime_reference',
  'force',
  'category',
  'hocr_code',
  'flags',
  'status',
  'type',
  'role',
  'rank',
  'unit',
  'channel',
  'purpose',
  'method',
  'advice',
  'advice_method',
  'identified_by',
  'vulnerability_reasons',
  'level',
  'sex',
  'ethnicity_self_defined',
  'ethnicity_police_defined',
  'code',
  'at',
  'occurred_from',
  'occurred_to',
  'wanted_since',
  'recording_route',
]);

/**
 * The role of a string in a crime file, from the keys above it. Anything not known to be a code is
 * free text and is scanned (unknown keys and `x_` extras included): when in doubt, redact.
 */
export function crimeFieldRole(path: FieldPath): FieldRole {
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  const key = keys[keys.length - 1];
  if (key === undefined) return TEXT;
  if (key === 'name') return NAME;
  if (key === 'id') {
    if (keys.includes('lines_of_enquiry')) return KEEP; // an action number, not a person
    const holder = keys[keys.length - 2];
    return { role: 'id', kind: holder === 'victims' ? 'victimId' : holder === 'suspects' ? 'suspectId' : 'staffId' };
  }
  if (key === 'incident_reference') return { role: 'id', kind: 'incidentReference' };
  if (keys.some((k) => k.startsWith('x_'))) return TEXT;
  if (CRIME_KEPT.has(key) || key.endsWith('_at')) return KEEP;
  return TEXT;
}

/**
 * The role of a string in a review file (`dipsample-review/1`): notes are free text and the
 * reviewer's name a name; ids, references, rule ids, answers and times stay, so the copy's reviews
 * still apply to the copy's files.
 */
export function reviewFieldRole(path: FieldPath): FieldRole {
  const keys = path.filter((segment): segment is string => typeof segment === 'string');
  const key = keys[keys.length - 1];
  if (key === 'name' && keys[0] === 'reviewer') return NAME;
  if (key === 'note' || keys.some((k) => k.startsWith('x_'))) return TEXT;
  return KEEP;
}
