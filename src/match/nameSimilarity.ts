import { distance } from 'fastest-levenshtein';

/**
 * Similarity of two normalized first names in [0, 1]:
 * - 1 when equal;
 * - 0.9 when one is a prefix of the other of at least 3 letters (Rob / Robert, Moh / Mohammed) or when their
 *   consonant skeletons match — transliterations of one Arabic name differ mostly in vowels and doubled letters
 *   (Mohammed / Muhammad / Mohamed all give "mhmd");
 * - otherwise 1 - Levenshtein distance / longer length.
 *
 * Symmetric by construction.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return a.length > 0 ? 1 : 0;
  if (a.length === 0 || b.length === 0) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return 0.9;
  const sa = consonantSkeleton(a);
  if (sa.length >= 2 && sa === consonantSkeleton(b)) return 0.9;
  return 1 - distance(a, b) / long.length;
}

/** Latin consonants with vowels, y/w/h after a consonant and doubled letters removed. */
export function consonantSkeleton(name: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === prev) continue;
    prev = c;
    if (VOWELS.includes(c)) continue;
    // "h" after a vowel or consonant is mostly a transliteration choice (Mohammed / Mohamed / Muhamad keep it;
    // "Ahmad" / "Ahmed" keep it) so it stays; y and w act as vowels in many transliterations (Yousef / Yusuf).
    if ((c === 'y' || c === 'w') && i > 0) continue;
    out += c;
  }
  return out;
}

const VOWELS = 'aeiou';
