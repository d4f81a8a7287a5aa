/**
 * Folds a person's name for comparison: NFKD, accents dropped, case-folded, punctuation removed, inner spaces
 * collapsed. Arabic and other scripts keep their letters (Arabic diacritics — harakat — are combining marks and
 * are dropped too). Returns '' when nothing letter-like is left.
 *
 * Names are evidence only (spec §1): this is never a matching key on its own.
 */
export function normalizeName(input: string | undefined): string {
  if (input === undefined) return '';
  let s = input.length > 200 ? input.slice(0, 200) : input;
  // perf: ASCII names (the vast majority) skip Unicode decomposition.
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFKD').replace(COMBINING_MARKS, '');
  s = s.toLowerCase().replace(NON_LETTERS, ' ').trim();
  if (s.includes('  ')) s = s.replace(/ {2,}/g, ' ');
  // NFKD can grow a string 18-fold (one ligature, U+FDFA, is 18 letters): cap what comes out as well.
  return s.length > 200 ? s.slice(0, 200).trimEnd() : s;
}

// Unicode combining marks (Mn), which include Latin accents and Arabic harakat.
const COMBINING_MARKS = /\p{Mn}+/gu;
const NON_LETTERS = /[^\p{L}\p{N} ]+/gu;
