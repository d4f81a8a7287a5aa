import { prng } from '../../../bench/normalizeInputs.js';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, test } from 'vitest';
import metadataJson from 'libphonenumber-js/max/metadata';
import { callingCodeOf, validateInternationalDigits } from './validateInternationalDigits.js';

/** Compares the fast path with libphonenumber-js on one `+digits` string; returns a description of a mismatch. */
function mismatch(digits: string): string | undefined {
  const fast = validateInternationalDigits(digits);
  if (fast === undefined) return undefined;
  const p = parsePhoneNumberFromString(`+${digits}`);
  const valid = p !== undefined && p.isValid();
  if (valid !== fast.valid) return `+${digits}: library ${valid}, fast ${fast.valid}`;
  if (valid && (p!.number !== fast.e164 || p!.country !== fast.country || p!.nationalNumber !== fast.nationalNumber)) {
    return `+${digits}: library ${p!.number} ${p!.country}, fast ${fast.e164} ${fast.country}`;
  }
  return undefined;
}

describe('validateInternationalDigits agrees with libphonenumber-js (max metadata)', () => {
  const callingCodes = [...new Set(getCountries().map((c) => getCountryCallingCode(c)))];

  test('random digit strings after every calling code', () => {
    const rnd = prng(20261122);
    const bad: string[] = [];
    let answered = 0;
    for (let i = 0; i < 60_000; i++) {
      const cc = callingCodes[Math.floor(rnd() * callingCodes.length)]!;
      const len = 1 + Math.floor(rnd() * 15);
      let n = '';
      for (let j = 0; j < len; j++) n += String(Math.floor(rnd() * 10));
      if (validateInternationalDigits(cc + n) !== undefined) answered++;
      const m = mismatch(cc + n);
      if (m !== undefined) bad.push(m);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(answered).toBeGreaterThan(40_000);
  });

  test('calling codes shared by several regions (+1 NANP, +7, +44, +47, +61, +262, +590, +599)', () => {
    const rnd = prng(11);
    const bad: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const cc = ['1', '7', '44', '47', '61', '262', '590', '599', '212', '358', '39'][i % 11]!;
      const len = 6 + Math.floor(rnd() * 7);
      let n = String(2 + Math.floor(rnd() * 8));
      for (let j = 1; j < len; j++) n += String(Math.floor(rnd() * 10));
      const m = mismatch(cc + n);
      if (m !== undefined) bad.push(m);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  test('example mobile numbers of every region, and one-digit mutations of them', () => {
    const rnd = prng(7);
    const bad: string[] = [];
    for (const country of getCountries()) {
      const example = (examples as Record<string, string>)[country];
      if (example === undefined) continue;
      const base = getCountryCallingCode(country) + example;
      const variants = [base, base.slice(0, -1), `${base}7`];
      for (let k = 0; k < 40; k++) {
        const at = Math.floor(rnd() * base.length);
        variants.push(base.slice(0, at) + String(Math.floor(rnd() * 10)) + base.slice(at + 1));
      }
      for (const v of variants) {
        const m = mismatch(v);
        if (m !== undefined) bad.push(m);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('callingCodeOf', () => {
  /** The metadata's calling codes, looked up by slicing the first one to three digits. */
  const codes = new Set(Object.keys(metadataJson.country_calling_codes));
  const reference = (digits: string): string | undefined => {
    for (let n = 1; n <= 3 && n < digits.length; n++) if (codes.has(digits.slice(0, n))) return digits.slice(0, n);
    return undefined;
  };

  test('finds the code the metadata names for every prefix of up to four characters (digits, and others)', () => {
    const alphabet = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'x', '+', ' '];
    let found = 0;
    const visit = (prefix: string): void => {
      const digits = `${prefix}55`;
      expect(callingCodeOf(digits), digits).toBe(reference(digits));
      if (callingCodeOf(digits) !== undefined) found++;
      if (prefix.length < 4) for (const c of alphabet) visit(prefix + c);
    };
    visit('');
    expect(found).toBeGreaterThan(codes.size);
    expect(callingCodeOf('9715')).toBe('971');
    expect(callingCodeOf('971')).toBeUndefined(); // "97" is no code, and a code needs a digit after it
    expect(callingCodeOf('0971')).toBeUndefined();
  });
});
