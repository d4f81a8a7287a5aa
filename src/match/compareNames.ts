import { areNameVariants, isKnownGivenName } from './names/givenNames.js';
import { nameSimilarity } from './nameSimilarity.js';
import { LEVEL, type Level } from './levels.js';
import { surnameCore, SURNAME_PARTICLES } from './personName.js';

/**
 * First names (folded, non-empty), as an agreement level:
 * - exact when equal; variant when the given-name table groups them (Bill / William, محمد / Mohammed) or, for a
 *   name the table does not know, when they are within `minSimilarity` (typos, transliterations, prefixes);
 * - close when one is a lone initial of the other ("J" / "John");
 * - disagree when both are known given names that the table does not group (Carl / Carol, Dana / Diana: edit
 *   distance alone cannot tell these from Alan / Allen), or when they are not similar;
 * - unknown across scripts without a table entry (a transliteration is not a typo).
 * Several words ("Mohammed Ali", "Ma Teresa"): the first words decide, then any pair of words.
 */
export function compareFirstNames(a: string, b: string, minSimilarity: number): Level {
  if (a === b) return LEVEL.exact;
  if (a.includes(' ') || b.includes(' ')) return compareWordsOfFirstNames(a, b, minSimilarity);
  return compareGivenName(a, b, minSimilarity);
}

function compareGivenName(a: string, b: string, minSimilarity: number): Level {
  if (a === b) return LEVEL.exact;
  if (a.length === 1 || b.length === 1) {
    // A lone initial: compatible with names it starts (in the same script), a disagreement with others.
    return a[0] === b[0] ? LEVEL.close : isLatin(a) === isLatin(b) ? LEVEL.disagree : LEVEL.unknown;
  }
  if (areNameVariants(a, b)) return LEVEL.variant;
  if (isLatin(a) !== isLatin(b)) return LEVEL.unknown;
  if (isKnownGivenName(a) && isKnownGivenName(b)) return LEVEL.disagree;
  return nameSimilarity(a, b) >= minSimilarity ? LEVEL.variant : LEVEL.disagree;
}

/** Words of a name compared one by one: a few suffice for real names, and a hostile name must not cost more. */
const MAX_WORDS = 4;

function compareWordsOfFirstNames(a: string, b: string, minSimilarity: number): Level {
  const wa = a.split(' ', MAX_WORDS);
  const wb = b.split(' ', MAX_WORDS);
  const head = compareGivenName(wa[0]!, wb[0]!, minSimilarity);
  if (head >= LEVEL.close) return head === LEVEL.exact ? LEVEL.variant : head;
  // "Ma Teresa" / "Teresa", "Mohammed Ali" / "Ali": another word of one is the other's name.
  let best: Level = head;
  for (const x of wa) {
    for (const y of wb) {
      if (x.length < 2 || y.length < 2) continue;
      const l = compareGivenName(x, y, minSimilarity);
      if (l >= LEVEL.variant) return LEVEL.variant;
      if (l > best) best = l;
    }
  }
  return best;
}

/**
 * Surnames (folded, non-empty), as an agreement level: particles and the glued Arabic article do not count
 * ("Al-Otaibi" = "Otaibi" = "Al Otaibi"); a compound or hyphenated surname agrees with any of its words
 * ("Garcia Lopez" / "Garcia"); typos within `minSimilarity` or with the same consonant skeleton are variants;
 * different scripts are unknown; anything else disagrees.
 */
export function compareSurnames(a: string, b: string, minSimilarity: number): Level {
  if (a === b) return LEVEL.exact;
  if (isLatin(a) !== isLatin(b)) return LEVEL.unknown;
  const ca = surnameCore(a);
  const cb = surnameCore(b);
  if (ca === cb) return LEVEL.exact;
  if (a.includes(' ') || b.includes(' ')) {
    const wb = b.split(' ', 2 * MAX_WORDS);
    for (const x of a.split(' ', 2 * MAX_WORDS)) {
      if (x.length < 3 || SURNAME_PARTICLES.has(x)) continue;
      if (wb.includes(x)) return LEVEL.variant;
    }
  }
  return nameSimilarity(ca, cb) >= minSimilarity ? LEVEL.variant : LEVEL.disagree;
}

/** The levels of two records' names, or `LEVEL.none` where a side has no name to compare. */
export interface NameLevels {
  first: Level;
  last: Level;
}

/**
 * Compares two records' first and last names (folded; '' when absent), allowing the two fields swapped
 * ("Ali Smith" / "Smith Ali") and a last name written in the first-name field. Writes into `out` (no allocation
 * in the linker's hot path). Symmetric.
 */
export function compareNamePairs(firstA: string, lastA: string, firstB: string, lastB: string, minSimilarity: number, out: NameLevels): NameLevels {
  out.first = firstA !== '' && firstB !== '' ? compareFirstNames(firstA, firstB, minSimilarity) : LEVEL.none;
  out.last = lastA !== '' && lastB !== '' ? compareSurnames(lastA, lastB, minSimilarity) : LEVEL.none;
  // A patronymic ("bin Rashid": son of Rashid) is not a surname that may have been swapped with a first name:
  // "Saeed bin Rashid" and "Rashid bin Saeed" are a father's and a son's names.
  if ((out.first === LEVEL.disagree || out.last === LEVEL.disagree) && !isPatronymic(lastA) && !isPatronymic(lastB)) {
    // Swapped fields: both crossings must agree when both sides have both names; one crossing when not.
    const cross1 = firstA !== '' && lastB !== '' ? crossLevel(firstA, lastB, minSimilarity) : LEVEL.none;
    const cross2 = lastA !== '' && firstB !== '' ? crossLevel(lastA, firstB, minSimilarity) : LEVEL.none;
    const full = firstA !== '' && lastA !== '' && firstB !== '' && lastB !== '';
    // With both names on both sides, one crossing must agree and the other must not disagree (it may be across
    // scripts: "حسن Brown" / "Brown Hassan").
    if (full ? Math.max(cross1, cross2) >= LEVEL.variant && Math.min(cross1, cross2) >= LEVEL.unknown : Math.max(cross1, cross2) >= LEVEL.variant) {
      // By value, not by position, so that swapping the two records gives the same levels (symmetry).
      const weak = Math.min(cross1, cross2) as Level;
      const strong = Math.min(Math.max(cross1, cross2), LEVEL.variant) as Level;
      out.first = full ? strong : out.first === LEVEL.disagree ? LEVEL.none : out.first;
      out.last = full ? (weak === LEVEL.exact ? LEVEL.variant : weak) : out.last === LEVEL.disagree ? LEVEL.none : out.last;
    }
  }
  return out;
}

const PATRONYMIC = /^(bin|bint|ibn|ben|abu|umm|bu) /;

function isPatronymic(surname: string): boolean {
  return PATRONYMIC.test(surname);
}

/** A first name against a surname (swapped fields): equal, a variant or a typo of it. */
function crossLevel(a: string, b: string, minSimilarity: number): Level {
  if (a === b) return LEVEL.exact;
  if (areNameVariants(a, b)) return LEVEL.variant;
  if (isLatin(a) !== isLatin(b)) return LEVEL.unknown;
  return nameSimilarity(surnameCore(a), surnameCore(b)) >= minSimilarity ? LEVEL.variant : LEVEL.disagree;
}

/** Latin (with digits) vs anything else, by the first letter: enough to tell "hassan" from "حسن". */
function isLatin(s: string): boolean {
  return s.charCodeAt(0) < 0x250;
}
