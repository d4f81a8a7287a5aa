import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { defaultJunkMatcher, type JunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizePhoneResult } from '../../types.js';

export interface NormalizePhoneOptions {
  /** Region for numbers written without a country code. Default `AE`. */
  readonly defaultRegion?: CountryCode;
  readonly junk?: JunkMatcher;
}

/** ITU-T E.164 allows at most 15 digits; anything much longer is not a phone number (checked before any regex). */
const MAX_INPUT = 64;
const EXTENSION = /(?:;ext=|\s*(?:x|ext\.?|extension|#)\s*\d{1,7}\s*$)/i;
const ALLOWED = /^[\d\s+().\-\/]*$/;

/**
 * Normalizes a phone number to E.164 with libphonenumber-js (`parsePhoneNumberFromString`, non-throwing).
 *
 * Accepted: `+971 50 123 4567`, `00971501234567` (international prefix 00), `050-123-4567` (national, with the
 * default region's trunk prefix), `971501234567` (a country code without `+`, tried when the digits are not a
 * valid national number of the default region), dots, brackets, spaces, `tel:` URIs; extensions are dropped.
 * Placeholder numbers (one repeated digit, or a run of consecutive digits, in the national number) are refused.
 *
 * @example normalizePhone('00971 50-123-4567') // { ok: true, value: '+971501234567', country: 'AE', raw: … }
 */
export function normalizePhone(input: string, options: NormalizePhoneOptions = {}): NormalizePhoneResult {
  if (typeof input !== 'string') return { ok: false, reason: 'invalid_phone', detail: 'not a string' };
  if (input.length > MAX_INPUT) return { ok: false, reason: 'too_long', detail: `over ${MAX_INPUT} characters` };
  let s = input.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  const region = options.defaultRegion ?? 'AE';
  const junk = options.junk ?? defaultJunkMatcher;
  if (junk.isJunk('phone', s.toLowerCase())) return { ok: false, reason: 'junk_value' };

  if (s.startsWith('tel:')) s = s.slice(4);
  s = s.replace(EXTENSION, '');
  if (!ALLOWED.test(s)) return { ok: false, reason: 'invalid_phone', detail: 'contains characters other than digits and separators' };
  const plus = s.startsWith('+');
  const digits = s.replace(/\D/g, '');
  if (digits.length < 5) return { ok: false, reason: 'invalid_phone', detail: 'too few digits' };
  if (digits.length > 17) return { ok: false, reason: 'invalid_phone', detail: 'too many digits' };

  // perf: formatting variants of one number share one cache entry and so one parse: "+971 50-123 4567",
  // "00971501234567" and, in a region whose trunk prefix 0 is dropped in international form, "050 123 4567".
  let cacheKey: string;
  let parsePlus = plus;
  let parseDigitsOf = digits;
  if (plus) cacheKey = `+${digits}`;
  else if (digits.startsWith('00')) cacheKey = `+${digits.slice(2)}`;
  else if (digits.charCodeAt(0) === 48 /* 0 */ && TRUNK_ZERO.has(region)) {
    parsePlus = true;
    parseDigitsOf = callingCodeOf(region) + digits.slice(1);
    cacheKey = `+${parseDigitsOf}`;
  } else cacheKey = `${digits}|${region}`;
  const cached = cacheGet(cacheKey);
  const result = cached ?? cacheSet(cacheKey, parseDigits(parsePlus, parseDigitsOf, region as CountryCode));
  if (!result.ok) return result;
  if (junk.isJunk('phone', result.value)) return { ok: false, reason: 'junk_value' };
  return { ok: true, value: result.value, raw: input, ...(result.country ? { country: result.country } : {}) };
}

/**
 * Regions whose national trunk prefix is a single 0 that is dropped in international form (ITU-T E.164
 * national numbering plans; libphonenumber's `national_prefix`), so "0 50 123 4567" in AE is "+971 50 123 4567".
 * Deliberately narrow: regions where a leading 0 is part of the number (Italy) or the trunk prefix differs
 * (US/CA "1", Russia "8") are parsed the ordinary way.
 */
const TRUNK_ZERO: ReadonlySet<string> = new Set([
  'AE', 'SA', 'EG', 'JO', 'LB', 'SY', 'IQ', 'YE', 'MA', 'TN', 'DZ', 'IN', 'PK', 'BD', 'LK', 'NP', 'PH', 'ID', 'MY',
  'TH', 'VN', 'CN', 'KR', 'JP', 'TR', 'IR', 'GB', 'FR', 'DE', 'NL', 'BE', 'CH', 'AT', 'IE', 'SE', 'FI', 'AU', 'NZ',
  'ZA', 'NG', 'KE', 'GH', 'ET', 'UG', 'TZ',
]);
const callingCodes = new Map<string, string>();
function callingCodeOf(region: string): string {
  let cc = callingCodes.get(region);
  if (cc === undefined) callingCodes.set(region, (cc = getCountryCallingCode(region as CountryCode)));
  return cc;
}

interface Parsed {
  readonly ok: true;
  readonly value: string;
  readonly country: string | undefined;
}
type ParseOutcome = Parsed | { readonly ok: false; readonly reason: 'invalid_phone' | 'placeholder_phone'; readonly detail: string };

function parseDigits(plus: boolean, digits: string, region: CountryCode): ParseOutcome {
  let candidate: ReturnType<typeof parsePhoneNumberFromString>;
  if (plus) candidate = safeParse(`+${digits}`);
  else if (digits.startsWith('00')) candidate = safeParse(`+${digits.slice(2)}`);
  else {
    candidate = safeParse(digits, region);
    // "971501234567": a country code written without + or 00.
    if ((!candidate || !candidate.isValid()) && !digits.startsWith('0')) {
      const intl = safeParse(`+${digits}`);
      if (intl?.isValid()) candidate = intl;
    }
  }
  if (!candidate || !candidate.isValid()) return { ok: false, reason: 'invalid_phone', detail: 'not a valid number' };
  const national = candidate.nationalNumber;
  if (isPlaceholder(national)) return { ok: false, reason: 'placeholder_phone', detail: 'repeated or sequential digits' };
  return { ok: true, value: candidate.number, country: candidate.country };
}

function safeParse(text: string, region?: CountryCode): ReturnType<typeof parsePhoneNumberFromString> {
  try {
    return region ? parsePhoneNumberFromString(text, region) : parsePhoneNumberFromString(text);
  } catch {
    return undefined;
  }
}

/**
 * A national number whose subscriber part (all but the first two digits, the area or mobile operator code) is
 * one repeated digit (`50 000 0000`), or whose digits form one consecutive run up or down (`123456789`).
 */
export function isPlaceholder(national: string): boolean {
  const subscriber = national.length > 6 ? national.slice(2) : national;
  if (/^(\d)\1+$/.test(subscriber)) return true;
  let up = true;
  let down = true;
  for (let i = 1; i < national.length; i++) {
    const d = national.charCodeAt(i) - national.charCodeAt(i - 1);
    if (d !== 1 && d !== -9) up = false;
    if (d !== -1 && d !== 9) down = false;
  }
  return up || down;
}

// A bounded cache in two generations: lookups hit either, inserts go to the young one; when it is full the old
// generation is dropped. perf: memory stays under 2 × CACHE_SIZE entries; repeated numbers skip the parser.
const CACHE_SIZE = 200_000;
let young = new Map<string, ParseOutcome>();
let old = new Map<string, ParseOutcome>();

function cacheGet(key: string): ParseOutcome | undefined {
  return young.get(key) ?? old.get(key);
}

function cacheSet(key: string, value: ParseOutcome): ParseOutcome {
  if (young.size >= CACHE_SIZE) {
    old = young;
    young = new Map();
  }
  young.set(key, value);
  return value;
}
