/**
 * The draw's random numbers: xoshiro128** 1.1 (Blackman & Vigna) seeded through SplitMix64 from a
 * 64-bit FNV-1a hash of the seed's text (UTF-8). Integer arithmetic only (Math.imul, BigInt for
 * the 64-bit seeding), so the same seed gives the same numbers on every machine and JS engine;
 * test/unit/prng.test.ts holds the reference implementations' output vectors.
 */

const MASK_64 = (1n << 64n) - 1n;

/** FNV-1a, 64-bit, over the UTF-8 bytes of `text`. */
export function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (const byte of utf8(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & MASK_64;
  }
  return hash;
}

/** SplitMix64 (Steele, Lea & Flood): the generator Vigna recommends for seeding xoshiro. */
export class SplitMix64 {
  private state: bigint;

  constructor(seed: bigint) {
    this.state = seed & MASK_64;
  }

  next(): bigint {
    this.state = (this.state + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    return z ^ (z >> 31n);
  }
}

/** A seeded xoshiro128** stream with unbiased integer draws. */
export class Random {
  private readonly s: Uint32Array;

  /** From four 32-bit words (not all zero); `Random.fromSeed` is the usual way in. */
  constructor(state: readonly [number, number, number, number]) {
    this.s = Uint32Array.from(state);
    if (this.s.every((word) => word === 0)) this.s[0] = 1; // the one state xoshiro cannot leave
  }

  /** The stream a plan's `seed` (a number or a text, read as its decimal or literal text) names. */
  static fromSeed(seed: string | number): Random {
    const mix = new SplitMix64(fnv1a64(String(seed)));
    const a = mix.next();
    const b = mix.next();
    const low = (word: bigint) => Number(word & 0xffffffffn);
    return new Random([low(a), low(a >> 32n), low(b), low(b >> 32n)]);
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** A uniform integer in [0, bound), bound ≤ 2^32: rejection of the biased top range, no modulo bias. */
  below(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) throw new RangeError(`bad bound ${bound}`);
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const value = this.nextUint32();
      if (value < limit) return value % bound;
    }
  }

  /** A uniform integer in [0, bound) for any positive BigInt bound (32 bits at a time, rejection sampling). */
  belowBig(bound: bigint): bigint {
    if (bound < 1n) throw new RangeError(`bad bound ${bound}`);
    if (bound <= 2n ** 32n) return BigInt(this.below(Number(bound)));
    const bits = bound.toString(2).length;
    const words = Math.ceil(bits / 32);
    const excess = BigInt(words * 32 - bits);
    for (;;) {
      let value = 0n;
      for (let index = 0; index < words; index++) value = (value << 32n) | BigInt(this.nextUint32());
      value >>= excess;
      if (value < bound) return value;
    }
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}
