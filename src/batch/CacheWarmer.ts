import { CHUNK_BASE } from '../_internal/chunkString.js';
import type { InternedView } from '../_internal/ByteInterner.js';
import type { BatchColumns } from '../engine/BatchColumns.js';

/** Profiles warmed at once (a profile line reads ~2 members; measured best of 4–128 at 1M rows). */
export const WARM_PROFILES = 8;
/** Decisions warmed at once (measured best of 16–64 at 1M rows). */
export const WARM_DECISIONS = 16;
/** Profiles whose members' ids are warmed at once for their `created` events (8–16 best of 8–64 at 2M rows). */
export const WARM_CREATED = 16;
/** Records whose profile serials are warmed at once: their `mapping.csv` lines, their `resolver.ndjson` entries (16–256 alike at 2M rows). */
export const WARM_SERIALS = 64;

/**
 * Reads, level by level, every cache line the next few output lines will read, so that their builder then finds
 * them in cache.
 *
 * perf: profiles are written in id order and decisions in key order, both hashes, so the records a line reads sit
 * at random places of columns spread over gigabytes, and a builder reads them one dependent miss after another,
 * interleaved with its work: a profile line cost 9.7–15 µs at 1M rows against 8.2 µs at 200k (`npm run bench:lines`).
 * Here the loads of one level are independent of each other, so the core keeps many misses in flight at once
 * (−24% a profile line, −27% an evidence line at 1M rows). Reads only; the sum of what was read goes to `sink`,
 * so that the reads cannot be optimized away.
 */
export class CacheWarmer {
  sink = 0;
  private scratch = new Float64Array(256);

  /** Profiles [from, to): each member's columns, its id's and payload's bytes, its keys' bytes. */
  profiles(c: BatchColumns, from: number, to: number): void {
    const first = c.memberStart[from]!;
    const n = c.memberStart[to]! - first;
    if (this.scratch.length < 4 * n) this.scratch = new Float64Array(8 * n);
    // [0, n) member record, [n, 2n) id address, [2n, 3n) payload address, [3n, 4n) first key.
    const s = this.scratch;
    let sink = 0;
    for (let j = 0; j < n; j++) s[j] = c.members[first + j]!;
    for (let j = 0; j < n; j++) {
      const r = s[j]!;
      s[n + j] = c.ids.starts[r]!;
      s[2 * n + j] = c.payloads.starts[r]!;
      s[3 * n + j] = c.keyStart[r]!;
      // A record without a time holds NaN: counted, not summed.
      sink += c.sourceOf[r]! + c.keyStart[r + 1]! + (Number.isNaN(c.updatedAt[r]!) ? 0 : 1);
    }
    for (let j = 0; j < n; j++) {
      const r = s[j]!;
      sink += touch(c.ids, s[n + j]!, c.ids.lengths[r]!) + touch(c.payloads, s[2 * n + j]!, c.payloads.lengths[r]!);
    }
    for (let j = 0; j < n; j++) {
      for (let k = s[3 * n + j]!, end = c.keyStart[s[j]! + 1]!; k < end; k++) sink += c.keys.starts[c.keyIds[k]!]!;
    }
    for (let j = 0; j < n; j++) {
      for (let k = s[3 * n + j]!, end = c.keyStart[s[j]! + 1]!; k < end; k++) {
        const key = c.keyIds[k]!;
        sink += touch(c.keys, c.keys.starts[key]!, c.keys.lengths[key]!);
      }
    }
    this.sink += sink;
  }

  /**
   * Profiles [from, to)'s `created` events: each member's id (its address, then its bytes), for the profiles this
   * run creates only (with a previous run most are not, and their lines are skipped).
   */
  memberIds(c: BatchColumns, from: number, to: number): void {
    const most = c.memberStart[to]! - c.memberStart[from]!;
    if (this.scratch.length < 2 * most) this.scratch = new Float64Array(4 * most);
    // [0, n) member record, [n, 2n) id address.
    const s = this.scratch;
    let n = 0;
    for (let p = from; p < to; p++) {
      if (c.createdProfile[p] !== 1) continue;
      for (let j = c.memberStart[p]!, end = c.memberStart[p + 1]!; j < end; j++) s[n++] = c.members[j]!;
    }
    let sink = 0;
    for (let j = 0; j < n; j++) s[n + j] = c.ids.starts[s[j]!]!;
    for (let j = 0; j < n; j++) sink += touch(c.ids, s[n + j]!, c.ids.lengths[s[j]!]!);
    this.sink += sink;
  }

  /** Records [from, to)'s profile serials (`mapping.csv`, `resolver.ndjson`'s records: records in input order, their profiles anywhere). */
  profileSerials(c: BatchColumns, from: number, to: number): void {
    let sink = 0;
    for (let i = from; i < to; i++) sink += c.profileSerial[c.profileOf[i]!]!;
    this.sink += sink;
  }

  /** Decisions [from, to) of the evidence log: both records' ids and the key's bytes. */
  decisions(c: BatchColumns, from: number, to: number): void {
    const ev = c.evidence;
    const n = to - from;
    if (this.scratch.length < 3 * n) this.scratch = new Float64Array(6 * n);
    const s = this.scratch;
    let sink = 0;
    for (let j = 0; j < n; j++) {
      const key = ev.key[from + j]!;
      s[j] = c.ids.starts[ev.recordA[from + j]!]!;
      s[n + j] = c.ids.starts[ev.recordB[from + j]!]!;
      // An override's decision has no key (OVERRIDE_KEY, -1).
      s[2 * n + j] = key >= 0 ? c.keys.starts[key]! : -1;
    }
    for (let j = 0; j < n; j++) {
      const i = from + j;
      const key = ev.key[i]!;
      sink += touch(c.ids, s[j]!, c.ids.lengths[ev.recordA[i]!]!) + touch(c.ids, s[n + j]!, c.ids.lengths[ev.recordB[i]!]!);
      if (key >= 0) sink += touch(c.keys, s[2 * n + j]!, c.keys.lengths[key]!);
    }
    this.sink += sink;
  }
}

/** The sum of one byte of each cache line of an entry's bytes. */
function touch(view: InternedView, address: number, length: number): number {
  if (length === 0) return 0;
  const chunk = Math.floor(address / CHUNK_BASE);
  const bytes = view.chunks[chunk]!;
  const start = address - chunk * CHUNK_BASE;
  let sum = bytes[start + length - 1]!;
  for (let i = start, end = start + length; i < end; i += 64) sum += bytes[i]!;
  return sum;
}
