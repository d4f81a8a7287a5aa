import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyString, PROPERTY_SEED } from '../_testing/textArbitraries.js';
import type { CustomerRecord } from '../types.js';
import { EVIDENCE_FIELD_COLUMNS } from '../_internal/nameFields.js';
import { PreparedChunkWriter, PreparedRecordCursor } from './PreparedChunk.js';
import { attributeField, payloadOf, writePayload } from './prepareRecord.js';
import { PayloadNames, payloadFieldTable } from '../_internal/PayloadNames.js';

/** Field and attribute names that order or behave unlike plain names in a JS object. */
const NAMES = ['city', 'firstName', 'first_name', 'attribute:city', '__proto__', 'toString', 'constructor', '0', '7', '01', '4294967295', '-1', '1.5', 'note', 'tier', '', 'a\\b', 'say "hi"', 'été', 'tab\there'];

const value = fc.oneof(anyString(20), fc.constantFrom('', ' ', ' x ', 'a"b', 'a\\b', '\u2028', '\ud800'));
const attributeValue = fc.oneof(anyString(20), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-0), fc.constant(Number.NaN));

/**
 * The payload text `writePayload` stores, read back from a chunk. A small writer (128 bytes of payloads) with
 * `before` bytes of text ahead (written piece by piece, which reserves room exactly), so its buffer fills up anywhere in the payload.
 */
function payloadJson(record: CustomerRecord, before: number, names?: PayloadNames): string {
  return written(record, before, names).text;
}

/** The payload's stored text and the record's fingerprint, written with `names`' tokens when given. */
function written(record: CustomerRecord, before: number, names?: PayloadNames): { text: string; fingerprint: [number, number] } {
  const w = new PreparedChunkWriter(1);
  w.payloadNames = names;
  w.openText();
  w.textAscii('x'.repeat(before));
  w.endText();
  const ref = writePayload(record, w);
  w.record(1, 0, record.id, '', '', '', '', ref, { prefixes: [], values: [], kinds: [], groups: [], count: 0, weakPrefixes: [], weakValues: [], weakCount: 0 });
  const cur = new PreparedRecordCursor(w.finish(1, 0, {} as never));
  cur.next();
  return { text: cur.payloadText(), fingerprint: [cur.fingerprintHi, cur.fingerprintLo] };
}

/** Any record: every field, attributes with names that behave unlike plain ones. */
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

describe('writePayload', () => {
  it('writes JSON.stringify(payloadOf(record)) for any record', () => {
    fc.assert(
      fc.property(record, fc.integer({ min: 0, max: 256 }), (r, before) => {
        const rec = r as unknown as CustomerRecord;
        expect(payloadJson(rec, before)).toBe(JSON.stringify(payloadOf(rec)));
      }),
      { seed: PROPERTY_SEED, numRuns: 3000 },
    );
  });

  it("writes with a batch's field tokens a text that stands for the same JSON, and the same fingerprint", () => {
    // The attribute names the table knows (some renamed to their field, `attribute:city`), as a batch's header gives them.
    const names = PayloadNames.of(payloadFieldTable(['tier', 'note', '__proto__', 'été', 'city', '7', 'say "hi"'].map(attributeField)));
    let tokens = 0;
    fc.assert(
      fc.property(record, fc.integer({ min: 0, max: 256 }), (r, before) => {
        const rec = r as unknown as CustomerRecord;
        const plain = written(rec, before);
        const short = written(rec, before, names);
        expect(names.expand(short.text)).toBe(plain.text);
        expect(short.fingerprint).toEqual(plain.fingerprint);
        if (short.text !== plain.text) {
          tokens++;
          expect(short.text.length).toBeLessThan(plain.text.length);
          expect(short.text).toMatch(/[\x01-\x1f]/);
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 3000 },
    );
    // Most records hold a field the table has: tokens were written, not only allowed.
    expect(tokens).toBeGreaterThan(2000);
  });

  it('writes a name the table does not hold, and every name without a table, out in full', () => {
    const names = PayloadNames.of(payloadFieldTable(['tier']));
    const rec = { id: 'r1', firstName: 'Sara', city: 'Dubai', attributes: { tier: 'gold', note: 'vip' } } as unknown as CustomerRecord;
    expect(payloadJson(rec, 0, names)).toBe('{\x01"Sara",\x07"Dubai",\x0a"gold","note":"vip"}');
    expect(payloadJson(rec, 0)).toBe('{"firstName":"Sara","city":"Dubai","tier":"gold","note":"vip"}');
  });

  it('takes the general path for an attribute value JSON cannot hold as it is', () => {
    const rec = { id: 'r1', firstName: 'Sara', attributes: { note: undefined, tier: 'gold' } } as unknown as CustomerRecord;
    expect(payloadJson(rec, 0)).toBe('{"firstName":"Sara","tier":"gold"}');
  });
});
