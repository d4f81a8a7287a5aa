import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { parseResolveOptions } from '../config/parseResolveOptions.js';
import { withDefaults } from '../config/ResolveOptions.js';
import { IdweaveError, isIdweaveError } from '../errors.js';
import type { CustomerRecord } from '../types.js';
import { resolverWith, scratchDir } from '../_testing/resolvers.js';
import { signedStream, type Json } from '../_testing/snapshots.js';
import { createResolver, restoreResolver, type Resolver, type RestoreOptions } from './createResolver.js';
import { readResolverSnapshot } from '../batch/readResolverSnapshot.js';
import { profileIdOfSerial } from './ResolverState.js';
import { optionsFingerprint, type SnapshotRecord } from './snapshot.js';
import { MAX_LINE_CHARS, MAX_LINE_ENTRIES } from './snapshotStreamFormat.js';
import { readSnapshotFile, readSnapshotStream } from './snapshotStreamRead.js';
import type { SnapshotSource } from './snapshotStreamSource.js';
import { writeSnapshotFile, writeSnapshotStream } from './snapshotStreamWrite.js';

const dir = scratchDir('stream');
let files = 0;
const fresh = (): string => join(dir, `s${++files}.ndjson`);
const defaults = withDefaults(parseResolveOptions({}));

const omar: CustomerRecord = { id: 'crm-1', source: 'share-app', emails: ['Omar.Saleh+promo@gmail.com'], phones: ['050 123 4567'], firstName: 'Omar', lastName: 'Saleh', updatedAt: '2024-03-01T08:00:00Z' };
const omarPos: CustomerRecord = { id: 'pos-7', source: 'pos', emails: ['omarsaleh@googlemail.com', 'omar.saleh@gmial.com'], firstName: 'Omar', attributes: { city: 'Dubai', vip: true, visits: 3, note: null } };
const layla: CustomerRecord = { id: 'crm-2', source: 'share-app', phones: ['0501234567'], firstName: 'Layla', lastName: 'Saleh', dateOfBirth: '1990-02-03' };
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

function profilesOf(r: Resolver, recordIds: readonly string[] = ids): unknown[] {
  return recordIds.map((id) => r.profile(r.profileOf(id)!));
}

/** The four-record snapshot stream as bytes. */
async function streamBytes(r: Resolver = resolverOf()): Promise<Buffer> {
  const path = fresh();
  await r.writeSnapshot(path);
  return readFileSync(path);
}

