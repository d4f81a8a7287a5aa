import { describe, expect, test } from 'vitest';
import type { CustomerRecord } from '../types.js';
import { resolverWith } from '../_testing/resolvers.js';
import { restoreRefusal, resign, type Json } from '../_testing/snapshots.js';
import { createResolver, restoreResolver, type Resolver } from './createResolver.js';
import { ProfileTable } from './ResolverState.js';

const omar: CustomerRecord = { id: 'crm-1', source: 'share-app', emails: ['Omar.Saleh+promo@gmail.com'], phones: ['050 123 4567'], firstName: 'Omar', lastName: 'Saleh', updatedAt: '2024-03-01T08:00:00Z' };
const omarPos: CustomerRecord = { id: 'pos-7', source: 'pos', emails: ['omarsaleh@googlemail.com', 'omar.saleh@gmial.com'], firstName: 'Omar', attributes: { city: 'Dubai', vip: true, visits: 3, note: null } };
const layla: CustomerRecord = { id: 'crm-2', source: 'share-app', phones: ['0501234567'], firstName: 'Layla', lastName: 'Saleh' };
const nour: CustomerRecord = {
  id: 'app-9',
  externalIds: [{ namespace: 'loyalty', value: 'LC-0099812' }],
  logins: ['nour_s'],
  handles: [{ platform: 'instagram', handle: '@nour.saleh' }],
  fullName: 'Nour Saleh',
};
const ids = ['app-9', 'crm-1', 'crm-2', 'pos-7'];

function resolverOf(records: readonly CustomerRecord[] = [omar, omarPos, layla, nour]): Resolver {
  return resolverWith(records);
}

/** A fresh snapshot of the four records, through JSON: records app-9 (P3), crm-1 (P1), crm-2 (P2), pos-7 (P1). */
function snap(): Json {
  return JSON.parse(JSON.stringify(resolverOf().snapshot()));
}

/** The row of a record id in a snapshot. */
function rowOf(s: Json, id: string): Json[] {
  return s.records.find((r: Json[]) => r[0] === id);
}

/**
 * The snapshot as an older version wrote it: version 2 had no idRange, overrides or tombstones, version 1 not even
 * a checksum (`snapshotChecksum` hashes a version 2 snapshot as version 2 did).
 */
