import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ResolutionBatch } from '../engine/ResolutionBatch.js';
import { profileAt } from '../engine/BatchColumns.js';
import { toProfileJson } from '../io/outputFiles.js';
import type { ProfileLineage } from '../io/profileLineage.js';
import { linkedColumns } from '../_testing/linkedColumns.js';
import type { CustomerRecord } from '../types.js';
import { outputLines } from './outputLines.js';

// profiles.ndjson writes profile lines from the batch's stored bytes (`writeProfileJson`); every line must be what
// the general path writes: JSON.stringify(toProfileJson(profileAt(...))).

/** Checks every profile line of the records' batch; returns how many profiles have one record and how many more. */
function expectSameLines(records: readonly CustomerRecord[], options: ConstructorParameters<typeof ResolutionBatch>[0] = {}): { singletons: number; multi: number } {
  const { c, config, profiles } = linkedColumns(records, options);
  let singletons = 0;
  for (let p = 0; p < profiles; p++) if (c.memberStart[p + 1]! - c.memberStart[p]! === 1) singletons++;
  for (const lineage of ['full', 'compact'] as ProfileLineage[]) {
    const expected = Array.from({ length: profiles }, (_, p) => JSON.stringify(toProfileJson(profileAt(c, p, config), lineage)));
    for (const block of [1, 3, 1000]) {
      let text = '';
      for (let from = 0; from < profiles; from += block) text += Buffer.from(outputLines(c, config, { kind: 'profiles', from, to: Math.min(profiles, from + block), lineage }).bytes).toString();
      expect(text.split('\n').slice(0, -1)).toEqual(expected);
    }
  }
  return { singletons, multi: profiles - singletons };
}

const odd = ['Zoë "Z"', 'محمد', 'a\\b', 'tab\there', '😀', '\ud800', '', ' ', 'Omar'];
const fieldNames = ['2024', '10', 'note', '__proto__', 'toString', 'first_name', 'attribute:x', 'Loyalty Tier', 'é', 'fullName', 'constructor'];

