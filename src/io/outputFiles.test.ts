import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { GoldenProfile } from '../types.js';
import { LineWriter } from './LineWriter.js';
import { csvCell, csvUnsafe, fromEvidenceJson, mappingLine, rejectLine, toEvidenceJson, toProfileJson } from './outputFiles.js';

describe('output formats', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
  ])('csvCell(%j)', (input, expected) => expect(csvCell(input)).toBe(expected));

  test('mapping line', () => expect(mappingLine('id,1', 'P1')).toBe('"id,1",P1'));

  test('profile JSON is snake_case with lineage', () => {
    const profile: GoldenProfile = {
      profileId: 'P1',
      recordIds: ['a', 'b'],
      sources: ['crm'],
      firstSeen: '2024-01-01T00:00:00Z',
      lastSeen: '2024-02-01T00:00:00Z',
      identifiers: [{ kind: 'email', value: 'a@x.com', records: 2, sources: ['crm'] }],
      fields: { firstName: { value: 'Ann', recordId: 'b', source: 'crm', rule: 'mostRecent' }, city: { value: 'Dubai', recordId: 'a', rule: 'mostFrequent' } },
    };
    expect(JSON.parse(JSON.stringify(toProfileJson(profile)))).toEqual({
      profile_id: 'P1',
      record_ids: ['a', 'b'],
      sources: ['crm'],
      first_seen: '2024-01-01T00:00:00Z',
      last_seen: '2024-02-01T00:00:00Z',
      identifiers: [{ kind: 'email', value: 'a@x.com', records: 2, sources: ['crm'] }],
      fields: { first_name: { value: 'Ann', record_id: 'b', source: 'crm', rule: 'mostRecent' }, city: { value: 'Dubai', record_id: 'a', rule: 'mostFrequent' } },
    });
  });

  test('evidence JSON round-trips', () => {
    const e = { recordA: 'a', recordB: 'b', kind: 'phone' as const, key: 'phone:+971501234567', accepted: false, guard: 'shareable' as const, why: 'first names differ' };
    const json = JSON.parse(JSON.stringify(toEvidenceJson(e)));
    expect(json).toEqual({ record_a: 'a', record_b: 'b', kind: 'phone', key: 'phone:+971501234567', accepted: false, guard: 'shareable', why: 'first names differ' });
    expect(fromEvidenceJson(json)).toEqual(e);
  });

  test('reject line', () => {
    const issues = [{ code: 'missing_id', path: '', message: 'missing id' }] as const;
    expect(JSON.parse(rejectLine({ row: 3, file: 'in.csv', input: { id: '' }, reasons: ['missing id'], issues }))).toEqual({ row: 3, file: 'in.csv', input: { id: '' }, reasons: ['missing id'], issues });
  });
});

describe('LineWriter', () => {
  test('creates the file exclusively, flushes past 1 MiB, reports bytes, lines and SHA-256 on close', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'idweave-w-'));
    const w = await LineWriter.create(path.join(dir, 'x.ndjson'));
    let flushes = 0;
    const line = 'y'.repeat(1000);
    for (let i = 0; i < 3000; i++) if (w.write(line)) (flushes++, await w.flush());
    expect(flushes).toBe(2);
    const written = await w.close();
    const text = `${line}\n`.repeat(3000);
    expect(readFileSync(path.join(dir, 'x.ndjson'), 'utf8')).toBe(text);
    expect(written).toEqual({ bytes: text.length, lines: 3000, sha256: createHash('sha256').update(text).digest('hex') });
  });

  test('a writer that does not hash takes its producer\'s checksum on close, and only such a writer does', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'idweave-w-'));
    const unhashed = await LineWriter.create(path.join(dir, 'a.ndjson'), { hashed: false });
    unhashed.write('a');
    await expect(unhashed.close()).rejects.toMatchObject({ code: 'usage' });
    expect(await unhashed.close('f'.repeat(64))).toEqual({ bytes: 2, lines: 1, sha256: 'f'.repeat(64) });
    const hashed = await LineWriter.create(path.join(dir, 'b.ndjson'));
    await expect(hashed.close('f'.repeat(64))).rejects.toMatchObject({ code: 'usage' });
  });

  test('abort removes the file; an unwritable directory is output_unwritable', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'idweave-w-'));
    const w = await LineWriter.create(path.join(dir, 'x.csv'));
    w.write('a');
    await w.abort();
    expect(readdirSync(dir)).toEqual([]);
    await expect(LineWriter.create(path.join(dir, 'missing', 'x.csv'))).rejects.toMatchObject({ code: 'output_unwritable' });
  });

  // Regression (hardening #9): a planted link was followed and its target overwritten.
  test('never writes through an existing name or a symbolic link', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'idweave-w-'));
    const victim = path.join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, path.join(dir, 'x.csv'));
    await expect(LineWriter.create(path.join(dir, 'x.csv'))).rejects.toMatchObject({ code: 'output_unwritable' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });
});

describe('csvCell --csv-safe', () => {
  // Regression (hardening #7): formula-leading cells reached mapping.csv as they came.
  test.each([
    ['=1+1', '"\'=1+1"'],
    ['+971501234567', '"\'+971501234567"'],
    ['-2', '"\'-2"'],
    ['@SUM(A1)', '"\'@SUM(A1)"'],
    ['\tx', '"\'\tx"'],
    ['\rx', '"\'\rx"'],
    ['＝1', '"\'＝1"'],
    ['=a"b', '"\'=a""b"'],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ["'=x", '"\'\'=x"'],
    ["'abc", '"\'\'abc"'],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value, true)).toBe(cell);
    // One-to-one: unquoting and csvUnsafe give the value back.
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(csvUnsafe(unquoted)).toBe(value);
  });
  test('off by default: ids stay joinable', () => {
    expect(csvCell('+971501234567')).toBe('+971501234567');
    expect(mappingLine('=x', 'P1')).toBe('=x,P1');
  });
});

