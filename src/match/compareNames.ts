import { nameSimilarity } from './nameSimilarity.js';

export type NameVerdict = 'agree' | 'disagree' | 'unknown';

/**
 * Whether two records' names speak for the same person. Names are folded (normalizeName); -1 means absent.
 * - First names that are similar agree; so do first and last names swapped ("Ali Smith" / "Smith Ali").
 * - Names in different scripts cannot be compared (a transliteration is not a typo): unknown.
 * - A last name alone never agrees (a family shares it), but two clearly different last names disagree.
 * Symmetric.
 */
export function compareNames(
  firstA: number, lastA: number, firstB: number, lastB: number,
  nameOf: (id: number) => string, minSimilarity: number,
): NameVerdict {
  const similar = (x: number, y: number): boolean => x === y || nameSimilarity(nameOf(x), nameOf(y)) >= minSimilarity;
  if (firstA >= 0 && firstB >= 0) {
    if (!sameScript(nameOf(firstA), nameOf(firstB))) return 'unknown';
    if (similar(firstA, firstB)) return 'agree';
    if (lastA >= 0 && lastB >= 0 && similar(firstA, lastB) && similar(lastA, firstB)) return 'agree';
    return 'disagree';
  }
  if (lastA >= 0 && lastB >= 0 && sameScript(nameOf(lastA), nameOf(lastB)) && !similar(lastA, lastB)) {
    // One side has only a last name: it may be the other side's first name written in the wrong field.
    const other = firstA >= 0 ? firstA : firstB;
    const lone = firstA >= 0 ? lastB : lastA;
    if (other >= 0 && similar(other, lone)) return 'unknown';
    return 'disagree';
  }
  return 'unknown';
}

/** Latin (with digits) vs anything else, by the first letter: enough to tell "hassan" from "حسن". */
function sameScript(a: string, b: string): boolean {
  return isLatin(a) === isLatin(b);
}

function isLatin(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 0x250;
}
