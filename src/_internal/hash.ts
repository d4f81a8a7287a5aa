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

/**
 * FNV-1a over the UTF-8 encoding of `s`, 32 bits, without encoding it: the hash `ByteInterner` keeps (and the
 * batch orders records and keys by), for code that holds strings. Equals `fnv1a32` for ASCII. A lone surrogate
 * hashes as U+FFFD, as encoding it would.
 */
export function fnv1a32Utf8(s: string): number {
  let h = 0x811c9dc5;
  const byte = (b: number): void => {
    h = Math.imul(h ^ b, 0x01000193);
  };
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, 0x01000193);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = s.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x800) {
      byte(0xc0 | (c >> 6));
    } else if (c < 0x10000) {
      byte(0xe0 | (c >> 12));
      byte(0x80 | ((c >> 6) & 63));
    } else {
      byte(0xf0 | (c >> 18));
      byte(0x80 | ((c >> 12) & 63));
      byte(0x80 | ((c >> 6) & 63));
    }
    byte(0x80 | (c & 63));
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
