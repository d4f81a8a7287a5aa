import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseResolveOptions } from '../config/parseResolveOptions.js';
import { withDefaults } from '../config/ResolveOptions.js';
import type { CustomerRecord } from '../types.js';
import { BatchPool } from '../batch/BatchPool.js';
import { createResolver, restoreResolver } from './createResolver.js';
import { readResolverSnapshot } from '../batch/readResolverSnapshot.js';
import { writeSnapshot } from './snapshot.js';
import { inThreadDecoder, readSnapshotStream, type LineDecoder } from './snapshotStreamRead.js';

// The stream reader decodes keys, names and records lines in worker threads (resolverFromBatch) or in this
// thread, and falls back to the plain reader for any line the decoder is unsure of. Whichever way, a stream must
// restore to the same state, and a damaged stream must be refused with the same message.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const dir = mkdtempSync(join(tmpdir(), 'idweave-decoders-'));
const defaults = withDefaults(parseResolveOptions({}));
let pool: BatchPool;
let lines: string[];
/** The object snapshot of the resolver the stream was written from. */
let original: Json;
let basePath: string;

beforeAll(async () => {
  pool = new BatchPool(undefined, 2);
  // Enough records for several lines of each large section, with non-ASCII ids, names and keys.
  const r = createResolver();
  const names = ['Omar', 'ليلى', 'Zoë', 'Nour 🌙', 'Ae\u0301lin', 'ＡＢＣ'];
  const records: CustomerRecord[] = [];
  for (let i = 0; i < 15_000; i++) {
    records.push({
      id: `${i % 7 === 0 ? 'سجل' : 'rec'}-${i}${i % 11 === 0 ? '🙂' : ''}`,
      source: `src-${i % 3}`,
      emails: [`user${Math.floor((i * 2) / 3)}@example${i % 5}.com`],
      phones: i % 4 === 0 ? [`+97150${String(1_000_000 + (i % 997)).padStart(7, '0')}`] : [],
      firstName: names[i % names.length],
      lastName: `Family${i % 1500}`,
      city: i % 2 === 0 ? 'Dubai' : 'دبي',
      dateOfBirth: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    });
  }
  for (const rec of records) r.add(rec);
  const path = join(dir, 'base.ndjson');
  await r.writeSnapshot(path);
  original = r.snapshot();
  basePath = path;
  lines = readFileSync(path, 'utf8').split('\n').slice(0, -1);
}, 60_000);

afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The stream of `body` lines (no end line), with a fresh end line: edits are signed again, as an attacker would. */
function signed(body: readonly string[]): Buffer {
  const text = body.map((l) => `${l}\n`).join('');
  const counts: Record<string, number> = { groups: 0, keys: 0, names: 0, sources: 0, records: 0, overrides: 0, erased: 0 };
  for (const l of body.slice(1)) {
    const [field] = Object.keys(JSON.parse(l) as object);
    counts[field!]! += (JSON.parse(l) as Json)[field!].length;
  }
  const checksum = `sha256:${createHash('sha256').update(text).digest('hex')}`;
  return Buffer.from(`${text}${JSON.stringify({ end: counts, checksum })}\n`);
}

const body = (): Json[] => lines.slice(0, -1).map((l) => JSON.parse(l) as Json);
const linesOf = (section: string): number[] => body().flatMap((l, i) => (Object.keys(l)[0] === section ? [i] : []));

