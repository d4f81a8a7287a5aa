import type { ByteInterner } from '../_internal/ByteInterner.js';
import type { ResolutionBatch } from '../engine/ResolutionBatch.js';
import { optionsFingerprint } from '../incremental/snapshot.js';
import type { FormattedLines, SnapshotSource } from '../incremental/snapshotStreamSource.js';
import type { TableSection } from './tableLines.js';

/**
 * A linked batch as a resolver snapshot source (`Resolver.writeSnapshot`'s format): what `resolverFromBatch`
 * restores a resolver from. Every interned key, name and source comes from an accepted record (erased records are
 * never interned), so the tables are the batch's interners as they are. The large sections come formatted
 * (`lines`: blocks of `tableLines`, built in worker threads, in order).
 */
export function batchSnapshotSource(batch: ResolutionBatch, lines: (section: TableSection, total: number) => AsyncIterable<FormattedLines>): SnapshotSource {
  const t = batch.table;
  const texts = (from: ByteInterner): Iterable<string> => ({
    *[Symbol.iterator]() {
      for (let i = 0; i < from.size; i++) yield from.keyOf(i);
    },
  });
  return {
    options: optionsFingerprint(batch.options),
    nextSerial: batch.idState().nextSerial,
    groups: texts(t.groups),
    keys: [],
    names: [],
    sources: texts(t.sources),
    records: [],
    formatted: { keys: lines('keys', t.keys.size), names: lines('names', t.names.size), records: lines('records', batch.size) },
    sizes: { records: batch.size, ...batch.tableSizes() },
  };
}
