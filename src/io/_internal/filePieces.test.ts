import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { filePieces, type FilePiecesOptions } from './filePieces.js';
import { CsvRowReader } from './CsvRowReader.js';

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
