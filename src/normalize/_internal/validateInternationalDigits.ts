/**
 * A fast, exact re-implementation of libphonenumber-js's `parsePhoneNumberFromString('+' + digits).isValid()`
 * for the common case, built from libphonenumber-js's own `max` metadata (the same regular expressions), compiled
 * once per calling code instead of on every call.
 *
 * Why: libphonenumber-js builds a `new RegExp` for every pattern it tests (`helpers/matchesEntirely.js`) and parses
 * through several layers of option handling, about 20 µs per number on this machine; this path takes well under
 * 1 µs. It answers only where its answer is provably the library's, and returns `undefined` ("ask libphonenumber")
 * everywhere else:
 * - non-geographic calling codes (`+800`, `+882`, …) and unknown ones;
 * - national numbers that start with the region's national prefix for parsing (`+971 0 50…`, `+44 (0)20…`): the
 *   library may strip it (`extractNationalNumber`), with its own rules.
 * What remains is exactly the library's region choice for calling codes shared by several regions (`+1` NANP, `+7`,
 * `+44` GB/GG/IM/JE: `helpers/getCountryByNationalNumber.js`) and its `getNumberType(…) !== undefined`
 * (`helpers/getNumberType.js`): the national number matches the general pattern, then the fixed-line pattern or one
 * of the other type patterns, each with its possible lengths. `validateInternationalDigits.test.ts` checks the answers against libphonenumber-js itself on
 * hundreds of thousands of generated numbers.
 */
import { Metadata } from 'libphonenumber-js/max';
import metadataJson from 'libphonenumber-js/max/metadata';

/** The answer for one `+digits` string. A class so every outcome shares one shape (perf: monomorphic reads). */
export class InternationalDigitsOutcome {
  constructor(
    /** libphonenumber's `isValid()`. */
    readonly valid: boolean,
    /** `+` calling code and national number (E.164 when valid). */
    readonly e164: string,
    /** The region of the calling code. */
    readonly country: string | undefined,
    /** The national significant number: the digits after the calling code. */
    readonly nationalNumber: string,
  ) {}
}

/** The runtime shape of libphonenumber-js's numbering-plan objects (their `.d.ts` declares only a few methods). */
interface RuntimeType {
  pattern(): string | undefined;
  possibleLengths(): number[] | undefined;
}
interface RuntimeNumberingPlan {
  nationalNumberPattern(): string;
  leadingDigits(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  hasTypes(): boolean;
  type(type: string): RuntimeType | undefined;
}
interface RuntimeMetadata {
  selectNumberingPlan(country: string): void;
  numberingPlan?: RuntimeNumberingPlan;
}

/** One region's numbering plan, compiled. */
interface CompiledRegion {
  readonly country: string;
  readonly general: RegExp;
  /** `^(?:national prefix for parsing)`: a number starting with it goes to the library. */
  readonly prefixForParsing: RegExp | undefined;
  /** `^(?:leading digits)`: how the library picks this region among those sharing a calling code. */
  readonly leadingDigits: RegExp | undefined;
  /** Type patterns in the library's order (`FIXED_LINE` first), each with its possible lengths. */
  readonly types: readonly { readonly pattern: RegExp; readonly lengths: readonly number[] | undefined }[];
  readonly hasTypes: boolean;
}

/** The regions of one calling code, main region first (the metadata's order, as the library walks them). */
type CompiledPlan = readonly CompiledRegion[];

/** The order `helpers/getNumberType.js` tests types in; any match means valid. */
const TYPES = [
  'FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL',
] as const;

/** libphonenumber-js `constants.js`: national numbers outside 2..17 digits are not parsed at all. */
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;

/** Calling code → regions, main region first (`country_calling_codes` of the metadata, as the library reads it). */
const REGIONS_BY_CALLING_CODE: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(metadataJson.country_calling_codes));

/** perf: plans are compiled on first use of their calling code; `null` marks "always ask the library". */
const plans = new Map<string, CompiledPlan | null>();

function planOf(callingCode: string): CompiledPlan | null {
  let plan = plans.get(callingCode);
  if (plan === undefined) {
    plan = compilePlan(callingCode);
    plans.set(callingCode, plan);
  }
  return plan;
}

