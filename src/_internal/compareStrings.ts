/** Orders strings by UTF-16 code unit (JavaScript's `<`), the order `ByteInterner.compare` gives interned ids. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders the UTF-8 texts `x[xa, xa + xl)` and `y[ya, ya + yl)` as their strings order by `compareStrings`, without
 * decoding them; NaN when only decoding can tell. UTF-8 bytes order by code point, which differs from code unit
 * order only between a supplementary character and U+E000–U+FFFF: where the first differing bytes are both lead
 * bytes ≥ 0xEE, the caller compares the strings.
 */
export function compareUtf8(x: Uint8Array, xa: number, xl: number, y: Uint8Array, ya: number, yl: number): number {
  const n = Math.min(xl, yl);
  for (let i = 0; i < n; i++) {
    const p = x[xa + i]!;
    const q = y[ya + i]!;
    if (p === q) continue;
    return p >= 0xee && q >= 0xee ? Number.NaN : p - q;
  }
  return xl - yl;
}