describe('profile lines from bytes', () => {
  test('ids, sources, times, identifiers of every kind, fields of every shape', () => {
    const records: CustomerRecord[] = [];
    for (let i = 0; i < 40; i++) {
      records.push({
        id: i % 5 === 0 ? `سجل-"${i}"` : `r${i}`,
        ...(i % 3 === 0 ? {} : { source: i % 2 === 0 ? 'app "x"' : 'pos' }),
        firstName: odd[i % odd.length],
        lastName: odd[(i + 3) % odd.length],
        ...(i % 4 === 0 ? { fullName: 'Dr. Ann Lee' } : {}),
        emails: [`b${i}@gmail.com`, `a${i}@Gmail.com`, `a${i}@gmail.com`],
        phones: i % 2 === 0 ? [`050 12${String(i).padStart(5, '0')}`] : [],
        logins: i % 3 === 0 ? [`user${i}`] : [],
        handles: i % 4 === 0 ? [{ platform: 'instagram', handle: `@h.${i}` }] : [],
        externalIds: i % 5 === 0 ? [{ namespace: 'loyalty', value: `L${i}` }, { namespace: 'crm', value: `C"${i}` }] : [],
        ...(i % 6 === 0 ? {} : { updatedAt: `2024-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z` }),
        ...(i % 7 === 0 ? { dateOfBirth: '1980-01-02', city: 'دبي', gender: 'f' } : {}),
        attributes: Object.fromEntries(fieldNames.slice(0, i % fieldNames.length).map((k, j) => [k, j % 3 === 0 ? j : j % 3 === 1 ? odd[j % odd.length]! : j % 2 === 0])),
      });
    }
    expect(expectSameLines(records).singletons).toBeGreaterThan(30);
    expect(expectSameLines(records, { survivorship: { default: 'mostFrequent', fields: { note: 'mostComplete' } } }).singletons).toBeGreaterThan(30);
  });

  test('profiles of many records: ids, sources and values ordered by code unit, identifiers counted with their sources', () => {
    // Ids and values around the one place UTF-8 byte order and code unit order differ (U+E000-U+FFFF against
    // supplementary characters), sources in and out of order, members without a source or a time.
    const ids = ['b', 'a', '\uffff', '😀', '\ue000x', 'é', 'A', 'a2', '\ud83d\ude00z', 'Z'];
    const sources = [undefined, 'pos', 'app', '😀src', '\uf000src', 'pos'];
    const records: CustomerRecord[] = [];
    for (let i = 0; i < 60; i++) {
      const s = sources[i % sources.length];
      records.push({
        id: `${ids[i % ids.length]}-${Math.floor(i / ids.length)}`,
        ...(s === undefined ? {} : { source: s }),
        firstName: i % 2 === 0 ? 'Omar' : 'Omar',
        lastName: 'Haddad',
        emails: [`shared${i % 8}@gmail.com`, i % 3 === 0 ? `x\ue000${i % 8}@gmail.com` : `x😀${i % 8}@gmail.com`],
        phones: i % 5 === 0 ? ['050 1234567'] : [],
        externalIds: [{ namespace: 'loyalty', value: `L${i}` }],
        ...(i % 4 === 0 ? {} : { updatedAt: `2024-0${1 + (i % 9)}-0${1 + (i % 8)}T08:00:00Z` }),
        city: i % 3 === 0 ? '' : i % 2 === 0 ? 'Dubai' : 'دبي',
        attributes: { tier: i % 4 === 0 ? 'gold' : i % 4 === 1 ? '' : `t${i % 3}`, '2024': i, __proto__x: null, flag: i % 2 === 0 },
      });
    }
    for (const survivorship of [{}, { default: 'mostFrequent' as const, fields: { tier: 'mostComplete' as const, city: 'sourcePriority' as const }, sourcePriority: ['app', 'pos'] }, { default: 'firstValid' as const }]) {
      const { multi } = expectSameLines(records, { survivorship });
      expect(multi).toBeGreaterThanOrEqual(5);
    }
  });

  test('more sources than 32 (past the bit set of source ranks): the same lines, sources in name order', () => {
    const records: CustomerRecord[] = [];
    for (let i = 0; i < 120; i++) {
      records.push({ id: `r${i}`, source: `src-${(i * 7) % 40}`, firstName: 'Omar', lastName: 'Haddad', emails: [`o${i % 6}@gmail.com`] });
    }
    const { multi } = expectSameLines(records);
    expect(multi).toBeGreaterThanOrEqual(5);
  });

  test('exactly 32 sources (the bit set of source ranks full, the last rank in the sign bit): the same lines', () => {
    const records: CustomerRecord[] = [];
    for (let i = 0; i < 96; i++) {
      records.push({ id: `r${i}`, source: `src-${String((i * 5) % 32).padStart(2, '0')}`, firstName: 'Omar', lastName: 'Haddad', emails: [`o${i % 4}@gmail.com`] });
    }
    const { multi } = expectSameLines(records);
    expect(multi).toBeGreaterThanOrEqual(3);
    const { c, config, profiles } = linkedColumns(records);
    const text = Buffer.from(outputLines(c, config, { kind: 'profiles', from: 0, to: profiles }).bytes).toString();
    expect(text).toContain('"src-31"');
  });

  test('one configuration over two batches whose payloads put other names at the same places: the same lines', () => {
    const make = (flip: boolean, n: number): CustomerRecord[] =>
      Array.from({ length: n }, (_, i) => ({
        id: `${flip ? 'b' : 'a'}${i}`,
        source: i % 2 === 0 ? 'pos' : 'app',
        firstName: 'Omar',
        lastName: 'Haddad',
        emails: [`o${i % 5}@gmail.com`],
        attributes: (flip ? { zeta: `z${i % 3}`, alpha: `a${i % 2}` } : { alpha: `a${i % 3}`, zeta: `z${i % 2}`, mid: i }) as Record<string, string | number>,
      }));
    const survivorship = { default: 'mostFrequent' as const, fields: { zeta: 'mostRecent' as const } };
    const first = linkedColumns(make(false, 40), { survivorship });
    const second = linkedColumns(make(true, 40), { survivorship });
    // The first batch's configuration for both: its field names, cached per configuration, meet the second's.
    const config = first.config;
    for (const { c, profiles } of [first, second, first]) {
      const expected = Array.from({ length: profiles }, (_, p) => JSON.stringify(toProfileJson(profileAt(c, p, config))));
      const text = Buffer.from(outputLines(c, config, { kind: 'profiles', from: 0, to: profiles }).bytes).toString();
      expect(text.split('\n').slice(0, -1)).toEqual(expected);
    }
  });

  test('field names that share a signature in the name cache (length, first and last character), in varying subsets: the same lines', () => {
    // Four names the cache keeps two of per signature, each record leaving some out, so that they come and go
    // in one slot; rules that tell them apart (a wrong name would show as a wrong rule or a wrong value).
    const names = ['aXb', 'aYb', 'aZb', 'a_b'];
    const records: CustomerRecord[] = Array.from({ length: 48 }, (_, i) => ({
      id: `r${i}`,
      source: i % 3 === 0 ? 'pos' : 'app',
      firstName: 'Omar',
      lastName: 'Haddad',
      emails: [`o${i % 6}@gmail.com`],
      ...(i % 5 === 0 ? {} : { updatedAt: `2024-0${1 + (i % 9)}-1${i % 10}T08:00:00Z` }),
      attributes: Object.fromEntries(names.filter((_, j) => ((i >> j) & 1) === 1 || j === i % 4).map((k, j) => [k, `${k}-${(i + j) % 3}`])),
    }));
    const survivorship = { default: 'mostRecent' as const, fields: { aXb: 'mostFrequent' as const, aZb: 'mostComplete' as const, a_b: 'firstValid' as const } };
    expect(expectSameLines(records, { survivorship }).multi).toBeGreaterThanOrEqual(5);
  });

  test('random records: the same lines', () => {
    const text = fc.oneof(fc.constantFrom(...odd), fc.string({ maxLength: 5 }));
    const record = fc.record({
      id: text,
      source: fc.option(text, { nil: undefined }),
      first: text,
      emails: fc.array(fc.nat(5), { maxLength: 3 }),
      phones: fc.array(fc.nat(5), { maxLength: 2 }),
      time: fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }),
      attributes: fc.dictionary(fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 4 })), fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null))),
    });
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, minLength: 1, maxLength: 25 }), (rows) => {
        expectSameLines(rows.filter((r) => r.id.trim() !== '').map((r) => ({
          id: r.id,
          ...(r.source === undefined ? {} : { source: r.source }),
          firstName: r.first,
          emails: r.emails.map((e) => `p${e}@gmail.com`),
          phones: r.phones.map((n) => `050 123456${n}`),
          ...(r.time === undefined ? {} : { updatedAt: new Date(r.time).toISOString() }),
          attributes: r.attributes,
        })));
      }),
      { seed: 20261203, numRuns: 80 },
    );
  });

  test('past 4,096 field names in a thread: each field of a profile still written once', () => {
    // The field-name cache stops growing at 4,096 names; a name met after that is looked up afresh each time.
    const records: CustomerRecord[] = Array.from({ length: 4100 }, (_, i) => ({ id: `n${i}`, emails: [`n${i}@gmail.com`], attributes: { [`note${i}`]: 'x' } }));
    records.push({ id: 'a', firstName: 'Ann', emails: ['shared@gmail.com'], attributes: { tier: 'gold' } });
    records.push({ id: 'b', firstName: 'Ann', emails: ['shared@gmail.com'], attributes: { tier: 'silver' } });
    const { c, config, profiles } = linkedColumns(records);
    const shared = Array.from({ length: profiles }, (_, p) => p).filter((p) => c.memberStart[p + 1]! - c.memberStart[p]! === 2);
    expect(shared).toHaveLength(1);
    const line = (p: number): string => Buffer.from(outputLines(c, config, { kind: 'profiles', from: p, to: p + 1 }).bytes).toString().slice(0, -1);
    // Every other profile first (the cache full), then the shared one.
    for (let p = 0; p < profiles; p++) if (p !== shared[0]) expect(line(p)).toBe(JSON.stringify(toProfileJson(profileAt(c, p, config))));
    expect(line(shared[0]!)).toBe(JSON.stringify(toProfileJson(profileAt(c, shared[0]!, config))));
  });

  test('nested attribute values (only library callers can pass them): the fields the general way, one record or several', () => {
    const nested = { deep: { a: [1, { b: 'é' }] } } as unknown as Record<string, string>;
    const records: CustomerRecord[] = [
      { id: 'a', firstName: 'Ann', emails: ['shared@gmail.com'], attributes: nested },
      { id: 'b', firstName: 'Ann', emails: ['shared@gmail.com'], attributes: { tier: 'gold' } },
      { id: 'c', firstName: 'Bo', emails: ['c@gmail.com'], attributes: nested },
    ];
    expect(expectSameLines(records)).toEqual({ singletons: 1, multi: 1 });
  });
});
