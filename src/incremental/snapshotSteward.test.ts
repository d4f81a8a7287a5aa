import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseResolveOptions } from '../config/parseResolveOptions.js';
import type { RecordOverride } from '../config/ResolveOptions.js';
import { withDefaults } from '../config/ResolveOptions.js';
import { IdweaveError, isIdweaveError } from '../errors.js';
import { ID_RANGE_SIZE, profileIdOfSerial } from '../identity/profileIds.js';
import type { CustomerRecord } from '../types.js';
import { scratchDir } from '../_testing/resolvers.js';
import { restoreRefusal, resign, signedStream, type Json } from '../_testing/snapshots.js';
import { createResolver, restoreResolver, type Resolver, type RestoreOptions } from './createResolver.js';
import { readResolverSnapshot } from '../batch/readResolverSnapshot.js';
import { optionsFingerprint, type SnapshotRecord } from './snapshot.js';
import { writeSnapshotFile } from './snapshotStreamWrite.js';

// Snapshots keep the steward's word (the override table, ids not live included), the id range and the tombstones:
// both formats, their checks, and the older versions that hold none of them.

const dir = scratchDir('steward');
let files = 0;
const fresh = (): string => join(dir, `s${++files}.ndjson`);
const defaults = withDefaults(parseResolveOptions({}));

const omar: CustomerRecord = { id: 'crm-1', source: 'share-app', emails: ['Omar.Saleh+promo@gmail.com'], phones: ['050 123 4567'], firstName: 'Omar', lastName: 'Saleh', updatedAt: '2024-03-01T08:00:00Z' };
const omarPos: CustomerRecord = { id: 'pos-7', source: 'pos', emails: ['omarsaleh@googlemail.com'], firstName: 'Omar', attributes: { city: 'Dubai' } };
const layla: CustomerRecord = { id: 'crm-2', source: 'share-app', phones: ['0501234567'], firstName: 'Layla', lastName: 'Saleh' };
const nour: CustomerRecord = { id: 'app-9', logins: ['nour_s'], fullName: 'Nour Saleh' };
const never = (recordA: string, recordB: string): RecordOverride => ({ recordA, recordB, rule: 'never' });

/**
 * Written by idweave before snapshots kept overrides (object version 2, stream version 1), from a resolver created
 * with the override crm-1 / crm-2 never: crm-1 and pos-7 in P1, crm-2 alone in P2 (kept from Omar by the override).
 */
const V2_SNAPSHOT =
  '{"format":"idweave.resolver","version":2,"checksum":"fnv1a64:c45d6708878f08c3","options":"e431744756e2bd92","nextSerial":3,"groups":[],"keys":[["e:omarsaleh@gmail.com",3,-1],["p:+971501234567",4,-1]],"names":["omar","saleh","layla"],"sources":["share-app","pos"],"records":[["crm-1",1,0,1709280000000,0,1,"{\\"firstName\\":\\"Omar\\",\\"lastName\\":\\"Saleh\\"}",[0,1],[],-1],["crm-2",2,0,null,2,1,"{\\"firstName\\":\\"Layla\\",\\"lastName\\":\\"Saleh\\"}",[1],[],-1],["pos-7",1,1,null,0,-1,"{\\"firstName\\":\\"Omar\\",\\"attribute:city\\":\\"Dubai\\"}",[0],[],-1]]}';
const V1_STREAM = [
  '{"format":"idweave.resolver.stream","version":1,"options":"e431744756e2bd92","nextSerial":3}',
  '{"keys":[["e:omarsaleh@gmail.com",3,-1],["p:+971501234567",4,-1]]}',
  '{"names":["omar","saleh","layla"]}',
  '{"sources":["share-app","pos"]}',
  '{"records":[["crm-1",1,0,1709280000000,0,1,"{\\"firstName\\":\\"Omar\\",\\"lastName\\":\\"Saleh\\"}",[0,1],[],-1],["crm-2",2,0,null,2,1,"{\\"firstName\\":\\"Layla\\",\\"lastName\\":\\"Saleh\\"}",[1],[],-1],["pos-7",1,1,null,0,-1,"{\\"firstName\\":\\"Omar\\",\\"attribute:city\\":\\"Dubai\\"}",[0],[],-1]]}',
  '{"end":{"groups":0,"keys":2,"names":3,"sources":2,"records":3},"checksum":"sha256:52f2cb1fa86f1c702e3b1a3661c327d13d77f8a5ba52541df71a0c0586292257"}',
].join('\n');

