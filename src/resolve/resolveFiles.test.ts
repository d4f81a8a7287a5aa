import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { resolveFiles } from './resolveFiles.js';

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

  test('worker threads and small pieces write byte for byte what one thread writes', async () => {
    // Messy rows spread over many pieces: quoted cells with newlines, duplicates in other pieces, bad rows,
    // a BOM, CRLF; plus an NDJSON.gz file with blank and broken lines.
    const lines = ['\uFEFFid,source,email,phone,first_name,last_name,note'];
    for (let i = 0; i < 400; i++) {
      const p = i % 97;
      if (i % 53 === 7) lines.push(`dup${i % 3},crm,dup${i}@gmail.com,,Ann,Lee,`);
      else if (i % 41 === 5) lines.push(`bad${i},crm,"broken"quote,,,,`);
      else if (i % 37 === 3) lines.push(`short${i},crm`);
      else if (i % 29 === 1) lines.push(`q${i},crm,person${p}@gmail.com,,"Ma\nry","O""Neil","multi\r\nline, note"`);
      else lines.push(`r${i},${i % 2 ? 'pos' : 'app'},person${p}@gmail.com,05012${String(p).padStart(5, '0')},Name${p},Fam${p % 7},`);
    }
    const csv = path.join(dir, 'many.csv');
    writeFileSync(csv, lines.join('\r\n') + '\r\n');
    const nd = path.join(dir, 'many.ndjson.gz');
    const ndLines = Array.from({ length: 120 }, (_, i) => (i % 17 === 4 ? '' : i % 23 === 9 ? '{broken' : JSON.stringify({ id: i % 31 === 0 ? 'r10' : `n${i}`, emails: [`person${i % 97}@gmail.com`] })));
    writeFileSync(nd, gzipSync(ndLines.join('\n')));
    const run = async (name: string, options: { threads: number; pieceBytes?: number }): Promise<Record<string, string>> => {
      const out = path.join(dir, name);
      const report = await resolveFiles([csv, nd], { outDir: out, ...options });
      expect(report.recordsIn).toBe(400 + ndLines.filter((l) => l !== '').length);
      const files: Record<string, string> = {};
      for (const f of ['mapping.csv', 'profiles.ndjson', 'rejects.ndjson', 'evidence.ndjson']) files[f] = readFileSync(path.join(out, f), 'utf8');
      return files;
    };
    const one = await run('one-thread', { threads: 0 });
    const many = await run('two-threads', { threads: 2, pieceBytes: 300 });
    const pieces = await run('one-thread-pieces', { threads: 0, pieceBytes: 64 });
    expect(many).toEqual(one);
    expect(pieces).toEqual(one);
    const rejects = one['rejects.ndjson']!.trim().split('\n').map((l) => JSON.parse(l) as { row: number; reasons: string[]; input: unknown });
    expect(rejects.some((r) => r.reasons[0]!.startsWith('duplicate id') && typeof r.input === 'object')).toBe(true);
    expect(rejects.some((r) => r.reasons[0]!.startsWith('malformed quote'))).toBe(true);
  }, 60_000);

  test('a file that fails mid-way with pieces in flight on worker threads is a clean error, not a crash', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `r${i},person${i}@gmail.com`).join('\n');
    const gz = gzipSync(`id,email\n${rows}\n`);
    // Truncated gzip: the first pieces decode and go to the workers, then the stream fails.
    const broken = path.join(dir, 'broken.csv.gz');
    writeFileSync(broken, gz.subarray(0, Math.floor(gz.length * 0.8)));
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown): void => void unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(resolveFiles([broken], { outDir: path.join(dir, 'broken-out'), threads: 2, pieceBytes: 512 })).rejects.toThrow(/broken\.csv\.gz/);
      await new Promise((r) => setTimeout(r, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  }, 60_000);
});
