import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { filePieces, type FilePiecesOptions } from './filePieces.js';
import type { RowEvent } from '../RowEvent.js';
import { CsvRowReader } from './CsvRowReader.js';
import { PieceBuffers } from './PieceBuffers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-pieces-'));
let n = 0;
function write(content: string | Buffer, ext = 'csv'): string {
  const f = path.join(dir, `f${n++}.${ext}`);
  writeFileSync(f, content);
  return f;
}
async function cut(file: string, options: Partial<FilePiecesOptions> = {}): Promise<{ header?: string[]; pieces: string[] }> {
  let header: string[] | undefined;
  const pieces: string[] = [];
  for await (const p of filePieces(file, { format: 'csv', gzip: false, pieceBytes: 16, onHeader: (h) => (header = h), ...options })) {
    pieces.push(Buffer.from(p.bytes).toString('utf8'));
  }
  return { header, pieces };
}

describe('filePieces', () => {
  test('reads the header, then cuts data rows at newlines into pieces that join back to the file', async () => {
    const body = 'a,b@x.com\nb,c@x.com\nc,d@x.com\nd,e@x.com\n';
    const { header, pieces } = await cut(write(`id,email\n${body}`));
    expect(header).toEqual(['id', 'email']);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(body);
    for (const p of pieces) expect(p.endsWith('\n')).toBe(true);
  });

  test('pieces are in shared memory of their own, the last one too (a worker reads them without a copy)', async () => {
    const file = write(`id,email\n${'a,b@x.com\n'.repeat(10)}`);
    const pieces: Uint8Array[] = [];
    for await (const p of filePieces(file, { format: 'csv', gzip: false, pieceBytes: 16 })) pieces.push(p.bytes);
    expect(pieces.length).toBeGreaterThan(1);
    for (const b of pieces) {
      expect(b.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(b.byteOffset).toBe(0);
      expect(b.buffer.byteLength).toBe(b.length);
    }
  });

  test('with reused buffers, pieces are the same bytes; at most as many buffers as pieces held at once', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `r${i},x${i}@x.com\n`).join('');
    const file = write(`id,email\n${body}`);
    const buffers = new PieceBuffers(64);
    const held: Uint8Array[] = [];
    let joined = '';
    for await (const p of filePieces(file, { format: 'csv', gzip: false, pieceBytes: 16, buffers })) {
      expect(p.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
      held.push(p.bytes);
      // Three in flight, as a reader applying pieces in order holds them; the oldest given back.
      if (held.length > 3) {
        const done = held.shift()!;
        joined += Buffer.from(done).toString('utf8');
        buffers.release(done);
      }
    }
    for (const b of held) joined += Buffer.from(b).toString('utf8');
    expect(joined).toBe(body);
    expect(buffers.slots).toBe(4);
  });

  test('never cuts inside a quoted cell that holds newlines', async () => {
    const body = 'a,"line 1\nline 2\nline 3\nline 4"\nb,"x ""quoted"" y\n z"\nc,plain\n';
    const { pieces } = await cut(write(`id,note\n${body}`));
    expect(pieces.join('')).toBe(body);
    for (const p of pieces) expect((p.match(/"/g) ?? []).length % 2).toBe(0);
  });

  test('rows read piece by piece are the rows read in one go (property, pinned seed)', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'x', 'a b', '"q"', 'two\nlines', 'c,d', 'é'), fc.string({ maxLength: 6 }));
    // Raw cells written as they are, quoting mistakes included: stray quotes in unquoted cells (`5" screen`),
    // text after a closing quote, quotes never closed, spaces and CR after a closing quote.
    const raw = fc.constantFrom('5" screen', '"a"b', '"open', '"ok" ', '"x"\r', 'say "hi"', '""', '"multi\nline"');
    const written = fc.oneof(
      { weight: 3, arbitrary: cell.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)) },
      { weight: 1, arbitrary: raw },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(written, written), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), async (rows, pieceBytes) => {
        const text = `k,v\n${rows.map(([a, b]) => `${a},${b}`).join('\n')}\n`;
        const file = write(text);
        const whole = new CsvRowReader(file, []);
        whole.push(text);
        whole.end();
        const expected = whole.take();
        const { header, pieces } = await cut(file, { pieceBytes });
        const got = [];
        for (const p of pieces) {
          const r = new CsvRowReader(file, [], header);
          r.push(p);
          r.end();
          got.push(...r.take().map((e) => ('fields' in e ? e.fields : e.error)));
        }
        expect(got).toEqual(expected.map((e) => ('fields' in e ? e.fields : e.error)));
      }),
      { seed: 20261130, numRuns: 400 },
    );
  });

  /** Events as compared across ways of reading: fields with their line count, or an error with its input. */
  const comparable = (evs: RowEvent[]) => evs.map((e) => ('fields' in e ? { fields: e.fields, lines: e.lines } : { error: e.error, input: e.input }));
  const readWhole = (file: string, text: string, maxCellLines?: number) => {
    const whole = new CsvRowReader(file, [], undefined, undefined, { maxCellLines });
    whole.push(text);
    whole.end();
    return comparable(whole.take());
  };
  const readPieces = async (file: string, pieceBytes: number, maxCellLines?: number, gzip = false) => {
    const { header, pieces } = await cut(file, { pieceBytes, maxCellLines, gzip });
    const got = [];
    for (const p of pieces) {
      const r = new CsvRowReader(file, [], header, undefined, { maxCellLines });
      r.push(p);
      r.end();
      got.push(...comparable(r.take()));
    }
    return got;
  };

  test('stray quotes, multi-line cells, maxCellLines: rows read piece by piece are the rows read in one go (property, pinned seed)', async () => {
    // Rows of three cells, some mixing in stray quotes (a cell that is only a quote, an opening quote never
    // closed, a quote ending an unquoted cell, which closes a stray one), legitimate multi-line cells, and the
    // occasional short or blank row; any piece size and several bounds on the lines a row may span.
    const plain = fc.constantFrom('', 'x', 'a@x.ae', '0501234567', 'é', 'a b');
    const quoted = fc.constantFrom('"two\nlines"', '"a, b"', '"three\nshort\nlines"', '"say ""hi"""', '"x\r\ny"', '"ok" ', '"a,\nb,c"');
    const stray = fc.constantFrom('"', '"""', 'x"', '"open', '5" tv', '"a"b', '""', '"\n', '"q\nr,s,t\nu"');
    const cell = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 2, arbitrary: quoted }, { weight: 2, arbitrary: stray });
    const row = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(cell, cell, cell).map((c) => c.join(',')) },
      { weight: 1, arbitrary: fc.tuple(cell, cell).map((c) => c.join(',')) },
      { weight: 1, arbitrary: fc.constant('') },
    );
    let strays = 0;
    let multiLine = 0;
    let tooMany = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 40 }),
        fc.integer({ min: 1, max: 80 }),
        fc.constantFrom(1, 2, 3, 5, 20),
        fc.constantFrom('\n', '\r\n'),
        async (rows, pieceBytes, maxCellLines, eol) => {
          const text = `a,b,c${eol}${rows.join(eol)}${eol}`;
          const file = write(text);
          const expected = readWhole(file, text, maxCellLines);
          strays += expected.filter((e) => e.error?.startsWith('stray quote')).length;
          tooMany += expected.filter((e) => e.error?.startsWith('quoted cell spans more than')).length;
          multiLine += expected.filter((e) => e.lines !== undefined).length;
          expect(await readPieces(file, pieceBytes, maxCellLines)).toEqual(expected);
        },
      ),
      { seed: 20270214, numRuns: 500 },
    );
    // The generator reaches every rule.
    expect(Math.min(strays, multiLine, tooMany)).toBeGreaterThan(20);
  });

  test('a stray quote: the lines it took in stay in one piece with its row, for every piece size', async () => {
    const text = 'id,email,note\nq1,a@x.ae,"""\nq2,b@x.ae,ok\nq3,c@x.ae,x"\nq4,d@x.ae,ok\n';
    const file = write(text);
    const expected = readWhole(file, text);
    expect(expected[0]!.error).toMatch(/^stray quote/);
    expect(expected.slice(1).map((e) => e.fields?.id)).toEqual(['q2', 'q3', 'q4']);
    for (let pieceBytes = 1; pieceBytes <= text.length; pieceBytes++) expect(await readPieces(file, pieceBytes)).toEqual(expected);
  });

  test('CR-only line breaks (old Mac files): the header is read and pieces hold LF line breaks', async () => {
    const text = 'id,email,note\ra1,ann@corp.ae,"two\rlines"\ra2,bob@corp.ae,x\r\ra3,c@x.ae,';
    const file = write(text);
    const { header, pieces } = await cut(file, { pieceBytes: 8 });
    expect(header).toEqual(['id', 'email', 'note']);
    expect(pieces.join('')).toBe('a1,ann@corp.ae,"two\nlines"\na2,bob@corp.ae,x\n\na3,c@x.ae,');
    const expected = readWhole(file, text);
    expect(expected.map((e) => e.fields)).toEqual([
      { id: 'a1', email: 'ann@corp.ae', note: 'two\nlines' },
      { id: 'a2', email: 'bob@corp.ae', note: 'x' },
      { id: 'a3', email: 'c@x.ae', note: '' },
    ]);
    for (const pieceBytes of [1, 5, 13, 64]) expect(await readPieces(file, pieceBytes)).toEqual(expected);
    const gz = write(gzipSync(Buffer.from(text)), 'csv.gz');
    expect(await readPieces(gz, 7, undefined, true)).toEqual(expected);
    // A file that is only a header ending in a CR.
    expect(await cut(write('id,email\r'))).toEqual({ header: ['id', 'email'], pieces: [] });
  });

  test('a header row with an unclosed quote or an over-long quoted cell is the same error as for the sequential reader', async () => {
    await expect(cut(write('id,"email\na,b\n'))).rejects.toThrow(/header row has a malformed quote/);
    const long = `id,"note${'\nx'.repeat(30)}"\n`;
    await expect(cut(write(long))).rejects.toThrow(/header row has a quoted cell that spans more than 20 lines/);
  });

  test('a BOM and blank lines before the header, CRLF, no final newline, gzip', async () => {
    const text = '\uFEFF\n\r\nid,email\r\na,b@x.com\r\nb,c@x.com';
    const plain = await cut(write(text));
    expect(plain.header).toEqual(['id', 'email']);
    expect(plain.pieces.join('')).toBe('a,b@x.com\r\nb,c@x.com');
    const gz = await cut(write(gzipSync(Buffer.from(text)), 'csv.gz'), { gzip: true });
    expect(gz).toEqual(plain);
  });

  test('an empty file, or one without a header row, is the same error as for the sequential reader', async () => {
    await expect(cut(write(''))).rejects.toThrow(/empty file: no header row/);
    await expect(cut(write('\n\n'))).rejects.toThrow(/empty file: no header row/);
    await expect(cut(write('email\na@x.com\n'), { requiredColumns: ['id'] })).rejects.toThrow(/no "id" column/);
    expect(await cut(write('id,email\n'))).toEqual({ header: ['id', 'email'], pieces: [] });
  });

  test('an unbalanced quote cannot hold the rest of the file in one piece', async () => {
    // 20 MiB after a quote that never closes: no even-quote cut point anywhere.
    const rows = 'r,v\n'.repeat(5 * 1024 * 1024);
    const text = `id,v\nbad,"never closed\n${rows}`;
    const sizes: number[] = [];
    for await (const p of filePieces(write(text), { format: 'csv', gzip: false, pieceBytes: 1 << 20 })) sizes.push(p.bytes.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(Buffer.byteLength(text) - 'id,v\n'.length);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual((1 << 24) + 2 * (1 << 20));
  });

  test('NDJSON: pieces end at newlines and keep every byte', async () => {
    const text = '{"id":"a"}\n\n{"id":"b","note":"x"}\n{"id":"c"}';
    const pieces: string[] = [];
    for await (const p of filePieces(write(text, 'ndjson'), { format: 'ndjson', gzip: false, pieceBytes: 8 })) pieces.push(Buffer.from(p.bytes).toString());
    expect(pieces.join('')).toBe(text);
    expect(pieces.slice(0, -1).every((p) => p.endsWith('\n'))).toBe(true);
  });
});
