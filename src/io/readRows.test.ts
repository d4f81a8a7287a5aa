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

describe('CSV: stray quotes, multi-line cells, line endings', () => {
  const STRAY = 'stray quote: a quoted cell takes in the next lines, which each read as a row; this line is rejected and those lines are read as rows';
  const MALFORMED = 'malformed quote: a quoted cell is not closed, or text follows its closing quote';
  const readWith = async (f: string, options: { chunkBytes?: number; maxCellLines?: number } = {}): Promise<RowEvent[]> => {
    const out: RowEvent[] = [];
    for await (const ev of readRows(f, { requiredColumns: ['id'], ...options })) out.push(ev);
    return out;
  };
  const rowsOf = (evs: RowEvent[]) => evs.map((e) => ('error' in e ? { row: e.row, error: e.error, input: e.input } : { row: e.row, ...e.fields, ...(e.lines ? { lines: e.lines } : {}) }));

  test.each([1 << 20, 5, 1])('a stray quote in a last cell: its row is a reject, the lines it took in are rows (chunk %i)', async (chunkBytes) => {
    // The hardening issue's repro: today q1's note swallows q2 and q3, which end in neither output.
    const f = file('.csv', 'id,email,note\nq1,a@x.ae,"""\nq2,b@x.ae,ok\nq3,c@x.ae,x"\nq4,d@x.ae,ok\n');
    expect(rowsOf(await readWith(f, { chunkBytes }))).toEqual([
      { row: 1, error: STRAY, input: 'q1,a@x.ae,"""' },
      { row: 2, id: 'q2', email: 'b@x.ae', note: 'ok' },
      { row: 3, id: 'q3', email: 'c@x.ae', note: 'x"' },
      { row: 4, id: 'q4', email: 'd@x.ae', note: 'ok' },
    ]);
  });

  test('two stray quotes that pair up: neither row takes in the other rows', async () => {
    const f = file('.csv', 'id,email,note\r\nq1,a@x.ae,"\r\nq2,b@x.ae,ok\r\nq3,c@x.ae,"\r\nq4,d@x.ae,ok\r\n');
    expect(rowsOf(await readWith(f))).toEqual([
      { row: 1, error: STRAY, input: 'q1,a@x.ae,"' },
      { row: 2, id: 'q2', email: 'b@x.ae', note: 'ok' },
      { row: 3, error: MALFORMED, input: 'q3,c@x.ae,"' },
      { row: 4, id: 'q4', email: 'd@x.ae', note: 'ok' },
    ]);
  });

  test.each([1 << 20, 7])('legitimate multi-line cells (addresses, notes) are kept and carry their line count (chunk %i)', async (chunkBytes) => {
    const f = file(
      '.csv',
      'id,name,address,email,note\n' +
        'a1,"Doe, John","Flat 3, Tower A\nDubai Marina\nDubai",a1@x.ae,\n' +
        'a2,Ann,"12 Main St\r\nAbu Dhabi",a2@x.ae,"Called twice.\nPrefers email, not phone.\n\nFollow up in May"\n' +
        'a3,Bo,,b@x.ae,"she said ""hi""\nthen left"\n' +
        'a4,Cy,one line,c@x.ae,x\n',
    );
    expect(rowsOf(await readWith(f, { chunkBytes }))).toEqual([
      { row: 1, id: 'a1', name: 'Doe, John', address: 'Flat 3, Tower A\nDubai Marina\nDubai', email: 'a1@x.ae', note: '', lines: 3 },
      { row: 2, id: 'a2', name: 'Ann', address: '12 Main St\r\nAbu Dhabi', email: 'a2@x.ae', note: 'Called twice.\nPrefers email, not phone.\n\nFollow up in May', lines: 5 },
      { row: 3, id: 'a3', name: 'Bo', address: '', email: 'b@x.ae', note: 'she said "hi"\nthen left', lines: 2 },
      { row: 4, id: 'a4', name: 'Cy', address: 'one line', email: 'c@x.ae', note: 'x' },
    ]);
  });

  test('a multi-line address before the last column is kept, even when its last line reads as a row of the header width', async () => {
    // `Dubai, UAE",a@x.ae` reads on its own as 3 cells, but the first line `a1,"12 Main St` is short of the
    // email cell: not a stray quote (which leaves its row's first line whole).
    const f = file('.csv', 'id,address,email\na1,"12 Main St\nDubai, UAE",a@x.ae\na2,"Villa 3\nMarina, Dubai, UAE",b@x.ae\n');
    expect(rowsOf(await readWith(f))).toEqual([
      { row: 1, id: 'a1', address: '12 Main St\nDubai, UAE', email: 'a@x.ae', lines: 2 },
      { row: 2, id: 'a2', address: 'Villa 3\nMarina, Dubai, UAE', email: 'b@x.ae', lines: 2 },
    ]);
    // A stray quote in a middle cell leaves the first line whole (3 cells, 4 with the comma in its text).
    const g = file('.csv', 'id,address,email\nt1,"Villa 3, Marina,t@x.ae\nt2,Jumeirah,u@x.ae\nt3,5",v@x.ae\n');
    expect((await readWith(g)).map((e) => ('error' in e ? e.error.split(':')[0] : e.fields.id))).toEqual(['stray quote', 't2', 't3']);
  });

  test('a quoted cell over maxCellLines lines (default 20) is a reject; the lines after its first are read as rows', async () => {
    const note = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');
    const f = file('.csv', `id,note\nok20,"${note(20)}"\nlong21,"${note(21)}"\nafter,x\n`);
    const evs = await readWith(f);
    expect(evs[0]).toMatchObject({ row: 1, fields: { id: 'ok20', note: note(20) }, lines: 20 });
    // long21's first line is the reject; its next 19 lines (up to the 21st line break) are rows of one cell
    // (wrong field count), then reading goes on normally: `line 21"` and `after,x`.
    expect(evs[1]).toEqual({ file: f, row: 2, error: expect.stringMatching(/^quoted cell spans more than 20 lines/), input: 'long21,"line 1' });
    expect(evs.slice(2, 21).every((e) => 'error' in e && e.error === 'expected 2 fields (as in the header), found 1')).toBe(true);
    expect(evs.slice(21).map((e) => ('error' in e ? e.error : e.fields))).toEqual(['expected 2 fields (as in the header), found 1', { id: 'after', note: 'x' }]);
    // A smaller bound.
    const small = await readWith(file('.csv', 'id,note\nn1,"a\nb\nc"\nn2,"open\nr1,x\nr2,y\nr3,z\n'), { maxCellLines: 3 });
    expect(rowsOf(small)).toEqual([
      { row: 1, id: 'n1', note: 'a\nb\nc', lines: 3 },
      { row: 2, error: expect.stringMatching(/^quoted cell spans more than 3 lines/), input: 'n2,"open' },
      { row: 3, id: 'r1', note: 'x' },
      { row: 4, id: 'r2', note: 'y' },
      { row: 5, id: 'r3', note: 'z' },
    ]);
  });

  test.each([1 << 20, 3, 1])('CR-only line endings (old Mac files) are read (chunk %i)', async (chunkBytes) => {
    // Today: one line, read as a header with `ann@corp.ae` twice.
    const f = file('.csv', 'id,email,note\rann1,ann@corp.ae,"two\rlines"\rann2,ann@corp.ae,x\r\rann3,b@x.ae,');
    expect(rowsOf(await readWith(f, { chunkBytes }))).toEqual([
      { row: 1, id: 'ann1', email: 'ann@corp.ae', note: 'two\nlines', lines: 2 },
      { row: 2, id: 'ann2', email: 'ann@corp.ae', note: 'x' },
      { row: 3, id: 'ann3', email: 'b@x.ae', note: '' },
    ]);
    const headerOnly = file('.csv', '\uFEFFid,email\r');
    expect(await readWith(headerOnly, { chunkBytes })).toEqual([]);
  });

  test.each([
    ['a missing id column', 'ann1,ann@corp.ae,0501234567\nann2,bob@corp.ae,0507654321\n', /no "id" column: the first row looks like data, not column names \(file has no header row\?\)/],
    ['a repeated cell', 'c1,ann@corp.ae,ann@corp.ae\n', /bad header row: the first row looks like data, not column names/],
    ['a repeated phone', 'id,+971 50 123 4567,+971 50 123 4567\n', /bad header row: the first row looks like data/],
    ['a malformed quote', 'id,"ann@corp.ae\n', /header row has a malformed quote$/],
  ])('a file without a header row: errors print none of its first row (%s)', async (_label, content, message) => {
    const err = (await readWith(file('.csv', content)).catch((e: unknown) => e)) as IdweaveError;
    expect(err).toBeInstanceOf(IdweaveError);
    expect(err.code).toBe('input_invalid');
    expect(err.message).toMatch(message);
    for (const text of [err.message, ...err.issues]) expect(text).not.toMatch(/ann@corp|bob@corp|050\d|123 4567/);
  });

  test('column names that look like names are still named in header errors', async () => {
    const dup = (await readWith(file('.csv', 'id,email,email\n')).catch((e: unknown) => e)) as IdweaveError;
    expect(dup.message).toMatch(/column "email" appears twice/);
    const missing = (await readWith(file('.csv', 'customer,email\n')).catch((e: unknown) => e)) as IdweaveError;
    expect(missing.message).toMatch(/columns found: customer, email/);
  });
});
