import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readManifest, type Manifest } from './manifest.js';
import { LOCK_FILE, OutputDir } from './OutputDir.js';

const base = mkdtempSync(path.join(tmpdir(), 'idweave-outdir-'));
let n = 0;
const fresh = (): string => path.join(base, `o${++n}`);

const meta = (): Omit<Manifest, 'files'> => ({
  format: 'idweave.output',
  version: 1,
  runId: `run-${n}`,
  createdAt: new Date(0).toISOString(),
  idweave: 'test',
  inputs: [],
  counts: { recordsIn: 0, accepted: 0, rejected: 0, profiles: 0 },
});

async function run(dir: string, files: Record<string, string>): Promise<Manifest> {
  const out = await OutputDir.open(dir);
  for (const [name, text] of Object.entries(files)) {
    const w = await out.writer(name);
    w.writeBlock(text, text.split('\n').length - 1);
    await out.close(name, w);
  }
  return out.publish(meta());
}

describe('OutputDir', () => {
  test('publishes the files with a manifest, leaves no staging or lock', async () => {
    const dir = fresh();
    const m = await run(dir, { 'mapping.csv': 'record_id,profile_id\na,P1\n', 'report.json': '{}\n' });
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'mapping.csv', 'report.json']);
    expect(m.files.map((f) => [f.name, f.bytes, f.lines])).toEqual([['mapping.csv', 26, 2], ['report.json', 3, 1]]);
    await expect(readManifest(dir, { verify: 'checksums' })).resolves.toEqual(m);
  });

  // Regression (hardening #8): `evidence: false` left a stale evidence.ndjson that explain then read.
  test('outputs of the previous run that the new one lacks are removed; other files are left alone', async () => {
    const dir = fresh();
    await run(dir, { 'mapping.csv': 'x\n', 'evidence.ndjson': '{}\n' });
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await run(dir, { 'mapping.csv': 'y\n' });
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'mapping.csv', 'notes.txt']);
  });

  test('a failed run leaves the published run untouched and removes its staging', async () => {
    const dir = fresh();
    await run(dir, { 'mapping.csv': 'old\n' });
    const out = await OutputDir.open(dir);
    const w = await out.writer('mapping.csv');
    w.write('new');
    await out.abort();
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'mapping.csv']);
    expect(readFileSync(path.join(dir, 'mapping.csv'), 'utf8')).toBe('old\n');
    await expect(readManifest(dir, { verify: 'checksums' })).resolves.toBeDefined();
  });

  // Regression (hardening #3): two runs into one directory wrote one corrupt profiles.ndjson.
  test('a second run into a locked directory fails fast, naming the holder', async () => {
    const dir = fresh();
    const first = await OutputDir.open(dir);
    await expect(OutputDir.open(dir)).rejects.toMatchObject({
      code: 'output_locked',
      message: expect.stringContaining(`another idweave run is writing here (pid ${process.pid} on ${os.hostname()}`),
    });
    await first.abort();
    await expect(run(dir, { 'mapping.csv': 'x\n' })).resolves.toBeDefined();
  });

  test('a lock left by a dead process is taken over, with the staging it left', async () => {
    const dir = fresh();
    mkdirSync(path.join(dir, '.idweave-staging-dead'), { recursive: true });
    writeFileSync(path.join(dir, '.idweave-staging-dead', 'mapping.csv'), 'half');
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), started: 'then', token: 't' }));
    await run(dir, { 'mapping.csv': 'x\n' });
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'mapping.csv']);
  });

  test('a publish interrupted after the manifest was written is finished by the next run (roll forward)', async () => {
    const dir = fresh();
    await run(dir, { 'mapping.csv': 'old\n', 'evidence.ndjson': 'old\n' });
    // A complete staging whose publish stopped after moving mapping.csv and removing the old manifest.
    const done = await OutputDir.open(dir);
    for (const [name, text] of [['mapping.csv', 'new\n'], ['profiles.ndjson', 'p\n']] as const) {
      const w = await done.writer(name);
      w.writeBlock(text, 1);
      await done.close(name, w);
    }
    const staging = done.staging;
    const manifest: Manifest = { ...meta(), files: done.written() };
    writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest));
    const { renameSync, unlinkSync } = await import('node:fs');
    writeFileSync(path.join(staging, '.previous.json'), JSON.stringify(['mapping.csv', 'evidence.ndjson'])); // as publish notes it
    unlinkSync(path.join(dir, 'manifest.json'));
    renameSync(path.join(staging, 'mapping.csv'), path.join(dir, 'mapping.csv'));
    unlinkSync(path.join(dir, LOCK_FILE)); // the process died
    await expect(readManifest(dir)).rejects.toMatchObject({ code: 'output_invalid' });
    const next = await OutputDir.open(dir);
    await expect(readManifest(dir, { verify: 'checksums' })).resolves.toMatchObject({ runId: manifest.runId });
    expect(readdirSync(dir).filter((f) => !f.startsWith('.')).sort()).toEqual(['manifest.json', 'mapping.csv', 'profiles.ndjson']);
    await next.abort();
  });

  test('a reader refuses a directory whose files do not match the manifest', async () => {
    const dir = fresh();
    await run(dir, { 'mapping.csv': 'x\n' });
    writeFileSync(path.join(dir, 'mapping.csv'), 'other run\n');
    await expect(readManifest(dir)).rejects.toMatchObject({ code: 'output_invalid', message: expect.stringContaining('mapping.csv: 10 bytes, the manifest says 2') });
    writeFileSync(path.join(dir, 'mapping.csv'), 'y\n');
    await expect(readManifest(dir)).resolves.toBeDefined();
    await expect(readManifest(dir, { verify: 'checksums' })).rejects.toMatchObject({ message: expect.stringContaining('checksum differs') });
  });

  // Regression (hardening #9): `ln -s ~/victim o/.mapping.csv.partial` made a run overwrite the victim.
  test('links planted in the output directory are replaced, never followed', async () => {
    const dir = fresh();
    mkdirSync(dir);
    const victim = path.join(base, `victim-${n}`);
    writeFileSync(victim, 'precious');
    for (const name of ['mapping.csv', '.mapping.csv.partial', 'manifest.json', 'report.json']) symlinkSync(victim, path.join(dir, name));
    await run(dir, { 'mapping.csv': 'x\n', 'report.json': '{}\n' });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(path.join(dir, 'mapping.csv')).isFile()).toBe(true);
    expect(lstatSync(path.join(dir, 'manifest.json')).isFile()).toBe(true);
  });

  test('a link or foreign file in place of the lock is refused, not followed', async () => {
    const dir = fresh();
    mkdirSync(dir);
    const victim = path.join(base, `victim-${n}`);
    writeFileSync(victim, 'precious');
    symlinkSync(victim, path.join(dir, LOCK_FILE));
    await expect(OutputDir.open(dir)).rejects.toMatchObject({ code: 'output_locked', message: expect.stringContaining('not an idweave lock') });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync(path.join(dir, 'mapping.csv'))).toBe(false);
  });

  // Review findings: a planted staging directory or manifest must not write outside the directory or delete
  // files idweave never wrote.
  test('a planted staging directory naming ../ is never published', async () => {
    const dir = fresh();
    const outside = path.join(base, `outside-${n}`);
    writeFileSync(outside, 'orig');
    mkdirSync(path.join(dir, '.idweave-staging-aaaa'), { recursive: true });
    writeFileSync(path.join(dir, 'evil'), 'pwned');
    writeFileSync(path.join(dir, '.idweave-staging-aaaa', 'manifest.json'), JSON.stringify({ ...meta(), files: [{ name: `../outside-${n}`, bytes: 5, lines: 0, sha256: '0'.repeat(64) }] }));
    await run(dir, { 'mapping.csv': 'x\n' });
    expect(readFileSync(outside, 'utf8')).toBe('orig');
    expect(readdirSync(dir).sort()).toEqual(['evil', 'manifest.json', 'mapping.csv']);
  });

  test('a foreign manifest.json cannot make a run delete files; without a valid previous manifest nothing is removed', async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'thesis.docx'), 'mine');
    writeFileSync(path.join(dir, 'report.html'), 'my own page');
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ files: [{ name: 'thesis.docx' }, { name: 'report.html' }] }));
    await run(dir, { 'mapping.csv': 'x\n' });
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'mapping.csv', 'report.html', 'thesis.docx']);
  });

  test('a truncated staging manifest (killed while writing it) does not block later runs', async () => {
    const dir = fresh();
    mkdirSync(path.join(dir, '.idweave-staging-z'), { recursive: true });
    writeFileSync(path.join(dir, '.idweave-staging-z', 'manifest.json'), '');
    await run(dir, { 'mapping.csv': 'x\n' });
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', 'mapping.csv']);
  });

  test('a lock with this process id that this process does not hold (a restarted container) is taken over', async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: os.hostname(), started: 'earlier life', token: 'old' }));
    await expect(run(dir, { 'mapping.csv': 'x\n' })).resolves.toBeDefined();
  });

  // Review finding: an error while moving files in used to remove staging too, losing both runs.
  test('a publish that fails half-way keeps its staging, and the next run finishes it', async () => {
    const dir = fresh();
    await run(dir, { 'evidence.ndjson': 'old\n', 'mapping.csv': 'old\n' });
    const { rmSync, unlinkSync } = await import('node:fs');
    unlinkSync(path.join(dir, 'mapping.csv'));
    mkdirSync(path.join(dir, 'mapping.csv', 'blocker'), { recursive: true }); // rename over it fails
    await expect(run(dir, { 'evidence.ndjson': 'new\n', 'mapping.csv': 'new\n' })).rejects.toMatchObject({
      code: 'output_unwritable',
      message: expect.stringContaining('publishing was interrupted'),
    });
    expect(readdirSync(dir).filter((f) => f.startsWith('.idweave-staging-'))).toHaveLength(1);
    rmSync(path.join(dir, 'mapping.csv'), { recursive: true });
    const next = await OutputDir.open(dir);
    await next.abort();
    const m = await readManifest(dir, { verify: 'checksums' });
    expect(m.runId).toBe(`run-${n}`);
    expect(readFileSync(path.join(dir, 'mapping.csv'), 'utf8')).toBe('new\n');
    expect(readFileSync(path.join(dir, 'evidence.ndjson'), 'utf8')).toBe('new\n');
  });
});

