import { ByteInterner } from '../_internal/ByteInterner.js';
import { grow } from '../_internal/grow.js';
import { PayloadStore } from '../_internal/PayloadStore.js';
import type { LinkInput } from '../cluster/LinkInput.js';
import type { LinkOverrides } from '../cluster/overrides.js';
import type { ResolvedOptions } from '../config/ResolveOptions.js';
import { kindOfKeyPrefix } from '../match/createRecordKeyer.js';
import type { MemberRecord } from '../merge/buildProfile.js';
import { isExclusiveGroup } from './linkConfigOf.js';
import { linkOrder } from './linkOrder.js';
import { memberRecordOf, type KeyMemo } from './memberRecord.js';
import type { PreparedChunk, PreparedRecordCursor } from './PreparedChunk.js';

/**
 * The records the engine holds, in compact columns: what the batch (append-only), `resolve()` (the batch fed
 * from memory) and the incremental resolver (which adds postings and liveness on top) all keep.
 *
 * - Strings are interned off the V8 heap (`ByteInterner`): record ids (a record's index is its id's), keys,
 *   folded names and attributes, sources, and the namespace groups of keys.
 * - Per key: its kind code and group; per group: whether it is exclusive (one value per profile).
 * - Per record: first and last name, folded attributes, source (ids, -1 for none), update time (epoch ms, NaN
 *   unknown), and its profile payload (`PayloadStore`).
 *
 * A record's keys are kept by the owner: the batch as one append-only CSR, the resolver in postings whose slots
 * it reuses. Everything a record holds is written from a prepared record (`PreparedRecordCursor`) through
 * `internKeyRef`, `internWeakRef` and `writeFields` here, whichever path it came by.
 *
 * perf: plain typed arrays grown by doubling (monomorphic element access); in shared memory when `shared`, so
 * worker threads read the batch's columns without a copy.
 */
export class RecordTable {
  readonly ids = new ByteInterner();
  readonly keys = new ByteInterner();
  readonly names = new ByteInterner();
  readonly sources = new ByteInterner();
  readonly groups = new ByteInterner();
  groupExclusive = new Uint8Array(16);

  // Per key (index = key id).
  keyKind: Uint8Array;
  keyGroup: Int32Array;

  // Per record (index = id index).
  firstName: Int32Array;
  lastName: Int32Array;
  attributes: Int32Array;
  sourceOf: Int32Array;
  updatedAt: Float64Array;
  readonly payloads: PayloadStore;

