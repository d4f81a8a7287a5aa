import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test, vi } from 'vitest';
import { BatchPool } from './BatchPool.js';
import type { Piece } from './preparePiece.js';
import { sha256File } from '../io/manifest.js';
import { scorePartition } from '../report/scorePartition.js';
import { resolveFiles, type ResolveFilesOptions, type ResolveFilesReport } from './resolveFiles.js';

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
      for (const f of ['mapping.csv', 'profiles.ndjson', 'rejects.ndjson', 'evidence.ndjson', 'changes.ndjson', 'identity.json', 'resolver.ndjson', 'fingerprints.bin']) {
        files[f] = readFileSync(path.join(out, f), 'latin1');
      }
      return files;
    };
    const one = await run('one-thread', { threads: 0 });
    const many = await run('two-threads', { threads: 2, pieceBytes: 300 });
    const pieces = await run('one-thread-pieces', { threads: 0, pieceBytes: 64 });
    expect(many).toEqual(one);
    expect(pieces).toEqual(one);
    // The report's aggregates too (counted beside the profile blocks, in whichever thread built them).
    const aggregates = (name: string): unknown => {
      const { stages: _s, peakRssBytes: _p, ...rest } = JSON.parse(readFileSync(path.join(dir, name, 'report.json'), 'utf8')) as ResolveFilesReport;
      return rest;
    };
    expect(aggregates('two-threads')).toEqual(aggregates('one-thread'));
    expect(aggregates('one-thread-pieces')).toEqual(aggregates('one-thread'));
    expect(one['resolver.ndjson']!.length).toBeGreaterThan(1000);
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

  test('report.json aggregates, --truth accuracy, and report.html published with the manifest', async () => {
    const csv = path.join(dir, 'rep.csv');
    writeFileSync(
      csv,
      'id,source,email,loyalty_id,first_name,last_name\n' +
        'a1,crm,ann.lee@gmail.com,L1,Ann,Lee\n' +
        'a2,pos,annlee@gmail.com,L1,Ann,Lee\n' +
        'a3,app,,L1,Ann,Lee\n' +
        'b1,pos,bo@gmail.com,L2,Bo,Chen\n' +
        ',pos,x@y.com,,,\n' +
        'a1,pos,dup@y.com,,,\n' +
        'c1,"<script>alert(1)</script>",cy@gmail.com,L3,Cy,Ng\n' +
        'broken\n',
    );
    // Truth: b1 is the same person as a1 (a miss); zz is not in the run (a singleton); a duplicate and a bad line.
    const truth = path.join(dir, 'truth.csv');
    writeFileSync(truth, 'record_id,person_id\na1,p1\na2,p1\na3,p1\nb1,p1\nc1,p3\nzz,p4\na1,p9\nno comma here\n');
    const out = path.join(dir, 'rep-out');
    const warnings: string[] = [];
    const report = await resolveFiles([csv], { outDir: out, externalIds: { loyalty_id: 'loyalty' }, truth, onWarning: (w) => warnings.push(w) });

    expect(report.rejectsByReason).toEqual({ missing_id: 1, duplicate_id: 1, unreadable_row: 1 });
    expect(report.validIdentifiers).toMatchObject({ externalId: 5, email: 4 });
    expect(report.profilesBySourceCount).toEqual({ 1: 2, 3: 1 });
    expect(report.sourceOverlap.sources.map((s) => s.name)).toEqual(['pos', '<script>alert(1)</script>', 'app', 'crm']);
    expect(report.largestProfiles[0]).toMatchObject({ records: 3, sources: [{ source: 'app', records: 1 }, { source: 'crm', records: 1 }, { source: 'pos', records: 1 }] });
    // Labels: profiles {a1 a2 a3} {b1} {c1} {zz}; persons {a1 a2 a3 b1} {c1} {zz}.
    const expected = scorePartition(Int32Array.of(0, 0, 0, 1, 2, 3), Int32Array.of(0, 0, 0, 0, 1, 2));
    expect(report.accuracy).toEqual({
      truth,
      records: 6,
      profiles: 4,
      persons: 3,
      pairwise: expected.pairwise,
      bcubed: expected.bcubed,
      missingFromRun: 1,
      notInTruth: 0,
      duplicateInTruth: 1,
      unreadableLines: 1,
    });
    expect(warnings).toEqual([`--truth ${truth}: 1 line(s) without a comma skipped`]);
    expect(report.stages.map((s) => s.stage)).toEqual(['read', 'link', 'mapping', 'changes', 'profiles', 'resolver', 'evidence', 'accuracy']);

    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script/g)).toHaveLength(1);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { files: { name: string; bytes: number; sha256: string }[] };
    const entry = manifest.files.find((f) => f.name === 'report.html')!;
    expect(entry).toMatchObject({ bytes: Buffer.byteLength(html) });
    expect(entry.sha256).toBe(await sha256File(path.join(out, 'report.html')));
    // Every file's checksum is its bytes' own, whoever hashed them (resolver.ndjson: the snapshot writer).
    for (const f of manifest.files) expect([f.name, f.bytes, f.sha256]).toEqual([f.name, readFileSync(path.join(out, f.name)).length, await sha256File(path.join(out, f.name))]);
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'))).toEqual(report);
  });

  test('--truth: a missing or headerless file fails before any work, and nothing is published', async () => {
    const csv = path.join(dir, 't.csv');
    writeFileSync(csv, 'id,email\na,ann@gmail.com\n');
    const out = path.join(dir, 'truth-out');
    await expect(resolveFiles([csv], { outDir: out, truth: path.join(dir, 'nope.csv') })).rejects.toMatchObject({ code: 'input_unreadable', message: expect.stringContaining('nope.csv: file not found') });
    const headerless = path.join(dir, 'headerless.csv');
    writeFileSync(headerless, 'just-one-column\n');
    await expect(resolveFiles([csv], { outDir: out, truth: headerless })).rejects.toMatchObject({ code: 'input_invalid' });
  });
});

