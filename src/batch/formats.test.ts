import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeAll, describe, expect, test } from 'vitest';
import { withDefaults as generatorDefaults } from '../../bench/generate/generateRecords.js';
import { writeDataset } from '../../bench/generate/writeDataset.js';
import { explainFromDir } from '../cli/explain.js';
import { readManifest } from '../io/manifest.js';
import { readRows } from '../io/readRows.js';
import { resolveFiles, type ResolveFilesOptions } from './resolveFiles.js';

// Input and output formats of the batch job: Parquet out (against the NDJSON run of the same input), Parquet in
// (against the CSV it was made from), and standard input (against the same file).

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-formats-'));
const config = { externalIds: { loyalty_id: 'loyalty' } };
let csv: string;

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
const bufferOf = (file: string): ArrayBuffer => {
  const b = readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const rejectsOf = (out: string): { row: number; file: string; input: unknown; reasons: string[] }[] => lines(path.join(out, 'rejects.ndjson')).map((l) => JSON.parse(l));
const withoutFile = (out: string): unknown[] => rejectsOf(out).map(({ file: _file, ...rest }) => rest);
/** report.json without what differs between two runs of the same input (times, memory, file names). */
const reportOf = (out: string): Record<string, unknown> => {
  const { stages: _s, peakRssBytes: _p, inputs, ...rest } = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Record<string, unknown> & { inputs: { file: string }[] };
  return { ...rest, inputs: inputs.map(({ file: _f, ...counts }) => counts) };
};
const run = (inputs: string[], out: string, options: Partial<ResolveFilesOptions> = {}) => resolveFiles(inputs, { ...config, outDir: path.join(dir, out), threads: 2, pieceBytes: 64 * 1024, ...options });

beforeAll(async () => {
  await writeDataset(generatorDefaults({ records: 3000, seed: 11 }), dir, () => {});
  csv = path.join(dir, 'records.csv');
  // A few rows the mapper rejects (no id, a duplicate id), so rejects are compared too.
  const text = readFileSync(csv, 'utf8');
  const rest = ','.repeat(text.slice(0, text.indexOf('\n')).split(',').length - 4);
  writeFileSync(csv, `${text},share-app,,nobody@corp.ae${rest}\nx-dup-1,pos,,dup@corp.ae${rest}\nx-dup-1,pos,,dup2@corp.ae${rest}\n`);
}, 120_000);

describe('--output-format parquet', () => {
  test('mapping.parquet and profiles.parquet hold what mapping.csv and profiles.ndjson hold; manifest, report and explain', async () => {
    await run([csv], 'nd');
    // Into a directory that holds an ndjson run: its mapping.csv, profiles.ndjson and explain.idx go.
    await run([csv], 'pq');
    await run([csv], 'pq', { outputFormat: 'parquet' });
    const nd = path.join(dir, 'nd');
    const pq = path.join(dir, 'pq');

    const mapping = await parquetReadObjects({ file: bufferOf(path.join(pq, 'mapping.parquet')) });
    expect(lines(path.join(nd, 'mapping.csv'))).toEqual(['record_id,profile_id', ...mapping.map((r) => `${r.record_id},${r.profile_id}`)]);
    expect(mapping.length).toBeGreaterThan(2900);

    const profiles = await parquetReadObjects({ file: bufferOf(path.join(pq, 'profiles.parquet')) });
    const expected = lines(path.join(nd, 'profiles.ndjson')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(profiles.map((p) => ({ ...p, fields: JSON.parse(p.fields as string) }))).toEqual(expected.map((p) => ({ first_seen: null, last_seen: null, ...p })));
    expect(expected.some((p) => p.first_seen !== undefined && (p.identifiers as unknown[]).length > 1)).toBe(true);

    expect(readFileSync(path.join(pq, 'rejects.ndjson'), 'utf8')).toBe(readFileSync(path.join(nd, 'rejects.ndjson'), 'utf8'));
    expect(reportOf(pq)).toEqual(reportOf(nd));

    const manifest = await readManifest(pq, { verify: 'checksums' });
    expect(manifest.files.map((f) => f.name)).toEqual(['changes.ndjson', 'evidence.ndjson', 'fingerprints.bin', 'identity.json', 'mapping.parquet', 'profiles.parquet', 'rejects.ndjson', 'report.html', 'report.json', 'resolver.ndjson']);
    expect(manifest.files.find((f) => f.name === 'mapping.parquet')!.lines).toBe(mapping.length);
    expect(manifest.files.find((f) => f.name === 'profiles.parquet')!.lines).toBe(profiles.length);
    for (const gone of ['mapping.csv', 'profiles.ndjson', 'explain.idx']) expect(existsSync(path.join(pq, gone))).toBe(false);

    await expect(explainFromDir(pq, { profile: String(profiles[0]!.profile_id) })).rejects.toMatchObject({ code: 'output_invalid', message: expect.stringContaining('--output-format parquet') });
    const page = readFileSync(path.join(pq, 'report.html'), 'utf8');
    expect(page).not.toContain('idweave explain ');
    expect(page).toContain('--output-format ndjson');
  });

  test('an unknown output format is refused', async () => {
    await expect(run([csv], 'bad', { outputFormat: 'xml' as 'parquet' })).rejects.toMatchObject({ code: 'usage' });
  });
});

describe('.parquet inputs', () => {
  test('a Parquet file gives the partition, rejects and row numbers of the CSV it was made from', async () => {
    // The CSV's rows as string columns (an empty cell as null), in row groups of 700 rows.
    const header: string[] = [];
    const rows: Record<string, unknown>[] = [];
    for await (const ev of readRows(csv)) {
      if ('error' in ev) throw new Error(`unexpected unreadable row ${ev.row}`);
      if (header.length === 0) header.push(...Object.keys(ev.fields));
      rows.push(ev.fields);
    }
    const parquet = path.join(dir, 'records.parquet');
    const columnData = header.map((name) => ({ name, type: 'STRING' as const, data: rows.map((r) => (r[name] === '' ? null : (r[name] as string))) }));
    writeFileSync(parquet, new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 700 })));

    await run([csv], 'from-csv');
    const report = await run([parquet], 'from-parquet');
    const fromCsv = path.join(dir, 'from-csv');
    const fromParquet = path.join(dir, 'from-parquet');
    expect(readFileSync(path.join(fromParquet, 'mapping.csv'), 'utf8')).toBe(readFileSync(path.join(fromCsv, 'mapping.csv'), 'utf8'));
    expect(readFileSync(path.join(fromParquet, 'profiles.ndjson'), 'utf8')).toBe(readFileSync(path.join(fromCsv, 'profiles.ndjson'), 'utf8'));
    // Rejects: same rows, same numbers (the 1-based row index), same reasons; the Parquet row's empty cells are
    // its nulls, which read as empty cells.
    const csvRejects = withoutFile(fromCsv);
    expect(csvRejects.length).toBeGreaterThanOrEqual(2);
    expect(withoutFile(fromParquet)).toEqual(csvRejects);
    expect(rejectsOf(fromParquet)[0]!.file).toBe(parquet);
    expect(report.inputs).toEqual([{ file: parquet, rows: rows.length, rejected: csvRejects.length, erased: 0, multiLineRows: 0 }]);
    const manifest = await readManifest(fromParquet);
    expect(manifest.inputs[0]).toMatchObject({ file: parquet, bytes: readFileSync(parquet).length });
  });

  test('typed Parquet columns (a numeric id, timestamps, a list of emails) read as their text', async () => {
    const parquet = path.join(dir, 'typed.parquet');
    writeFileSync(
      parquet,
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'id', type: 'INT64', data: [1n, 2n, 3n] },
            { name: 'updated_at', type: 'TIMESTAMP', data: [new Date('2024-01-01T00:00:00Z'), null, new Date('2024-03-01T00:00:00Z')] },
            { name: 'Email', type: 'STRING', data: ['ann@corp.ae', 'ann@corp.ae', null] },
            { name: 'phone', type: 'STRING', data: [null, '+971501234567', '+971501234567'] },
          ],
        }),
      ),
    );
    await resolveFiles([parquet], { outDir: path.join(dir, 'typed') });
    expect(lines(path.join(dir, 'typed/mapping.csv')).slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
    const [profile] = lines(path.join(dir, 'typed/profiles.ndjson')).map((l) => JSON.parse(l) as { record_ids: string[]; first_seen: string; last_seen: string });
    expect(profile).toMatchObject({ record_ids: ['1', '2', '3'], first_seen: '2024-01-01T00:00:00.000Z', last_seen: '2024-03-01T00:00:00.000Z' });
  });

  test('loud like CSV: no id column, a mapped column it lacks, not Parquet at all', async () => {
    const noId = path.join(dir, 'noid.parquet');
    writeFileSync(noId, new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'email', type: 'STRING', data: ['a@corp.ae'] }] })));
    await expect(resolveFiles([noId], { outDir: path.join(dir, 'e1') })).rejects.toMatchObject({ code: 'input_invalid', message: expect.stringContaining('no id column "id" (columns: "email")') });
    await expect(resolveFiles([noId], { outDir: path.join(dir, 'e1'), columns: { id: 'customer_no' } })).rejects.toMatchObject({
      code: 'config_invalid',
      message: expect.stringContaining('no input has a column "customer_no"'),
    });
    const fake = path.join(dir, 'fake.parquet');
    writeFileSync(fake, 'id,email\n1,a@corp.ae\n');
    await expect(resolveFiles([fake], { outDir: path.join(dir, 'e1') })).rejects.toMatchObject({ code: 'input_invalid', message: expect.stringContaining('not a Parquet file') });
  });
});

