import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'idweave-rf-'));

describe('resolveFiles (real engine)', () => {
  test('messy CSV + NDJSON.gz: every row exactly once in mapping.csv or rejects.ndjson', async () => {
    const csv = path.join(dir, 'a.csv');
    writeFileSync(
      csv,
      'id,source,updated_at,email,phone,first_name,loyalty_id\n' +
        'a1,crm,2024-01-01,john@gmail.com,0501234567,John,LC-1\n' +
        'a2,pos,not a date,j.o.h.n@googlemail.com,,John,\n' +
        ',pos,,x@y.com,,,\n' +
        'a1,pos,,dup@y.com,,,\n' +
        'a3,pos,,"bad"q,,,\n' +
        'a4,pos\n' +
        'a5,app,,,,Mary,LC-1\n',
    );
    const nd = path.join(dir, 'b.ndjson.gz');
    writeFileSync(nd, gzipSync('{"id":"b1","emails":["john@gmail.com"]}\nnot json\n[1]\n{"id":"b2","handles":[{"platform":"instagram","handle":"@mary"}]}\n'));
    const out = path.join(dir, 'out');
    // Imported here so this file loads while the engine's modules are still missing.
    const { resolveFiles } = await import('./resolveFiles.js');
    const report = await resolveFiles([csv, nd], { outDir: out, externalIds: { loyalty_id: 'loyalty' } });

    const mapped = readFileSync(path.join(out, 'mapping.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    const rejects = readFileSync(path.join(out, 'rejects.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { file: string; row: number });
    expect(report.recordsIn).toBe(11);
    expect(mapped.length + rejects.length).toBe(11);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect(mapped.sort()).toEqual(['a1', 'a2', 'a5', 'b1', 'b2']);
    expect(rejects.map((r) => `${path.basename(r.file)}:${r.row}`)).toEqual(['a.csv:3', 'a.csv:4', 'a.csv:5', 'a.csv:6', 'b.ndjson.gz:2', 'b.ndjson.gz:3']);
    expect(report.invalidUpdatedAt).toBe(1);
    const profiles = readFileSync(path.join(out, 'profiles.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { record_ids: string[] });
    expect(profiles.flatMap((p) => p.record_ids).sort()).toEqual(['a1', 'a2', 'a5', 'b1', 'b2']);
    expect(report.profiles).toBe(profiles.length);
  });
});
