import { issueText } from '../accept/RecordIssue.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { IdweaveConfig } from '../config/configSchema.js';
import { parseConfig } from '../config/parseConfig.js';
import { filePieces } from '../io/_internal/filePieces.js';
import { createPiecePreparer, payloadFieldsOf, readPiece, type Piece } from './preparePiece.js';
import { columnRoles } from '../io/columnRoles.js';
import { FIXED_PAYLOAD_FIELDS, PayloadNames } from '../_internal/PayloadNames.js';
import fc from 'fast-check';
import { CsvRowReader } from '../io/_internal/CsvRowReader.js';
import { PROPERTY_SEED } from '../_testing/textArbitraries.js';
import { PreparedRecordCursor, type PreparedChunk } from '../engine/PreparedChunk.js';

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-prep-'));
let n = 0;
function write(content: string): string {
  const f = path.join(dir, `f${n++}.csv`);
  writeFileSync(f, content);
  return f;
}
function config(): IdweaveConfig {
  const parsed = parseConfig({});
  if (!parsed.ok) throw new Error(parsed.issues.join('\n'));
  return parsed.config;
}

/** Record ids of a chunk, in row order. */
function idsOf(c: PreparedChunk): { row: number; id: string }[] {
  const out: { row: number; id: string }[] = [];
  const rec = new PreparedRecordCursor(c);
  while (rec.next()) out.push({ row: rec.row, id: rec.text(rec.id) });
  return out;
}

/** A file cut into pieces of `pieceBytes` and prepared piece by piece, rows numbered over the file. */
async function prepareFile(file: string, pieceBytes: number, maxCellLines?: number) {
  const prepare = createPiecePreparer(config());
  let header: string[] | undefined;
  let rowBase = 0;
  const records: { row: number; id: string }[] = [];
  const rejects: { row: number; reasons: readonly string[] }[] = [];
  let multiLineRows = 0;
  for await (const raw of filePieces(file, { format: 'csv', gzip: false, pieceBytes, requiredColumns: ['id'], maxCellLines, onHeader: (h) => (header = h) })) {
    const piece: Piece = { file, format: 'csv', header, bytes: raw.bytes, atStart: raw.atStart, maxCellLines };
    const chunk = prepare(piece);
    records.push(...idsOf(chunk).map((r) => ({ row: rowBase + r.row, id: r.id })));
    rejects.push(...chunk.rejects.map((r) => ({ row: rowBase + r.row, reasons: r.issues.map(issueText) })));
    multiLineRows += chunk.multiLineRows;
    rowBase += chunk.rows;
  }
  return { records, rejects, multiLineRows, rows: rowBase };
}

// Stray quotes (a last cell that is only quotes; an opening quote never closed), legitimate multi-line cells
// (addresses, notes), malformed quotes, a quoted cell over the line limit.
const MESSY =
  'id,email,phone,address,note\n' +
  'q1,a@x.ae,0501111111,,"""\n' +
  'q2,b@x.ae,0502222222,,ok\n' +
  'q3,c@x.ae,0503333333,,x"\n' +
  'm1,m1@x.ae,,"Flat 3, Tower A\nDubai Marina\nDubai",\n' +
  'm2,m2@x.ae,,"12 Main St\r\nAbu Dhabi","Called twice.\nPrefers email"\n' +
  'b1,"broken"quote,,,\n' +
  'q4,d@x.ae,0504444444,,"\n' +
  'q5,e@x.ae,0505555555,,ok\n' +
  'q6,f@x.ae,0506666666,,"\n' +
  'l1,l1@x.ae,,,"' +
  Array.from({ length: 24 }, (_, i) => `note line ${i}`).join('\n') +
  '"\n' +
  'z1,z@x.ae,0509999999,,done\n';