function asVersion(s: Json, version: 1 | 2): Json {
  delete s.idRange;
  delete s.overrides;
  delete s.erased;
  s.version = version;
  if (version === 1) delete s.checksum;
  else resign(s);
  return s;
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

function profilesOf(r: Resolver): unknown[] {
  return ids.map((id) => r.profile(r.profileOf(id)!));
}

describe('round trip', () => {
  test('snapshot → JSON → restore gives the same profiles and ids, and continuing gives the same events', () => {
    const a = resolverOf();
    const s = a.snapshot();
    expect(s.version).toBe(3);
    expect(s.checksum).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    const b = restoreResolver(JSON.parse(JSON.stringify(s)), { verify: true });
    expect(ids.map((id) => b.profileOf(id))).toEqual(['P00000003', 'P00000001', 'P00000002', 'P00000001']);
    expect(profilesOf(b)).toEqual(profilesOf(a));
    expect(b.snapshot()).toEqual(s);
    const next: CustomerRecord = { id: 'wifi-3', source: 'mall-wifi', phones: ['+971501234567'], firstName: 'Omar' };
    expect(b.add(next)).toEqual(a.add(next));
    expect(b.remove('crm-1')).toEqual(a.remove('crm-1'));
    expect(b.snapshot()).toEqual(a.snapshot());
  });

  test('the checksum depends on the values, not on JSON spacing or field order', () => {
    const s = snap();
    const reordered = Object.fromEntries(Object.entries(s).reverse());
    const b = restoreResolver(JSON.parse(JSON.stringify(reordered, null, 2)));
    expect(profilesOf(b)).toEqual(profilesOf(resolverOf()));
  });

  test('a version 1 snapshot (no checksum) still restores, and is snapshotted again as version 3', () => {
    const v1 = asVersion(snap(), 1);
    const b = restoreResolver(v1);
    expect(profilesOf(b)).toEqual(profilesOf(resolverOf()));
    expect(b.snapshot().version).toBe(3);
  });

  test('a version 1 snapshot gets every other check', () => {
    const v1 = asVersion(snap(), 1);
    rowOf(v1, 'pos-7')[6] = 'not json';
    expect(restoreRefusal(v1).message).toMatch(/records\[3\]\[6\]: payload is not a JSON object/);
    const withChecksum = asVersion(snap(), 1);
    withChecksum.checksum = snap().checksum;
    expect(restoreRefusal(withChecksum).message).toMatch(/unexpected field "checksum" in a version 1 snapshot/);
  });

  test('after heavy churn (serials far above the record count) a snapshot restores and verifies', () => {
    const a = createResolver();
    for (let i = 0; i < 3000; i++) a.add({ id: `r${i}`, emails: [`p${i % 1000}@maf.ae`], firstName: 'Sam' });
    for (let i = 0; i < 2990; i++) a.remove(`r${i}`);
    const s = a.snapshot();
    expect(s.records.length).toBe(10);
    expect(s.nextSerial).toBeGreaterThan(1000);
    const b = restoreResolver(JSON.parse(JSON.stringify(s)), { verify: true });
    expect(b.snapshot()).toEqual(s);
    expect(b.profile(b.profileOf('r2999')!)).toEqual(a.profile(a.profileOf('r2999')!));
  });
});

describe('serials', () => {
  test('serial 24000000 not below nextSerial is refused at once, saying where', () => {
    const s = snap();
    rowOf(s, 'crm-1')[1] = 24_000_000;
    const { value: error, ms } = timed(() => restoreRefusal(resign(s)));
    expect(error.message).toBe('invalid resolver snapshot: records[1][1]: serial 24000000 is not below nextSerial 4');
    expect(error.issues).toEqual(['records[1][1]: serial 24000000 is not below nextSerial 4']);
    expect(ms).toBeLessThan(200);
  });

  test('serials past 2^31 restore (id ranges); nextSerial past 2^53 is refused at once', () => {
    const s = snap();
    rowOf(s, 'crm-2')[1] = 2 ** 31 + 1;
    s.nextSerial = 2 ** 31 + 2;
    const restored = restoreResolver(resign(s));
    expect(restored.profileOf('crm-2')).toBe(`P${(2 ** 31 + 1).toString(36).padStart(8, '0')}`);
    s.nextSerial = 2 ** 53;
    const raised = timed(() => restoreRefusal(resign(s)));
    expect(raised.value.message).toMatch(/nextSerial: 9007199254740992 is not an integer from 1 to 9007199254740991/);
    expect(raised.ms).toBeLessThan(200);
    s.nextSerial = 4;
    const kept = timed(() => restoreRefusal(resign(s)));
    expect(kept.value.message).toMatch(/records\[2\]\[1\]: serial 2147483649 is not below nextSerial 4/);
    expect(kept.ms).toBeLessThan(200);
  });

  test('a serial of 24000000 that nextSerial allows costs no memory', () => {
    const s = snap();
    rowOf(s, 'crm-2')[1] = 24_000_000;
    s.nextSerial = 24_000_001;
    resign(s);
    const before = process.memoryUsage().arrayBuffers;
    const { value: r, ms } = timed(() => restoreResolver(s));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(48 * 2 ** 20);
    expect(ms).toBeLessThan(200);
    expect(r.profileOf('crm-2')).toBe('P000eaeio');
    expect(r.profile('P000eaeio')?.recordIds).toEqual(['crm-2']);
  });

  test('the largest serials keep ids well formed (P + 8 base-36 digits), after restore and for new profiles', () => {
    const s = snap();
    rowOf(s, 'crm-2')[1] = 2 ** 31 - 2;
    s.nextSerial = 2 ** 31 - 1;
    const { value: r, ms } = timed(() => restoreResolver(resign(s)));
    expect(ms).toBeLessThan(200);
    expect(r.profileOf('crm-2')).toBe('P00zik0zi');
    expect(r.profile('P00zik0zi')?.recordIds).toEqual(['crm-2']);
    const added = r.add({ id: 'new-1', emails: ['new@maf.ae'] });
    expect(added.ok && added.profileId).toBe('P00zik0zj');
  });

  test.each<[string, unknown, RegExp]>([
    ['zero', 0, /records\[1\]\[1\]: serial 0 is not an integer ≥ 1/],
    ['a fraction', 1.5, /records\[1\]\[1\]: serial 1.5 is not an integer ≥ 1/],
    ['a string', '1', /records\[1\]\[1\]: serial "1" is not an integer ≥ 1/],
  ])('a serial that is %s is refused', (_label, serial, message) => {
    const s = snap();
    rowOf(s, 'crm-1')[1] = serial;
    expect(restoreRefusal(resign(s)).message).toMatch(message);
  });
});

describe('payloads', () => {
  test.each<[string, string, RegExp]>([
    ['not JSON', 'not json', /records\[3\]\[6\]: payload is not a JSON object \(character 0\)/],
    ['empty', '', /payload is empty, not a JSON object/],
    ['a JSON array', '[1,2]', /payload is not a JSON object/],
    ['a JSON number', '42', /payload is not a JSON object/],
    ['a JSON string', '"Dubai"', /payload is not a JSON object/],
    ['JSON null', 'null', /payload is not a JSON object/],
    ['a nested object', '{"city":{"name":"Dubai"}}', /payload has a field whose value is an object or array/],
    ['a nested array', '{"city":["Dubai"]}', /payload has a field whose value is an object or array/],
    ['a number beyond a double', '{"visits":1e400}', /payload has a number too large for a double/],
    ['text after the object', '{"city":"Dubai"} x', /payload is not valid JSON: unexpected text after the object/],
    ['a trailing comma', '{"city":"Dubai",}', /payload is not valid JSON: expected a field name/],
    ['single quotes', "{'city':'Dubai'}", /payload is not valid JSON/],
    ['a raw control character', '{"city":"Du\nbai"}', /payload is not valid JSON: a bad value/],
    ['a raw lone surrogate', '{"city":"Du\ud800bai"}', /payload is not valid JSON: a bad value/],
    ['a bad escape', '{"city":"\\x41"}', /payload is not valid JSON: a bad value/],
    ['a leading zero', '{"visits":03}', /payload is not valid JSON/],
    ['an unclosed object', '{"city":"Dubai"', /payload is not valid JSON/],
  ])('a payload that is %s is refused', (_label, payload, message) => {
    const s = snap();
    rowOf(s, 'pos-7')[6] = payload;
    expect(restoreRefusal(resign(s)).message).toMatch(message);
  });

  test('a payload that is not a string is refused', () => {
    const s = snap();
    rowOf(s, 'pos-7')[6] = { city: 'Dubai' };
    expect(restoreRefusal(resign(s)).message).toMatch(/records\[3\]\[6\]: expected the payload as a JSON string, got a object/);
  });

  test('any flat JSON object of strings, numbers, booleans and null restores, and profile() reads it', () => {
    const s = snap();
    rowOf(s, 'pos-7')[6] = ' { "city" : "Dub\\u00e2i\\n" , "visits":-1.5E+3,"vip":false,"note":null,"__proto__":"x","emoji":"\ud83d\ude00" } ';
    rowOf(s, 'crm-2')[6] = '{}';
    const r = restoreResolver(resign(s));
    const fields = r.profile('P00000001')!.fields as Record<string, { value: unknown }>;
    expect(fields.city?.value).toBe('Dubâi\n');
    expect(fields.visits?.value).toBe(-1500);
    expect(fields.emoji?.value).toBe('😀');
    expect(r.profile('P00000002')).toBeDefined();
  });
});

describe('times', () => {
  test.each<[string, unknown]>([
    ['-1e20', -1e20],
    ['beyond a Date', 8.64e15 + 1],
    ['a string', '2024-03-01T08:00:00Z'],
  ])('updatedAt %s is refused', (_label, t) => {
    const s = snap();
    rowOf(s, 'crm-1')[3] = t;
    expect(restoreRefusal(resign(s)).message).toMatch(/records\[1\]\[3\]: updatedAt .* is neither null nor a time a Date can hold/);
  });

  test('the last time a Date can hold restores, and profile() gives it', () => {
    const s = snap();
    rowOf(s, 'crm-2')[3] = 8.64e15;
    const r = restoreResolver(resign(s));
    expect(r.profile('P00000002')?.lastSeen).toBe('+275760-09-13T00:00:00.000Z');
  });
});

describe('indices, tables and keys', () => {
  test.each<[string, (s: Json) => void, RegExp]>([
    ['a source index out of range', (s) => (rowOf(s, 'crm-1')[2] = 9), /records\[1\]\[2\]: source index 9 out of range \(-1 or 0\.\.1\)/],
    ['a first name index out of range', (s) => (rowOf(s, 'crm-1')[4] = s.names.length), /records\[1\]\[4\]: first name index \d+ out of range/],
    ['a last name index below -1', (s) => (rowOf(s, 'crm-1')[5] = -2), /records\[1\]\[5\]: last name index -2 out of range/],
    ['a key index out of range', (s) => (rowOf(s, 'crm-1')[7] = [0, 999]), /records\[1\]\[7\]\[1\]: key index 999 out of range/],
    ['a weak key index of -1', (s) => (rowOf(s, 'pos-7')[8] = [-1]), /records\[3\]\[8\]\[0\]: key index -1 out of range/],
    ['a key listed twice in a record', (s) => rowOf(s, 'crm-1')[7].push(rowOf(s, 'crm-1')[7][0]), /records\[1\]\[7\]\[2\]: key \d+ listed twice/],
    ['a weak key that is neither an email nor a phone', (s) => (rowOf(s, 'pos-7')[8] = [s.keys.findIndex((k: Json[]) => k[0].startsWith('x:'))]), /records\[3\]\[8\]\[0\]: weak key "x:[^"]+" is neither an email nor a phone/],
    ['a group index out of range', (s) => (s.keys.find((k: Json[]) => k[0].startsWith('x:'))[2] = 7), /keys\[\d+\]\[2\]: group index 7 out of range \(0\.\.2\)/],
    ['a kind code that contradicts the key', (s) => (s.keys[0][1] = 4), /keys\[0\]\[1\]: kind 4 does not match key "[a-z]:/],
    ['a group on an email key', (s) => (s.keys.find((k: Json[]) => k[0].startsWith('e:'))[2] = 0), /an email or phone key has no group \(-1\), got 0/],
    ['a login key in an external id group', (s) => (s.keys.find((k: Json[]) => k[0].startsWith('l:'))[2] = s.groups.indexOf('x:loyalty')), /group "x:loyalty" does not match key "l:global:nour_s"/],
    ['a key with no kind prefix', (s) => (s.keys[0][0] = 'omar@gmail.com'), /keys\[0\]\[0\]: expected an identifier key/],
    ['a duplicate key', (s) => (s.keys[1] = [...s.keys[0]]), /keys\[1\]\[0\]: duplicate key/],
    ['a duplicate name', (s) => s.names.push('omar'), /names\[\d+\]: duplicate name "omar"/],
    ['an empty name', (s) => s.names.push(''), /names\[\d+\]: expected a non-empty string, got ""/],
    ['a duplicate source', (s) => s.sources.push('pos'), /sources\[2\]: duplicate source "pos"/],
    ['a duplicate group', (s) => s.groups.push('l:global'), /groups\[3\]: duplicate group "l:global"/],
    ['a group of an email', (s) => s.groups.push('e:mail'), /groups\[3\]: expected a namespace group/],
    ['a duplicate record id', (s) => (rowOf(s, 'pos-7')[0] = 'crm-2'), /records\[3\]\[0\]: duplicate record id "crm-2"/],
    ['a blank record id', (s) => (rowOf(s, 'pos-7')[0] = '  '), /records\[3\]\[0\]: record id "  ": missing id/],
    ['a record id with a control character', (s) => (rowOf(s, 'pos-7')[0] = 'pos\u00007'), /records\[3\]\[0\]: record id .*: control character U\+0000/],
    ['a record id with a lone surrogate', (s) => (rowOf(s, 'pos-7')[0] = 'pos-\udc007'), /records\[3\]\[0\]: record id .*: lone surrogate/],
    ['a record id that is a number', (s) => (rowOf(s, 'pos-7')[0] = 7), /records\[3\]\[0\]: expected a record id \(a string\), got 7/],
  ])('%s is refused', (_label, edit, message) => {
    const s = snap();
    edit(s);
    expect(restoreRefusal(resign(s)).message).toMatch(message);
  });

  test('a record with more keys than add() lets a record hold is refused', () => {
    const s = snap();
    const first = s.keys.length;
    for (let i = 0; i < 501; i++) s.keys.push([`e:k${i}@maf.ae`, 3, -1]);
    rowOf(s, 'crm-2')[7] = Array.from({ length: 501 }, (_, i) => first + i);
    expect(restoreRefusal(resign(s)).message).toMatch(/records\[2\]\[7\]: 501 keys, more than the 500 one record can hold/);
  });
});

describe('shape', () => {
  test.each<[string, unknown, RegExp]>([
    ['a string', 'idweave', /\(snapshot\): expected a resolver snapshot object, got "idweave"/],
    ['null', null, /expected a resolver snapshot object, got null/],
    ['an array', [], /expected a resolver snapshot object, got an array/],
    ['another format', { format: 'something else' }, /format: expected "idweave.resolver", got "something else": not an idweave resolver snapshot/],
  ])('%s is not a snapshot', (_label, input, message) => {
    expect(restoreRefusal(input).message).toMatch(message);
  });

  test.each<[string, (s: Json) => void, RegExp]>([
    ['an unknown version', (s) => (s.version = 4), /version: 4 is not supported/],
    ['a missing checksum', (s) => delete s.checksum, /checksum: expected "fnv1a64:" and 16 hex digits, got nothing/],
    ['an unknown field', (s) => (s.extra = 1), /\(snapshot\): unexpected field "extra"/],
    ['a nextSerial given as a string', (s) => (s.nextSerial = '4'), /nextSerial: "4" is not an integer/],
    ['records that are not an array', (s) => (s.records = {}), /records: expected an array, got a object/],
    ['a record that is null', (s) => (s.records[0] = null), /records\[0\]: expected \[id, serial, source, updatedAt, firstName, lastName, payload, keys, weak, attributes\?\], got null/],
    ['a record with 8 fields', (s) => s.records[0].splice(8), /records\[0\]: expected \[id, serial/],
    ['a record with 11 fields', (s) => s.records[0].push(-1), /records\[0\]: expected \[id, serial/],
    ['a key entry that is a string', (s) => (s.keys[0] = 'e:omar@gmail.com'), /keys\[0\]: expected \[key, kind, group\], got "e:omar@gmail.com"/],
    ['a key list that is a number', (s) => (rowOf(s, 'crm-1')[7] = 3), /records\[1\]\[7\]: expected an array of key indices, got 3/],
  ])('%s is refused, never with a TypeError', (_label, edit, message) => {
    const s = snap();
    edit(s);
    expect(restoreRefusal(s).message).toMatch(message);
  });

  test('a snapshot with a million bad records fails at once, listing the first 20 problems', () => {
    const s = snap();
    s.records = new Array(1_000_000).fill(null);
    const { value: error, ms } = timed(() => restoreRefusal(s));
    expect(error.issues).toHaveLength(20);
    expect(error.message).toMatch(/^invalid resolver snapshot: records\[0\]: .* \(and more problems; the first 20 are listed\)$/);
    expect(ms).toBeLessThan(200);
  });

  test('different matching options are a configuration error, as before', () => {
    expect(() => restoreResolver(snap(), { defaultRegion: 'SA' })).toThrow(/different matching options/);
  });

  test('verify must be a boolean', () => {
    expect(() => restoreResolver(snap(), { verify: 'yes' as never })).toThrow(/verify: expected a boolean/);
  });
});

describe('records written before evidence attributes', () => {
  test('nine-element records (no attributes) restore with their attributes, folded again from the payload', () => {
    const a = createResolver();
    a.add({ id: 'r1', phones: ['+971501234567'], firstName: 'Sara', dateOfBirth: '1990-02-03' });
    a.add({ id: 'r2', phones: ['+971501234567'], firstName: 'Sara' });
    const s = JSON.parse(JSON.stringify(a.snapshot()));
    expect(s.records[0]).toHaveLength(10);
    for (const r of s.records) r.splice(9);
    const b = restoreResolver(resign(s));
    expect(b.profileOf('r1')).toBe(b.profileOf('r2'));
    // The date of birth still counts: a Sara born in another year is refused through the phone, as resolve() does.
    b.add({ id: 'r3', phones: ['+971501234567'], firstName: 'Sara', dateOfBirth: '1975-08-30' });
    expect(b.profileOf('r3')).not.toBe(b.profileOf('r1'));
    expect(b.snapshot().records.every((r) => r.length === 10)).toBe(true);
    expect(JSON.stringify(b.snapshot().records.find((r) => r[0] === 'r1'))).toBe(JSON.stringify(a.snapshot().records.find((r) => r[0] === 'r1')));
  });

  test('an attributes index pointing at another name string does not plant it: attributes come from the payload', () => {
    const a = createResolver();
    a.add({ id: 'r1', phones: ['+971501234567'], firstName: 'Sara', dateOfBirth: '1990-02-03' });
    a.add({ id: 'r2', phones: ['+971501234567'], firstName: 'Sara', dateOfBirth: '1990-02-03' });
    const s = JSON.parse(JSON.stringify(a.snapshot()));
    s.names.push('x'.repeat(100_000));
    for (const r of s.records) r[9] = s.names.length - 1;
    const b = restoreResolver(resign(s));
    const t = performance.now();
    b.add({ id: 'r3', phones: ['+971501234567'], firstName: 'Sara', dateOfBirth: '1990-02-03' });
    expect(performance.now() - t).toBeLessThan(1000);
    expect(b.profileOf('r3')).toBe(b.profileOf('r1'));
  });
});

describe('checksum', () => {
  test('content edited after the checksum was written is refused', () => {
    const s = snap();
    rowOf(s, 'pos-7')[6] = '{"city":"Sharjah"}';
    expect(restoreRefusal(s).message).toMatch(/^invalid resolver snapshot: checksum: the content hashes to fnv1a64:[0-9a-f]{16}, the snapshot says fnv1a64:[0-9a-f]{16}: it was edited or damaged$/);
  });

  test.each<[string, (s: Json) => void]>([
    ['a serial', (s) => (rowOf(s, 'pos-7')[1] = 2)],
    ['an updatedAt', (s) => (rowOf(s, 'crm-1')[3] += 1)],
    ['a null updatedAt', (s) => (rowOf(s, 'crm-1')[3] = null)],
    ['a key index', (s) => rowOf(s, 'crm-1')[7].reverse()],
    ['a name', (s) => (s.names[0] = 'omer')],
    ['nextSerial', (s) => (s.nextSerial = 5)],
    ['the records order', (s) => s.records.reverse()],
  ])('changing %s breaks the checksum', (_label, edit) => {
    const s = snap();
    edit(s);
    expect(restoreRefusal(s).message).toMatch(/checksum: the content hashes to/);
  });

  test('the checksum is FNV-1a 64 over the documented canonical stream', () => {
    const s = snap();
    expect(s.checksum).toBe(referenceChecksum(s));
    const steward = resolverOf();
    steward.override('crm-2', 'crm-1', 'never');
    steward.override('app-9', 'ghost', 'always');
    steward.remove('pos-7', { erase: true });
    const t = JSON.parse(JSON.stringify(steward.snapshot()));
    expect(t.overrides).toHaveLength(2);
    expect(t.checksum).toBe(referenceChecksum(t));
    delete t.overrides;
    expect(resign(t).checksum).toBe(referenceChecksum(t));
    const v2 = asVersion(snap(), 2);
    expect(v2.checksum).toBe(referenceChecksum(v2));
  });
});

describe('verify: a partition that contradicts the keys', () => {
  test('two profiles joined against the guards are refused with verify, accepted by the cheap checks alone', () => {
    const s = snap();
    rowOf(s, 'crm-2')[1] = 1; // Layla shares Omar's family phone; the name guard keeps them apart
    resign(s);
    expect(restoreResolver(s).profile('P00000001')?.recordIds).toEqual(['crm-1', 'crm-2', 'pos-7']);
    expect(restoreRefusal(s, { verify: true }).message).toMatch(/records "crm-\d" and "crm-\d": both in profile P00000001, but their identifiers do not link them/);
  });

  test('a profile split against the keys is refused with verify', () => {
    const s = snap();
    rowOf(s, 'pos-7')[1] = 7; // pos-7 shares Omar's email
    s.nextSerial = 8;
    const error = restoreRefusal(resign(s), { verify: true });
    expect(error.message).toMatch(/records "crm-1" and "pos-7": linked by their identifiers, but in profiles P00000001 and P00000007/);
  });

  test('verify accepts every valid snapshot (a 2,000-record one restores the same)', () => {
    const a = createResolver();
    for (let i = 0; i < 2000; i++) {
      a.add({ id: `r${(i * 7919) % 2000}`, emails: [`p${i % 700}@maf.ae`], phones: [`050 ${String(1_000_000 + (i % 450)).slice(1)}`], firstName: ['Sara', 'Omar', 'Layla'][i % 3]! });
    }
    for (let i = 0; i < 200; i++) a.remove(`r${i * 10}`);
    const s = JSON.parse(JSON.stringify(a.snapshot()));
    expect(restoreResolver(s, { verify: true }).snapshot()).toEqual(a.snapshot());
  });
});

describe('ProfileTable (live profiles by serial)', () => {
  test('join, head and delete agree with a Map through many random operations', () => {
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed % n;
    };
    const table = new ProfileTable();
    const model = new Map<number, number>();
    for (let step = 0; step < 50_000; step++) {
      // Few distinct serials, so that probe runs get long and deletions shift entries back.
      const s = 1 + rnd(step < 25_000 ? 5000 : 2 ** 31 - 2);
      if (rnd(3) === 0) {
        table.delete(s);
        model.delete(s);
      } else {
        const r = rnd(1000);
        expect(table.join(s, r)).toBe(model.get(s) ?? -1);
        if (!model.has(s)) model.set(s, r);
      }
      if (step % 5000 === 0) for (const [k, v] of model) expect(table.head(k)).toBe(v);
    }
    for (const [k, v] of model) expect(table.head(k)).toBe(v);
    expect(table.size).toBe(model.size);
    expect(table.head(0)).toBe(-1);
    expect(table.head(-1)).toBe(-1);
  });
});

/** The checksum as docs/incremental.md describes it, with BigInt arithmetic: a second implementation. */
function referenceChecksum(s: Json): string {
  const units: number[] = [];
  const u32 = (n: number): void => void units.push(n & 0xffff, (n >>> 16) & 0xffff);
  const str = (t: string): void => {
    u32(t.length);
    for (let i = 0; i < t.length; i++) units.push(t.charCodeAt(i));
  };
  const time = (t: number | null): void => {
    if (t === null) return void units.push(0);
    const v = new DataView(new ArrayBuffer(8));
    v.setFloat64(0, t, true);
    units.push(1, v.getUint16(0, true), v.getUint16(2, true), v.getUint16(4, true), v.getUint16(6, true));
  };
  str('idweave.resolver');
  u32(s.version);
  str(s.options);
  u32(s.nextSerial);
  if (s.version >= 3) u32(s.idRange);
  for (const table of ['groups', 'keys', 'names', 'sources'] as const) {
    u32(s[table].length);
    for (const e of s[table]) {
      if (table !== 'keys') str(e);
      else (str(e[0]), u32(e[1]), u32(e[2]));
    }
  }
  u32(s.records.length);
  for (const r of s.records) {
    str(r[0]);
    u32(r[1]);
    u32(r[2]);
    time(r[3]);
    u32(r[4]);
    u32(r[5]);
    str(r[6]);
    for (const list of [r[7], r[8]]) {
      u32(list.length);
      for (const k of list) u32(k);
    }
    if (r.length > 9) u32(r[9]);
  }
  if (s.version >= 3) {
    for (const table of ['overrides', 'erased'] as const) {
      u32(s[table] === undefined ? 0 : 1);
      if (s[table] === undefined) continue;
      u32(s[table].length);
      for (const e of s[table]) {
        if (table === 'erased') str(e);
        else (str(e[0]), str(e[1]), u32(e[2] === 'always' ? 1 : 0));
      }
    }
  }
  let h = 0xcbf29ce484222325n;
  for (const u of units) h = ((h ^ BigInt(u)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return `fnv1a64:${h.toString(16).padStart(16, '0')}`;
}
