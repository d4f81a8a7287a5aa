/**
 * Mobile numbering plans of the countries in the generated data (mobile prefixes and subscriber lengths from each
 * national numbering plan, as encoded in libphonenumber's metadata; phones.test.ts checks generated numbers with
 * libphonenumber-js). Numbers are derived injectively from a per-country counter.
 */
export interface Country {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  readonly callingCode: string;
  /** Valid mobile prefixes of the national number (operator codes). */
  readonly prefixes: readonly string[];
  /** Digits after the prefix. */
  readonly subscriberDigits: number;
  /** Smallest subscriber number (NANP exchanges cannot start with 0 or 1). */
  readonly subscriberMin: number;
  /** Share of persons whose home phone is from this country (sums to 1). */
  readonly weight: number;
}

const c = (code: string, callingCode: string, prefixes: string[], subscriberDigits: number, weight: number, subscriberMin = 0): Country => ({
  code, callingCode, prefixes, subscriberDigits, subscriberMin, weight,
});

/** GCC-heavy: AE the majority, then the Gulf, the Levant/Egypt and the large expatriate communities. */
export const COUNTRIES: readonly Country[] = [
  c('AE', '971', ['50', '52', '54', '55', '56', '58'], 7, 0.58),
  c('SA', '966', ['50', '53', '54', '55', '56', '58', '59'], 7, 0.09),
  c('IN', '91', ['98', '97', '96', '95', '94', '93', '90', '99'], 8, 0.08),
  c('PK', '92', ['300', '301', '302', '303', '310', '311', '312', '320', '321', '333', '345'], 7, 0.04),
  c('EG', '20', ['10', '11', '12', '15'], 8, 0.04),
  c('PH', '63', ['917', '918', '919', '920', '921', '927', '928', '939', '945', '966', '977'], 7, 0.04),
  c('KW', '965', ['50', '55', '66', '90', '94', '97', '99'], 6, 0.025),
  c('QA', '974', ['33', '55', '66', '70', '77'], 6, 0.025),
  c('BH', '973', ['33', '34', '36', '37', '39'], 6, 0.015),
  c('OM', '968', ['91', '92', '93', '94', '95', '97', '98', '99'], 6, 0.015),
  c('GB', '44', ['7400', '7500', '7800', '7900', '7960'], 6, 0.015),
  c('US', '1', ['212', '415', '646', '718', '917', '305'], 7, 0.01, 2_000_000),
  c('LB', '961', ['3', '70', '71', '81'], 6, 0.01),
  c('JO', '962', ['79'], 7, 0.01),
];

/** The country of a uniform draw r in [0, 1), by weight. */
export function pickCountry(r: number): Country {
  let acc = 0;
  for (const country of COUNTRIES) {
    acc += country.weight;
    if (r < acc) return country;
  }
  return COUNTRIES[0]!;
}

/** How many distinct numbers `phoneOf` can give for a country. */
export function phoneSpace(country: Country): number {
  return country.prefixes.length * (10 ** country.subscriberDigits - country.subscriberMin);
}

/**
 * The multiplier of a country's scramble: the first integer from size·(√5 − 1)/2 up that is coprime with size
 * (a golden-ratio step scatters consecutive n over the whole range; coprime makes the map a bijection).
 */
const MULTIPLIERS = new Map(COUNTRIES.map((country) => {
  const size = phoneSpace(country);
  let a = Math.floor(size * 0.6180339887);
  while (gcd(a, size) !== 1) a++;
  return [country.code, a] as const;
}));

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * The n-th national mobile number of a country: n ↦ ((n + C)·A + B) mod size with A coprime to size, a bijection on
 * [0, size), so distinct n give distinct numbers.
 */
export function phoneOf(country: Country, n: number): string {
  const size = phoneSpace(country);
  if (n >= size) throw new RangeError(`phoneOf: ${country.code} has only ${size} numbers`);
  const a = MULTIPLIERS.get(country.code)!;
  // perf: plain doubles while n·A is exact (< 2^53), which holds for every country up to ~10^7 numbers.
  // The offset keeps the first persons away from the round numbers of the n = 0 end.
  const m = n + 104_729;
  if (m * a >= Number.MAX_SAFE_INTEGER) throw new RangeError('phoneOf: n·A would exceed 2^53');
  const span = 10 ** country.subscriberDigits - country.subscriberMin;
  const v = (m * a + 7_919) % size;
  const sub = country.subscriberMin + (v % span);
  return country.prefixes[Math.floor(v / span)]! + String(sub).padStart(country.subscriberDigits, '0');
}

/**
 * Numbers a phone normalizer refuses as placeholders (SPEC §2): the subscriber part one repeated digit, or the
 * whole national number one run of consecutive digits. The generator skips them, so every true phone is usable.
 */
export function looksLikePlaceholder(national: string): boolean {
  const subscriber = national.length > 6 ? national.slice(2) : national;
  let same = true;
  for (let i = 1; i < subscriber.length; i++) if (subscriber.charCodeAt(i) !== subscriber.charCodeAt(0)) same = false;
  if (same) return true;
  let up = true;
  let down = true;
  for (let i = 1; i < national.length; i++) {
    const d = national.charCodeAt(i) - national.charCodeAt(i - 1);
    if (d !== 1 && d !== -9) up = false;
    if (d !== -1 && d !== 9) down = false;
  }
  return up || down;
}

/**
 * One of the ways people write a number, for a uniform draw r. National forms with the trunk `0` only for the home
 * region of the data (AE, the normalizer's default region): a number written nationally is only meaningful there.
 */
export function formatPhone(country: Country, national: string, r: number): string {
  const cc = country.callingCode;
  const a = national.slice(0, 2);
  const b = national.slice(2, 5);
  const rest = national.slice(5);
  if (country.code === 'AE') {
    if (r < 0.22) return `+${cc} ${a} ${b} ${rest}`;
    if (r < 0.36) return `00${cc}${national}`;
    if (r < 0.56) return `0${national}`;
    if (r < 0.64) return `0${a}-${b}-${rest}`;
    if (r < 0.74) return `${cc}${national}`;
    if (r < 0.82) return `(0${a}) ${b} ${rest}`;
    if (r < 0.9) return `+${cc}${national}`;
    if (r < 0.95) return `+${cc}.${a}.${b}.${rest}`;
    return `+${cc}-${a}-${b}${rest}`;
  }
  if (r < 0.4) return `+${cc} ${a} ${b} ${rest}`;
  if (r < 0.7) return `00${cc}${national}`;
  if (r < 0.85) return `+${cc}${national}`;
  return `00${cc} ${a}-${b}-${rest}`;
}