describe("a run's payload field table", () => {
  test("holds the record's fields, then the headers' attribute columns in order; a piece's payloads are written with it", () => {
    const headers = [['id', 'email', 'first_name', 'tier', 'city', 'mall'], undefined, ['id', 'mall', 'note', 'EMAIL']];
    const fields = payloadFieldsOf(columnRoles({}), headers);
    expect(fields).toEqual([...FIXED_PAYLOAD_FIELDS, 'tier', 'mall', 'note']);
    const prepare = createPiecePreparer(config());
    const bytes = Buffer.from('r1,a@x.ae,Sara,gold,Dubai,City Centre\n');
    const payloadOf = (payloadFields?: readonly string[]): string => {
      const rec = new PreparedRecordCursor(prepare({ file: 'f.csv', format: 'csv', header: headers[0], bytes, atStart: true, payloadFields }));
      rec.next();
      return rec.payloadText();
    };
    // A piece brings its own copy of the table (a message to a worker thread).
    const short = payloadOf([...fields]);
    expect(short).toBe('{\x01"Sara",\x07"Dubai",\x0a"gold",\x0b"City Centre"}');
    expect(PayloadNames.of(fields).expand(short)).toBe(payloadOf());
    expect(payloadOf()).toBe('{"firstName":"Sara","city":"Dubai","tier":"gold","mall":"City Centre"}');
  });
});

describe('createPiecePreparer', () => {
  test('a chunk counts its rows with multi-line cells; rejected rows do not count', async () => {
    const got = await prepareFile(write(MESSY), 1 << 20);
    expect(got.multiLineRows).toBe(2); // m1, m2 (not q1's stray quote, not l1's 24-line note)
    expect(got.records.map((r) => r.id)).toEqual(['q2', 'q3', 'm1', 'm2', 'q5', 'z1']);
    expect(got.rejects.map((r) => [r.row, r.reasons[0]!.split(':')[0]])).toEqual([
      [1, 'stray quote'],
      [6, 'malformed quote'],
      [7, 'stray quote'],
      [9, 'malformed quote'],
      [10, 'quoted cell spans more than 20 lines (unbalanced quote?); this line is rejected and the lines after it are read as rows'],
      // l1's next 19 lines, read as rows: one cell each, wrong field count
      ...Array.from({ length: 19 }, (_, i) => [11 + i, 'expected 5 fields (as in the header), found 1']),
      // then its remaining 4 lines, read as usual (the last, `note line 23"`, is an unquoted cell)
      ...Array.from({ length: 4 }, (_, i) => [30 + i, 'expected 5 fields (as in the header), found 1']),
    ]);
    expect(got.records.at(-1)).toEqual({ row: 34, id: 'z1' });
    expect(got.rows).toBe(34);
  });

  test('pieces of any size give the records, rejects and multi-line count of one piece', async () => {
    const file = write(MESSY);
    const whole = await prepareFile(file, 1 << 20);
    for (const pieceBytes of [1, 7, 33, 64, 100, 257]) expect(await prepareFile(file, pieceBytes)).toEqual(whole);
    // With rows of at most 2 lines, m1 (3 lines) and m2 (2 multi-line cells, 3 lines in all) are rejects too.
    const bounded = await prepareFile(file, 1 << 20, 2);
    expect(bounded.multiLineRows).toBe(0);
    expect(bounded.records.map((r) => r.id)).not.toContain('m1');
    expect(bounded.records.map((r) => r.id)).not.toContain('m2');
    expect(await prepareFile(file, 1 << 20, 3)).toMatchObject({ multiLineRows: 2 });
    for (const pieceBytes of [1, 13, 64]) expect(await prepareFile(file, pieceBytes, 2)).toEqual(bounded);
  });
});

