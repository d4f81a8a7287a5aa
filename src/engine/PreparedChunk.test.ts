import { beforeAll, describe, expect, it } from 'vitest';
import type { KindCode, RecordKeys } from '../match/createRecordKeyer.js';
import { dropChunkSpares, PreparedChunkWriter, PreparedRecordCursor, recycleChunkBuffers, setPayloadSlabOwner, transferablesOf } from './PreparedChunk.js';

interface Content {
  first: string;
  last: string;
  attributes: string;
  source: string;
  payload: string;
  updatedAt: number;
  keys: string[];
  weak: string[];
}

const BASE: Content = { first: 'sara', last: 'haddad', attributes: 'dob:1984', source: 'crm', payload: '{"firstName":"Sara"}', updatedAt: 1_700_000_000_000, keys: ['e:a@b.com', 'p:+971501234567'], weak: ['e:a@b.con'] };

function fingerprintOf(c: Content, id = 'r1', before = 0): [number, number] {
  const w = new PreparedChunkWriter(1);
  const keys = (k: string[]): RecordKeys => ({ prefixes: k.map((x) => x.slice(0, 2)), values: k.map((x) => x.slice(2)), kinds: k.map(() => 3 as KindCode), groups: k.map(() => ''), count: k.length, weakPrefixes: c.weak.map((x) => x.slice(0, 2)), weakValues: c.weak.map((x) => x.slice(2)), weakCount: c.weak.length });
  for (let i = 0; i < before; i++) w.record(i, 0, `other${i}`, 'x', 'y', '', 'pos', w.text('{}'), keys(['e:x@y.com']));
  w.record(before, c.updatedAt, id, c.first, c.last, c.attributes, c.source, w.text(c.payload), keys(c.keys));
  const cur = new PreparedRecordCursor(w.finish(before + 1, 0, {} as never));
  for (let i = 0; i <= before; i++) cur.next();
  return [cur.fingerprintHi, cur.fingerprintLo];
}

describe("a prepared record's content fingerprint", () => {
  it('is the value earlier releases wrote to fingerprints.bin (a change would mark every record changed)', () => {
    expect(fingerprintOf(BASE)).toEqual(PINNED);
  });

  it('depends on the content only: not on the id or on the records before it', () => {
    expect(fingerprintOf(BASE, 'another-id', 3)).toEqual(fingerprintOf(BASE));
  });

  it('changes with anything that decides links or profile fields', () => {
    const changes: Partial<Content>[] = [
      { first: 'sarah' },
      { last: '' },
      { attributes: 'dob:1985' },
      { source: 'pos' },
      { payload: '{"firstName":"Sarah"}' },
      { updatedAt: BASE.updatedAt + 1 },
      { updatedAt: Number.NaN },
      { keys: ['e:a@b.com'] },
      { keys: ['p:+971501234567', 'e:a@b.com'] },
      { weak: [] },
      { keys: [...BASE.keys, 'e:a@b.con'], weak: [] },
    ];
    const seen = new Set([fingerprintOf(BASE).join()]);
    for (const change of changes) seen.add(fingerprintOf({ ...BASE, ...change }).join());
    expect(seen.size).toBe(changes.length + 1);
  });
});

/** `BASE`'s fingerprint as the batch computed it before it moved into the writer (same fingerprints.bin at 1M rows). */
const PINNED: [number, number] = [3627405721, 223143218];

describe('a chunk handed over (handOver), before its thread owns payload slabs', () => {
  it('is refused', () => {
    const w = new PreparedChunkWriter(1);
    w.record(1, 0, 'r', '', '', '', '', w.text('{}'), { prefixes: [], values: [], kinds: [], groups: [], count: 0, weakPrefixes: [], weakValues: [], weakCount: 0 });
    expect(() => w.handOver(1, 0, {} as never)).toThrow(/setPayloadSlabOwner/);
    expect(() => setPayloadSlabOwner(0)).toThrow(RangeError);
  });
});