function compilePlan(callingCode: string): CompiledPlan | null {
  const regions = REGIONS_BY_CALLING_CODE.get(callingCode);
  if (regions === undefined || regions.length === 0) return null;
  try {
    const out: CompiledRegion[] = [];
    for (const country of regions) {
      const metadata = new Metadata() as unknown as RuntimeMetadata;
      metadata.selectNumberingPlan(country);
      const plan = metadata.numberingPlan;
      if (plan === undefined) return null;
      const types: { pattern: RegExp; lengths: readonly number[] | undefined }[] = [];
      for (const name of TYPES) {
        const t = plan.type(name);
        const source = t?.pattern();
        if (t === undefined || !source) continue;
        types.push({ pattern: new RegExp(`^(?:${source})$`), lengths: t.possibleLengths() });
      }
      const npfp = plan.nationalPrefixForParsing();
      const leading = plan.leadingDigits();
      out.push({
        country,
        general: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
        prefixForParsing: npfp ? new RegExp(`^(?:${npfp})`) : undefined,
        leadingDigits: leading ? new RegExp(`^(?:${leading})`) : undefined,
        types,
        hasTypes: plan.hasTypes(),
      });
    }
    return out;
  } catch {
    // A metadata layout this code does not know: every number of the code goes to the library.
    return null;
  }
}

/**
 * The calling codes by their value (none starts with 0, so the value names one code). perf: a lookup by the
 * digits read so far, where a slice and a `Map` probe per length cost a new string and its hash; the code
 * returned is the one string of the metadata, whose hash V8 keeps for `planOf`.
 */
const CALLING_CODES: readonly (string | undefined)[] = (() => {
  const codes: (string | undefined)[] = new Array<string | undefined>(1000).fill(undefined);
  for (const cc of REGIONS_BY_CALLING_CODE.keys()) if (/^[1-9]\d{0,2}$/.test(cc)) codes[Number(cc)] = cc;
  return codes;
})();

/** The calling code `digits` (a number without its `+`) start with (E.164 calling codes are prefix-free), or `undefined`. */
export function callingCodeOf(digits: string): string | undefined {
  let value = 0;
  for (let n = 1; n <= 3 && n < digits.length; n++) {
    const d = digits.charCodeAt(n - 1) - 48;
    // A code is digits, the first not 0: a prefix with anything else names none, nor does any longer one.
    if (d < 0 || d > 9 || (n === 1 && d === 0)) return undefined;
    value = value * 10 + d;
    const cc = CALLING_CODES[value];
    if (cc !== undefined) return cc;
  }
  return undefined;
}

/**
 * Validates `digits` (calling code and national number, no `+`) as libphonenumber-js would validate `+digits`.
 * Returns `undefined` when this fast path cannot answer with certainty (see the file comment): the caller then asks
 * libphonenumber-js.
 */
export function validateInternationalDigits(digits: string): InternationalDigitsOutcome | undefined {
  const cc = callingCodeOf(digits);
  if (cc === undefined) return undefined;
  const plan = planOf(cc);
  if (plan === null) return undefined;
  const national = digits.slice(cc.length);
  // The library may strip a national prefix even after a calling code (`+44 (0)20…`): leave those to it.
  for (let i = 0; i < plan.length; i++) {
    const npfp = plan[i]!.prefixForParsing;
    if (npfp !== undefined && npfp.test(national)) return undefined;
  }
  const e164 = `+${digits}`;
  const main = plan[0]!;
  if (national.length < MIN_LENGTH_FOR_NSN || national.length > MAX_LENGTH_FOR_NSN) {
    return new InternationalDigitsOutcome(false, e164, plan.length === 1 ? main.country : undefined, national);
  }
  if (plan.length === 1) return new InternationalDigitsOutcome(isValidNational(main, national), e164, main.country, national);
  // Several regions share the code (`helpers/getCountryByNationalNumber.js`): the first whose leading digits match,
  // or, for a region without leading digits, whose number types match. No region: the main plan decides validity.
  for (let i = 0; i < plan.length; i++) {
    const region = plan[i]!;
    if (region.leadingDigits !== undefined) {
      if (region.leadingDigits.test(national)) {
        return new InternationalDigitsOutcome(isValidNational(region, national), e164, region.country, national);
      }
    } else if (isValidNational(region, national)) {
      return new InternationalDigitsOutcome(true, e164, region.country, national);
    }
  }
  return new InternationalDigitsOutcome(isValidNational(main, national), e164, undefined, national);
}

function isValidNational(plan: CompiledRegion, national: string): boolean {
  if (!plan.general.test(national)) return false;
  if (!plan.hasTypes) return true;
  const types = plan.types;
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    if (t.lengths !== undefined && !t.lengths.includes(national.length)) continue;
    if (t.pattern.test(national)) return true;
  }
  return false;
}
