import { sameBytes } from '../_internal/sameBytes.js';
import { LEVEL, type Level } from './levels.js';
import { nameSimilarity } from './nameSimilarity.js';
import { normalizeName } from './normalizeName.js';

/** The evidence attributes of a record (spec §1): they corroborate or contradict a link, never link alone. */
export interface AttributeFields {
  readonly dateOfBirth?: string;
  readonly gender?: string;
  readonly postcode?: string;
  readonly city?: string;
  readonly address?: string;
  readonly country?: string;
}

const SEP = '\x1f';

/**
 * The attributes folded for comparison into one short string (the engine interns it like a name; '' when the
 * record has none): `dob␟gender␟postcode␟city␟address␟country`.
 * - date of birth: `YYYYMMDD` with `0000` / `00` for unknown parts (see `foldDateOfBirth`), '' when unreadable;
 * - gender: `m` or `f`, '' for anything else (other values are not evidence either way);
 * - postcode: upper-case letters and digits; city and address: folded like names, address words abbreviated
 *   one way (street → st); country: folded.
 */
export function foldAttributes(r: AttributeFields): string {
  const dob = r.dateOfBirth === undefined ? '' : foldDateOfBirth(r.dateOfBirth);
  const gender = r.gender === undefined ? '' : foldGender(r.gender);
  const postcode = r.postcode === undefined ? '' : r.postcode.toUpperCase().replace(/[^0-9A-Z]+/g, '').slice(0, 16);
  const city = normalizeName(r.city);
  const address = r.address === undefined ? '' : foldAddress(r.address);
  const country = normalizeName(r.country);
  if (dob === '' && gender === '' && postcode === '' && city === '' && address === '' && country === '') return '';
  return dob + SEP + gender + SEP + postcode + SEP + city + SEP + address + SEP + country;
}

/**
 * A date of birth as `YYYYMMDD`, `0000`/`00` marking unknown parts; '' when unreadable or a placeholder.
 * Accepted: ISO `1984-03-07` (a time part ignored), `1984/03/07`, `19840307`, day first `07/03/1984`,
 * `07-03-1984`, `07.03.1984` (month first when the first number cannot be a month day... i.e. the second is
 * over 12), `1984-03`, `03/1984`, `1984`. First of January is how many registries write "year known only", so
 * `01-01` keeps only the year; 1900-01-01 and 1970-01-01 (system defaults) are no date at all.
 */
export function foldDateOfBirth(raw: string): string {
  const s = raw.trim();
  if (s.length > 40) return '';
  const date = readDate(s);
  if (date === undefined) return '';
  let { y, m, d } = date;
  if (y < 1875 || y > 2100 || m > 12 || d > 31 || (d > 0 && m === 0)) return '';
  if (m === 1 && d === 1) {
    if (y === 1900 || y === 1970 || y === 1901) return '';
    m = 0;
    d = 0;
  }
  return String(y) + pad2(m) + pad2(d);
}

/**
 * Year, month and day (0: unknown) of the shapes `foldDateOfBirth` accepts, read digit run by digit run; undefined
 * for any other shape. As the patterns `^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$`, then
 * `^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$` (day first, or month first when the month cannot be one),
 * `^(\d{4})(\d{2})(\d{2})$`, `^(\d{4})[-/.](\d{1,2})$`, `^(\d{1,2})[-/.](\d{4})$`, `^(\d{4})$` (a property test
 * holds it to them). perf: trying the patterns in turn was a tenth of folding a record's attributes.
 */
function readDate(s: string): { y: number; m: number; d: number } | undefined {
  const n = s.length;
  const a = digitsEnd(s, 0);
  if (a === 4) {
    const y = digitsValue(s, 0, 4);
    if (n === 4) return { y, m: 0, d: 0 };
    if (!isDateSeparator(s.charCodeAt(4))) return undefined;
    const b = digitsEnd(s, 5);
    if (b - 5 < 1 || b - 5 > 2) return undefined;
    const m = digitsValue(s, 5, b);
    if (b === n) return { y, m, d: 0 };
    if (!isDateSeparator(s.charCodeAt(b))) return undefined;
    const c = digitsEnd(s, b + 1);
    if (c - b - 1 < 1 || c - b - 1 > 2) return undefined;
    if (c < n) {
      // A time or anything after `T` or a space, on one line (`.` matches no line terminator).
      const after = s.charCodeAt(c);
      if (after !== 84 /* T */ && after !== 32) return undefined;
      for (let i = c + 1; i < n; i++) if (isLineTerminator(s.charCodeAt(i))) return undefined;
    }
    return { y, m, d: digitsValue(s, b + 1, c) };
  }
  if (a === 8 && n === 8) return { y: digitsValue(s, 0, 4), m: digitsValue(s, 4, 6), d: digitsValue(s, 6, 8) };
  if (a < 1 || a > 2 || !isDateSeparator(s.charCodeAt(a))) return undefined;
  const first = digitsValue(s, 0, a);
  const b = digitsEnd(s, a + 1);
  if (b - a - 1 === 4 && b === n) return { y: digitsValue(s, a + 1, b), m: first, d: 0 };
  if (b - a - 1 < 1 || b - a - 1 > 2 || !isDateSeparator(s.charCodeAt(b))) return undefined;
  const c = digitsEnd(s, b + 1);
  if (c - b - 1 !== 4 || c !== n) return undefined;
  const second = digitsValue(s, a + 1, b);
  const y = digitsValue(s, b + 1, c);
  return second > 12 && first <= 12 ? { y, m: first, d: second } : { y, m: second, d: first };
}

