import { getCountryCallingCode, Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { detachedString } from '../../_internal/detachedString.js';
import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import { hasNonAscii } from '../_internal/hasNonAscii.js';
import { stripInvisible } from '../_internal/stripInvisible.js';
import { validateInternationalDigits } from '../_internal/validateInternationalDigits.js';
import type { NormalizeFailure, NormalizePhoneResult } from '../../types.js';

export interface NormalizePhoneOptions {
  /** Region of numbers written without a country code (`050 123 4567`). Default `AE`. */
  readonly defaultRegion?: CountryCode;
  /** Junk list to apply; default `defaultJunkMatcher` (the built-in list). Must be pure (same answer for a value). */
  readonly junk?: JunkMatcher;
}

/**
 * Longest raw input looked at, in UTF-16 code units, checked before any regex. An E.164 number has at most 15 digits
 * (ITU-T E.164 §6.1); with a `tel:` scheme, separators, brackets and an extension 64 is generous.
 */
export const MAX_PHONE_INPUT = 64;

// perf: failures that do not depend on the input are allocated once (and frozen: they are shared).
const EMPTY: NormalizeFailure = Object.freeze({ ok: false, reason: 'empty', detail: undefined });
const TOO_LONG: NormalizeFailure = Object.freeze({ ok: false, reason: 'too_long', detail: `over ${MAX_PHONE_INPUT} characters` });
const JUNK: NormalizeFailure = Object.freeze({ ok: false, reason: 'junk_value', detail: undefined });
const NOT_A_STRING: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_phone', detail: 'not a string' });
const NO_DIGITS: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_phone', detail: 'no digits' });
const TOO_FEW: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_phone', detail: 'too few digits' });
const TOO_MANY: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_phone', detail: 'more than 17 digits' });
const NOT_VALID: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_phone', detail: 'not a valid number (libphonenumber)' });
const BAD_PLUS: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_phone', detail: '"+" not at the start' });
const PLACEHOLDER: NormalizeFailure = Object.freeze({ ok: false, reason: 'placeholder_phone', detail: 'repeated or sequential digits' });

/** Shortest and longest digit strings worth parsing: no national number is under 4 digits; E.164 max 15 + `00`. */
const MIN_DIGITS = 4;
const MAX_DIGITS = 17;

/**
 * A phone as the record keyer needs it: the E.164 value and how far it may be trusted to link. Not part of the
 * public API (the public result is `PhoneValue`); see `normalizePhoneForLinking`.
 */
export interface PhoneLinkValue {
  readonly ok: true;
  /** E.164. */
  readonly value: string;
  readonly country: string | undefined;
  /** Read as international without `+` or `00` because it was invalid in the default region (`PhoneValue.inferredCountry`). */
  readonly inferredCountry: boolean;
  /**
   * Weak evidence only: `inferredCountry` and not a valid mobile number of its country (libphonenumber type `MOBILE`
   * or `FIXED_LINE_OR_MOBILE`). A mis-read national number is more likely a fixed line that happens to fit a foreign
   * plan (`4936202565` in the US → `+49 3620 2565`) than a mobile, whose operator prefixes are narrow; a person's
   * international mobile written without `+` (`971501234567`) is the common case and stays strong.
   */
  readonly weak: boolean;
}

/** A successful parse. */
class ParsedPhone implements PhoneLinkValue {
  readonly ok = true as const;
  constructor(
    readonly value: string,
    readonly country: string | undefined,
    readonly inferredCountry: boolean,
    readonly weak: boolean,
  ) {}
}
type Outcome = ParsedPhone | NormalizeFailure;

/**
 * Normalizes a phone number to E.164 (ITU-T E.164) with libphonenumber-js and its `max` metadata (spec §2 "Phone").
 *
 * Accepted forms (see docs/normalization-rules.md, "Phone"):
 * - international: `+971 50 123 4567`, `00971501234567` (`00` is read as the international prefix everywhere);
 * - national with the trunk prefix, in `defaultRegion` (default `AE`): `050-123-4567`, `(050) 123 4567`;
 * - national without it (`501234567`), and a country code without `+` (`971501234567`, `966501234567`): read
 *   nationally in `defaultRegion` first; when that is not a valid number, read as international, and the result
 *   says so (`inferredCountry: true`: `4936202565` in region US is `+4936202565`, a German number, by inference);
 * - the country code in brackets: `(+971) 50 123 4567`, `(00971) 501234567` (explicit: as `+971 50 123 4567`);
 *   `(971) 50 123 4567` without `+` or `00` follows the rule above (see `canonicalKeyOf`);
 * - separators: spaces (also no-break and other Unicode spaces), dots, dashes (also Unicode dashes), brackets,
 *   slashes; a `tel:` URI (RFC 3966, parameters dropped); an extension (`x123`, `ext. 12`, `#12`) is dropped;
 *   Arabic-Indic, Extended Arabic-Indic (Persian/Urdu) and fullwidth digits; invisible bidi marks.
 *
 * Refused: `empty`; `too_long` (over 64 characters, checked first); `invalid_phone` (other characters, too few or
 * too many digits, or libphonenumber `isValid()` false); `placeholder_phone` (one repeated digit, a subscriber
 * part of one repeated digit, or a run of consecutive digits); `junk_value` (the junk matcher, tested last on the
 * E.164 value, and on inputs that are not phone-shaped at all such as `n/a`). Never throws.
 *
 * perf: one scan reduces every international or trunk-prefixed form of a number to one canonical key
 * (`+971501234567`); numbers of the common calling codes are then validated by `validateInternationalDigits`
 * (libphonenumber's own metadata, precompiled, ~1.3 µs a number) and only the rest by libphonenumber-js itself,
 * whose answers are cached (at most 2 × 50,000 entries; see `byLibrary`).
 *
 * @example
 * normalizePhone('00971 50-123-4567') // { ok: true, value: '+971501234567', raw: '00971 50-123-4567', country: 'AE' }
 * normalizePhone('0501234567') // { ok: true, value: '+971501234567', … } (default region AE)
 * normalizePhone('+971 50 000 0000') // { ok: false, reason: 'placeholder_phone', detail: 'repeated or sequential digits' }
 */
export function normalizePhone(input: string, options?: NormalizePhoneOptions): NormalizePhoneResult {
  const r = lookUp(input, options);
  if (!(r instanceof ParsedPhone)) return r;
  // The common result keeps its four-field shape; only inferred numbers carry the flag.
  if (r.inferredCountry) return { ok: true, value: r.value, raw: input, country: r.country, inferredCountry: true };
  return { ok: true, value: r.value, raw: input, country: r.country };
}

/**
 * `normalizePhone` for the record keyer: the same decisions, answered with the parse itself, which also says whether
 * the number is only weak evidence (`weak`, see `PhoneLinkValue`). Not part of the public API.
 */
export function normalizePhoneForLinking(input: string, options?: NormalizePhoneOptions): PhoneLinkValue | NormalizeFailure {
  return lookUp(input, options);
}

function lookUp(input: string, options: NormalizePhoneOptions | undefined): ParsedPhone | NormalizeFailure {
  if (typeof input !== 'string') return NOT_A_STRING;
  if (input.length > MAX_PHONE_INPUT) return TOO_LONG;
  const region = options?.defaultRegion ?? 'AE';
  const junk = options?.junk ?? defaultJunkMatcher;

  const key = canonicalKeyOf(input, region);
  if (typeof key !== 'string') {
    // Not phone-shaped (letters, stray symbols): a placeholder word such as `n/a` or `none` is junk, anything else invalid.
    if (key === NOT_PHONE_SHAPED) return isJunkText(junk, input) ? JUNK : notPhoneShaped(input);
    if (key === NO_DIGITS || key === BAD_PLUS) return isJunkText(junk, input) ? JUNK : key;
    return key;
  }
  const outcome = resolveKey(key, region);
  if (!(outcome instanceof ParsedPhone)) return outcome;
  return junk.isJunk('phone', outcome.value) ? JUNK : outcome;
}

// ---------------------------------------------------------------------------------------------------------------
// Step 1: the canonical key. One scan over the (at most 64) characters; no regex on the ASCII fast path.

const NOT_PHONE_SHAPED: NormalizeFailure = Object.freeze({ ok: false, reason: 'invalid_phone', detail: 'not a phone number' });

/**
 * The canonical key of an input: `+<digits>` when the calling code is known (international forms, and trunk-prefixed
 * national forms of regions whose trunk prefix is a plain `0`), else `<region>:<digits>`. Or a failure.
 */
function canonicalKeyOf(input: string, region: CountryCode): string | NormalizeFailure {
  // perf: the canonical E.164 form (our own output, and the commonest stored form) is its own key: no allocation.
  if (isPlusDigits(input)) return input.length - 1 < MIN_DIGITS ? TOO_FEW : input.length - 1 > MAX_DIGITS ? TOO_MANY : input;
  let s = input;
  if (!isAsciiPhoneText(s)) {
    s = cleanUp(s);
    if (!isAsciiPhoneText(s)) return NOT_PHONE_SHAPED;
  }
  // Leading/trailing spaces; a `+` anywhere but first (or first inside a leading bracket) is refused.
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const n = s.length;
  let start = 0;
  while (start < n && codeAt.call(s, start) === 0x20) start++;
  // The country code in brackets, `(+971) 50 123 4567` (also `( +44 )`): the `+` opens the number as in `+971 50…`.
  // `(00971) …` needs nothing here (its digits start with `00`), and `(971) 50 123 4567` without `+` or `00` is a
  // country code only by inference: its digits are `971501234567`, read nationally first and internationally when
  // that is invalid, flagged `inferredCountry` (`resolveKey`). Reading the digits that way is exactly "the bracketed
  // group is the country code": calling codes are prefix-free, so when the bracketed group is one, the calling code
  // found at the start of the digits is that group. And a bracketed national number (`(050) 123 4567` in AE,
  // `(415) 555-2671` in US, `(20) 7946 0958` in GB) stays national: the national reading comes first and wins.
  if (codeAt.call(s, start) === 0x28 /* ( */) {
    let i = start + 1;
    while (i < n && codeAt.call(s, i) === 0x20) i++;
    if (codeAt.call(s, i) === 0x2b) start = i;
  }
  const plus = codeAt.call(s, start) === 0x2b;
  if (String.prototype.indexOf.call(s, '+', plus ? start + 1 : start) !== -1) return BAD_PLUS;
  const digits = onlyDigits(s);
  if (digits.length === 0) return s.trim() === '' ? EMPTY : NO_DIGITS;
  if (plus) return boundDigits(digits) ?? `+${digits}`;
  // `00` is the international prefix of ITU-T E.164 Recommendation (and of every region in our data).
  if (codeAt.call(digits, 0) === 0x30 && codeAt.call(digits, 1) === 0x30) {
    const intl = digits.slice(2);
    return boundDigits(intl) ?? `+${intl}`;
  }
  const bad = boundDigits(digits);
  if (bad !== undefined) return bad;
  const trunk = trunkZeroCallingCode(region);
  if (trunk !== undefined && codeAt.call(digits, 0) === 0x30) return `+${trunk}${digits.slice(1)}`;
  return `${region}:${digits}`;
}

function boundDigits(digits: string): NormalizeFailure | undefined {
  if (digits.length < MIN_DIGITS) return TOO_FEW;
  if (digits.length > MAX_DIGITS) return TOO_MANY;
  return undefined;
}

/** `+` then ASCII digits only. */
function isPlusDigits(s: string): boolean {
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const n = s.length;
  if (n < 2 || codeAt.call(s, 0) !== 0x2b) return false;
  for (let i = 1; i < n; i++) {
    const c = codeAt.call(s, i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** Only digits, `+`, space and the separators people type: `-` `.` `(` `)` `/`. */
function isAsciiPhoneText(s: string): boolean {
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = codeAt.call(s, i);
    if (c >= 0x30 && c <= 0x39) continue;
    if (c === 0x20 || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x28 || c === 0x29 || c === 0x2f) continue;
    return false;
  }
  return true;
}

function onlyDigits(s: string): string {
  // perf: the common all-digit input is returned as is; otherwise one native replace.
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = codeAt.call(s, i);
    if (c < 0x30 || c > 0x39) return s.replace(NON_DIGIT, '');
  }
  return s;
}
const NON_DIGIT = /\D/g;

/** Unicode spaces (no-break, thin, ideographic), tabs → space; Unicode dashes and minus → `-`; `＋` → `+`. */
const UNICODE_SEPARATOR = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]|[\u2010-\u2015\u2212\ufe63\uff0d]|\uff0b/g;
/** Arabic-Indic U+0660–0669, Extended Arabic-Indic U+06F0–06F9, fullwidth U+FF10–FF19. */
const UNICODE_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g;
/** `tel:` (RFC 3966 §3) with its parameters (`;ext=`, `;phone-context=`), which start at the first `;`. */
const TEL_URI = /^\s*tel:([^;]*)(?:;.*)?$/i;
/** A trailing extension: `x123`, `ext 12`, `ext. 12`, `extn: 12`, `extension 12`, `#12`, `;ext=12` (1 to 7 digits). */
const EXTENSION = /\s*(?:;\s*ext=|x|ext\.?|extn\.?|extension|#)\s*:?\s*\d{1,7}\s*$/i;

/**
 * The slow path for inputs that are not plain ASCII phone text: invisible marks, Unicode digits and separators,
 * `tel:` URIs and extensions. Runs only on input already capped at 64 characters.
 */
function cleanUp(input: string): string {
  let s = input;
  if (hasNonAscii(s)) {
    s = stripInvisible(s)
      .replace(UNICODE_SEPARATOR, unicodeSeparator)
      .replace(UNICODE_DIGIT, unicodeDigit);
  }
  const tel = TEL_URI.exec(s);
  if (tel !== null) s = tel[1]!;
  return s.replace(EXTENSION, '');
}

function unicodeSeparator(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0xff0b) return '+';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xfe63 || code === 0xff0d) return '-';
  return ' ';
}

