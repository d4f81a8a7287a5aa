import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { isIdweaveError } from '../errors.js';
import { firstSerialOfRange, profileIdOfSerial } from '../identity/profileIds.js';
import type { CustomerRecord } from '../types.js';
import { createResolver, restoreResolver, type Resolver } from './createResolver.js';
import { readResolverSnapshot } from '../batch/readResolverSnapshot.js';
import { resolveFiles } from '../batch/resolveFiles.js';
import { resolverFromBatch } from '../batch/resolverFromBatch.js';

// Erasure that sticks in the resolver: remove(id, { erase: true }) leaves a tombstone that add and apply respect,
// erasedIds() lists for the batch's --erased file, unerase() lifts, and every way of making a resolver can seed.

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-erasure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const omar: CustomerRecord = { id: 'crm-1', source: 'crm', emails: ['omar.saleh@gmail.com'], phones: ['050 123 4567'], firstName: 'Omar', lastName: 'Saleh' };
const omarPos: CustomerRecord = { id: 'pos-7', source: 'pos', emails: ['omarsaleh@googlemail.com'], firstName: 'Omar' };
const sara: CustomerRecord = { id: 'app-3', emails: ['sara.k@maf.ae'], firstName: 'Sara' };

function ok<T extends { ok: boolean }>(result: T): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

function withRecords(records: readonly CustomerRecord[] = [omar, omarPos, sara]): Resolver {
  const r = createResolver();
  for (const rec of records) ok(r.add(rec));
  return r;
}

