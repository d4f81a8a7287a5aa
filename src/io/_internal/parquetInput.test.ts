import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, test } from 'vitest';
import { readRows } from '../readRows.js';
import { openParquetInput, parquetCell } from './parquetInput.js';

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-pqin-'));

describe('parquetCell: a Parquet value as the text a CSV cell would hold', () => {
  test.each([
    [null, false, ''],
    [undefined, false, ''],
    ['ann@x.com', false, 'ann@x.com'],
    [42, false, '42'],
    [1.5, false, '1.5'],
    [12345678901234567890n, false, '12345678901234567890'],
    [true, false, 'true'],
    [new Date('1984-03-07T00:00:00Z'), true, '1984-03-07'],
    [new Date('2024-05-01T10:20:30.000Z'), false, '2024-05-01T10:20:30.000Z'],
    [new Date(Number.NaN), false, ''],
    [['a@x.com', null, '', 'b@x.com'], false, 'a@x.com|b@x.com'],
    [{ a: 1n, b: 'x' }, false, '{"a":"1","b":"x"}'],
    [new TextEncoder().encode('héllo'), false, 'héllo'],
  ])('%o → %s', (value, isDate, cell) => {
    expect(parquetCell(value, isDate)).toBe(cell);
  });
});

describe('openParquetInput', () => {
  test('typed columns, nulls, lists and several row groups read as rows numbered from 1', async () => {
    const file = path.join(dir, 'typed.parquet');
    const n = 7;
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: Array.from({ length: n }, (_, i) => BigInt(1000 + i)), type: 'INT64' },
        { name: 'email', data: Array.from({ length: n }, (_, i) => (i === 2 ? null : `u${i}@corp.ae`)), type: 'STRING' },
        { name: 'updated_at', data: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i))), type: 'TIMESTAMP' },
        { name: 'vip', data: Array.from({ length: n }, (_, i) => i % 2 === 0), type: 'BOOLEAN' },
      ],
      rowGroupSize: 3,
    });
    writeFileSync(file, new Uint8Array(buffer));
    const input = await openParquetInput(file);
    expect(input.columns).toEqual(['id', 'email', 'updated_at', 'vip']);
    expect(input.rows).toBe(n);
    const groups = [];
    let bytes = 0;
    for await (const g of input.rowGroups((b) => (bytes = b))) groups.push(g);
    expect(groups.map((g) => g.rows)).toEqual([3, 3, 1]);
    expect(bytes).toBe(input.bytes);
    expect(groups[0]!.cells.slice(0, 8)).toEqual(['1000', 'u0@corp.ae', '2024-01-01T00:00:00.000Z', 'true', '1001', 'u1@corp.ae', '2024-01-02T00:00:00.000Z', 'false']);
    expect(groups[0]!.cells[9]).toBe(''); // the null email

    const rows = [];
    for await (const ev of readRows(file)) rows.push(ev);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[6]).toEqual({ file, row: 7, fields: { id: '1006', email: 'u6@corp.ae', updated_at: '2024-01-07T00:00:00.000Z', vip: 'true' } });
  });

  test('a file that is not Parquet, or is missing, is a whole-file error naming it', async () => {
    const fake = path.join(dir, 'fake.parquet');
    writeFileSync(fake, 'id,email\n1,a@b.c\n');
    await expect(openParquetInput(fake)).rejects.toMatchObject({ code: 'input_invalid', message: expect.stringContaining(`${fake}: not a Parquet file`) });
    await expect(openParquetInput(path.join(dir, 'nope.parquet'))).rejects.toMatchObject({ code: 'input_unreadable', message: expect.stringContaining('file not found') });
  });
});