/** Reads `bytes` with `decoder` (in 64 KiB chunks): the restored state's object snapshot, or the error message. */
async function outcome(bytes: Buffer, decoder: LineDecoder): Promise<Json> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
  try {
    const state = await readSnapshotStream(chunks, defaults, false, undefined, {}, decoder);
    return writeSnapshot(state);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function sameEitherWay(bytes: Buffer): Promise<Json> {
  const here = await outcome(bytes, inThreadDecoder());
  // Small batches: several batches in flight on both workers, restored in order.
  const threads = await outcome(bytes, pool.lineDecoder(200_000));
  expect(threads).toEqual(here);
  return here;
}

describe('decoding lines in worker threads', () => {
  test('the stream has several lines of keys, names and records (else this test proves little)', () => {
    expect(linesOf('keys').length).toBeGreaterThan(1);
    expect(linesOf('names').length).toBeGreaterThan(0);
    expect(linesOf('records').length).toBeGreaterThan(3);
  });

  test('an intact stream restores to the same state either way, the state it was written from', async () => {
    const got = await sameEitherWay(Buffer.from(lines.map((l) => `${l}\n`).join('')));
    expect(got.error).toBeUndefined();
    expect(got.records.length).toBe(15_000);
    expect(got).toEqual(original);
    // And the resolver it gives answers like the one written.
    const again = restoreResolver(got);
    expect(again.recordCount).toBe(15_000);
  });

  const cases: [string, (b: Json[]) => void, RegExp | undefined][] = [
    ['a serial not below nextSerial, in a later records line', (b) => (b[linesOf('records')[2]!].records[5][1] = b[0].nextSerial), /serial \d+ is not below nextSerial/],
    ['a record id repeated across two lines', (b) => (b[linesOf('records')[3]!].records[0][0] = b[linesOf('records')[0]!].records[0][0]), /duplicate record id/],
    ['a key index past the table', (b) => (b[linesOf('records')[1]!].records[7][7] = [10_000_000]), /key index 10000000 out of range/],
    ['a key listed twice in one record', (b) => {
      const rec = b[linesOf('records')[1]!].records[3];
      rec[7] = [rec[7][0], rec[7][0]];
    }, /listed twice/],
    ['a nine-element record (an older writer) is read the plain way and restores', (b) => {
      b[linesOf('records')[1]!].records[2].length = 9;
    }, undefined],
    ['an attributes entry without the folded shape is folded again from the payload', (b) => {
      const names = b[linesOf('names')[0]!].names;
      names.push('not folded');
      b[linesOf('records')[1]!].records[4][9] = names.length - 1;
    }, undefined],
    ['a name repeated across lines', (b) => {
      const at = linesOf('names');
      b[at[at.length - 1]!].names.push(b[at[0]!].names[0]);
    }, /duplicate name/],
    ['a key repeated across lines', (b) => {
      const at = linesOf('keys');
      b[at[at.length - 1]!].keys.push(b[at[0]!].keys[0]);
    }, /duplicate key/],
    ['a key whose group does not match', (b) => {
      b[linesOf('keys')[0]!].keys[0] = ['e:x@y.com', 3, 0];
    }, /an email or phone key has no group/],
    ['a records line with a second field', (b) => (b[linesOf('records')[2]!].extra = 1), /expected a line of/],
    ['a payload that is not a JSON object', (b) => (b[linesOf('records')[2]!].records[1][6] = '[1]'), /payload is not a JSON object/],
  ];
  for (const [name, edit, refusal] of cases) {
    test(name, async () => {
      const b = body();
      edit(b);
      const got = await sameEitherWay(signed(b.map((l) => JSON.stringify(l))));
      if (refusal === undefined) expect(got.error).toBeUndefined();
      else expect(got.error).toMatch(refusal);
    });
  }

  test('invalid UTF-8 inside a records line is refused either way, naming the line', async () => {
    const b = body().map((l) => JSON.stringify(l));
    const at = linesOf('records')[2]!;
    const text = b.map((l) => `${l}\n`).join('');
    const start = Buffer.byteLength(b.slice(0, at).map((l) => `${l}\n`).join(''));
    const bytes = Buffer.from(signed(b));
    bytes[start + 40] = 0xff;
    expect(text.length).toBeGreaterThan(0);
    const got = await sameEitherWay(bytes);
    expect(got.error).toMatch(new RegExp(`line ${at + 1}: not valid UTF-8`));
  });

  test('readResolverSnapshot decodes in worker threads when asked (or for a large file), to the same resolver', async () => {
    const threaded = await readResolverSnapshot(basePath, { threads: 2 });
    expect(threaded.snapshot()).toEqual(original);
    const here = await readResolverSnapshot(basePath, { threads: 0 });
    expect(here.snapshot()).toEqual(original);
    await expect(readResolverSnapshot(basePath, { threads: -1 })).rejects.toMatchObject({ code: 'config_invalid' });
    await expect(readResolverSnapshot(basePath, { threads: 1.5 })).rejects.toThrow(/threads: expected an integer/);
  }, 60_000);

  test('the head\'s sizes size the tables; a hostile size costs no more memory than the file could fill', async () => {
    const b = body();
    expect(b[0].sizes.records).toBe(15_000);
    b[0].sizes = { records: 2 ** 50, keys: 2 ** 50, names: 2 ** 50, profiles: 2 ** 50, strongKeys: 2 ** 50, weakKeys: 2 ** 50 };
    const path = join(dir, 'huge-sizes.ndjson');
    writeFileSync(path, signed(b.map((l) => JSON.stringify(l))));
    const restored = await readResolverSnapshot(path, { threads: 0 });
    expect(restored.snapshot()).toEqual(original);
  }, 60_000);
});
