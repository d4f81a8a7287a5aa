/**
 * Indices 0..n-1 ordered by an unsigned 32-bit key, stable (LSD radix, two 16-bit passes).
 * perf: O(n) with two counting arrays; sorting 20M records by hash this way takes well under a second, where a
 * comparator sort takes many.
 */
export function radixSortIndices(keys: Uint32Array, indices?: Uint32Array): Uint32Array {
  const n = indices ? indices.length : keys.length;
  // perf: a short list (the incremental resolver links a few records at a time) is sorted by stable insertion:
  // the same order as the radix passes, without their two 64k-entry counting passes.
  if (n <= SMALL) return insertionSortIndices(keys, indices ? Uint32Array.from(indices) : Uint32Array.from({ length: n }, (_, i) => i));
  let src = indices ? Uint32Array.from(indices) : Uint32Array.from({ length: n }, (_, i) => i);
  let dst = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[src[i]!]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const idx = src[i]!;
      dst[counts[(keys[idx]! >>> shift) & 0xffff]!++] = idx;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

const SMALL = 64;

/** Stable insertion sort of `idx` by `keys[idx[i]]`, in place. */
function insertionSortIndices(keys: Uint32Array, idx: Uint32Array): Uint32Array {
  for (let i = 1; i < idx.length; i++) {
    const v = idx[i]!;
    const k = keys[v]!;
    let j = i - 1;
    while (j >= 0 && keys[idx[j]!]! > k) {
      idx[j + 1] = idx[j]!;
      j--;
    }
    idx[j + 1] = v;
  }
  return idx;
}

/**
 * Re-orders runs of equal `keys` within an already key-sorted index list with `tieBreak`, so the final order
 * does not depend on the order indices were created in (hash collisions are resolved by content).
 */
export function breakTies(sorted: Uint32Array, keys: Uint32Array, tieBreak: (a: number, b: number) => number): void {
  let i = 0;
  const n = sorted.length;
  while (i < n) {
    let j = i + 1;
    const k = keys[sorted[i]!];
    while (j < n && keys[sorted[j]!] === k) j++;
    if (j - i > 1) sorted.subarray(i, j).sort(tieBreak);
    i = j;
  }
}
