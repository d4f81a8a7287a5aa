import { expect, test } from 'vitest';
import fc from 'fast-check';
import { breakTies, radixSort, radixSortByBuckets, radixSortIndices } from './radixSort.js';

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
  const sorted = radixSort(keys);
  breakTies(sorted, (a, b) => b - a);
  expect(Array.from(sorted.indices)).toEqual([2, 3, 1, 0]);
});

test('radixSort gives the keys in sorted order beside the indices, short lists and long alike', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }), (arr) => {
      const keys = Uint32Array.from(arr.map((x) => (x % 7 === 0 ? 5 : x)));
      const sorted = radixSort(keys);
      expect(Array.from(sorted.keys)).toEqual(Array.from(sorted.indices, (i) => keys[i]!));
      expect(Array.from(sorted.keys)).toEqual(Array.from(keys).sort((a, b) => a - b));
    }),
    { seed: 20261205, numRuns: 200 },
  );
});

test('radixSortIndices orders given indices by key, stable in their given order', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 400 }), fc.integer(), (arr, seed) => {
      const keys = Uint32Array.from(arr.map((x) => (x % 5 === 0 ? 0xfffff800 : x)));
      // A subset of the indices in a scrambled order.
      const given = Uint32Array.from(Array.from({ length: keys.length }, (_, i) => i).filter((i) => (i * 7 + seed) % 3 !== 0).sort((a, b) => ((a * 2654435761) ^ seed) % 97 - ((b * 2654435761) ^ seed) % 97));
      const expected = Array.from(given).map((v, pos) => ({ v, pos })).sort((a, b) => keys[a.v]! - keys[b.v]! || a.pos - b.pos).map((e) => e.v);
      expect(Array.from(radixSortIndices(keys, given))).toEqual(expected);
    }),
    { seed: 20261122, numRuns: 200 },
  );
});

test('radixSort with shared puts the same indices in shared memory, short lists and long alike', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }), (arr) => {
      const keys = Uint32Array.from(arr.map((x) => (x % 7 === 0 ? 5 : x)));
      const shared = radixSort(keys, undefined, true);
      expect(shared.indices.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Array.from(shared.indices)).toEqual(Array.from(radixSort(keys).indices));
    }),
    { seed: 20261206, numRuns: 200 },
  );
});

test('radixSortByBuckets (the path of long lists) gives exactly the order of the three passes, given indices and shared memory alike', () => {
  // Keys that fill few top buckets and many ties, and keys spread over all 32 bits.
  const keyArb = fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 7 }).map((x) => x * 0x00200000 + (x & 3)), fc.constant(0xffffffff));
  fc.assert(
    fc.property(fc.array(keyArb, { maxLength: 400 }), fc.integer({ min: 0, max: 2 }), (arr, mode) => {
      const keys = Uint32Array.from(arr);
      const given = mode === 1 ? Uint32Array.from(Array.from({ length: keys.length }, (_, i) => keys.length - 1 - i).filter((i) => i % 3 !== 1)) : undefined;
      const expected = (given ? Array.from(given) : Array.from({ length: keys.length }, (_, i) => i)).map((v, pos) => ({ v, pos })).sort((a, b) => keys[a.v]! - keys[b.v]! || a.pos - b.pos).map((e) => e.v);
      const sorted = radixSortByBuckets(keys, given, mode === 2);
      expect(Array.from(sorted.indices)).toEqual(expected);
      expect(Array.from(sorted.keys)).toEqual(expected.map((i) => keys[i]!));
      if (mode === 2) expect(sorted.indices.buffer).toBeInstanceOf(SharedArrayBuffer);
    }),
    { seed: 20261207, numRuns: 300 },
  );
});

test('radixSort orders a list long enough for buckets by key, ties in index order', () => {
  const n = 1 << 21;
  const keys = new Uint32Array(n);
  let x = 7;
  for (let i = 0; i < n; i++) keys[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % (i % 2 === 0 ? 1000 : 0x100000000);
  const { indices } = radixSort(keys);
  for (let i = 1; i < n; i++) {
    const a = indices[i - 1]!;
    const b = indices[i]!;
    if (keys[a]! > keys[b]! || (keys[a] === keys[b] && a > b)) throw new Error(`out of order at ${i}`);
  }
});
