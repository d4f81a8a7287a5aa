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
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  if (short.length >= 3 && long.startsWith(short)) return 0.9;
  if (sameSkeleton(a, b)) return 0.9;
  return 1 - editDistance(a, b) / long.length;
}

/**
 * Whether two names have one consonant skeleton of at least 2 letters: their consonants with vowels, y/w after
 * the first letter and doubled letters removed. "h" after a vowel or consonant is mostly a transliteration choice
 * (Mohammed / Mohamed / Muhamad keep it; "Ahmad" / "Ahmed" keep it) so it stays; y and w act as vowels in many
 * transliterations (Yousef / Yusuf). perf: compared letter by letter, without building either skeleton (the
 * strings were a tenth of what linking hard data allocated).
 */
export function sameSkeleton(a: string, b: string): boolean {
  let i = skeletonLetter(a, 0);
  let j = skeletonLetter(b, 0);
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    n++;
    i = skeletonLetter(a, i + 1);
    j = skeletonLetter(b, j + 1);
  }
  return i === a.length && j === b.length && n >= 2;
}

/** The index of the skeleton's next letter in `name` at or after `from` (`name.length` when none). */
function skeletonLetter(name: string, from: number): number {
  for (let i = from; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (i > 0 && c === name.charCodeAt(i - 1)) continue;
    if (c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75) continue; // a e i o u
    if ((c === 0x79 || c === 0x77) && i > 0) continue; // y w
    return i;
  }
  return name.length;
}

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