/** Where the run of ASCII digits starting at `from` ends. */
function digitsEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return i;
}

function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

function isDateSeparator(c: number): boolean {
  return c === 45 /* - */ || c === 47 /* / */ || c === 46 /* . */;
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function foldGender(raw: string): string {
  const g = normalizeName(raw);
  if (g === 'm' || g === 'male' || g === 'man' || g === 'mr' || g === 'ذكر') return 'm';
  if (g === 'f' || g === 'female' || g === 'woman' || g === 'mrs' || g === 'ms' || g === 'أنثى' || g === 'انثى') return 'f';
  return '';
}

const ADDRESS_WORDS: ReadonlyMap<string, string> = new Map([
  ['street', 'st'], ['str', 'st'], ['road', 'rd'], ['avenue', 'ave'], ['av', 'ave'], ['boulevard', 'blvd'], ['drive', 'dr'],
  ['lane', 'ln'], ['place', 'pl'], ['court', 'ct'], ['building', 'bldg'], ['bld', 'bldg'], ['apartment', 'apt'], ['flat', 'apt'],
  ['floor', 'fl'], ['tower', 'twr'], ['villa', 'vl'], ['north', 'n'], ['south', 's'], ['east', 'e'], ['west', 'w'], ['number', 'no'],
]);

const SHORTEST_WORD = Math.min(...[...ADDRESS_WORDS.keys()].map((w) => w.length));
const LONGEST_WORD = Math.max(...[...ADDRESS_WORDS.keys()].map((w) => w.length));

/**
 * The address folded like a name, each word of `ADDRESS_WORDS` abbreviated. perf: words are found in place and
 * only those as long as a listed word are looked up; the text is rebuilt only around a replaced word (splitting
 * into an array of words and joining them was most of the cost of folding a record's attributes).
 */
function foldAddress(raw: string): string {
  const folded = normalizeName(raw);
  let out = '';
  let copied = 0;
  for (let from = 0; from < folded.length; ) {
    let to = folded.indexOf(' ', from);
    if (to === -1) to = folded.length;
    if (to - from >= SHORTEST_WORD && to - from <= LONGEST_WORD) {
      const short = ADDRESS_WORDS.get(folded.slice(from, to));
      if (short !== undefined) {
        out += folded.slice(copied, from) + short;
        copied = to;
      }
    }
    from = to + 1;
  }
  return copied === 0 ? folded : out + folded.slice(copied);
}

/** Levels of each attribute between two records (`LEVEL.none` where either has no value). */
export interface AttributeLevels {
  dateOfBirth: Level;
  gender: Level;
  postcode: Level;
  city: Level;
  address: Level;
  country: Level;
}

export function noAttributeLevels(): AttributeLevels {
  return { dateOfBirth: LEVEL.none, gender: LEVEL.none, postcode: LEVEL.none, city: LEVEL.none, address: LEVEL.none, country: LEVEL.none };
}

/** Sets every level of `out` to none. perf: field by field (`Object.assign` from a constant was ~4% of a link part). */
export function clearAttributeLevels(out: AttributeLevels): void {
  out.dateOfBirth = out.gender = out.postcode = out.city = out.address = out.country = LEVEL.none;
}

/** Copies `from`'s levels into `to`, field by field (perf: as `clearAttributeLevels`). */
export function copyAttributeLevels(to: AttributeLevels, from: AttributeLevels): void {
  to.dateOfBirth = from.dateOfBirth;
  to.gender = from.gender;
  to.postcode = from.postcode;
  to.city = from.city;
  to.address = from.address;
  to.country = from.country;
}

/** Compares two folded attribute strings (`foldAttributes`), writing the levels into `out`. Symmetric. */
export function compareAttributes(a: string, b: string, out: AttributeLevels): AttributeLevels {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return compareAttributeBytes(ba, 0, ba.length, bb, 0, bb.length, out);
}

const SEP_BYTE = 0x1f;

/**
 * `compareAttributes` on the UTF-8 bytes of the two folded strings, `a[aStart, aEnd)` and `b[bStart, bEnd)`: the
 * one implementation. perf: the linker compares attributes where they are interned; splitting each decoded string
 * into six was a quarter of the link's allocation on hard data, and most fields compare as bytes (a date as
 * numbers, gender, postcode and country by equality); only differing cities and addresses are decoded.
 */
export function compareAttributeBytes(a: Buffer, aStart: number, aEnd: number, b: Buffer, bStart: number, bEnd: number, out: AttributeLevels): AttributeLevels {
  let as = aStart, bs = bStart;
  let ae = fieldEnd(a, as, aEnd), be = fieldEnd(b, bs, bEnd);
  const da = dateValue(a, as, ae), db = dateValue(b, bs, be);
  out.dateOfBirth = da >= 0 && db >= 0 ? compareDateValues(da, db) : LEVEL.none;
  as = ae + 1; bs = be + 1; ae = fieldEnd(a, as, aEnd); be = fieldEnd(b, bs, bEnd);
  out.gender = equalLevel(a, as, ae, b, bs, be);
  as = ae + 1; bs = be + 1; ae = fieldEnd(a, as, aEnd); be = fieldEnd(b, bs, bEnd);
  out.postcode = equalLevel(a, as, ae, b, bs, be);
  as = ae + 1; bs = be + 1; ae = fieldEnd(a, as, aEnd); be = fieldEnd(b, bs, bEnd);
  out.city = ae > as && be > bs
    ? (sameBytes(a, as, ae, b, bs, be) ? LEVEL.exact : compareText(a.toString('utf8', as, ae), b.toString('utf8', bs, be), 0.8))
    : LEVEL.none;
  as = ae + 1; bs = be + 1; ae = fieldEnd(a, as, aEnd); be = fieldEnd(b, bs, bEnd);
  out.address = ae > as && be > bs
    ? compareAddresses(a, as, ae, b, bs, be)
    : LEVEL.none;
  as = ae + 1; bs = be + 1; ae = fieldEnd(a, as, aEnd); be = fieldEnd(b, bs, bEnd);
  out.country = equalLevel(a, as, ae, b, bs, be);
  return out;
}

/**
 * Where the field starting at `from` ends: the next separator, or `end` (`from` itself when past `end`: an empty
 * field).
 */
function fieldEnd(s: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end && s[i] !== SEP_BYTE) i++;
  return i;
}

