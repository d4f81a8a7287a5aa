import { GrowableArray } from './GrowableArray.js';
import { ByteSlab } from './ByteSlab.js';
import { CHUNK_BASE, chunkByte, chunkString } from './chunkString.js';
import { compareStrings, compareUtf8 } from './compareStrings.js';

/**
 * A read-only copy of a `ByteInterner`'s entries in shared memory: what a worker thread needs to read them
 * (`stringAt`), without copying the bytes.
 */
export interface InternedView {
  /** Buffers over shared memory (after crossing to a worker: `asBuffers`). */
  readonly chunks: readonly Buffer[];
  readonly starts: Float64Array;
  readonly lengths: Uint32Array;
}

/** The string of entry `id` of a view. */
export function stringAt(view: InternedView, id: number): string {
  return chunkString(view.chunks, view.starts[id]!, view.lengths[id]!);
}

/**
 * Orders entries `a` and `b` of a view as their strings compare (`compareStrings`), each without its first `skip`
 * bytes (ASCII), without decoding them in the common case (`compareUtf8`).
 */
export function compareAt(view: InternedView, a: number, b: number, skip = 0): number {
  const sa = view.starts[a]! + skip;
  const sb = view.starts[b]! + skip;
  const ca = Math.floor(sa / CHUNK_BASE);
  const cb = Math.floor(sb / CHUNK_BASE);
  const order = compareUtf8(view.chunks[ca]!, sa - ca * CHUNK_BASE, view.lengths[a]! - skip, view.chunks[cb]!, sb - cb * CHUNK_BASE, view.lengths[b]! - skip);
  return Number.isNaN(order) ? compareStrings(stringAt(view, a).slice(skip), stringAt(view, b).slice(skip)) : order;
}

