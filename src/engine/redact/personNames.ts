import type nlpType from 'compromise';
import type { NameRole } from './pseudonymTable';
import { isStreetType } from './textPatterns';

/** One person compromise found in a text: its span and the words of the name. */
export interface PersonNameHit {
  start: number;
  end: number;
  words: Array<{ text: string; role: NameRole }>;
}

interface CompromiseTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface CompromiseMatch {
  terms: CompromiseTerm[];
  offset: { start: number; length: number };
}

let nlp: typeof nlpType | undefined;

/**
 * Loads compromise, which `findPersonNames` needs: it is large (about 40 MB and 0.2 s to load),
 * so only what redacts loads it, not every audit.
 */
export async function loadPersonNameFinder(): Promise<void> {
  nlp ??= (await import('compromise')).default;
}

/**
 * The people compromise finds in free text ("Victim Josephine Bloggs said…"), less what it gets
 * wrong in police writing: lower-case words ("mark tools with postcode"), acronyms (ABE, IP, CCTV),
 * honorifics (kept: "Mrs"), and street names it reads as people ("Holly Drive": the street pattern
 * replaces those). What is left is replaced everywhere it is written with a capital.
 */
export function findPersonNames(text: string): PersonNameHit[] {
  if (!nlp) throw new Error('findPersonNames needs loadPersonNameFinder() first');
  const matches = nlp(text)
    .people()
    .json({ offset: true, terms: { offset: true } }) as CompromiseMatch[];
  const hits: PersonNameHit[] = [];
  for (const match of matches) {
    const terms = match.terms.map((term) => ({ ...term, text: bareWord(term.text) }));
    const last = terms[terms.length - 1];
    if (!last || isStreetType(last.text) || isStreetType(nextWord(text, match))) continue;
    const words = terms
      .filter((term) => isNameLike(term.text) && !term.tags.includes('Honorific'))
      .map((term, index, all) => ({ text: term.text, role: roleOf(term.tags, index, all.length) }));
    if (words.length > 0)
      hits.push({ start: match.offset.start, end: match.offset.start + match.offset.length, words });
  }
  return hits;
}

/** A capitalised word of two letters or more that is not all capitals. */
export function isNameLike(word: string): boolean {
  return word.length > 1 && /^\p{Lu}/u.test(word) && word !== word.toUpperCase();
}

function roleOf(tags: readonly string[], index: number, count: number): NameRole {
  if (tags.includes('LastName')) return 'surname';
  if (tags.includes('FirstName')) return 'given';
  return count > 1 && index === count - 1 ? 'surname' : 'given';
}

/** The word without surrounding punctuation or a possessive: "(Oswald’s)" → "Oswald". */
function bareWord(text: string): string {
  return text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/['’]s$/u, '');
}

function nextWord(text: string, match: CompromiseMatch): string {
  return /^\s+(\p{L}+)/u.exec(text.slice(match.offset.start + match.offset.length))?.[1] ?? '';
}