describe('a chunk handed over (handOver) and its buffers recycled', () => {
  beforeAll(() => setPayloadSlabOwner(1));

  const keys = (k: string[]): RecordKeys => ({ prefixes: k.map(() => ''), values: k, kinds: k.map(() => 3 as KindCode), groups: k.map((_, i) => (i === 0 ? 'x:loyalty' : '')), count: k.length, weakPrefixes: [], weakValues: [], weakCount: 0 });
  /** Writes records [from, to) of a deterministic sequence, long enough to grow every buffer of a small writer. */
  const write = (w: PreparedChunkWriter, from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      w.record(i, i * 1000, `rec-${i}`, `first${i % 7}`, `läst${i % 5}`, i % 3 === 0 ? '' : `dob:${1950 + (i % 50)}`, 'pos', w.text(`{"firstName":"F${i}"}`), keys([`x:loyalty:${i}`, `e:user${i}@example.com`]));
    }
  };
  /** A chunk's content as plain values (buffers beyond the views' lengths aside). */
  const content = (c: ReturnType<PreparedChunkWriter['finish']>): unknown => ({
    records: c.records,
    ints: [...c.ints],
    updatedAt: [...c.updatedAt],
    fingerprints: [...c.fingerprints],
    bytes: Buffer.from(c.bytes).toString('latin1'),
    payloads: Buffer.from(c.payloads).toString('latin1'),
    strStart: [...c.strStart],
    strLen: [...c.strLen],
    strHash: [...c.strHash],
    rows: c.rows,
  });

  it('holds what finish copies, and the writer goes on in spare or fresh buffers without touching it', () => {
    const copying = new PreparedChunkWriter(1);
    const handing = new PreparedChunkWriter(1);
    const handed: ReturnType<PreparedChunkWriter['finish']>[] = [];
    const copied: unknown[] = [];
    for (let piece = 0; piece < 6; piece++) {
      const [from, to] = [piece * 300, piece * 300 + 100 + 97 * piece];
      copying.reset();
      write(copying, from, to);
      copied.push(content(copying.finish(to - from, 0, {} as never)));
      write(handing, from, to);
      const chunk = handing.handOver(to - from, 0, {} as never);
      handed.push(chunk);
      // Every other chunk's buffers come back (as an applied chunk's would): the next one is written in them.
      if (piece % 2 === 1) recycleChunkBuffers(transferablesOf(handed[piece - 1]!));
    }
    // The chunks still held were never written over (a recycled chunk is not read again, as in the batch).
    for (let piece = 1; piece < 6; piece += 2) expect(content(handed[piece]!)).toEqual(copied[piece]);
    dropChunkSpares();
  });

  it('transfers bytes of their own, never a slice of Node\u2019s shared Buffer pool', () => {
    const w = new PreparedChunkWriter(1);
    write(w, 0, 1);
    const chunk = w.handOver(1, 0, {} as never);
    expect(chunk.bytes.byteOffset).toBe(0);
    // A writer this small (256 bytes) would have a slice of Node's pool, were its bytes allocated as usual.
    expect(chunk.bytes.byteOffset).toBe(0);
    for (const b of transferablesOf(chunk)) expect(b).not.toBe(Buffer.allocUnsafe(1).buffer);
    const cur = new PreparedRecordCursor(chunk);
    cur.next();
    expect(cur.text(cur.id)).toBe('rec-0');
    // The payloads: a range of this thread's slab, shared memory the batch keeps as it is.
    expect(cur.payloadText()).toBe('{"firstName":"F0"}');
    expect(chunk.payloads.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(chunk.payloadSlab).not.toBe(0);
  });

  it('keeps only whole sets of the shapes a writer makes', () => {
    const w = new PreparedChunkWriter(4);
    // A hand-over gives the writer's buffers away and takes a spare set for the chunk after it.
    const handOver = (): ArrayBuffer[] => {
      write(w, 0, 3);
      return transferablesOf(w.handOver(3, 0, {} as never));
    };
    const good = handOver();
    const bad = [good.slice(0, 6), [...good.slice(0, 2), new ArrayBuffer(3), ...good.slice(3)], good.map(() => new ArrayBuffer(0))];
    for (const set of bad) recycleChunkBuffers(set);
    handOver();
    // None kept: the chunk after is written in fresh buffers, not in any of those.
    const fresh = handOver();
    for (const b of fresh) for (const set of bad) expect(set).not.toContain(b);
    recycleChunkBuffers(good);
    handOver();
    const reused = handOver();
    for (let i = 0; i < good.length; i++) expect(reused[i]).toBe(good[i]);
    dropChunkSpares();
  });
});
