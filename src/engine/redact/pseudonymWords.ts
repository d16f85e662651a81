/**
 * The words pseudonyms are made of. These lists GENERATE pseudonyms; they never detect names (that is
 * compromise's job, and the `name` fields'). Each pool is endless: past its list it combines words
 * (bijective numbering), so any number of people gets distinct pseudonyms.
 */

/** Given names that read as names without pointing at anyone. */
const GIVEN = [
  'Alex',
  'Bailey',
  'Blair',
  'Cameron',
  'Casey',
  'Charlie',
  'Dakota',
  'Devon',
  'Drew',
  'Eden',
  'Ellis',
  'Emery',
  'Finley',
  'Frankie',
  'Gale',
  'Harley',
  'Harper',
  'Hayden',
  'Indigo',
  'Jamie',
  'Jesse',
  'Jordan',
  'Jules',
  'Kai',
  'Kendall',
  'Kit',
  'Lane',
  'Logan',
  'Lou',
  'Marley',
  'Morgan',
  'Nico',
  'Noel',
  'Oakley',
  'Parker',
  'Peyton',
  'Quinn',
  'Reese',
  'Remy',
  'Riley',
  'Robin',
  'Rory',
  'Sage',
  'Sasha',
  'Shay',
  'Skyler',
  'Tatum',
  'Toni',
  'Val',
  'Wren',
];

/** Surname heads and tails: "Penncott", "Quillford". */
const SURNAME_HEADS = [
  'Abb',
  'Bram',
  'Corr',
  'Dunn',
  'Ell',
  'Fenn',
  'Gorr',
  'Hask',
  'Ives',
  'Jarr',
  'Kell',
  'Lorr',
  'Mott',
  'Nabb',
  'Orr',
  'Penn',
  'Quill',
  'Ross',
  'Sabb',
  'Tarr',
  'Upp',
  'Vell',
  'Wex',
  'Yell',
];
const SURNAME_TAILS = [
  'by',
  'cott',
  'dell',
  'field',
  'ford',
  'gate',
  'ham',
  'hurst',
  'ley',
  'lock',
  'more',
  'sey',
  'stock',
  'ton',
  'well',
  'worth',
];

/** Street names (the street type, Road or Close, is kept from the original). */
const STREET_HEADS = [
  'Acorn',
  'Bramble',
  'Clover',
  'Damson',
  'Fennel',
  'Foxglove',
  'Gorse',
  'Heather',
  'Ivy',
  'Juniper',
  'Lavender',
  'Marigold',
  'Nettle',
  'Orchid',
  'Primrose',
  'Quince',
  'Saffron',
  'Sorrel',
  'Teasel',
  'Yarrow',
];
const STREET_TAILS = ['brook', 'mead', 'side', 'field', 'hollow', 'bank'];

export interface WordPool {
  /** How many single words the pool has before it starts combining. */
  readonly base: number;
  /** The n-th word of the pool (n ≥ 0); distinct n give distinct words. */
  word(n: number): string;
}

export const GIVEN_NAMES: WordPool = {
  base: GIVEN.length,
  word: (n) => combine(n, GIVEN, GIVEN, '-', false),
};

export const SURNAMES: WordPool = {
  base: SURNAME_HEADS.length * SURNAME_TAILS.length,
  word: (n) => combine(n, SURNAME_HEADS, SURNAME_TAILS, '', true),
};

export const STREET_NAMES: WordPool = {
  base: STREET_HEADS.length,
  word: (n) => combine(n, STREET_HEADS, STREET_TAILS, '', false),
};

/** Head + tails in bijective numbering: every n a different word; `oneTail` makes the first tail compulsory. */
function combine(n: number, heads: readonly string[], tails: readonly string[], joiner: string, oneTail: boolean) {
  const parts = [heads[n % heads.length]];
  let rest = Math.floor(n / heads.length);
  if (oneTail) {
    parts.push(tails[rest % tails.length].toLowerCase());
    rest = Math.floor(rest / tails.length);
  }
  while (rest > 0) {
    rest -= 1;
    const tail = tails[rest % tails.length];
    parts.push(joiner ? tail : tail.toLowerCase());
    rest = Math.floor(rest / tails.length);
  }
  return parts.join(joiner);
}
