/**
 * The shapes of personal data in free text. Regular expressions are fine for these (they have a
 * format); names have none, so names come from the `name` fields and from compromise.
 */

/** Words that end a street name: the "Road" of "32 Market Road". Kept in the copy; the name before them is replaced. */
export const STREET_TYPES = [
  'Road',
  'Street',
  'Lane',
  'Avenue',
  'Close',
  'Drive',
  'Way',
  'Court',
  'Crescent',
  'Place',
  'Terrace',
  'Gardens',
  'Grove',
  'Row',
  'Walk',
  'Square',
  'Mews',
  'Rise',
  'Hill',
  'Park',
  'View',
  'Parade',
  'Green',
  'Gate',
  'Vale',
  'Wynd',
  'Yard',
  'Boulevard',
];

const STREET_TYPE_SET = new Set(STREET_TYPES.map((word) => word.toLowerCase()));

export function isStreetType(word: string): boolean {
  return STREET_TYPE_SET.has(word.toLowerCase());
}

/** A word of a name: letters with inner apostrophes (O'Brien); hyphens split double-barrelled names. */
export const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;

export const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/** UK numbers: 07700 900123, 01632 960 123, 020 7946 0123, +44 7700 900123, (01632) 960123. */
export const PHONE = /(?<![\w\-/.])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d(?:[\s-]?\)?\s?\d){8,9}(?![\w-])/g;

/** UK postcodes, outward and inward parts: LS1 4AB, SW1A 1AA, M1 1AE. */
export const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)( ?)(\d[ABD-HJLNP-UW-Z]{2})\b/g;

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';

/** A date of birth after the words that say so; group 1 is the date. */
export const DATE_OF_BIRTH = new RegExp(
  `\\b(?:DOB|D\\.O\\.B\\.?|date of birth|born(?: on)?)\\b[:\\s-]*` +
    `(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})`,
  'gi',
);

/**
 * A street: one or two capitalised words, then a street type. Group 1 is the name to replace.
 * "the Red Lion PH, Holly Drive" gives "Holly"; a leading article or determiner is not part of it.
 */
export const STREET = new RegExp(
  `(?<![\\p{L}'’])((?:(?!(?:The|A|An|This|That|Our|Their|His|Her|Its|On|In|At|Of|To|From|Nos?)\\b)\\p{Lu}[\\p{Ll}'’-]+ ){1,2})(?:${STREET_TYPES.join('|')})\\b`,
  'gu',
);

/** Collar and staff numbers written in text with a rank (PS 2073, DC 5410), and people's ids (VIC-…, SUS-…). */
export const PERSON_ID_IN_TEXT =
  /\b(?:(?:PC|PS|DC|DS|DI|DCI|DSU|Insp|Sgt|PCSO|Supt|Ch ?Insp) ?\d{3,6}|(?:VIC|SUS|SUSP|WIT)-[A-Z0-9][A-Z0-9-]*)\b/g;

/** Incident references written in text: INC-131109-0747. */
export const INCIDENT_IN_TEXT = /\bINC-[A-Z0-9][A-Z0-9-]*\b/g;
