import { GIVEN_NAMES, STREET_NAMES, SURNAMES, type WordPool } from './pseudonymWords';
import type { RedactionKind } from './redactionKinds';
import { seeded, type SeededStream } from './seededStream';

export type NameRole = 'given' | 'surname';

export type IdKind = Extract<RedactionKind, 'staffId' | 'victimId' | 'suspectId' | 'incidentReference'>;

/**
 * The pseudonym of every person-related value of a folder. It first learns the originals (every
 * file), then hands out pseudonyms in sorted order of the originals, so the result depends only on
 * the folder's contents and the salt, never on the order files were read. Pseudonyms are distinct
 * for distinct originals (rules compare ids: equal stays equal, different stays different) and never
 * equal to an original, so a pseudonym cannot be mistaken for a real person of the folder.
 */
export class PseudonymTable {
  private readonly nameRoles = new Map<string, NameRole>();
  private readonly idOriginals = new Map<string, IdKind>();
  private readonly streetOriginals = new Set<string>();
  private readonly names = new Map<string, string>();
  private readonly ids = new Map<string, string>();
  private readonly streets = new Map<string, string>();
  private readonly taken = new Set<string>();
  private sealed = false;

  constructor(readonly salt = '') {}

  /** Learns one word of a person's name (case-insensitive); a given name wins over a surname. */
  addNameWord(word: string, role: NameRole): void {
    const key = word.toLowerCase();
    if (this.nameRoles.get(key) !== 'given') this.nameRoles.set(key, role);
  }

  /** Learns an identifier of a person or an incident; the first kind it was seen as is the one counted. */
  addId(id: string, kind: IdKind): void {
    if (!this.idOriginals.has(id)) this.idOriginals.set(id, kind);
  }

  addStreet(name: string): void {
    this.streetOriginals.add(name.toLowerCase());
  }

  isNameWord(word: string): boolean {
    return this.nameRoles.has(word.toLowerCase());
  }

  /** The kind of a learnt identifier; undefined when it is not one. */
  idKind(id: string): IdKind | undefined {
    return this.idOriginals.get(id);
  }

  /** The pseudonym of one name word, in the original's case (JONES → QUILLFORD, jones → quillford). */
  nameWord(word: string): string {
    this.seal();
    const key = word.toLowerCase();
    let pseudonym = this.names.get(key);
    if (pseudonym === undefined) {
      pseudonym = this.draw('name', key, this.nameRoles.get(key) === 'surname' ? SURNAMES : GIVEN_NAMES, (w) =>
        this.nameRoles.has(w.toLowerCase()),
      );
      this.names.set(key, pseudonym);
    }
    return sameCase(word, pseudonym);
  }

  /** The pseudonym of an identifier: its letter prefix kept ("PC 4177" → "PC 8302", "VIC-KY7B57B" → "VIC-QP2M90T"). */
  id(original: string): string {
    this.seal();
    let pseudonym = this.ids.get(original);
    if (pseudonym === undefined) {
      pseudonym = this.drawId(original);
      this.ids.set(original, pseudonym);
    }
    return pseudonym;
  }

  /** The pseudonym of a street's name (without its type: "Market" of "Market Road"). */
  street(name: string): string {
    this.seal();
    const key = name.toLowerCase();
    let pseudonym = this.streets.get(key);
    if (pseudonym === undefined) {
      pseudonym = this.draw('street', key, STREET_NAMES, (w) => this.streetOriginals.has(w.toLowerCase()));
      this.streets.set(key, pseudonym);
    }
    return pseudonym;
  }

  /** A stream for values that need no table (phones, e-mails, postcodes, dates of birth): same value, same pseudonym. */
  stream(kind: string, value: string): SeededStream {
    return seeded(this.salt, kind, value);
  }

  /** Hands out the pseudonyms of everything learnt so far, in sorted order (later arrivals get theirs on first use). */
  private seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    for (const key of [...this.nameRoles.keys()].sort()) this.nameWord(key);
    for (const id of [...this.idOriginals.keys()].sort()) this.id(id);
    for (const street of [...this.streetOriginals].sort()) this.street(street);
  }

  /** A word of the pool not yet given out and not an original; starts where the salted hash points. */
  private draw(kind: string, key: string, pool: WordPool, isOriginal: (word: string) => boolean): string {
    const start = seeded(this.salt, kind, key).below(pool.base);
    for (let i = 0; ; i++) {
      const word = pool.word(i < pool.base ? (start + i) % pool.base : i);
      const taken = `${kind}\u0000${word.toLowerCase()}`;
      if (this.taken.has(taken) || isOriginal(word)) continue;
      this.taken.add(taken);
      return word;
    }
  }

  private drawId(original: string): string {
    const stream = seeded(this.salt, 'id', original);
    for (let attempt = 0; ; attempt++) {
      // A small id space (SUSP1: ten values) can run out: after a while the body grows a digit.
      const candidate = idShape(original, stream, Math.floor(attempt / 20));
      const taken = `id\u0000${candidate}`;
      if (this.taken.has(taken) || this.idOriginals.has(candidate)) continue;
      this.taken.add(taken);
      return candidate;
    }
  }
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghjkmnpqrstuvwxyz';

/**
 * An id of the same shape: the leading letters and separators (a rank, VIC-, INC-) are kept when
 * something follows them, every other letter and digit is drawn afresh, punctuation stays.
 */
function idShape(original: string, stream: SeededStream, extraDigits: number): string {
  const prefix = /^[A-Za-z]+[\s\-/_.]*/.exec(original)?.[0] ?? '';
  const keep = /[A-Za-z0-9]/.test(original.slice(prefix.length)) ? prefix : '';
  let body = '';
  for (const char of original.slice(keep.length)) {
    if (/[0-9]/.test(char)) body += stream.pick(DIGITS);
    else if (/[A-Z]/.test(char)) body += stream.pick(UPPER);
    else if (/[a-z]/.test(char)) body += stream.pick(LOWER);
    else body += char;
  }
  for (let i = 0; i < extraDigits; i++) body += stream.pick(DIGITS);
  return keep + body;
}

/** The pseudonym in the case of the word it replaces. */
function sameCase(original: string, pseudonym: string): string {
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase())
    return pseudonym.toUpperCase();
  if (original === original.toLowerCase() && original !== original.toUpperCase()) return pseudonym.toLowerCase();
  return pseudonym;
}
