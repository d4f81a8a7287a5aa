import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyString, PROPERTY_SEED } from '../_testing/textArbitraries.js';
import type { CustomerRecord } from '../types.js';
import { EVIDENCE_FIELD_COLUMNS } from '../_internal/nameFields.js';
import { PreparedChunkWriter, PreparedRecordCursor } from './PreparedChunk.js';
import { payloadOf, writePayload } from './prepareRecord.js';

/** Field and attribute names that order or behave unlike plain names in a JS object. */
const NAMES = ['city', 'firstName', 'first_name', 'attribute:city', '__proto__', 'toString', 'constructor', '0', '7', '01', '4294967295', '-1', '1.5', 'note', 'tier', '', 'a\\b', 'say "hi"', 'été', 'tab\there'];

const value = fc.oneof(anyString(20), fc.constantFrom('', ' ', ' x ', 'a"b', 'a\\b', '\u2028', '\ud800'));
const attributeValue = fc.oneof(anyString(20), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-0), fc.constant(Number.NaN));

/**
 * The payload text `writePayload` stores, read back from a chunk. A small writer (256 bytes) with `before` bytes
 * of text ahead (written piece by piece, which reserves room exactly), so its buffer fills up anywhere in the payload.
 */
function payloadJson(record: CustomerRecord, before: number): string {
  const w = new PreparedChunkWriter(1);
  w.openText();
  w.textAscii('x'.repeat(before));
  w.endText();
  const ref = writePayload(record, w);
  w.record(1, 0, record.id, '', '', '', '', ref, { prefixes: [], values: [], kinds: [], groups: [], count: 0, weakPrefixes: [], weakValues: [], weakCount: 0 });
  const cur = new PreparedRecordCursor(w.finish(1, 0, {} as never));
  cur.next();
  return cur.text(cur.payload);
}

describe('writePayload', () => {
  it('writes JSON.stringify(payloadOf(record)) for any record', () => {
    const record = fc.record(
      {
        id: fc.constant('r1'),
        firstName: value,
        lastName: value,
        fullName: value,
        // Every evidence field there is, so one added to the model and not to writePayload fails here.
        ...Object.fromEntries([...EVIDENCE_FIELD_COLUMNS.keys()].map((f) => [f, value])),
        attributes: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...NAMES), anyString(8)), attributeValue), { maxLength: 5 }).map((pairs) => {
          const a: Record<string, unknown> = {};
          for (const [k, v] of pairs) Object.defineProperty(a, k, { value: v, enumerable: true, writable: true, configurable: true });
          return a;
        }),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(record, fc.integer({ min: 0, max: 256 }), (r, before) => {
        const rec = r as unknown as CustomerRecord;
        expect(payloadJson(rec, before)).toBe(JSON.stringify(payloadOf(rec)));
      }),
      { seed: PROPERTY_SEED, numRuns: 3000 },
    );
  });

  it('takes the general path for an attribute value JSON cannot hold as it is', () => {
    const rec = { id: 'r1', firstName: 'Sara', attributes: { note: undefined, tier: 'gold' } } as unknown as CustomerRecord;
    expect(payloadJson(rec, 0)).toBe('{"firstName":"Sara","tier":"gold"}');
  });
});