function ok<T extends { ok: boolean }>(result: T): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

/**
 * Four records and the steward's word on them: crm-1 / pos-7 never (they share an email, so it splits Omar), an
 * always naming a record not live yet (app-9 / wifi-3), a never naming one that never comes (ghost); and tombstones:
 * one for a record erased while live, one for an id erased before it ever arrived.
 */
function stewarded(): Resolver {
  const r = createResolver();
  for (const rec of [omar, omarPos, layla, nour]) ok(r.add(rec));
  ok(r.override('pos-7', 'crm-1', 'never'));
  ok(r.override('wifi-3', 'app-9', 'always'));
  ok(r.override('crm-2', 'ghost', 'never'));
  ok(r.add({ id: 'tmp-1', emails: ['omarsaleh@gmail.com'], firstName: 'Omar' }));
  ok(r.remove('tmp-1', { erase: true }));
  ok(r.remove('gdpr-0', { erase: true }));
  return r;
}

const liveIds = ['app-9', 'crm-1', 'crm-2', 'pos-7'];
const profilesOf = (r: Resolver, ids: readonly string[] = liveIds): unknown[] => ids.map((id) => r.profile(r.profileOf(id)!));

/** The same further edits on two resolvers, each result compared: what never having stopped means. */
function continueBoth(a: Resolver, b: Resolver): void {
  const wifi: CustomerRecord = { id: 'wifi-3', phones: ['+971 55 000 1111'], firstName: 'Nour' };
  expect(b.add(wifi)).toEqual(a.add(wifi));
  expect(b.profileOf('wifi-3')).toBe(b.profileOf('app-9'));
  expect(b.add({ ...omarPos, id: 'tmp-1' })).toEqual(a.add({ ...omarPos, id: 'tmp-1' }));
  expect(b.clearOverride('crm-1', 'pos-7')).toEqual(a.clearOverride('crm-1', 'pos-7'));
  expect(b.override('crm-2', 'crm-1', 'always')).toEqual(a.override('crm-2', 'crm-1', 'always'));
  expect(b.remove('crm-1', { erase: true })).toEqual(a.remove('crm-1', { erase: true }));
  expect(b.unerase('gdpr-0')).toEqual(a.unerase('gdpr-0'));
  expect(b.add({ id: 'gdpr-0', emails: ['omarsaleh@gmail.com'] })).toEqual(a.add({ id: 'gdpr-0', emails: ['omarsaleh@gmail.com'] }));
  expect(b.erasedIds()).toEqual(a.erasedIds());
  expect(b.snapshot()).toEqual(a.snapshot());
}

async function streamRefusal(bytes: Buffer): Promise<IdweaveError> {
  const path = fresh();
  writeFileSync(path, bytes);
  try {
    await readResolverSnapshot(path);
  } catch (e) {
    expect(isIdweaveError(e), String(e)).toBe(true);
    expect((e as IdweaveError).code, (e as Error).message).toBe('snapshot_invalid');
    return e as IdweaveError;
  }
  throw new Error('the snapshot was read');
}

const snap = (r: Resolver = stewarded()): Json => JSON.parse(JSON.stringify(r.snapshot()));

async function readBytes(bytes: Buffer | string, options: RestoreOptions = {}): Promise<Resolver> {
  const path = fresh();
  writeFileSync(path, bytes);
  return readResolverSnapshot(path, options);
}