/** Buffers that crossed a thread boundary arrive as plain `Uint8Array`s: wraps them again (no copy). */
export function asBuffers(chunks: readonly Uint8Array[]): Buffer[] {
  return chunks.map((c) => (Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
}

/**
 * Interns strings as UTF-8 bytes outside the V8 heap, into dense ids 0, 1, 2, …
 *
 * Why not a `Map<string, number>`: a 20M-row batch interns ~20M record ids and ~40M identifier keys. As heap
 * strings in Maps that is several GB of small objects that every major GC marks again, and the batch job slowed
 * down as the heap grew (17k records/s at 20M against 29k/s at 1M). Here the bytes live in large shared
 * buffers and the table is an open-addressing `Int32Array`, so the heap holds a few dozen objects whatever the
 * size, and no table comes near V8's 2^24-entry limit for `Map`.
 *
 * Each entry keeps a 32-bit FNV-1a hash of its bytes (`hashOf`): for ASCII it equals `fnv1a32` of the string,
 * and callers reuse it for deterministic ordering.
 *
 * @example
 * const ids = new ByteInterner();
 * ids.intern('crm-1'); // 0
 * ids.intern('crm-2'); // 1
 * ids.intern('crm-1'); // 0 (size stays 2)
 * ids.keyOf(1);        // 'crm-2'
 */
export class ByteInterner {
  // Shared memory, so worker threads can read the entries later without a copy.
  private readonly bytes = new ByteSlab(true);
  /** `bytes.chunks` (perf: one load less on every lookup that compares bytes). */
  private readonly chunks = this.bytes.chunks;
  /** Entry i starts at chunk * 2^32 + offset. */
  private readonly starts = new GrowableArray(Float64Array, 1024, true);
  private readonly lengths = new GrowableArray(Uint32Array, 1024, true);
  // Shared too: the link's key hashes (`hashView`) go to its threads as they are (perf: an 80 MB copy at 20M rows).
  private readonly hashes = new GrowableArray(Uint32Array, 1024, true);
  /**
   * Open addressing, linear probing, at most 3/4 full (`overFull`). Slot s is `table[2s]` = id + 1 (0: empty) and
   * `table[2s + 1]` = the entry's hash. perf: the hash beside the id means a probe touches one cache line, not
   * a second array, before it compares bytes.
   */
  private table = new Int32Array(2 << 12);
  private mask = (1 << 12) - 1;
  private scratch = Buffer.allocUnsafe(256);
  /** Entries below this id are in the table; `append` adds entries above it until `settle`. */
  private settled = 0;

  /** Number of distinct strings interned so far. */
  get size(): number {
    return this.hashes.length;
  }

  /** The id of `s`, assigning the next free id when it is new (then `size` grows by one). */
  intern(s: string): number {
    this.checkSettled();
    // perf: encode straight into the free tail of the current chunk; it only becomes the entry when new.
    const buf = this.bytes.room(s.length * 3);
    const at = this.bytes.used;
    const len = buf.write(s, at, 'utf8');
    return this.internAt(buf, at, len, fnv1aBytes(buf, at, at + len), true);
  }

  /** The id of the UTF-8 bytes `src[start, start + length)` whose `fnv1aBytes` hash is `hash`, interning them when new. */
  internBytes(src: Uint8Array, start: number, length: number, hash: number): number {
    this.checkSettled();
    return this.internAt(src, start, length, hash, false);
  }

  /**
   * Appends the UTF-8 bytes `src[start, start + length)` (whose `fnv1aBytes` hash is `hash`) as a new entry
   * without looking them up, and returns its id: for loading many entries that should be distinct (a snapshot's
   * tables). `settle()` then looks them all up at once, and must come before any other lookup.
   */
  append(src: Uint8Array, start: number, length: number, hash: number): number {
    return this.addEntry(src, start, length, hash, false);
  }

  /**
   * Puts the entries appended since the last settle into the table, bucket by bucket of home slots. perf: at 20M
   * entries the table spans hundreds of MB, and probing it in id order is one random access per entry (~1 µs
   * each in a VM, where a TLB miss walks two page tables); by buckets of 1/4096 of the table, the probes of a
   * bucket stay in a few pages. Returns `[earlier, later]` for the repeat whose later id is smallest (the later
   * entry is then left out of the table), or undefined when the entries were all distinct.
   */
  settle(): [number, number] | undefined {
    const steps = this.settleSteps();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** `settle` in steps (of 2^18 entries, then of one bucket), so a caller can pause between them. */
  *settleSteps(): Generator<void, [number, number] | undefined, void> {
    const from = this.settled;
    const to = this.size;
    if (from === to) return undefined;
    let length = this.table.length;
    while (overFull(to, length)) length *= 2;
    if (length > this.table.length) this.rehash(length);
    const mask = this.mask;
    const hashes = this.hashes.view();
    // Counting sort of the new ids by the top bits of their home slot.
    const bits = Math.min(12, Math.log2(mask + 1));
    const shift = Math.log2(mask + 1) - bits;
    const buckets = 1 << bits;
    const start = new Uint32Array(buckets + 1);
    for (let id = from; id < to; id++) {
      start[((mix(hashes[id]!) & mask) >>> shift) + 1]!++;
      if ((id & 0x3ffff) === 0x3ffff) yield;
    }
    for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
    const order = new Int32Array(to - from);
    const cursor = start.slice(0, buckets);
    for (let id = from; id < to; id++) {
      order[cursor[(mix(hashes[id]!) & mask) >>> shift]!++] = id;
      if ((id & 0x3ffff) === 0x3ffff) yield;
    }
    const table = this.table;
    let repeat: [number, number] | undefined;
    for (let b = 0; b < buckets; b++) {
      for (let j = start[b]!, end = start[b + 1]!; j < end; j++) {
        const id = order[j]!;
        const h = hashes[id]! | 0;
        let slot = mix(h) & mask;
        let seen = false;
        for (let e = table[2 * slot]!; e !== 0; e = table[2 * slot]!) {
          if (table[2 * slot + 1] === h && this.sameEntries(e - 1, id)) {
            seen = true;
            // Ids within a bucket come in id order, so the entry found is the earlier one.
            if (repeat === undefined || id < repeat[1]) repeat = [e - 1, id];
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (!seen) {
          table[2 * slot] = id + 1;
          table[2 * slot + 1] = h;
        }
      }
      yield;
    }
    this.settled = to;
    return repeat;
  }

  /** The id of `s`, or -1 when it was never interned. */
  get(s: string): number {
    this.checkSettled();
    if (this.scratch.length < s.length * 3) this.scratch = Buffer.allocUnsafe(s.length * 3);
    const bytes = this.scratch;
    const length = bytes.write(s, 0, 'utf8');
    const hash = fnv1aBytes(bytes, 0, length);
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = this.table[2 * slot]!;
      if (e === 0) return -1;
      if (this.table[2 * slot + 1] === (hash | 0) && this.equals(e - 1, bytes, 0, length)) return e - 1;
    }
  }

  /** The id of the UTF-8 bytes `src[start, start + length)` whose `fnv1aBytes` hash is `hash`, or -1. */
  getBytes(src: Uint8Array, start: number, length: number, hash: number): number {
    this.checkSettled();
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = this.table[2 * slot]!;
      if (e === 0) return -1;
      if (this.table[2 * slot + 1] === (hash | 0) && this.equals(e - 1, src, start, length)) return e - 1;
    }
  }

  /** The string behind an id. */
  keyOf(id: number): string {
    if (id < 0 || id >= this.size) throw new RangeError(`ByteInterner: no key with id ${id}`);
    return this.bytes.text(this.starts.get(id), this.lengths.get(id));
  }

  /**
   * The entries as they are now, in shared memory: views of the offsets and the bytes, valid for these entries for
   * good, as entries are only ever appended.
   */
  view(): InternedView {
    return { chunks: [...this.bytes.chunks], starts: this.starts.sharedView(), lengths: this.lengths.sharedView() };
  }

  /** FNV-1a (32 bits) of the entry's UTF-8 bytes. */
  hashOf(id: number): number {
    return this.hashes.get(id);
  }

  /** The hashes of all entries, indexed by id (a view; valid until the next new entry). */
  hashView(): Uint32Array {
    return this.hashes.view();
  }

  /**
   * Orders two entries as their strings compare by UTF-16 code unit (JavaScript's `<`), without decoding them
   * in the common case. UTF-8 bytes order by code point, which differs from code unit order only between a
   * supplementary character and U+E000–U+FFFF; those (lead bytes ≥ 0xEE on both sides) compare as strings.
   */
  compare(a: number, b: number): number {
    if (a === b) return 0;
    const sa = this.starts.get(a);
    const sb = this.starts.get(b);
    const ca = Math.floor(sa / CHUNK_BASE);
    const cb = Math.floor(sb / CHUNK_BASE);
    const order = compareUtf8(this.chunks[ca]!, sa - ca * CHUNK_BASE, this.lengths.get(a), this.chunks[cb]!, sb - cb * CHUNK_BASE, this.lengths.get(b));
    return Number.isNaN(order) ? compareStrings(this.keyOf(a), this.keyOf(b)) : order;
  }

  /**
   * Reads, level by level, what looking up `hashes[0, n)` will read: each home slot of the table, then the
   * bytes of the entry found there with the same hash. Returns a sum of what was read (so that the reads cannot
   * be optimized away); `scratch` holds at least n entries.
   *
   * perf: at tens of millions of entries the table and the bytes span gigabytes, and each lookup is one or two
   * random misses; read together first, many are in flight at once, and the lookups then find them in cache.
   */
  warm(hashes: Uint32Array, n: number, scratch: Int32Array): number {
    const table = this.table;
    const mask = this.mask;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      const slot = mix(h) & mask;
      scratch[i] = table[2 * slot + 1] === (h | 0) ? table[2 * slot]! - 1 : -1;
    }
    const size = this.size;
    for (let i = 0; i < n; i++) {
      const id = scratch[i]!;
      // An empty entry at a chunk's very end has no byte to read (undefined: counted as 0).
      if (id >= 0 && id < size) sum += chunkByte(this.chunks, this.starts.get(id)) ?? 0;
    }
    return sum;
  }

  private internAt(src: Uint8Array, start: number, length: number, hash: number, inTail: boolean): number {
    const h = hash | 0;
    const table = this.table;
    for (let slot = mix(hash) & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = table[2 * slot]!;
      if (e === 0) {
        const id = this.addEntry(src, start, length, hash, inTail);
        this.settled++;
        table[2 * slot] = id + 1;
        table[2 * slot + 1] = h;
        if (overFull(this.size, table.length)) this.rehash();
        return id;
      }
      if (table[2 * slot + 1] === h && this.equals(e - 1, src, start, length)) return e - 1;
    }
  }

  /**
   * Adds an entry (not to the table): its bytes are copied to the free tail of the current chunk, unless they are
   * there already (`inTail`, as `intern` encodes them). Returns its id.
   */
  private addEntry(src: Uint8Array, start: number, length: number, hash: number, inTail: boolean): number {
    this.starts.push(inTail ? this.bytes.commit(length) : this.bytes.append(src, start, length));
    this.lengths.push(length);
    this.hashes.push(hash);
    return this.hashes.length - 1;
  }

  private checkSettled(): void {
    if (this.settled !== this.hashes.length) throw new Error('ByteInterner: entries were appended; settle() before looking any up');
  }

  /** Whether entries `a` and `b` hold the same bytes. */
  private sameEntries(a: number, b: number): boolean {
    const s = this.starts.get(b);
    const chunk = Math.floor(s / CHUNK_BASE);
    return this.equals(a, this.chunks[chunk]!, s - chunk * CHUNK_BASE, this.lengths.get(b));
  }

  private equals(id: number, src: Uint8Array, start: number, length: number): boolean {
    if (this.lengths.get(id) !== length) return false;
    const s = this.starts.get(id);
    const chunk = Math.floor(s / CHUNK_BASE);
    const buf = this.chunks[chunk]!;
    const off = s - chunk * CHUNK_BASE;
    for (let i = 0; i < length; i++) if (buf[off + i] !== src[start + i]) return false;
    return true;
  }

  /** Sizes the table for `entries` entries at once (no rehash until then). */
  reserveEntries(entries: number): void {
    this.reserveTable(entries);
    this.reserveEntryArrays(entries);
  }

  /** Sizes the table for `entries` entries (no rehash until then); the entries' arrays still grow as they fill. */
  reserveTable(entries: number): void {
    let length = this.table.length;
    while (overFull(entries, length)) length *= 2;
    if (length > this.table.length) this.rehash(length);
  }

  /** Room for `entries` entries' offsets, lengths and hashes, exactly; the table still grows as it fills. */
  reserveEntryArrays(entries: number): void {
    this.starts.reserve(entries);
    this.lengths.reserve(entries);
    this.hashes.reserve(entries);
  }

  /**
   * The table, `length` long, holding the entries the current one holds (those settled). perf: the current table
   * is walked slot by slot, so entries come in order of their home slot and the writes go to two fronts of the new
   * table (a home slot and the one half a table further) instead of one random slot each: in id order, every
   * insert was a cache and TLB miss once the table spanned hundreds of MB (~4.3 s of the read's main thread at 10M
   * rows, for the ids, keys and names).
   */
  private rehash(length = this.table.length * 2): void {
    const old = this.table;
    const table = new Int32Array(length);
    const mask = table.length / 2 - 1;
    for (let s = 0; s < old.length; s += 2) {
      const e = old[s]!;
      if (e === 0) continue;
      const h = old[s + 1]!;
      let slot = mix(h) & mask;
      while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = e;
      table[2 * slot + 1] = h;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** FNV-1a, 32 bits, over `bytes[start, end)`. Equals `fnv1a32` of the decoded string when it is ASCII. */
export function fnv1aBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Whether `entries` overfill a table of `length` (two Int32 a slot): more than 3/4 of the slots taken. perf: for
 * 20M record ids a table kept at most half full took 512 MB (a load of 0.3 after its last doubling); at 3/4 it
 * takes 256 MB. Linear probing stays cheap there: the extra probes of a lookup read the next 8-byte slots,
 * mostly in the cache line already loaded, and compare bytes only on an equal 32-bit hash.
 */
function overFull(entries: number, length: number): boolean {
  return 8 * entries > 3 * length;
}

/** Spreads FNV's weaker low bits before they pick a slot (murmur3's finalizer). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}
