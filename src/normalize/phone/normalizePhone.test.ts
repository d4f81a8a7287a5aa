import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, test } from 'vitest';
import cases from '../../../fixtures/normalize/phone.json' with { type: 'json' };
import { createJunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizeFailureReason } from '../../types.js';
import { clearPhoneCache, isMobileNumber, isPlaceholderNumber, MAX_PHONE_INPUT, normalizePhone, normalizePhoneForLinking } from './normalizePhone.js';

interface PhoneCase {
  readonly input: string;
  readonly expected: string | null;
  readonly reason: NormalizeFailureReason | null;
  readonly region?: string;
  readonly note: string;
}

const table = cases as readonly PhoneCase[];

describe('normalizePhone: fixtures/normalize/phone.json', () => {
  test('the table has at least 40 cases over at least 8 countries', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
    const countries = new Set(table.filter((c) => c.expected).map((c) => parsePhoneNumberFromString(c.expected!)?.country));
    expect(countries.size).toBeGreaterThanOrEqual(8);
  });

  test.each(table)('$note: $input', (c) => {
    const options = c.region ? { defaultRegion: c.region as CountryCode } : undefined;
    // Twice: a number parsed by libphonenumber-js comes from its cache the second time and must be the same.
    for (let round = 0; round < 2; round++) {
      const r = normalizePhone(c.input, options);
      if (c.expected === null) {
        expect(r).toMatchObject({ ok: false, reason: c.reason });
        continue;
      }
      expect(r).toMatchObject({ ok: true, value: c.expected, raw: c.input });
      if (!r.ok) continue;
      expect(r.country).toBe(parsePhoneNumberFromString(c.expected)?.country);
      // The canonical value is a fixed point, whatever the default region.
      expect(normalizePhone(r.value, { defaultRegion: 'US' })).toMatchObject({ ok: true, value: r.value });
    }
  });
});

