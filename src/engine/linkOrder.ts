import type { ByteInterner } from '../_internal/ByteInterner.js';
import { breakTies, radixSortIndices } from '../_internal/radixSort.js';

/**
 * Records in the order they are linked in: by the hash of their id (FNV-1a of its UTF-8 bytes), ties by the id
 * itself (`ByteInterner.compare`: JavaScript string order). The batch orders all its records this way, the
 * resolver the records of one component, so whichever path decides a link decides it in the same order, and the
 * order never depends on input order.
 */
export function linkOrder(ids: ByteInterner, records?: ArrayLike<number>): Uint32Array {
  const hashes = ids.hashView();
  const sorted = radixSortIndices(hashes, records === undefined ? undefined : Uint32Array.from(records));
  breakTies(sorted, hashes, (a, b) => ids.compare(a, b));
  return sorted;
}
