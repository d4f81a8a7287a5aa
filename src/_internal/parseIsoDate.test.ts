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

  test('dates without a time, and non-dates', () => {
    for (const v of ['2024-03-01', '2024-03-01T10:00', 'not a date', '', '2024-3-1', '2019-12-21T14:06:54Z ']) {
      expect(Object.is(parseIsoDate(v), reference(v))).toBe(true);
    }
    expect(parseIsoDate('2019-12-21T14:06:54Z')).toBe(Date.parse('2019-12-21T14:06:54Z'));
  });
});
