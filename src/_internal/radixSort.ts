import { toShared } from './shared.js';

/**
 * Indices 0..n-1 (or `indices`) ordered by an unsigned 32-bit key, stable (LSD radix, three 11-bit passes; from
 * 2M keys by buckets of the top bits first, `radixSortByBuckets`, in the same order). perf: O(n); each pass moves the keys along with the indices, so it reads both front to back instead of
 * looking each index's key up at random, and 2,048 buckets keep its writes in far fewer pages than 65,536 did:
 * 20M random keys sort in 0.7-1.1 s against 2.2-2.4 s with two 16-bit passes over indices alone (4n words of
 * scratch instead of 2n).
 */
export function radixSortIndices(keys: Uint32Array, indices?: Uint32Array): Uint32Array {
  return radixSort(keys, indices).indices;
}

/** Indices sorted by key (`radixSortIndices`) and their keys in that order. */
export interface SortedIndices {
  readonly indices: Uint32Array;
  /** `keys[indices[i]]` at i: read front to back, where a lookup per index would be a random read. */
  readonly keys: Uint32Array;
}

/**
 * `radixSortIndices`, with the keys in sorted order too (the last pass leaves them so: no extra work). With
 * `shared`, the indices are in a `SharedArrayBuffer`, for other threads to read without a copy (perf: the batch's
 * record order was copied there afterwards, 80 MB written twice at 20M rows on the link's plan, alone on its core).
 */
export function radixSort(keys: Uint32Array, indices?: Uint32Array, shared = false): SortedIndices {
  const n = indices ? indices.length : keys.length;
  if (n >= BUCKETS_FROM) return radixSortByBuckets(keys, indices, shared);
  // perf: a short list (the incremental resolver links a few records at a time) is sorted by stable insertion:
  // the same order as the radix passes, without their counting passes.
  if (n <= SMALL) {
    const idx = insertionSortIndices(keys, indices ? Uint32Array.from(indices) : Uint32Array.from({ length: n }, (_, i) => i));
    const sorted = new Uint32Array(n);
    for (let i = 0; i < n; i++) sorted[i] = keys[idx[i]!]!;
    return { indices: shared ? toShared(idx) : idx, keys: sorted };
  }
  let srcIdx: Uint32Array = new Uint32Array(n);
  let srcKey = new Uint32Array(n);
  const counts = new Uint32Array(3 * RADIX);
  for (let i = 0; i < n; i++) {
    const r = indices ? indices[i]! : i;
    const k = keys[r]!;
    srcIdx[i] = r;
    srcKey[i] = k;
    counts[k & MASK]!++;
    counts[RADIX + ((k >>> BITS) & MASK)]!++;
    counts[2 * RADIX + (k >>> (2 * BITS))]!++;
  }
  for (let pass = 0; pass < 3; pass++) {
    let sum = 0;
    for (let b = pass * RADIX; b < (pass + 1) * RADIX; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
  }
  // Three passes, an odd number, leave the result in the arrays the first pass writes.
  let dstIdx: Uint32Array = shared ? new Uint32Array(new SharedArrayBuffer(4 * n)) : new Uint32Array(n);
  let dstKey = new Uint32Array(n);
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass * BITS;
    const base = pass * RADIX;
    for (let i = 0; i < n; i++) {
      const k = srcKey[i]!;
      const at = counts[base + ((k >>> shift) & MASK)]!++;
      dstKey[at] = k;
      dstIdx[at] = srcIdx[i]!;
    }
    [srcIdx, dstIdx] = [dstIdx, srcIdx];
    [srcKey, dstKey] = [dstKey, srcKey];
  }
  return { indices: srcIdx, keys: srcKey };
}

/**
 * `radixSort` for long lists: the indices dealt into 1,024 buckets by the key's top 10 bits (stable), then each
 * bucket sorted by its low 22 bits in two 11-bit passes through a scratch the size of one bucket. The same order as
 * the three passes over the whole list (a stable sort by the same key), exported for its tests. perf: each pass
 * over the whole list wrote to 2,048 places hundreds of MB apart; a bucket (~20k keys at 20M) is sorted in cache.
 * 20M random keys: 0.43 s against 0.59-1.09 s (three runs each; the batch sorts its records, its fresh clusters
 * and its keys this way, on the link's serial part); for keys spread over the buckets, half the memory (the
 * result's 2n words and a bucket's worth of scratch, against 4n words). With `indices`, each key is read twice at
 * random (counted, then dealt): no caller sorts a subset this long.
 */
