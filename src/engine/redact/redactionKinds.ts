/** What a redaction replaces, in the order reports list them. */
export const REDACTION_KINDS = [
  'name',
  'nameInText',
  'staffId',
  'victimId',
  'suspectId',
  'incidentReference',
  'phone',
  'email',
  'postcode',
  'address',
  'dateOfBirth',
] as const;

export type RedactionKind = (typeof REDACTION_KINDS)[number];

/** How many values of each kind were replaced (never the values themselves). */
export type RedactionCounts = Record<RedactionKind, number>;

/** The words reports use for each kind. */
export const REDACTION_KIND_LABELS: Record<RedactionKind, string> = {
  name: 'names of officers and staff (name fields)',
  nameInText: 'names in free text',
  staffId: 'officer and staff ids',
  victimId: 'victim ids',
  suspectId: 'suspect ids',
  incidentReference: 'incident references',
  phone: 'phone numbers',
  email: 'e-mail addresses',
  postcode: 'postcodes',
  address: 'street names in addresses',
  dateOfBirth: 'dates of birth',
};

export function emptyCounts(): RedactionCounts {
  return Object.fromEntries(REDACTION_KINDS.map((kind) => [kind, 0])) as RedactionCounts;
}

/** Adds `more` into `into` (in place) and returns it. */
export function addCounts(into: RedactionCounts, more: RedactionCounts): RedactionCounts {
  for (const kind of REDACTION_KINDS) into[kind] += more[kind];
  return into;
}