async function streamLines(r: Resolver = stewarded()): Promise<Json[]> {
  const path = fresh();
  await r.writeSnapshot(path);
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

describe('the object snapshot (version 3)', () => {
  test('holds the id range, the override table (ids not live too) and the tombstones, sorted', () => {
    const s = stewarded().snapshot();
    expect(s.version).toBe(3);
    expect(s.idRange).toBe(0);
    expect(s.overrides).toEqual([
      ['app-9', 'wifi-3', 'always'],
      ['crm-1', 'pos-7', 'never'],
      ['crm-2', 'ghost', 'never'],
    ]);
    expect(s.erased).toEqual(['gdpr-0', 'tmp-1']);
    // An erased record leaves its id, and nothing else.
    expect(JSON.stringify(s.records)).not.toContain('tmp-1');
  });

  test('round trip: the same profiles and ids, and the same events after further edits as never having stopped', () => {
    const a = stewarded();
    const s = a.snapshot();
    const b = restoreResolver(JSON.parse(JSON.stringify(s)), { verify: true });
    expect(b.snapshot()).toEqual(s);
    expect(liveIds.map((id) => b.profileOf(id))).toEqual(liveIds.map((id) => a.profileOf(id)));
    expect(profilesOf(b)).toEqual(profilesOf(a));
    expect(b.explain('crm-1', 'pos-7').message).toBe(a.explain('crm-1', 'pos-7').message);
    expect(b.add({ ...omar, id: 'tmp-1' })).toEqual({ ok: false, reasons: [expect.stringMatching(/^erased: /)], erased: ['tmp-1'] });
    continueBoth(a, b);
  });

  test('the table is restored as written: no re-linking, no new ids, and the overrides option is not set again', () => {
    const a = stewarded();
    a.clearOverride('crm-1', 'pos-7');
    expect(a.profileOf('pos-7')).toBe(a.profileOf('crm-1'));
    const s = a.snapshot();
    // The option a CRM passes at every start still names the override the steward cleared since.
    const b = restoreResolver(JSON.parse(JSON.stringify(s)), { overrides: [never('crm-1', 'pos-7'), never('app-9', 'crm-2')] });
    expect(b.snapshot()).toEqual(s);
    expect(b.profileOf('pos-7')).toBe(b.profileOf('crm-1'));
    expect(b.clearOverride('app-9', 'crm-2').ok).toBe(false);
  });

  test('a snapshot without the override table (a v3 field left out) restores, and the overrides option is set on it', () => {
    const s = snap();
    delete s.overrides;
    resign(s);
    const b = restoreResolver(s, { overrides: [never('crm-1', 'crm-2')] });
    expect(b.snapshot().overrides).toEqual([['crm-1', 'crm-2', 'never']]);
    expect(b.erasedIds()).toEqual(['gdpr-0', 'tmp-1']);
    expect(restoreResolver(resign({ ...s, erased: undefined })).erasedIds()).toEqual([]);
  });

  test('the id range is kept: a range used up stays used up instead of spilling into the next writer\'s', () => {
    const s = snap(createResolver());
    s.idRange = 1;
    s.nextSerial = 2 * ID_RANGE_SIZE;
    const b = restoreResolver(resign(s));
    expect(() => b.add(omar)).toThrow(/id range 1 is exhausted/);
    expect(b.snapshot().idRange).toBe(1);
  });

  test('an edit the id range may not hold is refused before it changes anything: the resolver stays usable', () => {
    // crm-1 and pos-7 share an email, crm-1 and crm-2 a phone: removing crm-1 may split what is left.
    const r = createResolver();
    for (const rec of [omar, omarPos, layla]) r.add(rec);
    const s = snap(r);
    s.idRange = 1;
    s.nextSerial = 2 * ID_RANGE_SIZE - 1;
    const b = restoreResolver(resign(s));
    const before = JSON.stringify(b.snapshot());
    for (const edit of [() => b.remove('crm-1'), () => b.remove('crm-1', { erase: true }), () => b.override('crm-1', 'pos-7', 'never'), () => b.update({ ...omar, firstName: 'Omer' }), () => b.add(nour), () => b.apply({ remove: ['pos-7'] })]) {
      expect(edit).toThrow(expect.objectContaining({ code: 'usage', message: expect.stringMatching(/id range 1 is exhausted/) }));
    }
    expect(JSON.stringify(b.snapshot())).toBe(before);
    expect(b.recordCount).toBe(3);
  });

  test('changing an override, a rule, a tombstone or the id range breaks the checksum', () => {
    for (const edit of [
      (s: Json) => (s.overrides[0][2] = 'never'),
      (s: Json) => (s.overrides[1][1] = 'pos-8'),
      (s: Json) => s.overrides.pop(),
      (s: Json) => delete s.overrides,
      (s: Json) => s.erased.push('zz'),
      (s: Json) => (s.idRange = 1),
    ]) {
      const s = snap();
      edit(s);
      expect(restoreRefusal(s).message).toMatch(/checksum: the content hashes to|idRange|nextSerial/);
    }
  });

  test.each<[string, (s: Json) => void, RegExp]>([
    ['overrides that are not an array', (s) => (s.overrides = { a: 'b' }), /^invalid resolver snapshot: overrides: expected an array, got a object$/],
    ['erased that is a string', (s) => (s.erased = 'tmp-1'), /^invalid resolver snapshot: erased: expected an array, got "tmp-1"$/],
    ['an override that is an object', (s) => (s.overrides[0] = { recordA: 'a', recordB: 'b', rule: 'never' }), /overrides\[0\]: expected \[recordA, recordB, rule\], got a object/],
    ['an override with four fields', (s) => s.overrides[0].push('x'), /overrides\[0\]: expected \[recordA, recordB, rule\], got an array/],
    ['an override id that is a number', (s) => (s.overrides[1][0] = 7), /overrides\[1\]\[0\]: expected a record id \(a string\), got 7/],
    ['a blank override id', (s) => (s.overrides[1][1] = '  '), /overrides\[1\]\[1\]: record id " {2}": /],
    ['an override id over 4,096 characters', (s) => (s.overrides[1][1] = 'x'.repeat(5000)), /overrides\[1\]\[1\]: record id "x{60}…": longer than 4096 characters \(5000\)/],
    ['an override id with a control character', (s) => (s.overrides[1][1] = 'a\u0000b'), /overrides\[1\]\[1\]: record id .*: control character U\+0000/],
    ['an override id with a lone surrogate', (s) => (s.overrides[1][1] = 'a\ud800'), /overrides\[1\]\[1\]: record id .*: lone surrogate/],
    ['a self-pair', (s) => (s.overrides[1][1] = s.overrides[1][0]), /overrides\[1\]\[1\]: the same record id as overrides\[1\]\[0\] \("crm-1"\): a record is always in its own profile/],
    ['a pair given twice', (s) => s.overrides.push(['crm-1', 'pos-7', 'never']), /overrides\[3\]: the pair "crm-1" \/ "pos-7" is given twice/],
    ['a pair given twice the other way round, with the other rule', (s) => s.overrides.push(['pos-7', 'crm-1', 'always']), /overrides\[3\]: the pair "pos-7" \/ "crm-1" is given twice/],
    ['an unknown rule', (s) => (s.overrides[2][2] = 'maybe'), /overrides\[2\]\[2\]: rule "maybe" is neither "never" nor "always"/],
    ['a rule in capitals', (s) => (s.overrides[2][2] = 'NEVER'), /overrides\[2\]\[2\]: rule "NEVER" is neither/],
    ['a tombstone that is null', (s) => (s.erased[0] = null), /erased\[0\]: expected a record id \(a string\), got null/],
    ['a blank tombstone', (s) => (s.erased[0] = ''), /erased\[0\]: record id "": /],
    ['a tombstone given twice', (s) => s.erased.push('gdpr-0'), /erased\[2\]: duplicate id "gdpr-0"/],
    ['a tombstone on a live record', (s) => s.erased.push('crm-2'), /erased\[2\]: record id "crm-2" is erased, yet a live record has it/],
    ['no idRange', (s) => delete s.idRange, /idRange: nothing is not an integer from 0 to 8191/],
    ['an idRange past the last', (s) => (s.idRange = 8192), /idRange: 8192 is not an integer from 0 to 8191/],
    ['an idRange that is a string', (s) => (s.idRange = '0'), /idRange: "0" is not an integer/],
    ['a nextSerial outside its id range', (s) => (s.idRange = 2), /nextSerial: 5 is not in id range 2 \(2199023255552 to 3298534883328\)/],
  ])('%s is refused, naming where', (_label, edit, message) => {
    const s = snap();
    edit(s);
    const error = restoreRefusal(resign(s));
    expect(error.message).toMatch(message);
  });

  test('a version 2 snapshot may not hold the new fields', () => {
    const s = snap();
    s.version = 2;
    expect(restoreRefusal(resign(s)).message).toMatch(/unexpected field "idRange" in a version 2 snapshot \(and 2 more problems\)/);
  });

  test('many bad overrides fail at once, listing the first 20', () => {
    const s = snap();
    s.overrides = new Array(100_000).fill(['a', 'a', 'never']);
    const error = restoreRefusal(resign(s));
    expect(error.issues).toHaveLength(20);
  });

  test('verify checks the partition against the restored overrides', () => {
    const s = snap();
    // pos-7 put back with Omar, against the never override.
    s.records.find((r: Json[]) => r[0] === 'pos-7')[1] = s.records.find((r: Json[]) => r[0] === 'crm-1')[1];
    resign(s);
    expect(restoreResolver(s).profileOf('pos-7')).toBe(restoreResolver(s).profileOf('crm-1'));
    expect(restoreRefusal(s, { verify: true }).message).toMatch(/records "crm-1" and "pos-7": both in profile P00000001, but their identifiers do not link them/);
  });
});

describe('older object snapshots', () => {
  test('version 2 (written before overrides were kept) restores as written; the overrides option is set on it', () => {
    const plain = restoreResolver(JSON.parse(V2_SNAPSHOT), { verify: false });
    expect(plain.profileOf('crm-1')).toBe('P00000001');
    expect(plain.profileOf('crm-2')).toBe('P00000002');
    expect(plain.snapshot().overrides).toEqual([]);
    expect(plain.snapshot().idRange).toBe(0);

    const withOption = restoreResolver(JSON.parse(V2_SNAPSHOT), { overrides: [never('crm-1', 'crm-2')], verify: true });
    expect(withOption.snapshot().overrides).toEqual([['crm-1', 'crm-2', 'never']]);
    const original = createResolver({ overrides: [never('crm-2', 'crm-1')] });
    for (const rec of [omar, omarPos, layla]) ok(original.add(rec));
    expect(withOption.clearOverride('crm-1', 'crm-2')).toEqual(original.clearOverride('crm-1', 'crm-2'));
    expect(withOption.snapshot()).toEqual(original.snapshot());
  });

  test('version 1 (no checksum) restores too', () => {
    const v1 = JSON.parse(V2_SNAPSHOT);
    v1.version = 1;
    delete v1.checksum;
    expect(restoreResolver(v1).snapshot()).toEqual(restoreResolver(JSON.parse(V2_SNAPSHOT)).snapshot());
  });
});

describe('the streamed snapshot (version 3)', () => {
  test('its head holds the id range and says it holds the overrides; overrides and tombstones follow the records', async () => {
    const lines = await streamLines();
    expect(lines[0]).toEqual({ format: 'idweave.resolver.stream', version: 3, options: optionsFingerprint(defaults), idRange: 0, nextSerial: 5, holdsOverrides: true, sizes: expect.any(Object) });
    // The sizes of what follows: a reader sizes its tables once.
    expect(Object.keys(lines[0].sizes)).toEqual(['records', 'keys', 'names', 'profiles', 'strongKeys', 'weakKeys']);
    expect(lines[0].sizes.records).toBe(lines.filter((l) => l.records).reduce((n, l) => n + l.records.length, 0));
    expect(lines[0].sizes.keys).toBe(lines.filter((l) => l.keys).reduce((n, l) => n + l.keys.length, 0));
    expect(Object.keys(lines.at(-2))).toEqual(['erased']);
    expect(lines.find((l) => l.overrides).overrides).toHaveLength(3);
    expect(lines.at(-1).end).toEqual({ groups: 1, keys: 3, names: 4, sources: 2, records: 4, overrides: 3, erased: 2 });
  });

  test('write → read gives the object snapshot, and continuing gives the same events', async () => {
    const a = stewarded();
    const path = fresh();
    await a.writeSnapshot(path);
    const b = await readResolverSnapshot(path, { verify: true, overrides: [never('app-9', 'crm-2')] });
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(profilesOf(b)).toEqual(profilesOf(a));
    continueBoth(a, b);
  });

  test('random edits with overrides and erasures, restored at checkpoints from either format, continue exactly (seeded)', async () => {
    let seed = 20260214;
    // The high bits: an LCG's low bit alternates, which would tie an op to the parity of the step.
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return (seed >>> 12) % n;
    };
    const recordOf = (i: number): CustomerRecord => ({
      id: `r${i}`,
      emails: rnd(3) > 0 ? [`p${rnd(8)}@maf.ae`] : [],
      phones: rnd(2) > 0 ? [`050 ${String(1_000_000 + rnd(6)).slice(1)}`] : [],
      firstName: ['Sara', 'Omar', 'Layla'][rnd(3)]!,
    });
    let a = createResolver();
    let b = createResolver();
    let held = { overrides: 0, erased: 0 };
    const run = (r: Resolver, op: number, i: number, j: number, rec: CustomerRecord): unknown => {
      if (op === 0) return r.add(rec);
      if (op === 1) return r.update(rec);
      if (op === 2) return r.remove(rec.id, { erase: j % 2 === 0 });
      if (op === 3) return r.override(`r${i}`, `r${j}`, j % 3 === 0 ? 'always' : 'never');
      if (op === 4) return r.clearOverride(`r${i}`, `r${j}`);
      if (op === 5) return r.unerase(rec.id);
      return r.apply({ add: [rec] });
    };
    for (let step = 1; step <= 400; step++) {
      const i = rnd(30);
      const j = rnd(30);
      const op = rnd(7);
      const rec = recordOf(i);
      expect(run(b, op, i, j, rec)).toEqual(run(a, op, i, j, rec));
      if (step % 40 === 0) {
        if (step % 80 === 0) {
          const path = fresh();
          await a.writeSnapshot(path);
          b = await readResolverSnapshot(path, { verify: true });
        } else {
          b = restoreResolver(JSON.parse(JSON.stringify(a.snapshot())), { verify: true });
        }
        expect(b.snapshot()).toEqual(a.snapshot());
        held = { overrides: Math.max(held.overrides, a.snapshot().overrides!.length), erased: Math.max(held.erased, a.erasedIds().length) };
        if (step % 120 === 0) [a, b] = [b, restoreResolver(JSON.parse(JSON.stringify(b.snapshot())))];
      }
    }
    expect(held.overrides).toBeGreaterThan(2);
    expect(held.erased).toBeGreaterThan(2);
  });

  test('a source that is not a resolver may give overrides and tombstones', async () => {
    const path = fresh();
    const payload = (name: string): string => JSON.stringify({ firstName: name });
    await writeSnapshotFile(
      {
        options: optionsFingerprint(defaults),
        idRange: 3,
        nextSerial: 3 * ID_RANGE_SIZE + 2,
        groups: [],
        keys: [['p:+971501234567', 4, -1] as const],
        names: ['sara'],
        sources: [],
        records: [
          ['a', 3 * ID_RANGE_SIZE, -1, null, 0, -1, payload('Sara'), [0], [], -1],
          ['b', 3 * ID_RANGE_SIZE + 1, -1, null, 0, -1, payload('Sara'), [0], [], -1],
        ] satisfies SnapshotRecord[],
        overrides: [['a', 'b', 'never']],
        erased: ['c'],
      },
      path,
    );
    const r = await readResolverSnapshot(path, { verify: true });
    expect(r.profileOf('a')).not.toBe(r.profileOf('b'));
    expect(r.erasedIds()).toEqual(['c']);
    expect(r.add({ id: 'c', firstName: 'Sara' }).ok).toBe(false);
    expect(r.add({ id: 'd', firstName: 'Sara' })).toMatchObject({ ok: true, profileId: profileIdOfSerial(3 * ID_RANGE_SIZE + 2) });
  });

  test('a source without overrides says so, and the overrides option is set on what it restores', async () => {
    const a = stewarded();
    const path = fresh();
    const s = a.snapshot();
    await writeSnapshotFile({ options: s.options, nextSerial: s.nextSerial, groups: s.groups, keys: s.keys, names: s.names, sources: s.sources, records: s.records }, path);
    expect(JSON.parse(readFileSync(path, 'utf8').split('\n')[0]!).holdsOverrides).toBe(false);
    const b = await readResolverSnapshot(path, { overrides: [never('app-9', 'crm-2')] });
    expect(b.snapshot().overrides).toEqual([['app-9', 'crm-2', 'never']]);
    expect(b.erasedIds()).toEqual([]);
  });

  test.each<[string, (lines: Json[]) => (Json | string)[], RegExp]>([
    ['an overrides line when the head says there is no table', (l) => [{ ...l[0], holdsOverrides: false }, ...l.slice(1)], /line 7: an "overrides" line, but the head says the stream holds no override table \(holdsOverrides: false\)/],
    ['holdsOverrides that is not a boolean', (l) => [{ ...l[0], holdsOverrides: 'yes' }, ...l.slice(1)], /line 1: holdsOverrides: expected true or false, got "yes"/],
    ['no idRange', (l) => [{ ...l[0], idRange: undefined }, ...l.slice(1)], /line 1: idRange: nothing is not an integer from 0 to 8191/],
    ['an idRange that nextSerial is not in', (l) => [{ ...l[0], idRange: 5 }, ...l.slice(1)], /line 1: nextSerial: 5 is not in id range 5/],
    ['an erased line before the overrides', (l) => [...l.slice(0, 6), l[7], l[6]], /line 8: a "overrides" line after the "erased" lines: a snapshot stream's lines come in the order groups, keys, names, sources, records, overrides, erased/],
    ['a self-pair', (l) => [...l.slice(0, 6), { overrides: [['crm-1', 'crm-1', 'never']] }, l[7]], /line 7: overrides\[0\]\[1\]: the same record id as overrides\[0\]\[0\]/],
    ['a pair given twice across lines', (l) => [...l.slice(0, 7), { overrides: [['pos-7', 'crm-1', 'never']] }, l[7]], /line 8: overrides\[3\]: the pair "pos-7" \/ "crm-1" is given twice/],
    ['an unknown rule', (l) => [...l.slice(0, 6), { overrides: [['crm-1', 'pos-7', 'sometimes']] }, l[7]], /line 7: overrides\[0\]\[2\]: rule "sometimes" is neither "never" nor "always"/],
    ['a tombstone on a live record', (l) => [...l.slice(0, 7), { erased: ['crm-1'] }], /line 8: erased\[0\]: record id "crm-1" is erased, yet a live record has it/],
    ['a tombstone given twice across lines', (l) => [...l, { erased: ['tmp-1'] }], /line 9: erased\[2\]: duplicate id "tmp-1"/],
    ['an overrides line in a version 1 stream', (l) => [{ ...l[0], version: 1, idRange: undefined, holdsOverrides: undefined, sizes: undefined }, ...l.slice(1, 7)], /line 7: expected a line of "groups", "keys", "names", "sources", "records" or the end line, got the field "overrides"/],
    ['idRange in a version 1 head', (l) => [{ ...l[0], version: 1, holdsOverrides: undefined, sizes: undefined }, ...l.slice(1, 6)], /line 1: unexpected field "idRange" in the head/],
  ])('%s is refused, naming the line', async (_label, edit, message) => {
    const lines = (await streamLines()).slice(0, -1);
    expect(lines.map((l) => Object.keys(l)[0])).toEqual(['format', 'groups', 'keys', 'names', 'sources', 'records', 'overrides', 'erased']);
    const error = await streamRefusal(signedStream(edit(lines)));
    expect(error.message).toMatch(message);
  });

  test('an edited override or tombstone is refused by the checksum', async () => {
    const path = fresh();
    await stewarded().writeSnapshot(path);
    for (const [from, to, message] of [
      ['"never"]', '"always"]', /line 9: checksum: the stream hashes to/],
      ['"gdpr-0"', '"gdpr-1"', /line 9: checksum: the stream hashes to/],
      ['"idRange":0', '"idRange":1', /line 1: nextSerial: \d+ is not in id range 1/],
      // Caught before the checksum, by the line the head no longer allows.
      ['"holdsOverrides":true', '"holdsOverrides":false', /line 7: an "overrides" line, but the head says/],
    ] as const) {
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(from);
      expect((await streamRefusal(Buffer.from(text.replace(from, to)))).message).toMatch(message);
    }
  });

  test('version 1 (written before overrides were kept) reads as written; the overrides option is set on it', async () => {
    const plain = await readBytes(`${V1_STREAM}\n`);
    expect(plain.snapshot()).toEqual(restoreResolver(JSON.parse(V2_SNAPSHOT)).snapshot());
    const withOption = await readBytes(`${V1_STREAM}\n`, { overrides: [never('crm-1', 'crm-2')], verify: true });
    expect(withOption.snapshot().overrides).toEqual([['crm-1', 'crm-2', 'never']]);
    expect(withOption.snapshot().idRange).toBe(0);
  });
});