export function radixSortByBuckets(keys: Uint32Array, indices?: Uint32Array, shared = false): SortedIndices {
  const n = indices ? indices.length : keys.length;
  const idx = shared ? new Uint32Array(new SharedArrayBuffer(4 * n)) : new Uint32Array(n);
  const key = new Uint32Array(n);
  const start = new Uint32Array(TOP_BUCKETS + 1);
  for (let i = 0; i < n; i++) start[(keys[indices ? indices[i]! : i]! >>> TOP_SHIFT) + 1]!++;
  for (let b = 0; b < TOP_BUCKETS; b++) start[b + 1]! += start[b]!;
  const fill = start.slice(0, TOP_BUCKETS);
  for (let i = 0; i < n; i++) {
    const r = indices ? indices[i]! : i;
    const k = keys[r]!;
    const at = fill[k >>> TOP_SHIFT]!++;
    key[at] = k;
    idx[at] = r;
  }
  // Sized for the largest bucket: keys crafted to share their top bits make one bucket of them all, and the scratch
  // then costs what the whole-list passes' second pair of arrays did (4n words in all), never more.
  let largest = 0;
  for (let b = 0; b < TOP_BUCKETS; b++) largest = Math.max(largest, start[b + 1]! - start[b]!);
  const scratchIdx = new Uint32Array(largest);
  const scratchKey = new Uint32Array(largest);
  const low = new Uint32Array(RADIX);
  const high = new Uint32Array(RADIX);
  for (let b = 0; b < TOP_BUCKETS; b++) {
    const from = start[b]!;
    const to = start[b + 1]!;
    const m = to - from;
    if (m < 2) continue;
    low.fill(0);
    high.fill(0);
    for (let i = from; i < to; i++) {
      const k = key[i]!;
      low[k & MASK]!++;
      high[(k >>> BITS) & MASK]!++;
    }
    let sumLow = 0;
    let sumHigh = 0;
    for (let r = 0; r < RADIX; r++) {
      const l = low[r]!;
      low[r] = sumLow;
      sumLow += l;
      const h = high[r]!;
      high[r] = sumHigh;
      sumHigh += h;
    }
    for (let i = from; i < to; i++) {
      const k = key[i]!;
      const at = low[k & MASK]!++;
      scratchKey[at] = k;
      scratchIdx[at] = idx[i]!;
    }
    for (let i = 0; i < m; i++) {
      const k = scratchKey[i]!;
      const at = from + high[(k >>> BITS) & MASK]!++;
      key[at] = k;
      idx[at] = scratchIdx[i]!;
    }
  }
  return { indices: idx, keys: key };
}

/**
 * From this many keys `radixSort` sorts by buckets (`radixSortByBuckets`; measured from 2M up). Below, buckets of a
 * few hundred keys would clear their two 2,048-entry counters about as often as they sort a key.
 */
const BUCKETS_FROM = 1 << 21;
/** Buckets of the first pass, by the key's top bits; the two passes within a bucket cover the 22 below them. */
const TOP_BUCKETS = 1 << 10;
const TOP_SHIFT = 22;

/** Bits of the key each radix pass sorts by (three passes cover 32). */
const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;
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
 * Re-orders runs of equal keys within a key-sorted index list (`radixSort`'s result) with `tieBreak`, so the
 * final order does not depend on the order indices were created in (hash collisions are resolved by content).
 * perf: runs are found in the sorted keys, front to back; looking each index's key up was a random read per
 * element (~0.9 s at 20M keys).
 */
export function breakTies(sorted: SortedIndices, tieBreak: (a: number, b: number) => number): void {
  const { indices, keys } = sorted;
  let i = 0;
  const n = indices.length;
  while (i < n) {
    let j = i + 1;
    const k = keys[i];
    while (j < n && keys[j] === k) j++;
    if (j - i > 1) indices.subarray(i, j).sort(tieBreak);
    i = j;
  }
}