/** A stream's lines, parsed (the last one is the end line). */
function linesOf(bytes: Buffer): Json[] {
  return bytes.toString('utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

/**
 * Lines (objects, or raw strings taken as they are) as a stream whose end line is right: counts of what the
 * table lines hold and the SHA-256 of the lines before it. So an edit is refused by the rule under test, not by
 * the checksum. `end` overrides fields of the end line.
 */

/** The lines of the four-record stream without its end line, to edit and sign again. */
async function bodyLines(): Promise<Json[]> {
  return linesOf(await streamBytes()).slice(0, -1);
}

async function read(bytes: Buffer, options: RestoreOptions = {}): Promise<Resolver> {
  const path = fresh();
  writeFileSync(path, bytes);
  return readResolverSnapshot(path, options);
}

/** The `IdweaveError` a read rejects with; fails the test unless its code is `code`. */
async function refusal(run: Promise<unknown>, code = 'snapshot_invalid'): Promise<IdweaveError> {
  try {
    await run;
  } catch (e) {
    expect(isIdweaveError(e), String(e)).toBe(true);
    expect((e as IdweaveError).code, (e as Error).message).toBe(code);
    return e as IdweaveError;
  }
  throw new Error('the snapshot was read');
}

/** Reads in memory (no file), for the exhaustive damage tests. */
function readBytes(bytes: Buffer): Promise<unknown> {
  return readSnapshotStream([bytes], defaults);
}

/**
 * A source that is not a resolver (as the batch job's will be): `n` records in pairs, each pair sharing a phone, a
 * first name and a profile; each record has its own email. Cheap to make at any size.
 */
function pairsSource(n: number): SnapshotSource {
  const first = ['sara', 'omar', 'layla'];
  return {
    options: optionsFingerprint(defaults),
    nextSerial: (n >> 1) + 2,
    groups: [],
    keys: (function* () {
      for (let i = 0; i < n; i++) yield [`e:user${i}@maf.ae`, 3, -1] as const;
      for (let p = 0; p < n >> 1; p++) yield [`p:+9715${String(p).padStart(8, '0')}`, 4, -1] as const;
    })(),
    names: [...first, 'khan'],
    sources: ['pos', 'share-app'],
    records: (function* (): Generator<SnapshotRecord> {
      for (let i = 0; i < (n & ~1); i++) {
        const name = (i >> 1) % 3;
        const payload = `{"firstName":"${first[name]}","lastName":"Khan","visits":${i}}`;
        yield [`r${i}`, (i >> 1) + 1, i & 1, 1.7e12 + i, name, 3, payload, [i, n + (i >> 1)], [], -1];
      }
    })(),
  };
}

/** Runs `work` with a 5 ms interval timer beside it; the longest gap between its ticks is the longest stall. */
async function withStallMeter<T>(work: () => Promise<T>): Promise<{ value: T; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  try {
    const value = await work();
    stall = Math.max(stall, performance.now() - last);
    return { value, stall };
  } finally {
    clearInterval(timer);
  }
}

describe('round trip', () => {
  test('write → read gives the object snapshot, the same profiles and ids, and continuing gives the same events', async () => {
    const a = resolverOf();
    const path = fresh();
    const written = await a.writeSnapshot(path);
    expect(written).toEqual({ bytes: readFileSync(path).length, records: 4 });
    const b = await readResolverSnapshot(path, { verify: true });
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(ids.map((id) => b.profileOf(id))).toEqual(ids.map((id) => a.profileOf(id)));
    expect(profilesOf(b)).toEqual(profilesOf(a));
    const next: CustomerRecord = { id: 'wifi-3', source: 'mall-wifi', phones: ['+971501234567'], firstName: 'Omar' };
    expect(b.add(next)).toEqual(a.add(next));
    expect(b.remove('crm-1')).toEqual(a.remove('crm-1'));
    expect(b.update({ ...layla, emails: ['layla@maf.ae'] })).toEqual(a.update({ ...layla, emails: ['layla@maf.ae'] }));
    expect(b.snapshot()).toEqual(a.snapshot());
  });

  test('an object snapshot restored, then streamed, reads back the same (the two formats agree)', async () => {
    const a = resolverOf();
    const viaObject = restoreResolver(JSON.parse(JSON.stringify(a.snapshot())));
    const path = fresh();
    await viaObject.writeSnapshot(path);
    expect((await readResolverSnapshot(path)).snapshot()).toEqual(a.snapshot());
  });

  test('an erased record leaves no trace in the stream (only live records and what they use are written)', async () => {
    const a = resolverOf();
    a.remove('pos-7');
    a.remove('app-9');
    const text = (await streamBytes(a)).toString('utf8');
    for (const gone of ['pos-7', 'gmial', 'Dubai', 'nour', 'loyalty', 'instagram', '"pos"']) expect(text).not.toContain(gone);
    const end = linesOf(Buffer.from(text)).at(-1);
    // omar, saleh, layla and crm-2's folded date of birth
    expect(end.end).toEqual({ groups: 0, keys: 2, names: 4, sources: 1, records: 2, overrides: 0, erased: 0 });
  });

  test('an empty resolver streams and reads back', async () => {
    const a = createResolver();
    const bytes = await streamBytes(a);
    expect(linesOf(bytes)).toHaveLength(2);
    const b = await read(bytes);
    expect(b.recordCount).toBe(0);
    expect(b.add(omar)).toEqual(a.add(omar));
  });

  test('random edits, streamed and read back at checkpoints, continue exactly as the original (seeded)', async () => {
    let seed = 20240301;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed % n;
    };
    const firstNames = ['Sara', 'Omar', 'Layla', 'Ali'];
    const recordOf = (i: number): CustomerRecord => ({
      id: `r${i}`,
      source: ['pos', 'app', 'wifi'][rnd(3)]!,
      emails: rnd(3) > 0 ? [`p${rnd(12)}@maf.ae`] : [],
      phones: rnd(2) > 0 ? [`050 ${String(1_000_000 + rnd(10)).slice(1)}`] : [],
      ...(rnd(4) === 0 ? { logins: [`user${rnd(5)}`] } : {}),
      firstName: firstNames[rnd(4)]!,
      ...(rnd(3) === 0 ? { dateOfBirth: `19${80 + rnd(3)}-01-0${1 + rnd(3)}` } : {}),
    });
    let a = createResolver();
    let b = createResolver();
    const live = new Set<number>();
    for (let step = 1; step <= 400; step++) {
      const i = rnd(40);
      const rec = recordOf(i);
      const op = live.has(i) ? (rnd(3) === 0 ? 'remove' : 'update') : 'add';
      const ra = op === 'remove' ? a.remove(rec.id) : op === 'update' ? a.update(rec) : a.add(rec);
      const rb = op === 'remove' ? b.remove(rec.id) : op === 'update' ? b.update(rec) : b.add(rec);
      expect(rb).toEqual(ra);
      if (op === 'remove') live.delete(i);
      else live.add(i);
      if (step % 50 === 0) {
        const path = fresh();
        await a.writeSnapshot(path);
        b = await readResolverSnapshot(path, { verify: true });
        expect(b.snapshot()).toEqual(a.snapshot());
        const liveIds = [...live].map((n) => `r${n}`);
        expect(profilesOf(b, liveIds)).toEqual(profilesOf(a, liveIds));
        // Continue from the restored one next time too: a chain of restores must not drift.
        if (step % 100 === 0) {
          a = b;
          b = await readResolverSnapshot(path);
        }
      }
    }
  });

  test('a source other than a resolver (pairs of records) writes a stream a resolver restores from', async () => {
    const path = fresh();
    const written = await writeSnapshotFile(pairsSource(200), path);
    expect(written.records).toBe(200);
    const r = await readResolverSnapshot(path, { verify: true });
    expect(r.recordCount).toBe(200);
    expect(r.profileCount).toBe(100);
    expect(r.profileOf('r7')).toBe(profileIdOfSerial(4));
    expect(r.profile(profileIdOfSerial(4))?.recordIds).toEqual(['r6', 'r7']);
    expect(r.lookup({ phone: '+971500000003' })).toBe(profileIdOfSerial(4));
  });
});

describe('format', () => {
  test('a head line, table lines of bounded size in order, and an end line with the counts and a SHA-256', async () => {
    const path = fresh();
    await writeSnapshotFile(pairsSource(25_000), path);
    const bytes = readFileSync(path);
    const raw = bytes.toString('utf8').split('\n');
    expect(raw.at(-1)).toBe('');
    const lines = raw.slice(0, -1).map((l) => JSON.parse(l) as Json);
    // A source that does not know the overrides (as the batch's) says so; its id range is where nextSerial lies.
    // It says no sizes either (a source may leave them out; a reader then grows its tables as it goes).
    expect(lines[0]).toEqual({ format: 'idweave.resolver.stream', version: 3, options: optionsFingerprint(defaults), idRange: 0, nextSerial: 12_502, holdsOverrides: false });
    const order = ['groups', 'keys', 'names', 'sources', 'records', 'overrides', 'erased'];
    let at = 0;
    for (let i = 1; i < lines.length - 1; i++) {
      const [field, ...rest] = Object.keys(lines[i]);
      expect(rest).toEqual([]);
      expect(order.indexOf(field!)).toBeGreaterThanOrEqual(at);
      at = order.indexOf(field!);
      expect(lines[i][field!].length).toBeLessThanOrEqual(MAX_LINE_ENTRIES);
      expect(raw[i]!.length).toBeLessThanOrEqual(MAX_LINE_CHARS + 64);
    }
    // Lines are full: each but the last of its table reached one of the two bounds.
    for (let i = 1; i < lines.length - 2; i++) {
      const [field] = Object.keys(lines[i]);
      if (!lines[i + 1][field!]) continue;
      const longest = Math.max(...lines[i][field!].map((e: Json) => JSON.stringify(e).length));
      expect(lines[i][field!].length === MAX_LINE_ENTRIES || raw[i]!.length > MAX_LINE_CHARS - longest - 1).toBe(true);
    }
    expect(lines.filter((l) => l.records).length).toBeGreaterThan(1);
    const end = lines.at(-1);
    expect(end.end).toEqual({ groups: 0, keys: 37_500, names: 4, sources: 2, records: 25_000, overrides: 0, erased: 0 });
    const body = bytes.subarray(0, bytes.length - raw.at(-2)!.length - 1);
    expect(end.checksum).toBe(`sha256:${createHash('sha256').update(body).digest('hex')}`);
  });

  test('the same state writes the same bytes', async () => {
    const a = resolverOf();
    expect((await streamBytes(a)).equals(await streamBytes(a))).toBe(true);
  });

  test('the file is written with mode 0600 (a snapshot holds customer data)', async () => {
    const path = fresh();
    await resolverOf().writeSnapshot(path);
    if (process.platform !== 'win32') expect((await import('node:fs')).statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('damage is refused', () => {
  test('every truncation is refused, naming a line', async () => {
    const bytes = await streamBytes();
    for (let n = 0; n < bytes.length; n++) {
      const error = await refusal(readBytes(bytes.subarray(0, n)));
      expect(error.message).toMatch(/^invalid resolver snapshot: line \d+: /);
    }
  });

  test('a truncated file is refused saying so', async () => {
    const bytes = await streamBytes();
    const lastLine = bytes.lastIndexOf(10, bytes.length - 2) + 1;
    expect((await refusal(read(bytes.subarray(0, lastLine)))).message).toBe('invalid resolver snapshot: line 7: the stream ends before its end line: it is truncated');
    expect((await refusal(read(bytes.subarray(0, lastLine - 5)))).message).toBe('invalid resolver snapshot: line 6: the stream ends inside a line (no newline after it): it is truncated');
    expect((await refusal(read(Buffer.alloc(0)))).message).toBe('invalid resolver snapshot: line 1: the stream is empty: not a resolver snapshot');
  });

  test('every byte flipped (one bit, or a random value) is refused', async () => {
    const bytes = await streamBytes();
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      for (const mask of [1 << (i % 8), 1 + (seed % 255)]) {
        const damaged = Buffer.from(bytes);
        damaged[i]! ^= mask;
        await refusal(readBytes(damaged));
      }
    }
  });

  test('a changed value is refused by the checksum, naming the end line', async () => {
    const text = (await streamBytes()).toString('utf8').replace('Dubai', 'Dubay');
    expect((await refusal(read(Buffer.from(text)))).message).toMatch(/^invalid resolver snapshot: line 7: checksum: the stream hashes to sha256:[0-9a-f]{64}, the end line says sha256:[0-9a-f]{64}: it was edited or damaged$/);
  });

  test('a dropped line is refused by the counts', async () => {
    const lines = (await bodyLines()).flatMap((x) => (x.records ? x.records.map((r: Json) => ({ records: [r] })) : [x]));
    const end = { end: { groups: 3, keys: 6, names: 5, sources: 2, records: 4, overrides: 0, erased: 0 } };
    expect((await read(signedStream(lines, end))).recordCount).toBe(4);
    const dropped = signedStream(lines.slice(0, -1), end);
    expect((await refusal(read(dropped))).message).toMatch(/line 9: end\.records: the end line counts 4, the stream holds 3: lines are missing or were added/);
  });

  test('text after the end line is refused', async () => {
    const bytes = await streamBytes();
    expect((await refusal(read(Buffer.concat([bytes, Buffer.from('{}\n')])))).message).toMatch(/line 8: unexpected text after the end line/);
    expect((await refusal(read(Buffer.concat([bytes, Buffer.from('x')])))).message).toMatch(/line 8: unexpected text after the end line/);
  });
});

describe('hostile lines are refused', () => {
  test.each<[string, (lines: Json[]) => (Json | string)[], RegExp]>([
    ['a table line named __proto__', (l) => [...l, '{"__proto__":[1,2]}'], /line 7: expected a line of "groups", "keys", "names", "sources", "records", "overrides", "erased" or the end line, got the field "__proto__"/],
    ['a table line with a second field __proto__', (l) => [...l.slice(0, 6), '{"records":[],"__proto__":{"polluted":true}}'], /line 7: expected a line of .* got the fields "records", "__proto__"/],
    ['a head with a __proto__ field', (l) => ['{"format":"idweave.resolver.stream","version":1,"options":"' + l[0].options + '","nextSerial":4,"__proto__":{"polluted":true}}', ...l.slice(1)], /line 1: unexpected field "__proto__" in the head/],
    ['a record that is an object with __proto__', (l) => [...l.slice(0, 5), '{"records":[{"__proto__":{"polluted":true},"0":"r1"}]}'], /line 6: records\[0\]: expected \[id, serial, .*\], got a object/],
    ['a nextSerial beyond a double', (l) => [JSON.stringify(l[0]).replace(/"nextSerial":\d+/, '"nextSerial":1e400'), ...l.slice(1)], /line 1: nextSerial: Infinity is not an integer from 1 to 9007199254740991/],
    ['a nextSerial of 2^53', (l) => [{ ...l[0], nextSerial: 2 ** 53 }, ...l.slice(1)], /line 1: nextSerial: 9007199254740992 is not an integer from 1 to 9007199254740991/],
    ['a serial not below nextSerial', (l) => l.map((x) => (x.records ? { records: x.records.map((r: Json) => [r[0], 2 ** 53 - 1, ...r.slice(2)]) } : x)), /line 6: records\[0\]\[1\]: serial 9007199254740991 is not below nextSerial 4/],
    ['a serial of 1e400', (l) => l.map((x) => (x.records ? JSON.stringify(x).replace('["crm-1",1,', '["crm-1",1e400,') : x)), /line 6: records\[0\]\[1\]: serial Infinity is not an integer ≥ 1/],
    ['a key index of 1e300', (l) => l.map((x) => (x.records ? { records: x.records.map((r: Json) => [...r.slice(0, 7), [1e300], ...r.slice(8)]) } : x)), /line 6: records\[0\]\[7\]\[0\]: key index 1e\+300 out of range/],
    ['an updatedAt beyond a Date', (l) => l.map((x) => (x.records ? { records: x.records.map((r: Json) => [...r.slice(0, 3), 1e300, ...r.slice(4)]) } : x)), /line 6: records\[0\]\[3\]: updatedAt 1e\+300 is neither null nor a time a Date can hold/],
    ['a key kind given as a string', (l) => l.map((x) => (x.keys ? { keys: x.keys.map((k: Json) => [k[0], String(k[1]), k[2]]) } : x)), /line 3: keys\[0\]\[1\]: kind "\d" does not match key/],
    ['a record id that is a number', (l) => l.map((x) => (x.records ? { records: x.records.map((r: Json) => [7, ...r.slice(1)]) } : x)), /line 6: records\[0\]\[0\]: expected a record id \(a string\), got 7/],
    ['a payload that is an object', (l) => l.map((x) => (x.records ? { records: x.records.map((r: Json) => [...r.slice(0, 6), { city: 'Dubai' }, ...r.slice(7)]) } : x)), /line 6: records\[0\]\[6\]: expected the payload as a JSON string, got a object/],
    ['a name that is a number', (l) => l.map((x) => (x.names ? { names: [1, ...x.names.slice(1)] } : x)), /line 4: names\[0\]: expected a non-empty string, got 1/],
    ['a duplicate name across lines', (l) => l.flatMap((x) => (x.names ? [x, { names: [x.names[0]] }] : [x])), /line 5: names\[\d+\]: duplicate name "omar"/],
    ['a table that is not an array', (l) => l.map((x) => (x.sources ? { sources: 'pos' } : x)), /line 5: sources: expected an array, got "pos"/],
    ['a line that is an array', (l) => [...l.slice(0, 2), '[1,2,3]', ...l.slice(2)], /line 3: expected a JSON object, got an array/],
    ['a line that is not JSON', (l) => [...l.slice(0, 2), '{"keys":[', ...l.slice(2)], /line 3: not valid JSON: the line is damaged or cut/],
    ['a keys line after the records', (l) => [...l, { keys: [] }], /line 7: a "keys" line after the "records" lines: a snapshot stream's lines come in the order groups, keys, names, sources, records/],
    ['a head that is not first', (l) => [l[1], l[0], ...l.slice(2)], /line 1: format: expected "idweave.resolver.stream", got nothing/],
    ['another version', (l) => [{ ...l[0], version: 4 }, ...l.slice(1)], /line 1: version: 4 is not supported \(this idweave reads resolver snapshot streams of versions 1 to 3\)/],
    ['sizes in a version 2 head', (l) => [{ ...l[0], version: 2 }, ...l.slice(1)], /line 1: unexpected field "sizes" in the head/],
    ['sizes that are not an object', (l) => [{ ...l[0], sizes: [1] }, ...l.slice(1)], /line 1: sizes: expected an object of table sizes, got an array/],
    ['a size that is not a count', (l) => [{ ...l[0], sizes: { ...l[0].sizes, records: -1 } }, ...l.slice(1)], /line 1: sizes.records: -1 is not a count/],
    ['a size of an unknown table', (l) => [{ ...l[0], sizes: { ...l[0].sizes, __proto__: 5, rows: 1 } }, ...l.slice(1)], /line 1: sizes: unexpected field "rows"/],
  ])('%s', async (_label, edit, message) => {
    const error = await refusal(read(signedStream(edit(await bodyLines()))));
    expect(error.message).toMatch(message);
    expect(({} as Json).polluted).toBeUndefined();
  });

  test('a record index into the next line of its table is fine; an index past the table is not', async () => {
    const lines = await bodyLines();
    const split = lines.flatMap((x) => (x.keys ? x.keys.map((k: Json) => ({ keys: [k] })) : [x]));
    expect((await read(signedStream(split))).snapshot()).toEqual(resolverOf().snapshot());
    const past = lines.map((x) => (x.records ? { records: x.records.map((r: Json) => [...r.slice(0, 7), [6], ...r.slice(8)]) } : x));
    expect((await refusal(read(signedStream(past)))).message).toMatch(/line 6: records\[0\]\[7\]\[0\]: key index 6 out of range \(0\.\.5\)/);
  });

  test('invalid UTF-8 is refused', async () => {
    const bad = signedStream((await bodyLines()).map((l) => JSON.stringify(l).replace('Dubai', 'Dub~i')));
    bad[bad.indexOf('~')] = 0xff;
    expect((await refusal(readBytes(bad))).message).toMatch(/line 6: not valid UTF-8 text/);
  });

  test('a line longer than the limit is refused before it is held whole', async () => {
    const bytes = await streamBytes();
    // A limit just above the head: the first longer line is refused, naming it.
    const lengths = bytes.toString('utf8').split('\n').map((l) => Buffer.byteLength(l));
    const limit = lengths[0]! + 1;
    const first = lengths.findIndex((n) => n > limit);
    expect(first).toBeGreaterThan(0);
    const error = await refusal(readSnapshotStream([bytes], defaults, false, limit));
    expect(error.message).toBe(`invalid resolver snapshot: line ${first + 1}: longer than ${limit} bytes, more than a snapshot line may hold`);
    const endless = (function* () {
      for (let i = 0; i < 1000; i++) yield Buffer.alloc(1 << 16, 0x20);
    })();
    expect((await refusal(readSnapshotStream(endless, defaults, false, 1 << 20))).message).toMatch(/line 1: longer than 1048576 bytes/);
  });

  test('an object snapshot written to a file is refused with a pointer to restoreResolver', async () => {
    const error = await refusal(read(Buffer.from(JSON.stringify(resolverOf().snapshot()))));
    expect(error.message).toMatch(/line 1: format: "idweave.resolver" is an object snapshot \(from snapshot\(\)\): read it with JSON.parse and restoreResolver/);
  });

  test('verify refuses a partition that contradicts the keys', async () => {
    const lines = (await bodyLines()).map((x) => (x.records ? { records: x.records.map((r: Json) => (r[0] === 'crm-2' ? [r[0], 1, ...r.slice(2)] : r)) } : x));
    const bytes = signedStream(lines);
    expect((await read(bytes)).profile('P00000001')?.recordIds).toEqual(['crm-1', 'crm-2', 'pos-7']);
    expect((await refusal(read(bytes, { verify: true }))).message).toMatch(/records "crm-\d" and "crm-\d": both in profile P00000001, but their identifiers do not link them/);
  });
});

describe('serials are safe integers', () => {
  test('a serial above 2^32 restores, its profile id is P + base 36 and it reads back', async () => {
    const serial = 2 ** 40 - 5;
    const lines = (await bodyLines()).map((x) => (x.records ? { records: x.records.map((r: Json) => (r[0] === 'crm-2' ? [r[0], serial, ...r.slice(2)] : r)) } : x));
    lines[0] = { ...lines[0], nextSerial: serial + 1 };
    const r = await read(signedStream(lines));
    expect(r.profileOf('crm-2')).toBe(profileIdOfSerial(serial));
    expect(r.profile(profileIdOfSerial(serial))?.recordIds).toEqual(['crm-2']);
    const again = await read(await streamBytes(r));
    expect(again.snapshot()).toEqual(r.snapshot());
    expect(r.snapshot().nextSerial).toBe(serial + 1);
  });
});

describe('files and outputs', () => {
  test('options that decide keys and links must match (config_invalid), survivorship may differ', async () => {
    const bytes = await streamBytes();
    expect((await refusal(read(bytes, { defaultRegion: 'SA' }), 'config_invalid')).message).toMatch(/different matching options/);
    await expect(read(bytes, { survivorship: { default: 'mostFrequent' } })).resolves.toBeDefined();
    await refusal(read(bytes, { verify: 'yes' as never }), 'config_invalid');
  });

  test('a missing file or a directory is input_unreadable', async () => {
    expect((await refusal(readResolverSnapshot(join(dir, 'missing.ndjson')), 'input_unreadable')).message).toMatch(/cannot read the snapshot .*missing\.ndjson: .*ENOENT/);
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    await refusal(readResolverSnapshot(sub), 'input_unreadable');
  });

  test('an unwritable path is output_unwritable, and leaves nothing behind', async () => {
    const error = await refusal(resolverOf().writeSnapshot(join(dir, 'no-such-dir', 's.ndjson')), 'output_unwritable');
    expect(error.message).toMatch(/cannot write the snapshot .*no-such-dir.*ENOENT/);
    const sub = join(dir, 'is-a-directory');
    mkdirSync(sub);
    await refusal(resolverOf().writeSnapshot(sub), 'output_unwritable');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a write that fails half way leaves the previous snapshot in place and no temporary file', async () => {
    const path = fresh();
    await resolverOf().writeSnapshot(path);
    const before = readFileSync(path);
    const source = pairsSource(50_000);
    const failing: SnapshotSource = {
      ...source,
      records: (function* () {
        let n = 0;
        for (const r of source.records) {
          if (++n === 30_000) throw new Error('the source failed');
          yield r;
        }
      })(),
    };
    await expect(writeSnapshotFile(failing, path)).rejects.toThrow('the source failed');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A source that fails at once, while the temporary file is still being opened.
    const broken: SnapshotSource = {
      ...pairsSource(2),
      groups: (function* () {
        yield* [];
        throw new Error('the source failed at once');
      })(),
    };
    await expect(writeSnapshotFile(broken, path)).rejects.toThrow('the source failed at once');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('edits wait for a snapshot being written (usage), reads do not', async () => {
    const a = resolverOf();
    const writing = a.writeSnapshot(fresh());
    expect(() => a.add({ id: 'new-1', emails: ['new@maf.ae'] })).toThrow(/the resolver is writing a snapshot/);
    expect(() => a.remove('crm-1')).toThrow(IdweaveError);
    expect(a.profileOf('crm-1')).toBe('P00000001');
    await writing;
    expect(a.add({ id: 'new-1', emails: ['new@maf.ae'] }).ok).toBe(true);
    await expect(a.writeSnapshot(join(dir, 'nope', 'x'))).rejects.toThrow(IdweaveError);
    expect(a.remove('new-1').ok).toBe(true);
  });

  test('a slow Writable gets backpressure: the writer waits for drain, and writes the same bytes as to a file', async () => {
    const chunks: Buffer[] = [];
    let buffered = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    const realWrite = slow.write.bind(slow);
    slow.write = ((chunk: Buffer) => {
      const ok = realWrite(chunk);
      buffered = Math.max(buffered, slow.writableLength);
      return ok;
    }) as typeof slow.write;
    const written = await writeSnapshotStream(pairsSource(20_000), slow);
    const path = fresh();
    await writeSnapshotFile(pairsSource(20_000), path);
    expect(Buffer.concat(chunks).equals(readFileSync(path))).toBe(true);
    expect(written.bytes).toBe(readFileSync(path).length);
    // Never more than one line beyond the high-water mark: the writer did wait.
    expect(buffered).toBeLessThan(16 * 1024 + 3 * MAX_LINE_CHARS);
  });

  test('a destroyed Writable is output_unwritable, not a hang', async () => {
    const out = new Writable({ highWaterMark: 1024, write: (_c, _e, done) => setImmediate(done) });
    setImmediate(() => out.destroy(new Error('disk gone')));
    await refusal(writeSnapshotStream(pairsSource(20_000), out), 'output_unwritable');
  });
});

// Wall-clock gaps include the machine's own noise (another process on a busy 2-core box can take the CPU for
// 100 ms or more); a retry tells that from a writer or reader that blocks, which fails every time (unsliced, reading
// 50k records blocks for over a second).
describe('the event loop keeps turning', { retry: 2 }, () => {
  test('writing and reading 50k records never stalls a 5 ms timer for 100 ms', async () => {
    const path = fresh();
    const write = await withStallMeter(() => writeSnapshotFile(pairsSource(50_000), path));
    expect(write.value.records).toBe(50_000);
    const readBack = await withStallMeter(() => readSnapshotFile(path, defaults));
    expect(readBack.value.liveRecords).toBe(50_000);
    expect(write.stall).toBeLessThan(100);
    expect(readBack.stall).toBeLessThan(100);
  });

  test('a resolver of 10k records writes and reads back without a stall, the same', async () => {
    const a = createResolver();
    for (let i = 0; i < 10_000; i++) a.add({ id: `c${i}`, emails: [`p${i >> 1}@maf.ae`], phones: [`050 ${String(1_000_000 + (i % 5000)).slice(1)}`], firstName: ['Sara', 'Omar'][(i >> 1) % 2]! });
    const path = fresh();
    const write = await withStallMeter(() => a.writeSnapshot(path));
    const readBack = await withStallMeter(() => readResolverSnapshot(path));
    expect(readBack.value.snapshot()).toEqual(a.snapshot());
    expect(write.stall).toBeLessThan(100);
    expect(readBack.stall).toBeLessThan(100);
  });
});
