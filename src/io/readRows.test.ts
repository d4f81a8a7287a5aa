import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { IdweaveError } from '../errors.js';
import { readRows, type RowEvent } from './readRows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-read-'));
let n = 0;
function file(ext: string, content: string | Buffer): string {
  const f = path.join(dir, `f${n++}${ext}`);
  writeFileSync(f, content);
  return f;
}
async function read(f: string, chunkBytes?: number, requiredColumns = ['id']): Promise<RowEvent[]> {
  const out: RowEvent[] = [];
  for await (const ev of readRows(f, { requiredColumns, chunkBytes })) out.push(ev);
  return out;
}
const summary = (evs: RowEvent[]) => evs.map((e) => ('error' in e ? { row: e.row, error: e.error } : { row: e.row, ...e.fields }));

describe('CSV', () => {
  test.each([1 << 20, 7, 1])('quoted newlines, quotes, commas; chunk size %i', async (chunk) => {
    const f = file('.csv', 'id,name,note\n1,"Doe, John","line1\nline2"\n2,"say ""hi""",x\n3,plain,\n');
    expect(summary(await read(f, chunk))).toEqual([
      { row: 1, id: '1', name: 'Doe, John', note: 'line1\nline2' },
      { row: 2, id: '2', name: 'say "hi"', note: 'x' },
      { row: 3, id: '3', name: 'plain', note: '' },
    ]);
  });

  test.each([1 << 20, 5])('CRLF line endings and a BOM; chunk size %i', async (chunk) => {
    const f = file('.csv', '\uFEFFid,email\r\n1,a@x.com\r\n2,"b@x.com"\r\n\r\n3,c@x.com');
    expect(summary(await read(f, chunk))).toEqual([
      { row: 1, id: '1', email: 'a@x.com' },
      { row: 2, id: '2', email: 'b@x.com' },
      { row: 3, id: '3', email: 'c@x.com' },
    ]);
  });

  test('wrong field counts are errors naming expected and found; reading goes on', async () => {
    const f = file('.csv', 'id,email\n1,a@x.com,extra\n2\n3,c@x.com\n');
    expect(summary(await read(f))).toEqual([
      { row: 1, error: 'expected 2 fields (as in the header), found 3' },
      { row: 2, error: 'expected 2 fields (as in the header), found 1' },
      { row: 3, id: '3', email: 'c@x.com' },
    ]);
  });

  test.each([1 << 20, 3])('malformed and unbalanced quotes: the line is reported, the next rows survive (chunk %i)', async (chunk) => {
    const f = file('.csv', 'id,name\n1,"abc"def\n2,ok\n3,"never closed\n4,fine\n');
    const evs = await read(f, chunk);
    expect(summary(evs)).toEqual([
      { row: 1, error: 'malformed quote: a quoted cell is not closed, or text follows its closing quote' },
      { row: 2, id: '2', name: 'ok' },
      { row: 3, error: 'malformed quote: a quoted cell is not closed, or text follows its closing quote' },
      { row: 4, id: '4', name: 'fine' },
    ]);
    expect((evs[0] as { input: string }).input).toBe('1,"abc"def');
  });

  test('invalid UTF-8 and NUL bytes are row errors naming the field', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\n1,ok\n2,bad'), Buffer.from([0xc3, 0x28]), Buffer.from('\n3,nul\0x\n4,fine\n')]);
    expect(summary(await read(file('.csv', bytes)))).toEqual([
      { row: 1, id: '1', name: 'ok' },
      { row: 2, error: 'field "name": invalid UTF-8' },
      { row: 3, error: 'field "name": NUL byte (binary data)' },
      { row: 4, id: '4', name: 'fine' },
    ]);
  });

  test('a cell over 1 MiB is an error for that row only', async () => {
    const big = 'x'.repeat((1 << 20) + 10);
    const evs = await read(file('.csv', `id,note\n1,${big}\n2,small\n3,"${big}"\n`));
    expect(summary(evs)).toEqual([
      { row: 1, error: `field "note": cell longer than 1 MiB (${big.length} characters)` },
      { row: 2, id: '2', note: 'small' },
      { row: 3, error: `field "note": cell longer than 1 MiB (${big.length} characters)` },
    ]);
    expect((evs[0] as { input: string }).input.length).toBeLessThan(70_000);
  });

  test('.csv.gz is gunzipped', async () => {
    const f = file('.csv.gz', gzipSync('id,email\n1,a@x.com\n'));
    expect(summary(await read(f))).toEqual([{ row: 1, id: '1', email: 'a@x.com' }]);
  });

  test.each([
    ['empty file', '', /empty file: no header row/],
    ['only blank lines', '\n\n', /empty file: no header row/],
    ['missing id column', 'email,name\na,b\n', /no "id" column \(columns found: email, name\)/],
    ['duplicate column', 'id,email,email\n', /column "email" appears twice/],
    ['binary junk', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0xff, 0xfe]), /not valid UTF-8/],
  ])('fatal: %s', async (_label, content, message) => {
    const f = file('.csv', content);
    const err = await read(f).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IdweaveError);
    expect((err as IdweaveError).code).toBe('input_invalid');
    expect((err as IdweaveError).message).toContain(f);
    expect((err as IdweaveError).message).toMatch(message);
  });

  test('a renamed id column satisfies the check', async () => {
    const f = file('.csv', 'customer_no,email\nc1,a@x.com\n');
    expect(summary(await read(f, undefined, ['customer_no']))).toEqual([{ row: 1, customer_no: 'c1', email: 'a@x.com' }]);
  });
});

describe('NDJSON', () => {
  test('objects, bad JSON, non-objects, invalid UTF-8; rows are line numbers', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"id":"1","emails":["a@x.com"]}\r\n\n{"id": 2\n[1,2]\n"str"\n{"id":"'),
      Buffer.from([0xff]),
      Buffer.from('"}\n{"id":"7"}'),
    ]);
    const evs = await read(file('.ndjson', bytes));
    expect(evs.map((e) => ('error' in e ? [e.row, e.error.split(':')[0]] : [e.row, e.fields.id]))).toEqual([
      [1, '1'],
      [3, 'invalid JSON'],
      [4, 'expected a JSON object, found an array'],
      [5, 'expected a JSON object, found string'],
      [6, 'invalid UTF-8'],
      [7, '7'],
    ]);
  });

  test.each(['.jsonl', '.ndjson.gz'])('%s', async (ext) => {
    const text = '{"id":"a"}\n{"id":"b"}\n';
    const evs = await read(file(ext, ext.endsWith('.gz') ? gzipSync(text) : text), 4);
    expect(evs.map((e) => ('fields' in e ? e.fields.id : e.error))).toEqual(['a', 'b']);
  });
});

describe('files', () => {
  test('not found → input_unreadable naming the file', async () => {
    const f = path.join(dir, 'nope.csv');
    await expect(read(f)).rejects.toMatchObject({ code: 'input_unreadable', message: `${f}: file not found` });
  });
  test('a directory → input_unreadable', async () => {
    await expect(read(path.join(dir, '..', path.basename(dir)) + '/')).rejects.toThrow(IdweaveError);
  });
  test('unknown extension → input_invalid', async () => {
    await expect(read(file('.txt', 'id\n1\n'))).rejects.toMatchObject({ code: 'input_invalid' });
  });
  test('corrupt gzip → input_unreadable', async () => {
    await expect(read(file('.csv.gz', 'not gzip at all'))).rejects.toMatchObject({ code: 'input_unreadable', message: expect.stringContaining('corrupt gzip') });
  });
});
