import { WordSet } from '../_internal/WordSet.js';
import { normalizeName } from './normalizeName.js';

/**
 * Words that start a surname rather than end a given name: Arabic `al`/`el` (the article), `bin`/`bint`/`ibn`
 * (son/daughter of), `abu`/`umm`; Dutch, German, French, Spanish and Portuguese particles. "Abdullah Al Otaibi"
 * has the surname "al otaibi", not "otaibi"; "Anna van Dyke" has "van dyke".
 */
export const SURNAME_PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'bin', 'bint', 'ibn', 'ben', 'abu', 'umm', 'bu',
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'st', 'ter', 'ten', 'mac',
]);

/**
 * Courtesy titles and honorifics written in name fields ("Mr John Smith", "Dr. Sara", "Sheikh Hamdan"): not part
 * of the name.
 */
const TITLES = new WordSet([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'mme', 'mlle', 'sr', 'sra', 'engr', 'eng', 'sheikh', 'shaikh', 'sheikha', 'shaikha', 'hh', 'he',
]);

/**
 * Placeholder names that say nothing about the person ("Guest", "Customer", "N/A", "Test"): treated as no name,
 * so they neither agree nor disagree with anything. A real given name never appears here.
 */
const PLACEHOLDER_NAMES = new WordSet([
  'guest', 'customer', 'client', 'user', 'member', 'visitor', 'unknown', 'na', 'n a', 'none', 'null', 'nil', 'test', 'testing',
  'xxx', 'xx', 'x', 'abc', 'asdf', 'qwerty', 'name', 'first', 'last', 'firstname', 'lastname', 'no name', 'noname', 'anonymous',
  'walk in', 'walkin', 'cash', 'cash customer', 'dear customer', 'valued customer', 'sir', 'madam',
]);

/**
 * The first and last name a record's name fields give, folded (`normalizeName`), '' when absent:
 * - titles are dropped, placeholders ("Guest", "N/A") count as no name;
 * - a full name written "Last, First" is read that way ("Al Otaibi, Abdullah", "Van Dyke, Anna");
 * - otherwise a full name's first word is the first name and its surname starts at the first particle after it
 *   ("Abdullah Al Otaibi" → "al otaibi", "Saeed bin Rashid Al Maktoum" → "bin rashid al maktoum"), or is its last
 *   word ("John Michael Smith" → "smith");
 * - the separate first and last name fields win over what the full name says.
 */
export function personNameOf(fields: { readonly firstName?: string; readonly lastName?: string; readonly fullName?: string }): [first: string, last: string] {
  let first = cleanName(fields.firstName);
  let last = cleanName(fields.lastName);
  if ((first === '' || last === '') && fields.fullName !== undefined) {
    const [fullFirst, fullLast] = splitFullName(fields.fullName);
    if (first === '') first = fullFirst;
    if (last === '') last = fullLast;
  }
  // A first-name field holding "John Smith" with no last name (absent, empty or a placeholder) and no full name:
  // the same split as a full name.
  if (last === '' && first.includes(' ') && cleanName(fields.fullName) === '') {
    [first, last] = splitWords(first.split(' '));
  }
  return [first, last];
}

/** A name field folded, without titles; '' for a placeholder. */
function cleanName(raw: string | undefined): string {
  const folded = normalizeName(raw);
  if (folded === '') return '';
  // perf: one word, or a first word that is no title (most names): no split.
  const space = folded.indexOf(' ');
  if (space === -1 || !TITLES.hasPrefix(folded, space)) return PLACEHOLDER_NAMES.has(folded) ? '' : folded;
  const words = folded.split(' ');
  let start = 0;
  while (start < words.length - 1 && TITLES.has(words[start]!)) start++;
  const name = start === 0 ? folded : words.slice(start).join(' ');
  return PLACEHOLDER_NAMES.has(name) ? '' : name;
}

function splitFullName(raw: string): [first: string, last: string] {
  const comma = raw.indexOf(',');
  if (comma > 0) {
    // "Last, First [Middle]"; a trailing ", Jr" is not a first name.
    const last = cleanName(raw.slice(0, comma));
    const rest = cleanName(raw.slice(comma + 1));
    if (last !== '' && rest !== '' && !SUFFIXES.has(rest)) return [rest.split(' ')[0]!, last];
  }
  const full = cleanName(raw);
  if (full === '') return ['', ''];
  return splitWords(full.split(' ').filter((w) => !SUFFIXES.has(w)));
}

/**
 * First word, and the surname: from the first particle after the first word, else the last word. A name that
 * starts with a particle starts with its surname ("Al Harbi Mariam" → "mariam", "al harbi"; "Al Otaibi" → a
 * surname alone).
 */
function splitWords(words: readonly string[]): [first: string, last: string] {
  if (words.length === 0) return ['', ''];
  if (words.length === 1) return [words[0]!, ''];
  if (SURNAME_PARTICLES.has(words[0]!)) {
    let end = 1;
    while (end < words.length - 1 && SURNAME_PARTICLES.has(words[end]!)) end++;
    return words.length === end + 1 ? ['', words.join(' ')] : [words[end + 1]!, words.slice(0, end + 1).join(' ')];
  }
  for (let i = 1; i < words.length - 1; i++) {
    if (SURNAME_PARTICLES.has(words[i]!)) return [words[0]!, words.slice(i).join(' ')];
  }
  return [words[0]!, words[words.length - 1]!];
}

const SUFFIXES = new WordSet(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md']);

/**
 * A surname without its particles and spaces, for comparison: "Al-Otaibi", "al otaibi" and "Otaibi" all give
 * "otaibi"; "bin Rashid Al Maktoum" gives "rashidmaktoum". A surname that is only particles keeps them.
 */
export function surnameCore(folded: string): string {
  if (!folded.includes(' ')) return stripGluedArticle(folded);
  const words = folded.split(' ');
  const kept = words.filter((w) => !SURNAME_PARTICLES.has(w));
  return kept.length === 0 ? words.join('') : kept.join('');
}

/** "alotaibi" → "otaibi": the Arabic article written together with the name (only before 4+ more letters). */
function stripGluedArticle(word: string): string {
  if (word.length >= 6 && (word.startsWith('al') || word.startsWith('el'))) return word.slice(2);
  return word;
}
