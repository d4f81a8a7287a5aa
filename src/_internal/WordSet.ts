/**
 * A fixed set of short strings asked about many strings that are nearly all absent: junk values, name titles,
 * placeholder names.
 *
 * perf: `Set#has` hashes the whole string first, and the strings asked about are mostly new to V8 (no hash kept
 * yet; one built by concatenation is flattened first). A signature of the string's length and first and last
 * characters rejects nearly every absent string without that: the junk matcher's exact values were 2.4% of the
 * read's worker time (for the name titles and placeholders the change was within noise).
 */
export class WordSet {
  private readonly words: ReadonlySet<string>;
  /** A bit at the `signature` of every word (2^15 bits): a string whose bit is clear is no word. */
  private readonly signatures = new Uint32Array(1 << 10);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      const s = signature(w, w.length);
      this.signatures[s >>> 5]! |= 1 << (s & 31);
    }
  }

  /** Whether `v` is one of the words. */
  has(v: string): boolean {
    return this.mayHold(signature(v, v.length)) && this.words.has(v);
  }

  /**
   * Whether `v` up to `end` (0 ≤ end ≤ `v.length`) is one of the words; the substring is cut only when its
   * signature fits.
   */
  hasPrefix(v: string, end: number): boolean {
    return this.mayHold(signature(v, end)) && this.words.has(v.slice(0, end));
  }

  private mayHold(s: number): boolean {
    return (this.signatures[s >>> 5]! & (1 << (s & 31))) !== 0;
  }
}

/** Length (lengths from 31 up share one), and the low 5 bits of the first and last characters of `v[0, end)`. */
function signature(v: string, end: number): number {
  if (end === 0) return 0;
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  return (Math.min(end, 31) << 10) | ((codeAt.call(v, 0) & 31) << 5) | (codeAt.call(v, end - 1) & 31);
}
