import { describe, expect, it } from 'vitest';
import { createRecordPreparer } from './prepareRecord.js';
import { dropChunkSpares, PreparedChunkWriter, setPayloadSlabOwner } from './PreparedChunk.js';
import { ResolutionBatch } from './ResolutionBatch.js';
import { withDefaults } from '../config/ResolveOptions.js';
import type { CustomerRecord } from '../types.js';

const RECORDS: CustomerRecord[] = [
  { id: 'a', emails: ['sara@example.com'], firstName: 'Sara', lastName: 'Haddad' },
  { id: 'b', emails: ['sara@example.com'], phones: ['+971501234567'], firstName: 'Sara', lastName: 'Haddad' },
  { id: 'c', phones: ['+971501234567'], firstName: 'Sara', lastName: 'Haddad', city: 'Dubai' },
  { id: 'd', emails: ['omar@example.com'], firstName: 'Omar' },
];

function chunkOf(records: readonly CustomerRecord[], w = new PreparedChunkWriter(1), handOver = false) {
  const prepare = createRecordPreparer(withDefaults({}));
  const stats = { invalid: {}, junk: {} };
  w.reset();
  records.forEach((r, i) => prepare(r, stats, w, i + 1));
  return handOver ? w.handOver(records.length, 0, stats) : w.finish(records.length, 0, stats);
}

/** What the batch read out after linking: each record's profile, members, fingerprints. */
function linked(times?: number): unknown {
  const batch = new ResolutionBatch({});
  const chunk = chunkOf(RECORDS);
  if (times !== undefined) batch.reserveMore(chunk, times);
  batch.addChunk(chunk, () => {});
  batch.link();
  const c = batch.columns();
  return { profileOf: Array.from(c.profileOf), members: Array.from(c.members), fingerprints: Array.from(batch.fingerprints()) };
}

describe('ResolutionBatch.reserveMore', () => {
  it('changes nothing the batch reads out, for any estimate: none, too small, too large, absurd', () => {
    const plain = linked();
    for (const times of [0, 0.5, 1, 3, 1e6, 1e15, Number.POSITIVE_INFINITY, Number.NaN]) expect(linked(times)).toEqual(plain);
  });
});

describe('ResolutionBatch.addChunk', () => {
  const payloads = (batch: ResolutionBatch): string[] => Array.from({ length: batch.size }, (_, r) => batch.table.payloadOf(r));

  it('keeps payloads handed over in shared memory as they are, each slab once, and reads the same as copied ones', () => {
    const copied = new ResolutionBatch({});
    copied.addChunk(chunkOf(RECORDS.slice(0, 2)), () => {});
    copied.addChunk(chunkOf(RECORDS.slice(2)), () => {});
    setPayloadSlabOwner(5);
    const w = new PreparedChunkWriter(1);
    const first = chunkOf(RECORDS.slice(0, 2), w, true);
    const second = chunkOf(RECORDS.slice(2), w, true);
    // Two ranges of one slab.
    expect(first.payloads.buffer).toBe(second.payloads.buffer);
    expect(first.payloadSlab).toBe(second.payloadSlab);
    const batch = new ResolutionBatch({});
    const chunks = (): number => batch.table.payloads.view().chunks.length;
    batch.addChunk(first, () => {});
    expect(chunks()).toBe(1);
    // Not a copy: the store reads the slab's own bytes.
    expect(batch.table.payloads.view().chunks[0]!.buffer).toBe(first.payloads.buffer);
    batch.addChunk(second, () => {});
    expect(chunks()).toBe(1);
    expect(payloads(batch)).toEqual(payloads(copied));
    dropChunkSpares();
  });

  it('zeroes an erased record\'s payload in the chunk it keeps', () => {
    setPayloadSlabOwner(6);
    const chunk = chunkOf(RECORDS, new PreparedChunkWriter(1), true);
    const batch = new ResolutionBatch({}, { erased: ['c'] });
    batch.addChunk(chunk, () => {});
    expect(batch.erasedCount).toBe(1);
    const text = Buffer.from(chunk.payloads).toString('latin1');
    expect(text).not.toContain('Dubai');
    expect(text).toContain('Omar');
    dropChunkSpares();
  });
});
