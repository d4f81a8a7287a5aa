import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCapture } from '../_testing/cli.js';
import { readPreviousRun } from '../io/previousRun.js';
import { resolve } from '../resolve.js';
import { resolveFiles } from '../batch/resolveFiles.js';
import { ResolutionBatch } from './ResolutionBatch.js';

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (text: string): string => {
  const f = path.join(dir, `in-${n++}.csv`);
  writeFileSync(f, text);
  return f;
};
const out = (): string => path.join(dir, `out-${n++}`);
const mappingOf = (o: string): Map<string, string> =>
  new Map(readFileSync(path.join(o, 'mapping.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',') as [string, string]));
const changesOf = (o: string): Record<string, unknown>[] => {
  const text = readFileSync(path.join(o, 'changes.ndjson'), 'utf8');
  // One event per line, each ended by one newline: no blank lines.
  if (text !== '') expect(text.endsWith('\n') && !text.includes('\n\n') && !text.startsWith('\n')).toBe(true);
  return text === '' ? [] : text.slice(0, -1).split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
};

const NIGHT_1 = 'id,email,phone,first_name\na1,ann@x.ae,,Ann\na2,ann@x.ae,,Ann\nb1,bob@x.ae,,Bob\nc1,cxlee@corp.ae,,Cy\nc2,cxlee@corp.ae,,Cy\n';

describe('ids over time (--previous)', () => {
  test('without --previous ids are a function of the input: any order, same ids; every profile created', async () => {
    const rows = NIGHT_1.trim().split('\n');
    const a = out();
    const b = out();
    await resolveFiles([file(NIGHT_1)], { outDir: a });
    await resolveFiles([file(`${rows[0]}\n${rows.slice(1).reverse().join('\n')}\n`)], { outDir: b });
    expect(mappingOf(b)).toEqual(mappingOf(a));
    expect([...new Set(mappingOf(a).values())].sort()).toEqual(['P00000001', 'P00000002', 'P00000003']);
    expect(changesOf(a).map((e) => e.type)).toEqual(['created', 'created', 'created']);
    expect(JSON.parse(readFileSync(path.join(a, 'identity.json'), 'utf8'))).toMatchObject({ format: 'idweave.identity', idRange: 0, nextSerial: 4, records: 5 });
  });

  test('a profile that only grew keeps its id; a split keeps it on the larger part; removed → deleted; new ids never reused', async () => {
    const a = out();
    await resolveFiles([file(NIGHT_1)], { outDir: a });
    const before = mappingOf(a);
    // Night 2: a3 joins Ann; b1 is gone; c2 changed email (Cy splits); d1 is new; a2's content changed in place.
    const night2 = 'id,email,phone,first_name\na1,ann@x.ae,,Ann\na2,ann@x.ae,+971501234567,Ann\na3,ann@x.ae,,Ann\nc1,cxlee@corp.ae,,Cy\nc2,cy2@x.ae,,Cy\nd1,dee@x.ae,,Dee\n';
    const b = out();
    const report = await resolveFiles([file(night2)], { outDir: b, previous: a });
    const after = mappingOf(b);
    expect(after.get('a3')).toBe(before.get('a1'));
    expect(after.get('a1')).toBe(before.get('a1'));
    expect(after.get('c1')).toBe(before.get('c1'));
    const fresh = [after.get('c2')!, after.get('d1')!];
    for (const id of fresh) expect([...before.values()]).not.toContain(id);
    expect(fresh.sort()).toEqual(['P00000004', 'P00000005']);
    expect(report.ids).toEqual({ range: 0, nextSerial: 6, fresh: 2 });
    const changes = changesOf(b);
    expect(changes).toContainEqual({ type: 'split', profile_id: before.get('c1'), new_ids: [after.get('c2')] });
    expect(changes).toContainEqual({ type: 'joined', profile_id: before.get('a1'), record_ids: ['a3'] });
    expect(changes).toContainEqual({ type: 'updated', profile_id: before.get('a1'), record_ids: ['a2'] });
    expect(changes).toContainEqual({ type: 'created', profile_id: after.get('d1'), record_ids: ['d1'] });
    expect(changes).toContainEqual({ type: 'deleted', profile_id: before.get('b1') });
    expect(changes.map((e) => e.type)).toEqual(['split', 'created', 'joined', 'updated', 'deleted']);
  });

  test('the same run again: no change, same ids; --previous may be the output directory itself', async () => {
    const a = out();
    const input = file(NIGHT_1);
    await resolveFiles([input], { outDir: a });
    const before = mappingOf(a);
    const r = await runCapture('resolve', input, '--out', a, '--previous', a, '--no-progress');
    expect(r.code).toBe(0);
    expect(mappingOf(a)).toEqual(before);
    expect(changesOf(a)).toEqual([]);
  });

  test('a merge keeps the oldest id and names the merged one', async () => {
    const a = out();
    await resolveFiles([file('id,email,phone,first_name,last_name\nx1,xi.lee@corp.ae,,Xi,Lee\ny1,xlee@corp.ae,+971501234567,Xi,Lee\n')], { outDir: a });
    const before = mappingOf(a);
    const b = out();
    await resolveFiles([file('id,email,phone,first_name,last_name\nx1,xi.lee@corp.ae,,Xi,Lee\ny1,xlee@corp.ae,+971501234567,Xi,Lee\nbridge,xi.lee@corp.ae,+971501234567,Xi,Lee\n')], { outDir: b, previous: a });
    const after = mappingOf(b);
    expect(after.get('x1')).toBe(after.get('y1'));
    const oldest = [before.get('x1')!, before.get('y1')!].sort()[0];
    expect(after.get('x1')).toBe(oldest);
    const merged = changesOf(b).find((e) => e.type === 'merged');
    expect(merged).toEqual({ type: 'merged', profile_id: oldest, merged_ids: [[before.get('x1')!, before.get('y1')!].sort()[1]] });
  });

  test('a previous directory without identity files, or not a run, is a clear error', async () => {
    const bogus = path.join(dir, 'bogus');
    const r = await runCapture('resolve', file(NIGHT_1), '--out', out(), '--previous', bogus, '--no-progress');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--previous .*bogus/);
  });

  test('resolve() chains in memory: result.run is the next previous', () => {
    const records = [
      { id: 'a1', emails: ['ann@x.ae'], firstName: 'Ann' },
      { id: 'b1', emails: ['bob@x.ae'], firstName: 'Bob' },
    ];
    const first = resolve(records);
    const second = resolve([...records, { id: 'a2', emails: ['ann@x.ae'], firstName: 'Ann' }], { previous: first.run });
    expect(second.mapping.get('a2')).toBe(first.mapping.get('a1'));
    expect(second.changes).toEqual([{ type: 'joined', profileId: first.mapping.get('a1'), recordIds: ['a2'] }]);
  });
});

describe('erasure (--erased)', () => {
  test('an erased record is in no output, even as a reject or in changes; report counts it; the count law holds', async () => {
    const a = out();
    await resolveFiles([file(NIGHT_1)], { outDir: a });
    const erasedList = path.join(dir, 'erased.txt');
    writeFileSync(erasedList, 'a2\nbad-row\n');
    const b = out();
    const input = file(`${NIGHT_1}bad-row,x@y.ae,,Zed\n`);
    const r = await runCapture('resolve', input, '--out', b, '--previous', a, '--erased', erasedList, '--no-progress');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(b, 'report.json'), 'utf8')) as { recordsIn: number; accepted: number; rejected: number; erased: number };
    expect(report.erased).toBe(2);
    expect(report.recordsIn).toBe(report.accepted + report.rejected + report.erased);
    for (const f of readdirSync(b)) {
      if (f.endsWith('.bin') || f.endsWith('.idx') || f === 'report.json' || f === 'report.html' || f === 'manifest.json') continue;
      expect(readFileSync(path.join(b, f), 'utf8'), f).not.toMatch(/\ba2\b|bad-row/);
    }
    // The profile a2 left changed, but no event may name a2.
    expect(changesOf(b)).toEqual([]);
    const prev = await readPreviousRun(b);
    expect(prev.size).toBe(4);
  });

  test('a duplicate of an erased id leaves no reject', async () => {
    const erasedList = path.join(dir, 'erased.csv');
    writeFileSync(erasedList, 'record_id,reason\n"q,1",gdpr\n');
    const o = out();
    const r = await runCapture('resolve', file('id,email\n"q,1",q@x.ae\n"q,1",q@x.ae\nok,ok@x.ae\n'), '--out', o, '--erased', erasedList, '--no-progress');
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(o, 'rejects.ndjson'), 'utf8')).toBe('');
    expect([...mappingOf(o).keys()]).toEqual(['ok']);
  });
});

