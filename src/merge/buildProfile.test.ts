import { describe, expect, test } from 'vitest';
import { buildProfile, type MemberRecord, type SurvivorshipConfig } from './buildProfile.js';

const config: SurvivorshipConfig = { default: 'mostRecent', fields: {}, sourceRank: new Map([['crm', 0], ['pos', 1]]) };
const member = (recordId: string, source: string, updatedAt: string, fields: MemberRecord['fields'], identifiers: MemberRecord['identifiers'] = []): MemberRecord => ({
  recordId, source, updatedAt: Date.parse(updatedAt), fields, identifiers,
});

describe('buildProfile', () => {
  const a = member('a', 'pos', '2024-01-01T00:00:00Z', { firstName: 'Ahmed', city: 'Dubai' }, [{ kind: 'phone', value: '+971501234567' }, { kind: 'email', value: 'a@x.com' }]);
  const b = member('b', 'crm', '2024-06-01T00:00:00Z', { firstName: 'AHMED', city: 'Sharjah' }, [{ kind: 'email', value: 'a@x.com' }]);
  const c = member('c', 'pos', '2023-01-01T00:00:00Z', { firstName: 'Ahmad', city: 'Abu Dhabi' });

  test('keeps every identifier with record counts and sources, and lineage per field', () => {
    const p = buildProfile('P1', [a, b, c], config);
    expect(p.recordIds).toEqual(['a', 'b', 'c']);
    expect(p.sources).toEqual(['crm', 'pos']);
    expect(p.identifiers).toEqual([
      { kind: 'email', value: 'a@x.com', records: 2, sources: ['crm', 'pos'] },
      { kind: 'phone', value: '+971501234567', records: 1, sources: ['pos'] },
    ]);
    // mostFrequent on names (case-insensitive: Ahmed ×2), tie-broken by the most recent record.
    expect(p.fields.firstName).toEqual({ value: 'AHMED', recordId: 'b', source: 'crm', rule: 'mostFrequent' });
    expect(p.fields.city).toEqual({ value: 'Sharjah', recordId: 'b', source: 'crm', rule: 'mostRecent' });
    expect(p.firstSeen).toBe('2023-01-01T00:00:00.000Z');
    expect(p.lastSeen).toBe('2024-06-01T00:00:00.000Z');
  });

  test.each([
    ['sourcePriority', 'Sharjah'],
    ['mostComplete', 'Abu Dhabi'],
    ['firstValid', 'Abu Dhabi'],
    ['mostRecent', 'Sharjah'],
  ] as const)('%s picks %s', (rule, city) => {
    expect(buildProfile('P1', [a, b, c], { ...config, fields: { city: rule } }).fields.city!.value).toBe(city);
  });

  test('does not depend on member order and does not mutate members', () => {
    const frozen = [a, b, c].map((m) => Object.freeze({ ...m }));
    expect(buildProfile('P1', [c, a, b], config)).toEqual(buildProfile('P1', frozen, config));
  });

  test('a singleton gives the same shape as the general path', () => {
    const dup = member('d', 'pos', '2024-01-01T00:00:00Z', { firstName: 'Sara' }, [{ kind: 'phone', value: '+1' }, { kind: 'email', value: 'b@x' }]);
    const single = buildProfile('P2', [dup], config);
    expect(single).toEqual({
      profileId: 'P2', recordIds: ['d'], sources: ['pos'],
      identifiers: [{ kind: 'email', value: 'b@x', records: 1, sources: ['pos'] }, { kind: 'phone', value: '+1', records: 1, sources: ['pos'] }],
      fields: { firstName: { value: 'Sara', recordId: 'd', source: 'pos', rule: 'mostFrequent' } },
      firstSeen: '2024-01-01T00:00:00.000Z', lastSeen: '2024-01-01T00:00:00.000Z',
    });
  });
});