/** Exact when both fields are present and equal, disagree when they differ, none when either is absent. */
function equalLevel(a: Buffer, as: number, ae: number, b: Buffer, bs: number, be: number): Level {
  if (ae <= as || be <= bs) return LEVEL.none;
  return sameBytes(a, as, ae, b, bs, be) ? LEVEL.exact : LEVEL.disagree;
}

/**
 * A folded date of birth (`YYYYMMDD`) as the number YYYYMMDD; -1 for an empty field or anything but eight ASCII
 * digits (folding never writes one, but a hand-edited snapshot could: it is no evidence).
 */
function dateValue(s: Buffer, from: number, to: number): number {
  if (to - from !== 8) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = s[i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Two folded dates of birth (`foldDateOfBirth`; none for anything else): exact when every part is known and equal;
 * close when they are compatible — the known parts agree (a partial date), day and month are swapped, or one part
 * differs in one digit (a slip on a form); disagree otherwise.
 */
export function compareDatesOfBirth(a: string, b: string): Level {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  const da = dateValue(ba, 0, ba.length), db = dateValue(bb, 0, bb.length);
  return da >= 0 && db >= 0 ? compareDateValues(da, db) : LEVEL.none;
}

/** `compareDatesOfBirth` on dates as numbers YYYYMMDD (0 for an unknown month or day). */
function compareDateValues(a: number, b: number): Level {
  const ya = Math.floor(a / 10000), yb = Math.floor(b / 10000);
  const ma = Math.floor(a / 100) % 100, mb = Math.floor(b / 100) % 100;
  const da = a % 100, db = b % 100;
  if (a === b) return ma === 0 || da === 0 ? LEVEL.close : LEVEL.exact;
  const sameMonth = ma === 0 || mb === 0 || ma === mb;
  const sameDay = da === 0 || db === 0 || da === db;
  if (ya === yb && sameMonth && sameDay) return LEVEL.close;
  const full = ma !== 0 && mb !== 0 && da !== 0 && db !== 0;
  if (ya === yb && full && ma === db && da === mb) return LEVEL.close;
  // One slip: exactly one part differs, by one digit.
  const slips = (ya === yb ? 0 : oneDigit(ya, yb, 4) ? 1 : 2) + (sameMonth ? 0 : oneDigit(ma, mb, 2) ? 1 : 2) + (sameDay ? 0 : oneDigit(da, db, 2) ? 1 : 2);
  return slips === 1 ? LEVEL.close : LEVEL.disagree;
}

/** Whether `a` and `b`, written with `digits` decimal digits, differ in exactly one of them. */
function oneDigit(a: number, b: number, digits: number): boolean {
  let diff = 0;
  for (let i = 0; i < digits; i++, a = Math.floor(a / 10), b = Math.floor(b / 10)) if (a % 10 !== b % 10) diff++;
  return diff === 1;
}

function compareText(a: string, b: string, minSimilarity: number): Level {
  if (a === b) return LEVEL.exact;
  return minSimilarity < 1 && nameSimilarity(a, b) >= minSimilarity ? LEVEL.variant : LEVEL.disagree;
}

/** Words of an address compared: enough for any real address, and a bound on a hostile one's cost. */
const MAX_ADDRESS_WORDS = 24;

/**
 * Addresses `a[as, ae)` and `b[bs, be)` (UTF-8): exact, a variant when most words agree (typos, a missing flat
 * number), else disagree. Symmetric.
 */
function compareAddresses(a: Buffer, as: number, ae: number, b: Buffer, bs: number, be: number): Level {
  if (sameBytes(a, as, ae, b, bs, be)) return LEVEL.exact;
  if (wordsMostlyAgree(a, as, ae, b, bs, be)) return LEVEL.variant;
  // Spelling similarity only between addresses both longer than 8 characters: on short ones a letter or two is a
  // different street. perf: decoded only here; more than 8 characters needs more than 8 bytes.
  if (ae - as <= 8 || be - bs <= 8) return LEVEL.disagree;
  const ta = a.toString('utf8', as, ae);
  const tb = b.toString('utf8', bs, be);
  return ta.length > 8 && tb.length > 8 && nameSimilarity(ta, tb) >= 0.85 ? LEVEL.variant : LEVEL.disagree;
}

/** Word bounds of the two addresses being compared (start, end pairs). One comparison at a time per thread. */
const wordsA = new Int32Array(2 * MAX_ADDRESS_WORDS);
const wordsB = new Int32Array(2 * MAX_ADDRESS_WORDS);

/**
 * Whether the distinct words the two addresses share are at least 0.6 of the distinct words of both together
 * (Jaccard), over the first `MAX_ADDRESS_WORDS` words of each, as split on single spaces. perf: on the bytes where
 * they lie (a space byte is a space in UTF-8, and equal bytes are equal words); two Sets of split words per
 * comparison were an eighth of the link's allocation on hard data.
 */
function wordsMostlyAgree(a: Buffer, as: number, ae: number, b: Buffer, bs: number, be: number): boolean {
  const na = wordBounds(a, as, ae, wordsA);
  const nb = wordBounds(b, bs, be, wordsB);
  let distinctA = 0;
  let distinctB = 0;
  let common = 0;
  for (let i = 0; i < na; i++) {
    if (indexOfWord(a, wordsA[2 * i]!, wordsA[2 * i + 1]!, a, wordsA, i) < i) continue;
    distinctA++;
    if (indexOfWord(a, wordsA[2 * i]!, wordsA[2 * i + 1]!, b, wordsB, nb) < nb) common++;
  }
  for (let j = 0; j < nb; j++) if (indexOfWord(b, wordsB[2 * j]!, wordsB[2 * j + 1]!, b, wordsB, j) === j) distinctB++;
  return common / (distinctA + distinctB - common) >= 0.6;
}

/** Splits `s[from, to)` on each space into at most `MAX_ADDRESS_WORDS` words, as `split(' ', MAX_ADDRESS_WORDS)`. */
function wordBounds(s: Buffer, from: number, to: number, into: Int32Array): number {
  let n = 0;
  let start = from;
  for (let i = from; i <= to && n < MAX_ADDRESS_WORDS; i++) {
    if (i === to || s[i] === 0x20) {
      into[2 * n] = start;
      into[2 * n + 1] = i;
      n++;
      start = i + 1;
    }
  }
  return n;
}

/** The first of the words `words[0, count)` of `s` equal to `w[ws, we)`, or `count` when none is. */
function indexOfWord(w: Buffer, ws: number, we: number, s: Buffer, words: Int32Array, count: number): number {
  for (let j = 0; j < count; j++) if (sameBytes(w, ws, we, s, words[2 * j]!, words[2 * j + 1]!)) return j;
  return count;
}