function unicodeDigit(c: string): string {
  const code = c.charCodeAt(0);
  const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
  return String.fromCharCode(0x30 + code - zero);
}

/**
 * The calling code of a region whose national (trunk) prefix is exactly `0` with no other parsing rule (AE, SA, EG,
 * IN, PK, GB, FR, …: libphonenumber's `national_prefix` is `0` and `national_prefix_for_parsing` is absent or `0`),
 * so `0 50 123 4567` in AE is `+971 50 123 4567`. `undefined` for other regions (US/CA trunk `1`, KW/QA/BH/OM with no
 * trunk prefix, AR/MX/BR with transform rules): those go to libphonenumber with the region. Decided from metadata
 * once per region; `normalizePhone.test.ts` checks the rewrite against libphonenumber's own national parsing.
 */
function trunkZeroCallingCode(region: CountryCode): string | undefined {
  let cc = trunkZero.get(region);
  if (cc === undefined) {
    cc = computeTrunkZero(region);
    trunkZero.set(region, cc);
  }
  return cc === '' ? undefined : cc;
}
const trunkZero = new Map<string, string>();

function computeTrunkZero(region: CountryCode): string {
  try {
    const metadata = new Metadata() as unknown as {
      selectNumberingPlan(c: string): void;
      numberingPlan?: { nationalPrefix(): string | undefined; nationalPrefixForParsing(): string | undefined; nationalPrefixTransformRule(): string | undefined };
    };
    metadata.selectNumberingPlan(region);
    const plan = metadata.numberingPlan;
    if (plan === undefined || plan.nationalPrefix() !== '0') return '';
    if (plan.nationalPrefixForParsing() !== '0' || plan.nationalPrefixTransformRule()) return '';
    const cc = getCountryCallingCode(region);
    // A region sharing its calling code (GG/JE/IM with GB, CA with US) is rewritten too: the library then picks the
    // region by the number, as it would for the national form.
    return cc;
  } catch {
    return ''; // unknown region: libphonenumber answers (and refuses) it
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Step 2: the key judged. `+digits` keys are validated internationally; `region:digits` keys nationally first.

function resolveKey(key: string, region: CountryCode): Outcome {
  // perf: methods by their known function (docs/architecture.md, "Loops over a string's characters").
  const slice = String.prototype.slice;
  if (String.prototype.charCodeAt.call(key, 0) === 0x2b) {
    const digits = slice.call(key, 1);
    return judge(international(digits), digits, false);
  }
  const digits = slice.call(key, String.prototype.indexOf.call(key, ':') + 1);
  // National reading first: `501234567` in AE. Regions with a plain trunk 0 read `<cc><digits>` internationally
  // (the same thing, faster); others ask libphonenumber with the region (US `1 212…`, `011` international prefix).
  const cc = trunkZeroCallingCode(region);
  const national = cc !== undefined ? international(cc + digits) : nationalByLibrary(digits, region);
  if (national.valid || String.prototype.charCodeAt.call(digits, 0) === 0x30) return judge(national, digits, false);
  // A country code written without `+` or `00`: `971501234567`, `966501234567`, `(971) 50 123 4567`. An inference
  // (`4936202565` in region US is a 10-digit number that failed at home, not necessarily a German one): flagged.
  const intl = international(digits);
  return intl.valid ? judge(intl, digits, true) : judge(national, digits, false);
}

/** What a parse found: validity, E.164, region, national significant number (for the placeholder rule). */
interface Parse {
  readonly valid: boolean;
  readonly e164: string;
  readonly country: string | undefined;
  readonly nationalNumber: string;
}
const UNPARSABLE: Parse = { valid: false, e164: '', country: undefined, nationalNumber: '' };

function international(digits: string): Parse {
  return validateInternationalDigits(digits) ?? byLibrary(`+${digits}`, undefined);
}

function nationalByLibrary(digits: string, region: CountryCode): Parse {
  return byLibrary(digits, region);
}

/**
 * libphonenumber-js's answer, cached: a parse costs ~20 µs (it builds a `RegExp` per pattern it tests). Only what
 * `validateInternationalDigits` defers comes here: non-geographic and unknown calling codes, national numbers of
 * regions without a plain trunk 0. perf: the numbers of the common calling codes are not cached at all. Their cold
 * path costs ~1.3 µs, and a cache in front of it made the batch job's phones ~1.7× slower at a 51% hit rate: two
 * `Map` probes per miss and 200,000 retained entries that every garbage collection walks (measured in #15).
 */
function byLibrary(text: string, region: CountryCode | undefined): Parse {
  const key = region === undefined ? text : `${region}:${text}`;
  const hit = young.get(key) ?? old.get(key);
  if (hit !== undefined) return hit;
  const parse = fromLibrary(safeParse(text, region));
  if (young.size >= CACHE_GENERATION) {
    old = young;
    young = new Map();
  }
  young.set(detachedString(key), parse);
  return parse;
}

function fromLibrary(p: ReturnType<typeof parsePhoneNumberFromString>): Parse {
  if (p === undefined) return UNPARSABLE;
  let valid = false;
  try {
    valid = p.isValid();
  } catch {
    valid = false;
  }
  return { valid, e164: p.number, country: p.country, nationalNumber: p.nationalNumber };
}

/** libphonenumber-js's non-throwing parser, wrapped again: a library bug must not become our exception. */
function safeParse(text: string, region: CountryCode | undefined): ReturnType<typeof parsePhoneNumberFromString> {
  try {
    return region === undefined ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, region);
  } catch {
    return undefined;
  }
}

/**
 * Placeholder before validity (a placeholder is reported as such even when it is also invalid), then validity.
 * An inferred number is weak evidence unless it is a valid mobile (see `PhoneLinkValue.weak`).
 */
function judge(p: Parse, typedDigits: string, inferred: boolean): Outcome {
  if (isPlaceholderNumber(p.nationalNumber) || isPlaceholderNumber(typedDigits)) return PLACEHOLDER;
  if (!p.valid) return NOT_VALID;
  return new ParsedPhone(p.e164, p.country, inferred, inferred && !isMobileNumber(p.country, p.nationalNumber, p.e164));
}

/**
 * libphonenumber's `getType()` of a valid number is `MOBILE` or `FIXED_LINE_OR_MOBILE` (the plans that cannot tell,
 * NANP among them). Needs the type patterns of the `max` metadata (with `min` metadata `getType()` is always
 * `undefined`). Paid only for numbers read as international by inference, never on the common paths.
 *
 * perf: a parse and `getType()` cost about 10 µs (the library compiles each pattern on every test), so the answer is
 * computed from the region's own `MOBILE` and `FIXED_LINE` patterns, compiled once per region, exactly as
 * `helpers/getNumberType.js` decides for a number already valid (the general pattern matched): `MOBILE` is the first
 * type tried after `FIXED_LINE`, and a fixed-line match is `FIXED_LINE_OR_MOBILE` when the mobile pattern matches
 * too or the plan has none (`''`: removed as a duplicate of the fixed-line one). Without a region (non-geographic
 * calling codes) or types, the library answers. `normalizePhone.test.ts` checks the two agree. Exported for that test.
 */
export function isMobileNumber(country: string | undefined, nationalNumber: string, e164: string): boolean {
  const rule = country === undefined ? null : mobileRuleOf(country);
  if (rule === null) return isMobileByLibrary(e164);
  if (rule.mobile !== undefined && matchesType(rule.mobile, nationalNumber)) return true;
  return rule.fixedMeansMobile && rule.fixed !== undefined && matchesType(rule.fixed, nationalNumber);
}

interface TypeRule {
  readonly pattern: RegExp;
  readonly lengths: readonly number[] | undefined;
}
interface MobileRule {
  readonly mobile: TypeRule | undefined;
  readonly fixed: TypeRule | undefined;
  /** No `MOBILE` type, or its pattern is `''`: every fixed-line number is `FIXED_LINE_OR_MOBILE`. */
  readonly fixedMeansMobile: boolean;
}

/** `helpers/getNumberType.js#isNumberTypeEqualTo`: the type's possible lengths, then its whole pattern. */
function matchesType(t: TypeRule, nationalNumber: string): boolean {
  if (t.lengths !== undefined && !t.lengths.includes(nationalNumber.length)) return false;
  return t.pattern.test(nationalNumber);
}

/** perf: compiled on first use of a region; `null` marks "ask the library". */
const mobileRules = new Map<string, MobileRule | null>();

function mobileRuleOf(country: string): MobileRule | null {
  let rule = mobileRules.get(country);
  if (rule === undefined) {
    rule = compileMobileRule(country);
    mobileRules.set(country, rule);
  }
  return rule;
}

function compileMobileRule(country: string): MobileRule | null {
  try {
    const metadata = new Metadata() as unknown as {
      selectNumberingPlan(c: string): void;
      numberingPlan?: {
        hasTypes(): boolean;
        type(t: string): { pattern(): string | undefined; possibleLengths(): number[] | undefined } | undefined;
      };
    };
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan;
    if (plan === undefined || !plan.hasTypes()) return null;
    const compile = (name: string): TypeRule | undefined => {
      const t = plan.type(name);
      const source = t?.pattern();
      if (t === undefined || !source) return undefined;
      return { pattern: new RegExp(`^(?:${source})$`), lengths: t.possibleLengths() };
    };
    const mobileType = plan.type('MOBILE');
    return { mobile: compile('MOBILE'), fixed: compile('FIXED_LINE'), fixedMeansMobile: mobileType === undefined || mobileType.pattern() === '' };
  } catch {
    return null; // a metadata layout this code does not know
  }
}

function isMobileByLibrary(e164: string): boolean {
  const p = safeParse(e164, undefined);
  if (p === undefined) return false;
  try {
    const type = p.getType();
    return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
  } catch {
    return false;
  }
}

/**
 * The placeholder rule (spec §2: "placeholder numbers (repeated or sequential digits)"), applied to the national
 * significant number and to the digits as typed, each of at least 6 digits:
 * - one repeated digit: `0000000000`, `5555555`;
 * - a subscriber part of one repeated digit: all but the first two digits (the mobile operator or area code) when
 *   there are 7 or more: `50 000 0000`, `55 111 1111`, `66 000 000` (KW/QA 8-digit numbers);
 * - one run of consecutive digits up or down, wrapping 9→0: `123456789`, `1234567890`, `0123456789`, `9876543210`.
 * Deliberately narrow: "mostly zeros" (`50 100 0000`) is a real, sold number pattern and is kept. Genuine vanity
 * numbers with seven identical subscriber digits exist but are rare enough that refusing them (a missed link, never
 * a false one) is the safer error.
 */
export function isPlaceholderNumber(digits: string): boolean {
  const n = digits.length;
  if (n < 6) return false;
  if (sameDigits(digits, 1)) return true;
  if (n >= 7 && sameDigits(digits, 3)) return true;
  let up = true;
  let down = true;
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  for (let i = 1; i < n && (up || down); i++) {
    const d = codeAt.call(digits, i) - codeAt.call(digits, i - 1);
    if (d !== 1 && d !== -9) up = false;
    if (d !== -1 && d !== 9) down = false;
  }
  return up || down;
}

/** True when every digit from `from - 1` on equals the one before it. */
function sameDigits(digits: string, from: number): boolean {
  const codeAt = String.prototype.charCodeAt; // perf: docs/architecture.md, "Loops over a string's characters"
  const first = codeAt.call(digits, from - 1);
  const n = digits.length;
  for (let i = from; i < n; i++) if (codeAt.call(digits, i) !== first) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Junk on non-phone text, and libphonenumber-js's cache.

/** Trimmed and lower-cased only on this (cold) failure path. */
function isJunkText(junk: JunkMatcher, input: string): boolean {
  const t = input.trim().toLowerCase();
  return t.length > 0 && junk.isJunk('phone', t);
}

function notPhoneShaped(input: string): NormalizeFailure {
  if (input.trim() === '') return EMPTY;
  return NOT_PHONE_SHAPED;
}

/**
 * libphonenumber-js's cache (`byLibrary`): two generations of at most `CACHE_GENERATION` entries each. Lookups read
 * both; inserts go to the young one; when it is full the old generation is dropped and the young one becomes old.
 * Bounded: at most 100,000 entries.
 */
const CACHE_GENERATION = 50_000;
let young = new Map<string, Parse>();
let old = new Map<string, Parse>();

/** Empties the parse cache (tests and benchmarks measuring cold parsing). Not part of the public API. */
export function clearPhoneCache(): void {
  young = new Map();
  old = new Map();
}
