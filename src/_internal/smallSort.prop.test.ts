import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED } from '../_testing/textArbitraries.js';
import { sortBy, sortNumbers } from './smallSort.js';

describe('smallSort', () => {
  it('sorts the first n numbers as TypedArray#sort does, leaving the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }), fc.nat(40), (values, cut) => {
        const n = Math.min(cut, values.length);
        const a = Float64Array.from(values);
        sortNumbers(a, n);
        const expected = Float64Array.from(values);
        expected.subarray(0, n).sort();
        expect(Array.from(a)).toEqual(Array.from(expected));
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });

  it('sorts by a comparator as Array#sort does, stably', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 40 }), (values) => {
        // Compared by tens only: equal elements keep their order.
        const byTens = (x: number, y: number): number => Math.floor(x / 10) - Math.floor(y / 10);
        const a = values.slice();
        sortBy(a, byTens);
        expect(a).toEqual(values.slice().sort(byTens));
      }),
      { seed: PROPERTY_SEED, numRuns: 500 },
    );
  });
});
