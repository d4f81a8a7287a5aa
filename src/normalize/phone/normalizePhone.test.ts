import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, test } from 'vitest';
import cases from '../../../fixtures/normalize/phone.json' with { type: 'json' };
import { createJunkMatcher } from '../junk/createJunkMatcher.js';
import type { NormalizeFailureReason } from '../../types.js';
import { clearPhoneCache, isPlaceholderNumber, MAX_PHONE_INPUT, normalizePhone } from './normalizePhone.js';

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
    // Twice: the second answer comes from the cache and must be the same.
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
    // The cached parse remembers junk per matcher, not globally.
    expect(normalizePhone('04 234 5678', { junk })).toMatchObject({ ok: false, reason: 'junk_value' });
  });

  test('formatting variants of one number share a cache entry and agree', () => {
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
