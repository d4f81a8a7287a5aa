/**
 * `String.prototype.trim` (all Unicode White_Space plus line terminators and U+FEFF, ECMA-262 §22.1.3.32) that also
 * trims, at the ends only, the invisible characters copy and paste leaves around a value: zero-width space U+200B,
 * zero-width non-joiner / joiner U+200C–U+200D, left-to-right / right-to-left marks U+200E–U+200F, Arabic letter
 * mark U+061C, bidi embeddings and isolates U+202A–U+202E / U+2066–U+2069, word joiner and invisible operators
 * U+2060–U+2064, soft hyphen U+00AD and Mongolian vowel separator U+180E. Inside the value nothing is touched.
 *
 * perf: a loop over char codes, no regex (an end-anchored `\s+$` regex is quadratic on long runs of spaces).
 */
export function trimUnicode(s: string): string {
  let t = s.trim();
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  for (;;) {
    const n = t.length;
    if (n === 0 || (!isInvisible(codeAt.call(t, 0)) && !isInvisible(codeAt.call(t, n - 1)))) return t;
    let start = 0;
    let end = n;
    while (start < end && isInvisible(codeAt.call(t, start))) start++;
    while (end > start && isInvisible(codeAt.call(t, end - 1))) end--;
    t = t.slice(start, end).trim();
  }
}

function isInvisible(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x00ad ||
    c === 0x061c ||
    c === 0x180e
  );
}
