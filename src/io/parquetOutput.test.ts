import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, test } from 'vitest';
import { LineWriter } from './LineWriter.js';
import type { ProfileJson } from './outputFiles.js';
import { MAPPING_SCHEMA, ParquetTableWriter, profileColumns, PROFILES_SCHEMA, topLevelColumns } from './parquetOutput.js';

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-pqout-'));

function bufferOf(file: string): ArrayBuffer {
  const b = readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

describe('ParquetTableWriter', () => {
  test('blocks gather into row groups of the given size, written as they fill; rows count as manifest lines', async () => {
    const file = path.join(dir, 'mapping.parquet');
    const out = await LineWriter.create(file);
    // What the table hands its file writer (which stages up to a block before the file grows: BlockFile).
    let handed = 0;
    out.observe((bytes) => (handed += bytes.length));
    const table = await ParquetTableWriter.create(out, MAPPING_SCHEMA, 5, 'idweave test');
    const ids = Array.from({ length: 14 }, (_, i) => `r${i}`);
    const sizes: number[] = [];
    for (let i = 0; i < ids.length; i += 2) {
      await table.append([ids.slice(i, i + 2), ids.slice(i, i + 2).map((r) => `P${r}`)]);
      sizes.push(handed);
    }
    await table.finish();
    const written = await out.close();
    // Bytes leave the table as each row group fills (at rows 6 and 12), not at the end; the last 2 rows at finish.
    expect(sizes.slice(0, 2)).toEqual([0, 0]);
    expect(sizes[2]).toBeGreaterThan(0);
    expect(sizes[4]).toBe(sizes[2]);
    expect(sizes[5]).toBeGreaterThan(sizes[4]!);
    expect(written.lines).toBe(14);
    const buffer = bufferOf(file);
    const meta = parquetMetadata(buffer);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([6, 6, 2]);
    expect(meta.created_by).toBe('idweave test');
    expect(await parquetReadObjects({ file: buffer })).toEqual(ids.map((r) => ({ record_id: r, profile_id: `P${r}` })));
  });

  test('profiles: lists, a list of identifier structs, optional times, fields as JSON text (a __proto__ field too)', async () => {
    const fields = JSON.parse('{"first_name":{"value":"Ann","record_id":"1","rule":"mostFrequent"},"__proto__":{"value":7,"record_id":"2","source":"crm","rule":"mostRecent"}}') as ProfileJson['fields'];
    const profiles: ProfileJson[] = [
      {
        profile_id: 'P1',
        record_ids: ['1', '2'],
        sources: ['crm', 'pos'],
        first_seen: '2024-01-01T00:00:00.000Z',
        last_seen: '2024-02-01T00:00:00.000Z',
        identifiers: [{ kind: 'email', value: 'ann@x.com', records: 2, sources: ['crm', 'pos'] }],
        fields,
      },
      { profile_id: 'P2', record_ids: ['3'], sources: [], identifiers: [], fields: {} },
    ];
    const file = path.join(dir, 'profiles.parquet');
    const out = await LineWriter.create(file);
    const table = await ParquetTableWriter.create(out, PROFILES_SCHEMA, 100, 'idweave test');
    await table.append(profileColumns(profiles));
    await table.finish();
    await out.close();
    expect(topLevelColumns(PROFILES_SCHEMA)).toEqual(['profile_id', 'record_ids', 'sources', 'first_seen', 'last_seen', 'identifiers', 'fields']);
    const rows = await parquetReadObjects({ file: bufferOf(file) });
    expect(rows).toEqual(profiles.map((p) => ({ ...p, first_seen: p.first_seen ?? null, last_seen: p.last_seen ?? null, fields: JSON.stringify(p.fields) })));
    expect(Object.keys(JSON.parse(rows[0]!.fields as string))).toEqual(['first_name', '__proto__']);
  });
});
