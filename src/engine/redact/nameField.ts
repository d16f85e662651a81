import type { PseudonymTable } from './pseudonymTable';
import { WORD } from './textPatterns';

/** Titles and ranks written in a name field: kept, they are not the person ("Sgt", "Dr"). */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'sir',
  'dame',
  'rev',
  'pc',
  'ps',
  'dc',
  'ds',
  'di',
  'dci',
  'dsu',
  'insp',
  'sgt',
  'supt',
  'pcso',
  'ch',
]);

function wordsOf(value: string): string[] {
  return [...value.matchAll(WORD)].map((match) => match[0]).filter((word) => word.length > 1);
}

/** Learns the words of a `name` value: the last of two or more is a surname, the others given names. */
export function learnName(value: string, table: PseudonymTable): void {
  const words = wordsOf(value).filter((word) => !TITLES.has(word.toLowerCase()));
  words.forEach((word, index) =>
    table.addNameWord(word, words.length > 1 && index === words.length - 1 ? 'surname' : 'given'),
  );
}

/** The pseudonym of a `name` value, word by word; titles stay, initials get another letter. */
export function redactName(value: string, table: PseudonymTable): string {
  return value.replace(WORD, (word) => {
    if (TITLES.has(word.toLowerCase())) return word;
    if (word.length === 1) return table.stream('initial', word.toUpperCase()).pick('ABCDEFGHJKLMNPRSTW');
    return table.nameWord(word);
  });
}