describe('resolveFiles evidence: all, refused, none (#15)', () => {
  // j1–j3 share an email (accepted); j2 shares j1's phone under another surname (the shareable guard refuses it);
  // the front-desk phone of d1–d4 is generic (maxRecords 3): one refused line per generic identifier.
  const csv = path.join(dir, 'evidence-modes.csv');
  writeFileSync(
    csv,
    'id,email,phone,first_name,last_name\n' +
      'j1,james.garcia@gmail.com,050 111 2233,James,Garcia\n' +
      'j2,,050 111 2233,James,Chowdhury\n' +
      'j3,james.garcia@gmail.com,,James,Garcia\n' +
      'd1,desk1@corp.ae,04 312 0000,Cy,\n' +
      'd2,desk2@corp.ae,04 312 0000,Di,\n' +
      'd3,desk3@corp.ae,04 312 0000,Ed,\n' +
      'd4,desk4@corp.ae,04 312 0000,Fu,\n',
  );
  const guards = { generic: { maxRecords: 3 } };
  type Line = { record_a: string; record_b: string; accepted: boolean; guard?: string };
  const evidenceLines = (out: string): Line[] => readFileSync(path.join(out, 'evidence.ndjson'), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line);
  const manifestOf = (out: string): { files: { name: string; bytes: number; lines: number }[] } => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  const run = async (name: string, evidence: ResolveFilesOptions['evidence'], more: Partial<ResolveFilesOptions> = {}): Promise<string> => {
    const out = path.join(dir, name);
    await resolveFiles([csv], { outDir: out, guards, evidence, ...more });
    return out;
  };

  test('all (the default, and true): every decision; refused: the refused ones only, in the same order; none (and false): no file', async () => {
    const all = evidenceLines(await run('ev-all', 'all'));
    expect(all.some((l) => l.accepted)).toBe(true);
    expect(evidenceLines(await run('ev-default', undefined))).toEqual(all);
    expect(evidenceLines(await run('ev-true', true))).toEqual(all);

    const refusedOut = await run('ev-refused', 'refused');
    const refused = evidenceLines(refusedOut);
    expect(refused).toEqual(all.filter((l) => !l.accepted));
    expect(refused.map((l) => [l.record_a, l.record_b, l.guard])).toContainEqual(['j1', 'j2', 'shareable']);
    expect(refused.some((l) => l.guard === 'generic')).toBe(true);
    const names = manifestOf(refusedOut).files.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['evidence.ndjson', 'explain.idx']));
    expect(manifestOf(refusedOut).files.find((f) => f.name === 'evidence.ndjson')).toMatchObject({ lines: refused.length, bytes: readFileSync(path.join(refusedOut, 'evidence.ndjson')).length });

    for (const [name, evidence] of [['ev-none', 'none'], ['ev-false', false]] as const) {
      const out = await run(name, evidence);
      expect(readdirSync(out)).not.toContain('evidence.ndjson');
      expect(readdirSync(out)).not.toContain('explain.idx');
      expect(manifestOf(out).files.map((f) => f.name)).not.toContain('evidence.ndjson');
      expect(readFileSync(path.join(out, 'mapping.csv'), 'utf8')).toBe(readFileSync(path.join(dir, 'ev-all', 'mapping.csv'), 'utf8'));
    }
  });

  test('refused: worker threads and small pieces write byte for byte what one thread writes, explain.idx too', async () => {
    const one = await run('ev-refused-one', 'refused', { threads: 0 });
    const two = await run('ev-refused-two', 'refused', { threads: 2, pieceBytes: 40 });
    for (const f of ['evidence.ndjson', 'explain.idx']) expect(readFileSync(path.join(two, f)).equals(readFileSync(path.join(one, f))), f).toBe(true);
  }, 60_000);

  test('an unknown mode is a config error naming the allowed values, before any output', async () => {
    const out = path.join(dir, 'ev-some');
    await expect(resolveFiles([csv], { outDir: out, evidence: 'some' as 'all' })).rejects.toMatchObject({
      code: 'config_invalid',
      message: 'evidence: expected all, refused or none (true is all, false is none), got "some"',
    });
    expect(existsSync(out)).toBe(false);
  });
});

