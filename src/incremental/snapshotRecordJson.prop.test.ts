import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyString } from '../_testing/textArbitraries.js';
import type { SnapshotRecord } from './snapshot.js';
import { snapshotRecordJson } from './snapshotRecordJson.js';

const number = fc.oneof(fc.integer({ min: -1, max: 2 ** 31 - 1 }), fc.double(), fc.constantFrom(-0, Number.NaN, Infinity, 2 ** 53, 1e21, 5e-324));
const text = fc.oneof(anyString(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\u2028', '\ud800', '{"firstName":"Ann \\"A\\""}'));

describe('snapshotRecordJson', () => {
  it('is JSON.stringify of the SnapshotRecord tuple, with and without attributes', () => {
    fc.assert(
      fc.property(
        fc.tuple(text, number, number, fc.option(number, { nil: null }), number, number, text),
        fc.array(number, { maxLength: 6 }),
        fc.array(number, { maxLength: 4 }),
        fc.option(number, { nil: undefined }),
        fc.nat(3),
        ([id, serial, source, updatedAt, first, last, payload], keys, weak, attributes, pad) => {
          const tuple: SnapshotRecord = attributes === undefined
            ? [id, serial, source, updatedAt, first, last, payload, keys, weak]
            : [id, serial, source, updatedAt, first, last, payload, keys, weak, attributes];
          // The lists read as ranges of larger arrays, as the batch's columns hold them.
          const k = [...Array<number>(pad).fill(7), ...keys, 9];
          const w = [5, ...weak, ...Array<number>(pad).fill(8)];
          const json = snapshotRecordJson(id, serial, source, updatedAt, first, last, payload, k, pad, pad + keys.length, w, 1, 1 + weak.length, attributes);
          expect(json).toBe(JSON.stringify(tuple));
        },
      ),
      { seed: 15_2026, numRuns: 500 },
    );
  });
});