describe('resolveFiles with stray quotes, multi-line cells and CR-only line breaks', () => {
  test('every id ends in mapping.csv or rejects.ndjson, byte for byte the same for any threads and piece size', async () => {
    // The hardening issue's repro, inside a larger file; an old-Mac (CR-only) file with the same people.
    const lines = ['id,source,email,phone,first_name,note'];
    for (let i = 0; i < 300; i++) {
      const p = i % 41;
      if (i % 23 === 5) lines.push(`s${i},crm,stray${i}@gmail.com,,Sam,"""`);
      else if (i % 31 === 9) lines.push(`o${i},crm,open${i}@gmail.com,,Ola,"`);
      else if (i % 19 === 2) lines.push(`m${i},crm,person${p}@gmail.com,,"Ma\nry","line one\nline two, more"`);
      else if (i % 29 === 3) lines.push(`t${i},crm,tall${i}@gmail.com,,Tim,"${Array.from({ length: 22 }, (_, k) => `n${k}`).join('\n')}"`);
      else lines.push(`r${i},${i % 2 ? 'pos' : 'app'},person${p}@gmail.com,05012${String(p).padStart(5, '0')},Name${p},x${i % 3 === 0 ? '"' : ''}`);
    }
    const csv = write(lines.join('\n') + '\n');
    // The same rows with ids prefixed `c`, CR line breaks (and CR in the multi-line cells).
    const mac = write([lines[0], ...lines.slice(1, 80).map((l) => `c${l}`)].join('\r').replaceAll('\n', '\r') + '\r');
    const { resolveFiles } = await import('./resolveFiles.js');
    const run = async (name: string, options: { threads: number; pieceBytes?: number }): Promise<Record<string, string>> => {
      const out = path.join(dir, name);
      await resolveFiles([csv, mac], { outDir: out, ...options });
      const files: Record<string, string> = {};
      for (const f of ['mapping.csv', 'profiles.ndjson', 'rejects.ndjson', 'evidence.ndjson']) files[f] = readFileSync(path.join(out, f), 'utf8');
      return files;
    };
    const one = await run('one-thread', { threads: 0 });
    expect(await run('two-threads', { threads: 2, pieceBytes: 300 })).toEqual(one);
    expect(await run('one-thread-pieces', { threads: 0, pieceBytes: 64 })).toEqual(one);

    // Plain rows (r) and legitimate multi-line rows (m) are records; rows with a stray quote (s, o) or a cell
    // over 20 lines (t) are rejects showing their first line; no row's text is inside another's attribute.
    const mapped = new Set(one['mapping.csv']!.trim().split('\n').slice(1).map((l) => l.split(',')[0]!));
    const rejects = one['rejects.ndjson']!.trim().split('\n').map((l) => JSON.parse(l) as { file: string; row: number; reasons: string[]; input: unknown });
    const ids = [...lines.slice(1).map((l) => l.split(',')[0]!), ...lines.slice(1, 80).map((l) => `c${l.split(',')[0]!}`)];
    for (const id of ids) {
      if (/^c?[rm]\d/.test(id)) expect(mapped.has(id), id).toBe(true);
      else {
        expect(mapped.has(id), id).toBe(false);
        expect(rejects.some((r) => typeof r.input === 'string' && r.input.startsWith(`${id},`)), id).toBe(true);
      }
    }
    expect(rejects.some((r) => r.reasons[0]!.startsWith('stray quote'))).toBe(true);
    expect(rejects.some((r) => r.reasons[0]!.startsWith('quoted cell spans more than 20 lines'))).toBe(true);
    expect(one['profiles.ndjson']).not.toMatch(/\\nc?r\d+,/);
  }, 60_000);
});

// A piece is decoded as several texts (`eachText`: ASCII runs and lines with other bytes); the reader must read
// them as it reads the piece's text in one push.
describe('a piece read as several texts', () => {
  const header = ['a', 'b'];
  const onePush = (bytes: Uint8Array, maxCellLines: number) => {
    const reader = new CsvRowReader('f.csv', [], [...header], undefined, { maxCellLines });
    reader.push(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    reader.end();
    return { events: reader.take(), rows: reader.rows };
  };
  const piece = (bytes: Uint8Array, maxCellLines: number): Piece => ({ file: 'f.csv', format: 'csv', header, bytes, atStart: false, maxCellLines });

  test('any rows: quotes, multi-line cells, CR, NUL, invalid bytes, non-ASCII lines', () => {
    const cell = fc.oneof(fc.constantFrom('', 'x', 'é', 'محمد', '"', '""', '"a\nb"', '"\né\n"', '\r', '\0', '\ufffd', ',', '\n'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { maxLength: 12 }), fc.constantFrom(1, 2, 20), fc.boolean(), (rows, maxCellLines, invalid) => {
        let bytes: Uint8Array = Buffer.from(rows.map((r) => r.join(',')).join('\n') + '\n');
        if (invalid) bytes = Buffer.concat([bytes, Buffer.from([0xc3, 0x0a, 0xff, 0x2c, 0x31, 0x0a])]);
        expect(readPiece(piece(bytes, maxCellLines))).toEqual(onePush(bytes, maxCellLines));
      }),
      { seed: PROPERTY_SEED, numRuns: 400 },
    );
  });

  test('a quoted row over the row limit whose last line holds a non-ASCII byte: one row, as in one push', () => {
    const bytes = Buffer.from('"' + 'x'.repeat(17_000_000) + '\né",1\n');
    const read = readPiece(piece(bytes, 20));
    expect(read).toEqual(onePush(bytes, 20));
    expect(read.rows).toBe(1);
  });
});
