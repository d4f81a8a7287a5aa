import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createRowMapper } from '../io/rowToRecord.js';
import { acceptLibraryRecord } from './customerRecordSchema.js';

// The file fast path (io/rowToRecord, reading an NDJSON object in the library's own shape) and the library path
// (zod shape + acceptRecord) must accept the same records and refuse the same ones. Values are generated as
// files deliver them (trimmed text, no `|` separators, no empty strings or nulls, which files drop), since those
// are the only differences by design: a file's cells are text to trim and split, a library value is taken as given.
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom('ann@corp.ae', '+971501234567', 'x\u0000y', 'x\ud800', 'é', '😀', 'toString', '__proto__'),
  fc.constant('z'.repeat(100_001)),
).filter((s) => s.trim() === s && s !== '' && !s.includes('|'));
const id = fc.oneof(text, fc.integer(), fc.double({ noNaN: true }), fc.constant(9007199254740993), fc.constant(''), fc.constant(null));
const list = fc.oneof({ weight: 5, arbitrary: fc.array(text, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(fc.constant('a@b.ae'), { minLength: 101, maxLength: 102 }) });
const scalar = fc.oneof(text, fc.integer(), fc.boolean());
const record = fc.record(
  {
    id,
    source: text,
    updatedAt: fc.oneof(fc.constantFrom('2024-03-01T10:00:00Z', '2024-03-01', '2024/03/01', 'yesterday'), text),
    emails: list,
    phones: list,
    logins: list,
    handles: fc.array(fc.record({ platform: fc.constantFrom('instagram', 'tiktok', 'nope'), handle: text }), { maxLength: 2 }),
    externalIds: fc.array(fc.record({ namespace: fc.constantFrom('loyalty', 'crm'), value: text }), { maxLength: 2 }),
    firstName: text,
    lastName: text,
    fullName: text,
    attributes: fc.dictionary(fc.constantFrom('city', 'toString', '__proto__', 'firstName', 'tier'), scalar, { maxKeys: 3 }),
  },
  { requiredKeys: ['id'] },
);

describe('acceptRecord: files and the library accept alike (zod as the oracle)', () => {
  test('same decision, same record, same issue codes (pinned seed)', () => {
    const mapper = createRowMapper({});
    fc.assert(
      fc.property(record, (r) => {
        const asJson = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
        const viaFile = mapper.map(asJson, JSON.stringify(r));
        const viaLibrary = acceptLibraryRecord(asJson);
        expect(viaFile.ok).toBe(viaLibrary.ok);
        if (viaFile.ok && viaLibrary.ok) {
          expect(plain(viaFile.record)).toEqual(plain(viaLibrary.record));
          expect(viaFile.invalidUpdatedAt).toBe(viaLibrary.invalidUpdatedAt);
        } else if (!viaFile.ok && !viaLibrary.ok) {
          expect(new Set(viaFile.issues.map((i) => i.code))).toEqual(new Set(viaLibrary.issues.map((i) => i.code)));
        }
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });
});

/** A record as JSON, without empty lists or objects (absent and empty mean the same). */
function plain(r: object): unknown {
  const o = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = o[k];
    if ((Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)) delete o[k];
  }
  return o;
}

