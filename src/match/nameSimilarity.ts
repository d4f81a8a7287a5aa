import { distance } from 'fastest-levenshtein';

/**
 * Similarity of two folded names in [0, 1], for names the given-name table does not know:
 * - 1 when equal;
 * - 0.9 when one is a prefix of the other of at least 3 letters (Rob / Robert, Moh / Mohammed) or when their
 *   consonant skeletons match — transliterations of one Arabic name differ mostly in vowels and doubled letters
 *   (Mohammed / Muhammad / Mohamed all give "mhmd");
 * - otherwise 1 - edit distance / longer length, where swapping two neighbouring letters is one edit (optimal
 *   string alignment): a typed "Anma" for "Amna" is one slip, not two.
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
  return 1 - editDistance(a, b) / long.length;
}

/** Consonants with vowels, y/w after the first letter and doubled letters removed. */
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

/**
 * Levenshtein distance (fastest-levenshtein), except that two neighbouring letters swapped count as one edit, not
 * two: a typed "Anma" for "Amna" is one slip. (Optimal string alignment for the common single swap, at the cost
 * of one length check.)
 */
export function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && a.length === b.length && isOneSwap(a, b) ? 1 : d;
}

/** True when b is a with exactly one pair of neighbouring letters swapped. */
function isOneSwap(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i + 1 >= a.length || a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  for (let j = i + 2; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}
