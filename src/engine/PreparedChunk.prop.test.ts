import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1aBytes } from '../_internal/ByteInterner.js';
import { anyString, PROPERTY_SEED } from '../_testing/textArbitraries.js';
import type { KindCode, RecordKeys } from '../match/createRecordKeyer.js';
import { PreparedChunkWriter, PreparedRecordCursor, setPayloadSlabOwner } from './PreparedChunk.js';

const NO_STATS = {} as never;
setPayloadSlabOwner(1);

describe('PreparedChunk', () => {
  it('reads back every string as written, ASCII or not, with the FNV-1a of its UTF-8 bytes', () => {
    const text = fc.oneof(anyString(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 200 }));
    const record = fc.record({ id: text, first: text, last: text, attributes: text, source: text, payload: text, keys: fc.array(text, { maxLength: 4 }), weak: fc.array(text, { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 30 }), fc.boolean(), (records, handOver) => {
        // A small writer, so growing its buffers is exercised too.
        const w = new PreparedChunkWriter(1);
        records.forEach((r, i) => {
          // Each key in two parts, cut anywhere (even inside a surrogate pair): the writer joins them (addKey).
          const cut = (k: string): number => i % (k.length + 1);
          const keys: RecordKeys = {
            prefixes: r.keys.map((k) => k.slice(0, cut(k))),
            values: r.keys.map((k) => k.slice(cut(k))),
            kinds: r.keys.map(() => 3 as KindCode),
            groups: r.keys.map(() => ''),
            count: r.keys.length,
            weakPrefixes: r.weak.map((k) => k.slice(0, cut(k))),
            weakValues: r.weak.map((k) => k.slice(cut(k))),
            weakCount: r.weak.length,
          };
          w.record(i + 1, i, r.id, r.first, r.last, r.attributes, r.source, w.text(r.payload), keys);
        });
        // Copied out, or handed over (the payloads then in shared memory of their own, for the batch to keep).
        const chunk = handOver ? w.handOver(records.length, 0, NO_STATS) : w.finish(records.length, 0, NO_STATS);
        if (handOver) expect(chunk.payloads.buffer).toBeInstanceOf(SharedArrayBuffer);
        const cur = new PreparedRecordCursor(chunk);
        const utf8 = (s: string) => Buffer.from(s).toString();
        for (const r of records) {
          expect(cur.next()).toBe(true);
          expect([cur.text(cur.id), cur.text(cur.first), cur.text(cur.last), cur.text(cur.attributes), cur.text(cur.source), cur.payloadText()]).toEqual(
            [r.id, r.first, r.last, r.attributes, r.source, r.payload].map(utf8),
          );
          expect(Array.from({ length: cur.keyCount }, (_, i) => cur.text(cur.keyRef(i)))).toEqual(r.keys.map(utf8));
          expect(Array.from({ length: cur.weakCount }, (_, i) => cur.text(cur.weakRef(i)))).toEqual(r.weak.map(utf8));
          for (let i = 0; i < cur.keyCount; i++) {
            const ref = cur.keyRef(i);
            if (ref === -1) continue; // '' is stored as no string
            const b = Buffer.from(r.keys[i]!);
            expect(chunk.strHash[ref]).toBe(fnv1aBytes(b, 0, b.length) >>> 0);
          }
        }
        expect(cur.next()).toBe(false);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });
});
