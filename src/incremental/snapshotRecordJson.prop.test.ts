import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonBytes } from '../_internal/JsonBytes.js';
import type { InternedView } from '../_internal/ByteInterner.js';
import { anyString } from '../_testing/textArbitraries.js';
import type { SnapshotRecord } from './snapshot.js';
import { writeSnapshotRecordJson } from './snapshotRecordJson.js';

const number = fc.oneof(fc.integer({ min: -1, max: 2 ** 31 - 1 }), fc.double(), fc.constantFrom(-0, Number.NaN, Infinity, 2 ** 53, 1e21, 5e-324, 1_764_000_000_000));
const text = fc.oneof(anyString(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\u2028', '\ud800', '{"firstName":"Ann \\"A\\""}'));

/** Texts stored as a ByteSlab stores them: UTF-8, entry `pad` of a view, after other bytes. */
function viewOf(texts: readonly string[], pad: number): InternedView {
  const parts = [...Array<string>(pad).fill('x"y'), ...texts].map((t) => Buffer.from(t));
  const chunk = Buffer.concat(parts);
  const starts = new Float64Array(parts.length);
  for (let i = 1; i < parts.length; i++) starts[i] = starts[i - 1]! + parts[i - 1]!.length;
  return { chunks: [chunk], starts, lengths: Uint32Array.from(parts, (p) => p.length) };
}

describe('writeSnapshotRecordJson', () => {
  it('is JSON.stringify of the SnapshotRecord tuple (id and payload as stored), with and without attributes', () => {
    const out = new JsonBytes();
    fc.assert(
      fc.property(
        fc.tuple(text, number, number, fc.option(number, { nil: null }), number, number, text),
        fc.array(number, { maxLength: 6 }),
        fc.array(number, { maxLength: 4 }),
        fc.option(number, { nil: undefined }),
        fc.nat(3),
        ([id, serial, source, updatedAt, first, last, payload], keys, weak, attributes, pad) => {
          // What a stored string reads back as: its UTF-8 bytes decoded (a lone surrogate became U+FFFD).
          const stored = (s: string): string => Buffer.from(s).toString();
          const tuple: SnapshotRecord = attributes === undefined
            ? [stored(id), serial, source, updatedAt, first, last, stored(payload), keys, weak]
            : [stored(id), serial, source, updatedAt, first, last, stored(payload), keys, weak, attributes];
          // The lists read as ranges of larger arrays, as the batch's columns hold them.
          const k = [...Array<number>(pad).fill(7), ...keys, 9];
          const w = [5, ...weak, ...Array<number>(pad).fill(8)];
          writeSnapshotRecordJson(out, viewOf([id], pad), viewOf([payload], pad), pad, serial, source, updatedAt, first, last, k, pad, pad + keys.length, w, 1, 1 + weak.length, attributes);
          const expected = JSON.stringify(tuple);
          expect(Buffer.from(out.bytes.subarray(0, out.length)).toString()).toBe(expected);
          expect(out.chars).toBe(expected.length);
        },
      ),
      { seed: 15_2026, numRuns: 500 },
    );
  });
});
