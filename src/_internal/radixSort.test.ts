import { expect, test } from 'vitest';
import fc from 'fast-check';
import { breakTies, radixSortIndices } from './radixSort.js';

test('radixSortIndices orders by key and is stable', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }), (arr) => {
      const keys = Uint32Array.from(arr.map((x) => x % 7 === 0 ? 5 : x));
      const idx = Array.from(radixSortIndices(keys));
      const expected = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
      expect(idx).toEqual(expected);
    }),
    { seed: 20261122, numRuns: 200 },
  );
});

test('breakTies sorts only within equal-key runs', () => {
  const keys = Uint32Array.from([1, 1, 0, 1]);
  const sorted = radixSortIndices(keys);
  breakTies(sorted, keys, (a, b) => b - a);
  expect(Array.from(sorted)).toEqual([2, 3, 1, 0]);
});
