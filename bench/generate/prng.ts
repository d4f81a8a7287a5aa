/**
 * Seeded randomness and the injective scramble behind every generated identifier.
 */

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, PractRand-tested): 128 bits of state and a period of
 * at least 2^32 guaranteed by its counter, far above the ~10^9 draws of a 20M-row run (mulberry32's whole period
 * is 2^32, too close for comfort).
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` ≠ 0 gives another, independent sequence for the same seed (stream 0 is the original one). */
  constructor(seed: number, stream = 0) {
    this.a = (0x9e3779b9 ^ stream) | 0;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // Warm-up: the first outputs of a fresh sfc32 state are poorly mixed.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/**
 * A bijection on unsigned 32-bit integers: each step (xor with a constant, multiplication by an odd constant
 * mod 2^32, xor-shift right by ≥ 16 bits) is invertible, so the composition is. Distinct inputs give distinct
 * outputs — this is what makes derived identifiers of different persons unable to collide (docs/benchmarks.md,
 * "Injectivity").
 */
export function scramble32(x: number, key: number): number {
  x = (x ^ key) >>> 0;
  x = Math.imul(x, 0x9e3779b1) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca77) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0xc2b2ae3d) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

/** Width of a base-36 tag: 36^7 > 2^32, so every 32-bit value fits, and the first character is always 0 or 1. */
export const TAG_WIDTH = 7;

/** `scramble32(value)` as a fixed-width, lower-case base-36 string (injective: fixed width, bijective scramble). */
export function tag36(value: number, key: number): string {
  return scramble32(value, key).toString(36).padStart(TAG_WIDTH, '0');
}
