/**
 * Non-cryptographic string hashes used for deterministic ordering and profile ids. They depend only on the
 * string, never on input order or process state, which is what order independence needs.
 */

/** FNV-1a over UTF-16 code units, 32 bits. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A second, independent 32-bit hash (murmur3-style mixing) so two together give 64 bits. */
export function murmurMix32(s: string, seed = 0x9747b28c): number {
  let h = seed ^ s.length;
  for (let i = 0; i < s.length; i++) {
    let k = Math.imul(s.charCodeAt(i), 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 64 bits of hash as 16 lower-case hex characters. */
export function hash64Hex(s: string): string {
  return fnv1a32(s).toString(16).padStart(8, '0') + murmurMix32(s).toString(16).padStart(8, '0');
}
