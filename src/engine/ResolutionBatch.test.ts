import { describe, expect, it } from 'vitest';
import { createRecordPreparer } from './prepareRecord.js';
import { PreparedChunkWriter } from './PreparedChunk.js';
import { ResolutionBatch } from './ResolutionBatch.js';
import { withDefaults } from '../config/ResolveOptions.js';
import type { CustomerRecord } from '../types.js';

const RECORDS: CustomerRecord[] = [
  { id: 'a', emails: ['sara@example.com'], firstName: 'Sara', lastName: 'Haddad' },
  { id: 'b', emails: ['sara@example.com'], phones: ['+971501234567'], firstName: 'Sara', lastName: 'Haddad' },
  { id: 'c', phones: ['+971501234567'], firstName: 'Sara', lastName: 'Haddad', city: 'Dubai' },
  { id: 'd', emails: ['omar@example.com'], firstName: 'Omar' },
];

function chunkOf(records: readonly CustomerRecord[]) {
  const prepare = createRecordPreparer(withDefaults({}));
  const w = new PreparedChunkWriter(1);
  const stats = { invalid: {}, junk: {} };
  records.forEach((r, i) => prepare(r, stats, w, i + 1));
  return w.finish(records.length, 0, stats);
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
