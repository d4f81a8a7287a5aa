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
  // perf: most names are already plain (`Jose`, `Al Qasimi`): only their case changes, no regex runs.
  if (isPlainAsciiName(s)) return String.prototype.toLowerCase.call(s); // perf: as in isPlainAsciiName
  // perf: ASCII names skip Unicode decomposition.
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFKD').replace(COMBINING_MARKS, '');
  s = s.toLowerCase().replace(NON_LETTERS, ' ').trim();
  if (s.includes('  ')) s = s.replace(/ {2,}/g, ' ');
  // NFKD can grow a string 18-fold (one ligature, U+FDFA, is 18 letters): cap what comes out as well.
  return s.length > 200 ? s.slice(0, 200).trimEnd() : s;
}

// Unicode combining marks (Mn), which include Latin accents and Arabic harakat.
const COMBINING_MARKS = /\p{Mn}+/gu;
const NON_LETTERS = /[^\p{L}\p{N} ]+/gu;

/**
 * Whether `s` is ASCII letters and digits in words separated by single spaces: what the folding above leaves as it
 * is but for case.
 */
function isPlainAsciiName(s: string): boolean {
  let afterSpace = true;
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = codeAt.call(s, i);
    if (c === 0x20) {
      if (afterSpace) return false;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return !afterSpace || n === 0;
}
