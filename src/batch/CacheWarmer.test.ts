import { describe, expect, test } from 'vitest';
import { linkedColumns } from '../_testing/linkedColumns.js';
import type { CustomerRecord } from '../types.js';
import { CacheWarmer } from './CacheWarmer.js';

// The warmer only reads, and what it reads must be what the line builders read: an address computed wrong reads
// past an array's end (undefined, so a NaN sum) or a wrong byte. The lines themselves are held to the general path
// by profileJson.test.ts and evidenceJson.test.ts, which run with the warmer in place.

const records: CustomerRecord[] = [
  { id: 'a1', source: 'pos', firstName: 'Ana', lastName: 'Silva', emails: ['ana@example.com'], phones: ['+971501234567'], attributes: { note: 'x'.repeat(300) } },
  { id: 'a2', source: 'app', firstName: 'Ana', lastName: 'Silva', emails: ['ana@example.com'] },
  { id: 'b1', firstName: 'Bo', emails: ['ana@example.com'], phones: ['+971501234567'] },
  { id: 'c1' }, // no keys, an empty payload
  { id: 'd1'.repeat(100), logins: ['dee'], externalIds: [{ namespace: 'loyalty', value: '123' }] },
  { id: 'd2', logins: ['dee'], externalIds: [{ namespace: 'loyalty', value: '456' }] },
];

describe('CacheWarmer', () => {
  test('reads only within the columns, for any block of profiles, decisions, members\' ids or records, overrides included', () => {
    const { c, profiles } = linkedColumns(records, { overrides: [{ recordA: 'c1', recordB: 'd2', rule: 'always' }] });
    expect(c.evidence.length).toBeGreaterThanOrEqual(3);
    expect(Array.from(c.evidence.key)).toContain(-1);
    for (const size of [1, 2, 3, 100]) {
      const warmer = new CacheWarmer();
      for (let from = 0; from < profiles; from += size) warmer.profiles(c, from, Math.min(profiles, from + size));
      for (let from = 0; from < c.evidence.length; from += size) warmer.decisions(c, from, Math.min(c.evidence.length, from + size));
      expect(Number.isFinite(warmer.sink)).toBe(true);
      expect(warmer.sink).toBeGreaterThan(0);
      // Members' ids alone (the `created` events), every profile once.
      const ids = new CacheWarmer();
      for (let from = 0; from < profiles; from += size) ids.memberIds(c, from, Math.min(profiles, from + size));
      expect(Number.isFinite(ids.sink)).toBe(true);
      expect(ids.sink).toBeGreaterThan(0);
      // Profiles this run does not create (a previous run's) write no event: their members are not read.
      const none = new CacheWarmer();
      const carried = { ...c, createdProfile: new Uint8Array(profiles) };
      for (let from = 0; from < profiles; from += size) none.memberIds(carried, from, Math.min(profiles, from + size));
      expect(none.sink).toBe(0);
      // Records' profile serials (the mapping), every record once.
      const serials = new CacheWarmer();
      for (let from = 0; from < c.profileOf.length; from += size) serials.profileSerials(c, from, Math.min(c.profileOf.length, from + size));
      expect(Number.isFinite(serials.sink)).toBe(true);
      expect(serials.sink).toBeGreaterThan(0);
    }
  });
});
