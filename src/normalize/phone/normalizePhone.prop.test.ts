import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { anyString, PROPERTY_SEED } from '../../_testing/textArbitraries.js';
import { normalizePhone } from './normalizePhone.js';

/** Valid national mobile numbers (operator prefix + subscriber) of a few GCC/expat plans, as [calling code, national]. */
const mobile: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(fc.constantFrom('50', '52', '54', '55', '56', '58'), fc.stringMatching(/^[2-8]\d{6}$/)).map(([p, s]) => ['971', p + s] as [string, string]),
  fc.tuple(fc.constantFrom('50', '53', '55', '56'), fc.stringMatching(/^[2-8]\d{6}$/)).map(([p, s]) => ['966', p + s] as [string, string]),
  fc.tuple(fc.constantFrom('98', '97', '90'), fc.stringMatching(/^[2-8]\d{7}$/)).map(([p, s]) => ['91', p + s] as [string, string]),
  fc.tuple(fc.constantFrom('7400', '7500', '7900'), fc.stringMatching(/^[2-8]\d{5}$/)).map(([p, s]) => ['44', p + s] as [string, string]),
);

/** One way of writing `+cc national`: separators between random groups, `+` or `00`, or the national AE form. */
function written(cc: string, national: string, seps: readonly string[], zeroZero: boolean, national0: boolean): string {
  const groups: string[] = [];
  let i = 0;
  let k = 0;
  while (i < national.length) {
    const n = 2 + (k % 3);
    groups.push(national.slice(i, i + n));
    i += n;
    k++;
  }
  const body = groups.map((g, j) => (j === 0 ? g : seps[j % seps.length]! + g)).join('');
  if (national0 && cc === '971') return `0${body}`;
  return `${zeroZero ? '00' : '+'}${cc}${seps[0]!}${body}`;
}

const run = { seed: PROPERTY_SEED, numRuns: 300 };

describe('normalizePhone properties', () => {
  test('idempotent: a normalized value normalizes to itself', () => {
    fc.assert(
      fc.property(fc.oneof(anyString(30), mobile.map(([cc, n]) => `+${cc} ${n}`)), (s) => {
        const r = normalizePhone(s);
        if (r.ok) expect(normalizePhone(r.value)).toMatchObject({ ok: true, value: r.value, country: r.country });
      }),
      run,
    );
  });

  test('never throws, on any string, binary strings and huge strings', () => {
    fc.assert(fc.property(anyString(80), (s) => void normalizePhone(s)), run);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => void normalizePhone(s)), run);
    fc.assert(
      fc.property(fc.stringMatching(/^[+0-9 ()./-]{0,70}$/), (s) => void normalizePhone(s)),
      run,
    );
    const huge = '0'.repeat(1 << 20);
    expect(normalizePhone(huge)).toMatchObject({ ok: false, reason: 'too_long' });
    expect(normalizePhone(`+971 ${huge}`)).toMatchObject({ ok: false, reason: 'too_long' });
  });

  test('the country code in brackets, (+cc) or (00cc), normalizes like +cc', () => {
    const sep = fc.constantFrom(' ', '-', '.', '');
    fc.assert(
      fc.property(mobile, sep, fc.constantFrom('(+', '( +', '(00', '+('), ([cc, national], s, open) => {
        const plain = normalizePhone(`+${cc}${national}`);
        const r = normalizePhone(`${open}${cc})${s}${national}`);
        expect(r).toMatchObject({ ok: true, value: `+${cc}${national}` });
        if (r.ok && plain.ok) expect(r.country).toBe(plain.country);
        expect(r).not.toHaveProperty('inferredCountry');
      }),
      run,
    );
  });

  test('formatting variants of a valid number normalize to the same value', () => {
    const sep = fc.constantFrom(' ', '-', '.', '', ' - ', '/');
    fc.assert(
      fc.property(mobile, fc.array(sep, { minLength: 1, maxLength: 4 }), fc.array(sep, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), ([cc, national], a, b, zz, n0) => {
        const x = normalizePhone(written(cc, national, a, zz, false));
        const y = normalizePhone(written(cc, national, b, !zz, n0));
        expect(x.ok).toBe(y.ok);
        if (x.ok && y.ok) expect(y.value).toBe(x.value);
        if (x.ok) expect(x.value).toBe(`+${cc}${national}`);
      }),
      run,
    );
  });
});