describe('standard input (-)', () => {
  const stream = (bytes: Buffer, size = 1000): Readable => Readable.from((function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  })());

  test('CSV and gzipped NDJSON on standard input give the mapping and rejects of the same file; rejects name the file -', async () => {
    await run([csv], 'file-csv');
    const report = await run(['-'], 'stdin-csv', { inputFormat: 'csv', stdin: stream(readFileSync(csv), 777) });
    expect(readFileSync(path.join(dir, 'stdin-csv/mapping.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'file-csv/mapping.csv'), 'utf8'));
    expect(withoutFile(path.join(dir, 'stdin-csv'))).toEqual(withoutFile(path.join(dir, 'file-csv')));
    expect(new Set(rejectsOf(path.join(dir, 'stdin-csv')).map((r) => r.file))).toEqual(new Set(['-']));
    expect(report.inputs[0]!.file).toBe('-');
    const manifest = await readManifest(path.join(dir, 'stdin-csv'));
    expect(manifest.inputs).toEqual([{ file: '-', bytes: readFileSync(csv).length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    const ndjson = path.join(dir, 'small.ndjson');
    writeFileSync(ndjson, '{"id":"n1","email":"ann@corp.ae"}\nnot json\n\n{"id":"n2","emails":["ann@corp.ae"],"phone":"+971501234567"}\n{"email":"x@corp.ae"}\n');
    await run([ndjson], 'file-nd', { threads: 0, externalIds: undefined });
    await run(['-'], 'stdin-nd', { threads: 0, externalIds: undefined, inputFormat: 'ndjson', stdin: stream(gzipSync(readFileSync(ndjson)), 5) });
    expect(readFileSync(path.join(dir, 'stdin-nd/mapping.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'file-nd/mapping.csv'), 'utf8'));
    expect(rejectsOf(path.join(dir, 'stdin-nd')).map((r) => [r.file, r.row])).toEqual([['-', 2], ['-', 5]]);
  });

  test('a semicolon-separated CSV on standard input: the separator is read from its header', async () => {
    const text = 'id;email;first_name\na1;ann@corp.ae;Ann\na2;ann@corp.ae;Ann\n';
    await run(['-'], 'stdin-semi', { threads: 0, externalIds: undefined, inputFormat: 'csv', stdin: stream(Buffer.from(text), 3) });
    expect(lines(path.join(dir, 'stdin-semi/mapping.csv'))).toHaveLength(3);
    expect(new Set(lines(path.join(dir, 'stdin-semi/mapping.csv')).slice(1).map((l) => l.split(',')[1])).size).toBe(1);
  });

  test('files and standard input in one run; - without a format, twice, or a format without -', async () => {
    const report = await run([csv, '-'], 'mixed', { threads: 0, inputFormat: 'ndjson', stdin: stream(Buffer.from('{"id":"s1","email":"nobody@corp.ae"}\n')) });
    expect(report.inputs.map((i) => [i.file, i.rows])).toEqual([[csv, 3003], ['-', 1]]);
    await expect(run(['-'], 'e', { stdin: stream(Buffer.from('')) })).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('needs its format') });
    await expect(run(['-', '-'], 'e', { inputFormat: 'csv', stdin: stream(Buffer.from('')) })).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('only once') });
    await expect(run([csv], 'e', { inputFormat: 'csv' })).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('no input is -') });
    await expect(run(['-'], 'e', { inputFormat: 'csv', stdin: stream(Buffer.from('')) })).rejects.toMatchObject({ code: 'input_invalid', message: '-: empty file: no header row' });
  });
});