describe('--overrides FILE', () => {
  test('never keeps two records apart, always joins them; a bad rule names the line', async () => {
    const overrides = path.join(dir, 'overrides.csv');
    writeFileSync(overrides, 'record_a,record_b,rule\na1,a2,never\nb1,c1,always\n');
    const o = out();
    const r = await runCapture('resolve', file(NIGHT_1), '--out', o, '--overrides', overrides, '--no-progress');
    expect(r.code).toBe(0);
    const m = mappingOf(o);
    expect(m.get('a1')).not.toBe(m.get('a2'));
    expect(m.get('b1')).toBe(m.get('c1'));
    writeFileSync(overrides, 'record_a,record_b,rule\na1,a2,maybe\n');
    const bad = await runCapture('resolve', file(NIGHT_1), '--out', out(), '--overrides', overrides, '--no-progress');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/line 2: rule must be never or always/);
  });
});

describe('ResolutionBatch.releaseIdentity', () => {
  test('after release the report keeps its id figures, and reading the succession fails loudly', () => {
    const batch = new ResolutionBatch();
    for (const [id, email] of [['a1', 'ann@x.ae'], ['a2', 'ann@x.ae'], ['b1', 'bob@x.ae']] as const) batch.add({ id, emails: [email] });
    batch.link();
    const before = batch.report().ids;
    const created = [...batch.changes()].length;
    batch.releaseIdentity();
    expect(batch.report().ids).toEqual(before);
    expect(batch.idState()).toEqual({ idRange: before.range, nextSerial: before.nextSerial });
    expect(created).toBe(2);
    expect(() => batch.changes()).toThrow(/released/);
    expect(() => batch.fingerprints()).toThrow(/released/);
    expect(() => batch.asPreviousRun()).toThrow(/released/);
    expect([...batch.profiles()].length).toBe(2);
  });
});
