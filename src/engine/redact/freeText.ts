import { findPersonNames, isNameLike } from './personNames';
import type { IdKind, PseudonymTable } from './pseudonymTable';
import { emptyCounts, type RedactionCounts, type RedactionKind } from './redactionKinds';
import {
  DATE_OF_BIRTH,
  EMAIL,
  INCIDENT_IN_TEXT,
  PERSON_ID_IN_TEXT,
  PHONE,
  POSTCODE,
  STREET,
  WORD,
} from './textPatterns';

/** A piece of text to replace. Lower `rank` wins where two overlap (an e-mail over the name in it). */
interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
  rank: number;
  replacement: () => string;
}

/**
 * Pass one over a free-text value: learns the names compromise finds, the streets and the ids
 * written in it, so that every file of the folder gets the same pseudonyms for them.
 */
export function learnText(text: string, table: PseudonymTable): void {
  const streets = [...text.matchAll(STREET)].map((match) => {
    const name = match[1].trimEnd();
    table.addStreet(name);
    return { start: match.index, end: match.index + match[0].length };
  });
  for (const hit of findPersonNames(text)) {
    if (streets.some((street) => hit.start < street.end && street.start < hit.end)) continue;
    for (const word of hit.words) table.addNameWord(word.text, word.role);
  }
  for (const match of text.matchAll(PERSON_ID_IN_TEXT)) table.addId(match[0], idKindOf(match[0]));
  for (const match of text.matchAll(INCIDENT_IN_TEXT)) table.addId(match[0], 'incidentReference');
}

/** Pass two: the text with every learnt name, id and street, and every phone, e-mail, postcode and date of birth replaced. */
export function redactText(text: string, table: PseudonymTable): { text: string; counts: RedactionCounts } {
  const spans: Span[] = [
    ...matches(text, EMAIL, 0, 'email', (found) => () => email(table, found)),
    ...idSpans(text, table),
    ...matches(text, PHONE, 2, 'phone', (found) => () => phone(table, found)),
    ...matches(text, POSTCODE, 3, 'postcode', (found) => () => postcode(table, found)),
    ...groupSpans(text, DATE_OF_BIRTH, 4, 'dateOfBirth', (found) => () => dateOfBirth(table, found)),
    ...groupSpans(text, STREET, 5, 'address', (found) => () => table.street(found), true),
    ...nameSpans(text, table),
  ];
  const chosen: Span[] = [];
  for (const span of spans.sort((a, b) => a.rank - b.rank || a.start - b.start)) {
    if (!chosen.some((other) => span.start < other.end && other.start < span.end)) chosen.push(span);
  }
  chosen.sort((a, b) => a.start - b.start);
  const counts = emptyCounts();
  let out = '';
  let at = 0;
  for (const span of chosen) {
    out += text.slice(at, span.start) + span.replacement();
    at = span.end;
    counts[span.kind]++;
  }
  // A full name ("Claire Ruddlecote") is one name however many words it has.
  counts.nameInText = countNameRuns(text, chosen);
  return { text: out + text.slice(at), counts };
}

function matches(
  text: string,
  pattern: RegExp,
  rank: number,
  kind: RedactionKind,
  replace: (found: string) => () => string,
): Span[] {
  return [...text.matchAll(pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    kind,
    rank,
    replacement: replace(match[0]),
  }));
}

/** Spans of a pattern's first group (the date after "DOB", the name before "Road"). */
function groupSpans(
  text: string,
  pattern: RegExp,
  rank: number,
  kind: RedactionKind,
  replace: (found: string) => () => string,
  trimEnd = false,
): Span[] {
  return [...text.matchAll(pattern)].map((match) => {
    const group = trimEnd ? match[1].trimEnd() : match[1];
    const start = match.index + match[0].indexOf(match[1]);
    return { start, end: start + group.length, kind, rank, replacement: replace(group) };
  });
}

/** Ids the table learnt (from id fields or from text), wherever they are written as a whole word. */
const ID_CANDIDATE = /(?<![\w-])(?:[A-Za-z]{1,5} )?[A-Za-z0-9][A-Za-z0-9-]*\d[A-Za-z0-9-]*(?![\w-])/g;

function idSpans(text: string, table: PseudonymTable): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(ID_CANDIDATE)) {
    let found = match[0];
    let start = match.index;
    if (table.idKind(found) === undefined && found.includes(' ')) {
      // "to S14081": the word before was not part of the id.
      start += found.indexOf(' ') + 1;
      found = found.slice(found.indexOf(' ') + 1);
    }
    const kind = table.idKind(found);
    if (kind) spans.push({ start, end: start + found.length, kind, rank: 1, replacement: () => table.id(found) });
  }
  return spans;
}

/**
 * Learnt name words: written with a capital (or in capitals, 3 letters or more), or in lower case
 * right beside another name word ("claire ruddlecote"). A lone lower-case word is a word ("mark").
 */