  constructor(
    readonly options: ResolvedOptions,
    private readonly shared: boolean,
  ) {
    const i32 = (): Int32Array => (shared ? new Int32Array(new SharedArrayBuffer(4 * 1024)) : new Int32Array(1024));
    this.keyKind = shared ? new Uint8Array(new SharedArrayBuffer(1024)) : new Uint8Array(1024);
    this.keyGroup = i32();
    this.firstName = i32();
    this.lastName = i32();
    this.attributes = i32();
    this.sourceOf = i32();
    this.updatedAt = shared ? new Float64Array(new SharedArrayBuffer(8 * 1024)) : new Float64Array(1024);
    this.payloads = new PayloadStore(shared);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Keys

  /** The id of `key`, interned with its kind and group (`''` for none) when new. */
  internKey(key: string, kind: number, group: string): number {
    const before = this.keys.size;
    const id = this.keys.intern(key);
    if (id === before) this.keyAdded(id, kind, group === '' ? -1 : this.groupId(group));
    return id;
  }

  /**
   * Reads ahead what interning the next `records` records of `ahead` will read (`ByteInterner.warm`): their ids',
   * keys' and names' home slots and the entries there. `ahead` moves on by those records. perf: the apply step of
   * a 5M-row read spent ~16 s of the main thread in interning, mostly waiting on misses into tables of millions
   * of entries; a chunk's records are known before they are interned, so their misses can overlap.
   */
  warmInterning(ahead: PreparedRecordCursor, records: number): void {
    if (this.warmScratch === undefined || this.warmScratch.ids.length < records) {
      // Keys beyond 16 a record on average are not warmed (the loop below stops at the array's end).
      this.warmScratch = { ids: new Uint32Array(records), keys: new Uint32Array(16 * records), names: new Uint32Array(3 * records), found: new Int32Array(16 * records) };
    }
    const w = this.warmScratch;
    const hash = ahead.chunk.strHash;
    let ids = 0;
    let keys = 0;
    let names = 0;
    for (let r = 0; r < records && ahead.next(); r++) {
      w.ids[ids++] = hash[ahead.id]!;
      for (let k = 0; k < ahead.keyCount && keys < w.keys.length; k++) w.keys[keys++] = hash[ahead.keyRef(k)]!;
      if (ahead.first !== -1) w.names[names++] = hash[ahead.first]!;
      if (ahead.last !== -1) w.names[names++] = hash[ahead.last]!;
      if (ahead.attributes !== -1) w.names[names++] = hash[ahead.attributes]!;
    }
    this.warmSink += this.ids.warm(w.ids, ids, w.found) + this.keys.warm(w.keys, keys, w.found) + this.names.warm(w.names, names, w.found);
  }
  private warmScratch: { ids: Uint32Array; keys: Uint32Array; names: Uint32Array; found: Int32Array } | undefined;
  /** What `warmInterning` read, summed (kept so that its reads cannot be optimized away). */
  warmSink = 0;

  /** The id of strong key `k` of the cursor's record, interned with its kind and group when new. */
  internKeyRef(rec: PreparedRecordCursor, k: number): number {
    const c = rec.chunk;
    const ref = rec.keyRef(k);
    const before = this.keys.size;
    const id = this.keys.internBytes(c.bytes, c.strStart[ref]!, c.strLen[ref]!, c.strHash[ref]!);
    if (id === before) {
      const g = rec.keyGroup(k);
      this.keyAdded(id, rec.keyKind(k), g === -1 ? -1 : this.groupIdBytes(c.bytes, c.strStart[g]!, c.strLen[g]!, c.strHash[g]!));
    }
    return id;
  }

  /** The id of weak key `k` of the cursor's record (its kind from its prefix; weak keys have no group). */
  internWeakRef(rec: PreparedRecordCursor, k: number): number {
    const c = rec.chunk;
    const ref = rec.weakRef(k);
    const at = c.strStart[ref]!;
    const before = this.keys.size;
    const id = this.keys.internBytes(c.bytes, at, c.strLen[ref]!, c.strHash[ref]!);
    if (id === before) this.keyAdded(id, kindOfKeyPrefix(c.bytes[at]!), -1);
    return id;
  }

  /**
   * Appends a key (UTF-8 bytes `src[start, start + length)`, `fnv1aBytes` hash `hash`) of a table known to hold
   * each key once, without a lookup (`ByteInterner.append`; restoring a snapshot); `group` is a `groupId`, -1 for none.
   */
  appendKey(src: Uint8Array, start: number, length: number, hash: number, kind: number, group: number): number {
    const id = this.keys.append(src, start, length, hash);
    this.keyAdded(id, kind, group);
    return id;
  }

  /** The id of a namespace group (`x:loyalty`), interned with its exclusivity when new. */
  groupId(group: string): number {
    const before = this.groups.size;
    return this.groupAdded(this.groups.intern(group), before);
  }

  private groupIdBytes(src: Uint8Array, start: number, length: number, hash: number): number {
    const before = this.groups.size;
    return this.groupAdded(this.groups.internBytes(src, start, length, hash), before);
  }

  private groupAdded(g: number, before: number): number {
    if (g === before) {
      this.groupExclusive = grow(this.groupExclusive, g + 1);
      this.groupExclusive[g] = isExclusiveGroup(this.groups.keyOf(g), this.options) ? 1 : 0;
    }
    return g;
  }

  /** Sets the columns of a key just interned; a subclass keeping more per key extends it. */
  protected keyAdded(id: number, kind: number, group: number): void {
    if (id >= this.keyKind.length) this.growKeys(id + 1);
    this.keyKind[id] = kind;
    this.keyGroup[id] = group;
  }

  /** Room for keys below `min` (`exact`: a size known up front); a subclass keeping more per key extends it. */
  protected growKeys(min: number, exact = false): void {
    this.keyKind = grow(this.keyKind, min, exact);
    this.keyGroup = grow(this.keyGroup, min, exact);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Records

  /**
   * Writes record r's fields from the cursor's record: names, attributes and source interned from the chunk's
   * bytes, update time and payload.
   */
  writeFields(r: number, rec: PreparedRecordCursor): void {
    const c = rec.chunk;
    const source = rec.source === -1 ? -1 : this.sources.internBytes(c.bytes, c.strStart[rec.source]!, c.strLen[rec.source]!, c.strHash[rec.source]!);
    this.setFields(r, this.nameRef(c, rec.first), this.nameRef(c, rec.last), this.nameRef(c, rec.attributes), source, rec.updatedAt);
    const start = c.strStart[rec.payload]!;
    const length = c.strLen[rec.payload]!;
    if (c === this.adopted) this.payloads.setAdopted(r, this.adoptedAt + start, length);
    else this.payloads.setBytes(r, c.payloads, start, length);
  }

  /**
   * Chunk c's records are written next (`writeFields`; undefined: it is done). When its payloads are a range of a
   * worker's slab (`PreparedChunkWriter.handOver`), the store keeps the slab as it is, as a chunk of its own
   * (once, whichever of its chunks comes first), instead of copying them payload by payload. perf: at 20M rows
   * the main thread is the read's busiest (~90%), and copying payloads was ~5 s of it; at 2M hard rows the apply
   * step alone took 0.84x the time (whole runs on two cores: no change beyond the noise).
   */
  adoptChunkPayloads(c: PreparedChunk | undefined): void {
    this.adopted = undefined;
    if (c === undefined || !this.shared || c.payloadSlab === 0) return;
    let at = this.slabAt.get(c.payloadSlab);
    if (at === undefined) this.slabAt.set(c.payloadSlab, (at = this.payloads.adopt(new Uint8Array(c.payloads.buffer))));
    this.adopted = c;
    this.adoptedAt = at + c.payloads.byteOffset;
  }
  /** The chunk whose payloads the store adopted, and the address of their first byte. */
  private adopted: PreparedChunk | undefined;
  private adoptedAt = 0;
  /** Each adopted slab's address in the store, by its id (`PreparedChunk.payloadSlab`). */
  private readonly slabAt = new Map<number, number>();

  /** The name id of a chunk's string ref (-1 for none). */
  private nameRef(c: PreparedChunk, ref: number): number {
    return ref === -1 ? -1 : this.names.internBytes(c.bytes, c.strStart[ref]!, c.strLen[ref]!, c.strHash[ref]!);
  }

  /** Writes record r's fields, already interned (ids; -1 for none); its payload is stored apart. */
  setFields(r: number, first: number, last: number, attributes: number, source: number, updatedAt: number): void {
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
   * id table fills at random, so room reserved in it is memory: it is sized for 3/4 of the estimate, which skips
   * every doubling but at most the last (each a pass over the table: ~0.3 s of a 2M-row read's main thread for
   * the ids) and cannot make it larger than the records would unless the estimate is a third too high. The key
   * table is sized for half a key a record: distinct keys are not known up front (~1 a record in MAF-shaped data,
   * 1.8 key uses; the key table's doublings were ~0.24 s of a 2M-row read's main thread), and half a key skips all
   * but the last one or two, while a file of far fewer distinct keys (a quarter of one a record) gets a table at most
   * one doubling larger than it needed. A first piece of rows much shorter than the rest (a file sorted by source)
   * overestimates both: what that can cost is bounded by `MAX_RESERVED_RECORDS` (two tables of 256 MiB at most).
   */
  reserveRecords(records: number): void {
    this.ids.reserveTable(Math.floor(records * 0.75));
    this.keys.reserveTable(Math.floor(records * 0.5));
    this.ids.reserveEntryArrays(records);
    if (records > this.firstName.length) this.growRecords(records, true);
    this.payloads.reserve(records);
  }

  /** Room for records below `min` (`exact`: a size known up front); a subclass keeping more per record extends it. */
  protected growRecords(min: number, exact = false): void {
    this.firstName = grow(this.firstName, min, exact);
    this.lastName = grow(this.lastName, min, exact);
    this.attributes = grow(this.attributes, min, exact);
    this.sourceOf = grow(this.sourceOf, min, exact);
    this.updatedAt = grow(this.updatedAt, min, exact);
  }

  private readonly keyText = (k: number): string => this.keys.keyOf(k);

  /** The JSON payload (names and attributes) of record r. */
  payloadOf(r: number): string {
    return this.payloads.get(r);
  }

  /** Record r as profile building reads it, with its strong keys `keyIds[from, to)`. */
  memberRecord(r: number, keyIds: ArrayLike<number>, from: number, to: number, memo?: KeyMemo): MemberRecord {
    const s = this.sourceOf[r]!;
    return memberRecordOf(this.ids.keyOf(r), s === -1 ? undefined : this.sources.keyOf(s), this.updatedAt[r]!, keyIds, from, to, this.keyText, this.payloadOf(r), memo);
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
  linkInputOf(keys: RecordKeyLists, overrides: LinkOverrides | undefined, part?: { readonly records: Int32Array; readonly keys: readonly number[] }): LinkInput {
    if (part === undefined) {
      const n = this.ids.size;
      const m = this.keys.size;
      // In shared memory: a link in parts hands them to other threads (`engine/linkInParts`) without a copy.
      const recordsByRank = linkOrder(this.ids, undefined, true);
      const recordRank = new Uint32Array(new SharedArrayBuffer(4 * n));
      for (let r = 0; r < n; r++) recordRank[recordsByRank[r]!] = r;
      return this.linkInput(keys, overrides, n, m, this.keyKind.subarray(0, m), this.keyGroup.subarray(0, m), this.keys.hashView(), (k) => this.keys.keyOf(k), recordRank, recordsByRank, this.firstName.subarray(0, n), this.lastName.subarray(0, n), this.attributes.subarray(0, n));
    }
    const { records, keys: local } = part;
    const n = records.length;
    const m = local.length;
    const rank = new Uint32Array(n);
    const firstName = new Int32Array(n);
    const lastName = new Int32Array(n);
    const attributes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = records[i]!;
      rank[i] = i;
      firstName[i] = this.firstName[r]!;
      lastName[i] = this.lastName[r]!;
      attributes[i] = this.attributes[r]!;
    }
    const keyKind = new Uint8Array(m);
    const keyGroup = new Int32Array(m);
    const keyHash = new Uint32Array(m);
    for (let l = 0; l < m; l++) {
      const k = local[l]!;
      keyKind[l] = this.keyKind[k]!;
      keyGroup[l] = this.keyGroup[k]!;
      keyHash[l] = this.keys.hashOf(k);
    }
    return this.linkInput(keys, overrides, n, m, keyKind, keyGroup, keyHash, (k) => this.keys.keyOf(local[k]!), rank, rank, firstName, lastName, attributes);
  }

  /** The one literal of a link input (perf: one object shape, built without spreads, for every caller). */
  private linkInput(
    keys: RecordKeyLists, overrides: LinkOverrides | undefined, recordCount: number, keyCount: number, keyKind: Uint8Array, keyGroup: Int32Array, keyHash: Uint32Array,
    keyString: (k: number) => string, recordRank: Uint32Array, recordsByRank: Uint32Array, firstName: Int32Array, lastName: Int32Array, attributes: Int32Array,
  ): LinkInput {
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
      names: this.names.view(),
      weakRecord: keys.weakRecord,
      weakKey: keys.weakKey,
      overrides,
    };
  }
}

/** Each record's keys in a link input's numbering: strong keys as CSR, weak keys as (record, key) pairs in record order. */
export interface RecordKeyLists {
  readonly keyStart: Uint32Array;
  readonly keyIds: Int32Array;
  readonly weakRecord: Int32Array;
  readonly weakKey: Int32Array;
}
