// bench/lines/lineBuilders.ts
import { parseArgs } from "node:util";

// src/_internal/grow.ts
function grow(a, min, exact = false) {
  if (min <= a.length) return a;
  let n = exact ? min : Math.max(16, a.length * 2);
  while (n < min) n *= 2;
  const next = allocLike(a, n);
  next.set(a);
  return next;
}
function allocLike(a, length) {
  const ctor = a.constructor;
  return a.buffer instanceof SharedArrayBuffer ? new ctor(new SharedArrayBuffer(length * ctor.BYTES_PER_ELEMENT)) : new ctor(length);
}

// src/_internal/shared.ts
function toShared(a) {
  const ctor = a.constructor;
  const out = new ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}
function asShared(a) {
  return a.buffer instanceof SharedArrayBuffer ? a : toShared(a);
}

// src/_internal/GrowableArray.ts
var GrowableArray = class {
  /**
   * `shared`: keep the data in a `SharedArrayBuffer`, so `sharedView()` hands it to worker threads without a copy
   * (the batch's per-record columns; at 20M rows a copy of them all would be over a gigabyte).
   */
  constructor(ctor, initialCapacity = 1024, shared = false) {
    this.shared = shared;
    const length = Math.max(16, initialCapacity);
    this.data = shared ? new ctor(new SharedArrayBuffer(length * ctor.BYTES_PER_ELEMENT)) : new ctor(length);
    this.capacity = length;
    this.kind = kindOf(this.data);
  }
  data;
  n = 0;
  /**
   * The element type, as a switch case: perf: one element store shared by every instance sees five typed-array
   * types, which makes V8's store megamorphic (~40 ns a push against ~4 measured; the batch pushes ~10 elements a
   * record, across its columns, interners and the link's log). A store per type stays monomorphic.
   */
  kind;
  get length() {
    return this.n;
  }
  push(value) {
    if (this.n === this.capacity) this.take(grow(this.data, this.n + 1));
    this.set(this.n++, value);
  }
  /** `data.length`, kept apart: the length of five typed-array types read at one place is megamorphic too. */
  capacity;
  take(data) {
    this.data = data;
    this.capacity = data.length;
  }
  /** Makes room for `n` elements in all, exactly (a size known up front), so pushes up to it never copy. */
  reserve(n) {
    this.take(grow(this.data, n, true));
  }
  /** Takes `data` (shared when this array is) as the whole filled part, without a copy. */
  adopt(data) {
    if (this.shared && !(data.buffer instanceof SharedArrayBuffer)) throw new Error("GrowableArray: a shared array adopts shared memory only");
    if (kindOf(data) !== this.kind) throw new Error("GrowableArray: adopts an array of its own element type only");
    this.take(data);
    this.n = data.length;
  }
  get(i) {
    switch (this.kind) {
      case INT32:
        return this.data[i];
      case UINT32:
        return this.data[i];
      case FLOAT32:
        return this.data[i];
      case FLOAT64:
        return this.data[i];
      default:
        return this.data[i];
    }
  }
  set(i, value) {
    switch (this.kind) {
      case INT32:
        this.data[i] = value;
        break;
      case UINT32:
        this.data[i] = value;
        break;
      case FLOAT32:
        this.data[i] = value;
        break;
      case FLOAT64:
        this.data[i] = value;
        break;
      default:
        this.data[i] = value;
    }
  }
  /** A view of the filled part (shares memory; valid until the next push). */
  view() {
    return this.data.subarray(0, this.n);
  }
  /** The filled part in shared memory, for worker threads: the view itself when `shared`, else a shared copy. */
  sharedView() {
    return this.shared ? this.view() : toShared(this.view());
  }
};
var INT32 = 0;
var UINT32 = 1;
var FLOAT32 = 2;
var FLOAT64 = 3;
var UINT8 = 4;
function kindOf(a) {
  if (a instanceof Int32Array) return INT32;
  if (a instanceof Uint32Array) return UINT32;
  if (a instanceof Float32Array) return FLOAT32;
  if (a instanceof Float64Array) return FLOAT64;
  if (a instanceof Uint8Array) return UINT8;
  throw new Error(`GrowableArray: no store for ${Object.prototype.toString.call(a)}`);
}

// src/_internal/chunkString.ts
var CHUNK_BASE = 2 ** 32;
function chunkString(chunks, address, length) {
  const chunk = Math.floor(address / CHUNK_BASE);
  const offset = address - chunk * CHUNK_BASE;
  return chunks[chunk].toString("utf8", offset, offset + length);
}
function chunkByte(chunks, address) {
  const chunk = Math.floor(address / CHUNK_BASE);
  return chunks[chunk][address - chunk * CHUNK_BASE];
}

// src/_internal/ByteSlab.ts
var ByteSlab = class {
  constructor(shared, maxChunk = 32 * 1024 * 1024, minChunk = 64 * 1024) {
    this.shared = shared;
    this.maxChunk = maxChunk;
    this.minChunk = minChunk;
  }
  chunks = [];
  current = Buffer.alloc(0);
  /** Index of `current` in `chunks` (-1 before the first): adopted chunks may follow it. */
  currentIndex = -1;
  /** Bytes of `current` in use; the free tail starts here. */
  used = 0;
  /** The current chunk, with room for `bytes` more bytes at `used` (a run is written there, then `commit`ted). */
  room(bytes) {
    if (this.used + bytes > this.current.length || this.currentIndex < 0) {
      const size = Math.max(Math.min(this.maxChunk, Math.max(this.minChunk, this.current.length * 2)), bytes);
      this.current = this.shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
      this.currentIndex = this.chunks.push(this.current) - 1;
      this.used = 0;
    }
    return this.current;
  }
  /** Takes the `bytes` written at the free tail as a run; returns its address. */
  commit(bytes) {
    const address = this.currentIndex * CHUNK_BASE + this.used;
    this.used += bytes;
    return address;
  }
  /** Appends `src[start, start + length)`; returns its address. */
  append(src, start, length) {
    const buf = this.room(length);
    const at = this.used;
    if (length > 32) buf.set(src.subarray(start, start + length), at);
    else for (let i = 0; i < length; i++) buf[at + i] = src[start + i];
    return this.commit(length);
  }
  /** Appends `s` as UTF-8; returns its address (its length: `Buffer.byteLength(s)`, or the caller's own count). */
  write(s) {
    const buf = this.room(s.length * 3);
    const length = buf.write(s, this.used, "utf8");
    return { address: this.commit(length), length };
  }
  /**
   * Takes `bytes` (runs back to back) as a chunk of its own, without a copy; returns the address of its first byte.
   * The caller gives up `bytes`.
   */
  adopt(bytes) {
    this.chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return (this.chunks.length - 1) * CHUNK_BASE;
  }
  /** The chunk holding `address`; the run starts at `offsetOf(address)` in it. */
  chunkOf(address) {
    return this.chunks[Math.floor(address / CHUNK_BASE)];
  }
  text(address, length) {
    return chunkString(this.chunks, address, length);
  }
  /** Overwrites a run with zeros (erasure: a removed record's data does not linger in memory). */
  zero(address, length) {
    const start = offsetOf(address);
    this.chunkOf(address).fill(0, start, start + length);
  }
};
function offsetOf(address) {
  return address % CHUNK_BASE;
}

// src/_internal/compareStrings.ts
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareUtf8(x, xa, xl, y, ya, yl) {
  const n = Math.min(xl, yl);
  for (let i = 0; i < n; i++) {
    const p = x[xa + i];
    const q = y[ya + i];
    if (p === q) continue;
    return p >= 238 && q >= 238 ? Number.NaN : p - q;
  }
  return xl - yl;
}

// src/_internal/ByteInterner.ts
function stringAt(view, id) {
  return chunkString(view.chunks, view.starts[id], view.lengths[id]);
}
function compareAt(view, a, b, skip = 0) {
  const sa = view.starts[a] + skip;
  const sb = view.starts[b] + skip;
  const ca = Math.floor(sa / CHUNK_BASE);
  const cb = Math.floor(sb / CHUNK_BASE);
  const order = compareUtf8(view.chunks[ca], sa - ca * CHUNK_BASE, view.lengths[a] - skip, view.chunks[cb], sb - cb * CHUNK_BASE, view.lengths[b] - skip);
  return Number.isNaN(order) ? compareStrings(stringAt(view, a).slice(skip), stringAt(view, b).slice(skip)) : order;
}
function asBuffers(chunks) {
  return chunks.map((c2) => Buffer.isBuffer(c2) ? c2 : Buffer.from(c2.buffer, c2.byteOffset, c2.byteLength));
}
var ByteInterner = class {
  // Shared memory, so worker threads can read the entries later without a copy.
  bytes = new ByteSlab(true);
  /** `bytes.chunks` (perf: one load less on every lookup that compares bytes). */
  chunks = this.bytes.chunks;
  /** Entry i starts at chunk * 2^32 + offset. */
  starts = new GrowableArray(Float64Array, 1024, true);
  lengths = new GrowableArray(Uint32Array, 1024, true);
  hashes = new GrowableArray(Uint32Array);
  /**
   * Open addressing, linear probing, at most 3/4 full (`overFull`). Slot s is `table[2s]` = id + 1 (0: empty) and
   * `table[2s + 1]` = the entry's hash. perf: the hash beside the id means a probe touches one cache line, not
   * a second array, before it compares bytes.
   */
  table = new Int32Array(2 << 12);
  mask = (1 << 12) - 1;
  scratch = Buffer.allocUnsafe(256);
  /** Entries below this id are in the table; `append` adds entries above it until `settle`. */
  settled = 0;
  /** Number of distinct strings interned so far. */
  get size() {
    return this.hashes.length;
  }
  /** The id of `s`, assigning the next free id when it is new (then `size` grows by one). */
  intern(s) {
    this.checkSettled();
    const buf = this.bytes.room(s.length * 3);
    const at = this.bytes.used;
    const len = buf.write(s, at, "utf8");
    return this.internAt(buf, at, len, fnv1aBytes(buf, at, at + len), true);
  }
  /** The id of the UTF-8 bytes `src[start, start + length)` whose `fnv1aBytes` hash is `hash`, interning them when new. */
  internBytes(src, start, length, hash) {
    this.checkSettled();
    return this.internAt(src, start, length, hash, false);
  }
  /**
   * Appends the UTF-8 bytes `src[start, start + length)` (whose `fnv1aBytes` hash is `hash`) as a new entry
   * without looking them up, and returns its id: for loading many entries that should be distinct (a snapshot's
   * tables). `settle()` then looks them all up at once, and must come before any other lookup.
   */
  append(src, start, length, hash) {
    return this.addEntry(src, start, length, hash, false);
  }
  /**
   * Puts the entries appended since the last settle into the table, bucket by bucket of home slots. perf: at 20M
   * entries the table spans hundreds of MB, and probing it in id order is one random access per entry (~1 µs
   * each in a VM, where a TLB miss walks two page tables); by buckets of 1/4096 of the table, the probes of a
   * bucket stay in a few pages. Returns `[earlier, later]` for the repeat whose later id is smallest (the later
   * entry is then left out of the table), or undefined when the entries were all distinct.
   */
  settle() {
    const steps = this.settleSteps();
    for (; ; ) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }
  /** `settle` in steps (of 2^18 entries, then of one bucket), so a caller can pause between them. */
  *settleSteps() {
    const from = this.settled;
    const to = this.size;
    if (from === to) return void 0;
    let length = this.table.length;
    while (overFull(to, length)) length *= 2;
    if (length > this.table.length) this.rehash(length);
    const mask = this.mask;
    const hashes = this.hashes.view();
    const bits = Math.min(12, Math.log2(mask + 1));
    const shift = Math.log2(mask + 1) - bits;
    const buckets = 1 << bits;
    const start = new Uint32Array(buckets + 1);
    for (let id = from; id < to; id++) {
      start[((mix(hashes[id]) & mask) >>> shift) + 1]++;
      if ((id & 262143) === 262143) yield;
    }
    for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
    const order = new Int32Array(to - from);
    const cursor = start.slice(0, buckets);
    for (let id = from; id < to; id++) {
      order[cursor[(mix(hashes[id]) & mask) >>> shift]++] = id;
      if ((id & 262143) === 262143) yield;
    }
    const table = this.table;
    let repeat;
    for (let b = 0; b < buckets; b++) {
      for (let j = start[b], end = start[b + 1]; j < end; j++) {
        const id = order[j];
        const h = hashes[id] | 0;
        let slot = mix(h) & mask;
        let seen = false;
        for (let e = table[2 * slot]; e !== 0; e = table[2 * slot]) {
          if (table[2 * slot + 1] === h && this.sameEntries(e - 1, id)) {
            seen = true;
            if (repeat === void 0 || id < repeat[1]) repeat = [e - 1, id];
            break;
          }
          slot = slot + 1 & mask;
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
  get(s) {
    this.checkSettled();
    if (this.scratch.length < s.length * 3) this.scratch = Buffer.allocUnsafe(s.length * 3);
    const bytes = this.scratch;
    const length = bytes.write(s, 0, "utf8");
    const hash = fnv1aBytes(bytes, 0, length);
    for (let slot = mix(hash) & this.mask; ; slot = slot + 1 & this.mask) {
      const e = this.table[2 * slot];
      if (e === 0) return -1;
      if (this.table[2 * slot + 1] === (hash | 0) && this.equals(e - 1, bytes, 0, length)) return e - 1;
    }
  }
  /** The id of the UTF-8 bytes `src[start, start + length)` whose `fnv1aBytes` hash is `hash`, or -1. */
  getBytes(src, start, length, hash) {
    this.checkSettled();
    for (let slot = mix(hash) & this.mask; ; slot = slot + 1 & this.mask) {
      const e = this.table[2 * slot];
      if (e === 0) return -1;
      if (this.table[2 * slot + 1] === (hash | 0) && this.equals(e - 1, src, start, length)) return e - 1;
    }
  }
  /** The string behind an id. */
  keyOf(id) {
    if (id < 0 || id >= this.size) throw new RangeError(`ByteInterner: no key with id ${id}`);
    return this.bytes.text(this.starts.get(id), this.lengths.get(id));
  }
  /** The entries as they are now, in shared memory (copies the offsets, shares the bytes). */
  view() {
    return { chunks: [...this.bytes.chunks], starts: this.starts.sharedView(), lengths: this.lengths.sharedView() };
  }
  /** FNV-1a (32 bits) of the entry's UTF-8 bytes. */
  hashOf(id) {
    return this.hashes.get(id);
  }
  /** The hashes of all entries, indexed by id (a view; valid until the next new entry). */
  hashView() {
    return this.hashes.view();
  }
  /**
   * Orders two entries as their strings compare by UTF-16 code unit (JavaScript's `<`), without decoding them
   * in the common case. UTF-8 bytes order by code point, which differs from code unit order only between a
   * supplementary character and U+E000–U+FFFF; those (lead bytes ≥ 0xEE on both sides) compare as strings.
   */
  compare(a, b) {
    if (a === b) return 0;
    const sa = this.starts.get(a);
    const sb = this.starts.get(b);
    const ca = Math.floor(sa / CHUNK_BASE);
    const cb = Math.floor(sb / CHUNK_BASE);
    const order = compareUtf8(this.chunks[ca], sa - ca * CHUNK_BASE, this.lengths.get(a), this.chunks[cb], sb - cb * CHUNK_BASE, this.lengths.get(b));
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
  warm(hashes, n, scratch) {
    const table = this.table;
    const mask = this.mask;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const h = hashes[i];
      const slot = mix(h) & mask;
      scratch[i] = table[2 * slot + 1] === (h | 0) ? table[2 * slot] - 1 : -1;
    }
    const size = this.size;
    for (let i = 0; i < n; i++) {
      const id = scratch[i];
      if (id >= 0 && id < size) sum += chunkByte(this.chunks, this.starts.get(id)) ?? 0;
    }
    return sum;
  }
  internAt(src, start, length, hash, inTail) {
    const h = hash | 0;
    const table = this.table;
    for (let slot = mix(hash) & this.mask; ; slot = slot + 1 & this.mask) {
      const e = table[2 * slot];
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
  addEntry(src, start, length, hash, inTail) {
    this.starts.push(inTail ? this.bytes.commit(length) : this.bytes.append(src, start, length));
    this.lengths.push(length);
    this.hashes.push(hash);
    return this.hashes.length - 1;
  }
  checkSettled() {
    if (this.settled !== this.hashes.length) throw new Error("ByteInterner: entries were appended; settle() before looking any up");
  }
  /** Whether entries `a` and `b` hold the same bytes. */
  sameEntries(a, b) {
    const s = this.starts.get(b);
    const chunk = Math.floor(s / CHUNK_BASE);
    return this.equals(a, this.chunks[chunk], s - chunk * CHUNK_BASE, this.lengths.get(b));
  }
  equals(id, src, start, length) {
    if (this.lengths.get(id) !== length) return false;
    const s = this.starts.get(id);
    const chunk = Math.floor(s / CHUNK_BASE);
    const buf = this.chunks[chunk];
    const off = s - chunk * CHUNK_BASE;
    for (let i = 0; i < length; i++) if (buf[off + i] !== src[start + i]) return false;
    return true;
  }
  /** Sizes the table for `entries` entries at once (no rehash until then). */
  reserveEntries(entries) {
    let length = this.table.length;
    while (overFull(entries, length)) length *= 2;
    if (length > this.table.length) this.rehash(length);
    this.reserveEntryArrays(entries);
  }
  /** Room for `entries` entries' offsets, lengths and hashes, exactly; the table still grows as it fills. */
  reserveEntryArrays(entries) {
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
  rehash(length = this.table.length * 2) {
    const old2 = this.table;
    const table = new Int32Array(length);
    const mask = table.length / 2 - 1;
    for (let s = 0; s < old2.length; s += 2) {
      const e = old2[s];
      if (e === 0) continue;
      const h = old2[s + 1];
      let slot = mix(h) & mask;
      while (table[2 * slot] !== 0) slot = slot + 1 & mask;
      table[2 * slot] = e;
      table[2 * slot + 1] = h;
    }
    this.table = table;
    this.mask = mask;
  }
};
function fnv1aBytes(bytes, start, end) {
  let h = 2166136261;
  for (let i = start; i < end; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
function overFull(entries, length) {
  return 8 * entries > 3 * length;
}
function mix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  return h;
}

// src/_internal/lowerBound.ts
function lowerBound(sorted, x) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/config/ResolveOptions.ts
var DEFAULTS = {
  defaultRegion: "AE",
  genericMaxRecords: 100,
  genericMaxDistinctIdentifiers: 20,
  minNameSimilarity: 0.75,
  maxClusterSize: 200
};
function withDefaults(options = {}) {
  const g = options.guards ?? {};
  const generic = g.generic === false ? false : {
    maxRecords: g.generic?.maxRecords ?? DEFAULTS.genericMaxRecords,
    maxDistinctIdentifiers: g.generic?.maxDistinctIdentifiers ?? DEFAULTS.genericMaxDistinctIdentifiers
  };
  const shareable = g.shareable === false ? false : {
    kinds: g.shareable?.kinds ?? ["phone", "email"],
    minNameSimilarity: g.shareable?.minNameSimilarity ?? DEFAULTS.minNameSimilarity
  };
  return {
    defaultRegion: options.defaultRegion ?? DEFAULTS.defaultRegion,
    junk: options.junk ?? {},
    loginNamespace: options.loginNamespace ?? "global",
    generic,
    exclusiveKinds: g.exclusive === false ? [] : g.exclusive?.kinds ?? ["login"],
    shareable,
    maxClusterSize: g.maxClusterSize === false ? Number.MAX_SAFE_INTEGER : g.maxClusterSize ?? DEFAULTS.maxClusterSize,
    fuzzyEmailDomains: options.fuzzy === false ? false : options.fuzzy?.emailDomainTypos ?? true,
    survivorship: {
      default: options.survivorship?.default ?? "mostRecent",
      fields: options.survivorship?.fields ?? {},
      sourcePriority: options.survivorship?.sourcePriority ?? []
    }
  };
}

// src/_internal/PayloadStore.ts
var payloadAt = stringAt;
var PayloadStore = class {
  bytes;
  /** Payload i: `lengths[i]` bytes at address `starts[i]`. */
  starts;
  lengths;
  /** One past the highest index set. */
  n = 0;
  /**
   * `shared`: payloads and their addresses in shared memory, for worker threads (the batch's profile builders).
   * `small`: start with room for a few short texts (one resolver edit's refusal reasons), from Node's buffer pool.
   */
  constructor(shared, small = false) {
    this.bytes = small ? new ByteSlab(shared, 32 * 1024 * 1024, 256) : new ByteSlab(shared, 64 * 1024 * 1024);
    const capacity = small ? 16 : 1024;
    this.starts = shared ? new Float64Array(new SharedArrayBuffer(8 * capacity)) : new Float64Array(capacity);
    this.lengths = shared ? new Uint32Array(new SharedArrayBuffer(4 * capacity)) : new Uint32Array(capacity);
  }
  /** One past the highest index set. */
  get size() {
    return this.n;
  }
  set(i, payload) {
    const { address, length } = this.bytes.write(payload);
    this.place(i, address, length);
  }
  /** Appends `payload` after the last index; returns its index. */
  push(payload) {
    const i = this.n;
    this.set(i, payload);
    return i;
  }
  /** Sets payload i to the UTF-8 bytes `src[start, start + length)`. */
  setBytes(i, src, start, length) {
    this.place(i, this.bytes.append(src, start, length), length);
  }
  /**
   * Takes `bytes` (payloads back to back, none stored yet) as a chunk of its own, without a copy; returns the
   * address of its first byte, for `setAdopted`. The caller gives up `bytes`.
   */
  adopt(bytes) {
    return this.bytes.adopt(bytes);
  }
  /** Sets payload i to `length` bytes at `address` of an adopted chunk. */
  setAdopted(i, address, length) {
    this.place(i, address, length);
  }
  /** Appends `length` bytes at `address` of an adopted chunk as the payload after the last index; returns its index. */
  pushAdopted(address, length) {
    const i = this.n;
    this.place(i, address, length);
    return i;
  }
  get(i) {
    return this.bytes.text(this.starts[i], this.lengths[i]);
  }
  /** Overwrites payload i with zeros (erasure) and leaves it empty. */
  erase(i) {
    this.bytes.zero(this.starts[i], this.lengths[i]);
    this.lengths[i] = 0;
  }
  /** Makes room for indices below `n`, exactly (a size known up front). */
  reserve(n) {
    this.starts = grow(this.starts, n, true);
    this.lengths = grow(this.lengths, n, true);
  }
  /** The payloads, for `payloadAt` in another thread (shared without a copy when the store is shared). */
  view() {
    return { chunks: [...this.bytes.chunks], starts: this.starts.subarray(0, this.n), lengths: this.lengths.subarray(0, this.n) };
  }
  place(i, address, length) {
    if (i >= this.starts.length) {
      this.starts = grow(this.starts, i + 1);
      this.lengths = grow(this.lengths, i + 1);
    }
    this.starts[i] = address;
    this.lengths[i] = length;
    if (i >= this.n) this.n = i + 1;
  }
};

// src/cluster/EvidenceLog.ts
var OUTCOME = {
  accepted: 0,
  acceptedFuzzy: 1,
  generic: 2,
  exclusive: 3,
  shareable: 4,
  maxClusterSize: 5,
  fuzzy: 6,
  /** Refused by a steward override: a union joining a `never` pair, or an `always` pair contradicting one. */
  override: 7
};
var GUARD_OF_OUTCOME = [
  void 0,
  void 0,
  "generic",
  "exclusive",
  "shareable",
  "maxClusterSize",
  "fuzzy",
  "override"
];
function isAcceptedOutcome(outcome) {
  return outcome === OUTCOME.accepted || outcome === OUTCOME.acceptedFuzzy;
}
var OVERRIDE_KEY = -1;
var EvidenceLog = class {
  /**
   * `shared`: columns in shared memory from the start, so `entries()` hands them to worker threads without a
   * copy (the batch; the incremental resolver's per-edit logs stay in ordinary memory).
   */
  constructor(shared = false) {
    this.shared = shared;
    this.key = new GrowableArray(Int32Array, 64, shared);
    this.recordA = new GrowableArray(Int32Array, 64, shared);
    this.recordB = new GrowableArray(Int32Array, 64, shared);
    this.outcome = new GrowableArray(Uint8Array, 64, shared);
    this.weight = new GrowableArray(Float32Array, 64, shared);
    this.facts = new GrowableArray(Uint32Array, 64, shared);
  }
  // perf: start small; the incremental resolver makes one log per edit, the batch grows it by doubling.
  key;
  recordA;
  recordB;
  outcome;
  /** The decision's match weight (NaN when none was computed) and its facts (`match/matchWeights` packFacts). */
  weight;
  facts;
  /** Reasons, made on the first one: the k-th reason's entry index (ascending) and its text. */
  why;
  counts = new Uint32Array(8);
  /** `always` overrides refused because they would join a `never` pair (the contradiction rule: never wins). */
  overrideConflicts = 0;
  get length() {
    return this.key.length;
  }
  add(key, a, b, outcome, why, weight = Number.NaN, facts = 0) {
    if (why !== void 0) this.addWhy(this.key.length, why);
    this.key.push(key);
    this.recordA.push(a);
    this.recordB.push(b);
    this.outcome.push(outcome);
    this.weight.push(weight);
    this.facts.push(facts);
    this.counts[outcome]++;
    if (key === OVERRIDE_KEY && outcome === OUTCOME.override) this.overrideConflicts++;
  }
  /**
   * Takes the byte chunks of another log's reasons as its own, without a copy (merging the logs of a link's parts,
   * `cluster/linkParts`); returns where each chunk now starts, for `adoptReason`.
   */
  adoptReasons(e) {
    const text = this.whyStore().text;
    return e.why.text.chunks.map((c2) => text.adopt(c2));
  }
  /**
   * Gives entry `i` of this log the `why`-th reason of another log's entries, whose chunks this log adopted
   * (`adoptReasons`, which returned `chunkAt`). Reasons are given in ascending `i`, before `adoptColumns`.
   */
  adoptReason(i, e, why, chunkAt) {
    const w = this.whyStore();
    w.entry.push(i);
    const address = e.why.text.starts[why];
    const chunk = Math.floor(address / CHUNK_BASE);
    w.text.pushAdopted(chunkAt[chunk] + (address - chunk * CHUNK_BASE), e.why.text.lengths[why]);
  }
  /**
   * Takes whole columns as the entries of this empty log, without a copy (merged logs, `cluster/linkParts`), and
   * counts their outcomes.
   */
  adoptColumns(c2) {
    if (this.length !== 0) throw new Error("EvidenceLog: adoptColumns on a log with entries");
    this.key.adopt(c2.key);
    this.recordA.adopt(c2.recordA);
    this.recordB.adopt(c2.recordB);
    this.outcome.adopt(c2.outcome);
    this.weight.adopt(c2.weight);
    this.facts.adopt(c2.facts);
    for (let i = 0; i < c2.outcome.length; i++) {
      const outcome = c2.outcome[i];
      this.counts[outcome]++;
      if (c2.key[i] === OVERRIDE_KEY && outcome === OUTCOME.override) this.overrideConflicts++;
    }
  }
  addWhy(i, why) {
    const w = this.whyStore();
    w.entry.push(i);
    w.text.push(why);
  }
  whyStore() {
    const s = this.shared;
    return this.why ??= { entry: new GrowableArray(Int32Array, 16, s), text: new PayloadStore(s, !s) };
  }
  whyOf(i) {
    const w = this.why;
    if (w === void 0) return void 0;
    const k = indexOfEntry(w.entry.view(), i);
    return k < 0 ? void 0 : w.text.get(k);
  }
  /** The log as plain arrays in shared memory, for worker threads (see `EvidenceEntries`). */
  entries() {
    const w = this.why;
    return {
      length: this.length,
      key: this.key.sharedView(),
      recordA: this.recordA.sharedView(),
      recordB: this.recordB.sharedView(),
      outcome: this.outcome.sharedView(),
      weight: this.weight.sharedView(),
      facts: this.facts.sharedView(),
      why: {
        entry: w === void 0 ? new Int32Array(0) : w.entry.sharedView(),
        text: w === void 0 ? NO_TEXT : this.shared ? w.text.view() : sharedCopy(w.text.view())
      }
    };
  }
};
var NO_TEXT = { chunks: [], starts: new Float64Array(0), lengths: new Uint32Array(0) };
function sharedCopy(v) {
  const chunks = v.chunks.map((c2) => {
    const out = Buffer.from(new SharedArrayBuffer(c2.length));
    out.set(c2);
    return out;
  });
  return { chunks, starts: toShared(v.starts), lengths: toShared(v.lengths) };
}
function indexOfEntry(entries, i) {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >>> 1;
    const v = entries[mid];
    if (v === i) return mid;
    if (v < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// src/_internal/radixSort.ts
function radixSortIndices(keys, indices) {
  const n = indices ? indices.length : keys.length;
  if (n <= SMALL) return insertionSortIndices(keys, indices ? Uint32Array.from(indices) : Uint32Array.from({ length: n }, (_, i) => i));
  let srcIdx = new Uint32Array(n);
  let srcKey = new Uint32Array(n);
  const counts = new Uint32Array(3 * RADIX);
  for (let i = 0; i < n; i++) {
    const r = indices ? indices[i] : i;
    const k = keys[r];
    srcIdx[i] = r;
    srcKey[i] = k;
    counts[k & MASK]++;
    counts[RADIX + (k >>> BITS & MASK)]++;
    counts[2 * RADIX + (k >>> 2 * BITS)]++;
  }
  for (let pass = 0; pass < 3; pass++) {
    let sum = 0;
    for (let b = pass * RADIX; b < (pass + 1) * RADIX; b++) {
      const c2 = counts[b];
      counts[b] = sum;
      sum += c2;
    }
  }
  let dstIdx = new Uint32Array(n);
  let dstKey = new Uint32Array(n);
  for (let pass = 0; pass < 3; pass++) {
    const shift = pass * BITS;
    const base = pass * RADIX;
    for (let i = 0; i < n; i++) {
      const k = srcKey[i];
      const at = counts[base + (k >>> shift & MASK)]++;
      dstKey[at] = k;
      dstIdx[at] = srcIdx[i];
    }
    [srcIdx, dstIdx] = [dstIdx, srcIdx];
    [srcKey, dstKey] = [dstKey, srcKey];
  }
  return srcIdx;
}
var BITS = 11;
var RADIX = 1 << BITS;
var MASK = RADIX - 1;
var SMALL = 64;
function insertionSortIndices(keys, idx) {
  for (let i = 1; i < idx.length; i++) {
    const v = idx[i];
    const k = keys[v];
    let j = i - 1;
    while (j >= 0 && keys[idx[j]] > k) {
      idx[j + 1] = idx[j];
      j--;
    }
    idx[j + 1] = v;
  }
  return idx;
}
function breakTies(sorted, keys, tieBreak) {
  let i = 0;
  const n = sorted.length;
  while (i < n) {
    let j = i + 1;
    const k = keys[sorted[i]];
    while (j < n && keys[sorted[j]] === k) j++;
    if (j - i > 1) sorted.subarray(i, j).sort(tieBreak);
    i = j;
  }
}

// src/match/levels.ts
var LEVEL = {
  none: -1,
  /** Clearly different: two people. */
  disagree: 0,
  /** Both present but not comparable (different scripts with no table entry). */
  unknown: 1,
  /** Compatible but weak: a lone initial ("J" / "John"), a partial date, a day/month swap or one-digit slip. */
  close: 2,
  /** The same value written differently: a nickname, a transliteration, a typo, a compound surname's part. */
  variant: 3,
  exact: 4
};

// src/match/nameSimilarity.ts
import { distance } from "fastest-levenshtein";
function nameSimilarity(a, b) {
  if (a === b) return a.length > 0 ? 1 : 0;
  if (a.length === 0 || b.length === 0) return 0;
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  if (short.length >= 3 && long.startsWith(short)) return 0.9;
  if (sameSkeleton(a, b)) return 0.9;
  return 1 - editDistance(a, b) / long.length;
}
function sameSkeleton(a, b) {
  let i = skeletonLetter(a, 0);
  let j = skeletonLetter(b, 0);
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    n++;
    i = skeletonLetter(a, i + 1);
    j = skeletonLetter(b, j + 1);
  }
  return i === a.length && j === b.length && n >= 2;
}
function skeletonLetter(name, from) {
  for (let i = from; i < name.length; i++) {
    const c2 = name.charCodeAt(i);
    if (i > 0 && c2 === name.charCodeAt(i - 1)) continue;
    if (c2 === 97 || c2 === 101 || c2 === 105 || c2 === 111 || c2 === 117) continue;
    if ((c2 === 121 || c2 === 119) && i > 0) continue;
    return i;
  }
  return name.length;
}
function editDistance(a, b) {
  const d = distance(a, b);
  return d === 2 && a.length === b.length && isOneSwap(a, b) ? 1 : d;
}
function isOneSwap(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i + 1 >= a.length || a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  for (let j = i + 2; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}

// src/match/normalizeName.ts
function normalizeName(input) {
  if (input === void 0) return "";
  let s = input.length > 200 ? input.slice(0, 200) : input;
  if (isPlainAsciiName(s)) return s.toLowerCase();
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize("NFKD").replace(COMBINING_MARKS, "");
  s = s.toLowerCase().replace(NON_LETTERS, " ").trim();
  if (s.includes("  ")) s = s.replace(/ {2,}/g, " ");
  return s.length > 200 ? s.slice(0, 200).trimEnd() : s;
}
var COMBINING_MARKS = /\p{Mn}+/gu;
var NON_LETTERS = /[^\p{L}\p{N} ]+/gu;
function isPlainAsciiName(s) {
  let afterSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c2 = s.charCodeAt(i);
    if (c2 === 32) {
      if (afterSpace) return false;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (!(c2 >= 97 && c2 <= 122 || c2 >= 65 && c2 <= 90 || c2 >= 48 && c2 <= 57)) return false;
  }
  return !afterSpace || s.length === 0;
}

// src/match/attributes.ts
var SEP = "";
function foldAttributes(r) {
  const dob = r.dateOfBirth === void 0 ? "" : foldDateOfBirth(r.dateOfBirth);
  const gender = r.gender === void 0 ? "" : foldGender(r.gender);
  const postcode = r.postcode === void 0 ? "" : r.postcode.toUpperCase().replace(/[^0-9A-Z]+/g, "").slice(0, 16);
  const city = normalizeName(r.city);
  const address = r.address === void 0 ? "" : foldAddress(r.address);
  const country = normalizeName(r.country);
  if (dob === "" && gender === "" && postcode === "" && city === "" && address === "" && country === "") return "";
  return dob + SEP + gender + SEP + postcode + SEP + city + SEP + address + SEP + country;
}
function foldDateOfBirth(raw) {
  const s = raw.trim();
  if (s.length > 40) return "";
  const date = readDate(s);
  if (date === void 0) return "";
  let { y, m, d } = date;
  if (y < 1875 || y > 2100 || m > 12 || d > 31 || d > 0 && m === 0) return "";
  if (m === 1 && d === 1) {
    if (y === 1900 || y === 1970 || y === 1901) return "";
    m = 0;
    d = 0;
  }
  return String(y) + pad2(m) + pad2(d);
}
function readDate(s) {
  const n = s.length;
  const a = digitsEnd(s, 0);
  if (a === 4) {
    const y2 = digitsValue(s, 0, 4);
    if (n === 4) return { y: y2, m: 0, d: 0 };
    if (!isDateSeparator(s.charCodeAt(4))) return void 0;
    const b2 = digitsEnd(s, 5);
    if (b2 - 5 < 1 || b2 - 5 > 2) return void 0;
    const m = digitsValue(s, 5, b2);
    if (b2 === n) return { y: y2, m, d: 0 };
    if (!isDateSeparator(s.charCodeAt(b2))) return void 0;
    const c3 = digitsEnd(s, b2 + 1);
    if (c3 - b2 - 1 < 1 || c3 - b2 - 1 > 2) return void 0;
    if (c3 < n) {
      const after = s.charCodeAt(c3);
      if (after !== 84 && after !== 32) return void 0;
      for (let i = c3 + 1; i < n; i++) if (isLineTerminator(s.charCodeAt(i))) return void 0;
    }
    return { y: y2, m, d: digitsValue(s, b2 + 1, c3) };
  }
  if (a === 8 && n === 8) return { y: digitsValue(s, 0, 4), m: digitsValue(s, 4, 6), d: digitsValue(s, 6, 8) };
  if (a < 1 || a > 2 || !isDateSeparator(s.charCodeAt(a))) return void 0;
  const first = digitsValue(s, 0, a);
  const b = digitsEnd(s, a + 1);
  if (b - a - 1 === 4 && b === n) return { y: digitsValue(s, a + 1, b), m: first, d: 0 };
  if (b - a - 1 < 1 || b - a - 1 > 2 || !isDateSeparator(s.charCodeAt(b))) return void 0;
  const c2 = digitsEnd(s, b + 1);
  if (c2 - b - 1 !== 4 || c2 !== n) return void 0;
  const second = digitsValue(s, a + 1, b);
  const y = digitsValue(s, b + 1, c2);
  return second > 12 && first <= 12 ? { y, m: first, d: second } : { y, m: second, d: first };
}
function digitsEnd(s, from) {
  let i = from;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return i;
}
function digitsValue(s, from, to) {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}
function isDateSeparator(c2) {
  return c2 === 45 || c2 === 47 || c2 === 46;
}
function isLineTerminator(c2) {
  return c2 === 10 || c2 === 13 || c2 === 8232 || c2 === 8233;
}
function pad2(n) {
  return n < 10 ? "0" + n : String(n);
}
function foldGender(raw) {
  const g = normalizeName(raw);
  if (g === "m" || g === "male" || g === "man" || g === "mr" || g === "\u0630\u0643\u0631") return "m";
  if (g === "f" || g === "female" || g === "woman" || g === "mrs" || g === "ms" || g === "\u0623\u0646\u062B\u0649" || g === "\u0627\u0646\u062B\u0649") return "f";
  return "";
}
var ADDRESS_WORDS = /* @__PURE__ */ new Map([
  ["street", "st"],
  ["str", "st"],
  ["road", "rd"],
  ["avenue", "ave"],
  ["av", "ave"],
  ["boulevard", "blvd"],
  ["drive", "dr"],
  ["lane", "ln"],
  ["place", "pl"],
  ["court", "ct"],
  ["building", "bldg"],
  ["bld", "bldg"],
  ["apartment", "apt"],
  ["flat", "apt"],
  ["floor", "fl"],
  ["tower", "twr"],
  ["villa", "vl"],
  ["north", "n"],
  ["south", "s"],
  ["east", "e"],
  ["west", "w"],
  ["number", "no"]
]);
var SHORTEST_WORD = Math.min(...[...ADDRESS_WORDS.keys()].map((w) => w.length));
var LONGEST_WORD = Math.max(...[...ADDRESS_WORDS.keys()].map((w) => w.length));
function foldAddress(raw) {
  const folded = normalizeName(raw);
  let out = "";
  let copied = 0;
  for (let from = 0; from < folded.length; ) {
    let to = folded.indexOf(" ", from);
    if (to === -1) to = folded.length;
    if (to - from >= SHORTEST_WORD && to - from <= LONGEST_WORD) {
      const short = ADDRESS_WORDS.get(folded.slice(from, to));
      if (short !== void 0) {
        out += folded.slice(copied, from) + short;
        copied = to;
      }
    }
    from = to + 1;
  }
  return copied === 0 ? folded : out + folded.slice(copied);
}
function noAttributeLevels() {
  return { dateOfBirth: LEVEL.none, gender: LEVEL.none, postcode: LEVEL.none, city: LEVEL.none, address: LEVEL.none, country: LEVEL.none };
}
function attributeParts(folded) {
  return folded.split(SEP);
}
function compareAttributeParts(pa, pb, out) {
  out.dateOfBirth = both(pa[0], pb[0]) ? compareDatesOfBirth(pa[0], pb[0]) : LEVEL.none;
  out.gender = both(pa[1], pb[1]) ? pa[1] === pb[1] ? LEVEL.exact : LEVEL.disagree : LEVEL.none;
  out.postcode = both(pa[2], pb[2]) ? pa[2] === pb[2] ? LEVEL.exact : LEVEL.disagree : LEVEL.none;
  out.city = both(pa[3], pb[3]) ? compareText(pa[3], pb[3], 0.8) : LEVEL.none;
  out.address = both(pa[4], pb[4]) ? compareAddresses(pa[4], pb[4]) : LEVEL.none;
  out.country = both(pa[5], pb[5]) ? compareText(pa[5], pb[5], 1) : LEVEL.none;
  return out;
}
function both(a, b) {
  return a !== void 0 && a !== "" && b !== void 0 && b !== "";
}
function compareDatesOfBirth(a, b) {
  if (a === b) return a.endsWith("0000") || a.endsWith("00") ? LEVEL.close : LEVEL.exact;
  const ya = a.slice(0, 4), yb = b.slice(0, 4);
  const ma = a.slice(4, 6), mb = b.slice(4, 6);
  const da = a.slice(6, 8), db = b.slice(6, 8);
  const known = (x) => x !== "00";
  const sameMonth = !known(ma) || !known(mb) || ma === mb;
  const sameDay = !known(da) || !known(db) || da === db;
  if (ya === yb && sameMonth && sameDay) return LEVEL.close;
  const full = known(ma) && known(mb) && known(da) && known(db);
  if (ya === yb && full && ma === db && da === mb) return LEVEL.close;
  const slips = (ya === yb ? 0 : oneDigit(ya, yb) ? 1 : 2) + (sameMonth ? 0 : oneDigit(ma, mb) ? 1 : 2) + (sameDay ? 0 : oneDigit(da, db) ? 1 : 2);
  return slips === 1 ? LEVEL.close : LEVEL.disagree;
}
function oneDigit(a, b) {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}
function compareText(a, b, minSimilarity) {
  if (a === b) return LEVEL.exact;
  return minSimilarity < 1 && nameSimilarity(a, b) >= minSimilarity ? LEVEL.variant : LEVEL.disagree;
}
var MAX_ADDRESS_WORDS = 24;
function compareAddresses(a, b) {
  if (a === b) return LEVEL.exact;
  const wa = new Set(a.split(" ", MAX_ADDRESS_WORDS));
  const wb = new Set(b.split(" ", MAX_ADDRESS_WORDS));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  const jaccard = common / (wa.size + wb.size - common);
  if (jaccard >= 0.6) return LEVEL.variant;
  return a.length > 8 && nameSimilarity(a, b) >= 0.85 ? LEVEL.variant : LEVEL.disagree;
}

// src/match/names/givenNameData.ts
var NICKNAME_GROUPS = `
aaron ron ronnie
abbigail abbe abbey abbi abbie abby gail nabby
abbigale abbe abbey abbi abbie abby gail nabby
abednego bedney
abel ab abe eb ebbie
abiel ab
abigail abbe abbey abbi abbie abby gail nabby
abigale abbe abbey abbi abbie abby gail nabby
abijah ab bige
abner ab
abraham ab abe
abram ab abe
absalom ab app
ada addy adie
adaline ada addy adie delia dell
addison addie addy
adela adie della
adelaide addy adele adie dell della heidi
adelbert albert bert del delbert
adele addy dell
adeline ada addy delia dell
adelphia addy adele dell delphia philly
adena adina deena dena dina
adolphus ado adolph dolph
adrian rian
adriane riane
adrienne addie enne rienne
agatha aga aggy
agnes aggy inez nessa
aileen allie
alan al
alanson al lanson
alastair al
albert al bert
alberta allie bert bertie
aldo al
aldrich rich riche richie
aleksandr alek alex
aleva leve levy
alex al
alexander al alec alex sandy
alexandra alex alla sandra sandy
alexandria alex alla drina sandra
alexis alex lexi
alfonse al
alfred al fred freddy
alfreda freda frieda
algernon algy
alice allie
alicia allie
aline adeline
alison allie
alixandra alix
allan al alan allen
allisandra allie ally
allison allie ally
allyson allie ally
allyssa allie ally
almena allie ally mena
almina minnie
alonzo al lon lonzo
alphinias alphus
althea ally
alverta vert virdie
alyssa ally lissia
alzada zada
amanda manda mandy
ambrose brose
amelia amy mel millie
anastasia stacy
anderson andy
andrea andi andy drea rea
andrew andy drew
andriane ada adri rienne
angela angel angie
angelica angel angelika angelique angie
angelina angel angie
ann nan
anna ann nan
anne ann nan
annette nettie
annie ann anna
anselm ansel
anthony ant tony
antoinette netta tony
antonia netta tony
antonio ant tony
appoline appie appy
aquilla quil quillie
ara arry belle
arabella ara bella belle
arabelle ara bella belle
araminta armida middie minty ruminta
archibald archie
archilles kill killis
ariadne ari arie
arielle arie
aristotle telly
arizona ona onie
arlene arly
armanda mandy
armena arry mena
armilda milly
arminda mindie
arminta minite minnie
arnold arnie
aron ron ronnie
artelepsa epsey
artemus art
arthur art
arthusa thursa
arzada zaddi
asahel asa
asaph asa
asenath assene natty sene
ashley ash ashly lee
aubrey bree
audrey audree dee
august gus
augusta aggy gatsy gussie tina
augustina aggy gatsy gussie tina
augustine august gus
augustus august gus
aurelia aurilla ora orilla ree rilly
avarilla rilla
azariah aze riah
bab barby
babs bab barby
barbara bab babs barbie barby bobbie
barbery barbara
barnabas barney
bartholomew bart bartel bat mees meus
barticus bart
bazaleel basil
beatrice bea trix trixie
becca beck
beck becky
bedelia bridgit delia
belinda belle linda
bella belle
benedict ben bennie
benjamin ben benjy bennie benny
bernard barney berney bernie berny
berney bernie
bert bertie bob
bertha bert bertie birdie
bertram bert
bess bessie
beth betsy betty
bethena beth thaney
beverly bev
bezaleel zeely
biddie biddy
blanche bea
bob rob
bobby bob rob
boetius bo
brad ford
bradford brad ford
bradley brad
brady brody
breanna bree bri
breeanna bree
brian bryan
brianna bri
bridget biddie biddy bridgie bridie
brittany britt brittnie
brittney britt brittnie
broderick rick ricky rod
bryanna bri briana brianna
caitlin cait caity
caitlyn cait caity
caldonia calliedona
caleb cal
california callie
calista kissy
calpurnia cally
calvin cal vin vinny
cameron cam
camile cammie
camille cammie millie
campbell cam
candace candy dacey
carla carly karla
carlotta lottie
carlton carl
carmellia mellia
carmelo melo
carmon cammie carm charm
carol carole carri
carolann carol carole
caroline carol carole carrie
carolyn carrie
carthaette etta etty
cassandra cassie sandra sandy
cassidy cass cassie
caswell cass
catherine cathy kathy katy kay kit kittie trina
cathleen cathy kathy katy kay kit kittie trina
cathy kathy
cecilia celia cissy
cedric ced rick ricky
celeste lessie
celinda linda lindy lynn
charity chat
charles charlie chick chuck
charlie charles chuck
charlotte char lotta lottie
chauncey chan
chelsey chelsie
cheryl cher
chesley chet
chester chet
chloe clo
chris kris
christa chris
christian chris kit
christiana chris christy crissy kris kristy tina
christiano chris
christina chris chrissy christy crissy kris kristy tina
christine chris chrissy christy crissy kris kristy tina
christoffer chris
christoph chris
christopher chris kit
christy crissy
cicely cilla
cinderella arilla cindy rella rilla
claire clair clara clare
clare clara
clarinda clara
clarissa cissy clara
claudia claud
cleatus cleat
clement clem
clementine clem clement
clifford cliff ford
clifton cliff
cole colie
columbus clum
con conny
conrad con conny
constance connie
cordelia cordy delia
corey cordy
corinne cora ora
cornelia cornie corny nelia nelle nelly
cornelius con conny corny
cory cordy
courtney court
crystal crys stal tal
curtis curt
cynthia cindy cintha
cyrenius cene cy renius serene swene
cyrus cy
dahl dal
dalton dahl dal
daniel dan dann danny
danielle dani ellie
daphne daph daphie
darlene darry
david dave davey day
daycia dacia daisha
deanne ann dee
debbie deb debby debra
debby deb
debora deb debbie debby
deborah deb debbie debby
debra deb
deidre deedee
delbert bert del
delia delius
delilah dell della lil lila
deliverance della delly dilly
della adela dell
delores dee dell della lola lolly
delpha philadelphia
delphine del delf delphi
demaris dea maris
demerias dea maris
democrates mock
dennis dennie denny
dennison dennis denny
derek derrek rick ricky
derick rick ricky
derrick rick ricky
deuteronomy duty
diana di dicey didi
diane di dian dianne dicey didi
dicey dicie
dick rick
dickson dick
domenic dom nic
dominic dom nic
dominick dom nick nicky
dominico dom
donald don donnie donny dony
donato don
donna dona
donovan don donnie donny dony
dorcus darkey
dorinda dora
doris dora
dorothea doda dora
dorothy dolly dora dortha dot dottie dotty
dotha dotty
dotty dot
douglas doug
drusilla silla
duncan dunk
earnest ernie
ebbie eb
ebenezer eb ebbie eben
eddie ed
eddy ed
edgar ed eddie eddy
edith edie edye
edmond ed eddie eddy
edmund ed eddie eddy ned ted
edna edny
eduardo ed eddie eddy
edward ed eddie eddy ned ted teddy
edwin ed eddie eddy ned win
edyth edie edye
edythe edie edye
egbert bert burt
eighta athy
elaine lainie
elbert albert bert
elbertson bert elbert
eldora dora
eleanor ellie lanna nelly nora
eleazer lazar
elena helen
elias eli lee lias
elijah eli lige
eliphalel life
eliphalet left
elisa lisa
elisha eli lish
elizabeth bess bessie beth betsy betty eliza lib libby lisa liz liza lizzie lizzy
ella el
ellen helen nell nellie
ellender ellen nellie
ellie elly
ellswood elsey
elminie minnie
elmira ellie elly
elnora nora
elsie elsey
elswood elsey
elvira elvie
elwood woody
elysia lisa lissa
elze elsey
emanuel manny manuel
emeline em emmy milly
emil em
emily em emmy mel millie
emma em emmy
epaphroditius dite ditus dyce dyche eppa
ephraim eph
erasmus rasmus raze
eric rick
ernest ernie
ernestine erna teeny tina
erwin irwin
eseneth senie
essy es
estella essy stella
estelle essy stella
esther essie hester
eudicy dicey
eudora dora
eudoris dosie dossie
eugene gene
eunice nicie
euphemia effie effy
eurydice dicey
eustacia stacia stacy
eva eve
evaline eva eve
evangeline ev vangie
evelyn ev eve evelina
experience exie
ezekiel ez zeke
ezideen ez
ezra ez
faith fay
fallon fal fall fallie fally falon
felicia fel feli
felicity flick tick
feltie felty
ferdinand ferdie fred freddie freddy
ferdinando ferdie fred nando
fidelia delia
fionna fiona
florence flo flora flossy
floyd lloyd
fran frannie
frances cissy fanny fran francie frankie frannie franniey franny sis
francine fran francie frannie franniey franny
francis fran frank frankie
frankie francis frank
franklin fran frank
franklind fran frank
frederica freddy
frederick fred freddie freddy fritz rick ricky
fredericka freda freddy frieda ricka
gabriel gabby gabe
gabriella gabby
gabrielle gabby
gareth gare
garrett gare garratt garret rhett
garrick garri
genevieve eve
geoffrey geoff jeff
george georgie
georgiana georgia
gerald gerry jerry
geraldine gerri gerrie gerry jerry
gertie gert
gertrude gert gertie trudy
gilbert bert gil
giovanni gio
glenn glen
gloria glory
governor govie
greenberry berry green
greggory gregg
gregory gory greg
gretchen margaret
griselda grissel
gus gussie
gustavus gus gussie
gwendolyn gwen wendy
hailey haylee hayley
hamilton ham
hannah nan nanny
harold hal hap haps harry
harriet hattie
harrison hap haps harry
harry hap haps
haseltine hassie
heather hetty
helen ella ellen ellie lena
helena lena nell nellie
helene ella ellen ellie lena
heloise eloise elouise
henrietta etta etty hank henny nettie retta
henry hal hank hap haps harry
hephsibah hipsie
hepsibah hipsie
herbert bert herb
herman dutch harman
hermione hermie
hester esther hessy hetty
hezekiah hez hy
hillary hilary
hipsbibah hipsie
hiram hy
honora honey nora norah norry
hopkins hop hopp
horace horry
hortense harty tensey
hosea hosey hosie
howard hal howie
hubert bert hub
ignatius iggy nace natius
ignatzio iggy nace naz
immanuel emmanuel manuel
india indie indy
iona onnie
irene rena
irvin irving
irving irv
isaac ike
isabel bell bella belle ib issy nib nibby tibbie
isabella bella belle ib issy nib nibby tibbie
isabelle bella belle ib issy nib nibby tibbie
isadora dora issy
isadore izzy
isaiah zay
isidore izzy
iva ivy
jackson jack
jacob jake jay
jacobus jacob
jacqueline jack jackie jacqui
jahoda hoda hodie hody
jakob jake
james jamie jem jim jimmie jimmy
jamey james jamie
jamie james
jane janie
janet jan
janice jan
jannett nettie
jasper jap
jayme jay
jean jeannie
jeanette nettie
jeanne jeannie
jebadiah jeb
jedediah diah dyer jed
jedidiah diah dyer jed
jefferey jeff
jefferson jeff
jeffery jeff
jeffrey geoff jeff
jehiel hiel
jehu gee hugh
jemima mima
jennet jenn jenny
jennifer jen jenn jenni jennie jenny
jeremiah jereme jerry
jeremy jez jezza
jerita rita
jerry geri gerry jereme
jessica jess jessie
jessie jess
jillian jill
jim jimmie
jincy jane
jinsy jane
joan jo nonie
joann jo
joanna jo jodi jody
joanne jo
jody jo
joe joey
johann john
johanna jo
johannah jo jody nonie
johannes john johnny
john jack jock johnny jon jonnie jonny
johnathan johnathon johny jon jonathan jonathon jonnie jonny
jon johnny jonnie jonny
jonathan johny jon jonathon jonnie jonny
joseph jody joe joey jos
josephine fina jo jody joey josey josie
josetta jettie
joshua joe jos josh
josiah jos
josophine jo joey josey
joyce joy
juanita nettie nita
judah jude juder
judith juda jude judi judie judy
judson jud
julia jill jules julie
julian jule jules
julias jule jules
julie jule jules julia
june junius
junior jr june junie
justin juston justus
kaitlin kait kaitie
kaitlyn kait kaitie
kaitlynn kait kaitie
kalli cali kali
kameron kam
katarina catherine tina
kate kay
katelin kate kay kaye
katelyn kate kay kaye
katherine cathy kate kathy katy kay kaye kit kittie trina
kathleen cathy kathy katy kay kit kittie trina
kathryn kate kathy katie
katia kate katie
katy kate kathy katie
kayla kay
kelley kelli kellie kelly
kendall ken kenny
kendra kay kenj
kendrick ken kenny
kendrik ken kenny
kenneth ken kenny
kenny ken
kent ken kenny
kerry kerri
kevin kev
keziah kizza kizzie
kimberley kim kimberli kimberly
kimberly kim kimberli
kingsley king
kingston king
kit kittie
kristel kris
kristen chris
kristin chris
kristine chris christy crissy kris kristy tina
kristofer chris kris
kristoffer chris kris
kristopher chris kris
kristy chris
kymberly kym
lafayette fate laffie
lamont monty
laodicia cenia dicy
latisha tish tisha
laurel laurie
lauren laurie
laurence larry lon lonny lorne lorry
laurinda laura
lauryn laurie
laveda veda
laverne verna vernon
lavina ina vina viney
lavinia ina vina viney
lavonia vina viney vonnie wyncha
lawrence larry lawrie lon lonny lorne lorry
leanne lea
lecurgus curg
leilani lani
lemuel lem
lenora lee nora
leo leon
leonard len lenny leo leon lineau
leonidas lee
leonora nell nellie nora
leonore nora
leroy lee roy
lesley les
leslie les
lester les
letitia lettice lettie tish titia
levi lee
levicy vicy
levone von
lib libby
lidia lyddy
lil lily
lillah lil lilly lily lolly
lillian lil lilly lolly
lilly lil lily
lincoln link
linda lindy lynn
lindsay lindsey lindsie lindsy
lindy lynn
lisa liz
littleberry berry little
lizzie liz
lois lou
lonzo lon
lorelei laurie lori lorrie
lorenzo loren
loretta etta lorie lorrie retta
lorraine lorie lorrie
lotta lottie
lou lu
louis lewis lou louie
louisa eliza lois lou
louise lou
louvinia vina viney vonnie wyncha
lucas luke
lucia lucy
lucias luke
lucille cille lou lu lucy
lucina sinah
lucinda cindy lou lu lucy
lucretia creasey
luella lu lula
lunetta nettie
lurana lura
lydia lyddy
lyndon lynn
mabel amabel
mac mc
mack mac mc
mackenzie kenzy mac mack
maddison maddi maddie
maddy madge
madeline maddi maddie maddy madge madie magda maggie maud
madelyn maddy madie
madison maddy
maegen meg
magdalena lena maggie
magdelina lena madge magda maggie
mahala hallie
malachi mally
malcolm mac mal malc
malinda lindy
manda mandy
mandie amanda
manerva eve minerva nerva nervie
manola nonnie
manuel manny
margaret daisy gretta madge maggie maggy marge margery margie margy meg midge peg peggy rita
margaretta daisy gretta madge maggie marge margery margie meg midge peg peggy rita
margarita daisy greta madge maggie maisie marge margo meg metta midge peggie rita
marge margery
marguerite peggy
mariah maria
marian marianna marion
marie mae mary
marietta mae mamie mitzi mollie molly polly
marissa rissa
marjorie margie margy
marni marnie
marsha marcia marcie
martha marty mat mattie patsy patty
martin marty
martina tina
martine tine
marvin marv
mary mae mamie molly polly
mat mattie
mathew mat matt maty
mathilda patty tillie
matilda matty maud tilla tilly
matthew matt mattie matty thias thys
matthews matt mattie matty
matthias matt thias thys
maud middy
maurice morey
mavery mave
mavine mave
maximilian max
maximillian max
maxine max
maxwell max
may mae
mckenna kenna meaka
medora dora
megan meg
meghan meg
mehitabel hetty hitty mabel mitty
melanie mellie
melchizedek dick zadock
melinda linda lindy lynn mel mindy
melissa lisa lissa mel milly missy
mellony mellia
melvin mel
melvina vina
mercedes merci mercy
mervin merv
mervyn merv
micajah cage
michael mick mickey micky mike mikey
micheal mike mikey miky
michelle chelle shelley shellie shelly shely
mick micky
miguel miggy miguael miguaell miguail miguaill miguayl miguayll miguell
mike mick micky
mildred milly
millicent milly missy
minerva minnie
miranda mandy randi
miriam mimi mitzi mitzie
mitchell mitch
mitzi mary mittie mitty
mitzie mittie mitty
monet nettie
monica monna monnie
monteleon monte
montesque monty
montgomery gum monty
morris morey
mortimer mort
moses mose moss
muriel mur
myrtle myrt myrti
nadine deedee
nancy nan nanny
naomi omi
napoleon nap nappy
natalie natty nettie
natasha nat tasha
nathan nat nate
nathaniel nat nate nathan natty than
nelle nelly
nelson nels
newton newt
nicholas claas claes nic nick nickie nicky nico
nicholette nichole nickey nicki nicky nicole nikki
nicodemus nic nick nickie nicky nico
nicolas nic nick nickie nicky nico
nicole nicki nicky nikki
nikolas claes nic nick nickie nicky nico
nikole nikki
nora nonie
norbert bert norby
norbusamte norbu
norman norm
nowell noel
obadiah diah dyer obie
obediah obie
obedience beda beedy biddie
octavia tave tavia
odell odo
olive livia nollie ollie
oliver ollie
olivia livia nollie ollie
onicyphorous cy cyphorus one osaforum osaforus syphorous
orilla ora rilly
orlando roland
orphelia phelia
ossy ozzy
oswald ossy ozzy waldo
otis ode ote
pamela pam
pandora dora
parmelia melia milly
parthenia parsuny pasoonie phenie teeny
patience pat patty
patricia pat patsy patti patty tricia trish trisha
patrick paddy pat patsy
patsy patty
paula polly
paulina polly
pauline polly
peggy peg
pelegrine perry
penelope penny
percival percy
peregrine perry
permelia mellie melly milly
pernetta nettie
persephone sephy
peter pate pete
petronella nellie
pheney josephine
pheriba ferbie pherbia
philadelphia delphia
philander fie
philetus leet phil
philinda linda lindy lynn
philip phil pip
philipina penie pip
phillip phil pip
philomena menaalmena
phoebe fifi
pinckney pink
pleasant ples
pocahontas pokey
posthuma humey
prescott pres scott scotty
priscilla cilla cissy prissy
providence provy
prudence prudy prue
rachel rachael
rafaela rafa
ramona mona
randall randy
randolf dolph randy
randolph dolph randy
raphael ralph
raymond ray
rebecca becca becky reba
reggie reg
regina gina reggie
reginald naldo reg reggie renny
relief leafa
reuben rube
reynold reginald
rhoda rodie
rhodella della
rhyna rhynie
ricardo rick ricky
rich dick rick
richard dick dickie dickon dicky rich richie rick ricky
ricky dick rich
robert bob bobby dob dobbin hob hobkin rob robby
roberta bert bertie birdie birtie bobbie robbie roby
roberto rob
roderick rickie rod roddy
rodger hodge rod roge roger
rodney rod
roger hodge rod roge
roland lanny rollo rolly
ron ronnie
ronald naldo ron ronnie ronny
rosa rose
rosabel belle rosa rose roz
rosabella bella belle rosa rose roz
rosaenn ann
rosaenna ann
rosalinda linda rosa rose roz
rosalyn rosa rose roz
roscoe ross
rose rosie
roseann ann rose rosie roz
roseanna ann rose rosie roz
roseanne ann
rosemary rose rosemarie rosey
rosina sina
roxane rox roxie
roxanna roxie
roxanne roxie
rudolph dolph olph rolf rudy
rudolphus dolph olph rolf rudy
russell russ rusty
ryan ry
sabrina brina
safieel safie
salome loomie
salvador sal sally
sam sammy
samantha mantha sam sammy
sampson sam sammy
samson sam sammy
samuel sam sammy
samyra sam sammy
sandra sandy
sanford sandy
sarah sadie sally sara
sarilla silla
savannah savanna vannie
scott sceeter scottie scotty squat
sebastian seb sebby
serena rena
serilla rilla
seymour morey
shaina sha shay
sharon sha shay
shaun shawn
sheldon shelly
shelton shel shelly
sheridan sher
sheryl cheri cherie sher sheri sherri sherry sherryl
shirley lee shirl
sibbilla sibbell sibbie sybill
sidney sid syd
sigfired sid
sigfrid sid
sigismund sig
silas si
silence liley
silvester si sly syl vest vester
simeon si sion
simon si sion
smith smitty
socrates crate
solomon sal salmon sol solly zolly
sondra sonnie
sophia sophie
sophronia frona fronia sophia
stacey staci stacie stacy
stacy staci
stephan steve
stephanie steffi steffie steph stephani stephany stephie stephine stevie
stephen steph steve
steven steph steve stevie
stuart stu
sullivan sully van
susan sue sukey susie suzie
susannah sue sukey susie
susie suzie
suzanne sue suki susie
sybill sibbie
sylvanus sly syl
sylvester si sly sy syl vester vet
tabitha tabby
tamarra tammy
tammie tami tammy
tammy tami
tanafra tanny
tasha tash tashie
ted teddy
temperance tempy
terence terry
teresa terry tess tessa tessie
terri teri terrie terry
thaddeus thad
theodora dora
theodore ted teddy theo
theodosia dosia theo theodosius
theophilus ophi
theotha otha
theresa terry tess tessa tessie thirza thursa traci tracie tracy
thom tom tommy
thomas thom tom tommy
thomasa tamzine
tiffany tiff tiffy
tilford tillie
tim timmy
timothy tim timmy
tisha tish
tobias bias toby
tom tommy
tranquilla quilla trannie
trish trisha
trix trixie
tryphena phena
unice eunice nicie
ursula sula sulie
valentina val vallie
valentine felty
valeri val valerie
valerie val
vanburen buren
vandalia vannie
vanessa essa nessa vanna
vernisee nicey
veronica frony ronie ronna vonnie
vic vickie vicky
vicki vickie vicky
victor vic
victoria tori torie torri torrie tory vic vicki vickie vicky
vijay vij
vincent vic vin vince vinnie vinny
vincenzo vic vin vince vinnie vinny
vinson vin vince vinnie vinny
viola ola vi
violetta lettie
virginia ginger ginny virgy
vivian vi viv
waldo ossy ozzy
wallace wally
wally walt
walter wally walt
washington wash
webster webb
wendy wen
wesley wes
westley wes west
wilber bert will
wilbur will willie willy
wilda willie
wilfred fred wil will willie
wilhelm wil willie
wilhelmina mina minnie willie wilma
will bill
william bill billy wil will willie willy
willis bill willy
wilson will willie willy
winfield field win winny
winifred winnet winnie
winnifred winnie winny
winton wint
woodrow wood woody
yeona ona onie
yoshihiko yoshi
yulan lan yul
yvonne vonna
zach zack zak
zachariah zac zach zachy zack zak zakk
zachary zac zach zachy zack zak zakk
zachery zac zach zachy zack zak zakk
zebedee zeb
zedediah diah dyer zed
zephaniah zeph
`;
var SPELLING_GROUPS = `
george georg georges jorge jorg giorgio
joseph josef jose
john jon jhon johan johann
louis luis
louisa luisa
paul paulo paolo pablo
alexander aleksander aleksandr alexandr alexandre alexandro alejandro alex
alexandra alejandra aleksandra alex
albert alberto
alfred alfredo
armand armando
leonard leonardo
marcel marcelo marcello
marcus marcos markus
maximilian maximiliano maximillian
moses moises
reuben ruben rueben
roland rolando orlando
robert roberto
alfonso alfonzo alphonso alphonse alfonse
lawrence laurence
oswald oswaldo osvaldo
raymundo reymundo
ernest earnest ernesto
gilbert gilberto
wilfred wilfredo wilfrid
valentine valentin valentino
esteban estevan
erich eric erick erik
emil emile
lucian lucien
sergei sergey sergej seryozha
ivan vanya
elena lena
stephen steven stephan stefan stevan stephon steve stevie
michael micheal michel michal mikael mikel mychal mike
jeffrey jeffery jeffry jefferey geoffrey geoffery jeff geoff
jonathan jonathon johnathan johnathon jon
christopher kristopher cristopher christofer kristofer christoph christophe chris kris
sean shawn shaun shon
shawna shauna
caitlin caitlyn kaitlin kaitlyn katelyn katelynn kaitlynn katlyn katlin katelin caitlynn
kristen kristin kristyn cristen christen christin kristan
kirsten kiersten kirstin kirstyn
katherine catherine kathryn katharine kathrine cathryn katheryn catharine kathrin
katarina katerina katharina
zachary zachery zackary zackery zakary zack zach zak
zachariah zechariah
nicholas nickolas nicolas nikolas nick
isaac issac isaak
jeremy jeramy jeremey jeromy jeremie jereme
jeremiah jeramiah jerimiah
gerald jerald gerold jerold gearld jerrold jerry gerry
geri gerri jeri jerri gerrie
jared jarred jarod jarrod jerod jerrod jered jerad
derek derrick derick deric dereck derik
frederick frederic fredrick fredric frederik fred freddie freddy fredy
cameron kameron camron kamron camren kamren
camden camdyn
madison madisyn maddison madyson madisen
mackenzie mckenzie makenzie mckinzie kenzie
mckenna makenna
jayden jaden jaiden jadon jaydon jadyn jaydin jaeden jaidyn
aiden aidan ayden aden aydan aaden aidyn
brayden braden braiden braydon bradyn braeden braedon
kayden caden kaden kaiden caiden kaydon kaeden
hayden haden haiden
brandon branden brandan brandyn brandin
brendan brenden brendon brendin
brennan brennen brennon
brant brandt
brantley brentley
jalen jaylen jaylon jaylan jaelen
jackson jaxson jaxon
jace jayce jase
jason jayson
jasmine jasmin jazmin jazmine jazmyn jazmyne jasmyn yasmin yasmine yazmin
ashley ashlee ashleigh ashly ashlie ashely
brittany britney brittney britany brittani britni brittni brittanie
courtney cortney kortney kourtney courtenay
lindsay lindsey linsey lyndsey lyndsay linsay
megan meghan meagan meaghan maegan maegen
kelly kelli kellie kellee
tracy tracey traci tracie
stacy stacey staci stacie
kacey kaci kacy kacie casey kasey kaycee
kaylee kayleigh kailey kaylie kayley kailee kaley kaleigh caylee
hailey haley hayley haylee hailee haleigh haylie
kaylyn kaelyn kailyn kaylynn
jaylyn jaelyn jailyn
cheryl sheryl sherrill cheryle sherryl
sharon sharron sharyn
marilyn marylin marilynn merilyn marylyn
carolyn caroline carolin karolyn carolynn
kimberly kimberley kimberlee kimberli kim
jacqueline jaqueline jacquelyn jacklyn jaclyn jacquline jackeline jaquelin jacquelin jackie
teresa theresa tereza therese
rebecca rebekah rebeca becky becca
deborah debra debora debbie deb
elizabeth elisabeth
isabel isabelle izabel isobel isabell
isabella isabela izabella
natalie nathalie natali natalee nataly
natalia nathalia natalya
hannah hanna hana
leah lea
joanna johanna joana johana
joann joanne
phillip philip filip phil
matthew mathew matt
allan alan allen allyn
bryan brian brien
byron bryon
aaron aron arron
damian damien damion dameon
adrian adrien adrain
adrienne adrianne
julian julien
dominic dominick dominik domenic domenick
anthony antony anton tony
anton antone
antoine antione antwan antwon
antoinette antionette
austin austen austyn
justin justen juston justyn
devin devon devan deven devyn
devonte davonte devante
dwayne dewayne duane dwain dwaine
deandre dandre deondre
deangelo dangelo
dante donte
donte dontae donta
darren darrin darin daren
darian darien darion darrion
darrell darrel darryl daryl
deshawn dashawn deshaun
keshawn keyshawn
rashawn rayshawn
trevon travon treyvon trayvon
tristan tristen triston tristin tristian
quentin quintin quinton quinten
terrence terrance terence
connor conner conor konnor konner
colton colten kolton kolten
landon landen landyn
donovan donavan donavon
peyton payton
reagan raegan regan
teagan tegan
keegan keagan kegan
kellen kellan
lachlan lochlan
grayson greyson
grey gray
gunnar gunner
gavin gaven gavyn
reese reece
reid reed
neil neal
trey tre trae
taj tahj
xander zander
xavier zavier xzavier
zane zayne
skylar skyler
samson sampson
roderick rodrick
jameson jamison
emerson emersyn
emery emory
emmett emmitt
edmund edmond
eldon elden
delmar delmer
irvin irwin ervin erwin
hershel herschel
isidore isadore
jedidiah jedediah
wilbur wilber
mekhi makhi
michaela mikayla makayla mckayla micaela mikaela
madeline madeleine madelyn madalyn madilyn madelynn madalynn madilynn
adeline adaline
adalyn adelyn
adalynn adelynn
alicia alycia alecia alesia alysia alisha alysha alesha
olivia alivia
ainsley ansley
annmarie annemarie annamarie
arlene arleen arline
bernice berenice
betty bettie bette bettye
blaine blane blayne
blair blaire
brianna briana breanna breana bryanna
brianne breanne
bridget bridgett bridgette bridgit
candace candice
cecilia cecelia
selena selina celina
chantal chantel shantel
chastity chasity
chelsea chelsey chelsie
cheyenne cheyanne
chloe khloe
keira kiera kiara ciara ciera
sierra cierra
dahlia dalia
deann deanne
deirdre deidre deidra
diane dianne diann
dolores delores deloris
dorothy dorthy dortha
doreen dorene
earlene earline
edith edythe edyth
eleanor elinor elenor
emilia emelia
ernestine earnestine
felicia felecia
frieda freida freda frida
gail gayle gale
gemma jemma
georgina georgiana
jillian gillian
yvette ivette
jada jayda jaida
jade jayde
jane jayne
janelle janell
jeanette janette jeannette
janice janis
janine jeanine jeannine
jaylene jayleen
desiree desirae
jocelyn joselyn joslyn jocelynn joselin yoselin
jolene joleen
jordan jordyn jorden jordon
julianne juliann
kadence kaydence cadence
karen karin karyn
lakisha lakeisha lakesha
latonya latanya
laverne lavern
lavinia lavina
leann leanne
lenora lenore leonora leonore
leticia letitia
lionel leonel
lisette lizette
lizbeth lizeth
london londyn
lorelei lorelai
luella louella
luann luanne
lynn lynne
mabel mable
malinda melinda
maricela marisela
marianne mariann maryann maryanne
marquis marques marquez marquise
margo margot
monte monty
patricia patrica
rachel rachael racheal
rhonda ronda
richie ritchie
rosalyn roslyn roselyn
rosanne roseanne roseann
rosanna roseanna
roxanne roxann roxane
sarai sarahi
sheila shelia
sloan sloane
dylan dylon
isaiah izaiah izayah isiah
violet violeta violetta
barbara barb
wesley westley
lauren lauryn laurin
sonia sonya sonja
tonya tonia tonja
suzanne susanne
susanna suzanna
tabitha tabatha
tamara tamera tamra
tamika tameka
valerie valarie valorie
ximena jimena
zoe zoey zoie
abby abbey abbie abbi
abigail abbigail
abigale abbigale
adalynn adalyn
adelyn adelynn
addie addy adie
addison addyson
adriana adrianna
adrianne adriane
ayanna ayana
aidan aydan
aiden ayden
aydin aidyn
aileen ayleen
alaia alayah alaya
alaina alayna
alan allan
alana alanna alannah
alec alek
alessia alesia
alphonse alfonse
alfonso alphonso
allie ally
alice alyce
alicia alycia
alyssa alissa alisa alysa allyssa
alisha alysha
allison alison allyson alyson
amy amie ami
amiyah amiya
anna ana
annabel anabel
annabella anabella
annabelle anabelle
angelica angelika
aniyah aniya
annika anika
anthony antony
appie appy
araceli aracely
ari arie arry
aria arya ariah
aryan arian
ariana arianna aryanna aryana
arlie arly
aron arron
ashley ashlee ashleigh ashly ashlie
ashlyn ashlynn
aubrey aubree aubrie
audrey audree
austin austyn
ava avah
avery averie averi
avianna aviana
azariah azaria
bailey baylee bailee
barbie barby
baron barron
benny bennie
bentley bentlee
bernie berny berney
betty bettie bettye
beverly beverley
biddie biddy
billy billie
blaine blayne
bobbie bobbi
bradley bradly
braelyn braelynn
brayden braiden
brandy brandi brandie
brandyn brandin
breanna breana
brett bret
bree bri
brian bryan
brianna briana bryanna
bryce brice
bridget bridgett
brylee briley
brynn bryn
brynlee brinley
brittany brittani britany brittanie
brittney britney brittni britni brittnie
brody brodie
brooklyn brooklynn
cedric cedrick
charlie charley charlee charli charleigh
chelsey chelsie
cheri cherie cherry
cierra ciera
cindy cindi
dan dann
danny dannie
daniela daniella
danica danika
darcy darci
darrell darrel darell
darren daren
darryl daryl
darin darrin
darion darrion
darius darrius
daron darron
deanna deana
debbie debby
deborah debora
del dell
denny dennie
dennis denis
denise denisse
derek dereck derrek
derrick derick derik deric
destiny destinee destini destiney
devin devyn
dee di
diann dian
diana dianna
diane dianne
dicie dicy dicey
dickie dicky
dylan dillan dilan
dillon dylon
dolly dollie
domenic domenick
dominic dominick dominik
don donn
donna dona
donnell donell
donnie donny dony
dossie dosie
dottie dotty
douglas douglass
dwayne dwaine
ebony eboni
eddie eddy
edie edye
edith edyth
effie effy
eli ely
ellie elly
eliana elliana elianna
elliott elliot eliot
elisa elissa elyssa
elise elyse
elsie elsey
ellswood elswood
emmanuel emanuel
emmett emmet
emmy emmie
emily emilee emilie
eric erik erick
erica erika ericka
erin eryn
essie essy
estella estela
esther ester
evelyn evelynn evelin
everly everleigh
faye fay
fall fal
fallie fally
fallon falon
fannie fanny
felty feltie
pheney phenie
phillip philip filip
finley finnley
fiona fionna
forrest forest
frannie franny
franklin franklyn
frederick frederic frederik
frederica fredericka
freddie freddy fredy
fredrick fredric
gabriella gabriela
garrett garret garett gareth
gary garry
gavin gavyn
gerry geri gerri gerrie
gianna giana
giovanni giovani giovanny
giselle gisselle
glenn glen
gracelyn gracelynn
greg gregg
gregory greggory
greta gretta
hayden haiden
hailey hayley haylee hailee haylie
haley hallie haleigh halie
hannah hanna
harriet harriett
harley harlee
henry henri
hillary hilary
hodie hody
holly hollie holli
hop hopp
hosie hosey
indie indy
isaac isaak
isabel isabell
isabella isabela
ivanna ivana
izaiah izayah
jaelyn jaelynn
jay jai
jayda jaida
jayden jaiden
jaidyn jaydin
jayla jaylah
jaylin jaylynn jaylyn jailyn
jaime jayme
jackie jacky
jaclyn jacklyn
jacob jakob
jacoby jacobi
jamie jami jamey
janell janel
janet jannett
janie jannie
janiyah janiya
jacquelyn jacquelin jaquelin
jacqueline jaqueline
jared jarred
jarrod jarod
jazlyn jazlynn
jazmin jazmyn
jazmine jazmyne
jeanna jeana
jeanette jeannette
jeannie jeanie
jeanine jeannine
jeffery jefferey
jeffrey jeffry
jen jenn
jenna jena
jenny jennie jenni
jennifer jenifer
jeremy jeremie jeremey
jeri jerri
jerrod jerod
jerrold jerold
jessie jessi jessy
jewel jewell
jimmy jimmie
joanna joana
jocelyn jocelynn
jody jodi jodie
johan johann
johanna johana johannah
johnny johnnie johnie johny
jonnie jonny
joni jonnie
joseph josef
joselyn joselin
josie josey
journey journee
jovani jovanni jovanny jovany
judd jud
judah juda
judy judi judie
juliana julianna
justin justyn
kacey kacie kaci kacy
cade kade
caden kaden
cadence kadence
kay kaye
kaia kaya
kayden kaiden cayden caiden
kayla kaila cayla kaylah
kailani kaylani
kaylee kayleigh kailey kaylie kailee caylee kayley kayli
kaylin kailyn kaylynn kaylyn
kairo cairo
kayson kaison cayson
cait kait
caity kaitie
kaitlyn caitlin kaitlin caitlyn kaitlynn caitlynn
cale kale
caleb kaleb
callen kalen
callie cali kallie kalli cally
calvin kalvin
cam kam
camden kamden
cameron kameron
kami cammie
camila camilla kamila
camille camile
camren kamren
camryn kamryn
camron kamron
candy candi
candice kandice
cannon kannon
kara cara
karen caren
cary carey
carrie kari carey cari karrie carri
karin karyn caryn
karina carina
carissa karissa
carl karl
carla karla
carly carley carlie karlee carlee karlie karli karly carli karley
carmela carmella
carmen karmen
carroll carrol
carol karol carrol
carolyn carolynn karolyn carolin
carson karson
carter karter
cassandra kassandra casandra kasandra
case kase
kasen casen
cash kash
casey kasey
cassidy kassidy
kason cason
catalina katalina
katarina katharina
katharine catharine
katelyn katelynn katelin
katherine catherine
kathy katie cathy katy kathie kathi
kathleen cathleen
katlyn katlin
kathryn cathryn kathrin
katrina catrina
keely keeley
keyla keila
kelly kelli kelley kellie kellee
kelsey kelsie kelsi
kendall kendal
kendrick kendrik
kennedy kennedi
kenya kenia
kenzie kenzy
kerry kerri keri kerrie
kian kyan
kiana kianna
kiera kierra
kylie kylee kiley kyleigh
kim kym
kimberly kimberley kimberlee kimberli kymberly
kira kyra
kyrie kyree
kirstin kirstyn
kitty kittie
coby koby
cody kody
koen coen
cohen kohen
colby kolby
cole kole
colleen coleen
colette collette
colin collin
colten kolten
colton kolton
conner konner
connie conny
connor conor konnor
conrad konrad
cora kora
corbin korbin
corey cory kory korey
kori cori corrie
corina corinna
corinne corrine corine
cornie corny
cortney kortney
courtney kourtney
craig kraig
chris kris
kris crys
chrissy crissy
krista christa krysta
crystal krystal cristal chrystal kristal christal
kristen christen cristen
christy kristi kristy christie kristie christi cristy
christian cristian kristian
kristin christin kristyn
christina kristina cristina
christine kristine
christopher kristopher cristopher kristofer cristofer kristoffer christofer christoffer
kurt curt
curtis kurtis curtiss
lacey lacy lacie laci
lainey lainie
lana lanna
laney lani
laurie lauri
lauryn laurin
leah lea
leslie lesley lesly
levi levy
lexi lexie
lee leigh
lydia lidia
lila lyla lilah lylah lillah
lily lillie lilly liley
lillian lilian
liliana lilliana lilyana lilianna
lynn lyn
linda lynda
lindsay lyndsay
lindsey lyndsey lindsy lindsie
lynette lynnette
lisa lissa
lisette lissette
lizzie lizzy
lloyd loyd
lonnie lonny
lorraine loraine
lori lorie lorrie lorri lorry
luca luka
lucas lukas
macy maci macie macey
madalyn madalynn
madelyn madelynn
maddie madie maddy maddi
madilyn madilynn
madison maddison madyson
maggie maggy
maya maia
mayson maison
mack mac
mackenzie makenzie
mandy mandi mandie
marcel marcell
marcella marcela
marcelo marcello
marcy marcie marci
margie margy
mary marie mari
maria mariah
marian maryann mariann
mariana marianna
marianne maryanne
marilyn marilynn marylin marylyn
marylou marilou
marissa marisa
marites maritess
mark marc
markell markel
marco marko
marcus markus
marley marlee
marnie marni
marshall marshal
martha marta
matt mat
mateo matteo
matthew mathew
mattie matty maty
matias mathias matthias
matilda mathilda
max maxx
maximilian maximillian
melanie melany
mellie melly
melia mellia
melissa melisa
melody melodie
melvin melvyn
mercy merci
mervin mervyn
mia mya myah miah
michal mychal
michel michell
michelle michele
middie middy
miguael miguaell
miguail miguaill miguayl miguayll
miguel miguell
mikaela micaela
mickey micky mikey miky
mila myla
miles myles
millie miley milly
mindy mindie
myra mira
misty misti
mitchell mitchel
mittie mitty
mitzi mitzie
molly mollie
monica monika
nancy nanci
natalie nathalie nataly natalee nathaly natali
natalia natalya nathalia
naty nati natty
nellie nelly
nicie nicey
nick nic
nicky nickie nickey
nikki nicky niki nicki nickie
nico niko nikko
nicolas nickolas nikolas
nicole nikole
nyla nylah
nonie nonnie
ophelia ofelia
onnie onie
orin orrin
paisley paislee
patty patti pattie
peggy peggie
penny penie
raelynn raelyn
rafael raphael
raiden rayden
rayna raina
randall randal
randolph randolf
rebekah rebeca
reyna reina
reynaldo reinaldo
remi remy
retha retta
rey ry
ryan rian
ryann rian
ricky rickey rickie
riley rylee ryleigh rylie ryley rilly
robbie robby roby
robin robyn robbin
roddy rody rodie
roland rolland
ronnie ronny ronie
rosalie rosalee
rosemary rosemarie
rosie rosey
roxanna roxana
roxanne roxane
ruby rubi
russell russel
sally sallie
sammy sammie
sandy sandi
saniyah saniya
savannah savanna savanah
sergey sergei
shayna shaina
shana shanna
sharon sharron
shelly shelley shellie shelli shely
sherry sherri sheri sherrie sheree
sheryl sherrill sherryl
sy si
sybil sybill
sid syd
sydney sidney sydnee
sienna siena
silas sylas
sylvester silvester
sylvia silvia
sina sinah
scarlett scarlet
skye sky
scott scot
scotty scottie
sophia sofia
sonny sonnie
sonya sonia
stacy stacey stacie staci
starr star
stephan stefan
stephanie stefanie stephany stefani stephani
steffi stephie steffie
suki sukey
sully sulie
susana susanna susannah
thad tad
talia thalia
tamara tamarra
tammy tami tammie tammi
tanny thaney
tanya tania
tatiana tatyana
terra tera
terrence terence
teresa theresa
terri teri terrie
ty tye
tiana tianna
tiffany tiffani tiffanie
tillie tilly
timothy timmothy
todd tod
tom thom
thomas tomas
tommy tommie
tony toney
tonya tonia
tory torrey
tori tory torrie torri torie
tracy tracey traci tracie
tremaine tremayne
tristan trystan
ulysses ulises
valerie valery valeri
vanessa vanesa
vicki vickie vikki
vinnie vinny
vinnie viney
violeta violetta
virgie virgy
wendy wendi
will wil
willie willy
winnie winny
winifred winnifred
winter wynter
yesenia yessenia
zayden zaiden
zack zak zac zakk
zackary zakary
zariah zaria
zion zyon
zoey zoie
`;
var ARABIC_GROUPS = `
mohammed muhammad mohamed mohammad mohamad muhammed muhamad muhamed mohammod mohamud mahomed mohd mhd \u0645\u062D\u0645\u062F
ahmed ahmad ahmet ahamed ahmd \u0627\u062D\u0645\u062F
mahmoud mahmood mahmud mehmood mahmod \u0645\u062D\u0645\u0648\u062F
ali aly \u0639\u0644\u064A
adam \u0627\u062F\u0645
adham \u0627\u062F\u0647\u0645
omar umar omer umer \u0639\u0645\u0631
khalid khaled \u062E\u0627\u0644\u062F
yousef yusuf youssef yousif yusef yousuf yusif youssif yussuf yosef \u064A\u0648\u0633\u0641
hassan hasan hassen \u062D\u0633\u0646
hussein husain hussain hussien husein husayn hossein hosein hossain houssein hussin hussen \u062D\u0633\u064A\u0646
abdullah abdallah abdulla abdalla abdellah abdulah abdullahi abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0644\u0647
abdulrahman abdelrahman abdurrahman abdurahman abdalrahman abdulrhman abderrahmane abderrahman abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0631\u062D\u0645\u0646
abdulaziz abdelaziz abdalaziz abdulazeez abdulazez abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0639\u0632\u064A\u0632
abdulkarim abdelkarim abdulkareem abdelkrim abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0643\u0631\u064A\u0645
abdulrahim abdelrahim abdulraheem abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0631\u062D\u064A\u0645
abdulmajeed abdulmajid abdelmajid abdelmadjid abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0645\u062C\u064A\u062F
abdulwahab abdelwahab abdulwahhab abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0648\u0647\u0627\u0628
abdullatif abdellatif abdulateef abdullateef abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0644\u0637\u064A\u0641
abdulsalam abdelsalam abdussalam abdessalam abdusalam abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0633\u0644\u0627\u0645
abdulqader abdulkader abdelkader abdelqader abdulqadir abdulkadir abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0642\u0627\u062F\u0631
abdulhamid abdelhamid abdulhameed abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u062D\u0645\u064A\u062F
abdulmalik abdelmalek abdulmalek abdelmalik abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0645\u0644\u0643
abdulghani abdelghani abdulghany abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u063A\u0646\u064A
abdulhadi abdelhadi abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0647\u0627\u062F\u064A
abdulnasser abdelnasser abdulnaser abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0646\u0627\u0635\u0631
abdulhakim abdelhakim abdulhakeem abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u062D\u0643\u064A\u0645
abdulmohsen abdulmohsin abdelmohsen abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0645\u062D\u0633\u0646
abdulelah abdulilah abdelilah abdul abdel \u0639\u0628\u062F \u0639\u0628\u062F\u0627\u0644\u0627\u0644\u0647
abdul abdel abdal abd \u0639\u0628\u062F
ibrahim ebrahim ibraheem ebraheem ibrahem ebrahem brahim \u0627\u0628\u0631\u0627\u0647\u064A\u0645
ismail ismael esmail ismaeel ismaiel ismayil \u0627\u0633\u0645\u0627\u0639\u064A\u0644
mustafa mostafa moustafa mustapha mostapha moustapha mustafah \u0645\u0635\u0637\u0641\u0649 \u0645\u0635\u0637\u0641\u064A
saeed said saied saeid saaid \u0633\u0639\u064A\u062F
syed sayed sayyid sayyed seyed sayid \u0633\u064A\u062F
sultan sultaan \u0633\u0644\u0637\u0627\u0646
rashid rashed raashid \u0631\u0627\u0634\u062F
rasheed rashid raschid \u0631\u0634\u064A\u062F
hamad \u062D\u0645\u062F
hammad hamad \u062D\u0645\u0627\u062F
hamdan \u062D\u0645\u062F\u0627\u0646
hamid hamed haamed \u062D\u0627\u0645\u062F
hameed hamid humaid \u062D\u0645\u064A\u062F
majid majed maajid \u0645\u0627\u062C\u062F
majeed majid \u0645\u062C\u064A\u062F
faisal faysal feisal faisel faysel fayssal \u0641\u064A\u0635\u0644
nasser naser nasir nassir naasir \u0646\u0627\u0635\u0631
naseer nasir \u0646\u0635\u064A\u0631
salem salim saalim \u0633\u0627\u0644\u0645
saleem salim selim \u0633\u0644\u064A\u0645
saif sayf seif saief \u0633\u064A\u0641
tariq tarek tareq tarik tarique \u0637\u0627\u0631\u0642
waleed walid \u0648\u0644\u064A\u062F
yasser yasir yaser yassir \u064A\u0627\u0633\u0631
zayed zayid zaied \u0632\u0627\u064A\u062F
zaid zayd zeid \u0632\u064A\u062F
ziad ziyad zeyad ziyaad \u0632\u064A\u0627\u062F
hamza hamzah hamzeh \u062D\u0645\u0632\u0629 \u062D\u0645\u0632\u0647
bilal belal \u0628\u0644\u0627\u0644
adel adil aadil \u0639\u0627\u062F\u0644
adeel \u0639\u062F\u064A\u0644
karim kareem \u0643\u0631\u064A\u0645
karima kareema \u0643\u0631\u064A\u0645\u0629
jamal gamal jamaal \u062C\u0645\u0627\u0644
jamil jameel gamil \u062C\u0645\u064A\u0644
nabil nabeel \u0646\u0628\u064A\u0644
samir sameer \u0633\u0645\u064A\u0631
samer \u0633\u0627\u0645\u0631
sami samy \u0633\u0627\u0645\u064A
fahad fahd fahed \u0641\u0647\u062F
mansour mansoor mansur \u0645\u0646\u0635\u0648\u0631
mubarak mobarak \u0645\u0628\u0627\u0631\u0643
obaid obeid ubaid obaied \u0639\u0628\u064A\u062F
raed raid \u0631\u0627\u064A\u062F
riyad riad riyadh riaz riyaz \u0631\u064A\u0627\u0636
anas anass \u0627\u0646\u0633
osama usama usamah ousama osamah \u0627\u0633\u0627\u0645\u0629
ayman aiman \u0627\u064A\u0645\u0646
amr amro amru \u0639\u0645\u0631\u0648
amer aamer aamir \u0639\u0627\u0645\u0631
amir ameer emir \u0627\u0645\u064A\u0631
marwan \u0645\u0631\u0648\u0627\u0646
murad mourad \u0645\u0631\u0627\u062F
nizar \u0646\u0632\u0627\u0631
rami ramy \u0631\u0627\u0645\u064A
hani hany \u0647\u0627\u0646\u064A
fadi fady \u0641\u0627\u062F\u064A
shadi shady \u0634\u0627\u062F\u064A
tamer tamir \u062A\u0627\u0645\u0631
thamer thamir \u062B\u0627\u0645\u0631
wael wail \u0648\u0627\u064A\u0644
hazem hazim \u062D\u0627\u0632\u0645
hisham hesham \u0647\u0634\u0627\u0645
emad imad \u0639\u0645\u0627\u062F
ehab ihab \u0627\u064A\u0647\u0627\u0628
essam issam isam \u0639\u0635\u0627\u0645
ashraf \u0627\u0634\u0631\u0641
ayoub ayub ayyub ayoob \u0627\u064A\u0648\u0628
younis yunus younes yunis younus \u064A\u0648\u0646\u0633
yahya yehia yahia \u064A\u062D\u064A\u0649
zakaria zakariya zakariyya zakariah \u0632\u0643\u0631\u064A\u0627
idris idrees edris \u0627\u062F\u0631\u064A\u0633
musa mousa moussa mosa \u0645\u0648\u0633\u0649
isa issa eisa \u0639\u064A\u0633\u0649
dawood dawud daoud daud dawoud \u062F\u0627\u0648\u062F
suleiman sulaiman sulayman soliman sleiman suleman sulaman \u0633\u0644\u064A\u0645\u0627\u0646
yaqub yacoub yaqoob yakub yaqoub \u064A\u0639\u0642\u0648\u0628
ishaq eshaq ishak \u0627\u0633\u062D\u0627\u0642
haroun harun haroon \u0647\u0627\u0631\u0648\u0646
saleh salih \u0635\u0627\u0644\u062D
saad \u0633\u0639\u062F
saud saoud \u0633\u0639\u0648\u062F
turki \u062A\u0631\u0643\u064A
bandar bander \u0628\u0646\u062F\u0631
nawaf nawwaf \u0646\u0648\u0627\u0641
meshal mishal mishaal meshaal \u0645\u0634\u0639\u0644
nayef naif nayif \u0646\u0627\u064A\u0641
talal \u0637\u0644\u0627\u0644
badr bader badar \u0628\u062F\u0631
hamoud hamood \u062D\u0645\u0648\u062F
ghanem ghanim \u063A\u0627\u0646\u0645
juma jumaa jumah \u062C\u0645\u0639\u0629
khamis khamees \u062E\u0645\u064A\u0633
mohsen muhsin mohsin \u0645\u062D\u0633\u0646
hadi hady \u0647\u0627\u062F\u064A
mahdi mehdi \u0645\u0647\u062F\u064A
jaber jabir \u062C\u0627\u0628\u0631
jassim jasim jassem jasem \u062C\u0627\u0633\u0645
qasim kasim qassim qasem kassem gasim \u0642\u0627\u0633\u0645
khalifa khalifah \u062E\u0644\u064A\u0641\u0629
mohannad muhannad \u0645\u0647\u0646\u062F
muath moath muadh moaz muaz \u0645\u0639\u0627\u0630
imran imraan emran omran \u0639\u0645\u0631\u0627\u0646
othman osman usman uthman \u0639\u062B\u0645\u0627\u0646
abbas \u0639\u0628\u0627\u0633
jaafar jafar jaffar \u062C\u0639\u0641\u0631
salman salmaan \u0633\u0644\u0645\u0627\u0646
suhail sohail suhayl \u0633\u0647\u064A\u0644
zubair zubayr zubeir \u0632\u0628\u064A\u0631
taha \u0637\u0647
yasin yaseen yassin yacine \u064A\u0627\u0633\u064A\u0646
tawfiq tawfik tawfeeq taufiq toufic \u062A\u0648\u0641\u064A\u0642
rafiq rafik rafeeq \u0631\u0641\u064A\u0642
shafiq shafik shafeeq \u0634\u0641\u064A\u0642
sharif shareef cherif \u0634\u0631\u064A\u0641
habib habeeb \u062D\u0628\u064A\u0628
aziz azeez \u0639\u0632\u064A\u0632
latif lateef \u0644\u0637\u064A\u0641
wasim waseem wassim \u0648\u0633\u064A\u0645
nadim nadeem \u0646\u062F\u064A\u0645
kamal \u0643\u0645\u0627\u0644
kamel kamil \u0643\u0627\u0645\u0644
jalal \u062C\u0644\u0627\u0644
bassam basam \u0628\u0633\u0627\u0645
hatem hatim \u062D\u0627\u062A\u0645
mazen mazin \u0645\u0627\u0632\u0646
firas feras \u0641\u0631\u0627\u0633
fawaz fawwaz \u0641\u0648\u0627\u0632
ghassan ghasan \u063A\u0633\u0627\u0646
ammar amar \u0639\u0645\u0627\u0631
yazan \u064A\u0632\u0646
zain zayn zein \u0632\u064A\u0646
rayan rayyan \u0631\u064A\u0627\u0646
ilyas elias elyas ilias \u0627\u0644\u064A\u0627\u0633
maher mahir \u0645\u0627\u0647\u0631
nader nadir \u0646\u0627\u062F\u0631
hilal helal \u0647\u0644\u0627\u0644
jawad jawwad \u062C\u0648\u0627\u062F
sadiq sadik saddiq \u0635\u0627\u062F\u0642
hafez hafiz \u062D\u0627\u0641\u0638
hafeez hafiz \u062D\u0641\u064A\u0638
kazim kadhim kazem \u0643\u0627\u0638\u0645
murtaza murtada mortada \u0645\u0631\u062A\u0636\u0649
rida reda ridha raza reza \u0631\u0636\u0627
shaheen shahin \u0634\u0627\u0647\u064A\u0646
nouh nuh nooh \u0646\u0648\u062D
adnan \u0639\u062F\u0646\u0627\u0646
akram \u0627\u0643\u0631\u0645
amjad \u0627\u0645\u062C\u062F
anwar anwer \u0627\u0646\u0648\u0631
fares faris \u0641\u0627\u0631\u0633
fathi fathy \u0641\u062A\u062D\u064A
fouad fuad foad fawad \u0641\u0648\u0627\u062F
hossam husam hussam \u062D\u0633\u0627\u0645
magdy majdi magdi \u0645\u062C\u062F\u064A
ramadan ramzan ramazan \u0631\u0645\u0636\u0627\u0646
zaki zakey \u0632\u0643\u064A
mamdouh mamduh \u0645\u0645\u062F\u0648\u062D
mounir munir muneer \u0645\u0646\u064A\u0631
khalil khaleel kahlil \u062E\u0644\u064A\u0644
hakim hakeem akeem \u062D\u0643\u064A\u0645
haider haidar hyder \u062D\u064A\u062F\u0631
naeem naim \u0646\u0639\u064A\u0645
rizwan ridwan rezwan \u0631\u0636\u0648\u0627\u0646
noman nauman numan nouman \u0646\u0639\u0645\u0627\u0646
awais owais uwais \u0627\u0648\u064A\u0633
shoaib shuaib \u0634\u0639\u064A\u0628
talha \u0637\u0644\u062D\u0629
umair omair \u0639\u0645\u064A\u0631
tahir taher \u0637\u0627\u0647\u0631
asif aasif \u0627\u0635\u0641
arif aarif \u0639\u0627\u0631\u0641
atif aatif \u0639\u0627\u0637\u0641
sajid \u0633\u0627\u062C\u062F
zahid \u0632\u0627\u0647\u062F
shahid \u0634\u0627\u0647\u062F
irfan \u0639\u0631\u0641\u0627\u0646
asad \u0627\u0633\u062F
junaid junaed \u062C\u0646\u064A\u062F
farhan \u0641\u0631\u062D\u0627\u0646
abid aabid \u0639\u0627\u0628\u062F
saqib sakib \u062B\u0627\u0642\u0628
mohammed hamoudi hamouda
ahmed hamoudi
mahmoud hamoudi
hamad hamoud hamoudi
abdullah abdo abboud aboudi
abdulrahman abdo abboud aboudi
abdulaziz abdo aboudi
fatima fatoom tima
fatima fatma fatemah fatimah fathima fatema fatemeh fatme \u0641\u0627\u0637\u0645\u0629 \u0641\u0627\u0637\u0645\u0647
aisha aysha ayesha aishah aicha ayisha aesha \u0639\u0627\u064A\u0634\u0629 \u0639\u0627\u064A\u0634\u0647
maryam mariam meryem miriam mariyam maryem \u0645\u0631\u064A\u0645
noor nour nur \u0646\u0648\u0631
noura nourah nora norah \u0646\u0648\u0631\u0629 \u0646\u0648\u0631\u0647
huda hoda houda \u0647\u062F\u0649 \u0647\u062F\u064A
amna aamna amnah \u0627\u0645\u0646\u0629
amina ameena aminah ameenah \u0627\u0645\u064A\u0646\u0629
layla leila laila leyla laylah lailah leilah \u0644\u064A\u0644\u0649 \u0644\u064A\u0644\u064A
sara sarah \u0633\u0627\u0631\u0629 \u0633\u0627\u0631\u0647 \u0633\u0627\u0631\u0627
hessa hissa hessah hissah hussa \u062D\u0635\u0629 \u062D\u0635\u0647
mouza moza mozah mouzah \u0645\u0648\u0632\u0629 \u0645\u0648\u0632\u0647
shamma shammah \u0634\u0645\u0627
reem rim \u0631\u064A\u0645
hind hend \u0647\u0646\u062F
dana \u062F\u0627\u0646\u0629 \u062F\u0627\u0646\u0647 \u062F\u0627\u0646\u0627
lina leena \u0644\u064A\u0646\u0627
rania ranya raniya \u0631\u0627\u0646\u064A\u0627
salma salmah selma \u0633\u0644\u0645\u0649 \u0633\u0644\u0645\u064A
yasmin yasmeen yasmine yazmin jasmine jasmin yasmina \u064A\u0627\u0633\u0645\u064A\u0646
shaikha sheikha shaykha \u0634\u064A\u062E\u0629 \u0634\u064A\u062E\u0647
mahra mahrah \u0645\u0647\u0631\u0629
alyazia alyazya yazia \u0627\u0644\u064A\u0627\u0632\u064A\u0629
latifa latifah lateefa \u0644\u0637\u064A\u0641\u0629
maitha maytha \u0645\u064A\u062B\u0627\u0621 \u0645\u064A\u062B\u0627
afra afraa \u0639\u0641\u0631\u0627\u0621
asma asmaa asmah \u0627\u0633\u0645\u0627\u0621
zainab zaynab zeinab zenab \u0632\u064A\u0646\u0628
khadija khadijah khadeeja khadeejah \u062E\u062F\u064A\u062C\u0629
ruqaya ruqayya ruqayyah rukaya rokeya \u0631\u0642\u064A\u0629
sumaya sumaiya somaya sumayyah sumayya \u0633\u0645\u064A\u0629
hafsa hafsah \u062D\u0641\u0635\u0629
safiya safia safiyyah safiyah \u0635\u0641\u064A\u0629
zahra zahraa zehra \u0632\u0647\u0631\u0627\u0621 \u0632\u0647\u0631\u0629
hanan \u062D\u0646\u0627\u0646
amal \u0627\u0645\u0644
mona muna \u0645\u0646\u0649
maha \u0645\u0647\u0627
nada \u0646\u062F\u0649
dina deena \u062F\u064A\u0646\u0627
rasha \u0631\u0634\u0627
ghada \u063A\u0627\u062F\u0629
abeer abir \u0639\u0628\u064A\u0631
nadia nadiya nadya \u0646\u0627\u062F\u064A\u0629
samira sameera \u0633\u0645\u064A\u0631\u0629
jamila jameela \u062C\u0645\u064A\u0644\u0629
nabila nabeela \u0646\u0628\u064A\u0644\u0629
najla najlaa \u0646\u062C\u0644\u0627\u0621
wafa wafaa \u0648\u0641\u0627\u0621
suad souad soad \u0633\u0639\u0627\u062F
lubna \u0644\u0628\u0646\u0649
rana \u0631\u0646\u0627
rawan \u0631\u0648\u0627\u0646
razan \u0631\u0632\u0627\u0646
lama \u0644\u0645\u0649
jana \u062C\u0646\u0649
joud jood \u062C\u0648\u062F
malak \u0645\u0644\u0627\u0643
tala \u062A\u0627\u0644\u0627
leen \u0644\u064A\u0646
haya \u0647\u064A\u0627
dalal \u062F\u0644\u0627\u0644
ghalia ghaliya \u063A\u0627\u0644\u064A\u0629
basma basmah \u0628\u0633\u0645\u0629
samar \u0633\u0645\u0631
sahar \u0633\u062D\u0631
nawal \u0646\u0648\u0627\u0644
iman eman imane \u0627\u064A\u0645\u0627\u0646
heba hiba \u0647\u0628\u0629
doaa duaa dua \u062F\u0639\u0627\u0621
esraa israa isra \u0627\u0633\u0631\u0627\u0621
aya aaya \u0627\u064A\u0629
farah \u0641\u0631\u062D
ghadeer ghadir \u063A\u062F\u064A\u0631
hajar hagar \u0647\u0627\u062C\u0631
marwa marwah \u0645\u0631\u0648\u0629
rahma rahmah \u0631\u062D\u0645\u0629
raghad \u0631\u063A\u062F
rima reema \u0631\u064A\u0645\u0627
shahad \u0634\u0647\u062F
shaima shaimaa shayma \u0634\u064A\u0645\u0627\u0621
walaa \u0648\u0644\u0627\u0621
yara \u064A\u0627\u0631\u0627
zeina zeinah \u0632\u064A\u0646\u0629
lamia lamya \u0644\u0645\u064A\u0627\u0621
manal \u0645\u0646\u0627\u0644
nisreen nesreen nasreen nasrin nesrine nisrin \u0646\u0633\u0631\u064A\u0646
noha nuha \u0646\u0647\u0649
ola ula \u0639\u0644\u0627
rehab rihab \u0631\u062D\u0627\u0628
sawsan sausan \u0633\u0648\u0633\u0646
suha \u0633\u0647\u0649
hala \u0647\u0627\u0644\u0629
amira ameera \u0627\u0645\u064A\u0631\u0629
nouf noof \u0646\u0648\u0641
munira muneera \u0645\u0646\u064A\u0631\u0629
wadha wadhha \u0648\u0636\u062D\u0649
hamda hamdah \u062D\u0645\u062F\u0629
salama salamah \u0633\u0644\u0627\u0645\u0629
rawdha roudha rouda rawda \u0631\u0648\u0636\u0629
haifa haifaa \u0647\u064A\u0641\u0627\u0621
hayat \u062D\u064A\u0627\u0629
kholoud khulood kholood \u062E\u0644\u0648\u062F
alia aliya aliyah aaliyah aliaa alya alyaa \u0639\u0627\u0644\u064A\u0629 \u0639\u0644\u064A\u0627\u0621
naila nayla \u0646\u0627\u064A\u0644\u0629
sadia saadia sadiya \u0633\u0639\u062F\u064A\u0629
rabia rabiya rabiah \u0631\u0627\u0628\u0639\u0629
bushra \u0628\u0634\u0631\u0649
rehana rihana raihana rayhana \u0631\u064A\u062D\u0627\u0646\u0629
hana hanaa \u0647\u0646\u0627\u0621
`;
var SOUTH_ASIAN_GROUPS = `
md muhammad mohammed mohammad mohamed mohd
priya priyaa
rajesh raj raju
rajendra rajender rajinder raj
rajiv rajeev raj
rajkumar raj
venkatesh venkatesan venkat venky venki
srinivas srinivasa sreenivas shrinivas srinivasan sreenivasan srini seenu
lakshmi laxmi lakshmy
subramanian subramaniam subramanyam subrahmanyam subbu
shiva siva
krishna krish
vijay vijai
ajay ajai
sanjay sanjai
abhishek abhi
abhijit abhijeet abhi
amit amith
sumit sumith
rohit rohith
ranjit ranjith ranjeet
sujit sujith sujeet
ajit ajith ajeet
vineet vinit
puneet punit
preeti priti preethi
jyoti jyothi
shanti shanthi
gayatri gayathri
aarti arti aarthi arthi
swati swathi
deepak dipak deepu
deepa deepu
anjali anju
vikram vicky
deepika dipika
pooja puja
divya dhivya
kavita kavitha
sunita sunitha
anita anitha
savita savitha
geeta gita geetha
sita seeta seetha
shweta sweta shwetha swetha
sangeeta sangita sangeetha
vidya vidhya
bhavana bhavna
sarita saritha
lalita lalitha
sushila susheela
parvati parvathi
keerthi kirti keerthy
satish sathish
santosh santhosh
vikas vikash
akash aakash
nitin nithin
anand aanand
ashok asok
pradeep pradip
sandeep sandip
kuldeep kuldip
navdeep navdip
amandeep amandip
dilip dileep
murali murli
raghav raghu
raghavendra raghu
prashant prasanth prashanth
srikanth shrikant srikant shrikanth
sriram shriram
shankar sankar
sundar sunder
sudhir sudheer
ravindra ravinder ravi
surendra surender surinder
jitendra jitender jeetendra
narendra narender
mahendra mahender mahinder
paramjit paramjeet
harjit harjeet
manjit manjeet
zeeshan zishan
javed javaid jawed
pervez parvez parvaiz
tanveer tanvir
naveed navid
shahzad shehzad
shahbaz shehbaz
babar babur
zafar zafer
akhtar akter akhter
shakil shakeel
suman sumon
farzana farjana
nusrat nasrat
shabnam shabnum
rukhsana rukshana
shahnaz shehnaz
nazia naziya
saima saimah
sana sanaa
hina heena
mahnoor mahnur
sameena samina
parveen parvin perveen
zarina zareena
shazia shaziya
rubina rubeena
nargis narges
humaira humera
sanjeewa sanjeeva
nishantha nishanta
`;
var FILIPINO_GROUPS = `
maria ma mia
jose pepe pepito joe jojo
joseph jojo
paolo pao
juan juanito johnny
rosario charo chayo
consuelo connie chelo
jesus chuy chucho
francisco paco pancho kiko isko
ignacio nacho
guadalupe lupe lupita
dolores lola lolita
concepcion concha conchita connie
mercedes meche
eduardo edu lalo eddie
alfredo fredo
ricardo cardo ricky
roberto berto obet
alberto berto beto
antonio tonyo tony anton
emmanuel emman manny
manuel manny manolo
fernando nando ferdie
ferdinand ferdie nando
ramon mon monching
rodrigo rody
gregorio goyo gorio
corazon cory cora
remedios remy medy
milagros mila
josefina josie pina fina
natividad naty nati
florencia flor
teresita tess tessie tere
cristina tina
leonora nora
evangeline vangie
rosemarie rose rosie
marites maritess
`;
var KNOWN_NAMES = `
aarav abdiel abelardo ace adalberto adan addilyn adelina aditya adolfo adonis adriel ahsan aida aimee aishwarya aitana
aiyana aja akira alani aleena alena alessandra alessandro alexa alexia alina aliza alma alok alondra alonso alora alta
alton alvaro alvin alyse amado amani amara amare amari amaris amaya amber amberly america amirah ammon amora amos
anahi anais anakin analia analyn ananya anaya andre andres angeline angelo angus anibal anil anissa annalee annalise
anson antonella anum apollo april archer arely ares ariel ariella ariyah arjun arlette arlo arman armani arnel arnulfo
artis arturo arun asha ashanti asher ashton asia aspen astrid athena atlas atticus audie audra audrina aurelio aurora
autumn avi avis axel axton ayaan ayla aylin azalea baker balwinder banks barrett barry barton beatriz beau beckett
beckham benicio benita benito bennett benson benton bernadette bernadine bethany beulah bianca bishop bjorn blaise
blake blakely blanca bode boden bodhi bodie bonita bonnie booker boone boris boston boyd braulio braxton braylee
braylon brecken brenda brenna brent brenton bria bridger briella brielle briggs brigitte brisa bristol britton brock
brogan bronson brooke brooks bruce bruno bryant brycen bryson buck bud buddy buford burl burton buster cain callan
callum camilo canaan carlos carmine carnell carolina cassius cataleya cecil cecile cecily celestine celine cesar chad
chadwick chaim chamara chaminda chana chance chandler chandra chanel channing chantelle charlene charmaine chase chaya
cherish clarence clarice clark claude claudette claudine claudio clay clayton cleo cletus cleveland clint clinton
clyde coleman collins colt colter concetta constantine cooper coral cordell cornell cortez creed crew cristobal crosby
cruz cullen cyril dakari dakota dale daleyza dallas dallin damari damarion damaris damon dane danette danilo daquan
darby darla darnell darwin dash davina davion davis davon dawn dawson dax daxton dayana dayanara dayton deacon dean
declan deja dejuan delaney delano delois demarco demarcus demario demetri demetria demetrius demi demond denton denver
denzel deonte dequan derwin desean desmond dewey dewitt dexter dhruv diamond diego dilshan dimitri dinah dinesh dino
dion dionne dirk dixie domingo dominique doretha dorian doyle drake draven dudley dulce dustin dusty dwight earl
easton eden edison edson edwina efrain efren eileen elaina eleazar elian elida eliel eliezer eliseo ellis elmer elmo
elora eloy elsa elton elvia elvis emerald emiliano emilio emmalee emmalyn enoch enrico enrique enzo erasmo errol esme
esmeralda esperanza essence estefania estrella ethan ethel eugenia eugenio evan evangelina ever everardo everett evie
ezequiel fabian fabiola faraz farrah federico felipe felix felton fermin fern fernanda fidel finn finnegan fisher
fletcher flynn foster francesca francisca franco freeman freya gael gage galen galilea ganesh gannon garland garth
gatlin gay gaylord genaro genesis geneva gentry georgette gerard gerardo german gerson gia giancarlo gianni gibson
gideon gilda gino giovanna girish giuliana giuseppe gladys glenda glenna goldie gonzalo gopal gordon govind grace
gracie graciela grady graham grant griffin grover guillermo gurpreet gustavo guy hadassah hadley halle hans harinder
harish harlan harlow harmon harmony harper harpreet harris harvey haven hayes haywood hazel heath heaven hector
hendrix henrik heriberto hilario hilda hira hitesh holden holland hollis homer homero hope horacio houston hoyt hudson
huey hugo humberto hunter huxley ian ida iesha iker ila iliana imani imogene ingrid iqra ira iris irma isai ishaan
ishmael isidro isis isla israel itzel ivory jabari jacey jacques jadiel jagger jaheim jair jairo jakari jakobe jaleel
jaliyah jamar jamarcus jamari jamarion janeen jaquan jarrett jarvis jaspreet jaswinder javier javion javonte jax
jaycee jayceon jayvon jaziel jelani jenelle jensen jere jericho jermaine jerome jerrell jerwin jesse jett joaquin joel
joelle johnpaul johnson jomar jonah jonas joseluis josette josue jovan juana juancarlos juelz juliet julieta juliette
julio julissa julius juniper justice justina justine kai kaiya kalani kaliyah kalyn kamari kamran kane karan karis
karsyn kashif kassie kasun katina kavya keanu keaton keenan kehlani keisha keith kelton kelvin kenan kenji kenley
kensley kenton kentrell kenyon kenzo kermit keyon khari kia kieran killian kimber kimora kinley kinsey kinsley kip
kiran kirby kirk kisha knox koa kobe koda krystle kulwinder kwame kyla kyle kyler kymani kyson ladarius ladonna lahiru
lamar lance landry lane langston lara larissa lars lashawn lashonda latasha latosha latoya latrell latrice lavon
lavonne lawanda lawson lazaro leander leandra leandro leanna ledger leeann legend leia leif leigha leighton leland
lelia lennon lennox leola leona leopoldo letha lexus lia liam liberty ligaya lilia lilith linnea lino linus linwood
litzy logan lora lorena lorene lorna lourdes lowell loyal lucca lucero luciana luciano lucio lucius luna luther luz
lyle lyman lyra lyric madden maddox madhav madonna maeve magnolia magnus mahesh mahlon major makai malakai malaki
malaya malaysia maleah malia malik maliyah mallory manisha manoj manpreet manuela marcelino marcellus margarito
mariano maribel maricel maricris mariela marilee marina mario marisol maritza marivic marla marlene marlon marlys
marquita martez marybeth maryellen maryjane maryjo mason maureen mauricio mauro maverick mavis maxim maximo maximus
maxton maynard mayra mccoy mckinley meadow meena mehwish meir melba melina melva memphis menachem meredith merle
merlin merrill merritt messiah micah miguelangel mikhail milan milani milena milford millard miller milo milton
miracle mireya misael mohan moira monique monroe monserrat montana montrell mordechai morgan moriah morton moshe
mubashir mudassar mukesh muneeb murphy murray mylene myrna myron nakia nalani nandini nanette naresh nash nayeli neha
nehemiah nelda nestor nevaeh nia nicolette nigel nikhil nikita nikolai nilesh nimal nina nisha nixon noah noble noe
noelia noelle noemi nola nolan norberto noreen norma norris nova nuwan oakley oaklynn obed octavio odessa odin odis
olga omari onyx opal orion orville oscar otto owen padma paige pallavi palmer paloma paris parker pasquale patrice
patricio paulette paxton pearl pearlie pedro perla petra phoenix phyllis pierce pierre piper poppy porter portia
prakash pranav prasad prasanna precious presley preston prince princess princeton priyanka queen quincy quinn rachelle
radha rae raheem rahul rakesh raleigh ramesh ramiro ramsey ramya rani raquel rashad rashmi raul raven rayford raylan
rayne regis reign reilly rekha remington renata rene renee renita renu rex reyes rhea rhiannon rhys rico ridge
rigoberto rihanna rikki rio rishi ritesh river rivka rizalino rocco rochelle rocio rocky rodel rodolfo rogelio rohan
roman rome romeo ronan ronin roosevelt rory rosalia rosalind rosella rosendo rosetta rowan rowdy rowena royal royalty
royce rufus rupa ruth ruthann ruthie ruwan ryder ryker rylan ryland saba sachin sadaf sage saint salina salvatore
samara sanjana santana santiago santino santos sapna sasha saul savion sawyer schuyler seamus seema selah selene semaj
serenity sergio seth shakira shalini shamar shanda shane shania shanice shaniya shannon shaquille shari sharla shayla
shaylee shea sheena shelby shepherd sherlyn sherman sherwood shiloh shlomo shreya shyanne shyla sidra simone sincere
siobhan skyla slade sneha sonali soren spencer stanford stanley stanton starla sterling stetson stewart stone stormy
sukhwinder summer sunil sunny suresh sutton suzette tadeo talmadge talon tamia tanisha tanner tara tarun taryn tate
tatum tavon tawana taylor tenley terrell terrill tharindu thatcher thea thelma theron thiago thor thurman tia tiara
tierra titan titus tobin toni torin tosha trace travis treasure trent trenton treva trevin trevor trinidad trinity
tripp trista troy truman tucker turner twila tyler tyquan tyree tyrell tyrese tyrone tyrus tyshawn tyson tzvi uma
umesh unique uriah uriel usha uzma vada valencia valeria vance varun vaughn velma venus vera vern vicente vida vidal
vihaan vinay vinod virgil vishal vishnu vito vivek viviana vivienne vladimir vonda wade walker wanda waqar waqas ward
warner warren watson waylon wayne weldon wells wendell westin weston whitney wilbert wilburn wilder wilford willa
willard willow wilmer winfred winona winston wren wyatt wylie xiomara yaakov yadiel yadira yael yahir yair yandel
yareli yaretzi yaritza yash yehuda yisroel yitzchok yogesh yolanda zahir zaire zaniyah zara zariyah zelda zev zuri
zyaire
`;

// src/match/names/givenNames.ts
var NO_GROUPS = Object.freeze([]);
var index;
function buildIndex() {
  const groups = /* @__PURE__ */ new Map();
  let id = 0;
  for (const table of [NICKNAME_GROUPS, SPELLING_GROUPS, ARABIC_GROUPS, SOUTH_ASIAN_GROUPS, FILIPINO_GROUPS]) {
    for (const line2 of table.split("\n")) {
      if (line2.length === 0) continue;
      const gid = id++;
      for (const name of line2.split(" ")) {
        if (name.length === 0) continue;
        const list = groups.get(name);
        if (list === void 0) groups.set(name, [gid]);
        else if (list[list.length - 1] !== gid) list.push(gid);
      }
    }
  }
  const map = /* @__PURE__ */ new Map();
  for (const [name, list] of groups) map.set(name, Object.freeze(list));
  for (const name of KNOWN_NAMES.split(/\s+/)) {
    if (name.length > 0 && !map.has(name)) map.set(name, NO_GROUPS);
  }
  return map;
}
function getIndex() {
  return index ??= buildIndex();
}
function isKnownGivenName(name) {
  return getIndex().has(name);
}
function areNameVariants(a, b) {
  const m = getIndex();
  const ga = m.get(a);
  if (ga === void 0 || ga.length === 0) return false;
  const gb = m.get(b);
  if (gb === void 0 || gb.length === 0) return false;
  let i = 0;
  let j = 0;
  while (i < ga.length && j < gb.length) {
    const x = ga[i];
    const y = gb[j];
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

// src/match/personName.ts
var SURNAME_PARTICLES = /* @__PURE__ */ new Set([
  "al",
  "el",
  "bin",
  "bint",
  "ibn",
  "ben",
  "abu",
  "umm",
  "bu",
  "van",
  "von",
  "der",
  "den",
  "de",
  "del",
  "della",
  "di",
  "da",
  "dos",
  "das",
  "du",
  "la",
  "le",
  "st",
  "ter",
  "ten",
  "mac"
]);
var TITLES = /* @__PURE__ */ new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "prof",
  "sir",
  "madam",
  "mme",
  "mlle",
  "sr",
  "sra",
  "engr",
  "eng",
  "sheikh",
  "shaikh",
  "sheikha",
  "shaikha",
  "hh",
  "he"
]);
var PLACEHOLDER_NAMES = /* @__PURE__ */ new Set([
  "guest",
  "customer",
  "client",
  "user",
  "member",
  "visitor",
  "unknown",
  "na",
  "n a",
  "none",
  "null",
  "nil",
  "test",
  "testing",
  "xxx",
  "xx",
  "x",
  "abc",
  "asdf",
  "qwerty",
  "name",
  "first",
  "last",
  "firstname",
  "lastname",
  "no name",
  "noname",
  "anonymous",
  "walk in",
  "walkin",
  "cash",
  "cash customer",
  "dear customer",
  "valued customer",
  "sir",
  "madam"
]);
function personNameOf(fields) {
  let first = cleanName(fields.firstName);
  let last = cleanName(fields.lastName);
  if ((first === "" || last === "") && fields.fullName !== void 0) {
    const [fullFirst, fullLast] = splitFullName(fields.fullName);
    if (first === "") first = fullFirst;
    if (last === "") last = fullLast;
  }
  if (last === "" && first.includes(" ") && cleanName(fields.fullName) === "") {
    [first, last] = splitWords(first.split(" "));
  }
  return [first, last];
}
function cleanName(raw) {
  const folded = normalizeName(raw);
  if (folded === "") return "";
  const space = folded.indexOf(" ");
  if (space === -1 || !TITLES.has(folded.slice(0, space))) return PLACEHOLDER_NAMES.has(folded) ? "" : folded;
  const words = folded.split(" ");
  let start = 0;
  while (start < words.length - 1 && TITLES.has(words[start])) start++;
  const name = start === 0 ? folded : words.slice(start).join(" ");
  return PLACEHOLDER_NAMES.has(name) ? "" : name;
}
function splitFullName(raw) {
  const comma = raw.indexOf(",");
  if (comma > 0) {
    const last = cleanName(raw.slice(0, comma));
    const rest = cleanName(raw.slice(comma + 1));
    if (last !== "" && rest !== "" && !SUFFIXES.has(rest)) return [rest.split(" ")[0], last];
  }
  const full = cleanName(raw);
  if (full === "") return ["", ""];
  return splitWords(full.split(" ").filter((w) => !SUFFIXES.has(w)));
}
function splitWords(words) {
  if (words.length === 0) return ["", ""];
  if (words.length === 1) return [words[0], ""];
  if (SURNAME_PARTICLES.has(words[0])) {
    let end = 1;
    while (end < words.length - 1 && SURNAME_PARTICLES.has(words[end])) end++;
    return words.length === end + 1 ? ["", words.join(" ")] : [words[end + 1], words.slice(0, end + 1).join(" ")];
  }
  for (let i = 1; i < words.length - 1; i++) {
    if (SURNAME_PARTICLES.has(words[i])) return [words[0], words.slice(i).join(" ")];
  }
  return [words[0], words[words.length - 1]];
}
var SUFFIXES = /* @__PURE__ */ new Set(["jr", "sr", "ii", "iii", "iv", "phd", "md"]);
function surnameCore(folded) {
  if (!folded.includes(" ")) return stripGluedArticle(folded);
  const words = folded.split(" ");
  const kept = words.filter((w) => !SURNAME_PARTICLES.has(w));
  return kept.length === 0 ? words.join("") : kept.join("");
}
function stripGluedArticle(word) {
  if (word.length >= 6 && (word.startsWith("al") || word.startsWith("el"))) return word.slice(2);
  return word;
}

// src/match/compareNames.ts
function compareFirstNames(a, b, minSimilarity) {
  if (a === b) return LEVEL.exact;
  if (a.includes(" ") || b.includes(" ")) return compareWordsOfFirstNames(a, b, minSimilarity);
  return compareGivenName(a, b, minSimilarity);
}
function compareGivenName(a, b, minSimilarity) {
  if (a === b) return LEVEL.exact;
  if (a.length === 1 || b.length === 1) {
    return a[0] === b[0] ? LEVEL.close : isLatin(a) === isLatin(b) ? LEVEL.disagree : LEVEL.unknown;
  }
  if (areNameVariants(a, b)) return LEVEL.variant;
  if (isLatin(a) !== isLatin(b)) return LEVEL.unknown;
  if (isKnownGivenName(a) && isKnownGivenName(b)) return LEVEL.disagree;
  return nameSimilarity(a, b) >= minSimilarity ? LEVEL.variant : LEVEL.disagree;
}
var MAX_WORDS = 4;
function compareWordsOfFirstNames(a, b, minSimilarity) {
  const wa = a.split(" ", MAX_WORDS);
  const wb = b.split(" ", MAX_WORDS);
  const head = compareGivenName(wa[0], wb[0], minSimilarity);
  if (head >= LEVEL.close) return head === LEVEL.exact ? LEVEL.variant : head;
  let best = head;
  for (const x of wa) {
    for (const y of wb) {
      if (x.length < 2 || y.length < 2) continue;
      const l = compareGivenName(x, y, minSimilarity);
      if (l >= LEVEL.variant) return LEVEL.variant;
      if (l > best) best = l;
    }
  }
  return best;
}
function compareSurnames(a, b, minSimilarity) {
  if (a === b) return LEVEL.exact;
  if (isLatin(a) !== isLatin(b)) return LEVEL.unknown;
  const ca = surnameCore(a);
  const cb = surnameCore(b);
  if (ca === cb) return LEVEL.exact;
  if (a.includes(" ") || b.includes(" ")) {
    const wb = b.split(" ", 2 * MAX_WORDS);
    for (const x of a.split(" ", 2 * MAX_WORDS)) {
      if (x.length < 3 || SURNAME_PARTICLES.has(x)) continue;
      if (wb.includes(x)) return LEVEL.variant;
    }
  }
  return nameSimilarity(ca, cb) >= minSimilarity ? LEVEL.variant : LEVEL.disagree;
}
function compareNamePairs(firstA, lastA, firstB, lastB, minSimilarity, out) {
  out.first = firstA !== "" && firstB !== "" ? compareFirstNames(firstA, firstB, minSimilarity) : LEVEL.none;
  out.last = lastA !== "" && lastB !== "" ? compareSurnames(lastA, lastB, minSimilarity) : LEVEL.none;
  if ((out.first === LEVEL.disagree || out.last === LEVEL.disagree) && !isPatronymic(lastA) && !isPatronymic(lastB)) {
    const cross1 = firstA !== "" && lastB !== "" ? crossLevel(firstA, lastB, minSimilarity) : LEVEL.none;
    const cross2 = lastA !== "" && firstB !== "" ? crossLevel(lastA, firstB, minSimilarity) : LEVEL.none;
    const full = firstA !== "" && lastA !== "" && firstB !== "" && lastB !== "";
    if (full ? Math.max(cross1, cross2) >= LEVEL.variant && Math.min(cross1, cross2) >= LEVEL.unknown : Math.max(cross1, cross2) >= LEVEL.variant) {
      const weak = Math.min(cross1, cross2);
      const strong = Math.min(Math.max(cross1, cross2), LEVEL.variant);
      out.first = full ? strong : out.first === LEVEL.disagree ? LEVEL.none : out.first;
      out.last = full ? weak === LEVEL.exact ? LEVEL.variant : weak : out.last === LEVEL.disagree ? LEVEL.none : out.last;
    }
  }
  return out;
}
var PATRONYMIC = /^(bin|bint|ibn|ben|abu|umm|bu) /;
function isPatronymic(surname) {
  return PATRONYMIC.test(surname);
}
function crossLevel(a, b, minSimilarity) {
  if (a === b) return LEVEL.exact;
  if (areNameVariants(a, b)) return LEVEL.variant;
  if (isLatin(a) !== isLatin(b)) return LEVEL.unknown;
  return nameSimilarity(surnameCore(a), surnameCore(b)) >= minSimilarity ? LEVEL.variant : LEVEL.disagree;
}
function isLatin(s) {
  return s.charCodeAt(0) < 592;
}

// src/errors.ts
var IdweaveError = class extends Error {
  code;
  issues;
  constructor(code, message, issues = []) {
    super(message);
    this.name = "IdweaveError";
    this.code = code;
    this.issues = issues;
  }
};

// src/normalize/junk/junkLists.ts
var ANY_JUNK_VALUES = [
  // "no value" words
  "n/a",
  "n\\a",
  "na",
  "n.a",
  "n.a.",
  "n/d",
  "null",
  "(null)",
  "<null>",
  "nil",
  "none",
  "(none)",
  "nothing",
  "undefined",
  "unknown",
  "unk",
  "not available",
  "not applicable",
  "not provided",
  "not given",
  "no",
  "nope",
  "blank",
  "empty",
  "missing",
  "tbd",
  "tba",
  "tbc",
  "no email",
  "no phone",
  "no number",
  "noemail",
  "nophone",
  "nonumber",
  "no data",
  "-1",
  "false",
  "true",
  // spreadsheet and dataframe artefacts (Excel error values, pandas/NumPy NaN, JavaScript object dumps)
  "nan",
  "#n/a",
  "#na",
  "#value!",
  "#ref!",
  "#name?",
  "[object object]",
  // test and keyboard-mash values
  "test",
  "testing",
  "tester",
  "dummy",
  "fake",
  "sample",
  "demo",
  "asdf",
  "asdfgh",
  "qwerty",
  "abc",
  "abc123",
  "abcd",
  "xyz",
  "aaa",
  "zzz",
  // Arabic "none" / "not available" / "no" (UAE and GCC sign-up forms)
  "\u0644\u0627 \u064A\u0648\u062C\u062F",
  "\u0644\u0627\u064A\u0648\u062C\u062F",
  "\u063A\u064A\u0631 \u0645\u062A\u0648\u0641\u0631",
  "\u063A\u064A\u0631 \u0645\u062A\u0627\u062D",
  "\u0644\u0627"
];
var ANY_JUNK_PATTERN_SOURCES = [
  /^[\s\-_.,:;*?!#/\\|=~+'"`^<>()[\]{}]+$/.source,
  String.raw`^0+$`,
  String.raw`^x+$`,
  String.raw`^test\d+$`
];
var JUNK_VALUES = {
  email: [
    "test@test.com",
    "test@example.com",
    "example@example.com",
    "a@a.com",
    "a@b.com",
    "abc@abc.com",
    "abc@xyz.com",
    "none@none.com",
    "no@no.com",
    "na@na.com",
    "null@null.com",
    "email@email.com",
    "mail@mail.com",
    "noemail@noemail.com",
    "asdf@asdf.com",
    "xxx@xxx.com",
    "x@x.com",
    "user@example.com",
    "name@example.com",
    "sample@sample.com",
    "demo@demo.com",
    "no@email.com",
    "none@email.com",
    "na@email.com",
    "unknown@unknown.com",
    "email@gmail.com",
    "email@domain.com",
    "name@domain.com",
    "user@domain.com",
    "your@email.com",
    "youremail@email.com",
    "yourname@email.com",
    "me@me.com",
    "abc@gmail.com",
    "xyz@gmail.com",
    "aaa@gmail.com"
  ],
  phone: [],
  // Shared or system accounts typed into a login column: they tie many people together.
  login: ["guest", "anonymous", "anon", "user", "username", "login", "admin", "administrator", "root", "default", "changeme"],
  handle: [],
  externalId: []
};
var JUNK_PATTERN_SOURCES = {
  email: [
    // Placeholder local parts at any domain: noemail@…, no-email@…, no.mail@…, noreply@…, donotreply@…,
    // test@…, unknown@…, null@…, none@…, dummy@…, fake@… (optionally followed by digits: test1@…).
    String.raw`^(?:no[-_.]?e?[-_.]?mail|no[-_.]?reply|do[-_.]?not[-_.]?reply|no[-_.]?one|nobody|none|null|nil|unknown|test|testing|dummy|fake|na|not[-_.]?available|asdf|qwerty|x+)\d*@`,
    // One character at one character: a@b.com, x@y.co, 1@2.com.
    String.raw`^[a-z0-9]@[a-z0-9]\.[a-z]{2,3}$`,
    // One repeated letter: aaa@aaa.com, xx@xx.com.
    String.raw`^(?<l>[a-z])\k<l>*@(?<d>[a-z])\k<d>*\.[a-z]{2,3}$`
  ],
  // Tested on canonical E.164 (`+971500000000`) and on raw digit strings (`0000000000`, `050 000 0000` → digits).
  phone: [
    // One repeated digit: 0000000000, 1111111, +9999999999.
    String.raw`^\+?(?<r>\d)\k<r>{5,}$`,
    // A national part of zeros after a country/area/operator prefix of at most 5 digits: +971500000000, 0500000000.
    String.raw`^\+?\d{0,5}?0{7,}$`,
    // Eight or more of one digit after such a prefix: +971555555555, 0555555555.
    String.raw`^\+?\d{0,5}?(?<t>\d)\k<t>{7,}$`,
    // A whole digit string that is an ascending or descending run: 1234567890, 0123456789, 9876543210.
    // Deliberately narrow: a run after a country or operator prefix is a real number (+33 6 12 34 56 78 and
    // +20 10 1234 5678 are libphonenumber's own example mobiles); a run filling a whole national number is caught
    // by normalizePhone's placeholder check.
    String.raw`^(?:0?12345678(?:90?)?|9?87654321(?:0)?)$`,
    // The same run as the whole national part after a country code: +971123456789, +1 987654321(0).
    String.raw`^\+\d{1,3}(?:0?1234567890?|9876543210?)$`
  ],
  login: [],
  handle: [],
  externalId: []
};
var JUNK_EMAIL_DOMAIN_TAIL = /(?:example\.(?:com|net|org)|(?:test|none|noemail|nomail|no-email|null|noreply|fake|dummy)\.com|[^.@]+\.(?:test|example|invalid|localhost|local))$/y;
var MIRRORED_EMAIL_TLDS = ["com", "net", "org", "co", "ae"];
var BUILT_IN_PATTERNS = {
  email: alternation([...JUNK_PATTERN_SOURCES.email, ...ANY_JUNK_PATTERN_SOURCES]),
  phone: alternation([...JUNK_PATTERN_SOURCES.phone, ...ANY_JUNK_PATTERN_SOURCES]),
  login: alternation([...JUNK_PATTERN_SOURCES.login, ...ANY_JUNK_PATTERN_SOURCES]),
  handle: alternation([...JUNK_PATTERN_SOURCES.handle, ...ANY_JUNK_PATTERN_SOURCES]),
  externalId: alternation([...JUNK_PATTERN_SOURCES.externalId, ...ANY_JUNK_PATTERN_SOURCES])
};
function missesBuiltInPhonePatterns(v) {
  if (v.length < 2 || v.charCodeAt(0) !== 43) return false;
  let run = 0;
  let prev = -1;
  for (let i = 1; i < v.length; i++) {
    const c2 = v.charCodeAt(i);
    if (c2 < 48 || c2 > 57) return false;
    run = c2 === prev ? run + 1 : 1;
    if (run >= 6) return false;
    prev = c2;
  }
  return !v.includes("12345678") && !v.includes("98765432");
}
function alternation(sources) {
  return new RegExp(sources.map((s) => `(?:${s})`).join("|"));
}

// src/normalize/junk/createJunkMatcher.ts
var KINDS = ["email", "phone", "login", "handle", "externalId"];
var OPTION_KEYS = /* @__PURE__ */ new Set([...KINDS, "any"]);
var PHONE_SEPARATORS = /^\+?[\d\s().\-/]+$/;
var NON_DIGIT = /\D/g;
function createJunkMatcher(options = {}) {
  const issues = [];
  const extraValues = collect(options.values, "values", issues);
  const extraPatterns = collect(options.patterns, "patterns", issues);
  const anyValues = new Set(ANY_JUNK_VALUES);
  for (const v of extraValues.get("any") ?? []) anyValues.add(foldValue(v));
  const anyPatterns = [];
  for (const [i, source] of (extraPatterns.get("any") ?? []).entries()) {
    const re = compile(source, `junk.patterns.any[${i}]`, issues);
    if (re) anyPatterns.push(re);
  }
  const tables = {};
  for (const kind of KINDS) {
    const values2 = new Set(anyValues);
    for (const v of JUNK_VALUES[kind]) values2.add(v);
    for (const v of extraValues.get(kind) ?? []) {
      const folded = foldValue(v);
      values2.add(folded);
      if (kind === "phone" && PHONE_SEPARATORS.test(folded)) values2.add(phoneDigits(folded));
    }
    const patterns = [];
    for (const [i, source] of (extraPatterns.get(kind) ?? []).entries()) {
      const re = compile(source, `junk.patterns.${kind}[${i}]`, issues);
      if (re) patterns.push(re);
    }
    patterns.push(...anyPatterns);
    tables[kind] = { values: values2, builtIn: BUILT_IN_PATTERNS[kind], missesBuiltIn: kind === "phone" ? missesBuiltInPhonePatterns : void 0, patterns };
  }
  if (issues.length > 0) throw new IdweaveError("config_invalid", `invalid junk options: ${issues[0]}`, issues);
  return new CompiledJunkMatcher(tables);
}
var CompiledJunkMatcher = class {
  #tables;
  constructor(tables) {
    this.#tables = tables;
  }
  isJunk(kind, canonical) {
    const table = this.#tables[kind];
    if (table === void 0 || typeof canonical !== "string") return false;
    const v = fold(canonical);
    if (v.length === 0) return false;
    if (matches(table, v)) return true;
    if (kind === "email") return isJunkEmailShape(v);
    if (kind === "handle") {
      const colon = v.indexOf(":");
      let start = colon === -1 ? 0 : colon + 1;
      if (v.charCodeAt(start) === 64) start++;
      if (start > 0 && start < v.length) return matches(table, v.slice(start));
      return false;
    }
    if (kind === "phone" && !isPlainPhone(v) && PHONE_SEPARATORS.test(v)) {
      const digits2 = phoneDigits(v);
      return digits2.length > 1 && matches(table, digits2);
    }
    return false;
  }
};
function matches(table, v) {
  if (table.values.has(v)) return true;
  if (!(table.missesBuiltIn?.(v) ?? false) && table.builtIn.test(v)) return true;
  const patterns = table.patterns;
  for (let i = 0; i < patterns.length; i++) if (patterns[i].test(v)) return true;
  return false;
}
function isJunkEmailShape(v) {
  let at = -1;
  let lastDot = -1;
  let prevDot = -1;
  for (let i = v.length - 1; i >= 0; i--) {
    const c2 = v.charCodeAt(i);
    if (c2 === 64) {
      at = i;
      break;
    }
    if (c2 === 46) {
      if (lastDot === -1) lastDot = i;
      else if (prevDot === -1) prevDot = i;
    }
  }
  if (at <= 0 || lastDot <= at + 1) return false;
  JUNK_EMAIL_DOMAIN_TAIL.lastIndex = prevDot === -1 ? at + 1 : prevDot + 1;
  if (JUNK_EMAIL_DOMAIN_TAIL.test(v)) return true;
  const localLength = at;
  if (lastDot !== at + 1 + localLength) return false;
  for (let i = 0; i < localLength; i++) if (v.charCodeAt(i) !== v.charCodeAt(at + 1 + i)) return false;
  for (const tld of MIRRORED_EMAIL_TLDS) if (v.length === lastDot + 1 + tld.length && v.endsWith(tld)) return true;
  return false;
}
function fold(s) {
  const n = s.length;
  if (n === 0) return s;
  let t = s;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32 || s.charCodeAt(0) > 127 || s.charCodeAt(n - 1) > 127) t = s.trim();
  for (let i = 0; i < t.length; i++) {
    const c2 = t.charCodeAt(i);
    if (c2 >= 65 && c2 <= 90 || c2 > 127) return t.toLowerCase();
  }
  return t;
}
function foldValue(v) {
  return v.trim().toLowerCase();
}
function isPlainPhone(v) {
  for (let i = v.charCodeAt(0) === 43 ? 1 : 0; i < v.length; i++) {
    const c2 = v.charCodeAt(i);
    if (c2 < 48 || c2 > 57) return false;
  }
  return true;
}
function phoneDigits(v) {
  const digits2 = v.replace(NON_DIGIT, "");
  return v.charCodeAt(0) === 43 ? `+${digits2}` : digits2;
}
function collect(input, field, issues) {
  const out = /* @__PURE__ */ new Map();
  if (input === void 0 || input === null) return out;
  if (typeof input !== "object" || Array.isArray(input)) {
    issues.push(`junk.${field}: expected an object keyed by kind (${[...OPTION_KEYS].join(", ")})`);
    return out;
  }
  for (const [kind, list] of Object.entries(input)) {
    if (!OPTION_KEYS.has(kind)) {
      issues.push(`junk.${field}.${kind}: unknown kind, expected one of ${[...OPTION_KEYS].join(", ")}`);
      continue;
    }
    if (list === void 0) continue;
    if (!Array.isArray(list)) {
      issues.push(`junk.${field}.${kind}: expected an array of strings`);
      continue;
    }
    const strings = [];
    list.forEach((v, i) => {
      if (typeof v === "string") strings.push(v);
      else issues.push(`junk.${field}.${kind}[${i}]: expected a string`);
    });
    out.set(kind, strings);
  }
  return out;
}
function compile(source, where, issues) {
  try {
    return new RegExp(source, "i");
  } catch (e) {
    issues.push(`${where}: invalid regular expression: ${e.message}`);
    return void 0;
  }
}
var defaultJunkMatcher = createJunkMatcher();

// src/normalize/email/normalizeEmail.ts
import { distance as distance2 } from "fastest-levenshtein";

// src/_internal/detachedString.ts
function detachedString(s) {
  return JSON.parse(JSON.stringify(s));
}

// src/normalize/_internal/hasNonAscii.ts
function hasNonAscii(s) {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

// src/normalize/_internal/stripInvisible.ts
var INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
var HAS_INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
function stripInvisible(s) {
  return HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, "") : s;
}

// src/normalize/email/providers.ts
var GMAIL = { provider: "Gmail", canonicalDomain: "gmail.com", dropDots: true, dropPlusTag: true };
function plusTag(provider, domains) {
  return domains.map((d) => [d, { provider, canonicalDomain: d, dropDots: false, dropPlusTag: true }]);
}
var PROVIDERS = new Map([
  ["gmail.com", GMAIL],
  ["googlemail.com", GMAIL],
  ...plusTag("Microsoft", [
    "outlook.com",
    "outlook.co.uk",
    "outlook.fr",
    "outlook.de",
    "outlook.es",
    "outlook.it",
    "outlook.jp",
    "outlook.in",
    "outlook.sa",
    "outlook.ae",
    "outlook.com.au",
    "outlook.com.br",
    "hotmail.com",
    "hotmail.co.uk",
    "hotmail.fr",
    "hotmail.de",
    "hotmail.it",
    "hotmail.es",
    "hotmail.nl",
    "hotmail.be",
    "hotmail.ca",
    "hotmail.ch",
    "hotmail.se",
    "hotmail.no",
    "hotmail.dk",
    "hotmail.gr",
    "hotmail.co.jp",
    "hotmail.co.in",
    "hotmail.com.au",
    "hotmail.com.br",
    "hotmail.com.tr",
    "hotmail.com.ar",
    "hotmail.cl",
    "live.com",
    "live.co.uk",
    "live.fr",
    "live.de",
    "live.it",
    "live.nl",
    "live.be",
    "live.ca",
    "live.in",
    "live.com.au",
    "live.cn",
    "live.ie",
    "live.jp",
    "live.se",
    "live.no",
    "live.dk",
    "msn.com",
    "windowslive.com",
    "passport.com"
  ]),
  ...plusTag("Apple iCloud", ["icloud.com", "me.com", "mac.com"]),
  ...plusTag("Proton", ["protonmail.com", "protonmail.ch", "proton.me", "pm.me"]),
  ...plusTag("Fastmail", ["fastmail.com", "fastmail.fm"]),
  ...plusTag("Yandex", ["yandex.com", "yandex.ru", "yandex.ua", "yandex.by", "yandex.kz", "ya.ru"])
]);
var MAJOR_DOMAINS = [
  "gmail.com",
  "hotmail.com",
  "yahoo.com",
  "outlook.com",
  "icloud.com",
  "live.com",
  "aol.com",
  "msn.com",
  "googlemail.com",
  "ymail.com",
  "protonmail.com",
  "hotmail.co.uk",
  "yahoo.co.uk"
];
var REAL_NEAR_DOMAINS = [
  "mail.com",
  "email.com",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "mailo.com",
  "cloud.com",
  "aim.com",
  "inbox.com",
  "ymail.com",
  "rocketmail.com",
  "live.co.uk",
  "aol.co.uk",
  "aol.fr",
  "aol.de",
  "yahoo.fr",
  "yahoo.de",
  "yahoo.es",
  "yahoo.it",
  "yahoo.ca",
  "yahoo.in",
  "yahoo.co.in",
  "yahoo.co.jp",
  "yahoo.com.au",
  "yahoo.com.sg",
  "zoho.com",
  "hushmail.com",
  "lavabit.com",
  "mail.ru",
  "web.de",
  "qq.com",
  "163.com",
  "126.com"
];
var WRONG_COM_SUFFIXES = [
  "co",
  "cm",
  "con",
  "om",
  "cmo",
  "ocm",
  "comm",
  "coom",
  "ccom",
  "vom",
  "xom",
  "cpm",
  "c0m",
  "cim",
  "clm",
  "cok",
  "comn",
  "coml",
  "com.com"
];

// src/normalize/email/normalizeEmail.ts
var MAX_LENGTH = 254;
var MAX_LOCAL = 64;
var MAX_DOMAIN = 253;
var MAX_RAW = 1024;
var ZW_JOINERS = /[\u200c\u200d]/g;
var ATEXT = "[a-z0-9!#$%&'*+/=?^_`{|}~-]|[^\\x00-\\x7f\\p{White_Space}\\p{C}\\ufffd]";
var LOCAL = new RegExp(`^(?:${ATEXT})+(?:\\.(?:${ATEXT})+)*$`, "u");
var LABEL = "(?!-)[a-z0-9\\p{L}\\p{M}\\p{Nd}-]{1,63}(?<!-)";
var DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z\\p{L}][a-z\\p{L}\\p{M}]{1,62}|xn--[a-z0-9-]{0,58}[a-z0-9])$`, "u");
var LABEL_ONLY = new RegExp(`^${LABEL}$`, "u");
var EMPTY = Object.freeze({ ok: false, reason: "empty", detail: void 0 });
var JUNK = Object.freeze({ ok: false, reason: "junk_value", detail: void 0 });
var TOO_LONG = Object.freeze({ ok: false, reason: "too_long", detail: `over ${MAX_LENGTH} characters` });
var NOT_A_STRING = Object.freeze({ ok: false, reason: "invalid_email", detail: "not a string" });
function normalizeEmail(input, options) {
  if (typeof input !== "string") return NOT_A_STRING;
  if (input.length > MAX_RAW) return TOO_LONG;
  const nonAscii = hasNonAscii(input);
  let s = input;
  if (nonAscii) s = stripInvisible(s).replace(ZW_JOINERS, "");
  s = unwrap(s.trim());
  if (s.length === 0) return EMPTY;
  if (s.length > MAX_LENGTH) return TOO_LONG;
  if (nonAscii) {
    s = s.normalize("NFC").toLowerCase().normalize("NFC");
  } else {
    s = s.toLowerCase();
  }
  if (s.charCodeAt(s.length - 1) === 46) s = s.slice(0, -1);
  const junk = options?.junk ?? defaultJunkMatcher;
  if (junk.isJunk("email", s)) return JUNK;
  const at = s.indexOf("@");
  if (at === -1) return invalid('missing "@"');
  if (s.indexOf("@", at + 1) !== -1) return invalid('more than one "@"');
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length === 0) return invalid("empty local part");
  if (local.length > MAX_LOCAL) return invalid(`local part over ${MAX_LOCAL} characters`);
  if (domain.length === 0) return invalid("empty domain");
  if (domain.length > MAX_DOMAIN) return invalid(`domain over ${MAX_DOMAIN} characters`);
  if (!LOCAL.test(local)) return invalid(explainLocal(local));
  if (!DOMAIN.test(domain)) return invalid(explainDomain(domain));
  const rule2 = PROVIDERS.get(domain);
  let value = s;
  let canonicalDomain = domain;
  if (rule2 !== void 0) {
    const canonicalLocal = applyRule(local, rule2);
    if (canonicalLocal.length === 0) return invalid("empty local part once the +tag is removed");
    canonicalDomain = rule2.canonicalDomain;
    if (canonicalLocal !== local || canonicalDomain !== domain) {
      value = `${canonicalLocal}@${canonicalDomain}`;
      if (junk.isJunk("email", value)) return JUNK;
    }
    return { ok: true, value, raw: input, domain: canonicalDomain, typoOf: void 0, suggested: void 0 };
  }
  const typoOf = typoTargetOf(domain);
  if (typoOf === void 0) return { ok: true, value, raw: input, domain, typoOf: void 0, suggested: void 0 };
  const target = PROVIDERS.get(typoOf);
  const suggestedLocal = target === void 0 ? local : applyRule(local, target);
  if (suggestedLocal.length === 0) return { ok: true, value, raw: input, domain, typoOf: void 0, suggested: void 0 };
  const suggested = `${suggestedLocal}@${target === void 0 ? typoOf : target.canonicalDomain}`;
  if (junk.isJunk("email", suggested)) return JUNK;
  return { ok: true, value, raw: input, domain, typoOf, suggested };
}
function invalid(detail) {
  return { ok: false, reason: "invalid_email", detail };
}
function unwrap(text) {
  let s = text;
  for (let round = 0; round < 3; round++) {
    const before = s;
    const first = s.charCodeAt(0);
    const last = s.charCodeAt(s.length - 1);
    if (s.length >= 2 && (first === 34 && last === 34 || first === 39 && last === 39)) s = s.slice(1, -1).trim();
    if (last === 62) {
      const lt = s.lastIndexOf("<");
      if (lt !== -1) s = s.slice(lt + 1, -1).trim();
    }
    if (s.length >= 7 && s.charCodeAt(6) === 58 && s.slice(0, 7).toLowerCase() === "mailto:") {
      s = s.slice(7);
      const q = s.indexOf("?");
      if (q !== -1) s = s.slice(0, q);
      s = s.trim();
    }
    if (s === before) return s;
  }
  return s;
}
function applyRule(local, rule2) {
  let l = local;
  if (rule2.dropPlusTag) {
    const plus = l.indexOf("+");
    if (plus !== -1) l = l.slice(0, plus);
  }
  if (rule2.dropDots && l.includes(".")) l = l.replaceAll(".", "");
  return l;
}
function explainLocal(local) {
  if (local.charCodeAt(0) === 34) return "quoted local part (not supported)";
  if (/\s/u.test(local)) return "local part contains whitespace";
  if (local.startsWith(".") || local.endsWith(".")) return "local part starts or ends with a dot";
  if (local.includes("..")) return "local part has two dots in a row";
  return "local part has an invalid character";
}
function explainDomain(domain) {
  if (domain.startsWith("[")) return "domain literal (not supported)";
  if (/\s/u.test(domain)) return "domain contains whitespace";
  const labels = domain.split(".");
  if (labels.length < 2) return "domain without a dot";
  for (const label of labels) {
    if (label.length === 0) return "domain has an empty label";
    if (!LABEL_ONLY.test(label)) return `invalid domain label "${label.slice(0, 63)}"`;
  }
  return "invalid top-level domain";
}
var MAJORS = MAJOR_DOMAINS.map((domain) => {
  const dot = domain.indexOf(".");
  return { domain, name: domain.slice(0, dot), suffix: domain.slice(dot + 1) };
});
var KNOWN_DOMAINS = /* @__PURE__ */ new Set([...PROVIDERS.keys(), ...MAJOR_DOMAINS, ...REAL_NEAR_DOMAINS]);
var MAJORS_BY_SUFFIX = groupBy(MAJORS, (m) => m.suffix);
var MAJORS_BY_NAME = groupBy(MAJORS, (m) => m.name);
var WRONG_COM = new Set(WRONG_COM_SUFFIXES);
var MIN_NAME_FOR_EDITS = 5;
var MAX_EDITS = 2;
var TYPO_CACHE_LIMIT = 1 << 16;
var typoCache = /* @__PURE__ */ new Map();
function typoTargetOf(domain) {
  if (KNOWN_DOMAINS.has(domain)) return void 0;
  const cached = typoCache.get(domain);
  if (cached !== void 0) return cached ?? void 0;
  const found = findTypoTarget(domain);
  if (typoCache.size >= TYPO_CACHE_LIMIT) typoCache.clear();
  typoCache.set(detachedString(domain), found ?? null);
  return found;
}
function findTypoTarget(domain) {
  const dot = domain.indexOf(".");
  const name = domain.slice(0, dot);
  const suffix = domain.slice(dot + 1);
  for (const m of MAJORS_BY_NAME.get(name) ?? []) {
    if (m.suffix === "com" ? WRONG_COM.has(suffix) : Math.abs(suffix.length - m.suffix.length) <= 1 && distance2(suffix, m.suffix) === 1) {
      return m.domain;
    }
  }
  if (name.length < MIN_NAME_FOR_EDITS - MAX_EDITS) return void 0;
  let best;
  let bestDistance = MAX_EDITS + 1;
  for (const m of MAJORS_BY_SUFFIX.get(suffix) ?? []) {
    if (m.name.length < MIN_NAME_FOR_EDITS) continue;
    if (Math.abs(m.name.length - name.length) >= bestDistance) continue;
    const d = distance2(name, m.name);
    if (d > 0 && d < bestDistance) {
      bestDistance = d;
      best = m.domain;
    }
  }
  return best;
}
function groupBy(items2, keyOf) {
  const out = /* @__PURE__ */ new Map();
  for (const item of items2) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list === void 0) out.set(key, [item]);
    else list.push(item);
  }
  return out;
}

// src/normalize/_internal/findBadCharacter.ts
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
var BAD_NON_ASCII = /[\u2028\u2029\ufffd\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
function findBadCharacter(s, nonAscii) {
  if (CONTROL.test(s)) return "contains a control character";
  if (!nonAscii) return void 0;
  const m = BAD_NON_ASCII.exec(s);
  if (m === null) return void 0;
  const c2 = m[0].charCodeAt(0);
  if (c2 === 65533) return "contains U+FFFD (text decoded with the wrong encoding)";
  if (c2 >= 55296 && c2 <= 57343) return "contains an unpaired surrogate";
  if (c2 === 8232 || c2 === 8233) return "contains a line separator";
  return "contains a Unicode noncharacter";
}

// src/normalize/_internal/trimUnicode.ts
function trimUnicode(s) {
  let t = s.trim();
  for (; ; ) {
    const n = t.length;
    if (n === 0 || !isInvisible(t.charCodeAt(0)) && !isInvisible(t.charCodeAt(n - 1))) return t;
    let start = 0;
    let end = n;
    while (start < end && isInvisible(t.charCodeAt(start))) start++;
    while (end > start && isInvisible(t.charCodeAt(end - 1))) end--;
    t = t.slice(start, end).trim();
  }
}
function isInvisible(c2) {
  return c2 >= 8203 && c2 <= 8207 || c2 >= 8234 && c2 <= 8238 || c2 >= 8288 && c2 <= 8292 || c2 >= 8294 && c2 <= 8297 || c2 === 173 || c2 === 1564 || c2 === 6158;
}

// src/normalize/externalId/normalizeExternalId.ts
var MAX_LENGTH2 = 256;
var MAX_RAW2 = MAX_LENGTH2 * 4;
var MAX_NAMESPACE = 64;
var NAMESPACE = /^[a-z0-9_.-]+$/;
var EMPTY2 = Object.freeze({ ok: false, reason: "empty", detail: void 0 });
var JUNK2 = Object.freeze({ ok: false, reason: "junk_value", detail: void 0 });
var TOO_LONG2 = Object.freeze({ ok: false, reason: "too_long", detail: `over ${MAX_LENGTH2} characters` });
var NOT_A_STRING2 = Object.freeze({ ok: false, reason: "invalid_external_id", detail: "not a string" });
function normalizeExternalId(namespace, input, options) {
  if (typeof namespace !== "string" || typeof input !== "string") return NOT_A_STRING2;
  const ns = namespace.length > MAX_NAMESPACE * 4 ? namespace : namespace.trim().toLowerCase();
  if (ns.length === 0 || ns.length > MAX_NAMESPACE || !NAMESPACE.test(ns)) {
    return { ok: false, reason: "invalid_external_id", detail: `invalid namespace "${namespace.slice(0, MAX_NAMESPACE)}"` };
  }
  if (input.length > MAX_RAW2) return TOO_LONG2;
  const nonAscii = hasNonAscii(input);
  const id = nonAscii ? trimUnicode(input) : input.trim();
  if (id.length === 0) return EMPTY2;
  if (id.length > MAX_LENGTH2) return TOO_LONG2;
  const bad = findBadCharacter(id, nonAscii);
  if (bad !== void 0) return { ok: false, reason: "invalid_external_id", detail: bad };
  const value = `${ns}:${id}`;
  const junk = options?.junk ?? defaultJunkMatcher;
  if (junk.isJunk("externalId", id) || junk.isJunk("externalId", value)) return JUNK2;
  return { ok: true, value, raw: input, namespace: ns, id };
}

// src/normalize/login/normalizeLogin.ts
var MAX_LENGTH3 = 256;
var MAX_RAW3 = MAX_LENGTH3 * 4;
var EMPTY3 = Object.freeze({ ok: false, reason: "empty", detail: void 0 });
var JUNK3 = Object.freeze({ ok: false, reason: "junk_value", detail: void 0 });
var TOO_LONG3 = Object.freeze({ ok: false, reason: "too_long", detail: `over ${MAX_LENGTH3} characters` });
var NOT_A_STRING3 = Object.freeze({ ok: false, reason: "invalid_login", detail: "not a string" });
function normalizeLogin(input, options) {
  if (typeof input !== "string") return NOT_A_STRING3;
  if (input.length > MAX_RAW3) return TOO_LONG3;
  let s;
  const nonAscii = hasNonAscii(input);
  if (nonAscii) {
    s = trimUnicode(stripInvisible(input).normalize("NFKC").toLowerCase().normalize("NFKC"));
  } else {
    s = input.trim().toLowerCase();
  }
  if (s.length === 0) return EMPTY3;
  if (s.length > MAX_LENGTH3) return TOO_LONG3;
  const bad = findBadCharacter(s, nonAscii);
  if (bad !== void 0) return { ok: false, reason: "invalid_login", detail: bad };
  if ((options?.junk ?? defaultJunkMatcher).isJunk("login", s)) return JUNK3;
  return { ok: true, value: s, raw: input };
}

// src/normalize/phone/normalizePhone.ts
import { getCountryCallingCode, Metadata as Metadata2, parsePhoneNumberFromString } from "libphonenumber-js/max";

// src/normalize/_internal/validateInternationalDigits.ts
import { Metadata } from "libphonenumber-js/max";
import metadataJson from "libphonenumber-js/max/metadata";
var InternationalDigitsOutcome = class {
  constructor(valid, e164, country, nationalNumber) {
    this.valid = valid;
    this.e164 = e164;
    this.country = country;
    this.nationalNumber = nationalNumber;
  }
};
var TYPES = [
  "FIXED_LINE",
  "MOBILE",
  "PREMIUM_RATE",
  "TOLL_FREE",
  "SHARED_COST",
  "VOIP",
  "PERSONAL_NUMBER",
  "PAGER",
  "UAN",
  "VOICEMAIL"
];
var MIN_LENGTH_FOR_NSN = 2;
var MAX_LENGTH_FOR_NSN = 17;
var REGIONS_BY_CALLING_CODE = new Map(Object.entries(metadataJson.country_calling_codes));
var plans = /* @__PURE__ */ new Map();
function planOf(callingCode) {
  let plan = plans.get(callingCode);
  if (plan === void 0) {
    plan = compilePlan(callingCode);
    plans.set(callingCode, plan);
  }
  return plan;
}
function compilePlan(callingCode) {
  const regions = REGIONS_BY_CALLING_CODE.get(callingCode);
  if (regions === void 0 || regions.length === 0) return null;
  try {
    const out = [];
    for (const country of regions) {
      const metadata = new Metadata();
      metadata.selectNumberingPlan(country);
      const plan = metadata.numberingPlan;
      if (plan === void 0) return null;
      const types = [];
      for (const name of TYPES) {
        const t = plan.type(name);
        const source = t?.pattern();
        if (t === void 0 || !source) continue;
        types.push({ pattern: new RegExp(`^(?:${source})$`), lengths: t.possibleLengths() });
      }
      const npfp = plan.nationalPrefixForParsing();
      const leading = plan.leadingDigits();
      out.push({
        country,
        general: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
        prefixForParsing: npfp ? new RegExp(`^(?:${npfp})`) : void 0,
        leadingDigits: leading ? new RegExp(`^(?:${leading})`) : void 0,
        types,
        hasTypes: plan.hasTypes()
      });
    }
    return out;
  } catch {
    return null;
  }
}
function callingCodeOf(digits2) {
  for (let n = 1; n <= 3 && n < digits2.length; n++) {
    const cc = digits2.slice(0, n);
    if (REGIONS_BY_CALLING_CODE.has(cc)) return cc;
  }
  return void 0;
}
function validateInternationalDigits(digits2) {
  const cc = callingCodeOf(digits2);
  if (cc === void 0) return void 0;
  const plan = planOf(cc);
  if (plan === null) return void 0;
  const national = digits2.slice(cc.length);
  for (let i = 0; i < plan.length; i++) {
    const npfp = plan[i].prefixForParsing;
    if (npfp !== void 0 && npfp.test(national)) return void 0;
  }
  const e164 = `+${digits2}`;
  const main = plan[0];
  if (national.length < MIN_LENGTH_FOR_NSN || national.length > MAX_LENGTH_FOR_NSN) {
    return new InternationalDigitsOutcome(false, e164, plan.length === 1 ? main.country : void 0, national);
  }
  if (plan.length === 1) return new InternationalDigitsOutcome(isValidNational(main, national), e164, main.country, national);
  for (let i = 0; i < plan.length; i++) {
    const region = plan[i];
    if (region.leadingDigits !== void 0) {
      if (region.leadingDigits.test(national)) {
        return new InternationalDigitsOutcome(isValidNational(region, national), e164, region.country, national);
      }
    } else if (isValidNational(region, national)) {
      return new InternationalDigitsOutcome(true, e164, region.country, national);
    }
  }
  return new InternationalDigitsOutcome(isValidNational(main, national), e164, void 0, national);
}
function isValidNational(plan, national) {
  if (!plan.general.test(national)) return false;
  if (!plan.hasTypes) return true;
  const types = plan.types;
  for (let i = 0; i < types.length; i++) {
    const t = types[i];
    if (t.lengths !== void 0 && !t.lengths.includes(national.length)) continue;
    if (t.pattern.test(national)) return true;
  }
  return false;
}

// src/normalize/phone/normalizePhone.ts
var MAX_PHONE_INPUT = 64;
var EMPTY4 = Object.freeze({ ok: false, reason: "empty", detail: void 0 });
var TOO_LONG4 = Object.freeze({ ok: false, reason: "too_long", detail: `over ${MAX_PHONE_INPUT} characters` });
var JUNK4 = Object.freeze({ ok: false, reason: "junk_value", detail: void 0 });
var NOT_A_STRING4 = Object.freeze({ ok: false, reason: "invalid_phone", detail: "not a string" });
var NO_DIGITS = Object.freeze({ ok: false, reason: "invalid_phone", detail: "no digits" });
var TOO_FEW = Object.freeze({ ok: false, reason: "invalid_phone", detail: "too few digits" });
var TOO_MANY = Object.freeze({ ok: false, reason: "invalid_phone", detail: "more than 17 digits" });
var NOT_VALID = Object.freeze({ ok: false, reason: "invalid_phone", detail: "not a valid number (libphonenumber)" });
var BAD_PLUS = Object.freeze({ ok: false, reason: "invalid_phone", detail: '"+" not at the start' });
var PLACEHOLDER = Object.freeze({ ok: false, reason: "placeholder_phone", detail: "repeated or sequential digits" });
var MIN_DIGITS = 4;
var MAX_DIGITS = 17;
var ParsedPhone = class {
  constructor(value, country, inferredCountry, weak) {
    this.value = value;
    this.country = country;
    this.inferredCountry = inferredCountry;
    this.weak = weak;
  }
  ok = true;
};
function normalizePhone(input, options) {
  const r = lookUp(input, options);
  if (!(r instanceof ParsedPhone)) return r;
  if (r.inferredCountry) return { ok: true, value: r.value, raw: input, country: r.country, inferredCountry: true };
  return { ok: true, value: r.value, raw: input, country: r.country };
}
function normalizePhoneForLinking(input, options) {
  return lookUp(input, options);
}
function lookUp(input, options) {
  if (typeof input !== "string") return NOT_A_STRING4;
  if (input.length > MAX_PHONE_INPUT) return TOO_LONG4;
  const region = options?.defaultRegion ?? "AE";
  const junk = options?.junk ?? defaultJunkMatcher;
  const key = canonicalKeyOf(input, region);
  if (typeof key !== "string") {
    if (key === NOT_PHONE_SHAPED) return isJunkText(junk, input) ? JUNK4 : notPhoneShaped(input);
    if (key === NO_DIGITS || key === BAD_PLUS) return isJunkText(junk, input) ? JUNK4 : key;
    return key;
  }
  const outcome = resolveKey(key, region);
  if (!(outcome instanceof ParsedPhone)) return outcome;
  return junk.isJunk("phone", outcome.value) ? JUNK4 : outcome;
}
var NOT_PHONE_SHAPED = Object.freeze({ ok: false, reason: "invalid_phone", detail: "not a phone number" });
function canonicalKeyOf(input, region) {
  if (isPlusDigits(input)) return input.length - 1 < MIN_DIGITS ? TOO_FEW : input.length - 1 > MAX_DIGITS ? TOO_MANY : input;
  let s = input;
  if (!isAsciiPhoneText(s)) {
    s = cleanUp(s);
    if (!isAsciiPhoneText(s)) return NOT_PHONE_SHAPED;
  }
  let start = 0;
  while (start < s.length && s.charCodeAt(start) === 32) start++;
  if (s.charCodeAt(start) === 40) {
    let i = start + 1;
    while (i < s.length && s.charCodeAt(i) === 32) i++;
    if (s.charCodeAt(i) === 43) start = i;
  }
  const plus = s.charCodeAt(start) === 43;
  if (s.indexOf("+", plus ? start + 1 : start) !== -1) return BAD_PLUS;
  const digits2 = onlyDigits(s);
  if (digits2.length === 0) return s.trim() === "" ? EMPTY4 : NO_DIGITS;
  if (plus) return boundDigits(digits2) ?? `+${digits2}`;
  if (digits2.charCodeAt(0) === 48 && digits2.charCodeAt(1) === 48) {
    const intl = digits2.slice(2);
    return boundDigits(intl) ?? `+${intl}`;
  }
  const bad = boundDigits(digits2);
  if (bad !== void 0) return bad;
  const trunk = trunkZeroCallingCode(region);
  if (trunk !== void 0 && digits2.charCodeAt(0) === 48) return `+${trunk}${digits2.slice(1)}`;
  return `${region}:${digits2}`;
}
function boundDigits(digits2) {
  if (digits2.length < MIN_DIGITS) return TOO_FEW;
  if (digits2.length > MAX_DIGITS) return TOO_MANY;
  return void 0;
}
function isPlusDigits(s) {
  if (s.length < 2 || s.charCodeAt(0) !== 43) return false;
  for (let i = 1; i < s.length; i++) {
    const c2 = s.charCodeAt(i);
    if (c2 < 48 || c2 > 57) return false;
  }
  return true;
}
function isAsciiPhoneText(s) {
  for (let i = 0; i < s.length; i++) {
    const c2 = s.charCodeAt(i);
    if (c2 >= 48 && c2 <= 57) continue;
    if (c2 === 32 || c2 === 43 || c2 === 45 || c2 === 46 || c2 === 40 || c2 === 41 || c2 === 47) continue;
    return false;
  }
  return true;
}
function onlyDigits(s) {
  for (let i = 0; i < s.length; i++) {
    const c2 = s.charCodeAt(i);
    if (c2 < 48 || c2 > 57) return s.replace(NON_DIGIT2, "");
  }
  return s;
}
var NON_DIGIT2 = /\D/g;
var UNICODE_SEPARATOR = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]|[\u2010-\u2015\u2212\ufe63\uff0d]|\uff0b/g;
var UNICODE_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g;
var TEL_URI = /^\s*tel:([^;]*)(?:;.*)?$/i;
var EXTENSION = /\s*(?:;\s*ext=|x|ext\.?|extn\.?|extension|#)\s*:?\s*\d{1,7}\s*$/i;
function cleanUp(input) {
  let s = input;
  if (hasNonAscii(s)) {
    s = stripInvisible(s).replace(UNICODE_SEPARATOR, unicodeSeparator).replace(UNICODE_DIGIT, unicodeDigit);
  }
  const tel = TEL_URI.exec(s);
  if (tel !== null) s = tel[1];
  return s.replace(EXTENSION, "");
}
function unicodeSeparator(c2) {
  const code = c2.charCodeAt(0);
  if (code === 65291) return "+";
  if (code >= 8208 && code <= 8213 || code === 8722 || code === 65123 || code === 65293) return "-";
  return " ";
}
function unicodeDigit(c2) {
  const code = c2.charCodeAt(0);
  const zero = code >= 65296 ? 65296 : code >= 1776 ? 1776 : 1632;
  return String.fromCharCode(48 + code - zero);
}
function trunkZeroCallingCode(region) {
  let cc = trunkZero.get(region);
  if (cc === void 0) {
    cc = computeTrunkZero(region);
    trunkZero.set(region, cc);
  }
  return cc === "" ? void 0 : cc;
}
var trunkZero = /* @__PURE__ */ new Map();
function computeTrunkZero(region) {
  try {
    const metadata = new Metadata2();
    metadata.selectNumberingPlan(region);
    const plan = metadata.numberingPlan;
    if (plan === void 0 || plan.nationalPrefix() !== "0") return "";
    if (plan.nationalPrefixForParsing() !== "0" || plan.nationalPrefixTransformRule()) return "";
    const cc = getCountryCallingCode(region);
    return cc;
  } catch {
    return "";
  }
}
function resolveKey(key, region) {
  if (key.charCodeAt(0) === 43) return judge(international(key.slice(1)), key.slice(1), false);
  const digits2 = key.slice(key.indexOf(":") + 1);
  const cc = trunkZeroCallingCode(region);
  const national = cc !== void 0 ? international(cc + digits2) : nationalByLibrary(digits2, region);
  if (national.valid || digits2.charCodeAt(0) === 48) return judge(national, digits2, false);
  const intl = international(digits2);
  return intl.valid ? judge(intl, digits2, true) : judge(national, digits2, false);
}
var UNPARSABLE = { valid: false, e164: "", country: void 0, nationalNumber: "" };
function international(digits2) {
  return validateInternationalDigits(digits2) ?? byLibrary(`+${digits2}`, void 0);
}
function nationalByLibrary(digits2, region) {
  return byLibrary(digits2, region);
}
function byLibrary(text, region) {
  const key = region === void 0 ? text : `${region}:${text}`;
  const hit = young.get(key) ?? old.get(key);
  if (hit !== void 0) return hit;
  const parse = fromLibrary(safeParse(text, region));
  if (young.size >= CACHE_GENERATION) {
    old = young;
    young = /* @__PURE__ */ new Map();
  }
  young.set(detachedString(key), parse);
  return parse;
}
function fromLibrary(p) {
  if (p === void 0) return UNPARSABLE;
  let valid = false;
  try {
    valid = p.isValid();
  } catch {
    valid = false;
  }
  return { valid, e164: p.number, country: p.country, nationalNumber: p.nationalNumber };
}
function safeParse(text, region) {
  try {
    return region === void 0 ? parsePhoneNumberFromString(text) : parsePhoneNumberFromString(text, region);
  } catch {
    return void 0;
  }
}
function judge(p, typedDigits, inferred) {
  if (isPlaceholderNumber(p.nationalNumber) || isPlaceholderNumber(typedDigits)) return PLACEHOLDER;
  if (!p.valid) return NOT_VALID;
  return new ParsedPhone(p.e164, p.country, inferred, inferred && !isMobileNumber(p.country, p.nationalNumber, p.e164));
}
function isMobileNumber(country, nationalNumber, e164) {
  const rule2 = country === void 0 ? null : mobileRuleOf(country);
  if (rule2 === null) return isMobileByLibrary(e164);
  if (rule2.mobile !== void 0 && matchesType(rule2.mobile, nationalNumber)) return true;
  return rule2.fixedMeansMobile && rule2.fixed !== void 0 && matchesType(rule2.fixed, nationalNumber);
}
function matchesType(t, nationalNumber) {
  if (t.lengths !== void 0 && !t.lengths.includes(nationalNumber.length)) return false;
  return t.pattern.test(nationalNumber);
}
var mobileRules = /* @__PURE__ */ new Map();
function mobileRuleOf(country) {
  let rule2 = mobileRules.get(country);
  if (rule2 === void 0) {
    rule2 = compileMobileRule(country);
    mobileRules.set(country, rule2);
  }
  return rule2;
}
function compileMobileRule(country) {
  try {
    const metadata = new Metadata2();
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan;
    if (plan === void 0 || !plan.hasTypes()) return null;
    const compile2 = (name) => {
      const t = plan.type(name);
      const source = t?.pattern();
      if (t === void 0 || !source) return void 0;
      return { pattern: new RegExp(`^(?:${source})$`), lengths: t.possibleLengths() };
    };
    const mobileType = plan.type("MOBILE");
    return { mobile: compile2("MOBILE"), fixed: compile2("FIXED_LINE"), fixedMeansMobile: mobileType === void 0 || mobileType.pattern() === "" };
  } catch {
    return null;
  }
}
function isMobileByLibrary(e164) {
  const p = safeParse(e164, void 0);
  if (p === void 0) return false;
  try {
    const type = p.getType();
    return type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE";
  } catch {
    return false;
  }
}
function isPlaceholderNumber(digits2) {
  const n = digits2.length;
  if (n < 6) return false;
  if (sameDigits(digits2, 1)) return true;
  if (n >= 7 && sameDigits(digits2, 3)) return true;
  let up = true;
  let down = true;
  for (let i = 1; i < n && (up || down); i++) {
    const d = digits2.charCodeAt(i) - digits2.charCodeAt(i - 1);
    if (d !== 1 && d !== -9) up = false;
    if (d !== -1 && d !== 9) down = false;
  }
  return up || down;
}
function sameDigits(digits2, from) {
  const first = digits2.charCodeAt(from - 1);
  for (let i = from; i < digits2.length; i++) if (digits2.charCodeAt(i) !== first) return false;
  return true;
}
function isJunkText(junk, input) {
  const t = input.trim().toLowerCase();
  return t.length > 0 && junk.isJunk("phone", t);
}
function notPhoneShaped(input) {
  if (input.trim() === "") return EMPTY4;
  return NOT_PHONE_SHAPED;
}
var CACHE_GENERATION = 5e4;
var young = /* @__PURE__ */ new Map();
var old = /* @__PURE__ */ new Map();

// src/normalize/social/platforms.ts
var path = (prefix, pattern, keyPrefix = "", fold3 = true) => ({ prefix, keyPrefix, pattern, fold: fold3 });
var INSTAGRAM = /^[a-z0-9._]{1,30}$/;
var TWITTER = /^[a-z0-9_]{1,15}$/;
var TIKTOK = /^[a-z0-9._]{2,24}$/;
var FACEBOOK = /^[a-z0-9]{5,50}$/;
var SNAPCHAT = /^[a-z][a-z0-9._-]{2,14}$/;
var LINKEDIN = /^[a-z0-9-]{3,100}$/;
var YOUTUBE_HANDLE = /^[a-z0-9._-]{3,30}$/;
var YOUTUBE_LEGACY = /^[a-z0-9._-]{1,100}$/;
var YOUTUBE_CHANNEL = /^UC[A-Za-z0-9_-]{22}$/;
var TELEGRAM = /^[a-z][a-z0-9_]{4,31}$/;
var E164 = /^\+[1-9]\d{5,14}$/;
var rule = (platform, hosts, paths, reserved = [], dropDots = false) => ({
  platform,
  hosts,
  paths,
  reserved: new Set(reserved),
  dropDots
});
var PLATFORMS = /* @__PURE__ */ new Map([
  ["instagram", rule(
    "instagram",
    ["instagram.com", "instagr.am"],
    [path("", INSTAGRAM)],
    ["p", "reel", "reels", "stories", "explore", "accounts", "tv", "direct", "about", "legal", "developer", "web", "tags", "locations"]
  )],
  ["twitter", rule(
    "twitter",
    ["twitter.com", "x.com"],
    [path("", TWITTER)],
    ["home", "intent", "share", "search", "i", "hashtag", "explore", "settings", "messages", "notifications", "login", "signup", "tos", "privacy", "compose", "status"]
  )],
  ["tiktok", rule(
    "tiktok",
    ["tiktok.com"],
    [path("@", TIKTOK)],
    ["tag", "discover", "video", "music", "foryou", "explore", "live", "following", "search", "t", "share"]
  )],
  ["facebook", rule(
    "facebook",
    ["facebook.com", "fb.com", "fb.me"],
    [path("", FACEBOOK)],
    ["pages", "groups", "events", "watch", "sharer", "sharer.php", "share", "share.php", "photo", "photo.php", "photos", "marketplace", "login", "login.php", "help", "story.php", "permalink.php", "home.php", "gaming", "reel", "hashtag", "dialog", "plugins", "policies"],
    true
  )],
  ["snapchat", rule(
    "snapchat",
    ["snapchat.com"],
    [path("add/", SNAPCHAT), path("@", SNAPCHAT), path("", SNAPCHAT)],
    ["discover", "spotlight", "p", "lens", "unlock", "st", "t"]
  )],
  ["linkedin", rule(
    "linkedin",
    ["linkedin.com"],
    [path("in/", LINKEDIN)],
    ["company", "jobs", "feed", "school", "pub", "posts", "pulse", "groups", "learning", "showcase", "events"]
  )],
  ["youtube", rule("youtube", ["youtube.com"], [
    path("channel/", YOUTUBE_CHANNEL, "channel/", false),
    path("c/", YOUTUBE_LEGACY, "c/"),
    path("user/", YOUTUBE_LEGACY, "user/"),
    path("@", YOUTUBE_HANDLE)
  ], ["watch", "results", "playlist", "shorts", "feed", "embed", "live", "hashtag", "redirect", "attribution_link", "premium", "account"])],
  ["telegram", rule(
    "telegram",
    ["t.me", "telegram.me", "telegram.dog"],
    [path("s/", TELEGRAM), path("", TELEGRAM)],
    ["joinchat", "share", "addstickers", "addtheme", "proxy", "socks", "c", "iv", "login", "setlanguage", "addlist"]
  )],
  ["whatsapp", rule("whatsapp", ["wa.me", "whatsapp.com"], [path("", E164)], [])]
]);
var PLATFORM_ALIASES = /* @__PURE__ */ new Map([
  ["instagram", "instagram"],
  ["ig", "instagram"],
  ["insta", "instagram"],
  ["twitter", "twitter"],
  ["x", "twitter"],
  ["tiktok", "tiktok"],
  ["facebook", "facebook"],
  ["fb", "facebook"],
  ["snapchat", "snapchat"],
  ["snap", "snapchat"],
  ["linkedin", "linkedin"],
  ["youtube", "youtube"],
  ["yt", "youtube"],
  ["telegram", "telegram"],
  ["tg", "telegram"],
  ["whatsapp", "whatsapp"],
  ["wa", "whatsapp"]
]);
var PLATFORM_BY_HOST = new Map(
  [...PLATFORMS.values()].flatMap((r) => r.hosts.map((h) => [h, r.platform]))
);

// src/normalize/social/normalizeHandle.ts
var MAX_HANDLE_INPUT = 256;
var EMPTY5 = Object.freeze({ ok: false, reason: "empty", detail: void 0 });
var TOO_LONG5 = Object.freeze({ ok: false, reason: "too_long", detail: `over ${MAX_HANDLE_INPUT} characters` });
var JUNK5 = Object.freeze({ ok: false, reason: "junk_value", detail: void 0 });
var NOT_A_STRING5 = Object.freeze({ ok: false, reason: "invalid_handle", detail: "not a string" });
var SCHEME = /^https?:\/\//i;
var SUBDOMAIN = /^(?:www\.|m\.|mobile\.|web\.|touch\.|api\.|[a-z]{2}(?:-[a-z]{2})?\.)/;
function normalizeHandle(platform, input, options) {
  if (typeof platform !== "string" || typeof input !== "string") return NOT_A_STRING5;
  const p = platformOf(platform);
  if (p === void 0) {
    return { ok: false, reason: "unknown_platform", detail: `unknown platform "${platform.slice(0, 40)}"` };
  }
  if (input.length > MAX_HANDLE_INPUT) return TOO_LONG5;
  let s = input.trim();
  if (s.length !== 0 && hasNonAscii(s)) s = stripInvisible(s).trim();
  if (s.length === 0) return EMPTY5;
  const junk = options?.junk ?? defaultJunkMatcher;
  const rule2 = PLATFORMS.get(p);
  if (s.length > p.length && s.charCodeAt(p.length) === 58 && s.slice(0, p.length).toLowerCase() === p) {
    s = s.slice(p.length + 1);
  }
  const bare = extract(s, rule2);
  if (typeof bare !== "string") return bare;
  if (p === "whatsapp") return whatsapp(bare, input, options?.defaultRegion ?? "AE", junk);
  return finish(rule2, bare, input, junk);
}
function platformOf(platform) {
  return PLATFORM_ALIASES.get(platform) ?? PLATFORM_ALIASES.get(platform.trim().toLowerCase());
}
function extract(s, rule2) {
  const schemeless = s.replace(SCHEME, "");
  const hadScheme = schemeless.length !== s.length;
  const slash = schemeless.indexOf("/");
  const first = (slash === -1 ? schemeless : schemeless.slice(0, slash)).toLowerCase();
  const host = hostOf(first);
  const isUrl = hadScheme || PLATFORM_BY_HOST.has(host) || slash !== -1 && first.includes(".") && !first.startsWith("@");
  if (!isUrl) return s;
  const site = PLATFORM_BY_HOST.get(host);
  if (site === void 0) return invalid2(`not a profile URL of ${rule2.platform} (${host.slice(0, 40)})`);
  if (site !== rule2.platform) return invalid2(`a ${site} URL in the ${rule2.platform} column`);
  let rest = slash === -1 ? "" : schemeless.slice(slash + 1);
  if (rule2.platform === "facebook") {
    const id = FACEBOOK_PROFILE_ID.exec(rest);
    if (id !== null) return id[1];
    const people = FACEBOOK_PEOPLE.exec(rest);
    if (people !== null) return people[1];
  }
  if (rule2.platform === "whatsapp") {
    const phone = WHATSAPP_PHONE.exec(rest);
    if (phone !== null) return `+${phone[1]}`;
    const digits2 = WA_ME.exec(rest);
    return digits2 !== null ? `+${digits2[1]}` : invalid2("not a WhatsApp chat link");
  }
  rest = rest.replace(QUERY_OR_FRAGMENT, "");
  if (rest.includes("%")) rest = safeDecode(rest);
  while (rest.endsWith("/")) rest = rest.slice(0, -1);
  if (rest.length === 0) return invalid2("URL without a user name");
  const segment = rest.split("/", 1)[0].toLowerCase();
  if (rule2.reserved.has(segment)) return invalid2(`"${segment.slice(0, 40)}" is a page of ${rule2.platform}, not a user`);
  if (rule2.platform === "linkedin" && !segment.startsWith("in")) return invalid2("not a linkedin.com/in/ profile URL");
  for (const pr of rule2.paths) {
    if (pr.prefix !== "" && rest.toLowerCase().startsWith(pr.prefix)) {
      const name = rest.slice(pr.prefix.length).split("/", 1)[0];
      return pr.prefix + name;
    }
  }
  if (rule2.platform === "tiktok") return invalid2("not a tiktok.com/@name profile URL");
  return rest.split("/", 1)[0];
}
var FACEBOOK_PROFILE_ID = /^profile\.php\?(?:[^#]*&)?id=(\d{1,20})(?:[&#]|$)/i;
var FACEBOOK_PEOPLE = /^people\/[^/?#]+\/(\d{5,20})(?:[/?#]|$)/i;
var WHATSAPP_PHONE = /^send\/?\?(?:[^#]*&)?phone=\+?(\d{6,15})(?:[&#]|$)/i;
var WA_ME = /^\+?(\d{6,15})\/?(?:[?#]|$)/;
var QUERY_OR_FRAGMENT = /[?#].*$/s;
function hostOf(first) {
  let host = first;
  const colon = host.indexOf(":");
  if (colon !== -1) host = host.slice(0, colon);
  if (PLATFORM_BY_HOST.has(host)) return host;
  const stripped = host.replace(SUBDOMAIN, "");
  return stripped;
}
function finish(rule2, name, raw, junk) {
  let body = name;
  let pathRule = rule2.paths[rule2.paths.length - 1];
  const lower = name.toLowerCase();
  for (const pr of rule2.paths) {
    if (pr.prefix !== "" && lower.startsWith(pr.prefix)) {
      pathRule = pr;
      body = name.slice(pr.prefix.length);
      break;
    }
  }
  if (body.charCodeAt(0) === 64 && pathRule.keyPrefix === "") body = body.slice(1);
  let handle = pathRule.fold ? body.toLowerCase() : body;
  if (rule2.dropDots && !isDigits(handle)) handle = handle.replaceAll(".", "");
  if (junk.isJunk("handle", handle)) return JUNK5;
  if (!pathRule.pattern.test(handle)) return invalid2(`not a valid ${rule2.platform} ${pathRule.keyPrefix === "" ? "handle" : pathRule.keyPrefix.slice(0, -1)}`);
  const key = pathRule.keyPrefix + handle;
  return { ok: true, value: `${rule2.platform}:${key}`, raw, platform: rule2.platform, handle: key };
}
function whatsapp(bare, raw, region, junk) {
  const phone = normalizePhone(bare, { defaultRegion: region, junk });
  if (!phone.ok) {
    if (phone.reason === "invalid_phone") return invalid2(`not a phone number (${phone.detail ?? "invalid"})`);
    return phone;
  }
  return { ok: true, value: `whatsapp:${phone.value}`, raw, platform: "whatsapp", handle: phone.value };
}
function invalid2(detail) {
  return { ok: false, reason: "invalid_handle", detail };
}
function isDigits(s) {
  for (let i = 0; i < s.length; i++) {
    const c2 = s.charCodeAt(i);
    if (c2 < 48 || c2 > 57) return false;
  }
  return s.length > 0;
}
function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// src/match/createRecordKeyer.ts
var KIND = { externalId: 0, login: 1, handle: 2, email: 3, phone: 4 };
function indexIn(list, n, key) {
  for (let i = 0; i < n; i++) if (list[i] === key) return i;
  return -1;
}
function createRecordKeyer(options) {
  const junk = createJunkMatcher(options.junk);
  const phoneOptions = { defaultRegion: options.defaultRegion, junk };
  const plain = { junk };
  const out = { keys: [], kinds: [], groups: [], count: 0, weak: [], weakCount: 0 };
  const many = /* @__PURE__ */ new Set();
  const add = (key, kind, group) => {
    const n = out.count;
    if (n < 16) {
      if (indexIn(out.keys, n, key) !== -1) return;
    } else {
      if (n === 16) for (let i = 0; i < n; i++) many.add(out.keys[i]);
      if (many.has(key)) return;
      many.add(key);
    }
    out.keys[n] = key;
    out.kinds[n] = kind;
    out.groups[n] = group;
    out.count = n + 1;
  };
  const has = (key) => out.count <= 16 ? indexIn(out.keys, out.count, key) !== -1 : many.has(key);
  let weakPhones = 0;
  const addWeak = (key) => {
    if (indexIn(out.weak, out.weakCount, key) !== -1) return false;
    out.weak[out.weakCount++] = key;
    return true;
  };
  const addWeakPhone = (key) => {
    if (addWeak(key)) weakPhones++;
  };
  return (record, stats) => {
    out.count = 0;
    out.weakCount = 0;
    many.clear();
    weakPhones = 0;
    if (record.externalIds) {
      for (const x of record.externalIds) {
        const r = normalizeExternalId(x.namespace, x.value, plain);
        if (r.ok) add(`x:${r.value}`, KIND.externalId, `x:${r.namespace}`);
        else countFailure(stats, "externalId", r);
      }
    }
    if (record.logins) {
      const ns = options.loginNamespace === "source" ? record.source ?? "global" : "global";
      for (const v of record.logins) {
        const r = normalizeLogin(v, plain);
        if (r.ok) add(`l:${ns}:${r.value}`, KIND.login, `l:${ns}`);
        else countFailure(stats, "login", r);
      }
    }
    if (record.handles) {
      for (const h of record.handles) {
        const r = normalizeHandle(h.platform, h.handle, phoneOptions);
        if (!r.ok) countFailure(stats, "handle", r);
        else if (r.platform === "whatsapp") {
          if (isWeakWhatsApp(h.handle, r.handle)) addWeakPhone(`p:${r.handle}`);
          else add(`p:${r.handle}`, KIND.phone, "");
        } else add(`h:${r.value}`, KIND.handle, `h:${r.platform}`);
      }
    }
    if (record.emails) {
      for (const v of record.emails) {
        const r = normalizeEmail(v, plain);
        if (!r.ok) {
          countFailure(stats, "email", r);
          continue;
        }
        add(`e:${r.value}`, KIND.email, "");
        if (r.suggested !== void 0 && options.fuzzyEmailDomains) addWeak(`e:${r.suggested}`);
      }
    }
    if (record.phones) {
      for (const v of record.phones) {
        const r = normalizePhoneForLinking(v, phoneOptions);
        if (!r.ok) countFailure(stats, "phone", r);
        else if (r.weak) addWeakPhone(`p:${r.value}`);
        else add(`p:${r.value}`, KIND.phone, "");
      }
    }
    if (weakPhones > 0) {
      let w = 0;
      for (let i = 0; i < out.weakCount; i++) {
        const k = out.weak[i];
        if (!(k.startsWith("p:") && has(k))) out.weak[w++] = k;
      }
      out.weakCount = w;
    }
    return out;
  };
  function isWeakWhatsApp(typed, e164) {
    const p = normalizePhoneForLinking(typed, phoneOptions);
    return p.ok && p.weak && p.value === e164;
  }
}
function countFailure(stats, kind, failure) {
  if (failure.reason === "empty") return;
  if (failure.reason === "junk_value") {
    stats.junk[kind] = (stats.junk[kind] ?? 0) + 1;
    return;
  }
  const byReason = stats.invalid[kind] ??= {};
  byReason[failure.reason] = (byReason[failure.reason] ?? 0) + 1;
}
function describeKey(key) {
  return { kind: kindOfKeyText(key.charCodeAt(0)), value: key.slice(2) };
}
function kindOfKeyText(prefix) {
  switch (prefix) {
    case 101:
      return "email";
    case 112:
      return "phone";
    case 108:
      return "login";
    case 104:
      return "handle";
    default:
      return "externalId";
  }
}
function kindOfKeyPrefix(charCode) {
  switch (charCode) {
    case 120:
      return KIND.externalId;
    case 108:
      return KIND.login;
    case 104:
      return KIND.handle;
    case 101:
      return KIND.email;
    case 112:
      return KIND.phone;
    default:
      return -1;
  }
}

// src/match/matchWeights.ts
var WEIGHTS = {
  /** The identifier the link goes through, by kind code (external id, login, handle, email, phone). */
  key: [14, 14, 12, 10, 9],
  /** A key whose own records name different people (a household phone, an office mailbox) says little. */
  sharedKey: 3,
  /** Weak evidence: a typo-corrected email, a reinterpreted phone. Never enough alone. */
  weakKey: 4,
  /**
   * Per doubling of the distinct people (folded full names) on the key beyond one: the rarer the value, the more
   * it says (Splink's term-frequency adjustment, with names standing in for people).
   */
  perNameDoubling: -1.5,
  first: { [LEVEL.exact]: 4, [LEVEL.variant]: 3, [LEVEL.close]: 1, [LEVEL.unknown]: 0, [LEVEL.disagree]: -10 },
  last: { [LEVEL.exact]: 4, [LEVEL.variant]: 3, [LEVEL.close]: 1, [LEVEL.unknown]: 0, [LEVEL.disagree]: -10 },
  dateOfBirth: { [LEVEL.exact]: 6, [LEVEL.variant]: 2, [LEVEL.close]: 1, [LEVEL.unknown]: 0, [LEVEL.disagree]: -12 },
  postcode: { [LEVEL.exact]: 2, [LEVEL.variant]: 1, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -1.5 },
  address: { [LEVEL.exact]: 3, [LEVEL.variant]: 2, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -1.5 },
  city: { [LEVEL.exact]: 1, [LEVEL.variant]: 1, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -1.5 },
  country: { [LEVEL.exact]: 0.5, [LEVEL.variant]: 0.5, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -2 },
  gender: { [LEVEL.exact]: 0.5, [LEVEL.variant]: 0.5, [LEVEL.close]: 0, [LEVEL.unknown]: 0, [LEVEL.disagree]: -2.5 },
  /** Each namespace (handle platform, external-id namespace) where the two sides hold different values. */
  conflict: -6
};
var LINK_THRESHOLD = 8;
function keyWeight(f) {
  const base = f.weak ? WEIGHTS.weakKey : f.shared ? WEIGHTS.sharedKey : WEIGHTS.key[f.kind] ?? WEIGHTS.key[KIND.phone];
  return base + (f.namesOnKey > 1 ? WEIGHTS.perNameDoubling * Math.log2(f.namesOnKey) : 0);
}
function levelWeight(w, level) {
  return level === LEVEL.none ? 0 : w[level];
}
function linkWeight(f) {
  return keyWeight(f) + f.corroboration + f.conflicts * WEIGHTS.conflict + personWeight(f.names, f.attributes, f.household);
}
var PERSON_PARTS = ["first_name", "last_name", "date_of_birth", "postcode", "address", "city", "country", "gender"];
function personPart(i, n, a, muted) {
  const shared = (x) => muted && x > 0 ? 0 : x;
  switch (i) {
    case 0:
      return levelWeight(WEIGHTS.first, n.first);
    case 1:
      return shared(levelWeight(WEIGHTS.last, n.last));
    case 2:
      return levelWeight(WEIGHTS.dateOfBirth, a.dateOfBirth);
    case 3:
      return shared(levelWeight(WEIGHTS.postcode, a.postcode));
    case 4:
      return shared(levelWeight(WEIGHTS.address, a.address));
    case 5:
      return shared(levelWeight(WEIGHTS.city, a.city));
    case 6:
      return shared(levelWeight(WEIGHTS.country, a.country));
    default:
      return levelWeight(WEIGHTS.gender, a.gender);
  }
}
function personWeight(n, a, household = false) {
  const muted = household && n.first < LEVEL.variant;
  let sum = 0;
  for (let i = 0; i < PERSON_PARTS.length; i++) sum += personPart(i, n, a, muted);
  return sum;
}
function weightParts(f) {
  const out = {};
  const n = weightPartsInto(f, partNames, partValues);
  for (let i = 0; i < n; i++) out[partNames[i]] = partValues[i];
  return out;
}
var partNames = [];
var partValues = [];
function weightPartsInto(f, names, values2) {
  let n = putPart(names, values2, 0, f.weak ? "weak_identifier" : f.household ? "household_identifier" : f.shared ? "shared_identifier" : "identifier", keyWeight(f));
  n = putPart(names, values2, n, "other_identifiers", f.corroboration);
  n = putPart(names, values2, n, "conflicting_identifiers", f.conflicts * WEIGHTS.conflict);
  const muted = f.household && f.names.first < LEVEL.variant;
  for (let i = 0; i < PERSON_PARTS.length; i++) n = putPart(names, values2, n, PERSON_PARTS[i], personPart(i, f.names, f.attributes, muted));
  return n;
}
function putPart(names, values2, n, name, w) {
  if (w === 0) return n;
  names[n] = name;
  values2[n] = Math.round(w * 100) / 100;
  return n + 1;
}
function packFacts(f) {
  const n = f.names;
  const a = f.attributes;
  let code = 0;
  const levels = [n.first, n.last, a.dateOfBirth, a.postcode, a.address, a.city, a.country, a.gender];
  for (let i = 0; i < levels.length; i++) code |= levels[i] + 1 << 3 * i;
  code |= Math.min(f.conflicts, 3) << 24;
  if (f.shared) code |= 1 << 26;
  if (f.weak) code |= 1 << 27;
  code |= Math.min(Math.max(f.namesOnKey, 1), 8) - 1 << 28;
  if (f.household) code |= 1 << 31;
  return code >>> 0;
}
function unpackFacts(code, kind, weight) {
  const level = (i) => (code >>> 3 * i & 7) - 1;
  const f = {
    kind,
    shared: (code & 1 << 26) !== 0,
    weak: (code & 1 << 27) !== 0,
    household: (code & 1 << 31) !== 0,
    namesOnKey: (code >>> 28 & 7) + 1,
    corroboration: 0,
    conflicts: code >>> 24 & 3,
    names: { first: level(0), last: level(1) },
    attributes: { dateOfBirth: level(2), postcode: level(3), address: level(4), city: level(5), country: level(6), gender: level(7) }
  };
  f.corroboration = Math.round((weight - linkWeight(f)) * 100) / 100;
  return f;
}

// src/cluster/overrides.ts
var NeverBans = class {
  /** 1 for a root whose cluster holds a record named by a never pair. */
  flagged;
  tokens = /* @__PURE__ */ new Map();
  /** The pairs in rank order, so that a union several pairs forbid names the same one on every path. */
  pairs;
  constructor(recordCount, never, recordRank) {
    this.flagged = new Uint8Array(recordCount);
    this.pairs = orderPairs(never, recordRank);
    for (let i = 0; i < this.pairs.length >> 1; i++) {
      this.add(this.pairs[2 * i], i);
      this.add(this.pairs[2 * i + 1], i);
    }
  }
  add(r, token) {
    let set = this.tokens.get(r);
    if (set === void 0) {
      set = /* @__PURE__ */ new Set();
      this.tokens.set(r, set);
      this.flagged[r] = 1;
    }
    set.add(token);
  }
  /** The first never pair (in rank order) that forbids joining the clusters rooted at `ra` and `rb`, or -1. */
  conflict(ra, rb) {
    if (this.flagged[ra] === 0 || this.flagged[rb] === 0 || ra === rb) return -1;
    let small = this.tokens.get(ra);
    let large = this.tokens.get(rb);
    if (small.size > large.size) [small, large] = [large, small];
    let first = -1;
    for (const t of small) if ((first === -1 || t < first) && large.has(t)) first = t;
    return first;
  }
  /** Records that the clusters rooted at `a` and `b` became one rooted at `root` (one of them). */
  merged(root, a, b) {
    const other = root === a ? b : a;
    if (this.flagged[other] === 0) return;
    const moved = this.tokens.get(other);
    this.tokens.delete(other);
    this.flagged[other] = 0;
    const kept = this.tokens.get(root);
    if (kept === void 0) {
      this.tokens.set(root, moved);
      this.flagged[root] = 1;
      return;
    }
    if (kept.size >= moved.size) {
      for (const t of moved) kept.add(t);
    } else {
      for (const t of kept) moved.add(t);
      this.tokens.set(root, moved);
    }
  }
  /** The records of never pair `i`. */
  pair(i) {
    return [this.pairs[2 * i], this.pairs[2 * i + 1]];
  }
};
function orderPairs(flat, recordRank) {
  const pairs = [];
  for (let i = 0; i < flat.length >> 1; i++) {
    let a = flat[2 * i];
    let b = flat[2 * i + 1];
    if (a === b) continue;
    if (recordRank[a] > recordRank[b]) [a, b] = [b, a];
    pairs.push([a, b]);
  }
  pairs.sort((x, y) => recordRank[x[0]] - recordRank[y[0]] || recordRank[x[1]] - recordRank[y[1]]);
  const out = [];
  for (let i = 0; i < pairs.length; i++) {
    const [a, b] = pairs[i];
    if (i > 0 && pairs[i - 1][0] === a && pairs[i - 1][1] === b) continue;
    out.push(a, b);
  }
  return Int32Array.from(out);
}
function unionWithBans(uf, bans, a, b) {
  const root = uf.unionRoots(a, b);
  bans?.merged(root, a, b);
  return root;
}
function neverReason(o, a, b) {
  return `override never: ${o.recordId(a)} / ${o.recordId(b)}`;
}
function alwaysReason(o, a, b) {
  return `override always: ${o.recordId(a)} / ${o.recordId(b)}`;
}

// src/cluster/guards.ts
var GuardEvaluator = class {
  constructor(input, uf, config2, keys, bans) {
    this.input = input;
    this.uf = uf;
    this.config = config2;
    this.keys = keys;
    this.bans = bans;
    this.stamp = new Int32Array(input.keyCount);
  }
  stamp;
  epoch = 1;
  a = new ClusterFacts();
  b = new ClusterFacts();
  pairNames = { first: LEVEL.none, last: LEVEL.none };
  pairAttributes = noAttributeLevels();
  verdict = {
    outcome: OUTCOME.accepted,
    why: void 0,
    weight: Number.NaN,
    facts: {
      kind: 0,
      shared: false,
      weak: false,
      household: false,
      namesOnKey: 1,
      corroboration: 0,
      conflicts: 0,
      names: { first: LEVEL.none, last: LEVEL.none },
      attributes: noAttributeLevels()
    }
  };
  /** Verdict for joining the clusters rooted at `ra` and `rb` through `key`; `weak` for weak evidence. */
  check(ra, rb, key, weak) {
    const v = this.verdict;
    v.why = void 0;
    v.weight = Number.NaN;
    if (this.bans !== void 0) {
      const banned = this.bans.conflict(ra, rb);
      if (banned >= 0) {
        const [a, b] = this.bans.pair(banned);
        return this.refuse(OUTCOME.override, neverReason(this.input.overrides, a, b));
      }
    }
    const size = this.uf.sizeOf(ra) + this.uf.sizeOf(rb);
    if (size > this.config.maxClusterSize) {
      return this.refuse(OUTCOME.maxClusterSize, `cluster would hold ${size} records (max ${this.config.maxClusterSize})`);
    }
    this.a.collect(this.input, this.uf, ra);
    this.b.collect(this.input, this.uf, rb);
    const conflict = this.groupConflicts(true);
    if (conflict !== void 0) return this.refuse(OUTCOME.exclusive, conflict);
    const f = v.facts;
    const kind = this.input.keyKind[key];
    f.kind = kind;
    f.weak = weak;
    f.shared = this.keys.isShared[key] === 1;
    f.household = !weak && this.keys.isHousehold[key] === 1;
    f.namesOnKey = Math.max(1, this.keys.namesOnKey[key]);
    f.corroboration = this.corroboration(key);
    this.otherConflicts = void 0;
    f.conflicts = 0;
    this.groupConflicts(false);
    this.compareEvidence(f);
    v.weight = linkWeight(f);
    const scored = weak || this.config.shareableEnabled && (this.config.shareableKinds & 1 << kind) !== 0;
    if (scored && v.weight < LINK_THRESHOLD) {
      return this.refuse(weak ? OUTCOME.fuzzy : OUTCOME.shareable, this.describeRefusal(f, v.weight));
    }
    v.outcome = weak ? OUTCOME.acceptedFuzzy : OUTCOME.accepted;
    return v;
  }
  refuse(outcome, why) {
    this.verdict.outcome = outcome;
    this.verdict.why = why;
    return this.verdict;
  }
  /**
   * The weight of the other keys both clusters hold: each distinct key that is neither generic nor shared adds its
   * kind's weight. A shared key corroborates nothing (an office email does not vouch for an office phone).
   */
  corroboration(linkKey) {
    const e = this.epoch += 2;
    const stamp = this.stamp;
    const a = this.a;
    const b = this.b;
    for (let i = 0; i < a.keyCount; i++) stamp[a.keys[i]] = e;
    let sum = 0;
    for (let i = 0; i < b.keyCount; i++) {
      const k = b.keys[i];
      if (stamp[k] === e && k !== linkKey && this.keys.isGeneric[k] === 0 && this.keys.isShared[k] === 0) {
        sum += WEIGHTS.key[this.input.keyKind[k]] ?? 0;
        stamp[k] = e + 1;
      }
    }
    return sum;
  }
  otherConflicts;
  /**
   * Namespaces in which both clusters hold values and neither side's values include the other's. For exclusive
   * groups (logins by default) the first such is returned: a hard conflict. For the others (handles, external ids)
   * each counts against the link's weight (`facts.conflicts`).
   */
  groupConflicts(exclusive) {
    const input = this.input;
    const A = this.a;
    const B = this.b;
    for (let i = 0; i < A.groupCount; i++) {
      const g = A.groupOf[i];
      if (input.groupExclusive[g] === 1 !== exclusive) continue;
      if (A.firstOfGroup(g) !== i) continue;
      if (B.firstOfGroup(g) === -1) continue;
      const aVals = A.valuesIn(g);
      const bVals = B.valuesIn(g);
      const aInB = aVals.every((k) => bVals.includes(k));
      const bInA = bVals.every((k) => aVals.includes(k));
      if (!aInB && !bInA) {
        const text = `different ${input.groupName(g)}: ${input.keyString(aVals[0])} vs ${input.keyString(bVals[0])}`;
        if (exclusive) return text;
        this.verdict.facts.conflicts++;
        this.otherConflicts ??= text;
      }
    }
    return void 0;
  }
  /**
   * Name and attribute levels between the clusters: those of the best-matching pair of their members (the pair
   * with the highest name and attribute weight), so a first name from one record and a surname from another never
   * combine into a match. A kind of evidence the best pair cannot compare is still a conflict when every pair that
   * can compare it disagrees: "James Garcia" + "James" against "James Chowdhury" is a surname conflict.
   */
  compareEvidence(f) {
    const A = this.a;
    const B = this.b;
    const names = f.names;
    const at = f.attributes;
    const pn = this.pairNames;
    const pa = this.pairAttributes;
    const comp = this.componentBest;
    comp.fill(LEVEL.none);
    let best = Number.NEGATIVE_INFINITY;
    names.first = names.last = LEVEL.none;
    at.dateOfBirth = at.gender = at.postcode = at.city = at.address = at.country = LEVEL.none;
    for (let i = 0; i < A.people; i++) {
      for (let j = 0; j < B.people; j++) {
        this.comparePeople(A, i, B, j);
        const w = personWeight(pn, pa, f.household);
        note(comp, pn, pa);
        if (w > best) {
          best = w;
          names.first = pn.first;
          names.last = pn.last;
          Object.assign(at, pa);
        }
      }
    }
    if (names.first === LEVEL.none && comp[0] === LEVEL.disagree) names.first = LEVEL.disagree;
    if (names.last === LEVEL.none && comp[1] === LEVEL.disagree) names.last = LEVEL.disagree;
    if (at.dateOfBirth === LEVEL.none && comp[2] === LEVEL.disagree) at.dateOfBirth = LEVEL.disagree;
  }
  comparePeople(A, i, B, j) {
    const fa = A.firstNames[i], la = A.lastNames[i], fb = B.firstNames[j], lb = B.lastNames[j];
    const pn = this.pairNames;
    if (fa === fb && la === lb) {
      pn.first = fa < 0 ? LEVEL.none : LEVEL.exact;
      pn.last = la < 0 ? LEVEL.none : LEVEL.exact;
    } else {
      const text = this.keys.names;
      compareNamePairs(text.get(fa), text.get(la), text.get(fb), text.get(lb), this.config.minNameSimilarity, pn);
    }
    const x = A.attributes[i];
    const y = B.attributes[j];
    if (x >= 0 && y >= 0) {
      const parts2 = this.keys.attributes.get(x);
      compareAttributeParts(parts2, x === y ? parts2 : this.keys.attributes.get(y), this.pairAttributes);
    } else Object.assign(this.pairAttributes, NO_ATTRIBUTES);
  }
  /** Best level per component over comparable pairs: first, last, date of birth. */
  componentBest = [LEVEL.none, LEVEL.none, LEVEL.none];
  /** Why a weighed link was refused, in words: its weight and the evidence that pulled it down. */
  describeRefusal(f, weight) {
    const reasons = [];
    if (f.names.first === LEVEL.disagree || f.names.last === LEVEL.disagree) reasons.push(`names differ: ${this.describeNames()}`);
    if (f.attributes.dateOfBirth === LEVEL.disagree) reasons.push("dates of birth differ");
    if (this.otherConflicts !== void 0) reasons.push(this.otherConflicts);
    if (reasons.length === 0) {
      if (f.weak) reasons.push(f.names.first < LEVEL.close && f.names.last < LEVEL.close ? "weak identifier without agreeing names" : "weak identifier without enough agreeing evidence");
      else if (f.shared) reasons.push(f.names.first === LEVEL.none && f.names.last === LEVEL.none ? "identifier shared by people with different names, and no name here to tell them apart" : "identifier shared by people with different names, and too little else agrees");
      else reasons.push("too little agreeing evidence");
    }
    return `${reasons.join("; ")} (weight ${round2(weight)} < ${LINK_THRESHOLD})`;
  }
  describeNames() {
    return `${this.peopleNames(this.a)} vs ${this.peopleNames(this.b)}`;
  }
  /** A cluster's distinct people as "first last" names, in order, joined by '/' ('?' for none). */
  peopleNames(c2) {
    const text = this.keys.names;
    let out = "";
    const seen = [];
    for (let i = 0; i < c2.people; i++) {
      const f = c2.firstNames[i];
      const l = c2.lastNames[i];
      const name = f >= 0 && l >= 0 ? `${text.get(f)} ${text.get(l)}` : f >= 0 ? text.get(f) : l >= 0 ? text.get(l) : "";
      if (name === "" || seen.includes(name)) continue;
      seen.push(name);
      out = out === "" ? name : `${out}/${name}`;
    }
    return out === "" ? "?" : out;
  }
};
var NO_ATTRIBUTES = noAttributeLevels();
function note(comp, n, a) {
  if (n.first > comp[0]) comp[0] = n.first;
  if (n.last > comp[1]) comp[1] = n.last;
  if (a.dateOfBirth > comp[2]) comp[2] = a.dateOfBirth;
}
function round2(x) {
  return Math.round(x * 100) / 100;
}
var MAX_PEOPLE = 16;
var ClusterFacts = class {
  /** The members' keys, repeats included: `keys[0, keyCount)`. */
  keys = new Int32Array(64);
  keyCount = 0;
  /**
   * Distinct (first, last, attributes) of the members with a name or attributes, as parallel arrays (interned
   * ids, -1 when absent), at most 16: `[0, people)`.
   */
  firstNames = new Int32Array(MAX_PEOPLE);
  lastNames = new Int32Array(MAX_PEOPLE);
  attributes = new Int32Array(MAX_PEOPLE);
  people = 0;
  /** Distinct keys that belong to a namespace group, with their group: `[0, groupCount)`. */
  groupKeys = new Int32Array(16);
  groupOf = new Int32Array(16);
  groupCount = 0;
  /** The cluster last collected: its root and size (a cluster only changes by growing, so these identify it). */
  root = -1;
  size = 0;
  collect(input, uf, root) {
    const size = uf.sizeOf(root);
    if (root === this.root && size === this.size) return;
    this.root = root;
    this.size = size;
    this.keyCount = 0;
    this.people = 0;
    this.groupCount = 0;
    let m = root;
    do {
      const f = input.firstName[m];
      const l = input.lastName[m];
      const at = input.attributes[m];
      if ((f >= 0 || l >= 0 || at >= 0) && this.people < MAX_PEOPLE && !this.hasPerson(f, l, at)) {
        const p = this.people++;
        this.firstNames[p] = f;
        this.lastNames[p] = l;
        this.attributes[p] = at;
      }
      const end = input.keyStart[m + 1];
      let j = input.keyStart[m];
      this.keys = grow(this.keys, this.keyCount + (end - j));
      for (; j < end; j++) {
        const k = input.keyIds[j];
        this.keys[this.keyCount++] = k;
        const g = input.keyGroup[k];
        if (g >= 0 && this.groupIndexOf(k) === -1) this.addGroupKey(k, g);
      }
      m = uf.nextMember(m);
    } while (m !== root);
  }
  hasPerson(f, l, at) {
    for (let i = 0; i < this.people; i++) if (this.firstNames[i] === f && this.lastNames[i] === l && this.attributes[i] === at) return true;
    return false;
  }
  groupIndexOf(k) {
    for (let i = 0; i < this.groupCount; i++) if (this.groupKeys[i] === k) return i;
    return -1;
  }
  addGroupKey(k, g) {
    this.groupKeys = grow(this.groupKeys, this.groupCount + 1);
    this.groupOf = grow(this.groupOf, this.groupCount + 1);
    this.groupKeys[this.groupCount] = k;
    this.groupOf[this.groupCount++] = g;
  }
  /** Index of the first key of group g, or -1. */
  firstOfGroup(g) {
    for (let i = 0; i < this.groupCount; i++) if (this.groupOf[i] === g) return i;
    return -1;
  }
  valuesIn(group) {
    const out = [];
    for (let i = 0; i < this.groupCount; i++) if (this.groupOf[i] === group) out.push(this.groupKeys[i]);
    return out;
  }
};

// src/cluster/UnionFind.ts
var UnionFind = class _UnionFind {
  /**
   * `shared`: in shared memory, so threads linking disjoint records (`cluster/linkParts`) join sets in one
   * structure (`over`).
   */
  constructor(count, shared = false, from) {
    this.count = count;
    if (from !== void 0) {
      this.parent = from.parent;
      this.sizes = from.sizes;
      this.next = from.next;
      return;
    }
    const buffer = (bytes) => shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
    this.parent = new Int32Array(buffer(4 * count));
    this.sizes = new Uint32Array(buffer(4 * count)).fill(1);
    this.next = new Int32Array(buffer(4 * count));
    for (let i = 0; i < count; i++) {
      this.parent[i] = i;
      this.next[i] = i;
    }
  }
  parent;
  sizes;
  /** next[i] is the next member of i's set; the list is circular. */
  next;
  /** The arrays of a shared union-find, to hand to another thread (`over`). */
  buffers() {
    return { parent: this.parent, sizes: this.sizes, next: this.next };
  }
  /** A union-find over another's arrays (in another thread), as they are. */
  static over(b) {
    return new _UnionFind(b.parent.length, true, b);
  }
  find(i) {
    const p = this.parent;
    while (p[i] !== i) {
      const gp = p[p[i]];
      p[i] = gp;
      i = gp;
    }
    return i;
  }
  /** Size of the set whose root is `root`. */
  sizeOf(root) {
    return this.sizes[root];
  }
  /** Join the sets of two roots; returns the new root. */
  unionRoots(a, b) {
    if (a === b) return a;
    if (this.sizes[a] < this.sizes[b]) [a, b] = [b, a];
    this.parent[b] = a;
    this.sizes[a] = this.sizes[a] + this.sizes[b];
    const na = this.next[a];
    this.next[a] = this.next[b];
    this.next[b] = na;
    return a;
  }
  /** The next member of i's set (circular). */
  nextMember(i) {
    return this.next[i];
  }
  /** Calls `visit` for every member of the set containing `i` (any member works as the start). */
  forEachMember(i, visit) {
    let m = i;
    do {
      visit(m);
      m = this.next[m];
    } while (m !== i);
  }
  /** Root of every element, as one array (for handing clusters to the merge stage). */
  roots() {
    const out = new Int32Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.find(i);
    return out;
  }
};

// src/cluster/KeyWarmer.ts
var WARM_KEYS = 16;
var KeyWarmer = class _KeyWarmer {
  constructor(input, plan, uf, part) {
    this.input = input;
    this.plan = plan;
    this.uf = uf;
    this.part = part;
  }
  sink = 0;
  /**
   * Records of the keys being warmed, then (from `half`) each one's first key. One per thread, not per warmer:
   * the incremental resolver links a small component on every edit.
   */
  static scratch = new Int32Array(2048);
  /** Warms keys `order[from, to)` that this part links (at most 1,024 of their records). */
  keys(order, from, to) {
    const { input, uf } = this;
    const scratch = _KeyWarmer.scratch;
    const { memberStart, members, keyPart, keyFacts } = this.plan;
    const half = scratch.length >> 1;
    let sink = 0;
    let n = 0;
    for (let i = from; i < to; i++) {
      const k = order[i];
      if (keyPart !== void 0 && keyPart[k] !== this.part) continue;
      sink += memberStart[k + 1] + input.keyKind[k] + keyFacts.isShared[k] + keyFacts.namesOnKey[k];
      for (let j = memberStart[k], end = memberStart[k + 1]; j < end && n < half; j++) scratch[n++] = j;
    }
    for (let t = 0; t < n; t++) scratch[t] = members[scratch[t]];
    for (let t = 0; t < n; t++) {
      const r = scratch[t];
      sink += input.firstName[r] + input.lastName[r] + input.attributes[r] + uf.nextMember(r);
      scratch[half + t] = input.keyStart[r];
    }
    for (let t = 0; t < n; t++) {
      const r = scratch[t];
      sink += uf.find(r);
      for (let j = scratch[half + t], end = input.keyStart[r + 1]; j < end; j++) sink += input.keyGroup[input.keyIds[j]];
    }
    this.sink += sink;
  }
};

// src/_internal/RecentCache.ts
var RecentCache = class {
  constructor(compute, bits = 16) {
    this.compute = compute;
    this.ids = new Int32Array(1 << bits).fill(-1);
    this.values = new Array(1 << bits).fill(void 0);
    this.mask = (1 << bits) - 1;
  }
  ids;
  values;
  mask;
  /** The value for `id`; a negative id is computed every time (-1 marks an empty slot). */
  get(id) {
    if (id < 0) return this.compute(id);
    const slot = id & this.mask;
    if (this.ids[slot] === id) return this.values[slot];
    const v = this.compute(id);
    this.ids[slot] = id;
    this.values[slot] = v;
    return v;
  }
};

// src/cluster/linkRecords.ts
function linkRecords(input, config2, knownGeneric, evidence = new EvidenceLog()) {
  const plan = planLink(input, config2, knownGeneric);
  const uf = new UnionFind(input.recordCount);
  linkPart(input, config2, plan, 0, uf, evidence);
  return { uf, evidence, genericKeys: plan.genericKeys };
}
function planLink(input, config2, knownGeneric, shared = false) {
  const { memberStart, members } = invertKeys(input, shared);
  const genericKeys = knownGeneric ?? findGenericKeys(input, memberStart, members, config2);
  const isGeneric = new Uint8Array(shared ? new SharedArrayBuffer(input.keyCount) : new ArrayBuffer(input.keyCount));
  for (const g of genericKeys) isGeneric[g.key] = 1;
  const candidates = [];
  for (let k = 0; k < input.keyCount; k++) {
    if (proposesLinks(memberStart, isGeneric, k)) candidates.push(k);
  }
  const grouped = groupWeak(input);
  const weak = shared ? { keys: toShared(grouped.keys), start: toShared(grouped.start), records: toShared(grouped.records) } : grouped;
  const weakKeys = weak.keys.filter((k) => isGeneric[k] === 0);
  const own = (a) => shared ? toShared(a) : a;
  const bytes = () => new Uint8Array(shared ? new SharedArrayBuffer(input.keyCount) : new ArrayBuffer(input.keyCount));
  return {
    memberStart,
    members,
    genericKeys,
    isGeneric,
    keyFacts: { isShared: bytes(), namesOnKey: bytes(), isHousehold: bytes() },
    strongOrder: own(orderKeys(input, Uint32Array.from(candidates))),
    weakOrder: own(orderKeys(input, weakKeys)),
    weak,
    parts: 1,
    keyPart: void 0
  };
}
function proposesLinks(memberStart, isGeneric, k) {
  return memberStart[k + 1] - memberStart[k] >= 2 && isGeneric[k] === 0;
}
function linkPart(input, config2, plan, part, uf, evidence) {
  const n = input.recordCount;
  const { memberStart, members, genericKeys, isGeneric, keyPart } = plan;
  const mine = (k) => keyPart === void 0 || keyPart[k] === part;
  const names = new NameTexts(input, cacheBits(input.recordCount));
  const bits = cacheBits(input.recordCount);
  const attributes = new RecentCache((id) => attributeParts(input.nameOf(id)), bits);
  const { isShared, namesOnKey, isHousehold } = plan.keyFacts;
  findSharedKeys(input, memberStart, members, config2, names, attributes, plan.keyFacts, keyPart, part);
  const overrides = part === 0 ? input.overrides : void 0;
  const bans = overrides !== void 0 && overrides.never.length > 0 ? new NeverBans(n, overrides.never, input.recordRank) : void 0;
  const guards = new GuardEvaluator(input, uf, config2, { isGeneric, isShared, namesOnKey, isHousehold, names, attributes }, bans);
  for (const g of part === 0 ? genericKeys : []) {
    if (memberStart[g.key + 1] - memberStart[g.key] < 2) continue;
    evidence.add(
      g.key,
      members[memberStart[g.key]],
      members[memberStart[g.key] + 1],
      OUTCOME.generic,
      `shared by ${g.records} records and ${g.distinctIdentifiers} other identifiers`
    );
  }
  if (overrides !== void 0 && overrides.always.length > 0) {
    const always = orderPairs(overrides.always, input.recordRank);
    for (let i = 0; i < always.length; i += 2) {
      const a = always[i];
      const b = always[i + 1];
      const ra = uf.find(a);
      const rb = uf.find(b);
      if (ra === rb) continue;
      const banned = bans === void 0 ? -1 : bans.conflict(ra, rb);
      if (banned >= 0) {
        const [x, y] = bans.pair(banned);
        evidence.add(OVERRIDE_KEY, a, b, OUTCOME.override, `${alwaysReason(overrides, a, b)} contradicts ${neverReason(overrides, x, y)}`);
        continue;
      }
      const size = uf.sizeOf(ra) + uf.sizeOf(rb);
      if (size > config2.maxClusterSize) {
        evidence.add(OVERRIDE_KEY, a, b, OUTCOME.maxClusterSize, `${alwaysReason(overrides, a, b)}: cluster would hold ${size} records (max ${config2.maxClusterSize})`);
        continue;
      }
      unionWithBans(uf, bans, ra, rb);
      evidence.add(OVERRIDE_KEY, a, b, OUTCOME.accepted, alwaysReason(overrides, a, b));
    }
  }
  const prefix = evidence.length;
  const runs = keyPart === void 0 ? void 0 : new GrowableArray(Int32Array, 64, true);
  const noteRun = (position, before) => {
    if (runs !== void 0 && evidence.length > before) {
      runs.push(position);
      runs.push(evidence.length - before);
    }
  };
  let roots = new Int32Array(16);
  let anchors = new Int32Array(16);
  let seen = 0;
  const push = (root, anchor) => {
    if (seen === roots.length) {
      roots = grow(roots, seen + 1);
      anchors = grow(anchors, seen + 1);
    }
    roots[seen] = root;
    anchors[seen++] = anchor;
  };
  const { strongOrder, weakOrder } = plan;
  const warmer = new KeyWarmer(input, plan, uf, part);
  for (let i = 0; i < strongOrder.length; i++) {
    if (i % WARM_KEYS === 0) warmer.keys(strongOrder, i, Math.min(strongOrder.length, i + WARM_KEYS));
    const k = strongOrder[i];
    if (!mine(k)) continue;
    const before = evidence.length;
    seen = 0;
    for (let j = memberStart[k], end = memberStart[k + 1]; j < end; j++) {
      offer(members[j], k, false);
    }
    noteRun(i, before);
  }
  if (weakOrder.length > 0) {
    const weak = plan.weak;
    for (let i = 0; i < weakOrder.length; i++) {
      const k = weakOrder[i];
      if (!mine(k)) continue;
      const before = evidence.length;
      seen = 0;
      for (let j = memberStart[k], end = memberStart[k + 1]; j < end; j++) seed(members[j]);
      const g = lowerBound(weak.keys, k);
      for (let j = weak.start[g], end = weak.start[g + 1]; j < end; j++) offer(weak.records[j], k, true);
      noteRun(strongOrder.length + i, before);
    }
  }
  return { prefix, runs: runs?.view() ?? NO_RUNS };
  function seed(r) {
    const rr = uf.find(r);
    for (let t = 0; t < seen; t++) if (uf.find(roots[t]) === rr) return;
    push(rr, r);
  }
  function offer(r, k, fuzzy) {
    const rr = uf.find(r);
    for (let t = 0; t < seen; t++) {
      const root = uf.find(roots[t]);
      roots[t] = root;
      if (root === rr) return;
    }
    let joined = -1;
    for (let t = 0; t < seen; t++) {
      const v = guards.check(roots[t], rr, k, fuzzy);
      if (isAccepted(v)) {
        roots[t] = unionWithBans(uf, bans, roots[t], rr);
        log(k, anchors[t], r, v);
        joined = t;
        break;
      }
      log(k, anchors[t], r, v);
    }
    if (joined === -1) {
      push(rr, r);
      return;
    }
    for (let t = 0; t < seen; t++) {
      if (t === joined || roots[t] === -1) continue;
      const v = guards.check(roots[t], roots[joined], k, fuzzy);
      if (!isAccepted(v)) continue;
      roots[joined] = unionWithBans(uf, bans, roots[t], roots[joined]);
      log(k, anchors[t], r, v);
      roots[t] = -1;
    }
    compact();
  }
  function log(k, a, b, v) {
    const accepted = isAccepted(v);
    evidence.add(k, a, b, v.outcome, accepted ? void 0 : v.why, v.weight, Number.isNaN(v.weight) ? 0 : packFacts(v.facts));
  }
  function compact() {
    let w = 0;
    for (let t = 0; t < seen; t++) {
      if (roots[t] === -1) continue;
      roots[w] = roots[t];
      anchors[w++] = anchors[t];
    }
    seen = w;
  }
}
var NO_RUNS = new Int32Array(0);
var INVERT_BLOCK = 64;
function isAccepted(v) {
  return v.outcome === OUTCOME.accepted || v.outcome === OUTCOME.acceptedFuzzy;
}
function invertKeys(input, shared) {
  const memberStart = new Uint32Array(shared ? new SharedArrayBuffer(4 * (input.keyCount + 1)) : new ArrayBuffer(4 * (input.keyCount + 1)));
  for (let j = 0; j < input.keyIds.length; j++) memberStart[input.keyIds[j] + 1]++;
  for (let k = 0; k < input.keyCount; k++) memberStart[k + 1] += memberStart[k];
  const fill = memberStart.slice(0, input.keyCount);
  const members = new Int32Array(shared ? new SharedArrayBuffer(4 * input.keyIds.length) : new ArrayBuffer(4 * input.keyIds.length));
  const block2 = new Int32Array(2 * INVERT_BLOCK);
  let sink = 0;
  for (let from = 0; from < input.recordCount; from += INVERT_BLOCK) {
    const to = Math.min(input.recordCount, from + INVERT_BLOCK);
    for (let r = from; r < to; r++) {
      const rec = input.recordsByRank[r];
      block2[2 * (r - from)] = input.keyStart[rec];
      block2[2 * (r - from) + 1] = input.keyStart[rec + 1];
    }
    for (let r = from; r < to; r++) {
      for (let j = block2[2 * (r - from)], end = block2[2 * (r - from) + 1]; j < end; j++) sink += fill[input.keyIds[j]];
    }
    for (let r = from; r < to; r++) {
      const rec = input.recordsByRank[r];
      for (let j = block2[2 * (r - from)], end = block2[2 * (r - from) + 1]; j < end; j++) {
        const k = input.keyIds[j];
        members[fill[k]++] = rec;
      }
    }
  }
  if (sink < 0) members.fill(-1);
  return { memberStart, members };
}
function findGenericKeys(input, memberStart, members, config2) {
  const out = [];
  if (config2.generic === false) return out;
  const seen = /* @__PURE__ */ new Set();
  for (let k = 0; k < input.keyCount; k++) {
    const g = genericKeyOf(input, k, members, memberStart[k], memberStart[k + 1], config2.generic, seen);
    if (g !== void 0) out.push(g);
  }
  return out;
}
var MAX_DISTINCT_COUNTED = 1 << 22;
function genericKeyOf(input, k, members, start, end, limits, seen) {
  const count = end - start;
  if (count < 2) return void 0;
  let bound = 0;
  for (let j = start; j < end; j++) {
    const r = members[j];
    bound += input.keyStart[r + 1] - input.keyStart[r] - 1;
  }
  let distinct = bound;
  if (bound > limits.maxDistinctIdentifiers) {
    seen.clear();
    count: for (let j = start; j < end; j++) {
      const r = members[j];
      for (let i = input.keyStart[r], e = input.keyStart[r + 1]; i < e; i++) {
        const other = input.keyIds[i];
        if (other !== k) seen.add(other);
      }
      if (seen.size >= MAX_DISTINCT_COUNTED) break count;
    }
    distinct = Math.min(seen.size, MAX_DISTINCT_COUNTED);
    seen.clear();
  }
  if (count > limits.maxRecords || distinct > limits.maxDistinctIdentifiers) return { key: k, records: count, distinctIdentifiers: distinct };
  return void 0;
}
function findSharedKeys(input, memberStart, members, config2, names, attributes, into, keyPart, part = 0) {
  const { isShared, namesOnKey, isHousehold } = into;
  const firsts = new Int32Array(8);
  const lasts = new Int32Array(8);
  const attrs = new Int32Array(8);
  const firstText = [];
  const lastText = [];
  const attrText = [];
  const differs = new Uint8Array(8);
  const nameLevels = { first: LEVEL.none, last: LEVEL.none };
  const levels = noAttributeLevels();
  for (let k = 0; k < input.keyCount; k++) {
    const start = memberStart[k];
    const end = memberStart[k + 1];
    if (end - start < 2 || keyPart !== void 0 && keyPart[k] !== part) continue;
    let n = 0;
    for (let j = start; j < end && n < 8; j++) {
      const f = input.firstName[members[j]];
      const l = input.lastName[members[j]];
      const a = input.attributes[members[j]];
      if (f < 0 && l < 0) continue;
      let seen = false;
      for (let i = 0; i < n && !seen; i++) seen = firsts[i] === f && lasts[i] === l;
      if (!seen) {
        firsts[n] = f;
        lasts[n] = l;
        attrs[n++] = a;
      }
    }
    for (let i = 0; n > 1 && i < n; i++) {
      firstText[i] = names.get(firsts[i]);
      lastText[i] = names.get(lasts[i]);
      attrText[i] = attrs[i] < 0 ? void 0 : attributes.get(attrs[i]);
    }
    differs.fill(0, 0, n);
    let anyDiffer = false;
    let household = false;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        compareNamePairs(firstText[a], lastText[a], firstText[b], lastText[b], config2.minNameSimilarity, nameLevels);
        const ta = attrText[a];
        const tb = attrText[b];
        const bothAttrs = ta !== void 0 && tb !== void 0;
        if (bothAttrs) compareAttributeParts(ta, tb, levels);
        const differ = nameLevels.first === LEVEL.disagree || nameLevels.last === LEVEL.disagree || bothAttrs && levels.dateOfBirth === LEVEL.disagree;
        if (differ) {
          differs[a] |= 1 << b;
          differs[b] |= 1 << a;
          anyDiffer = true;
          if (!household) household = nameLevels.first === LEVEL.disagree && nameLevels.last >= LEVEL.variant || bothAttrs && levels.address >= LEVEL.variant;
        }
      }
    }
    namesOnKey[k] = n === 0 ? 0 : anyDiffer ? largestMutuallyDiffering(differs, n) : 1;
    if (anyDiffer && config2.shareableEnabled && (config2.shareableKinds & 1 << input.keyKind[k]) !== 0) {
      isShared[k] = 1;
      isHousehold[k] = household ? 1 : 0;
    }
  }
}
function largestMutuallyDiffering(differs, n) {
  let best = 1;
  for (let set = 1; set < 1 << n; set++) {
    let size = 0;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      if ((set & 1 << i) === 0) continue;
      size++;
      ok = (differs[i] & set) === (set & ~(1 << i));
    }
    if (ok && size > best) best = size;
  }
  return best;
}
function orderKeys(input, keys) {
  const hashOf = new Uint32Array(keys.length);
  const kindOf2 = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    hashOf[i] = input.keyHash[keys[i]];
    kindOf2[i] = input.keyKind[keys[i]];
  }
  const byHash = radixSortIndices(hashOf);
  const byKind = radixSortIndices(kindOf2, byHash);
  breakTies(byKind, hashOf, (a, b) => {
    if (kindOf2[a] !== kindOf2[b]) return kindOf2[a] - kindOf2[b];
    const sa = input.keyString(keys[a]);
    const sb = input.keyString(keys[b]);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  const out = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keys[byKind[i]];
  return out;
}
function groupWeak(input) {
  const m = input.weakRecord.length;
  const rank = new Uint32Array(m);
  const key = new Uint32Array(m);
  for (let w = 0; w < m; w++) {
    rank[w] = input.recordRank[input.weakRecord[w]];
    key[w] = input.weakKey[w];
  }
  const order = radixSortIndices(key, radixSortIndices(rank));
  const keys = new Uint32Array(m);
  const start = new Uint32Array(m + 1);
  const records2 = new Int32Array(m);
  let g = -1;
  let r = 0;
  for (let i = 0; i < m; i++) {
    const w = order[i];
    const record = input.weakRecord[w];
    if (g < 0 || keys[g] !== key[w]) {
      keys[++g] = key[w];
      start[g] = r;
      records2[r++] = record;
    } else if (records2[r - 1] !== record) records2[r++] = record;
  }
  start[g + 1] = r;
  return { keys: keys.slice(0, g + 1), start: start.slice(0, g + 2), records: records2.slice(0, r) };
}
function cacheBits(records2) {
  return Math.max(4, Math.min(16, Math.ceil(Math.log2(Math.max(1, records2) * 4))));
}
var NameTexts = class {
  cache;
  constructor(input, bits) {
    this.cache = new RecentCache((id) => input.nameOf(id), bits);
  }
  get(id) {
    return id < 0 ? "" : this.cache.get(id);
  }
};

// src/cluster/linkParts.ts
var NO_PART = 255;
function planParts(input, config2, parts2) {
  const plan = planLink(input, config2, void 0, parts2 > 1);
  if (parts2 <= 1 || input.overrides !== void 0 || plan.strongOrder.length + plan.weakOrder.length === 0) return plan;
  const parts8 = Math.min(parts2, NO_PART);
  const n = input.recordCount;
  const { memberStart, members } = plan;
  const parent = new Int32Array(n).fill(-1);
  const find = (i) => {
    while (parent[i] >= 0) {
      const p = parent[i];
      if (parent[p] >= 0) parent[i] = parent[p];
      i = p;
    }
    return i;
  };
  const union = (a, b) => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return;
    if (parent[ra] > parent[rb]) [ra, rb] = [rb, ra];
    parent[ra] += parent[rb];
    parent[rb] = ra;
  };
  const { isGeneric, weak } = plan;
  const strong = (k) => proposesLinks(memberStart, isGeneric, k);
  for (let k = 0; k < input.keyCount; k++) {
    if (!strong(k)) continue;
    const first = members[memberStart[k]];
    for (let j = memberStart[k] + 1; j < memberStart[k + 1]; j++) union(first, members[j]);
  }
  const weakAnchor = (g) => {
    const k = weak.keys[g];
    return memberStart[k + 1] > memberStart[k] ? members[memberStart[k]] : weak.records[weak.start[g]];
  };
  for (let g = 0; g < weak.keys.length; g++) {
    if (isGeneric[weak.keys[g]] === 1) continue;
    const anchor = weakAnchor(g);
    for (let j = weak.start[g]; j < weak.start[g + 1]; j++) union(anchor, weak.records[j]);
  }
  const size = (root) => -parent[root];
  const partOfRoot = new Uint8Array(n).fill(NO_PART);
  const load = new Float64Array(parts8);
  const lightest = () => {
    let p = 0;
    for (let q = 1; q < parts8; q++) if (load[q] < load[p]) p = q;
    return p;
  };
  const deal = (root) => {
    const p = lightest();
    partOfRoot[root] = p;
    load[p] += size(root);
  };
  const large = [];
  const bar = Math.max(2, Math.floor(n / (8 * parts8)));
  for (let i = 0; i < n; i++) if (parent[i] <= -bar) large.push(i);
  large.sort((a, b) => size(b) - size(a) || a - b);
  for (const root of large) deal(root);
  for (let i = 0; i < n; i++) if (parent[i] <= -2 && partOfRoot[i] === NO_PART) deal(i);
  const keyPart = new Uint8Array(new SharedArrayBuffer(Math.max(1, input.keyCount))).fill(NO_PART);
  for (let k = 0; k < input.keyCount; k++) if (strong(k)) keyPart[k] = partOfRoot[find(members[memberStart[k]])];
  for (let g = 0; g < weak.keys.length; g++) {
    if (isGeneric[weak.keys[g]] === 0) keyPart[weak.keys[g]] = partOfRoot[find(weakAnchor(g))];
  }
  return { ...plan, parts: parts8, keyPart };
}
function mergePartLogs(logs, collect3) {
  for (let i = 1; i < logs.length; i++) {
    if (logs[i].marks.prefix !== 0) throw new Error("mergePartLogs: only part 0 logs generic keys and overrides");
  }
  const parts2 = logs.map((l) => ({ ...l.entries }));
  const marks = logs.map((l) => l.marks);
  logs.length = 0;
  const total = parts2.reduce((n, e) => n + e.length, 0);
  const from = new Uint8Array(total);
  let w = marks[0].prefix;
  const runAt = new Array(marks.length).fill(0);
  for (; ; ) {
    let best = -1;
    let bestPosition = 0;
    for (let p = 0; p < marks.length; p++) {
      const runs2 = marks[p].runs;
      if (runAt[p] >= runs2.length) continue;
      const position = runs2[runAt[p]];
      if (best === -1 || position < bestPosition) {
        best = p;
        bestPosition = position;
      }
    }
    if (best === -1) break;
    const runs = marks[best].runs;
    let next = Infinity;
    for (let p = 0; p < marks.length; p++) {
      const r = marks[p].runs;
      if (p !== best && runAt[p] < r.length && r[runAt[p]] < next) next = r[runAt[p]];
    }
    let i = runAt[best];
    for (; i < runs.length && runs[i] < next; i += 2) {
      from.fill(best, w, w + runs[i + 1]);
      w += runs[i + 1];
    }
    runAt[best] = i;
  }
  if (w !== total) throw new Error(`mergePartLogs: the runs cover ${w} of ${total} decisions`);
  const into = new EvidenceLog(true);
  const at = new Int32Array(parts2.length);
  const chunkAt = parts2.map((e) => into.adoptReasons(e));
  const whyAt = new Int32Array(parts2.length);
  for (let i = 0; i < total; i++) {
    const p = from[i];
    const j = at[p]++;
    const entry2 = parts2[p].why.entry;
    if (whyAt[p] < entry2.length && entry2[whyAt[p]] === j) into.adoptReason(i, parts2[p], whyAt[p]++, chunkAt[p]);
  }
  function gather(name) {
    const first = parts2[0][name];
    const ctor = first.constructor;
    const out = new ctor(new SharedArrayBuffer(total * ctor.BYTES_PER_ELEMENT));
    const columns = parts2.map((e) => e[name]);
    at.fill(0);
    for (let i = 0; i < total; i++) {
      const p = from[i];
      out[i] = columns[p][at[p]++];
    }
    columns.length = 0;
    for (const e of parts2) e[name] = new ctor(new SharedArrayBuffer(0));
    collect3?.();
    return out;
  }
  into.adoptColumns({ key: gather("key"), recordA: gather("recordA"), recordB: gather("recordB"), outcome: gather("outcome"), weight: gather("weight"), facts: gather("facts") });
  return into;
}

// src/engine/linkInParts.ts
function linkColumnsOf(input, keys, names) {
  const groupNames = [];
  for (let g = 0; g < input.groupExclusive.length; g++) groupNames.push(input.groupName(g));
  return {
    recordCount: input.recordCount,
    keyCount: input.keyCount,
    keyStart: asShared(input.keyStart),
    keyIds: asShared(input.keyIds),
    keyKind: asShared(input.keyKind),
    keyGroup: asShared(input.keyGroup),
    keyHash: asShared(input.keyHash),
    groupExclusive: input.groupExclusive.slice(),
    groupNames,
    recordRank: asShared(input.recordRank),
    recordsByRank: asShared(input.recordsByRank),
    firstName: asShared(input.firstName),
    lastName: asShared(input.lastName),
    attributes: asShared(input.attributes),
    weakRecord: asShared(input.weakRecord),
    weakKey: asShared(input.weakKey),
    keys,
    names
  };
}
function attachPartResult(r) {
  const why = r.entries.why;
  return { marks: r.marks, entries: { ...r.entries, why: { entry: why.entry, text: { ...why.text, chunks: asBuffers(why.text.chunks) } } } };
}

// src/accept/RecordIssue.ts
function issueText(issue) {
  return issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`;
}
function duplicateIdIssue(id) {
  return { code: "duplicate_id", path: "", message: `duplicate id "${id}"` };
}

// src/identity/profileIds.ts
var ID_RANGE_SIZE = 2 ** 40;
function profileIdOfSerial(serial) {
  return `P${serial.toString(36).padStart(8, "0")}`;
}
var BASE36 = Uint8Array.from("0123456789abcdefghijklmnopqrstuvwxyz", (ch) => ch.charCodeAt(0));
function writeProfileId(serial, into, at) {
  into[at++] = 80;
  let digits2 = 0;
  for (let v2 = serial; v2 > 0; v2 = Math.floor(v2 / 36)) digits2++;
  const end = at + Math.max(8, digits2);
  let v = serial;
  for (let j = end - 1; j >= at; j--) {
    const q = Math.floor(v / 36);
    into[j] = BASE36[v - 36 * q];
    v = q;
  }
  return end;
}
function serialOfProfileId(profileId) {
  if (typeof profileId !== "string" || !/^P[0-9a-z]{8,11}$/.test(profileId)) return -1;
  const s = Number.parseInt(profileId.slice(1), 36);
  return Number.isSafeInteger(s) && s > 0 && profileIdOfSerial(s) === profileId ? s : -1;
}
function firstSerialOfRange(r) {
  return r === 0 ? 1 : r * ID_RANGE_SIZE;
}

// src/identity/PreviousRun.ts
var PreviousRun = class {
  /**
   * @param idRange the id range the previous run allocated in (identity/profileIds)
   * @param nextSerial its allocator's next serial
   */
  constructor(idRange = 0, nextSerialIn = firstSerialOfRange(idRange)) {
    this.idRange = idRange;
    this.nextSerialIn = nextSerialIn;
    if (!Number.isInteger(idRange) || idRange < 0) throw new RangeError(`PreviousRun: idRange ${idRange}`);
    if (!Number.isSafeInteger(nextSerialIn) || nextSerialIn < 1) throw new RangeError(`PreviousRun: nextSerial ${nextSerialIn}`);
  }
  ids = new ByteInterner();
  serials = new GrowableArray(Float64Array, 1024);
  /** Two 32-bit halves per record; 0, 0 when unknown (then the record counts as unchanged). */
  fingerprints = new GrowableArray(Uint32Array, 2048);
  maxSerial = 0;
  /** Records of the previous run. */
  get size() {
    return this.ids.size;
  }
  /**
   * The next serial to allocate: the allocator's, and past every serial of the range seen in the records (ids
   * are never reused, even when the allocator state given was stale).
   */
  get nextSerial() {
    return Math.max(this.nextSerialIn, this.maxSerial + 1);
  }
  /**
   * Adds a record of the previous run. Returns a reason when it cannot be one: a profile id that is not `P` +
   * base 36, or a record id given twice.
   */
  add(recordId, profileId, fingerprintHi = 0, fingerprintLo = 0) {
    const serial = serialOfProfileId(profileId);
    if (serial < 0) return `profile id "${profileId.slice(0, 40)}" is not one of idweave's (P + base 36)`;
    const before = this.ids.size;
    this.ids.intern(recordId);
    if (this.ids.size === before) return `record id "${recordId.slice(0, 80)}" appears twice`;
    this.serials.push(serial);
    this.fingerprints.push(fingerprintHi >>> 0);
    this.fingerprints.push(fingerprintLo >>> 0);
    if (Math.floor(serial / ID_RANGE_SIZE) === this.idRange && serial > this.maxSerial) this.maxSerial = serial;
    return void 0;
  }
  recordId(k) {
    return this.ids.keyOf(k);
  }
  serial(k) {
    return this.serials.get(k);
  }
  fingerprintHi(k) {
    return this.fingerprints.get(2 * k);
  }
  fingerprintLo(k) {
    return this.fingerprints.get(2 * k + 1);
  }
};

// src/identity/succession.ts
function succeed(input, allocate) {
  const { n, root, oldProfile, oldSerials } = input;
  const P = oldSerials.length;
  const oldStart = new Int32Array(P + 1);
  for (let i = 0; i < n; i++) if (oldProfile[i] >= 0) oldStart[oldProfile[i] + 1]++;
  for (let p = 0; p < P; p++) oldStart[p + 1] += oldStart[p];
  const oldMembers = new Int32Array(oldStart[P]);
  const fill = oldStart.slice(0, P);
  for (let i = 0; i < n; i++) if (oldProfile[i] >= 0) oldMembers[fill[oldProfile[i]]++] = i;
  const heir = new Int32Array(P).fill(-1);
  const count = new Int32Array(n);
  const minOfPart = new Int32Array(n).fill(-1);
  const touched = [];
  for (let p = 0; p < P; p++) {
    for (let j = oldStart[p]; j < oldStart[p + 1]; j++) {
      const i = oldMembers[j];
      const c2 = root[i];
      if (count[c2] === 0) touched.push(c2);
      count[c2]++;
      if (minOfPart[c2] === -1 || input.compare(i, minOfPart[c2]) < 0) minOfPart[c2] = i;
    }
    let best = -1;
    for (const c2 of touched) {
      if (best === -1 || count[c2] > count[best] || count[c2] === count[best] && input.compare(minOfPart[c2], minOfPart[best]) < 0) best = c2;
    }
    heir[p] = best;
    for (const c2 of touched) {
      count[c2] = 0;
      minOfPart[c2] = -1;
    }
    touched.length = 0;
  }
  const serialOfRoot = new Float64Array(n).fill(Number.NaN);
  for (let p = 0; p < P; p++) {
    const c2 = heir[p];
    if (c2 < 0) continue;
    const s = oldSerials[p];
    if (!(serialOfRoot[c2] <= s)) serialOfRoot[c2] = s;
  }
  const retired = [];
  for (let p = 0; p < P; p++) {
    const c2 = heir[p];
    if (c2 < 0 || serialOfRoot[c2] !== oldSerials[p]) retired.push(oldSerials[p]);
  }
  retired.sort((a, b) => a - b);
  const smallest = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const c2 = root[i];
    if (smallest[c2] === -1 || input.compare(i, smallest[c2]) < 0) smallest[c2] = i;
  }
  let freshCount = 0;
  let inheritedCount = 0;
  for (let c2 = 0; c2 < n; c2++) {
    if (root[c2] !== c2) continue;
    if (Number.isNaN(serialOfRoot[c2])) freshCount++;
    else inheritedCount++;
  }
  const freshRoots = new Uint32Array(freshCount);
  const freshHash = new Uint32Array(freshCount);
  const inherited = new Int32Array(inheritedCount);
  for (let c2 = 0, f = 0, h = 0; c2 < n; c2++) {
    if (root[c2] !== c2) continue;
    if (Number.isNaN(serialOfRoot[c2])) {
      freshRoots[f] = c2;
      freshHash[f++] = input.hash(smallest[c2]);
    } else inherited[h++] = c2;
  }
  const order = radixSortIndices(freshHash);
  breakTies(order, freshHash, (a, b) => input.compare(smallest[freshRoots[a]], smallest[freshRoots[b]]));
  inherited.sort((a, b) => serialOfRoot[a] - serialOfRoot[b]);
  const rootsBySerial = new Int32Array(freshCount + inheritedCount);
  rootsBySerial.set(inherited);
  for (let k = 0; k < freshCount; k++) {
    const c2 = freshRoots[order[k]];
    serialOfRoot[c2] = allocate();
    rootsBySerial[inheritedCount + k] = c2;
  }
  if (inheritedCount > 0 && freshCount > 0 && serialOfRoot[rootsBySerial[inheritedCount]] < serialOfRoot[rootsBySerial[inheritedCount - 1]]) {
    rootsBySerial.sort((a, b) => serialOfRoot[a] - serialOfRoot[b]);
  }
  return { serialOfRoot, rootsBySerial, retired, fresh: freshCount, heir };
}
function* successionEvents(input, s, clusters, idOf = profileIdOfSerial) {
  const parts2 = successionParts(input, s, clusters, idOf);
  yield* eventsBefore(parts2);
  yield* eventsCreated(parts2);
  yield* eventsAfter(parts2);
}
function heldFlags(input, s) {
  const { n, root, oldProfile, oldSerials } = input;
  const inherited = new Uint8Array(n);
  for (let p = 0; p < oldSerials.length; p++) if (s.heir[p] >= 0) inherited[s.heir[p]] = 1;
  const holdsOld = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (oldProfile[i] >= 0) holdsOld[root[i]] = 1;
  return { inherited, holdsOld };
}
function createdProfiles(input, s) {
  const { inherited, holdsOld } = heldFlags(input, s);
  const out = new Uint8Array(s.rootsBySerial.length);
  for (let k = 0; k < out.length; k++) {
    const c2 = s.rootsBySerial[k];
    if (inherited[c2] === 0 && holdsOld[c2] === 0) out[k] = 1;
  }
  return out;
}
function successionParts(input, s, clusters, idOf = profileIdOfSerial) {
  const { oldSerials } = input;
  const { inherited, holdsOld } = heldFlags(input, s);
  const oldBySerial = Int32Array.from({ length: oldSerials.length }, (_, p) => p).sort((a, b) => oldSerials[a] - oldSerials[b]);
  return { input, s, clusters, idOf, inherited, holdsOld, oldBySerial };
}
var sortIds = (ids) => ids.sort(compareStrings);
function* eventsBefore(parts2) {
  const { input, s, idOf, inherited, oldBySerial } = parts2;
  const { n, root, oldProfile, oldSerials } = input;
  const { heir, serialOfRoot } = s;
  const partsOf = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) {
    const p = oldProfile[i];
    if (p < 0) continue;
    const c2 = root[i];
    if (c2 === heir[p] || inherited[c2] === 1) continue;
    let list = partsOf.get(p);
    if (!list) partsOf.set(p, list = []);
    if (!list.includes(c2)) list.push(c2);
  }
  for (const p of oldBySerial) {
    const list = partsOf.get(p);
    if (!list) continue;
    const newIds = list.map((c2) => serialOfRoot[c2]).sort((a, b) => a - b).map(idOf);
    yield { type: "split", profileId: idOf(oldSerials[p]), newIds };
  }
  const heirsOf = /* @__PURE__ */ new Map();
  for (let p = 0; p < oldSerials.length; p++) {
    const c2 = heir[p];
    if (c2 < 0 || oldSerials[p] === serialOfRoot[c2]) continue;
    const list = heirsOf.get(c2);
    if (list) list.push(oldSerials[p]);
    else heirsOf.set(c2, [oldSerials[p]]);
  }
  for (const c2 of s.rootsBySerial) {
    const merged = heirsOf.get(c2);
    if (merged) yield { type: "merged", profileId: idOf(serialOfRoot[c2]), mergedIds: merged.sort((a, b) => a - b).map(idOf) };
  }
}
function* eventsCreated(parts2) {
  const { input, s, clusters, idOf, inherited, holdsOld } = parts2;
  for (let k = 0; k < s.rootsBySerial.length; k++) {
    const c2 = s.rootsBySerial[k];
    if (inherited[c2] === 1 || holdsOld[c2] === 1) continue;
    const ids = [];
    for (let j = clusters.start[k]; j < clusters.start[k + 1]; j++) ids.push(input.recordId(clusters.members[j]));
    yield { type: "created", profileId: idOf(s.serialOfRoot[c2]), recordIds: sortIds(ids) };
  }
}
function* eventsAfter(parts2) {
  const { input, s, clusters, idOf, inherited, holdsOld, oldBySerial } = parts2;
  const { n, root, oldProfile, oldSerials } = input;
  const { heir, serialOfRoot } = s;
  const fresh = (c2) => inherited[c2] === 0;
  for (let k = 0; k < s.rootsBySerial.length; k++) {
    const c2 = s.rootsBySerial[k];
    if (fresh(c2) && holdsOld[c2] === 0) continue;
    const ids = [];
    for (let j = clusters.start[k]; j < clusters.start[k + 1]; j++) {
      const i = clusters.members[j];
      const p = oldProfile[i];
      if (p < 0 || !fresh(c2) && heir[p] !== c2) ids.push(input.recordId(i));
    }
    if (ids.length > 0) yield { type: "joined", profileId: idOf(serialOfRoot[c2]), recordIds: sortIds(ids) };
  }
  const position = new Int32Array(n);
  for (let k = 0; k < s.rootsBySerial.length; k++) position[s.rootsBySerial[k]] = k;
  const K = s.rootsBySerial.length;
  const start = new Int32Array(K + 1);
  const updateOf = (i) => {
    const p = oldProfile[i];
    if (p < 0) return -1;
    const h = heir[p];
    if (root[i] !== h) return fresh(root[i]) ? -1 : position[h];
    return input.changed?.[i] === 1 ? position[h] : -1;
  };
  const removedAt = (k) => {
    const h = heir[input.removedProfile[k]];
    return h >= 0 && input.removedId(k) !== void 0 ? position[h] : -1;
  };
  for (let i = 0; i < n; i++) {
    const at = updateOf(i);
    if (at >= 0) start[at + 1]++;
  }
  for (let k = 0; k < input.removedProfile.length; k++) {
    const at = removedAt(k);
    if (at >= 0) start[at + 1]++;
  }
  for (let k = 0; k < K; k++) start[k + 1] += start[k];
  const refs = new Int32Array(start[K]);
  const fill = start.slice(0, K);
  for (let i = 0; i < n; i++) {
    const at = updateOf(i);
    if (at >= 0) refs[fill[at]++] = i;
  }
  for (let k = 0; k < input.removedProfile.length; k++) {
    const at = removedAt(k);
    if (at >= 0) refs[fill[at]++] = -(k + 1);
  }
  for (let k = 0; k < K; k++) {
    if (start[k] === start[k + 1]) continue;
    const ids = [];
    for (let j = start[k]; j < start[k + 1]; j++) ids.push(refs[j] >= 0 ? input.recordId(refs[j]) : input.removedId(-refs[j] - 1));
    yield { type: "updated", profileId: idOf(serialOfRoot[s.rootsBySerial[k]]), recordIds: sortIds(ids) };
  }
  for (const p of oldBySerial) if (heir[p] === -1) yield { type: "deleted", profileId: idOf(oldSerials[p]) };
}

// src/engine/linkConfigOf.ts
function linkConfigOf(o) {
  return {
    generic: o.generic,
    shareableEnabled: o.shareable !== false,
    shareableKinds: o.shareable === false ? 0 : o.shareable.kinds.reduce((bits, k) => bits | 1 << KIND[k], 0),
    minNameSimilarity: o.shareable === false ? 0 : o.shareable.minNameSimilarity,
    maxClusterSize: o.maxClusterSize
  };
}
function isExclusiveGroup(group, o) {
  const kind = group.startsWith("l:") ? "login" : group.startsWith("h:") ? "handle" : "externalId";
  return o.exclusiveKinds.includes(kind);
}

// src/engine/linkEvidenceAt.ts
function linkEvidenceAt(ev, i, recordId, keyString) {
  const outcome = ev.outcome.get(i);
  const keyId = ev.key.get(i);
  if (keyId === OVERRIDE_KEY) return overrideEvidenceAt(ev, i, recordId);
  const { kind, value } = describeKey(keyString(keyId));
  const guard = GUARD_OF_OUTCOME[outcome];
  const why = ev.whyOf(i);
  const weight = ev.weight.get(i);
  const weighed = !Number.isNaN(weight);
  const e = {
    recordA: recordId(ev.recordA.get(i)),
    recordB: recordId(ev.recordB.get(i)),
    // Weak evidence through an email is a typo-corrected address; a weak phone keeps its kind.
    kind: (outcome === OUTCOME.acceptedFuzzy || outcome === OUTCOME.fuzzy) && kind === "email" ? "fuzzyEmail" : kind,
    key: readableKeyOf(kind, value),
    accepted: isAcceptedOutcome(outcome)
  };
  if (guard) e.guard = guard;
  if (why) e.why = why;
  if (weighed) {
    e.weight = Math.round(weight * 100) / 100;
    e.parts = weightParts(unpackFacts(ev.facts.get(i), KIND[kind], weight));
  }
  return e;
}
function overrideEvidenceAt(ev, i, recordId) {
  const outcome = ev.outcome.get(i);
  const guard = GUARD_OF_OUTCOME[outcome];
  const why = ev.whyOf(i);
  const e = {
    recordA: recordId(ev.recordA.get(i)),
    recordB: recordId(ev.recordB.get(i)),
    kind: "override",
    key: OVERRIDE_ALWAYS_KEY,
    accepted: outcome === OUTCOME.accepted
  };
  if (guard) e.guard = guard;
  if (why) e.why = why;
  return e;
}
var OVERRIDE_ALWAYS_KEY = "override:always";
function readableKey(key) {
  const { kind, value } = describeKey(key);
  return readableKeyOf(kind, value);
}
function readableKeyOf(kind, value) {
  return `${kind}:${value}`;
}

// src/engine/linkOrder.ts
function linkOrder(ids, records2) {
  const hashes = ids.hashView();
  const compare = (a, b) => ids.compare(a, b);
  if (records2 !== void 0 && records2.length < RADIX_FROM) {
    return Uint32Array.from(records2).sort((a, b) => hashes[a] - hashes[b] || compare(a, b));
  }
  const sorted = radixSortIndices(hashes, records2 === void 0 ? void 0 : Uint32Array.from(records2));
  breakTies(sorted, hashes, compare);
  return sorted;
}
var RADIX_FROM = 1 << 14;

// src/engine/memberRecord.ts
function memberRecordOf(recordId, source, updatedAt, keyIds, from, to, keyText, payload, memo) {
  const identifiers = [];
  for (let j = from; j < to; j++) {
    const k = keyIds[j];
    let id = memo?.get(k);
    if (id === void 0) {
      id = describeKey(keyText(k));
      memo?.set(k, id);
    }
    identifiers.push(id);
  }
  return { recordId, source, updatedAt, identifiers, fields: JSON.parse(payload) };
}

// src/engine/RecordTable.ts
var RecordTable = class {
  constructor(options, shared) {
    this.options = options;
    const i32 = () => shared ? new Int32Array(new SharedArrayBuffer(4 * 1024)) : new Int32Array(1024);
    this.keyKind = shared ? new Uint8Array(new SharedArrayBuffer(1024)) : new Uint8Array(1024);
    this.keyGroup = i32();
    this.firstName = i32();
    this.lastName = i32();
    this.attributes = i32();
    this.sourceOf = i32();
    this.updatedAt = shared ? new Float64Array(new SharedArrayBuffer(8 * 1024)) : new Float64Array(1024);
    this.payloads = new PayloadStore(shared);
  }
  ids = new ByteInterner();
  keys = new ByteInterner();
  names = new ByteInterner();
  sources = new ByteInterner();
  groups = new ByteInterner();
  groupExclusive = new Uint8Array(16);
  // Per key (index = key id).
  keyKind;
  keyGroup;
  // Per record (index = id index).
  firstName;
  lastName;
  attributes;
  sourceOf;
  updatedAt;
  payloads;
  // ---------------------------------------------------------------------------------------------------------
  // Keys
  /** The id of `key`, interned with its kind and group (`''` for none) when new. */
  internKey(key, kind, group) {
    const before = this.keys.size;
    const id = this.keys.intern(key);
    if (id === before) this.keyAdded(id, kind, group === "" ? -1 : this.groupId(group));
    return id;
  }
  /**
   * Reads ahead what interning the next `records` records of `ahead` will read (`ByteInterner.warm`): their ids',
   * keys' and names' home slots and the entries there. `ahead` moves on by those records. perf: the apply step of
   * a 5M-row read spent ~16 s of the main thread in interning, mostly waiting on misses into tables of millions
   * of entries; a chunk's records are known before they are interned, so their misses can overlap.
   */
  warmInterning(ahead, records2) {
    if (this.warmScratch === void 0 || this.warmScratch.ids.length < records2) {
      this.warmScratch = { ids: new Uint32Array(records2), keys: new Uint32Array(16 * records2), names: new Uint32Array(3 * records2), found: new Int32Array(16 * records2) };
    }
    const w = this.warmScratch;
    const hash = ahead.chunk.strHash;
    let ids = 0;
    let keys = 0;
    let names = 0;
    for (let r = 0; r < records2 && ahead.next(); r++) {
      w.ids[ids++] = hash[ahead.id];
      for (let k = 0; k < ahead.keyCount && keys < w.keys.length; k++) w.keys[keys++] = hash[ahead.keyRef(k)];
      if (ahead.first !== -1) w.names[names++] = hash[ahead.first];
      if (ahead.last !== -1) w.names[names++] = hash[ahead.last];
      if (ahead.attributes !== -1) w.names[names++] = hash[ahead.attributes];
    }
    this.warmSink += this.ids.warm(w.ids, ids, w.found) + this.keys.warm(w.keys, keys, w.found) + this.names.warm(w.names, names, w.found);
  }
  warmScratch;
  /** What `warmInterning` read, summed (kept so that its reads cannot be optimized away). */
  warmSink = 0;
  /** The id of strong key `k` of the cursor's record, interned with its kind and group when new. */
  internKeyRef(rec, k) {
    const c2 = rec.chunk;
    const ref = rec.keyRef(k);
    const before = this.keys.size;
    const id = this.keys.internBytes(c2.bytes, c2.strStart[ref], c2.strLen[ref], c2.strHash[ref]);
    if (id === before) {
      const g = rec.keyGroup(k);
      this.keyAdded(id, rec.keyKind(k), g === -1 ? -1 : this.groupIdBytes(c2.bytes, c2.strStart[g], c2.strLen[g], c2.strHash[g]));
    }
    return id;
  }
  /** The id of weak key `k` of the cursor's record (its kind from its prefix; weak keys have no group). */
  internWeakRef(rec, k) {
    const c2 = rec.chunk;
    const ref = rec.weakRef(k);
    const at = c2.strStart[ref];
    const before = this.keys.size;
    const id = this.keys.internBytes(c2.bytes, at, c2.strLen[ref], c2.strHash[ref]);
    if (id === before) this.keyAdded(id, kindOfKeyPrefix(c2.bytes[at]), -1);
    return id;
  }
  /**
   * Appends a key (UTF-8 bytes `src[start, start + length)`, `fnv1aBytes` hash `hash`) of a table known to hold
   * each key once, without a lookup (`ByteInterner.append`; restoring a snapshot); `group` is a `groupId`, -1 for none.
   */
  appendKey(src, start, length, hash, kind, group) {
    const id = this.keys.append(src, start, length, hash);
    this.keyAdded(id, kind, group);
    return id;
  }
  /** The id of a namespace group (`x:loyalty`), interned with its exclusivity when new. */
  groupId(group) {
    const before = this.groups.size;
    return this.groupAdded(this.groups.intern(group), before);
  }
  groupIdBytes(src, start, length, hash) {
    const before = this.groups.size;
    return this.groupAdded(this.groups.internBytes(src, start, length, hash), before);
  }
  groupAdded(g, before) {
    if (g === before) {
      this.groupExclusive = grow(this.groupExclusive, g + 1);
      this.groupExclusive[g] = isExclusiveGroup(this.groups.keyOf(g), this.options) ? 1 : 0;
    }
    return g;
  }
  /** Sets the columns of a key just interned; a subclass keeping more per key extends it. */
  keyAdded(id, kind, group) {
    if (id >= this.keyKind.length) this.growKeys(id + 1);
    this.keyKind[id] = kind;
    this.keyGroup[id] = group;
  }
  /** Room for keys below `min` (`exact`: a size known up front); a subclass keeping more per key extends it. */
  growKeys(min, exact = false) {
    this.keyKind = grow(this.keyKind, min, exact);
    this.keyGroup = grow(this.keyGroup, min, exact);
  }
  // ---------------------------------------------------------------------------------------------------------
  // Records
  /**
   * Writes record r's fields from the cursor's record: names, attributes and source interned from the chunk's
   * bytes, update time and payload.
   */
  writeFields(r, rec) {
    const c2 = rec.chunk;
    const source = rec.source === -1 ? -1 : this.sources.internBytes(c2.bytes, c2.strStart[rec.source], c2.strLen[rec.source], c2.strHash[rec.source]);
    this.setFields(r, this.nameRef(c2, rec.first), this.nameRef(c2, rec.last), this.nameRef(c2, rec.attributes), source, rec.updatedAt);
    this.payloads.setBytes(r, c2.bytes, c2.strStart[rec.payload], c2.strLen[rec.payload]);
  }
  /** The name id of a chunk's string ref (-1 for none). */
  nameRef(c2, ref) {
    return ref === -1 ? -1 : this.names.internBytes(c2.bytes, c2.strStart[ref], c2.strLen[ref], c2.strHash[ref]);
  }
  /** Writes record r's fields, already interned (ids; -1 for none); its payload is stored apart. */
  setFields(r, first, last, attributes, source, updatedAt) {
    if (r >= this.firstName.length) this.growRecords(r + 1);
    this.firstName[r] = first;
    this.lastName[r] = last;
    this.attributes[r] = attributes;
    this.sourceOf[r] = source;
    this.updatedAt[r] = updatedAt;
  }
  /**
   * Room for `records` records and their payloads, exactly (an estimate known up front: `ResolutionBatch.reserveMore`).
   * Room that is never written costs address space, not memory: the columns are zeroed lazily by the system. The
   * id table is left to grow: it fills at random, so room reserved in it is memory.
   */
  reserveRecords(records2) {
    this.ids.reserveEntryArrays(records2);
    if (records2 > this.firstName.length) this.growRecords(records2, true);
    this.payloads.reserve(records2);
  }
  /** Room for records below `min` (`exact`: a size known up front); a subclass keeping more per record extends it. */
  growRecords(min, exact = false) {
    this.firstName = grow(this.firstName, min, exact);
    this.lastName = grow(this.lastName, min, exact);
    this.attributes = grow(this.attributes, min, exact);
    this.sourceOf = grow(this.sourceOf, min, exact);
    this.updatedAt = grow(this.updatedAt, min, exact);
  }
  keyText = (k) => this.keys.keyOf(k);
  /** The JSON payload (names and attributes) of record r. */
  payloadOf(r) {
    return this.payloads.get(r);
  }
  /** Record r as profile building reads it, with its strong keys `keyIds[from, to)`. */
  memberRecord(r, keyIds, from, to, memo) {
    const s = this.sourceOf[r];
    return memberRecordOf(this.ids.keyOf(r), s === -1 ? void 0 : this.sources.keyOf(s), this.updatedAt[r], keyIds, from, to, this.keyText, this.payloadOf(r), memo);
  }
  // ---------------------------------------------------------------------------------------------------------
  // Linking
  /**
   * The linker's input (`cluster/LinkInput`) over records of this table: the one assembly, whichever path links.
   * `keys` are the records' key lists in the input's numbering. Without `part`, the input is every record under
   * its own index and every key under its own id (the batch), ordered by `linkOrder`. With `part`, it is the
   * records `part.records` (table indices, already in link order: record i of the input is `part.records[i]`)
   * holding the keys `part.keys` (key l of the input is table key `part.keys[l]`): one component (the resolver).
   */
  linkInputOf(keys, overrides, part) {
    if (part === void 0) {
      const n2 = this.ids.size;
      const m2 = this.keys.size;
      const recordsByRank = toShared(linkOrder(this.ids));
      const recordRank = new Uint32Array(new SharedArrayBuffer(4 * n2));
      for (let r = 0; r < n2; r++) recordRank[recordsByRank[r]] = r;
      return this.linkInput(keys, overrides, n2, m2, this.keyKind.subarray(0, m2), this.keyGroup.subarray(0, m2), this.keys.hashView(), (k) => this.keys.keyOf(k), recordRank, recordsByRank, this.firstName.subarray(0, n2), this.lastName.subarray(0, n2), this.attributes.subarray(0, n2));
    }
    const { records: records2, keys: local } = part;
    const n = records2.length;
    const m = local.length;
    const rank = new Uint32Array(n);
    const firstName = new Int32Array(n);
    const lastName = new Int32Array(n);
    const attributes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = records2[i];
      rank[i] = i;
      firstName[i] = this.firstName[r];
      lastName[i] = this.lastName[r];
      attributes[i] = this.attributes[r];
    }
    const keyKind = new Uint8Array(m);
    const keyGroup = new Int32Array(m);
    const keyHash = new Uint32Array(m);
    for (let l = 0; l < m; l++) {
      const k = local[l];
      keyKind[l] = this.keyKind[k];
      keyGroup[l] = this.keyGroup[k];
      keyHash[l] = this.keys.hashOf(k);
    }
    return this.linkInput(keys, overrides, n, m, keyKind, keyGroup, keyHash, (k) => this.keys.keyOf(local[k]), rank, rank, firstName, lastName, attributes);
  }
  /** The one literal of a link input (perf: one object shape, built without spreads, for every caller). */
  linkInput(keys, overrides, recordCount, keyCount, keyKind, keyGroup, keyHash, keyString, recordRank, recordsByRank, firstName, lastName, attributes) {
    return {
      recordCount,
      keyStart: keys.keyStart,
      keyIds: keys.keyIds,
      keyCount,
      keyKind,
      keyGroup,
      groupExclusive: this.groupExclusive.subarray(0, this.groups.size),
      groupName: (g) => this.groups.keyOf(g),
      keyString,
      keyHash,
      recordRank,
      recordsByRank,
      firstName,
      lastName,
      attributes,
      nameOf: (id) => this.names.keyOf(id),
      weakRecord: keys.weakRecord,
      weakKey: keys.weakKey,
      overrides
    };
  }
};

// src/engine/PreparedChunk.ts
var PreparedChunkWriter = class {
  ints;
  nInts = 0;
  updated;
  fingerprints;
  bytes;
  nBytes = 0;
  strStart;
  strLen;
  strHash;
  nStr = 0;
  records = 0;
  /** Where the text being written in pieces starts (`openText`). */
  textStart = 0;
  // perf: a piece's rows mostly repeat a handful of sources and groups; their refs are reused.
  repeated = /* @__PURE__ */ new Map();
  rejects = [];
  /** `records`: about how many records the chunk will hold (a piece of a file: thousands; `add()`: one). */
  constructor(records2 = 1024) {
    this.ints = new Int32Array(16 * records2);
    this.updated = new Float64Array(records2);
    this.fingerprints = new Uint32Array(2 * records2);
    this.bytes = Buffer.allocUnsafe(256 * records2);
    const strings = 4 * records2;
    this.strStart = new Uint32Array(strings);
    this.strLen = new Uint32Array(strings);
    this.strHash = new Uint32Array(strings);
  }
  /** Empties the writer for the next chunk (its buffers are kept: `finish` hands out copies). */
  reset() {
    this.nInts = 0;
    this.nBytes = 0;
    this.nStr = 0;
    this.records = 0;
    this.repeated.clear();
    this.rejects = [];
  }
  /**
   * Appends one prepared record (strings as they are; '' for none). `payload`: the ref of its payload's text
   * (`text`, or `openText` … `endText`), -1 for none.
   */
  record(row, updatedAt, id, first, last, attributes, source, payload, keys) {
    if (this.records === this.updated.length) {
      this.updated = grow(this.updated, this.records + 1);
      this.fingerprints = grow(this.fingerprints, 2 * this.updated.length, true);
    }
    const r = this.records++;
    this.updated[r] = updatedAt;
    this.int(row);
    this.str(id);
    const fields = this.nInts;
    this.str(first);
    this.str(last);
    this.str(attributes);
    this.repeatedStr(source);
    this.int(payload);
    this.int(keys.count);
    for (let i = 0; i < keys.count; i++) {
      this.str(keys.keys[i]);
      this.int(keys.kinds[i]);
      this.repeatedStr(keys.groups[i]);
    }
    this.int(keys.weakCount);
    for (let i = 0; i < keys.weakCount; i++) this.str(keys.weak[i]);
    this.fingerprint(r, fields, updatedAt);
  }
  /**
   * Record r's content fingerprint: 64 bits of hash over everything that decides its links and its profile fields
   * (payload, keys, weak keys, names, attributes, source, update time), from the hashes of the strings just
   * written (`fields`: where its first name's ref is in `ints`). Equal fingerprints mean an unchanged record
   * between runs (`fingerprints.bin`); written here, where the strings' hashes are at hand, so the batch's main
   * thread does not read them back after linking (perf: ~16 s at 20M rows, one thread).
   */
  fingerprint(r, fields, updatedAt) {
    const ints = this.ints;
    const hashes = this.strHash;
    const first = ints[fields];
    const last = ints[fields + 1];
    const attributes = ints[fields + 2];
    const source = ints[fields + 3];
    const payload = ints[fields + 4];
    let p = fields + 5;
    const h = FOLD;
    h[0] = payload === -1 ? 2166136261 : fnv1aBytes(this.bytes, this.strStart[payload], this.strStart[payload] + this.strLen[payload]);
    h[1] = h[0] ^ 2654435769;
    const keyCount = ints[p++];
    for (let k = 0; k < keyCount; k++, p += 3) fold2(h, hashes[ints[p]]);
    fold2(h, 24301);
    const weakCount = ints[p++];
    for (let k = 0; k < weakCount; k++) fold2(h, hashes[ints[p++]]);
    fold2(h, first < 0 ? 1 : hashes[first]);
    fold2(h, last < 0 ? 2 : hashes[last]);
    fold2(h, attributes < 0 ? 3 : hashes[attributes]);
    fold2(h, source < 0 ? 4 : hashes[source]);
    TIME[0] = updatedAt;
    fold2(h, TIME_BITS[0]);
    fold2(h, TIME_BITS[1]);
    this.fingerprints[2 * r] = h[0] || 1;
    this.fingerprints[2 * r + 1] = h[1];
  }
  int(v) {
    if (this.nInts === this.ints.length) this.ints = grow(this.ints, this.nInts + 1);
    this.ints[this.nInts++] = v;
  }
  /** Appends a string ref ('' → -1). */
  str(s) {
    this.int(s === "" ? -1 : this.addString(s));
  }
  /** Appends a string ref, sharing one copy of strings that repeat across records (sources, groups). */
  repeatedStr(s) {
    if (s === "") return this.int(-1);
    let ref = this.repeated.get(s);
    if (ref === void 0) this.repeated.set(s, ref = this.addString(s));
    this.int(ref);
  }
  /**
   * The chunk as written so far, over the writer's own buffers (no copy; valid until the next `reset` or
   * record). perf: the resolver prepares one record per `add()`, and six fresh ArrayBuffers per call (`finish`)
   * made V8 collect garbage far more often: loading 1M records took twice as long.
   */
  view(rows2, invalidUpdatedAt, stats) {
    return {
      records: this.records,
      ints: this.ints.subarray(0, this.nInts),
      updatedAt: this.updated.subarray(0, this.records),
      fingerprints: this.fingerprints.subarray(0, 2 * this.records),
      bytes: this.bytes.subarray(0, this.nBytes),
      strStart: this.strStart.subarray(0, this.nStr),
      strLen: this.strLen.subarray(0, this.nStr),
      strHash: this.strHash.subarray(0, this.nStr),
      rejects: this.rejects,
      rows: rows2,
      invalidUpdatedAt,
      stats,
      multiLineRows: 0,
      fieldNames: []
    };
  }
  finish(rows2, invalidUpdatedAt, stats, multiLineRows = 0, fieldNames = []) {
    return {
      records: this.records,
      ints: this.ints.slice(0, this.nInts),
      updatedAt: this.updated.slice(0, this.records),
      fingerprints: this.fingerprints.slice(0, 2 * this.records),
      bytes: new Uint8Array(this.bytes.subarray(0, this.nBytes)),
      strStart: this.strStart.slice(0, this.nStr),
      strLen: this.strLen.slice(0, this.nStr),
      strHash: this.strHash.slice(0, this.nStr),
      rejects: this.rejects,
      rows: rows2,
      invalidUpdatedAt,
      stats,
      multiLineRows,
      fieldNames
    };
  }
  /** Stores `s` as a text (never interned, see `addText`): its ref for `record`, -1 for ''. */
  text(s) {
    return s === "" ? -1 : this.addText(s);
  }
  /**
   * Opens a text written in pieces (`textAscii`, `textJsonString`) and closed by `endText`, which returns its ref.
   * perf: a record's payload JSON is written this way, straight into the chunk's bytes: building its string first
   * cost ~1 µs of ~7.5 a row in the read's workers.
   */
  openText() {
    this.textStart = this.nBytes;
  }
  /** Appends `s`, which must be ASCII (JSON punctuation, field names, numbers), to the open text. */
  textAscii(s) {
    this.reserve(s.length);
    const bytes = this.bytes;
    const at = this.nBytes;
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
    this.nBytes = at + s.length;
  }
  /** Appends `JSON.stringify(s)` as UTF-8 to the open text. */
  textJsonString(s) {
    this.reserve(s.length + 2);
    const bytes = this.bytes;
    const at = this.nBytes;
    bytes[at] = 34;
    for (let i = 0; i < s.length; i++) {
      const c2 = s.charCodeAt(i);
      if (c2 < 32 || c2 > 126 || c2 === 34 || c2 === 92) {
        const quoted = JSON.stringify(s);
        this.reserve(quoted.length * 3);
        this.nBytes = at + this.bytes.write(quoted, at, "utf8");
        return;
      }
      bytes[at + 1 + i] = c2;
    }
    bytes[at + 1 + s.length] = 34;
    this.nBytes = at + s.length + 2;
  }
  /** Closes the open text: its ref. */
  endText() {
    const at = this.textStart;
    const len = this.nBytes - at;
    this.nBytes = at;
    return this.pushString(at, len, 0);
  }
  /**
   * Appends a string that is stored, never interned: its hash is left 0 (`text`: a payload on the general path,
   * `writePayload`'s fallback).
   */
  addText(s) {
    this.reserve(s.length * 3);
    const bytes = this.bytes;
    const at = this.nBytes;
    let len = s.length;
    for (let i = 0; i < len; i++) {
      const c2 = s.charCodeAt(i);
      if (c2 >= 128) {
        len = bytes.write(s, at, "utf8");
        break;
      }
      bytes[at + i] = c2;
    }
    return this.pushString(at, len, 0);
  }
  addString(s) {
    this.reserve(s.length * 3);
    const bytes = this.bytes;
    const at = this.nBytes;
    let len = s.length;
    let h = 2166136261;
    for (let i = 0; i < len; i++) {
      const c2 = s.charCodeAt(i);
      if (c2 >= 128) {
        len = -1;
        break;
      }
      bytes[at + i] = c2;
      h = Math.imul(h ^ c2, 16777619);
    }
    if (len === -1) {
      len = bytes.write(s, at, "utf8");
      h = fnv1aBytes(bytes, at, at + len);
    }
    return this.pushString(at, len, h >>> 0);
  }
  /** Room for `n` more bytes. */
  reserve(n) {
    if (this.nBytes + n <= this.bytes.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.nBytes + n));
    this.bytes.copy(next, 0, 0, this.nBytes);
    this.bytes = next;
  }
  /** Records the string of `len` bytes just written at `at`; returns its ref. */
  pushString(at, len, hash) {
    if (this.nStr === this.strStart.length) {
      this.strStart = grow(this.strStart, this.nStr + 1);
      this.strLen = grow(this.strLen, this.nStr + 1);
      this.strHash = grow(this.strHash, this.nStr + 1);
    }
    this.strStart[this.nStr] = at;
    this.strLen[this.nStr] = len;
    this.strHash[this.nStr] = hash;
    this.nBytes += len;
    return this.nStr++;
  }
};
var PreparedRecordCursor = class {
  constructor(chunk) {
    this.chunk = chunk;
  }
  p = 0;
  r = -1;
  row = 0;
  id = -1;
  first = -1;
  last = -1;
  attributes = -1;
  source = -1;
  payload = -1;
  keyCount = 0;
  weakCount = 0;
  keysAt = 0;
  weakAt = 0;
  /** Moves to the next record; false after the last. */
  next() {
    const c2 = this.chunk;
    if (this.r + 1 >= c2.records) return false;
    if (this.r >= 0) this.p = this.weakAt + this.weakCount;
    this.r++;
    const ints = c2.ints;
    let p = this.p;
    this.row = ints[p++];
    this.id = ints[p++];
    this.first = ints[p++];
    this.last = ints[p++];
    this.attributes = ints[p++];
    this.source = ints[p++];
    this.payload = ints[p++];
    this.keyCount = ints[p++];
    this.keysAt = p;
    p += 3 * this.keyCount;
    this.weakCount = ints[p++];
    this.weakAt = p;
    return true;
  }
  get updatedAt() {
    return this.chunk.updatedAt[this.r];
  }
  /** The record's content fingerprint, high half (see `PreparedChunkWriter.record`). */
  get fingerprintHi() {
    return this.chunk.fingerprints[2 * this.r];
  }
  get fingerprintLo() {
    return this.chunk.fingerprints[2 * this.r + 1];
  }
  keyRef(i) {
    return this.chunk.ints[this.keysAt + 3 * i];
  }
  keyKind(i) {
    return this.chunk.ints[this.keysAt + 3 * i + 1];
  }
  keyGroup(i) {
    return this.chunk.ints[this.keysAt + 3 * i + 2];
  }
  weakRef(i) {
    return this.chunk.ints[this.weakAt + i];
  }
  /** A string ref's text (for tests and messages; the engine interns the bytes without decoding). */
  text(ref) {
    const c2 = this.chunk;
    return ref === -1 ? "" : Buffer.from(c2.bytes.buffer, c2.bytes.byteOffset + c2.strStart[ref], c2.strLen[ref]).toString("utf8");
  }
};
var FOLD = new Uint32Array(2);
var TIME = new Float64Array(1);
var TIME_BITS = new Uint32Array(TIME.buffer);
function fold2(h, x) {
  h[0] = Math.imul(h[0] ^ x, 16777619);
  h[1] = Math.imul((h[1] ^ x) + 2135587861, 2246822507) ^ h[1] >>> 13;
}

// src/_internal/nameFields.ts
var NAME_FIELD_COLUMNS = /* @__PURE__ */ new Map([
  ["firstName", "first_name"],
  ["lastName", "last_name"],
  ["fullName", "full_name"]
]);
var EVIDENCE_FIELD_COLUMNS = /* @__PURE__ */ new Map([
  ["dateOfBirth", "date_of_birth"],
  ["gender", "gender"],
  ["address", "address"],
  ["city", "city"],
  ["postcode", "postcode"],
  ["country", "country"]
]);
var PERSON_FIELD_COLUMNS = new Map([...NAME_FIELD_COLUMNS, ...EVIDENCE_FIELD_COLUMNS]);
var PERSON_FIELD_OF_COLUMN = new Map([...PERSON_FIELD_COLUMNS].map(([f, c2]) => [c2, f]));

// src/merge/survivorshipConfig.ts
var NAME_FIELD_DEFAULT = "mostFrequent";
function survivorshipConfigOf(o) {
  const fields = /* @__PURE__ */ new Map();
  for (const [name, rule2] of Object.entries(o.fields)) fields.set(PERSON_FIELD_OF_COLUMN.get(name) ?? name, rule2);
  return { default: o.default, fields, sourceRank: new Map(o.sourcePriority.map((s, i) => [s, i])) };
}
function ruleFor(config2, field) {
  return config2.fields.get(field) ?? (NAME_FIELD_COLUMNS.has(field) ? NAME_FIELD_DEFAULT : config2.default);
}

// src/_internal/isoTime.ts
var MIN_TIME = -621672192e5;
var MAX_TIME = 253402300799999;
function isoTimeParts(time, into) {
  if (!(time >= MIN_TIME && time <= MAX_TIME)) return false;
  const ms = Math.trunc(time);
  const days = Math.floor(ms / 864e5);
  let rest = ms - days * 864e5;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  into[0] = yoe + era * 400 + (month <= 2 ? 1 : 0);
  into[1] = month;
  into[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
  into[3] = Math.floor(rest / 36e5);
  rest -= into[3] * 36e5;
  into[4] = Math.floor(rest / 6e4);
  rest -= into[4] * 6e4;
  into[5] = Math.floor(rest / 1e3);
  into[6] = rest - into[5] * 1e3;
  return true;
}
var ISO_WIDTHS = [4, 2, 2, 2, 2, 2, 3];
var ISO_AFTER = "--T::.Z";
var parts = new Int32Array(7);
var TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));
var THREE = Array.from({ length: 1e3 }, (_, i) => String(i).padStart(3, "0"));
function isoTime(time) {
  if (!isoTimeParts(time, parts)) return new Date(time).toISOString();
  const y = parts[0];
  return `${TWO[Math.floor(y / 100)]}${TWO[y % 100]}-${TWO[parts[1]]}-${TWO[parts[2]]}T${TWO[parts[3]]}:${TWO[parts[4]]}:${TWO[parts[5]]}.${THREE[parts[6]]}Z`;
}

// src/_internal/ownField.ts
function setOwn(obj, key, value) {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

// src/merge/survive.ts
function survive(rule2, candidates, sourceRank) {
  if (candidates.length === 0) return void 0;
  const best = candidates[survivorIndex(rule2, candidates, sourceRank)];
  return best.source === void 0 ? { value: best.value, recordId: best.recordId, rule: rule2 } : { value: best.value, recordId: best.recordId, source: best.source, rule: rule2 };
}
function ruleReadsValues(rule2) {
  return rule2 === "mostFrequent" || rule2 === "mostComplete";
}
function survivorIndex(rule2, candidates, sourceRank) {
  let score;
  switch (rule2) {
    case "mostRecent":
      score = () => 0;
      break;
    case "firstValid":
      score = (i) => {
        const t = candidates[i].updatedAt;
        return Number.isNaN(t) ? -Number.MAX_VALUE : -t;
      };
      break;
    case "mostComplete":
      score = (i) => String(candidates[i].value).length;
      break;
    case "sourcePriority":
      score = (i) => -(sourceRank.get(candidates[i].source ?? "") ?? Number.MAX_SAFE_INTEGER);
      break;
    case "mostFrequent": {
      const folded = candidates.map((c2) => foldValue2(c2.value));
      const counts = /* @__PURE__ */ new Map();
      for (const f of folded) counts.set(f, (counts.get(f) ?? 0) + 1);
      score = (i) => counts.get(folded[i]);
      break;
    }
  }
  let best = 0;
  let bestScore = score(0);
  for (let i = 1; i < candidates.length; i++) {
    const s = score(i);
    if (s > bestScore || s === bestScore && newer(candidates[i], candidates[best])) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}
function newer(a, b) {
  const ta = Number.isNaN(a.updatedAt) ? -Infinity : a.updatedAt;
  const tb = Number.isNaN(b.updatedAt) ? -Infinity : b.updatedAt;
  if (ta !== tb) return ta > tb;
  return a.recordId < b.recordId;
}
function foldValue2(v) {
  return typeof v === "string" ? v.trim().toLowerCase().replace(/\s+/g, " ") : String(v);
}

// src/merge/buildProfile.ts
var KIND_ORDER = { externalId: 0, login: 1, handle: 2, email: 3, phone: 4 };
function buildProfile(profileId, members, config2) {
  if (members.length === 1) return buildSingleton(profileId, members[0], config2);
  const recordIds = members.map((m) => m.recordId).sort(compareStrings);
  const sources = /* @__PURE__ */ new Set();
  let first = Infinity;
  let last = -Infinity;
  const idents = /* @__PURE__ */ new Map();
  for (const m of members) {
    if (m.source !== void 0) sources.add(m.source);
    if (!Number.isNaN(m.updatedAt)) {
      if (m.updatedAt < first) first = m.updatedAt;
      if (m.updatedAt > last) last = m.updatedAt;
    }
    for (const id of m.identifiers) {
      const key = `${id.kind}\0${id.value}`;
      let entry2 = idents.get(key);
      if (!entry2) idents.set(key, entry2 = { kind: id.kind, value: id.value, records: 0, sources: /* @__PURE__ */ new Set() });
      entry2.records++;
      if (m.source !== void 0) entry2.sources.add(m.source);
    }
  }
  const identifiers = [...idents.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(a.value, b.value)).map((e) => ({ kind: e.kind, value: e.value, records: e.records, sources: [...e.sources].sort(compareStrings) }));
  const profile = {
    profileId,
    recordIds,
    sources: [...sources].sort(compareStrings),
    identifiers,
    fields: surviveFields(members, config2),
    ...first !== Infinity ? { firstSeen: isoTime(first), lastSeen: isoTime(last) } : {}
  };
  return profile;
}
function surviveFields(members, config2) {
  const candidates = /* @__PURE__ */ new Map();
  for (const m of members) {
    for (const field of Object.keys(m.fields)) {
      const value = m.fields[field];
      if (value === null || value === "") continue;
      let list = candidates.get(field);
      if (!list) candidates.set(field, list = []);
      list.push({ value, recordId: m.recordId, source: m.source, updatedAt: m.updatedAt });
    }
  }
  const fields = {};
  for (const field of [...candidates.keys()].sort(compareStrings)) {
    const survivor = survive(ruleFor(config2, field), candidates.get(field), config2.sourceRank);
    if (survivor) setOwn(fields, field, survivor);
  }
  return fields;
}
function buildSingleton(profileId, m, config2) {
  const sources = m.source === void 0 ? [] : [m.source];
  const seen = /* @__PURE__ */ new Set();
  const identifiers = [];
  for (const id of m.identifiers) {
    const key = `${id.kind}\0${id.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    identifiers.push({ kind: id.kind, value: id.value, records: 1, sources });
  }
  if (identifiers.length > 1) identifiers.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(a.value, b.value));
  const fields = {};
  for (const field of Object.keys(m.fields).sort(compareStrings)) {
    const value = m.fields[field];
    if (value === null || value === "") continue;
    const rule2 = ruleFor(config2, field);
    setOwn(fields, field, m.source === void 0 ? { value, recordId: m.recordId, rule: rule2 } : { value, recordId: m.recordId, source: m.source, rule: rule2 });
  }
  const time = Number.isNaN(m.updatedAt) ? void 0 : isoTime(m.updatedAt);
  return {
    profileId,
    recordIds: [m.recordId],
    sources,
    identifiers,
    fields,
    ...time !== void 0 ? { firstSeen: time, lastSeen: time } : {}
  };
}

// src/engine/BatchColumns.ts
function profileIdAt(c2, p) {
  return profileIdOfSerial(c2.profileSerial[p]);
}
function profileAt(c2, p, config2) {
  const members = [];
  const from = c2.memberStart[p];
  const to = c2.memberStart[p + 1];
  const memo = to - from > 1 ? /* @__PURE__ */ new Map() : void 0;
  const keyText = (k) => stringAt(c2.keys, k);
  for (let j = from; j < to; j++) members.push(memberRecordAt(c2, c2.members[j], keyText, memo));
  return buildProfile(profileIdAt(c2, p), members, config2);
}
var sourceNames = /* @__PURE__ */ new WeakMap();
function sourceName(c2, s) {
  let names = sourceNames.get(c2.sources);
  if (!names) sourceNames.set(c2.sources, names = []);
  return names[s] ??= stringAt(c2.sources, s);
}
function memberRecordAt(c2, i, keyText, memo) {
  const s = c2.sourceOf[i];
  return memberRecordOf(stringAt(c2.ids, i), s === -1 ? void 0 : sourceName(c2, s), c2.updatedAt[i], c2.keyIds, c2.keyStart[i], c2.keyStart[i + 1], keyText, payloadAt(c2.payloads, i), memo);
}

// src/_internal/parseIsoDate.ts
var ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
function parseIsoDate(v) {
  if (v.length === 20 && v.charCodeAt(19) === 90 && v.charCodeAt(10) === 84) {
    const y = num(v, 0, 4);
    const mo = num(v, 5, 2);
    const d = num(v, 8, 2);
    const h = num(v, 11, 2);
    const mi = num(v, 14, 2);
    const s = num(v, 17, 2);
    if (y >= 100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && v.charCodeAt(13) === 58 && v.charCodeAt(16) === 58) {
      return ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 6e4 + s * 1e3;
    }
  }
  return ISO_DATE.test(v) ? Date.parse(v) : Number.NaN;
}
function daysFromCivil(y, m, d) {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}
function num(v, at, len) {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c2 = v.charCodeAt(i) - 48;
    if (c2 < 0 || c2 > 9) return -1;
    n = n * 10 + c2;
  }
  return n;
}

// src/engine/prepareRecord.ts
function createRecordPreparer(options) {
  const keyRecord = createRecordKeyer(options);
  return (record, stats, into, row, updatedAt = updatedAtOf(record)) => {
    const keys = keyRecord(record, stats);
    const [first, last] = personNameOf(record);
    into.record(row, updatedAt, record.id, first, last, foldAttributes(record), record.source ?? "", writePayload(record, into), keys);
  };
}
function createSinglePreparer(options) {
  const prepare = createRecordPreparer(options);
  const writer = new PreparedChunkWriter(1);
  return (record, stats, keep = false) => {
    writer.reset();
    prepare(record, stats, writer, 1);
    const cursor = new PreparedRecordCursor(keep ? writer.finish(1, 0, stats) : writer.view(1, 0, stats));
    cursor.next();
    return cursor;
  };
}
function updatedAtOf(record) {
  if (record.updatedAt === void 0) return Number.NaN;
  const t = parseIsoDate(record.updatedAt);
  return Number.isNaN(t) ? Date.parse(record.updatedAt) : t;
}
function payloadOf(record) {
  const out = {};
  if (record.firstName) out.firstName = record.firstName.trim();
  if (record.lastName) out.lastName = record.lastName.trim();
  if (record.fullName) out.fullName = record.fullName.trim();
  for (const field of EVIDENCE_FIELD_COLUMNS.keys()) {
    const v = record[field];
    if (typeof v === "string" && v.trim() !== "") out[field] = v.trim();
  }
  const attributes = record.attributes;
  if (attributes) for (const k of Object.keys(attributes)) setOwn(out, attributeField(k), attributes[k]);
  return out;
}
function writePayload(record, into) {
  const attributes = record.attributes;
  if (attributes !== void 0 && !plainAttributes(attributes)) return into.text(JSON.stringify(payloadOf(record)));
  into.openText();
  let sep = "{";
  if (nameField(into, sep, '"firstName":', record.firstName)) sep = ",";
  if (nameField(into, sep, '"lastName":', record.lastName)) sep = ",";
  if (nameField(into, sep, '"fullName":', record.fullName)) sep = ",";
  if (evidenceField(into, sep, '"dateOfBirth":', record.dateOfBirth)) sep = ",";
  if (evidenceField(into, sep, '"gender":', record.gender)) sep = ",";
  if (evidenceField(into, sep, '"address":', record.address)) sep = ",";
  if (evidenceField(into, sep, '"city":', record.city)) sep = ",";
  if (evidenceField(into, sep, '"postcode":', record.postcode)) sep = ",";
  if (evidenceField(into, sep, '"country":', record.country)) sep = ",";
  if (attributes !== void 0) {
    for (const k of Object.keys(attributes)) {
      into.textAscii(sep);
      into.textJsonString(attributeField(k));
      into.textAscii(":");
      const v = attributes[k];
      if (typeof v === "string") into.textJsonString(v);
      else into.textAscii(JSON.stringify(v));
      sep = ",";
    }
  }
  into.textAscii(sep === "{" ? "{}" : "}");
  return into.endText();
}
function nameField(into, sep, field, v) {
  if (!v) return false;
  into.textAscii(sep);
  into.textAscii(field);
  into.textJsonString(v.trim());
  return true;
}
function evidenceField(into, sep, field, v) {
  if (typeof v !== "string") return false;
  const t = v.trim();
  if (t === "") return false;
  into.textAscii(sep);
  into.textAscii(field);
  into.textJsonString(t);
  return true;
}
function plainAttributes(attributes) {
  for (const k of Object.keys(attributes)) {
    const first = k.charCodeAt(0);
    if (first >= 48 && first <= 57) return false;
    const v = attributes[k];
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean" && v !== null) return false;
  }
  return true;
}
var ATTRIBUTE_PREFIX = "attribute:";
function attributeField(name) {
  const reserved = PERSON_FIELD_COLUMNS.has(name) || PERSON_FIELD_OF_COLUMN.has(name) || name.startsWith(ATTRIBUTE_PREFIX);
  return reserved ? ATTRIBUTE_PREFIX + name : name;
}
function mergeKeyStats(into, from) {
  for (const [kind, reasons] of Object.entries(from.invalid)) {
    const target = into.invalid[kind] ??= {};
    for (const [reason, n] of Object.entries(reasons ?? {})) target[reason] = (target[reason] ?? 0) + n;
  }
  for (const [kind, n] of Object.entries(from.junk)) {
    into.junk[kind] = (into.junk[kind] ?? 0) + (n ?? 0);
  }
}

// src/engine/ResolutionBatch.ts
function ownPart(input, config2, plan, uf) {
  const log = new EvidenceLog(true);
  const marks = linkPart(input, config2, plan, 0, uf, log);
  return { entries: log.entries(), marks };
}
var ResolutionBatch = class {
  options;
  prepare;
  stats = { invalid: {}, junk: {} };
  /** Per kind code: identifier values that became keys (for the report). */
  keyValues = new Float64Array(KIND_NAMES.length);
  /**
   * Records, keys, names and payloads, in shared memory: worker threads build output lines from them. Read-only
   * outside the batch.
   */
  table;
  // Each record's keys, append-only: strong keys as CSR (`keyIds[keyStart[i], keyStart[i + 1])`), weak keys as
  // (record, key) pairs in record order.
  keyStart = new GrowableArray(Uint32Array, 1024, true);
  keyIds = new GrowableArray(Int32Array, 1024, true);
  weakRecord = new GrowableArray(Int32Array, 64, true);
  weakKey = new GrowableArray(Int32Array, 64, true);
  /** Each record's content fingerprint as prepared (two halves); handed to the succession, then dropped. */
  fingerprintColumn = new GrowableArray(Uint32Array, 2048);
  /** Steward overrides by record id, matched to records at `link()` (records may come in any order). */
  overrides;
  overridesUnmatched = 0;
  linked;
  previous;
  erased;
  /** Records dropped because their id is erased. */
  erasedCount = 0;
  constructor(options = {}, identity = {}) {
    this.options = withDefaults(options);
    this.previous = identity.previous;
    if (identity.erased !== void 0) {
      this.erased = new ByteInterner();
      for (const id of identity.erased) this.erased.intern(id);
    }
    this.overrides = options.overrides ?? [];
    this.prepare = createSinglePreparer(this.options);
    this.table = new RecordTable(this.options, true);
    this.keyStart.push(0);
  }
  /** Number of accepted records so far. */
  get size() {
    return this.table.ids.size;
  }
  /**
   * Normalize, intern and keep one record. A record without an id or with an id already seen is refused with
   * reasons (the first occurrence of an id wins).
   */
  add(record) {
    if (this.linked) throw new Error("ResolutionBatch: add() after link()");
    if (this.erased !== void 0 && this.erased.get(record.id) >= 0) {
      this.erasedCount++;
      return { ok: false, erased: true };
    }
    const index2 = this.addRecord(this.prepare(record, this.stats));
    return index2 >= 0 ? { ok: true, index: index2 } : { ok: false, issues: [duplicateIdIssue(record.id)] };
  }
  /**
   * Adds the records of a chunk prepared by `createPiecePreparer` (maybe in a worker thread), in order. A record
   * whose id was seen before is not added: `onDuplicate` gets its row within the chunk and the id. The chunk's
   * identifier counts are added too. Returns the number of records dropped because their id is erased.
   */
  addChunk(c2, onDuplicate) {
    if (this.linked) throw new Error("ResolutionBatch: add() after link()");
    const { bytes, strStart, strLen, strHash } = c2;
    const rec = new PreparedRecordCursor(c2);
    const ahead = new PreparedRecordCursor(c2);
    let erased = 0;
    for (let r = 0; rec.next(); r++) {
      if (r % WARM_RECORDS === 0) this.table.warmInterning(ahead, WARM_RECORDS);
      if (this.erased !== void 0 && this.erased.getBytes(bytes, strStart[rec.id], strLen[rec.id], strHash[rec.id]) >= 0) {
        erased++;
        continue;
      }
      const index2 = this.addRecord(rec);
      if (index2 < 0) onDuplicate(rec.row, this.table.ids.keyOf(~index2));
    }
    mergeKeyStats(this.stats, c2.stats);
    this.erasedCount += erased;
    return erased;
  }
  /**
   * Keeps the cursor's record: its index, or `~index` of the earlier record with its id (nothing is added). The
   * one way a record enters the batch, whether it came from a file or from memory.
   */
  addRecord(rec) {
    const t = this.table;
    const c2 = rec.chunk;
    const before = t.ids.size;
    const index2 = t.ids.internBytes(c2.bytes, c2.strStart[rec.id], c2.strLen[rec.id], c2.strHash[rec.id]);
    if (t.ids.size === before) return ~index2;
    for (let k = 0; k < rec.keyCount; k++) {
      this.keyIds.push(t.internKeyRef(rec, k));
      this.keyValues[rec.keyKind(k)]++;
    }
    this.keyStart.push(this.keyIds.length);
    for (let k = 0; k < rec.weakCount; k++) {
      this.weakRecord.push(index2);
      this.weakKey.push(t.internWeakRef(rec, k));
    }
    t.writeFields(index2, rec);
    this.fingerprintColumn.push(rec.fingerprintHi);
    this.fingerprintColumn.push(rec.fingerprintLo);
    return index2;
  }
  /**
   * Sizes the batch for about `times` times the records of `chunk` more than it holds (the batch job: once per
   * input file, the file's bytes over its first piece's). perf: growing the record columns and key lists by
   * doubling copied them a dozen times at 10M rows (with the id table's rehashing, ~20% of the read's main thread,
   * which the workers wait for). Only room that is written costs memory (the system zeroes pages lazily), so an
   * estimate too high costs address space, within `MAX_RESERVED_RECORDS`; the id table, which fills at random,
   * still grows as it fills. An estimate too low leaves the rest to doubling.
   */
  reserveMore(chunk, times) {
    const more = Math.min(MAX_RESERVED_RECORDS, Math.ceil(chunk.records * times));
    if (!(more > 0)) return;
    let keyRefs = 0;
    const rec = new PreparedRecordCursor(chunk);
    while (rec.next()) keyRefs += rec.keyCount;
    const records2 = this.size + more;
    this.table.reserveRecords(records2);
    this.keyStart.reserve(records2 + 1);
    this.keyIds.reserve(this.keyIds.length + Math.ceil(keyRefs / chunk.records * more));
    this.fingerprintColumn?.reserve(2 * records2);
  }
  /** Run the guards and the ordered linking. Call once, after the last `add`. */
  link() {
    if (this.linked) return;
    this.settle(this.linkAll());
  }
  /**
   * `link()` split into up to `parts` parts that run at once (`cluster/linkParts`): part 0 here, the others
   * through `elsewhere` (the batch job's worker threads, `runLinkPart`). The same partition and the same evidence,
   * decision for decision, as `link()`. `collect` runs where the link leaves large garbage: after planning, after
   * the parts (the plan, before the logs merge), and after each column of the merge (`mergePartLogs`).
   */
  async linkInParts(parts2, elsewhere, collect3) {
    if (this.linked) return;
    const { root, genericKeys, evidence, logs } = await this.linkAllInParts(parts2, elsewhere, collect3);
    collect3?.();
    this.settle({ root, genericKeys, evidence: evidence ?? mergePartLogs(logs, collect3) });
  }
  linkAll() {
    const { uf, evidence, genericKeys } = linkRecords(this.linkInput(), linkConfigOf(this.options), void 0, new EvidenceLog(true));
    return { root: uf.roots(), evidence, genericKeys };
  }
  /** The link in parts, up to the parts' logs (merged by the caller, once the plan is garbage); one part: its log. */
  async linkAllInParts(parts2, elsewhere, collect3) {
    const input = this.linkInput();
    const config2 = linkConfigOf(this.options);
    const plan = planParts(input, config2, parts2);
    collect3?.();
    const uf = new UnionFind(this.size, plan.parts > 1);
    const done = new Int32Array(new SharedArrayBuffer(4 * plan.parts));
    const others = [];
    if (plan.parts > 1) {
      const columns = linkColumnsOf(input, this.table.keys.view(), this.table.names.view());
      for (let p = 1; p < plan.parts; p++) others.push(elsewhere({ columns, config: config2, plan, part: p, uf: uf.buffers(), done }));
    }
    if (others.length === 0) {
      const evidence = new EvidenceLog(true);
      linkPart(input, config2, plan, 0, uf, evidence);
      return { root: uf.roots(), evidence, genericKeys: plan.genericKeys };
    }
    const logs = [ownPart(input, config2, plan, uf)];
    for (const r of await Promise.all(others)) logs.push(attachPartResult(r));
    for (let p = 1; p < plan.parts; p++) {
      if (Atomics.load(done, p) !== 1) throw new Error(`ResolutionBatch: link part ${p} did not finish`);
    }
    return { root: uf.roots(), logs, genericKeys: plan.genericKeys };
  }
  /** The linked batch's columns and identity, from the linker's clusters and log. */
  settle({ root, evidence, genericKeys }) {
    const n = this.size;
    const identity = this.succeed(root);
    const { rootsBySerial, serialOfRoot } = identity.succession;
    const roots = rootsBySerial.length;
    const slot = new Int32Array(n);
    const profileSerial = new Float64Array(new SharedArrayBuffer(8 * roots));
    for (let p = 0; p < roots; p++) {
      const r = rootsBySerial[p];
      slot[r] = p;
      profileSerial[p] = serialOfRoot[r];
    }
    const profileOf = new Uint32Array(new SharedArrayBuffer(4 * n));
    const memberStart = new Uint32Array(new SharedArrayBuffer(4 * (roots + 1)));
    for (let i = 0; i < n; i++) {
      const p = slot[root[i]];
      profileOf[i] = p;
      memberStart[p + 1]++;
    }
    for (let p = 0; p < roots; p++) memberStart[p + 1] += memberStart[p];
    const fill = memberStart.slice(0, roots);
    const members = new Uint32Array(new SharedArrayBuffer(4 * n));
    for (let i = 0; i < n; i++) members[fill[profileOf[i]]++] = i;
    const t = this.table;
    const columns = {
      ids: t.ids.view(),
      keys: t.keys.view(),
      sources: t.sources.view(),
      keyStart: this.keyStart.sharedView(),
      keyIds: this.keyIds.sharedView(),
      sourceOf: t.sourceOf.subarray(0, n),
      updatedAt: t.updatedAt.subarray(0, n),
      payloads: t.payloads.view(),
      profileSerial,
      memberStart,
      members,
      profileOf,
      evidence: evidence.entries(),
      names: t.names.view(),
      keyKind: t.keyKind.subarray(0, t.keys.size),
      keyGroup: t.keyGroup.subarray(0, t.keys.size),
      firstName: t.firstName.subarray(0, n),
      lastName: t.lastName.subarray(0, n),
      attributes: t.attributes.subarray(0, n),
      weakRecord: this.weakRecord.sharedView(),
      weakKey: this.weakKey.sharedView(),
      createdProfile: toShared(createdProfiles(identity.input, identity.succession))
    };
    this.linked = { evidence, genericKeys, columns, identity, ids: { range: identity.idRange, nextSerial: identity.nextSerial, fresh: identity.succession.fresh } };
  }
  /**
   * The linked batch as shared, read-only columns: what `profiles()` and `mapping()` read, and what worker
   * threads build output lines from (after `link`).
   */
  columns() {
    return this.requireLinked().columns;
  }
  /** Survivorship settings as plain data (for `survivorshipConfigOf`, in any thread). */
  survivorship() {
    const { default: d, fields, sourcePriority } = this.options.survivorship;
    return { default: d, fields, sourcePriority };
  }
  /** `[recordId, profileId]` for every accepted record, in the order they were added. */
  *mapping() {
    const c2 = this.columns();
    for (let i = 0; i < this.size; i++) yield [stringAt(c2.ids, i), profileIdAt(c2, c2.profileOf[i])];
  }
  /** The index of an accepted record (the order it was added in), or -1 when no accepted record has this id. */
  indexOf(recordId) {
    return this.table.ids.get(recordId);
  }
  /** Number of profiles (after `link`). */
  /**
   * Sizes of the key and name tables, the profile count and the key memberships (the hints of identity.json's
   * `tables`; weak memberships before repeats are dropped, an upper bound).
   */
  tableSizes() {
    return { keys: this.table.keys.size, names: this.table.names.size, profiles: this.profileCount, strongKeys: this.keyIds.length, weakKeys: this.weakRecord.length };
  }
  get profileCount() {
    return this.columns().profileSerial.length;
  }
  /** Golden profiles, ordered by profile id. */
  *profiles() {
    const c2 = this.columns();
    const config2 = survivorshipConfigOf(this.survivorship());
    for (let p = 0; p < c2.profileSerial.length; p++) yield profileAt(c2, p, config2);
  }
  /** Every accepted and refused link, in the order they were decided. */
  *evidence() {
    const ev = this.requireLinked().evidence;
    for (let i = 0; i < ev.length; i++) yield this.evidenceAt(ev, i);
  }
  /** Counts of what the batch did. */
  report() {
    const l = this.requireLinked();
    const histogram = {};
    const { memberStart } = l.columns;
    const profiles2 = memberStart.length - 1;
    for (let p = 0; p < profiles2; p++) {
      const bucket = sizeBucket(memberStart[p + 1] - memberStart[p]);
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    }
    const refused2 = {};
    for (let code = OUTCOME.generic; code <= OUTCOME.override; code++) {
      const c2 = l.evidence.counts[code];
      if (c2 > 0) refused2[GUARD_OF_OUTCOME[code]] = c2;
    }
    const generic = [...l.genericKeys].sort((a, b) => b.records - a.records || compareStrings(this.table.keys.keyOf(a.key), this.table.keys.keyOf(b.key))).slice(0, 1e3).map((g) => ({ key: readableKey(this.table.keys.keyOf(g.key)), records: g.records, distinctIdentifiers: g.distinctIdentifiers }));
    const validIdentifiers = {};
    for (let k = 0; k < KIND_NAMES.length; k++) if (this.keyValues[k] > 0) validIdentifiers[KIND_NAMES[k]] = this.keyValues[k];
    const genericByKind = {};
    for (const g of l.genericKeys) {
      const kind = KIND_NAMES[this.table.keyKind[g.key]];
      genericByKind[kind] = (genericByKind[kind] ?? 0) + 1;
    }
    const accepted = this.size;
    return {
      accepted,
      erased: this.erasedCount,
      ids: l.ids,
      profiles: profiles2,
      reductionRatio: accepted === 0 ? 0 : 1 - profiles2 / accepted,
      clusterSizeHistogram: histogram,
      validIdentifiers,
      invalidIdentifiers: this.stats.invalid,
      junkIdentifiers: this.stats.junk,
      genericIdentifiers: generic,
      genericIdentifierCount: l.genericKeys.length,
      genericIdentifiersByKind: genericByKind,
      linksAccepted: l.evidence.counts[OUTCOME.accepted] + l.evidence.counts[OUTCOME.acceptedFuzzy],
      linksRefused: refused2,
      overrideConflicts: l.evidence.overrideConflicts,
      overridesUnmatched: this.overridesUnmatched
    };
  }
  /** The id range this run allocated in, and its allocator's next serial (part of the output: never reuse). */
  idState() {
    const { range, nextSerial } = this.requireLinked().ids;
    return { idRange: range, nextSerial };
  }
  /** What changed relative to the previous run (all `created` without one), in the order of `successionEvents`. */
  changes() {
    const { input, succession } = this.identity();
    const c2 = this.columns();
    return successionEvents(input, succession, { start: c2.memberStart, members: c2.members });
  }
  /** Profiles this run creates (`created` events). */
  createdCount() {
    let n = 0;
    for (const f of this.columns().createdProfile) n += f;
    return n;
  }
  /**
   * `changes()` in three parts (`identity/succession` successionParts): the events before the creations, the
   * creations (one per profile flagged in `columns().createdProfile`), and the events after them.
   */
  changeParts() {
    const { input, succession } = this.identity();
    const c2 = this.columns();
    return successionParts(input, succession, { start: c2.memberStart, members: c2.members });
  }
  /** The content fingerprint of record i as two 32-bit halves (in `fingerprints()` at 2i, 2i + 1). */
  fingerprints() {
    return this.identity().fingerprints;
  }
  /** This run as the previous run of a next one (for `resolve()` chains in memory). */
  asPreviousRun() {
    const { idRange, nextSerial, fingerprints } = this.identity();
    const c2 = this.columns();
    const run = new PreviousRun(idRange, nextSerial);
    for (let i = 0; i < this.size; i++) run.add(this.table.ids.keyOf(i), profileIdOfSerial(c2.profileSerial[c2.profileOf[i]]), fingerprints[2 * i], fingerprints[2 * i + 1]);
    return run;
  }
  /** Whether `id` is erased for this run. */
  isErased(id) {
    return this.erased !== void 0 && this.erased.get(id) >= 0;
  }
  /**
   * Serials for the clusters of `root` by succession from the previous run (identity/succession): records are
   * matched to the previous run's by id; a previous record absent now was removed; a present one whose
   * fingerprint differs was changed in place.
   */
  succeed(root) {
    const n = this.size;
    const prev = this.previous;
    const idRange = prev?.idRange ?? 0;
    let next = prev?.nextSerial ?? firstSerialOfRange(idRange);
    const fingerprints = this.fingerprintColumn.view();
    this.fingerprintColumn = void 0;
    const oldProfile = new Int32Array(n).fill(-1);
    const changed = new Uint8Array(n);
    let oldSerials = new Float64Array(0);
    const removedProfile = new GrowableArray(Int32Array, 64);
    const removedRecord = new GrowableArray(Int32Array, 64);
    if (prev !== void 0 && prev.size > 0) {
      const sorted = new Float64Array(prev.size);
      for (let k = 0; k < prev.size; k++) sorted[k] = prev.serial(k);
      sorted.sort();
      let distinct = 0;
      for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k];
      oldSerials = sorted.slice(0, distinct);
      for (let k = 0; k < prev.size; k++) {
        const d = lowerBound(oldSerials, prev.serial(k));
        const i = this.table.ids.get(prev.recordId(k));
        if (i < 0) {
          removedProfile.push(d);
          removedRecord.push(k);
          continue;
        }
        oldProfile[i] = d;
        const hi = prev.fingerprintHi(k);
        const lo = prev.fingerprintLo(k);
        if ((hi !== 0 || lo !== 0) && (hi !== fingerprints[2 * i] || lo !== fingerprints[2 * i + 1])) changed[i] = 1;
      }
    }
    const idHash = this.table.ids.hashView();
    const input = {
      n,
      root,
      oldProfile,
      oldSerials,
      changed,
      removedProfile: removedProfile.view(),
      removedId: (k) => {
        const id = prev.recordId(removedRecord.get(k));
        return this.isErased(id) ? void 0 : id;
      },
      compare: (a, b) => this.table.ids.compare(a, b),
      hash: (i) => idHash[i],
      recordId: (i) => this.table.ids.keyOf(i)
    };
    const succession = succeed(input, () => {
      if (next >= (idRange + 1) * ID_RANGE_SIZE) throw new Error(`id range ${idRange} is exhausted`);
      return next++;
    });
    return { input, succession, idRange, nextSerial: next, fingerprints };
  }
  linkInput() {
    const lists = { keyStart: this.keyStart.view(), keyIds: this.keyIds.view(), weakRecord: this.weakRecord.view(), weakKey: this.weakKey.view() };
    return this.table.linkInputOf(lists, this.overridePairs());
  }
  /** The overrides as record index pairs; one naming an id the batch does not hold is ignored and counted. */
  overridePairs() {
    this.overridesUnmatched = 0;
    if (this.overrides.length === 0) return void 0;
    const never = [];
    const always = [];
    for (const o of this.overrides) {
      const a = this.table.ids.get(o.recordA);
      const b = this.table.ids.get(o.recordB);
      if (a < 0 || b < 0) {
        this.overridesUnmatched++;
        continue;
      }
      (o.rule === "never" ? never : always).push(a, b);
    }
    return { never: Int32Array.from(never), always: Int32Array.from(always), recordId: (r) => this.table.ids.keyOf(r) };
  }
  evidenceAt(ev, i) {
    return linkEvidenceAt(ev, i, (r) => this.table.ids.keyOf(r), (k) => this.table.keys.keyOf(k));
  }
  /**
   * Forgets the succession and the fingerprints once `changes.ndjson` and `fingerprints.bin` are written (perf:
   * ~25 bytes a record, 0.5 GB at 20M rows, that the profile and evidence stages do not need). `changes`,
   * `changeParts`, `fingerprints` and `asPreviousRun` throw afterwards; the report keeps its figures.
   */
  releaseIdentity() {
    this.requireLinked().identity = void 0;
  }
  identity() {
    const identity = this.requireLinked().identity;
    if (identity === void 0) throw new Error("ResolutionBatch: the succession was released (releaseIdentity)");
    return identity;
  }
  requireLinked() {
    if (!this.linked) throw new Error("ResolutionBatch: call link() first");
    return this.linked;
  }
};
var MAX_RESERVED_RECORDS = 1 << 25;
var WARM_RECORDS = 16;
var KIND_NAMES = (() => {
  const names = [];
  for (const [name, code] of Object.entries(KIND)) names[code] = name;
  return names;
})();
function sizeBucket(size) {
  if (size <= 10) return String(size);
  let hi = 16;
  while (hi < size) hi *= 2;
  return `${Math.max(11, hi / 2 + 1)}-${hi}`;
}

// src/_testing/linkedColumns.ts
function linkedColumns(records2, options = {}) {
  const batch = new ResolutionBatch(options);
  for (const r of records2) batch.add(r);
  batch.link();
  const c2 = batch.columns();
  return { c: c2, config: survivorshipConfigOf(batch.survivorship()), profiles: c2.memberStart.length - 1 };
}

// src/_internal/Utf8Lines.ts
var utf8 = new TextEncoder();
var SHORT_COPY = 64;
var spares = [];
var MAX_SPARES = 6;
var MAX_SPARE_BYTES = 16 << 20;
var Utf8Lines = class {
  buf;
  used = 0;
  /** Where the line being appended to starts (= `used` between lines). */
  lineStart = 0;
  constructor(initialBytes = 1 << 16) {
    const spare = spares.pop();
    this.buf = spare !== void 0 && spare.length >= initialBytes ? spare : new Uint8Array(initialBytes);
  }
  /**
   * Gives `buffer` (the buffer of bytes `finish` handed over, once written; possibly back from another thread) to
   * the next `Utf8Lines` of this thread. Its bytes may be overwritten from now on.
   */
  static recycle(buffer) {
    if (buffer.byteLength === 0 || buffer.byteLength > MAX_SPARE_BYTES || spares.length >= MAX_SPARES) return;
    spares.push(new Uint8Array(buffer));
  }
  /** Appends `line` and a newline. */
  add(line2) {
    this.append(line2);
    this.endLine();
  }
  /** Appends `text` to the line being made. */
  append(text) {
    this.reserve(3 * text.length);
    this.used += utf8.encodeInto(text, this.buf.subarray(this.used)).written;
  }
  /** Appends the UTF-8 bytes `src[0, length)` to the line being made. */
  appendBytes(src, length) {
    this.reserve(length);
    if (length <= SHORT_COPY) {
      const buf = this.buf;
      let at = this.used;
      for (let i = 0; i < length; i++) buf[at++] = src[i];
      this.used = at;
      return;
    }
    this.buf.set(length === src.length ? src : src.subarray(0, length), this.used);
    this.used += length;
  }
  /** Appends one ASCII character by its code to the line being made. */
  appendByte(b) {
    this.reserve(1);
    this.buf[this.used++] = b;
  }
  /** Ends the line being made with a newline. */
  endLine() {
    this.reserve(1);
    this.buf[this.used++] = 10;
    this.lineStart = this.used;
  }
  /** The bytes so far, in a buffer of their own (exact size, so it can be transferred without its slack). */
  bytes() {
    return this.buf.slice(0, this.used);
  }
  /**
   * The bytes when no more will be added, without a copy: a view of the working buffer, which is handed over with
   * them (transfer `bytes.buffer`, slack included) and may come back through `recycle` once written. This one is
   * left empty.
   */
  finish() {
    const bytes = this.buf.subarray(0, this.used);
    this.buf = new Uint8Array(0);
    this.used = 0;
    this.lineStart = 0;
    return bytes;
  }
  /** The whole lines so far, in a buffer of their own, taken out; a line being made stays. */
  takeLines() {
    const lines = this.buf.slice(0, this.lineStart);
    this.buf.copyWithin(0, this.lineStart, this.used);
    this.used -= this.lineStart;
    this.lineStart = 0;
    return lines;
  }
  /** Room for `bytes` more bytes after the ones used. */
  reserve(bytes) {
    const need = this.used + bytes;
    if (need <= this.buf.length) return;
    const next = new Uint8Array(Math.max(2 * this.buf.length, need));
    next.set(this.buf.subarray(0, this.used));
    this.buf = next;
  }
};

// src/_internal/JsonBytes.ts
var JsonBytes = class {
  buf = new Uint8Array(1024);
  /** Bytes used. */
  length = 0;
  /** The text's length in UTF-16 code units. */
  chars = 0;
  /** Starts a new text. */
  reset() {
    this.length = 0;
    this.chars = 0;
  }
  /** The text so far (valid until the next change). */
  get bytes() {
    return this.buf;
  }
  /** Appends an ASCII string (punctuation, digits, literals) as it is. */
  ascii(s) {
    this.reserve(s.length);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
    this.length = at;
    this.chars += s.length;
  }
  /** Appends a piece of JSON text encoded once (`jsonText`), as it is. */
  text(t) {
    const bytes = t.bytes;
    this.reserve(bytes.length);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < bytes.length; i++) buf[at++] = bytes[i];
    this.length = at;
    this.chars += t.chars;
  }
  /** Appends JSON text already written, the UTF-8 bytes `src[from, to)`, as it is. */
  raw(src, from, to) {
    this.reserve(to - from);
    const buf = this.buf;
    let at = this.length;
    let chars = 0;
    for (let i = from; i < to; i++) {
      const b = src[i];
      buf[at++] = b;
      if ((b & 192) !== 128) chars += b >= 240 ? 2 : 1;
    }
    this.length = at;
    this.chars += chars;
  }
  /** Appends one ASCII character by its code. */
  char(c2) {
    this.reserve(1);
    this.buf[this.length++] = c2;
    this.chars++;
  }
  /** Appends a number as `JSON.stringify` writes it (NaN and infinities as `null`, -0 as `0`). */
  number(x) {
    if (Number.isSafeInteger(x)) {
      if (x < 0) this.char(45);
      this.integer(Math.abs(x));
      return;
    }
    if (x > -1e13 && x < 1e13) {
      const k = Math.round(x * 100);
      if (k / 100 === x) {
        if (x < 0) this.char(45);
        const v = Math.abs(k);
        const whole = Math.floor(v / 100);
        const cents = v - whole * 100;
        this.integer(whole);
        this.char(46);
        const tenths = cents / 10 | 0;
        this.char(48 + tenths);
        if (cents !== tenths * 10) this.char(48 + cents - tenths * 10);
        return;
      }
    }
    this.ascii(Number.isFinite(x) ? String(x) : "null");
  }
  /**
   * Appends a non-negative safe integer's decimal digits. One past 32 bits (a time in ms, ~1.7e12) is written as
   * two parts of at most nine digits each.
   */
  integer(v) {
    if (v < 1e9) {
      this.fixedDigits(v, v < 10 ? 1 : v < 100 ? 2 : v < 1e3 ? 3 : v < 1e4 ? 4 : v < 1e5 ? 5 : v < 1e6 ? 6 : v < 1e7 ? 7 : v < 1e8 ? 8 : 9);
      return;
    }
    let hi = Math.floor(v / 1e9);
    let lo = v - hi * 1e9;
    if (lo < 0) {
      hi--;
      lo += 1e9;
    }
    this.integer(hi);
    this.fixedDigits(lo, 9);
  }
  fixedDigits(v, n) {
    this.reserve(n);
    const buf = this.buf;
    for (let i = this.length + n - 1; i >= this.length; i--) {
      const q = v / 10 | 0;
      buf[i] = 48 + v - 10 * q;
      v = q;
    }
    this.length += n;
    this.chars += n;
  }
  /** Appends `new Date(time).toISOString()` for a valid time (`isoTime`), without a string. */
  isoTime(time) {
    if (!isoTimeParts(time, timeParts)) {
      this.ascii(new Date(time).toISOString());
      return;
    }
    this.reserve(24);
    const b = this.buf;
    let at = this.length;
    for (let i = 0; i < ISO_WIDTHS.length; i++) {
      digits(b, at, timeParts[i], ISO_WIDTHS[i]);
      at += ISO_WIDTHS[i];
      b[at++] = ISO_AFTER.charCodeAt(i);
    }
    this.length += 24;
    this.chars += 24;
  }
  /**
   * Appends the UTF-8 text `src[from, to)` as a JSON string: quoted and escaped; after `prefix` inside the quotes
   * when given (ASCII that needs no escape, such as `email:`).
   */
  string(src, from, to, prefix = "") {
    this.reserve(6 * (to - from) + 2 + prefix.length);
    const buf = this.buf;
    let at = this.length;
    let chars = 2 + prefix.length;
    buf[at++] = 34;
    for (let i = 0; i < prefix.length; i++) buf[at++] = prefix.charCodeAt(i);
    for (let i = from; i < to; i++) {
      const b = src[i];
      if (b >= 32 && b !== 34 && b !== 92) {
        buf[at++] = b;
        if ((b & 192) !== 128) chars += b >= 240 ? 2 : 1;
        continue;
      }
      buf[at++] = 92;
      const short = SHORT_ESCAPES[b];
      if (short !== 0) {
        buf[at++] = short;
        chars += 2;
      } else {
        buf[at++] = 117;
        buf[at++] = 48;
        buf[at++] = 48;
        buf[at++] = HEX[b >> 4];
        buf[at++] = HEX[b & 15];
        chars += 6;
      }
    }
    buf[at++] = 34;
    this.length = at;
    this.chars += chars;
  }
  /**
   * Appends as a JSON string the UTF-8 text of `length` bytes at `address` of `chunks` (see `CHUNK_BASE`), its first
   * `skip` bytes left out and `prefix` put before it (see `string`).
   */
  chunkString(chunks, address, length, skip = 0, prefix = "") {
    const chunk = Math.floor(address / CHUNK_BASE);
    const offset = address - chunk * CHUNK_BASE;
    this.string(chunks[chunk], offset + skip, offset + length, prefix);
  }
  reserve(bytes) {
    const need = this.length + bytes;
    if (need <= this.buf.length) return;
    const next = new Uint8Array(Math.max(2 * this.buf.length, need));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
};
function jsonText(text) {
  return { bytes: new TextEncoder().encode(text), chars: text.length };
}
var SHORT_ESCAPES = new Uint8Array(93);
SHORT_ESCAPES[34] = 34;
SHORT_ESCAPES[92] = 92;
SHORT_ESCAPES[8] = 98;
SHORT_ESCAPES[9] = 116;
SHORT_ESCAPES[10] = 110;
SHORT_ESCAPES[12] = 102;
SHORT_ESCAPES[13] = 114;
var HEX = Uint8Array.from("0123456789abcdef", (c2) => c2.charCodeAt(0));
var timeParts = new Int32Array(7);
function digits(b, at, value, width) {
  let v = value;
  for (let i = at + width - 1; i >= at; i--) {
    const q = Math.floor(v / 10);
    b[i] = 48 + v - 10 * q;
    v = q;
  }
}

// src/batch/evidenceJson.ts
function writeEvidenceJson(out, c2, i, why) {
  const ev = c2.evidence;
  const ids = c2.ids;
  const outcome = ev.outcome[i];
  const keyId = ev.key[i];
  out.reset();
  out.text(RECORD_A);
  const a = ev.recordA[i];
  out.chunkString(ids.chunks, ids.starts[a], ids.lengths[a]);
  out.text(RECORD_B);
  const b = ev.recordB[i];
  out.chunkString(ids.chunks, ids.starts[b], ids.lengths[b]);
  let kind;
  let weight = Number.NaN;
  if (keyId === OVERRIDE_KEY) {
    out.text(outcome === OUTCOME.accepted ? OVERRIDE_ACCEPTED : OVERRIDE_REFUSED);
    kind = "override";
  } else {
    const keys = c2.keys;
    const at = keys.starts[keyId];
    kind = kindOfKeyText(chunkByte(keys.chunks, at));
    out.text((outcome === OUTCOME.acceptedFuzzy || outcome === OUTCOME.fuzzy) && kind === "email" ? FUZZY_EMAIL_PIECE : KIND_PIECE[kind]);
    out.chunkString(keys.chunks, at, keys.lengths[keyId], 2, KEY_PREFIX[kind]);
    out.text(isAcceptedOutcome(outcome) ? ACCEPTED : REFUSED);
    weight = ev.weight[i];
  }
  const guard = GUARD_PIECE[outcome];
  if (guard !== void 0) out.text(guard);
  if (why >= 0) {
    const text = ev.why.text;
    if (text.lengths[why] > 0) {
      out.text(WHY);
      out.chunkString(text.chunks, text.starts[why], text.lengths[why]);
    }
  }
  if (kind !== "override" && !Number.isNaN(weight)) {
    out.text(WEIGHT);
    out.number(Math.round(weight * 100) / 100);
    out.text(PARTS);
    const n = weightPartsInto(unpackFacts(ev.facts[i], KIND[kind], weight), partNames2, partValues2);
    for (let p = 0; p < n; p++) {
      if (p > 0) out.char(44);
      out.text(partText(partNames2[p]));
      out.number(partValues2[p]);
    }
    out.char(125);
  }
  out.char(125);
}
var RECORD_A = jsonText('{"record_a":');
var RECORD_B = jsonText(',"record_b":');
var OVERRIDE_ACCEPTED = jsonText(`,"kind":"override","key":"${OVERRIDE_ALWAYS_KEY}","accepted":true`);
var OVERRIDE_REFUSED = jsonText(`,"kind":"override","key":"${OVERRIDE_ALWAYS_KEY}","accepted":false`);
var FUZZY_EMAIL_PIECE = jsonText(',"kind":"fuzzyEmail","key":');
var KINDS2 = Object.keys(KIND);
var KIND_PIECE = Object.fromEntries(KINDS2.map((k) => [k, jsonText(`,"kind":"${k}","key":`)]));
var KEY_PREFIX = Object.fromEntries(KINDS2.map((k) => [k, `${k}:`]));
var ACCEPTED = jsonText(',"accepted":true');
var REFUSED = jsonText(',"accepted":false');
var GUARD_PIECE = GUARD_OF_OUTCOME.map((g) => g === void 0 ? void 0 : jsonText(`,"guard":"${g}"`));
var WHY = jsonText(',"why":');
var WEIGHT = jsonText(',"weight":');
var PARTS = jsonText(',"parts":{');
var partTexts = /* @__PURE__ */ new Map();
function partText(name) {
  let t = partTexts.get(name);
  if (t === void 0) partTexts.set(name, t = jsonText(`${JSON.stringify(name)}:`));
  return t;
}
var partNames2 = [];
var partValues2 = [];

// src/_internal/flatJson.ts
function flatJsonMembers(bytes, from, to, spans2) {
  spans2.length = 0;
  if (to - from < 2 || bytes[from] !== 123 || bytes[to - 1] !== 125) return -1;
  let i = from + 1;
  const end = to - 1;
  if (i === end) return 0;
  for (; ; ) {
    if (bytes[i] !== 34) return -1;
    const keyEnd = stringEnd(bytes, i, end);
    if (keyEnd === -1 || bytes[keyEnd] !== 58) return -1;
    const valueStart = keyEnd + 1;
    let valueEnd;
    if (bytes[valueStart] === 34) valueEnd = stringEnd(bytes, valueStart, end);
    else {
      valueEnd = valueStart;
      while (valueEnd < end && bytes[valueEnd] !== 44) valueEnd++;
      if (!isLiteral(bytes, valueStart, valueEnd)) return -1;
    }
    if (valueEnd === -1) return -1;
    spans2.push(i, keyEnd, valueStart, valueEnd);
    if (valueEnd === end) return spans2.length / 4;
    if (bytes[valueEnd] !== 44) return -1;
    i = valueEnd + 1;
  }
}
var NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
function isLiteral(bytes, from, to) {
  if (to === from || to - from > 32) return false;
  const text = String.fromCharCode(...bytes.subarray(from, to));
  return text === "true" || text === "false" || text === "null" || NUMBER.test(text);
}
function stringEnd(bytes, at, end) {
  for (let i = at + 1; i < end; i++) {
    const b = bytes[i];
    if (b === 92) i++;
    else if (b === 34) return i + 1;
  }
  return -1;
}

// src/_internal/smallSort.ts
var SMALL2 = 16;
function sortNumbers(a, n) {
  if (n > SMALL2) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}
function sortBy(a, compare) {
  const n = a.length;
  if (n > SMALL2) {
    a.sort(compare);
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && compare(a[j], v) > 0) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

// src/accept/recordRules.ts
var MAX_IDENTIFIERS_PER_KIND = 100;
var MAX_ID_CHARS = 4096;
var MAX_JSON_DEPTH = 64;
var MISSING_ID = "missing id";
var CONTROL2 = /[\u0000-\u001f\u007f-\u009f]/;
var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
function acceptId(value) {
  let id;
  if (typeof value === "string") id = value;
  else if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      return {
        ok: false,
        // JSON has already rounded a large number, so its digits here may not be the file's: not quoted.
        problem: Number.isInteger(value) ? "a number beyond \xB1(2^53\u22121), which JSON cannot keep exactly; write the id as a string" : `the number ${String(value)} is not an integer; write the id as a string or a plain integer`
      };
    }
    id = String(value);
  } else if (value === void 0 || value === null) return { ok: false, problem: MISSING_ID };
  else return { ok: false, problem: "expected a string or an integer" };
  if (id === "" || id.trim() === "") return { ok: false, problem: MISSING_ID };
  if (id.length > MAX_ID_CHARS) return { ok: false, problem: `longer than ${MAX_ID_CHARS} characters (${id.length})` };
  const control = CONTROL2.exec(id);
  if (control !== null) return { ok: false, problem: `control character U+${codePoint(control[0])} at position ${control.index + 1}` };
  if (LONE_SURROGATE.test(id)) return { ok: false, problem: `lone surrogate (not valid Unicode text)` };
  return { ok: true, id };
}
function isPlainIntegerToken(text, value) {
  const token = String(value);
  for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + 1)) {
    const before = precedingNonSpace(text, at);
    const after = text.charCodeAt(at + token.length);
    if (before === 58 && (after === 44 || after === 125 || after === 32 || after === 9 || after === 13 || Number.isNaN(after))) return true;
  }
  return false;
}
function precedingNonSpace(text, at) {
  let i = at - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 ? -1 : text.charCodeAt(i);
}
function nestsDeeperThan(value, limit = MAX_JSON_DEPTH) {
  if (value === null || typeof value !== "object") return false;
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop();
    if (depth > limit) return true;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const c2 of children) if (c2 !== null && typeof c2 === "object") stack.push([c2, depth + 1]);
  }
  return false;
}
function codePoint(ch) {
  return ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
}

// src/io/outputFiles.ts
var NEEDS_QUOTES = /[",\r\n]/;
var FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20']/;
function csvCell(value, csvSafe = false) {
  if (csvSafe && FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
function mappingLine(recordId, profileId, csvSafe = false) {
  return `${csvCell(recordId, csvSafe)},${csvCell(profileId, csvSafe)}`;
}
function toProfileJson(profile, lineage = "full") {
  return {
    profile_id: profile.profileId,
    record_ids: profile.recordIds,
    sources: profile.sources,
    first_seen: profile.firstSeen,
    last_seen: profile.lastSeen,
    // perf: a ProfileIdentifier is already { kind, value, records, sources }, in that order.
    identifiers: profile.identifiers,
    fields: toProfileFields(profile.fields, lineage)
  };
}
function toProfileFields(fields, lineage) {
  const out = {};
  for (const name of Object.keys(fields)) {
    const { value, recordId, source, rule: rule2 } = fields[name];
    setOwn(out, profileFieldName(name), lineage === "compact" ? { value, record_id: recordId } : { value, record_id: recordId, source, rule: rule2 });
  }
  return out;
}
function profileFieldName(name) {
  return PERSON_FIELD_COLUMNS.get(name) ?? name;
}

// src/batch/profileJson.ts
function writeProfileJson(out, head, c2, p, config2, lineage) {
  const members = sortedMembers(c2, c2.memberStart[p], c2.memberStart[p + 1]);
  head.reset();
  head.text(OPEN_PROFILE);
  head.ascii(profileIdAt(c2, p));
  head.text(RECORD_IDS);
  let first = Infinity;
  let last = -Infinity;
  for (let j = 0; j < members.length; j++) {
    const r = members[j];
    if (j > 0) head.char(44);
    entry(head, c2.ids, r);
    const t = c2.updatedAt[r];
    if (t < first) first = t;
    if (t > last) last = t;
  }
  head.text(SOURCES_LIST);
  const sources = sourceRanking(c2);
  sourceList(head, c2, sources.order, profileSourceRanks(c2, sources.rank, members));
  head.char(93);
  if (first !== Infinity) {
    head.text(FIRST_SEEN);
    head.isoTime(first);
    head.text(LAST_SEEN);
    head.isoTime(last);
    head.char(34);
  }
  head.text(IDENTIFIERS);
  writeIdentifiers(head, c2, sources, members);
  head.text(FIELDS);
  const start = head.length;
  if (writeFields(head, c2, members, config2, lineage)) {
    head.char(125);
    out.appendBytes(head.bytes, head.length);
  } else {
    out.appendBytes(head.bytes, start);
    out.append(JSON.stringify(toProfileFields(surviveFields(memberFields(c2, members), config2), lineage)));
    out.append("}");
  }
  out.endLine();
}
var OPEN_PROFILE = jsonText('{"profile_id":"');
var RECORD_IDS = jsonText('","record_ids":[');
var SOURCES_LIST = jsonText('],"sources":[');
var FIRST_SEEN = jsonText(',"first_seen":"');
var LAST_SEEN = jsonText('","last_seen":"');
var IDENTIFIERS = jsonText(',"identifiers":[');
var FIELDS = jsonText('],"fields":');
var MAX_FIELD_NAMES = 4096;
var FieldNames = class {
  constructor(config2) {
    this.config = config2;
  }
  byHash = /* @__PURE__ */ new Map();
  all = [];
  of(bytes, from, to) {
    let h = 2166136261;
    for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 16777619);
    const same = this.byHash.get(h);
    if (same !== void 0) {
      for (const f2 of same) if (sameBytes(f2.key, bytes, from, to)) return f2;
    }
    const name = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString("utf8"));
    const column = profileFieldName(name);
    const index2 = /^(?:0|[1-9]\d{0,9})$/.test(column) && Number(column) < 2 ** 32 - 1 ? Number(column) : -1;
    const rule2 = ruleFor(this.config, name);
    const f = {
      name,
      key: Uint8Array.from(bytes.subarray(from, to)),
      index: index2,
      rule: rule2,
      open: jsonText(`${JSON.stringify(column)}:{"value":`),
      close: jsonText(`,"rule":${JSON.stringify(rule2)}}`),
      rank: -1
    };
    if (this.all.length < MAX_FIELD_NAMES) {
      if (same === void 0) this.byHash.set(h, [f]);
      else same.push(f);
      let lo = 0;
      let hi = this.all.length;
      while (lo < hi) {
        const mid = lo + hi >>> 1;
        if (compareFieldNames(this.all[mid], f) < 0) lo = mid + 1;
        else hi = mid;
      }
      this.all.splice(lo, 0, f);
      for (let r = lo; r < this.all.length; r++) this.all[r].rank = r;
    }
    return f;
  }
};
function compareFieldNames(a, b) {
  return indexRank(a) - indexRank(b) || compareStrings(a.name, b.name);
}
function sameBytes(key, bytes, from, to) {
  if (key.length !== to - from) return false;
  for (let i = 0; i < key.length; i++) if (key[i] !== bytes[from + i]) return false;
  return true;
}
var fieldNameCaches = /* @__PURE__ */ new WeakMap();
function fieldNamesOf(config2) {
  let names = fieldNameCaches.get(config2);
  if (names === void 0) fieldNameCaches.set(config2, names = new FieldNames(config2));
  return names;
}
var RECORD_ID = jsonText(',"record_id":');
var sourceTextCache = /* @__PURE__ */ new WeakMap();
function sourceTexts(c2) {
  let texts = sourceTextCache.get(c2.sources);
  if (texts === void 0) {
    texts = [];
    for (let s = 0; s < c2.sources.lengths.length; s++) {
      const name = JSON.stringify(stringAt(c2.sources, s));
      texts.push({ name: jsonText(name), member: jsonText(`,"source":${name}`) });
    }
    sourceTextCache.set(c2.sources, texts);
  }
  return texts;
}
var spans = [];
var entryCount = 0;
var entryField = [];
var entryMember = [];
var entryFrom = [];
var entryTo = [];
var entryChunk = [];
function writeFields(head, c2, members, config2, lineage) {
  entryCount = 0;
  const p = c2.payloads;
  const names = fieldNamesOf(config2);
  let ranked = true;
  for (let j = 0; j < members.length; j++) {
    const r = members[j];
    const address = p.starts[r];
    const chunk = Math.floor(address / CHUNK_BASE);
    const bytes = p.chunks[chunk];
    const from = address - chunk * CHUNK_BASE;
    const n2 = flatJsonMembers(bytes, from, from + p.lengths[r], spans);
    if (n2 < 0) return false;
    for (let m = 0; m < n2; m++) {
      const vs = spans[4 * m + 2];
      const ve = spans[4 * m + 3];
      if (ve - vs === 2 && bytes[vs] === 34 || ve - vs === 4 && bytes[vs] === 110) continue;
      const f = names.of(bytes, spans[4 * m], spans[4 * m + 1]);
      if (f.rank === -1) ranked = false;
      const e = entryCount++;
      entryField[e] = f;
      entryMember[e] = j;
      entryFrom[e] = vs;
      entryTo[e] = ve;
      entryChunk[e] = bytes;
    }
  }
  const n = entryCount;
  const order = entriesInOrder(ranked);
  const winners = winnerScratch;
  let fields = 0;
  let recordIds;
  for (let i = 0; i < n; ) {
    let end = i + 1;
    while (end < n && entryField[order[end]].name === entryField[order[i]].name) end++;
    if (end - i === 1) winners[fields++] = order[i];
    else {
      recordIds ??= members.map((r) => stringAt(c2.ids, r));
      winners[fields++] = order[i + survivorOf(c2, members, recordIds, config2, order, i, end)];
    }
    i = end;
  }
  const sources = lineage !== "compact" ? sourceTexts(c2) : void 0;
  head.char(123);
  for (let i = 0; i < fields; i++) {
    const e = winners[i];
    const f = entryField[e];
    const r = members[entryMember[e]];
    if (i > 0) head.char(44);
    head.text(f.open);
    head.raw(entryChunk[e], entryFrom[e], entryTo[e]);
    head.text(RECORD_ID);
    entry(head, c2.ids, r);
    if (sources !== void 0) {
      const s = c2.sourceOf[r];
      if (s >= 0) head.text(sources[s].member);
      head.text(f.close);
    } else head.char(125);
  }
  head.char(125);
  return true;
}
var entryKeys = new Float64Array(64);
var orderScratch = [];
var winnerScratch = [];
function entriesInOrder(ranked) {
  const n = entryCount;
  const order = orderScratch;
  if (!ranked) {
    const sorted = Array.from({ length: n }, (_, e) => e).sort((a, b) => compareFieldNames(entryField[a], entryField[b]) || entryMember[a] - entryMember[b]);
    for (let i = 0; i < n; i++) order[i] = sorted[i];
    return order;
  }
  if (entryKeys.length < n) entryKeys = new Float64Array(Math.max(n, 2 * entryKeys.length));
  const keys = entryKeys;
  for (let e = 0; e < n; e++) keys[e] = entryField[e].rank * n + e;
  sortNumbers(keys, n);
  for (let i = 0; i < n; i++) order[i] = keys[i] % n;
  return order;
}
function indexRank(f) {
  return f.index === -1 ? 2 ** 32 : f.index;
}
function survivorOf(c2, members, recordIds, config2, order, from, to) {
  const rule2 = entryField[order[from]].rule;
  const withValues = ruleReadsValues(rule2);
  const candidates = [];
  for (let i = from; i < to; i++) {
    const e = order[i];
    const j = entryMember[e];
    const r = members[j];
    const s = c2.sourceOf[r];
    const value = withValues ? JSON.parse(entryChunk[e].toString("utf8", entryFrom[e], entryTo[e])) : null;
    candidates.push({ value, recordId: recordIds[j], source: s === -1 ? void 0 : sourceName(c2, s), updatedAt: c2.updatedAt[r] });
  }
  return survivorIndex(rule2, candidates, config2.sourceRank);
}
function entry(head, view, i, skip = 0) {
  head.chunkString(view.chunks, view.starts[i], view.lengths[i], skip);
}
var memberScratch = [];
function sortedMembers(c2, from, to) {
  const out = memberScratch;
  out.length = 0;
  for (let j = from; j < to; j++) out.push(c2.members[j]);
  if (out.length > 1) {
    const ids = c2.ids;
    sortBy(out, (a, b) => compareAt(ids, a, b));
  }
  return out;
}
var sourceRankings = /* @__PURE__ */ new WeakMap();
function sourceRanking(c2) {
  let ranking = sourceRankings.get(c2.sources);
  if (ranking === void 0) {
    const order = Int32Array.from(Array.from({ length: c2.sources.lengths.length }, (_, s) => s).sort((a, b) => compareAt(c2.sources, a, b)));
    const rank = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) rank[order[i]] = i;
    sourceRankings.set(c2.sources, ranking = { order, rank });
  }
  return ranking;
}
function profileSourceRanks(c2, rank, members) {
  const ranks = [];
  for (const r of members) {
    const s = c2.sourceOf[r];
    if (s >= 0) ranks.push(rank[s]);
  }
  if (ranks.length > 1) ranks.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < ranks.length; i++) if (i === 0 || ranks[i] !== ranks[i - 1]) ranks[n++] = ranks[i];
  ranks.length = n;
  return ranks;
}
function sourceList(head, c2, order, ranks) {
  const texts = sourceTexts(c2);
  for (let i = 0; i < ranks.length; i++) {
    if (i > 0) head.char(44);
    head.text(texts[order[ranks[i]]].name);
  }
}
var RECORDS = jsonText(',"records":');
var SOURCES = jsonText(',"sources":[');
var CLOSE_IDENTIFIER = jsonText("]}");
var kindOpens = [];
function kindOpen(prefix) {
  return kindOpens[prefix] ??= jsonText(`{"kind":${JSON.stringify(kindOfKeyText(prefix))},"value":`);
}
var occurrences = new Float64Array(256);
var groupStart = [];
var groupKey = [];
var groupKind = [];
var byValue = [];
function writeIdentifiers(head, c2, { order, rank }, members) {
  const span = order.length + 1;
  let n = 0;
  for (const r of members) n += c2.keyStart[r + 1] - c2.keyStart[r];
  if (occurrences.length < n) occurrences = new Float64Array(Math.max(n, 2 * occurrences.length));
  n = 0;
  for (const r of members) {
    const s = c2.sourceOf[r];
    const code = s >= 0 ? rank[s] + 1 : 0;
    for (let j = c2.keyStart[r]; j < c2.keyStart[r + 1]; j++) occurrences[n++] = c2.keyIds[j] * span + code;
  }
  sortNumbers(occurrences, n);
  const occ = occurrences;
  byValue.length = 0;
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const k = Math.floor(occ[i] / span);
    if (groups > 0 && k === groupKey[groups - 1]) continue;
    byValue.push(groups);
    groupStart[groups] = i;
    groupKey[groups] = k;
    groupKind[groups++] = KIND_ORDER[kindOfKeyText(chunkByte(c2.keys.chunks, c2.keys.starts[k]))];
  }
  groupStart[groups] = n;
  if (groups > 1) {
    const keys = c2.keys;
    sortBy(byValue, (a, b) => groupKind[a] - groupKind[b] || compareAt(keys, groupKey[a], groupKey[b], 2));
  }
  const texts = sourceTexts(c2);
  for (let i = 0; i < groups; i++) {
    const g = byValue[i];
    const k = groupKey[g];
    if (i > 0) head.char(44);
    head.text(kindOpen(chunkByte(c2.keys.chunks, c2.keys.starts[k])));
    entry(head, c2.keys, k, 2);
    head.text(RECORDS);
    head.number(groupStart[g + 1] - groupStart[g]);
    head.text(SOURCES);
    let last = 0;
    for (let j = groupStart[g]; j < groupStart[g + 1]; j++) {
      const code = occ[j] - k * span;
      if (code === last) continue;
      if (last !== 0) head.char(44);
      head.text(texts[order[code - 1]].name);
      last = code;
    }
    head.text(CLOSE_IDENTIFIER);
  }
}
function memberFields(c2, members) {
  return members.map((r) => {
    const s = c2.sourceOf[r];
    return { recordId: stringAt(c2.ids, r), source: s === -1 ? void 0 : sourceName(c2, s), updatedAt: c2.updatedAt[r], fields: JSON.parse(payloadAt(c2.payloads, r)) };
  });
}

// src/batch/CacheWarmer.ts
var WARM_PROFILES = 8;
var WARM_DECISIONS = 16;
var WARM_CREATED = 16;
var WARM_SERIALS = 64;
var CacheWarmer = class {
  sink = 0;
  scratch = new Float64Array(256);
  /** Profiles [from, to): each member's columns, its id's and payload's bytes, its keys' bytes. */
  profiles(c2, from, to) {
    const first = c2.memberStart[from];
    const n = c2.memberStart[to] - first;
    if (this.scratch.length < 4 * n) this.scratch = new Float64Array(8 * n);
    const s = this.scratch;
    let sink = 0;
    for (let j = 0; j < n; j++) s[j] = c2.members[first + j];
    for (let j = 0; j < n; j++) {
      const r = s[j];
      s[n + j] = c2.ids.starts[r];
      s[2 * n + j] = c2.payloads.starts[r];
      s[3 * n + j] = c2.keyStart[r];
      sink += c2.sourceOf[r] + c2.keyStart[r + 1] + (Number.isNaN(c2.updatedAt[r]) ? 0 : 1);
    }
    for (let j = 0; j < n; j++) {
      const r = s[j];
      sink += touch(c2.ids, s[n + j], c2.ids.lengths[r]) + touch(c2.payloads, s[2 * n + j], c2.payloads.lengths[r]);
    }
    for (let j = 0; j < n; j++) {
      for (let k = s[3 * n + j], end = c2.keyStart[s[j] + 1]; k < end; k++) sink += c2.keys.starts[c2.keyIds[k]];
    }
    for (let j = 0; j < n; j++) {
      for (let k = s[3 * n + j], end = c2.keyStart[s[j] + 1]; k < end; k++) {
        const key = c2.keyIds[k];
        sink += touch(c2.keys, c2.keys.starts[key], c2.keys.lengths[key]);
      }
    }
    this.sink += sink;
  }
  /**
   * Profiles [from, to)'s `created` events: each member's id (its address, then its bytes), for the profiles this
   * run creates only (with a previous run most are not, and their lines are skipped).
   */
  memberIds(c2, from, to) {
    const most = c2.memberStart[to] - c2.memberStart[from];
    if (this.scratch.length < 2 * most) this.scratch = new Float64Array(4 * most);
    const s = this.scratch;
    let n = 0;
    for (let p = from; p < to; p++) {
      if (c2.createdProfile[p] !== 1) continue;
      for (let j = c2.memberStart[p], end = c2.memberStart[p + 1]; j < end; j++) s[n++] = c2.members[j];
    }
    let sink = 0;
    for (let j = 0; j < n; j++) s[n + j] = c2.ids.starts[s[j]];
    for (let j = 0; j < n; j++) sink += touch(c2.ids, s[n + j], c2.ids.lengths[s[j]]);
    this.sink += sink;
  }
  /** Records [from, to)'s profile serials (`mapping.csv`, `resolver.ndjson`'s records: records in input order, their profiles anywhere). */
  profileSerials(c2, from, to) {
    let sink = 0;
    for (let i = from; i < to; i++) sink += c2.profileSerial[c2.profileOf[i]];
    this.sink += sink;
  }
  /** Decisions [from, to) of the evidence log: both records' ids and the key's bytes. */
  decisions(c2, from, to) {
    const ev = c2.evidence;
    const n = to - from;
    if (this.scratch.length < 3 * n) this.scratch = new Float64Array(6 * n);
    const s = this.scratch;
    let sink = 0;
    for (let j = 0; j < n; j++) {
      const key = ev.key[from + j];
      s[j] = c2.ids.starts[ev.recordA[from + j]];
      s[n + j] = c2.ids.starts[ev.recordB[from + j]];
      s[2 * n + j] = key >= 0 ? c2.keys.starts[key] : -1;
    }
    for (let j = 0; j < n; j++) {
      const i = from + j;
      const key = ev.key[i];
      sink += touch(c2.ids, s[j], c2.ids.lengths[ev.recordA[i]]) + touch(c2.ids, s[n + j], c2.ids.lengths[ev.recordB[i]]);
      if (key >= 0) sink += touch(c2.keys, s[2 * n + j], c2.keys.lengths[key]);
    }
    this.sink += sink;
  }
};
function touch(view, address, length) {
  if (length === 0) return 0;
  const chunk = Math.floor(address / CHUNK_BASE);
  const bytes = view.chunks[chunk];
  const start = address - chunk * CHUNK_BASE;
  let sum = bytes[start + length - 1];
  for (let i = start, end = start + length; i < end; i += 64) sum += bytes[i];
  return sum;
}

// src/batch/createdJson.ts
function writeCreatedJson(head, c2, p) {
  const members = sortedMembers(c2, c2.memberStart[p], c2.memberStart[p + 1]);
  head.reset();
  head.text(OPEN);
  head.ascii(profileIdAt(c2, p));
  head.text(RECORD_IDS2);
  for (let j = 0; j < members.length; j++) {
    const r = members[j];
    if (j > 0) head.char(44);
    head.chunkString(c2.ids.chunks, c2.ids.starts[r], c2.ids.lengths[r]);
  }
  head.text(CLOSE);
}
var OPEN = jsonText('{"type":"created","profile_id":"');
var RECORD_IDS2 = jsonText('","record_ids":[');
var CLOSE = jsonText("]}");

// src/batch/mappingCsv.ts
var line = new Uint8Array(256);
function writeMappingLine(out, c2, i, csvSafe) {
  const ids = c2.ids;
  const address = ids.starts[i];
  const length = ids.lengths[i];
  const chunk = Math.floor(address / CHUNK_BASE);
  const bytes = ids.chunks[chunk];
  const from = address - chunk * CHUNK_BASE;
  if (length + 20 > line.length || csvSafe && length > 0 && FORMULA_LEAD[bytes[from]] === 1) return general(out, c2, i, csvSafe);
  for (let j = 0; j < length; j++) {
    const b = bytes[from + j];
    if (b === 34 || b === 44 || b === 13 || b === 10) return general(out, c2, i, csvSafe);
    line[j] = b;
  }
  line[length] = 44;
  const end = writeProfileId(c2.profileSerial[c2.profileOf[i]], line, length + 1);
  out.appendBytes(line, end);
  out.endLine();
}
function general(out, c2, i, csvSafe) {
  out.add(mappingLine(stringAt(c2.ids, i), profileIdAt(c2, c2.profileOf[i]), csvSafe));
}
var FORMULA_LEAD = new Uint8Array(256);
for (const ch of "=+-@	\r'") FORMULA_LEAD[ch.charCodeAt(0)] = 1;
FORMULA_LEAD[239] = 1;

// src/io/parquetOutput.ts
var string = (name, repetition = "REQUIRED") => ({ name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: repetition });
var stringList = (name) => [
  { name, repetition_type: "REQUIRED", converted_type: "LIST", num_children: 1 },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  string("element")
];
var MAPPING_SCHEMA = [{ name: "root", num_children: 2 }, string("record_id"), string("profile_id")];
var PROFILES_SCHEMA = [
  { name: "root", num_children: 7 },
  string("profile_id"),
  ...stringList("record_ids"),
  ...stringList("sources"),
  string("first_seen", "OPTIONAL"),
  string("last_seen", "OPTIONAL"),
  { name: "identifiers", repetition_type: "REQUIRED", converted_type: "LIST", num_children: 1 },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  { name: "element", repetition_type: "REQUIRED", num_children: 4 },
  string("kind"),
  string("value"),
  { name: "records", type: "INT32", repetition_type: "REQUIRED" },
  ...stringList("sources"),
  // JSON text in a plain string column: the writer's JSON type re-serializes values through an object copy that
  // would drop a field named `__proto__`; the text here is exactly profiles.ndjson's.
  string("fields")
];
function profileColumns(profiles2) {
  const n = profiles2.length;
  const cols = [new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n), new Array(n)];
  for (let p = 0; p < n; p++) {
    const j = profiles2[p];
    cols[0][p] = j.profile_id;
    cols[1][p] = j.record_ids;
    cols[2][p] = j.sources;
    cols[3][p] = j.first_seen ?? null;
    cols[4][p] = j.last_seen ?? null;
    cols[5][p] = j.identifiers.map((i) => ({ kind: i.kind, value: i.value, records: i.records, sources: i.sources }));
    cols[6][p] = JSON.stringify(j.fields);
  }
  return cols;
}

// src/batch/profileStats.ts
var LARGEST_PROFILES = 50;
function profileBlockStats(c2, from, to, tracked) {
  const slots = tracked.length + 1;
  const slotOf = /* @__PURE__ */ new Map();
  tracked.forEach((s, i) => slotOf.set(s, i));
  const overlap = new Float64Array(slots * slots);
  const bySourceCount = [];
  const largest = new Largest(LARGEST_PROFILES);
  const { memberStart, members, sourceOf } = c2;
  const seen = [];
  let seenSet;
  for (let p = from; p < to; p++) {
    const start = memberStart[p];
    const end = memberStart[p + 1];
    largest.offer(p, end - start);
    seen.length = 0;
    seenSet = void 0;
    let mask = 0;
    for (let j = start; j < end; j++) {
      const s = sourceOf[members[j]];
      if (s === -1) continue;
      if (seenSet !== void 0) {
        if (seenSet.has(s)) continue;
        seenSet.add(s);
      } else if (seen.includes(s)) continue;
      else if (seen.length === 16) seenSet = /* @__PURE__ */ new Set([...seen, s]);
      seen.push(s);
      mask |= 1 << (slotOf.get(s) ?? slots - 1);
    }
    const k = seen.length;
    while (bySourceCount.length <= k) bySourceCount.push(0);
    bySourceCount[k]++;
    for (let a = 0; a < slots; a++) {
      if ((mask & 1 << a) === 0) continue;
      for (let b = a; b < slots; b++) if ((mask & 1 << b) !== 0) overlap[a * slots + b]++;
    }
  }
  return { bySourceCount, overlap, largest: largest.pairs() };
}
var Largest = class {
  constructor(k) {
    this.k = k;
  }
  profile = [];
  size = [];
  offer(p, size) {
    const n = this.size.length;
    if (n === this.k && size <= this.size[n - 1]) return;
    let at = n;
    while (at > 0 && this.size[at - 1] < size) at--;
    this.profile.splice(at, 0, p);
    this.size.splice(at, 0, size);
    if (this.size.length > this.k) {
      this.profile.pop();
      this.size.pop();
    }
  }
  /** `[profile, size, profile, size, …]`. */
  pairs() {
    return this.profile.flatMap((p, i) => [p, this.size[i]]);
  }
};

// src/batch/outputLines.ts
function outputLines(c2, config2, task) {
  if (task.columns === true && (task.kind === "mapping" || task.kind === "profiles")) return outputColumns(c2, config2, task);
  const out = new Utf8Lines();
  const entry2 = new JsonBytes();
  const warmer = new CacheWarmer();
  switch (task.kind) {
    case "mapping":
      for (let i = task.from; i < task.to; i++) {
        if ((i - task.from) % WARM_SERIALS === 0) warmer.profileSerials(c2, i, Math.min(task.to, i + WARM_SERIALS));
        writeMappingLine(out, c2, i, task.csvSafe === true);
      }
      break;
    case "profiles":
      for (let p = task.from; p < task.to; p++) {
        if ((p - task.from) % WARM_PROFILES === 0) warmer.profiles(c2, p, Math.min(task.to, p + WARM_PROFILES));
        writeProfileJson(out, entry2, c2, p, config2, task.lineage ?? "full");
      }
      if (task.statsSources !== void 0) return { bytes: out.finish(), stats: profileBlockStats(c2, task.from, task.to, task.statsSources) };
      break;
    case "created": {
      let lines = 0;
      for (let p = task.from; p < task.to; p++) {
        if ((p - task.from) % WARM_CREATED === 0) warmer.memberIds(c2, p, Math.min(task.to, p + WARM_CREATED));
        if (c2.createdProfile[p] !== 1) continue;
        writeCreatedJson(entry2, c2, p);
        out.appendBytes(entry2.bytes, entry2.length);
        out.endLine();
        lines++;
      }
      return { bytes: out.finish(), lines };
    }
    case "evidence": {
      const reasons = c2.evidence.why.entry;
      let w = lowerBound(reasons, task.from);
      let lines = 0;
      for (let i = task.from; i < task.to; i++) {
        if (task.refusedOnly !== true && (i - task.from) % WARM_DECISIONS === 0) warmer.decisions(c2, i, Math.min(task.to, i + WARM_DECISIONS));
        const why = w < reasons.length && reasons[w] === i ? w++ : -1;
        if (task.refusedOnly === true && isAcceptedOutcome(c2.evidence.outcome[i])) continue;
        writeEvidenceJson(entry2, c2, i, why);
        out.appendBytes(entry2.bytes, entry2.length);
        out.endLine();
        lines++;
      }
      return task.refusedOnly === true ? { bytes: out.finish(), lines } : { bytes: out.finish() };
    }
  }
  return { bytes: out.finish() };
}
function outputColumns(c2, config2, task) {
  const n = task.to - task.from;
  if (task.kind === "mapping") {
    const records2 = new Array(n);
    const profiles3 = new Array(n);
    for (let i = 0; i < n; i++) {
      records2[i] = stringAt(c2.ids, task.from + i);
      profiles3[i] = profileIdAt(c2, c2.profileOf[task.from + i]);
    }
    return { bytes: NO_BYTES, columns: [records2, profiles3] };
  }
  const profiles2 = [];
  for (let p = task.from; p < task.to; p++) profiles2.push(toProfileJson(profileAt(c2, p, config2), task.lineage));
  const columns = profileColumns(profiles2);
  return task.statsSources !== void 0 ? { bytes: NO_BYTES, columns, stats: profileBlockStats(c2, task.from, task.to, task.statsSources) } : { bytes: NO_BYTES, columns };
}
var NO_BYTES = new Uint8Array(0);

// src/incremental/snapshotRecordJson.ts
function writeSnapshotRecordJson(out, ids, payloads, record, serial, source, updatedAt, firstName, lastName, keys, from, to, weak, weakFrom, weakTo, attributes) {
  out.reset();
  out.char(91);
  out.chunkString(ids.chunks, ids.starts[record], ids.lengths[record]);
  out.char(44);
  out.number(serial);
  out.char(44);
  out.number(source);
  out.char(44);
  if (updatedAt === null) out.ascii("null");
  else out.number(updatedAt);
  out.char(44);
  out.number(firstName);
  out.char(44);
  out.number(lastName);
  out.char(44);
  out.chunkString(payloads.chunks, payloads.starts[record], payloads.lengths[record]);
  out.ascii(",[");
  for (let j = from; j < to; j++) {
    if (j > from) out.char(44);
    out.number(keys[j]);
  }
  out.ascii("],[");
  for (let j = weakFrom; j < weakTo; j++) {
    if (j > weakFrom) out.char(44);
    out.number(weak[j]);
  }
  out.char(93);
  if (attributes !== void 0) {
    out.char(44);
    out.number(attributes);
  }
  out.char(93);
}

// src/incremental/snapshotStreamFormat.ts
var MAX_LINE_ENTRIES = 1e4;
var MAX_LINE_CHARS = 1 << 18;
var MAX_LINE_BYTES = 1 << 28;

// src/incremental/snapshotStreamWrite.ts
var LineCutter = class {
  constructor(section, out) {
    this.section = section;
    this.out = out;
    this.open = `{"${section}":[`;
  }
  open;
  entries = 0;
  chars = 0;
  /** Entries taken so far. */
  count = 0;
  /** Takes an entry; says whether it closed the line before it (the entry did not fit on it). */
  add(text) {
    if (text.length > MAX_LINE_CHARS && Buffer.byteLength(text) > MAX_LINE_BYTES - this.open.length - 3) this.tooLong();
    const closed = this.next(text.length);
    this.out.append(text);
    return closed;
  }
  /** Takes an entry built as bytes (`JsonBytes`); says whether it closed the line before it. */
  addEncoded(text) {
    if (text.chars > MAX_LINE_CHARS && text.length > MAX_LINE_BYTES - this.open.length - 3) this.tooLong();
    const closed = this.next(text.chars);
    this.out.appendBytes(text.bytes, text.length);
    return closed;
  }
  /** Starts the next entry, `chars` UTF-16 units long: on this line if it fits, else on a new one. */
  next(chars) {
    const closed = this.entries > 0 && (this.entries === MAX_LINE_ENTRIES || this.chars + chars > MAX_LINE_CHARS);
    if (closed) this.finish();
    if (this.entries === 0) this.out.append(this.open);
    else this.out.appendByte(44);
    this.entries++;
    this.chars += chars + 1;
    this.count++;
    return closed;
  }
  tooLong() {
    throw new IdweaveError("output_unwritable", `cannot write the snapshot: ${this.section}[${this.count}] takes more than the ${MAX_LINE_BYTES} bytes a snapshot line may hold`);
  }
  /** Closes the line being filled, if any. */
  finish() {
    if (this.entries === 0) return;
    this.out.append("]}");
    this.out.endLine();
    this.entries = 0;
    this.chars = 0;
  }
};

// src/batch/tableLines.ts
function tableLines(c2, { section, from, to }) {
  const out = new Utf8Lines();
  const cutter = new LineCutter(section, out);
  const entry2 = new JsonBytes();
  if (section === "keys") {
    for (let k = from; k < to; k++) {
      entry2.reset();
      entry2.char(91);
      entry2.chunkString(c2.keys.chunks, c2.keys.starts[k], c2.keys.lengths[k]);
      entry2.char(44);
      entry2.number(c2.keyKind[k]);
      entry2.char(44);
      entry2.number(c2.keyGroup[k]);
      entry2.char(93);
      cutter.addEncoded(entry2);
    }
  } else if (section === "names") {
    for (let i = from; i < to; i++) {
      entry2.reset();
      entry2.chunkString(c2.names.chunks, c2.names.starts[i], c2.names.lengths[i]);
      cutter.addEncoded(entry2);
    }
  } else {
    let w = lowerBound(c2.weakRecord, from);
    const warmer = new CacheWarmer();
    for (let i = from; i < to; i++) {
      if ((i - from) % WARM_SERIALS === 0) warmer.profileSerials(c2, i, Math.min(to, i + WARM_SERIALS));
      const w0 = w;
      while (w < c2.weakRecord.length && c2.weakRecord[w] === i) w++;
      const t = c2.updatedAt[i];
      writeSnapshotRecordJson(
        entry2,
        c2.ids,
        c2.payloads,
        i,
        c2.profileSerial[c2.profileOf[i]],
        c2.sourceOf[i],
        Number.isNaN(t) ? null : t,
        c2.firstName[i],
        c2.lastName[i],
        c2.keyIds,
        c2.keyStart[i],
        c2.keyStart[i + 1],
        c2.weakKey,
        w0,
        w,
        c2.attributes[i]
      );
      cutter.addEncoded(entry2);
    }
  }
  cutter.finish();
  return { bytes: out.finish(), entries: to - from };
}

// bench/lines/generatedRecords.ts
import { readFileSync } from "node:fs";

// src/accept/acceptRecord.ts
var MAX_VALUE_CHARS = 1e5;
var MAX_ATTRIBUTE_CHARS = 1 << 20;
function acceptRecord(raw) {
  const issues = [];
  const id = acceptId(raw.id);
  if (!id.ok) {
    issues.push(id.problem === MISSING_ID ? { code: "missing_id", path: "", message: MISSING_ID } : { code: "invalid_id", path: "id", message: id.problem });
  }
  checkText(issues, "source", raw.source);
  checkText(issues, "firstName", raw.firstName);
  checkText(issues, "lastName", raw.lastName);
  checkText(issues, "fullName", raw.fullName);
  checkText(issues, "dateOfBirth", raw.dateOfBirth);
  checkText(issues, "gender", raw.gender);
  checkText(issues, "address", raw.address);
  checkText(issues, "city", raw.city);
  checkText(issues, "postcode", raw.postcode);
  checkText(issues, "country", raw.country);
  checkList(issues, "emails", raw.emails, (v) => v, none);
  checkList(issues, "phones", raw.phones, (v) => v, none);
  checkList(issues, "logins", raw.logins, (v) => v, none);
  checkList(issues, "handles", raw.handles, (h) => h.handle, (h) => h.platform);
  checkList(issues, "externalIds", raw.externalIds, (x) => x.value, (x) => x.namespace);
  const attributes = raw.attributes;
  if (attributes !== void 0) {
    for (const k of Object.keys(attributes)) {
      const v = attributes[k];
      if (typeof v === "string" && v.length > MAX_ATTRIBUTE_CHARS) issues.push({ code: "too_long", path: `attributes.${k}`, message: `longer than ${MAX_ATTRIBUTE_CHARS} characters (${v.length})` });
    }
  }
  if (!id.ok || issues.length > 0) return { ok: false, issues };
  const updatedAtMs = raw.updatedAt === void 0 ? Number.NaN : parseIsoDate(raw.updatedAt);
  const invalidUpdatedAt = raw.updatedAt !== void 0 && Number.isNaN(updatedAtMs);
  const record = invalidUpdatedAt ? { ...raw, id: id.id, updatedAt: void 0 } : { ...raw, id: id.id };
  return { ok: true, record, invalidUpdatedAt, updatedAtMs };
}
function checkText(issues, path2, v) {
  if (v !== void 0 && v.length > MAX_VALUE_CHARS) issues.push({ code: "too_long", path: path2, message: `longer than ${MAX_VALUE_CHARS} characters (${v.length})` });
}
var none = () => "";
function checkList(issues, field, list, value, scope) {
  if (list === void 0) return;
  if (list.length > MAX_IDENTIFIERS_PER_KIND) {
    issues.push({ code: "too_many_values", path: field, message: `${list.length} values, more than the ${MAX_IDENTIFIERS_PER_KIND} one record may hold (a list pasted into one cell?)` });
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const longest = Math.max(value(item).length, scope(item).length);
    if (longest > MAX_VALUE_CHARS) issues.push({ code: "too_long", path: `${field}[${i}]`, message: `longer than ${MAX_VALUE_CHARS} characters (${longest})` });
  }
}

// src/_internal/foldColumnName.ts
function foldColumnName(name) {
  return name.toLowerCase().replace(/[\s_]+/g, "");
}

// src/config/recordColumns.ts
var RECORD_COLUMNS = [
  "id",
  "source",
  "updated_at",
  "email",
  "phone",
  "login",
  "first_name",
  "last_name",
  "full_name",
  "instagram",
  "twitter",
  "x",
  "facebook",
  "tiktok",
  "snapchat",
  "linkedin",
  "youtube",
  "telegram",
  "whatsapp",
  "date_of_birth",
  "dob",
  "birth_year",
  "year_of_birth",
  "gender",
  "address",
  "city",
  "postcode",
  "country"
];

// src/io/columnRoles.ts
var ID = 0;
var SOURCE = 1;
var UPDATED = 2;
var EMAIL = 3;
var PHONE = 4;
var LOGIN = 5;
var FIRST = 6;
var LAST = 7;
var FULL = 8;
var HANDLE = 9;
var EXTERNAL = 10;
var HANDLE_LIST = 11;
var EXTERNAL_LIST = 12;
var ATTRIBUTES = 13;
var EVIDENCE = 14;
var SNAKE_ROLES = {
  id: [ID, ""],
  source: [SOURCE, ""],
  updated_at: [UPDATED, ""],
  email: [EMAIL, ""],
  phone: [PHONE, ""],
  login: [LOGIN, ""],
  first_name: [FIRST, ""],
  last_name: [LAST, ""],
  full_name: [FULL, ""],
  instagram: [HANDLE, "instagram"],
  twitter: [HANDLE, "twitter"],
  x: [HANDLE, "twitter"],
  facebook: [HANDLE, "facebook"],
  tiktok: [HANDLE, "tiktok"],
  snapchat: [HANDLE, "snapchat"],
  linkedin: [HANDLE, "linkedin"],
  youtube: [HANDLE, "youtube"],
  telegram: [HANDLE, "telegram"],
  whatsapp: [HANDLE, "whatsapp"],
  date_of_birth: [EVIDENCE, "dateOfBirth"],
  dob: [EVIDENCE, "dateOfBirth"],
  birth_year: [EVIDENCE, "dateOfBirth"],
  year_of_birth: [EVIDENCE, "dateOfBirth"],
  gender: [EVIDENCE, "gender"],
  address: [EVIDENCE, "address"],
  city: [EVIDENCE, "city"],
  postcode: [EVIDENCE, "postcode"],
  country: [EVIDENCE, "country"]
};
var CAMEL_ROLES = [
  ["updatedAt", UPDATED],
  ["emails", EMAIL],
  ["phones", PHONE],
  ["logins", LOGIN],
  ["firstName", FIRST],
  ["lastName", LAST],
  ["fullName", FULL],
  ["handles", HANDLE_LIST],
  ["externalIds", EXTERNAL_LIST],
  ["attributes", ATTRIBUTES]
];
var IDENTIFIER_ROLES = /* @__PURE__ */ new Set([EMAIL, PHONE, LOGIN, HANDLE, EXTERNAL, HANDLE_LIST, EXTERNAL_LIST]);
function columnRoles(options = {}) {
  const roles = /* @__PURE__ */ new Map();
  for (const [key, code] of CAMEL_ROLES) roles.set(foldColumnName(key), { code, scope: "", name: key });
  const renamed = options.columns ?? {};
  const inputsOf = (column) => {
    const v = Object.hasOwn(renamed, column) ? renamed[column] : void 0;
    return v === void 0 ? [column] : typeof v === "string" ? [v] : v;
  };
  const expected = [];
  for (const column of RECORD_COLUMNS) {
    const [code, scope] = SNAKE_ROLES[column];
    const mapped = Object.hasOwn(renamed, column);
    if (mapped && roles.get(foldColumnName(column))?.name === column) roles.delete(foldColumnName(column));
    for (const input of inputsOf(column)) {
      roles.set(foldColumnName(input), { code, scope, name: column });
      if (mapped) expected.push({ where: `columns.${column}`, input });
    }
  }
  for (const [column, namespace] of Object.entries(options.externalIds ?? {})) {
    roles.set(foldColumnName(column), { code: EXTERNAL, scope: namespace, name: column });
    expected.push({ where: `externalIds.${column}`, input: column });
  }
  return {
    roleOf: (input) => roles.get(foldColumnName(input)),
    expected,
    idColumns: inputsOf("id").map(foldColumnName),
    isIdentifier: (role) => role !== void 0 && IDENTIFIER_ROLES.has(role.code)
  };
}

// src/io/rowToRecord.ts
function createRowMapper(options = {}) {
  const roles = columnRoles(options);
  const ids = options.columns?.id;
  const idColumn = ids === void 0 ? "id" : typeof ids === "string" ? ids : ids[0];
  const problems = [];
  let lastHeader;
  let headerRoles = [];
  const map = (fields, text) => {
    const keys = Object.keys(fields);
    const values2 = [];
    for (const k of keys) values2.push(fields[k]);
    lineText = text;
    try {
      return mapColumns(keys, values2, keys.map((k) => roles.roleOf(k)));
    } finally {
      lineText = void 0;
    }
  };
  let lineText;
  const mapRow = (header, cells) => {
    if (header !== lastHeader) {
      lastHeader = header;
      headerRoles = header.map((h) => roles.roleOf(h));
    }
    return mapColumns(header, cells, headerRoles);
  };
  const mapColumns = (names, values2, columnRoles2) => {
    let id;
    let source;
    let updatedAt;
    let emails;
    let phones;
    let logins;
    let firstName;
    let lastName;
    let fullName;
    let handles;
    let externalIds;
    let attributes;
    let dateOfBirth;
    let gender;
    let address;
    let city;
    let postcode;
    let country;
    problems.length = 0;
    for (let c2 = 0; c2 < names.length; c2++) {
      const value = values2[c2];
      if (value === void 0 || value === null || value === "") continue;
      const role = columnRoles2[c2];
      const key = names[c2];
      if (role === void 0) {
        const scalar = toAttribute(value, key, problems);
        if (scalar !== void 0) setOwn(attributes ??= {}, key, scalar);
        continue;
      }
      switch (role.code) {
        case ID: {
          if (id !== void 0) break;
          if (typeof value === "number" && lineText !== void 0 && Number.isSafeInteger(value) && !isPlainIntegerToken(lineText, value)) {
            problems.push({ code: "invalid_id", path: "id", message: "a number with a fraction or exponent is not an id; write the id as a string or a plain integer" });
            id = null;
            break;
          }
          id = typeof value === "string" ? value.trim() : value;
          if (id === "") id = void 0;
          break;
        }
        case SOURCE:
        case FIRST:
        case LAST:
        case FULL:
        case UPDATED:
        case EVIDENCE: {
          const raw2 = toText(value);
          if (raw2 === void 0) {
            problems.push(typeIssue(role.name, "expected a string"));
            break;
          }
          const v = raw2.trim();
          if (v === "") break;
          if (role.code === EVIDENCE) {
            if (role.scope === "dateOfBirth") {
              if (dateOfBirth === void 0 || v.length > dateOfBirth.length) dateOfBirth = v;
            } else if (role.scope === "gender") gender ??= v;
            else if (role.scope === "address") address ??= v;
            else if (role.scope === "city") city ??= v;
            else if (role.scope === "postcode") postcode ??= v;
            else if (role.scope === "country") country ??= v;
          } else if (role.code === SOURCE) source ??= v;
          else if (role.code === FIRST) firstName ??= v;
          else if (role.code === LAST) lastName ??= v;
          else if (role.code === FULL) fullName ??= v;
          else updatedAt ??= v;
          break;
        }
        case EMAIL:
          emails = collect2(value, emails, role.name, problems);
          break;
        case PHONE:
          phones = collect2(value, phones, role.name, problems);
          break;
        case LOGIN:
          logins = collect2(value, logins, role.name, problems);
          break;
        case HANDLE: {
          const values3 = collect2(value, void 0, role.name, problems);
          if (values3) for (const handle of values3) (handles ??= []).push({ platform: role.scope, handle });
          break;
        }
        case EXTERNAL: {
          const values3 = collect2(value, void 0, role.name, problems);
          if (values3) for (const v of values3) (externalIds ??= []).push({ namespace: role.scope, value: v });
          break;
        }
        case HANDLE_LIST:
          handles = collectPairs(value, handles, "handles", "platform", "handle", problems);
          break;
        case EXTERNAL_LIST:
          externalIds = collectPairs(value, externalIds, "externalIds", "namespace", "value", problems);
          break;
        case ATTRIBUTES:
          if (typeof value !== "object" || Array.isArray(value)) problems.push(typeIssue("attributes", "expected an object"));
          else {
            for (const k of Object.keys(value)) {
              const scalar = toAttribute(value[k], `attributes.${k}`, problems);
              if (scalar !== void 0) setOwn(attributes ??= {}, k, scalar);
            }
          }
          break;
      }
    }
    if (problems.length > 0) {
      if (!problems.some((p) => p.path === "id")) {
        const idCheck = acceptRecord({ id });
        if (!idCheck.ok) problems.unshift(...idCheck.issues);
      }
      return refused(problems);
    }
    const raw = { id, source, updatedAt, emails, phones, logins, handles, externalIds, firstName, lastName, fullName, dateOfBirth, gender, address, city, postcode, country, attributes };
    const accepted = acceptRecord(raw);
    return accepted.ok ? accepted : refused(accepted.issues);
  };
  return { idColumn, map, mapRow };
}
function refused(issues) {
  const copy = issues.slice();
  return { ok: false, reasons: copy.map(issueText), issues: copy };
}
function typeIssue(path2, message) {
  return { code: "invalid_type", path: path2, message };
}
function toText(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return void 0;
}
function toAttribute(value, name, problems) {
  if (typeof value === "string") {
    const v = value.trim();
    return v === "" ? void 0 : v;
  }
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value === null || value === void 0) return void 0;
  if (nestsDeeperThan(value)) {
    problems.push({ code: "too_deep", path: name, message: `nested deeper than ${MAX_JSON_DEPTH} levels` });
    return void 0;
  }
  return JSON.stringify(value);
}
function collect2(value, into, name, reasons) {
  if (typeof value === "string") return splitValues(value, into);
  if (typeof value === "number") return splitValues(String(value), into);
  if (Array.isArray(value)) {
    let out = into;
    for (const v of value) {
      if (typeof v === "string") out = splitValues(v, out);
      else if (typeof v === "number") out = splitValues(String(v), out);
      else if (v !== null && v !== void 0) {
        reasons.push(typeIssue(name, "expected strings"));
        break;
      }
    }
    return out;
  }
  reasons.push(typeIssue(name, "expected a string or an array of strings"));
  return into;
}
function splitValues(cell, into) {
  if (cell.indexOf("|") === -1) {
    const v = cell.trim();
    if (v !== "") (into ??= []).push(v);
    return into;
  }
  for (const part of cell.split("|")) {
    const v = part.trim();
    if (v !== "") (into ??= []).push(v);
  }
  return into;
}
function collectPairs(value, into, name, a, b, reasons) {
  if (!Array.isArray(value)) {
    reasons.push(typeIssue(name, `expected an array of { ${a}, ${b} }`));
    return into;
  }
  let out = into;
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    const x = item !== null && typeof item === "object" ? item[a] : void 0;
    const y = item !== null && typeof item === "object" ? item[b] : void 0;
    if (typeof x !== "string" || typeof y !== "string") {
      reasons.push(typeIssue(`${name}[${i}]`, `expected { ${a}: string, ${b}: string }`));
      continue;
    }
    if (y.trim() === "") continue;
    (out ??= []).push({ [a]: x.trim(), [b]: y.trim() });
  }
  return out;
}

// bench/lines/generatedRecords.ts
function generatedRecords(file, rows2) {
  const lines = readFileSync(file, "utf8").split("\n");
  const header = lines[0].split(",");
  const mapper = createRowMapper({});
  const records2 = [];
  for (let i = 1; i <= rows2 && i < lines.length; i++) {
    if (lines[i] === "") continue;
    const r = mapper.mapRow(header, lines[i].split(","));
    if (r.ok) records2.push(r.record);
  }
  return records2;
}

// bench/lines/lineBuilders.ts
var { values } = parseArgs({ options: { records: { type: "string" }, rows: { type: "string", default: "200000" }, kind: { type: "string", default: "all" }, reps: { type: "string", default: "7" } } });
if (values.records === void 0) throw new Error("usage: lineBuilders.ts --records FILE.csv [--rows N] [--kind profiles|evidence|created|mapping|table:keys|table:names|table:records|all] [--reps N]");
var rows = Number(values.rows);
var reps = Number(values.reps);
var records = generatedRecords(values.records, rows);
var { c, config, profiles } = linkedColumns(records);
var items = {
  profiles,
  created: profiles,
  mapping: c.profileOf.length,
  evidence: c.evidence.key.length,
  "table:keys": c.keys.lengths.length,
  "table:names": c.names.lengths.length,
  "table:records": c.profileOf.length
};
var all = ["mapping", "profiles", "evidence", "created", "table:keys", "table:names", "table:records"];
var kinds = values.kind === "all" ? all : [values.kind];
var BLOCK = 5e3;
var block = (kind, from, to) => {
  const bytes = kind.startsWith("table:") ? tableLines(c, { section: kind.slice(6), from, to }).bytes : outputLines(c, config, { kind, from, to, lineage: "full" }).bytes;
  Utf8Lines.recycle(bytes.buffer);
  return bytes.length;
};
for (const kind of kinds) {
  const n = items[kind];
  const times = [];
  let bytes = 0;
  for (let rep = 0; rep < reps; rep++) {
    const t0 = process.hrtime.bigint();
    bytes = 0;
    for (let from = 0; from < n; from += BLOCK) bytes += block(kind, from, Math.min(n, from + BLOCK));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const min = times[0];
  console.log(`${kind}: ${n} items, ${bytes} bytes; min ${min.toFixed(0)} ms (${(1e3 * min / n).toFixed(2)} \xB5s an item), median ${times[reps >> 1].toFixed(0)} ms`);
}