function nameSpans(text: string, table: PseudonymTable): Span[] {
  const words = [...text.matchAll(WORD)].map((match) => {
    const stem = match[0].replace(/['’]s$/u, '');
    const word = table.isNameWord(match[0]) ? match[0] : table.isNameWord(stem) ? stem : undefined;
    return { start: match.index, word };
  });
  const capitalised = (word: string) => isNameLike(word) || (word.length > 2 && word === word.toUpperCase());
  return words.flatMap(({ start, word }, index) => {
    if (word === undefined) return [];
    const beside = [words[index - 1], words[index + 1]].some((other) => other?.word !== undefined);
    if (!capitalised(word) && !beside) return [];
    return [
      {
        start,
        end: start + word.length,
        kind: 'nameInText' as const,
        rank: 6,
        replacement: () => table.nameWord(word),
      },
    ];
  });
}

/** Name spans separated only by spaces or hyphens count as one name. */
function countNameRuns(text: string, chosen: readonly Span[]): number {
  let runs = 0;
  let previousEnd = -1;
  for (const span of chosen) {
    if (span.kind !== 'nameInText') continue;
    if (previousEnd < 0 || !/^[\s-]+$/.test(text.slice(previousEnd, span.start))) runs++;
    previousEnd = span.end;
  }
  return runs;
}

function idKindOf(id: string): IdKind {
  if (id.startsWith('VIC-')) return 'victimId';
  if (id.startsWith('SUS')) return 'suspectId';
  return 'staffId';
}

const HEX = '0123456789abcdef';

/** A mailbox at example.org (reserved for examples, RFC 2606). */
function email(table: PseudonymTable, original: string): string {
  const stream = table.stream('email', original.toLowerCase());
  let local = 'contact-';
  for (let i = 0; i < 6; i++) local += stream.pick(HEX);
  return `${local}@example.org`;
}

/**
 * A number from Ofcom's ranges kept for drama (07700 900xxx mobile, 01632 960xxx landline), in the
 * original's layout: spaces, brackets and +44 stay where they were.
 */
function phone(table: PseudonymTable, original: string): string {
  const digits = original.replace(/\D/g, '');
  const international = original.trimStart().startsWith('+');
  const afterCountry = international ? digits.slice(2) : digits;
  const hadZero = afterCountry.startsWith('0');
  const national = hadZero ? afterCountry : `0${afterCountry}`;
  const stream = table.stream('phone', national);
  const template = national.startsWith('07') ? '07700900' : '01632960';
  let fresh = template.slice(0, Math.min(template.length, national.length - 3));
  while (fresh.length < national.length) fresh += stream.pick('0123456789');
  const replacement = international ? `44${hadZero ? fresh : fresh.slice(1)}` : fresh;
  let next = 0;
  return original.replace(/\d/g, () => replacement[next++] ?? '0');
}

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** A postcode of the right shape in area ZZ, which no real postcode uses. */
function postcode(table: PseudonymTable, original: string): string {
  const match = /^([A-Z]{1,2}\d[A-Z\d]?)( ?)(\d[A-Z]{2})$/.exec(original);
  const stream = table.stream('postcode', original.replace(' ', ''));
  const outwardLength = match ? match[1].length : 3;
  const outward = outwardLength === 2 ? `Z${stream.pick('123456789')}` : `ZZ${stream.pick('123456789')}`;
  const wide = outwardLength === 4 ? stream.pick('0123456789') : '';
  const inward = `${stream.pick('0123456789')}${stream.pick(INWARD_LETTERS)}${stream.pick(INWARD_LETTERS)}`;
  return `${outward}${wide}${match?.[2] ?? ' '}${inward}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Another day and month of the same year, written the same way. Day and month are both 1–12, so
 * the date is valid read either way round (dd/mm or mm/dd); the year stays (age is on the file anyway).
 */
function dateOfBirth(table: PseudonymTable, original: string): string {
  const stream = table.stream('dateOfBirth', original.toLowerCase());
  const fresh = [1 + stream.below(12), 1 + stream.below(12)];
  const numbers = [...original.matchAll(/\d+/g)].map((match) => match[0]);
  const year = numbers.some((n) => n.length === 4) ? numbers.findIndex((n) => n.length === 4) : numbers.length - 1;
  let index = 0;
  let used = 0;
  return original
    .replace(/\d+/g, (found) =>
      index++ === year ? found : String(fresh[Math.min(used++, 1)]).padStart(found.length, '0'),
    )
    .replace(/\p{L}{3,}\.?/gu, (word) => {
      const name = MONTHS[fresh[1] - 1];
      return word.replace(/\.$/, '').length <= 4 ? `${name.slice(0, 3)}${word.endsWith('.') ? '.' : ''}` : name;
    });
}