describe('normalizePhone', () => {
  test('result shape: ok, value, raw (untrimmed), country', () => {
    expect(normalizePhone(' 0501234567 ')).toEqual({ ok: true, value: '+971501234567', raw: ' 0501234567 ', country: 'AE' });
  });

  test('defaultRegion decides national numbers; AE by default', () => {
    expect(normalizePhone('0552198473')).toMatchObject({ value: '+971552198473' });
    expect(normalizePhone('0552198473', { defaultRegion: 'SA' })).toMatchObject({ value: '+966552198473' });
  });

  test('input length is capped before any parsing', () => {
    expect(normalizePhone('1'.repeat(MAX_PHONE_INPUT + 1))).toMatchObject({ ok: false, reason: 'too_long' });
    expect(normalizePhone(`+971501234567${' '.repeat(1_000_000)}`)).toMatchObject({ ok: false, reason: 'too_long' });
  });

  test('invalid results carry a detail', () => {
    const r = normalizePhone('+971 59 123 4567');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detail).toMatch(/valid/);
  });

  test('never throws on non-string input', () => {
    expect(normalizePhone(null as unknown as string)).toMatchObject({ ok: false, reason: 'invalid_phone' });
    expect(normalizePhone(42 as unknown as string)).toMatchObject({ ok: false, reason: 'invalid_phone' });
  });

  test('Unicode separators, fullwidth and Persian digits, bidi marks', () => {
    expect(normalizePhone('\u200f+971\u00a050\u2011123\u20134567')).toMatchObject({ value: '+971501234567' });
    expect(normalizePhone('０５０１２３４５６７')).toMatchObject({ value: '+971501234567' });
    expect(normalizePhone('۰۵۰۱۲۳۴۵۶۷')).toMatchObject({ value: '+971501234567' });
  });

  test('a + anywhere but first is refused', () => {
    expect(normalizePhone('050+1234567')).toMatchObject({ ok: false, reason: 'invalid_phone' });
  });

  test('the junk matcher is applied last, on the E.164 value, and a custom matcher is honoured', () => {
    const junk = createJunkMatcher({ values: { phone: ['+971 4 234 5678'] } });
    expect(normalizePhone('04 234 5678', { junk })).toMatchObject({ ok: false, reason: 'junk_value' });
    expect(normalizePhone('04 234 5678')).toMatchObject({ ok: true, value: '+97142345678' });
    // Junk belongs to the matcher asked, not to the number: asked again with the custom one, still junk.
    expect(normalizePhone('04 234 5678', { junk })).toMatchObject({ ok: false, reason: 'junk_value' });
  });

  test('formatting variants of one number share a canonical key and agree, whatever was parsed before', () => {
    clearPhoneCache();
    const variants = ['+971 50 246 8135', '00971502468135', '0502468135', '050-246-8135', '971502468135', '502468135'];
    for (const v of variants) expect(normalizePhone(v)).toMatchObject({ ok: true, value: '+971502468135' });
  });

  test('trunk-0 rewriting agrees with libphonenumber national parsing for every region and its example mobile', () => {
    const bad: string[] = [];
    for (const [region, national] of Object.entries(examples as Record<string, string>)) {
      const text = `0${national}`;
      const lib = parsePhoneNumberFromString(text, region as CountryCode);
      const libValue = lib?.isValid() ? lib.number : undefined;
      const ours = normalizePhone(text, { defaultRegion: region as CountryCode });
      if (ours.ok && ours.value !== libValue) bad.push(`${region} ${text}: ours ${ours.value}, library ${libValue}`);
      if (!ours.ok && ours.reason === 'invalid_phone' && libValue !== undefined) bad.push(`${region} ${text}: ours invalid, library ${libValue}`);
    }
    expect(bad).toEqual([]);
  });

  test('example mobile numbers of every region normalize to libphonenumber E.164 (international form)', () => {
    const bad: string[] = [];
    for (const [region, national] of Object.entries(examples as Record<string, string>)) {
      const lib = parsePhoneNumberFromString(national, region as CountryCode);
      if (!lib?.isValid()) continue;
      const ours = normalizePhone(lib.formatInternational());
      if (ours.ok ? ours.value !== lib.number : ours.reason === 'invalid_phone') bad.push(`${region}: ${JSON.stringify(ours)}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('normalizePhone: the country code in brackets', () => {
  test.each([
    ['(+971) 50 123 4567', '+971501234567'],
    ['(+44) 7911 123456', '+447911123456'],
    ['(00971) 501234567', '+971501234567'],
    ['+(971) 50-123-4567', '+971501234567'],
    ['(+971)501234567', '+971501234567'],
    ['(+1) 415 555 2671', '+14155552671'],
    ['( +44 ) 7911 123456', '+447911123456'],
    ['(+971) (0) 50 123 4567', '+971501234567'],
  ])('explicit (+ or 00): %s → %s, like the plain international form', (input, value) => {
    for (let round = 0; round < 2; round++) {
      const r = normalizePhone(input);
      expect(r).toEqual({ ok: true, value, raw: input, country: parsePhoneNumberFromString(value)?.country });
      expect(r).toEqual({ ...normalizePhone(value), raw: input });
    }
  });

  test('an explicit bracketed + is international even where the national reading would be valid', () => {
    // `20 7946 0958` is London in GB; `(+20)` says Egypt, where it is not a valid number.
    expect(normalizePhone('(+20) 7946 0958', { defaultRegion: 'GB' })).toMatchObject({ ok: false, reason: 'invalid_phone' });
    expect(normalizePhone('(20) 7946 0958', { defaultRegion: 'GB' })).toEqual({ ok: true, value: '+442079460958', raw: '(20) 7946 0958', country: 'GB' });
  });

  test.each([
    ['(050) 123 4567', 'AE', '+971501234567'],
    ['(0) 50 123 4567', 'AE', '+971501234567'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['(212) 555-2671', 'US', '+12125552671'], // 212 is also Morocco's calling code
    ['(1) 415 555 2671', 'US', '+14155552671'],
    ['(20) 7946 0958', 'GB', '+442079460958'], // 20 is also Egypt's calling code
  ])('without +: a group valid as a national number stays national: %s in %s → %s', (input, region, value) => {
    const r = normalizePhone(input, { defaultRegion: region as CountryCode });
    expect(r).toMatchObject({ ok: true, value });
    expect(r).not.toHaveProperty('inferredCountry');
  });

  test.each([
    ['(971) 50 123 4567', 'AE', '+971501234567'],
    ['(44) 7911 123456', 'US', '+447911123456'],
    ['(20) 100 123 4567', 'GB', '+201001234567'],
    ['(49) 3620 2565', 'US', '+4936202565'],
  ])('without +: a calling code, invalid as a national number, is read as the country code: %s in %s → %s (inferred)', (input, region, value) => {
    expect(normalizePhone(input, { defaultRegion: region as CountryCode })).toMatchObject({ ok: true, value, inferredCountry: true });
  });

  test('a + elsewhere is still refused', () => {
    for (const input of ['050 (+971) 1234567', '(050) +1234567', '((+971)) 50 123 4567', '(+971) +50 123 4567']) {
      expect(normalizePhone(input)).toMatchObject({ ok: false, reason: 'invalid_phone', detail: '"+" not at the start' });
    }
  });
});

describe('normalizePhone: inferredCountry', () => {
  test('a digits-only number invalid in the default region, read as international, is marked (and still normalized)', () => {
    for (let round = 0; round < 2; round++) {
      expect(normalizePhone('4936202565', { defaultRegion: 'US' })).toEqual({
        ok: true, value: '+4936202565', raw: '4936202565', country: 'DE', inferredCountry: true,
      });
      expect(normalizePhone('971501234567')).toEqual({ ok: true, value: '+971501234567', raw: '971501234567', country: 'AE', inferredCountry: true });
      expect(normalizePhone('966501234567')).toMatchObject({ ok: true, value: '+966501234567', country: 'SA', inferredCountry: true });
    }
  });

  test('numbers read with +, 00, a trunk prefix or nationally are not marked', () => {
    for (const input of ['+971501234567', '00971501234567', '0501234567', '501234567', '(050) 123 4567']) {
      expect(normalizePhone(input)).not.toHaveProperty('inferredCountry');
    }
    // The flag belongs to how the number was written, not to the number: the canonical keys keep them apart.
    expect(normalizePhone('4936202565', { defaultRegion: 'US' })).toMatchObject({ inferredCountry: true });
    expect(normalizePhone('+4936202565', { defaultRegion: 'US' })).not.toHaveProperty('inferredCountry');
    expect(normalizePhone('0049 3620 2565', { defaultRegion: 'US' })).not.toHaveProperty('inferredCountry');
  });
});

describe('normalizePhoneForLinking', () => {
  test.each([
    // [input, region, value, inferredCountry, weak]
    ['4936202565', 'US', '+4936202565', true, true], // a 10-digit US-looking number read as a German fixed line
    ['(49) 3620 2565', 'US', '+4936202565', true, true],
    ['97142345678', 'AE', '+97142345678', true, true], // a Dubai fixed line without +
    ['971501234567', 'AE', '+971501234567', true, false], // a UAE mobile without +: MOBILE
    ['966501234567', 'AE', '+966501234567', true, false],
    ['14155552671', 'AE', '+14155552671', true, false], // NANP: FIXED_LINE_OR_MOBILE counts as mobile
    ['+4936202565', 'US', '+4936202565', false, false],
    ['0049 3620 2565', 'US', '+4936202565', false, false],
    ['04 234 5678', 'AE', '+97142345678', false, false],
  ])('%s in %s → %s, inferredCountry %s, weak %s', (input, region, value, inferredCountry, weak) => {
    const options = { defaultRegion: region as CountryCode };
    const r = normalizePhoneForLinking(input, options);
    expect(r).toMatchObject({ ok: true, value, inferredCountry, weak });
    // Asked again (libphonenumber-js's answers now cached where it was asked): the same answer.
    expect(normalizePhoneForLinking(input, options)).toEqual(r);
    // It agrees with normalizePhone.
    const p = normalizePhone(input, options);
    expect(p).toMatchObject({ ok: true, value });
    expect(p.ok && p.inferredCountry === true).toBe(inferredCountry);
  });

  test('isMobileNumber agrees with libphonenumber getType() (MOBILE or FIXED_LINE_OR_MOBILE) in every region', () => {
    // Seeded candidates per region: the example mobile, its subscriber digits changed, other leading digits, and
    // random digits of nearby lengths; only numbers libphonenumber calls valid are compared.
    let seed = 12345;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const digits = (n: number): string => Array.from({ length: n }, () => String(random(10))).join('');
    const bad: string[] = [];
    const seen = { mobile: 0, other: 0 };
    for (const region of getCountries()) {
      const example = (examples as Record<string, string>)[region] ?? digits(9);
      const cc = getCountryCallingCode(region);
      for (let i = 0; i < 200; i++) {
        const len = Math.max(4, example.length + random(3) - 1);
        const keep = i < 30 ? example.length - 4 : i < 80 ? 1 + random(2) : 0;
        const national = (example.slice(0, keep) + digits(len)).slice(0, len);
        const lib = parsePhoneNumberFromString(`+${cc}${national}`);
        if (!lib?.isValid()) continue;
        const type = lib.getType();
        const expected = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
        if (isMobileNumber(lib.country, lib.nationalNumber, lib.number) !== expected) bad.push(`${lib.number} (${lib.country}): library ${type}`);
        seen[expected ? 'mobile' : 'other']++;
      }
    }
    expect(bad).toEqual([]);
    expect(seen.mobile).toBeGreaterThan(5_000);
    expect(seen.other).toBeGreaterThan(1_500);
  });

  test('failures and junk are normalizePhone’s', () => {
    const junk = createJunkMatcher({ values: { phone: ['+4936202565'] } });
    expect(normalizePhoneForLinking('4936202565', { defaultRegion: 'US', junk })).toMatchObject({ ok: false, reason: 'junk_value' });
    expect(normalizePhoneForLinking('+971 59 123 4567')).toEqual(normalizePhone('+971 59 123 4567'));
    expect(normalizePhoneForLinking('n/a')).toEqual(normalizePhone('n/a'));
  });
});

describe('isPlaceholderNumber', () => {
  test.each([
    ['0000000000', true],
    ['500000000', true],
    ['551111111', true],
    ['123456789', true],
    ['9876543210', true],
    ['66000000', true],
    ['501234567', false],
    ['501000000', false],
    ['12345', false],
  ])('%s → %s', (digits, expected) => {
    expect(isPlaceholderNumber(digits)).toBe(expected);
  });
});
