import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { withDefaults } from '../config/ResolveOptions.js';
import { contentArb } from '../_testing/recordArbitraries.js';
import { createRecordKeyer, keyText, weakKeyText, type RecordKeys } from './createRecordKeyer.js';

const SEED = 20261205;

function copied(k: RecordKeys): unknown {
  return { keys: Array.from({ length: k.count }, (_, i) => keyText(k, i)), kinds: k.kinds.slice(0, k.count), groups: k.groups.slice(0, k.count), weak: Array.from({ length: k.weakCount }, (_, i) => weakKeyText(k, i)) };
}

// Records with many emails (past the 16 a scan de-duplicates) and weak phones, between ordinary ones.
const many = fc.integer({ min: 0, max: 40 }).map((n) => ({ emails: Array.from({ length: n }, (_, i) => `u${i % 30}@corp.ae`), phones: ['4936202565', '+4936202565'] }));
const recordArb = fc.oneof(contentArb, many);

describe('a keyer reused from record to record (pinned seed)', () => {
  test('answers each record as a fresh keyer does', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 12 }), fc.constantFrom('AE', 'US'), (records, region) => {
        const options = withDefaults({ defaultRegion: region });
        const reused = createRecordKeyer(options);
        records.forEach((r, i) => {
          const record = { id: `r${i}`, ...r };
          const got = copied(reused(record, { invalid: {}, junk: {} }));
          expect(got).toEqual(copied(createRecordKeyer(options)(record, { invalid: {}, junk: {} })));
        });
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
