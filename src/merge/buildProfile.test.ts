import { describe, expect, test } from 'vitest';
import { buildProfile, type MemberRecord, type SurvivorshipConfig } from './buildProfile.js';
import { ruleFor, survivorshipConfigOf } from './survivorshipConfig.js';

const config: SurvivorshipConfig = { default: 'mostRecent', fields: new Map(), sourceRank: new Map([['crm', 0], ['pos', 1]]) };
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
    expect(buildProfile('P1', [a, b, c], { ...config, fields: new Map([['city', rule]]) }).fields.city!.value).toBe(city);
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

describe('field names from untrusted input', () => {
  // Regression (hardening #1): `toString` found Object.prototype.toString as a rule ("score is not a function"),
  // and `__proto__` set the fields object's prototype instead of a field.
  test.each(['toString', 'constructor', 'valueOf', 'hasOwnProperty', '__proto__'])('an attribute named %s survives as a field', (name) => {
    const fields = JSON.parse(`{"${name}": "v1"}`) as MemberRecord['fields'];
    const other = JSON.parse(`{"${name}": "v2"}`) as MemberRecord['fields'];
    const merged = buildProfile('P1', [member('r1', 'crm', '2024-01-01', fields), member('r2', 'pos', '2024-02-01', other)], config);
    expect(Object.getOwnPropertyDescriptor(merged.fields, name)?.value).toMatchObject({ value: 'v2', recordId: 'r2', rule: 'mostRecent' });
    expect(Object.getPrototypeOf(merged.fields)).toBe(Object.prototype);
    const single = buildProfile('P2', [member('r1', 'crm', '2024-01-01', fields)], config);
    expect(Object.keys(single.fields)).toEqual([name]);
    expect(Object.getOwnPropertyDescriptor(single.fields, name)?.value).toMatchObject({ value: 'v1', rule: 'mostRecent' });
  });
});


describe('survivorshipConfigOf', () => {
  test('a rule for first_name (the spelling of files and outputs) applies to the firstName field', () => {
    const config = survivorshipConfigOf({ default: 'mostRecent', fields: { first_name: 'firstValid', city: 'mostComplete' }, sourcePriority: [] });
    expect(ruleFor(config, 'firstName')).toBe('firstValid');
    expect(ruleFor(config, 'lastName')).toBe('mostFrequent');
    expect(ruleFor(config, 'city')).toBe('mostComplete');
    expect(ruleFor(config, 'toString')).toBe('mostRecent');
  });
});
