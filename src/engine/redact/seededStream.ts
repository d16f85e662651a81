import { sha256 } from './sha256';

/**
 * A deterministic stream of numbers drawn from SHA-256 of a seed: the same seed (salt, kind and
 * original value) always gives the same pseudonym, and a different salt a different one.
 */
export class SeededStream {
  private block: Uint8Array = new Uint8Array(0);
  private used = 0;
  private counter = 0;

  constructor(private readonly seed: string) {}

  /** A number in [0, size). */
  below(size: number): number {
    // Four bytes (2^32) make the bias of the modulo negligible for the small sizes used here.
    let value = 0;
    for (let i = 0; i < 4; i++) value = value * 256 + this.byte();
    return value % size;
  }

  /** One character of `alphabet`. */
  pick(alphabet: string): string {
    return alphabet[this.below(alphabet.length)];
  }

  private byte(): number {
    if (this.used === this.block.length) {
      this.block = sha256(`${this.seed}\u0000${this.counter++}`);
      this.used = 0;
    }
    return this.block[this.used++];
  }
}

/** The stream for one value of one kind under a salt. */
export function seeded(salt: string, kind: string, value: string): SeededStream {
  return new SeededStream(`dipsample-redact/1\u0000${salt}\u0000${kind}\u0000${value}`);
}