describe('resolveFiles lineage: full, compact (#15)', () => {
  const csv = path.join(dir, 'lineage.csv');
  writeFileSync(
    csv,
    'id,source,updated_at,email,first_name,last_name,city\n' +
      'a1,app,2024-01-01,sara.khan@gmail.com,Sara,Khan,Dubai\n' +
      'a2,pos,2025-01-01,sara.khan@gmail.com,Sarah,Khan,\n' +
      'b1,wifi,,omar@outlook.com,Omar,,Doha\n',
  );
  type Field = { value: unknown; record_id: string; source?: string; rule?: string };
  type Profile = { record_ids: string[]; fields: Record<string, Field> };
  const profilesOf = (out: string): Profile[] => readFileSync(path.join(out, 'profiles.ndjson'), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Profile);

  test('compact keeps each value and the record it came from, drops source and rule (in report.json once), and changes nothing else', async () => {
    const fullOut = path.join(dir, 'lineage-full');
    const compactOut = path.join(dir, 'lineage-compact');
    const fullReport = await resolveFiles([csv], { outDir: fullOut, survivorship: { fields: { city: 'mostFrequent' } } });
    const compactReport = await resolveFiles([csv], { outDir: compactOut, lineage: 'compact', survivorship: { fields: { city: 'mostFrequent' } } });
    const full = profilesOf(fullOut);
    const compact = profilesOf(compactOut);
    expect(full.some((p) => Object.values(p.fields).some((f) => f.source !== undefined && f.rule !== undefined))).toBe(true);
    expect(compact).toEqual(full.map((p) => ({ ...p, fields: Object.fromEntries(Object.entries(p.fields).map(([k, f]) => [k, { value: f.value, record_id: f.record_id }])) })));
    expect(readFileSync(path.join(compactOut, 'profiles.ndjson')).length).toBeLessThan(readFileSync(path.join(fullOut, 'profiles.ndjson')).length);
    for (const f of ['mapping.csv', 'evidence.ndjson', 'changes.ndjson']) expect(readFileSync(path.join(compactOut, f), 'utf8')).toBe(readFileSync(path.join(fullOut, f), 'utf8'));
    expect(fullReport.lineage).toBe('full');
    expect(compactReport.lineage).toBe('compact');
    expect(compactReport.survivorship.fields).toEqual({ city: 'mostFrequent' });
    expect(JSON.parse(readFileSync(path.join(compactOut, 'report.json'), 'utf8'))).toMatchObject({ lineage: 'compact', survivorship: { fields: { city: 'mostFrequent' } } });
  });

  test('any other value is a config error naming the choices', async () => {
    await expect(resolveFiles([csv], { outDir: path.join(dir, 'lineage-bad'), lineage: 'short' as never })).rejects.toMatchObject({ code: 'config_invalid', message: expect.stringContaining('lineage: expected full or compact, got "short"') });
  });
});

describe('payload field tokens', () => {
  test("every piece of a run carries the run's one field table, with the attribute columns of every header", async () => {
    const a = path.join(dir, 'tokens-a.csv');
    const b = path.join(dir, 'tokens-b.csv');
    writeFileSync(a, 'id,email,tier,mall\nr1,a@x.ae,gold,City Centre\nr2,a@x.ae,silver,\n');
    writeFileSync(b, 'id,phone,note\nr3,0501234567,vip\n');
    const spy = vi.spyOn(BatchPool.prototype, 'prepare');
    try {
      await resolveFiles([a, b], { outDir: path.join(dir, 'tokens-out'), threads: 0 });
      const tables = spy.mock.calls.map(([piece]) => (piece as Piece).payloadFields);
      expect(tables.length).toBeGreaterThanOrEqual(2);
      for (const t of tables) expect(t?.slice(9)).toEqual(['tier', 'mall', 'note']);
    } finally {
      spy.mockRestore();
    }
  });
});
