/**
 * A fixed set of short strings asked about many strings that are nearly all absent: junk values, name titles,
 * placeholder names.
 *
 * perf: `Set#has` hashes the whole string first, and the strings asked about are mostly new to V8 (no hash kept
 * yet; one built by concatenation is flattened first). A signature of the string's length and first and last
 * characters rejects nearly every absent string without that: the junk matcher's exact values were 2.4% of the
 * read's worker time, the name titles and placeholders ~1%.
 */
export class WordSet {
  private readonly words: ReadonlySet<string>;
  /** 1 at the `signature` of every word: a string whose signature is 0 here is no word. */
  private readonly signatures = new Uint8Array(1 << 15);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) this.signatures[signature(w, w.length)] = 1;
  }

  /** Whether `v` is one of the words. */
  has(v: string): boolean {
    return this.signatures[signature(v, v.length)] === 1 && this.words.has(v);
  }

  /** Whether `v` up to `end` is one of the words (the substring is cut only when its signature fits). */
  hasPrefix(v: string, end: number): boolean {
    return this.signatures[signature(v, end)] === 1 && this.words.has(v.slice(0, end));
  }
}

/** Length (lengths from 31 up share one), and the low 5 bits of the first and last characters of `v[0, end)`. */
function signature(v: string, end: number): number {
  if (end === 0) return 0;
  return (Math.min(end, 31) << 10) | ((v.charCodeAt(0) & 31) << 5) | (v.charCodeAt(end - 1) & 31);
}
