import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseIsoDate } from './parseIsoDate.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const reference = (v: string): number => (ISO_DATE.test(v) ? Date.parse(v) : Number.NaN);

describe('parseIsoDate', () => {
  test('agrees with Date.parse on ISO shapes, edge fields included (property, pinned seed)', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const date = fc.tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), two(13), two(32), two(25), two(61), two(61));
    fc.assert(
      fc.property(date, fc.constantFrom('Z', '', '+04:00', '.5Z', 'z'), fc.constantFrom('T', ' ', 'x'), ([y, mo, d, h, mi, s], tail, sep) => {
        const v = `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${tail}`;
        expect(Object.is(parseIsoDate(v), reference(v))).toBe(true);
      }),
      { seed: 20261130, numRuns: 5000 },
    );
  });

  test('every day 1 to 31 of every month of many years, on the computed path, as Date.parse reads it', () => {
    const years = [100, 101, 399, 400, 401, 1600, 1700, 1800, 1900, 2000, 2100, 2400, 9999];
    for (let y = 1875; y <= 2100; y++) years.push(y);
    for (const y of years) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const v = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(d % 24).padStart(2, '0')}:${String((7 * d) % 60).padStart(2, '0')}:${String((13 * d) % 60).padStart(2, '0')}Z`;
          if (parseIsoDate(v) !== Date.parse(v)) expect([v, parseIsoDate(v)]).toEqual([v, Date.parse(v)]);
        }
      }
    }
  });

  test('a field that is not two digits is no time, on every day (property, pinned seed)', () => {
    // `two` reads a non-digit pair as a negative number: each field's lower bound must refuse it, as ISO_DATE
    // does; the year's two pairs too (20 and a non-digit pair is no year 1900).
    const field = fc.oneof(fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')), fc.constantFrom('ab', 'x1', '1x', '-1', ' 1', '+1', '٣٣', '1.'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), field, field, field, field, field, (d, h, mi, s, century, yy) => {
        const v = `${century}${yy}-01-${String(d).padStart(2, '0')}T${h}:${mi}:${s}Z`;
        expect(Object.is(parseIsoDate(v), reference(v))).toBe(true);
      }),
      { seed: 20261205, numRuns: 5000 },
    );
    for (const v of ['20ab-01-30T10:00:00Z', '2x24-01-30T10:00:00Z', '2024-01-30Tab:00:00Z', '2024-01-31T10:xx:00Z', '2024-01-31T10:00:-1Z', '2024-01-15Tab:00:00Z']) expect(parseIsoDate(v)).toBeNaN();
  });

  test('dates without a time, and non-dates', () => {
    for (const v of ['2024-03-01', '2024-03-01T10:00', 'not a date', '', '2024-3-1', '2019-12-21T14:06:54Z ']) {
      expect(Object.is(parseIsoDate(v), reference(v))).toBe(true);
    }
    expect(parseIsoDate('2019-12-21T14:06:54Z')).toBe(Date.parse('2019-12-21T14:06:54Z'));
  });
});
