import type { ByteInterner } from '../_internal/ByteInterner.js';
import { breakTies, radixSort } from '../_internal/radixSort.js';
import { toShared } from '../_internal/shared.js';

/**
 * Records in the order they are linked in: by the hash of their id (FNV-1a of its UTF-8 bytes), ties by the id
 * itself (`ByteInterner.compare`: JavaScript string order). The batch orders all its records this way, the
 * resolver the records of one component, so whichever path decides a link decides it in the same order, and the
 * order never depends on input order. With `shared`, the result is in shared memory (`radixSort`).
 */
export function linkOrder(ids: ByteInterner, records?: ArrayLike<number>, shared = false): Uint32Array {
  const hashes = ids.hashView();
  const compare = (a: number, b: number): number => ids.compare(a, b);
  if (records !== undefined && records.length < RADIX_FROM) {
    // perf: a component of a few hundred records is sorted directly; the radix passes clear two 64k-entry
    // counting arrays per call (~0.3 ms), which made the resolver's loading twice as slow.
    const sorted = Uint32Array.from(records).sort((a, b) => hashes[a]! - hashes[b]! || compare(a, b));
    return shared ? toShared(sorted) : sorted;
  }
  const sorted = radixSort(hashes, records === undefined ? undefined : Uint32Array.from(records), shared);
  breakTies(sorted, compare);
  return sorted.indices;
}

/** From this many records, the radix sort beats a comparison sort. */
const RADIX_FROM = 1 << 14;
