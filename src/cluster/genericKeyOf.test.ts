import { describe, expect, it } from 'vitest';
import { genericKeyOf, MAX_DISTINCT_COUNTED } from './linkRecords.js';

describe('genericKeyOf', () => {
  it('counts distinct other keys exactly below the cap', () => {
    // Key 0 on 5 records; records carry keys 1, 2, 1, 3, 2 beside it.
    const keyStart = Uint32Array.from([0, 2, 4, 6, 8, 10]);
    const keyIds = Int32Array.from([0, 1, 0, 2, 0, 1, 0, 3, 0, 2]);
    const members = [0, 1, 2, 3, 4];
    const g = genericKeyOf({ keyStart, keyIds }, 0, members, 0, 5, { maxRecords: 100, maxDistinctIdentifiers: 2 }, new Set());
    expect(g).toEqual({ key: 0, records: 5, distinctIdentifiers: 3 });
    expect(genericKeyOf({ keyStart, keyIds }, 0, members, 0, 5, { maxRecords: 100, maxDistinctIdentifiers: 3 }, new Set())).toBeUndefined();
  });

  it('stops counting at the cap: a junk key on millions of records with their own keys neither crashes nor holds a huge set', () => {
    // One key on MAX_DISTINCT_COUNTED + 5 records, each with a key of its own: a Set of them all was the risk
    // (V8 throws past 2^24 entries; this stays below to run fast, and checks where counting stops).
    const n = MAX_DISTINCT_COUNTED + 5;
    const keyStart = new Uint32Array(n + 1);
    const keyIds = new Int32Array(2 * n);
    for (let r = 0; r < n; r++) {
      keyStart[r + 1] = 2 * (r + 1);
      keyIds[2 * r] = 0;
      keyIds[2 * r + 1] = r + 1;
    }
    const members = Int32Array.from({ length: n }, (_, r) => r);
    const seen = new Set<number>();
    const g = genericKeyOf({ keyStart, keyIds }, 0, members, 0, n, { maxRecords: 100, maxDistinctIdentifiers: 20 }, seen);
    expect(g).toEqual({ key: 0, records: n, distinctIdentifiers: MAX_DISTINCT_COUNTED });
    expect(seen.size).toBe(0);
    // A configured limit above the floor is judged against it: not generic by identifiers, generic by records.
    const high = genericKeyOf({ keyStart, keyIds }, 0, members, 0, n, { maxRecords: n, maxDistinctIdentifiers: MAX_DISTINCT_COUNTED }, seen);
    expect(high).toBeUndefined();
  });
});