function configError(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(isIdweaveError(e) && e.code).toBe('config_invalid');
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('remove(id, { erase: true })', () => {
  test('removes the record exactly as remove() does, and the id can no longer be added', () => {
    const erased = withRecords();
    const removed = withRecords();
    expect(erased.remove('pos-7', { erase: true })).toEqual(removed.remove('pos-7'));
    expect(erased.snapshot().records).toEqual(removed.snapshot().records);
    expect(erased.profileOf('pos-7')).toBeUndefined();
    expect(erased.add(omarPos)).toEqual({
      ok: false,
      reasons: ['erased: id "pos-7" was erased for good (remove with erase: true); unerase() lifts its tombstone'],
      erased: ['pos-7'],
    });
    // A plain remove leaves no tombstone: the record may come back.
    expect(removed.add(omarPos).ok).toBe(true);
  });

  test('update and apply refuse an erased id too; apply refuses the whole change and lists the erased ids', () => {
    const r = withRecords();
    ok(r.remove('pos-7', { erase: true }));
    expect(r.update(omarPos)).toMatchObject({ ok: false, reasons: [expect.stringMatching(/^erased: id "pos-7"/)], erased: ['pos-7'] });
    const before = r.snapshot();
    const applied = r.apply({ add: [omarPos, { id: 'new-1', emails: ['n@maf.ae'] }], update: [{ ...sara, firstName: 'Sarah' }] });
    expect(applied).toEqual({ ok: false, reasons: [expect.stringMatching(/^add: erased: id "pos-7"/)], erased: ['pos-7'] });
    expect(r.snapshot()).toEqual(before);
    expect(r.apply({ update: [omarPos] })).toMatchObject({ ok: false, erased: ['pos-7'] });
  });

  test('an id that is not live is erased too (removed before, or not received yet), once however often it is asked', () => {
    const r = withRecords();
    ok(r.remove('crm-1'));
    expect(r.remove('crm-1', { erase: true })).toEqual({ ok: true, events: [] });
    expect(r.remove('later-9', { erase: true })).toEqual({ ok: true, events: [] });
    expect(r.remove('later-9', { erase: true })).toEqual({ ok: true, events: [] });
    expect(r.add({ id: 'later-9', emails: ['l9@maf.ae'] }).ok).toBe(false);
    expect(r.erasedIds()).toEqual(['crm-1', 'later-9']);
    // Without erase, an erased id is just not live.
    expect(r.remove('later-9')).toEqual({ ok: false, reasons: ['unknown id "later-9"'] });
  });

  test('erasedIds() is sorted by code unit, ready for the batch\'s --erased file', () => {
    const r = createResolver();
    for (const id of ['b', 'a-2', 'B', 'é', 'a-10']) ok(r.remove(id, { erase: true }));
    expect(r.erasedIds()).toEqual(['B', 'a-10', 'a-2', 'b', 'é']);
  });

  test('bad input is a result: an id no record can have, an erase that is not a boolean, options that are not an object', () => {
    const r = withRecords();
    expect(r.remove('', { erase: true })).toMatchObject({ ok: false });
    expect(r.remove('a\u0007b', { erase: true })).toMatchObject({ ok: false, reasons: [expect.stringMatching(/control character U\+0007/)] });
    expect(r.remove(7 as never, { erase: true })).toMatchObject({ ok: false, reasons: ['id 7: expected a string'] });
    expect(r.remove('crm-1', { erase: 'yes' as never })).toEqual({ ok: false, reasons: ['erase: expected a boolean, got string'] });
    expect(r.remove('crm-1', 5 as never)).toEqual({ ok: false, reasons: ['options: expected { erase?: boolean }'] });
    expect(r.erasedIds()).toEqual([]);
    expect(r.recordCount).toBe(3);
  });
});

describe('unerase(id)', () => {
  test('lifts a tombstone: the id may be added again, as if it had only been removed', () => {
    const a = withRecords();
    const b = withRecords();
    ok(a.remove('pos-7', { erase: true }));
    ok(b.remove('pos-7'));
    expect(a.unerase('pos-7')).toEqual({ ok: true, events: [] });
    expect(a.erasedIds()).toEqual([]);
    expect(a.add(omarPos)).toEqual(b.add(omarPos));
    expect(a.snapshot()).toEqual(b.snapshot());
  });

  test('an id without a tombstone is refused', () => {
    const r = withRecords();
    expect(r.unerase('crm-1')).toEqual({ ok: false, reasons: ['id "crm-1" is not erased'] });
    expect(r.unerase('nobody')).toEqual({ ok: false, reasons: ['id "nobody" is not erased'] });
  });

  test('tombstones and unerase wait while a streamed snapshot is written', async () => {
    const r = withRecords();
    const writing = r.writeSnapshot(path.join(dir, `w${++n}.ndjson`));
    expect(() => r.remove('crm-1', { erase: true })).toThrow(/writing a snapshot/);
    expect(() => r.unerase('crm-1')).toThrow(/writing a snapshot/);
    expect(r.erasedIds()).toEqual([]);
    await writing;
    ok(r.remove('crm-1', { erase: true }));
  });
});

describe('the erased option', () => {
  test('createResolver takes tombstones to start with; non-strings and ids no record can have are ignored', () => {
    const r = createResolver({ erased: new Set(['pos-7', 'x-1', '', 'a\u0000', 42 as never]) });
    expect(r.erasedIds()).toEqual(['pos-7', 'x-1']);
    expect(r.add(omarPos)).toMatchObject({ ok: false, erased: ['pos-7'] });
    expect(r.add(omar).ok).toBe(true);
  });

  test('anything but an iterable object is a configuration error', () => {
    expect(configError(() => createResolver({ erased: 'pos-7' as never }))).toMatch(/erased: expected an iterable of record ids/);
    expect(configError(() => createResolver({ erased: 5 as never }))).toMatch(/erased: expected an iterable of record ids/);
    expect(configError(() => restoreResolver(createResolver().snapshot(), { erased: {} as never }))).toMatch(/erased: expected an iterable/);
  });

  test('restoring adds them to the snapshot\'s; a live record among them is removed (one step, as remove with erase)', async () => {
    const a = withRecords();
    ok(a.remove('gone-1', { erase: true }));
    const b = restoreResolver(JSON.parse(JSON.stringify(a.snapshot())), { erased: ['pos-7', 'gone-2'] });
    ok(a.remove('pos-7', { erase: true }));
    ok(a.remove('gone-2', { erase: true }));
    expect(b.snapshot()).toEqual(a.snapshot());
    const file = path.join(dir, `r${++n}.ndjson`);
    await withRecords().writeSnapshot(file);
    const c = await readResolverSnapshot(file, { erased: ['pos-7', 'gone-1', 'gone-2'] });
    expect(c.snapshot()).toEqual(a.snapshot());
  });
});

describe('resolverFromBatch(dir, { erased })', () => {
  async function batch(records: readonly CustomerRecord[], erased?: readonly string[]): Promise<string> {
    const k = ++n;
    const input = path.join(dir, `in${k}.ndjson`);
    writeFileSync(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const outDir = path.join(dir, `out${k}`);
    await resolveFiles([input], { outDir, ...(erased ? { erased } : {}) });
    return outDir;
  }

  test('seeds tombstones; a record of the run erased since is removed, with new ids from the resolver\'s range', async () => {
    const family: CustomerRecord = { id: 'crm-9', phones: ['050 123 4567'], firstName: 'Omar', lastName: 'Saleh' };
    const out = await batch([omar, omarPos, sara, family]);
    const plain = await resolverFromBatch(out);
    const r = await resolverFromBatch(out, { erased: ['crm-1', 'never-seen'] });
    expect(r.erasedIds()).toEqual(['crm-1', 'never-seen']);
    expect(r.profileOf('crm-1')).toBeUndefined();
    expect(r.recordCount).toBe(plain.recordCount - 1);
    // crm-1 held pos-7 (email) and crm-9 (phone) together: erasing it splits them, the new part from range 1.
    const ids = [r.profileOf('pos-7'), r.profileOf('crm-9')];
    expect(ids).toContain(plain.profileOf('pos-7'));
    expect(ids).toContain(profileIdOfSerial(firstSerialOfRange(1)));
    expect(r.add(omar)).toMatchObject({ ok: false, erased: ['crm-1'] });
    expect(r.add({ id: 'never-seen' }).ok).toBe(false);
    // The snapshot keeps the range and the tombstones.
    const again = restoreResolver(JSON.parse(JSON.stringify(r.snapshot())));
    expect(again.snapshot().idRange).toBe(1);
    expect(again.erasedIds()).toEqual(['crm-1', 'never-seen']);
  });

  test('the resolver\'s tombstones are the list the next batch run takes', async () => {
    const r = await resolverFromBatch(await batch([omar, omarPos, sara]));
    ok(r.remove('pos-7', { erase: true }));
    const next = await batch([omar, omarPos, sara], r.erasedIds());
    const mapping = readFileSync(path.join(next, 'mapping.csv'), 'utf8');
    expect(mapping).not.toContain('pos-7');
    expect(mapping).toContain('crm-1');
  });

  test('the run\'s resolver.ndjson holds no override table, so the overrides option is set on it', async () => {
    const out = await batch([omar, omarPos]);
    expect(JSON.parse(readFileSync(path.join(out, 'resolver.ndjson'), 'utf8').split('\n')[0]!)).toMatchObject({ version: 3, holdsOverrides: false, sizes: { records: 2 } });
    const r = await resolverFromBatch(out, { overrides: [{ recordA: 'crm-1', recordB: 'pos-7', rule: 'never' }] });
    expect(r.profileOf('crm-1')).not.toBe(r.profileOf('pos-7'));
  });

  test('erased must be iterable', async () => {
    await expect(resolverFromBatch(dir, { erased: 'crm-1' as never })).rejects.toThrow(/erased: expected an iterable of record ids/);
  });
});

describe('override ids', () => {
  test('an id no record can have is refused, since the override could never apply and no snapshot could hold it', () => {
    const r = withRecords();
    expect(r.override('crm-1', 'x\u0001', 'never')).toMatchObject({ ok: false, reasons: [expect.stringMatching(/^recordB: control character U\+0001/)] });
    expect(r.override('x'.repeat(5000), 'crm-1', 'never')).toMatchObject({ ok: false, reasons: [expect.stringMatching(/^recordA: longer than 4096 characters/)] });
    // From the option they are ignored (as the batch ignores overrides naming no record of the run).
    const fromOption = createResolver({ overrides: [{ recordA: 'crm-1', recordB: ' ', rule: 'never' }, { recordA: 'crm-1', recordB: 'pos-7', rule: 'never' }] });
    expect(fromOption.snapshot().overrides).toEqual([['crm-1', 'pos-7', 'never']]);
  });
});
