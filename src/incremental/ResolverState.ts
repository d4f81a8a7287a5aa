import { PayloadNames } from '../_internal/PayloadNames.js';
import { IdweaveError } from '../errors.js';
import type { OverrideRule, ResolvedOptions } from '../config/ResolveOptions.js';
import type { EvidenceLog } from '../cluster/EvidenceLog.js';
import { genericKeyOf, linkRecords, type GenericKey, type LinkConfig } from '../cluster/linkRecords.js';
import type { KeyStats } from '../match/createRecordKeyer.js';
import { buildProfile, type SurvivorshipConfig } from '../merge/buildProfile.js';
import { survivorshipConfigOf } from '../merge/survivorshipConfig.js';
import type { CustomerRecord, GoldenProfile } from '../types.js';
import { linkConfigOf } from '../engine/linkConfigOf.js';
import { createSinglePreparer } from '../engine/prepareRecord.js';
import type { PreparedRecordCursor } from '../engine/PreparedChunk.js';
import { RecordTable } from '../engine/RecordTable.js';
import type { KeyMemo } from '../engine/memberRecord.js';
import { linkOrder } from '../engine/linkOrder.js';
import { grow } from '../_internal/grow.js';
import type { RecordBlock } from './snapshotBlocks.js';
import { Postings } from './Postings.js';
import { OverrideTable } from './OverrideTable.js';
import { ID_RANGE_SIZE } from '../identity/profileIds.js';
import { clusterMembers, succeed, successionEvents, type ResolverEvent, type SuccessionInput } from '../identity/succession.js';

/** How many records, keys, names and profiles a state is about to hold (hints for `reserve`; absent: unknown). */
export interface TableSizes {
  readonly records?: number;
  readonly keys?: number;
  readonly names?: number;
  readonly profiles?: number;
  /** Strong and weak key memberships, over all records. */
  readonly strongKeys?: number;
  readonly weakKeys?: number;
}

/** One edit of `ResolverState.apply`. */
export type StateOp =
  | { readonly type: 'add'; readonly record: PreparedRecordCursor }
  | { readonly type: 'update'; readonly index: number; readonly record: PreparedRecordCursor }
  | { readonly type: 'remove'; readonly index: number };

/** A part of the key graph linked on its own: global record indices in rank order, and the linker's answer. */
export interface LinkedComponent {
  /** Global record index of each local record (local index = rank within the component). */
  readonly records: Int32Array;
  /** Global key id of each local key. */
  readonly keys: number[];
  readonly root: Int32Array;
  readonly evidence: EvidenceLog;
  readonly genericKeys: readonly GenericKey[];
}

/**
 * The incremental resolver's state and its one operation: re-resolve the part of the key graph an edit touched.
 *
 * The batch partition decomposes over components of the key graph (records joined by non-generic strong keys,
 * weak memberships and `always` overrides): link order and every guard look only inside one component, and a
 * key's generic status is a function of the records holding it. So the state keeps records (keys interned, in
 * typed columns), a key → records index (`Postings`) and each key's global generic status; an edit re-links only
 * the affected components with `linkRecords`, passing the generic keys, and replaces their clusters.
 * docs/incremental.md has the argument and the succession rules for profile ids.
 */
export class ResolverState extends RecordTable {
  readonly config: LinkConfig;
  readonly prepare: (record: CustomerRecord, stats: KeyStats, keep?: boolean) => PreparedRecordCursor;
  readonly stats: KeyStats = { invalid: {}, junk: {} };
  private readonly survivorship: SurvivorshipConfig;

  // Per key beyond the table's (index = interned key id).
  keyGeneric = new Uint8Array(1024);
  private keyStamp = new Int32Array(1024);
  private keyLocal = new Int32Array(1024);
  readonly strong = new Postings();
  readonly weak = new Postings();

  // Per record beyond the table's (index = interned id; a removed record keeps its index, with alive = 0).
  alive = new Uint8Array(1024);
  kStart = new Uint32Array(1024);
  kLen = new Uint32Array(1024);
  private kCap = new Uint32Array(1024);
  wStart = new Uint32Array(1024);
  wLen = new Uint32Array(1024);
  private wCap = new Uint32Array(1024);
  /** Profile serial per record (-1: none); serials are safe integers up to 2^53 (identity/profileIds). */
  serial = new Float64Array(1024);
  nextInProfile = new Int32Array(1024);
  private mark = new Int32Array(1024);
  /** Steward overrides by record index; an `always` pair is an edge of the component graph. */
  readonly overrides = new OverrideTable();
  /**
   * True when the override table was read from a snapshot that holds one: that table is the resolver's, so the
   * `overrides` option must not be set on it again (it would bring back overrides cleared since).
   */
  overridesRestored = false;
  /** Per record index: 1 for an id erased for good (a tombstone; never live). A byte per id, not a set per id. */
  private tombstone = new Uint8Array(1024);
  /** Ids with a tombstone. */
  erasedCount = 0;

  /** Live profiles: serial → head record of the profile's ring (serials are never reused). */
  readonly profiles = new ProfileTable();
  /** The id range this resolver allocates in (identity/profileIds). */
  idRange = 0;
  /** Next serial to allocate in `idRange`; serial 0 is never used. */
  nextSerial = 1;
  liveRecords = 0;
  liveProfiles = 0;

  private epoch = 0;
  private readonly seen = new Set<number>();

  constructor(options: ResolvedOptions) {
    super(options, false);
    this.config = linkConfigOf(options);
    // Payloads hold the record's own field names as tokens (`PayloadNames`); attributes' names stay written out.
    this.payloads.names = PayloadNames.fixed();
    this.prepare = createSinglePreparer(options, this.payloads.names);
    this.survivorship = survivorshipConfigOf(options.survivorship);
  }

  /** Index of a live record, or -1. */
  indexOf(id: string): number {
    const r = this.ids.get(id);
    return r >= 0 && this.alive[r]! === 1 ? r : -1;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Operations

  /** Whether live record r already holds exactly the content of `p` (keys, names, attributes, source, time, payload). */
  holds(r: number, p: PreparedRecordCursor): boolean {
    const name = (id: number): string => (id < 0 ? '' : this.names.keyOf(id));
    const t = this.updatedAt[r]!;
    if (this.payloadOf(r) !== this.payloads.names!.expand(p.payloadText()) || !(t === p.updatedAt || (Number.isNaN(t) && Number.isNaN(p.updatedAt)))) return false;
    if ((this.sourceOf[r]! < 0 ? '' : this.sources.keyOf(this.sourceOf[r]!)) !== p.text(p.source)) return false;
    if (name(this.firstName[r]!) !== p.text(p.first) || name(this.lastName[r]!) !== p.text(p.last) || name(this.attributes[r]!) !== p.text(p.attributes)) return false;
    const strong = this.strongKeysOf(r);
    if (strong.length !== p.keyCount || strong.some((k, i) => this.keys.keyOf(k) !== p.text(p.keyRef(i)))) return false;
    const weak = this.weakKeysOf(r);
    return weak.length === p.weakCount && weak.every((k, i) => this.keys.keyOf(k) === p.text(p.weakRef(i)));
  }

  /** Adds a prepared record whose id is not live; returns the events. */
  add(p: PreparedRecordCursor): ResolverEvent[] {
    return this.apply([{ type: 'add', record: p }]);
  }

  /** Replaces the content of a live record; returns the events. */
  update(r: number, p: PreparedRecordCursor): ResolverEvent[] {
    return this.apply([{ type: 'update', index: r, record: p }]);
  }

  /** Erases a live record: it leaves its profile and every index; returns the events. */
  remove(r: number): ResolverEvent[] {
    return this.apply([{ type: 'remove', index: r }]);
  }

  /**
   * Several edits as one step: every record stored or erased first, then one re-resolution of everything they
   * touched, so ids follow the net change (as a batch run with `--previous` sees it) rather than each step.
   * Each record appears in at most one operation (the caller checks).
   */
  apply(ops: readonly StateOp[]): ResolverEvent[] {
    const seeds: number[] = [];
    const changed = new Set<number>();
    const removed: { id: string; serial: number }[] = [];
    for (const op of ops) {
      if (op.type === 'add') {
        const r = this.slotOf(op.record.text(op.record.id));
        this.store(r, op.record, -1);
        seeds.push(r);
        this.seedFlipped(this.rejudge(r, []), seeds);
        changed.add(r);
      } else if (op.type === 'update') {
        const r = op.index;
        // The same content again changes nothing (as a batch run sees it: an equal fingerprint).
        if (this.holds(r, op.record)) continue;
        for (const x of this.neighbors(r)) seeds.push(x);
        seeds.push(r);
        const oldKeys = this.strongKeysOf(r);
        this.unstore(r);
        this.store(r, op.record, this.serial[r]!);
        this.seedFlipped(this.rejudge(r, oldKeys), seeds);
        changed.add(r);
      } else {
        const r = op.index;
        for (const x of this.neighbors(r)) seeds.push(x);
        // Its always-partners may have been held to the rest only through r.
        this.overrides.forEachAlways(r, (p) => seeds.push(p));
        const oldKeys = this.strongKeysOf(r);
        removed.push({ id: this.ids.keyOf(r), serial: this.serial[r]! });
        this.unstore(r);
        this.alive[r] = 0;
        this.serial[r] = -1;
        this.liveRecords--;
        this.strong.wasted += this.kCap[r]!;
        this.weak.wasted += this.wCap[r]!;
        this.kCap[r] = 0;
        this.wCap[r] = 0;
        this.kLen[r] = 0;
        this.wLen[r] = 0;
        // The removed record's slots are gone from every key; only its (now empty) key list is judged again.
        this.seedFlipped(this.rejudgeKeys(oldKeys), seeds);
      }
    }
    const events = this.reresolve(this.component(seeds), changed, removed);
    this.maybeCompact();
    return events;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reading

  /** The members of a live profile serial, as global record indices. */
  membersOf(serial: number): number[] {
    const out: number[] = [];
    const head = this.profiles.head(serial);
    if (head < 0) return out;
    let m = head;
    do {
      out.push(m);
      m = this.nextInProfile[m]!;
    } while (m !== head);
    return out;
  }

  /** The golden profile of a live serial. */
  buildProfile(serial: number, profileId: string): GoldenProfile {
    const ms = this.membersOf(serial);
    const memo: KeyMemo | undefined = ms.length > 1 ? new Map() : undefined;
    const members = ms.map((m) => this.memberRecord(m, this.strong.key, this.kStart[m]!, this.kStart[m]! + this.kLen[m]!, memo));
    return buildProfile(profileId, members, this.survivorship);
  }

  /** Live records holding key `k` as a strong identifier. */
  strongMembers(k: number): number[] {
    const out: number[] = [];
    for (let p = this.strong.head[k]!; p !== -1; p = this.strong.next[p]!) out.push(this.strong.record[p]!);
    return out;
  }

  /** Global key ids of a record's strong keys, in its own order. */
  strongKeysOf(r: number): number[] {
    const out: number[] = [];
    for (let j = this.kStart[r]!, end = j + this.kLen[r]!; j < end; j++) out.push(this.strong.key[j]!);
    return out;
  }

  weakKeysOf(r: number): number[] {
    const out: number[] = [];
    for (let j = this.wStart[r]!, end = j + this.wLen[r]!; j < end; j++) out.push(this.weak.key[j]!);
    return out;
  }

  /** The generic rule's figures for key `k` over all records (for explanations). */
  genericFigures(k: number): GenericKey {
    const members = this.strongMembers(k);
    const csr = this.csrOf(members);
    return genericKeyOf(csr, k, csr.members, 0, members.length, this.genericLimits(), this.seen) ?? { key: k, records: members.length, distinctIdentifiers: 0 };
  }

  /**
   * The component of the key graph holding `seeds`: records reachable through non-generic keys, strong or weak.
   * Global indices, unordered.
   */
  component(seeds: readonly number[]): number[] {
    const e = ++this.epoch;
    const out: number[] = [];
    for (const x of seeds) this.visit(x, e, out);
    for (let i = 0; i < out.length; i++) {
      const x = out[i]!;
      for (let j = this.kStart[x]!, end = j + this.kLen[x]!; j < end; j++) this.expand(this.strong.key[j]!, e, out);
      for (let j = this.wStart[x]!, end = j + this.wLen[x]!; j < end; j++) this.expand(this.weak.key[j]!, e, out);
      if (this.overrides.size > 0) this.overrides.forEachAlways(x, (p) => this.visit(p, e, out));
    }
    return out;
  }

  private visit(x: number, e: number, out: number[]): void {
    if (this.alive[x] === 0 || this.mark[x] === e) return;
    this.mark[x] = e;
    out.push(x);
  }

  /** Visits every member of key k, once per search (perf: a key's members are all reached at once). */
  private expand(k: number, e: number, out: number[]): void {
    if (this.keyGeneric[k] === 1 || this.keyStamp[k] === e) return;
    this.keyStamp[k] = e;
    const strong = this.strong;
    for (let p = strong.head[k]!; p !== -1; p = strong.next[p]!) this.visit(strong.record[p]!, e, out);
    const weak = this.weak;
    for (let p = weak.head[k]!; p !== -1; p = weak.next[p]!) this.visit(weak.record[p]!, e, out);
  }

  /** Links a set of records (a union of components) on its own, exactly as the batch would. */
  link(records: readonly number[], withFigures = false): LinkedComponent {
    const n = records.length;
    // Local order = the batch's record order (engine/linkOrder).
    const order = Int32Array.from(linkOrder(this.ids, records));
    const e = ++this.epoch;
    const localKeys: number[] = [];
    let total = 0;
    let weakTotal = 0;
    for (let i = 0; i < n; i++) {
      total += this.kLen[order[i]!]!;
      weakTotal += this.wLen[order[i]!]!;
    }
    const keyStart = new Uint32Array(n + 1);
    const keyIds = new Int32Array(total);
    const weakRecord = new Int32Array(weakTotal);
    const weakKey = new Int32Array(weakTotal);
    let t = 0;
    let w = 0;
    for (let i = 0; i < n; i++) {
      const r = order[i]!;
      for (let j = this.kStart[r]!, end = j + this.kLen[r]!; j < end; j++) keyIds[t++] = this.localOf(this.strong.key[j]!, e, localKeys);
      keyStart[i + 1] = t;
      for (let j = this.wStart[r]!, end = j + this.wLen[r]!; j < end; j++) {
        weakRecord[w] = i;
        weakKey[w++] = this.localOf(this.weak.key[j]!, e, localKeys);
      }
    }
    const generic: GenericKey[] = [];
    for (let l = 0; l < localKeys.length; l++) {
      const k = localKeys[l]!;
      if (this.keyGeneric[k]! === 1) {
        const f = withFigures ? this.genericFigures(k) : undefined;
        generic.push({ key: l, records: f ? f.records : this.strong.count[k]!, distinctIdentifiers: f ? f.distinctIdentifiers : 0 });
      }
    }
    const overrides = this.overrides.among(order, (r) => this.ids.keyOf(r));
    const input = this.linkInputOf({ keyStart, keyIds, weakRecord, weakKey }, overrides, { records: order, keys: localKeys });
    const { uf, evidence, genericKeys } = linkRecords(input, this.config, generic);
    return { records: order, keys: localKeys, root: uf.roots(), evidence, genericKeys };
  }

  /** The local id of global key k in the component being built (stamped with epoch e). */
  private localOf(k: number, e: number, localKeys: number[]): number {
    if (this.keyStamp[k] === e) return this.keyLocal[k]!;
    this.keyStamp[k] = e;
    this.keyLocal[k] = localKeys.length;
    localKeys.push(k);
    return localKeys.length - 1;
  }

  /**
   * Sets (`rule`) or clears (undefined) the steward override between two record ids, live or not, and re-resolves
   * what it changes. Ids are interned on first mention, so an override may name a record added later; it is inert
   * while either record is absent. Returns the events, or undefined when clearing a pair that has no override.
   */
  setOverride(idA: string, idB: string, rule: OverrideRule | undefined): ResolverEvent[] | undefined {
    let a: number;
    let b: number;
    if (rule === undefined) {
      a = this.ids.get(idA);
      b = this.ids.get(idB);
      if (a < 0 || b < 0 || this.overrides.get(a, b) === undefined) return undefined;
      this.overrides.delete(a, b);
    } else {
      a = this.slotOf(idA);
      b = this.slotOf(idB);
      if (this.overrides.get(a, b) === rule) return [];
      this.overrides.set(a, b, rule);
    }
    if (this.alive[a] === 0 || this.alive[b] === 0) return [];
    // An always edge only joins or splits a's and b's components, so their union after the change holds every
    // profile either record's component held before it.
    return this.reresolve(this.component([a, b]), NONE, []);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Tombstones: the ids of records erased for good, kept (only the id) so that the record cannot come back.

  /** Whether `id` has a tombstone. */
  isErased(id: string): boolean {
    // perf: add() asks on every call; most resolvers hold no tombstone, and then no id is hashed twice.
    if (this.erasedCount === 0) return false;
    const r = this.ids.get(id);
    return r >= 0 && this.tombstone[r] === 1;
  }

  /** Gives an id that is not live a tombstone (the caller removes a live record first); false when it had one. */
  markErased(id: string): boolean {
    const r = this.slotOf(id);
    if (this.tombstone[r] === 1) return false;
    this.tombstone[r] = 1;
    this.erasedCount++;
    return true;
  }

  /** Lifts an id's tombstone; false when it had none. */
  unmarkErased(id: string): boolean {
    const r = this.ids.get(id);
    if (r < 0 || this.tombstone[r] === 0) return false;
    this.tombstone[r] = 0;
    this.erasedCount--;
    return true;
  }

  /** The ids with a tombstone, in index order. */
  *erasedIds(): Generator<string> {
    if (this.erasedCount === 0) return;
    for (let r = 0; r < this.ids.size; r++) if (this.tombstone[r] === 1) yield this.ids.keyOf(r);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Restore (snapshot.ts): raw stores without linking, then one pass of generic judgement.

  /**
   * Sets an override read from a snapshot without re-resolving: the snapshot's partition is restored as written,
   * and re-linking here could allocate ids or emit events. False when the pair has an override already.
   */
  restoreOverride(idA: string, idB: string, rule: OverrideRule): boolean {
    const a = this.slotOf(idA);
    const b = this.slotOf(idB);
    if (this.overrides.get(a, b) !== undefined) return false;
    this.overrides.set(a, b, rule);
    return true;
  }

  /**
   * Stores a record with a known profile serial, without linking (restoring a snapshot), from the snapshot's tables, already interned in table order (key, name and source ids are the
   * table indices, checked by the loader): perf, no string is decoded and interned again.
   */
  restoreInterned(id: string, serial: number, keys: readonly number[], weak: readonly number[], first: number, last: number, attributes: number, source: number, updatedAt: number, payload: string): void {
    const r = this.slotOf(id);
    this.storeKeys(r, serial, keys, 0, keys.length, weak, 0, weak.length);
    this.setFields(r, first, last, attributes, source, updatedAt);
    this.payloads.set(r, payload);
    this.joinRestored(r, serial);
  }

  /**
   * `restoreInterned` of record `i` of a decoded block (snapshotBlocks.ts), checked but for a repeated id, which
   * `settleTables` finds. perf: no string is made, and the id is not looked up. The block's payloads must have
   * been adopted (`adoptPayloads`), at handle `payloads`.
   */
  restoreDecoded(b: RecordBlock, i: number, payloads: number): void {
    const idStart = i === 0 ? 0 : b.idEnds[i - 1]!;
    const r = this.ids.append(b.ids, idStart, b.idEnds[i]! - idStart, b.idHashes[i]!);
    this.initSlot(r);
    const serial = b.serials[i]!;
    const refs = b.refs;
    this.storeKeys(r, serial, b.strong, i === 0 ? 0 : b.strongEnds[i - 1]!, b.strongEnds[i]!, b.weak, i === 0 ? 0 : b.weakEnds[i - 1]!, b.weakEnds[i]!);
    this.setFields(r, refs[4 * i + 1]!, refs[4 * i + 2]!, refs[4 * i + 3]!, refs[4 * i]!, b.updatedAt[i]!);
    const payloadStart = i === 0 ? 0 : b.payloadEnds[i - 1]!;
    this.payloads.setAdopted(r, payloads + payloadStart, b.payloadEnds[i]! - payloadStart);
    this.joinRestored(r, serial);
  }

  /**
   * Looks up the ids, keys and names restored without a lookup (`restoreDecoded`, `appendKey`,
   * `appendName`), in one cache-friendly pass per table, in steps; must come before anything looks one up.
   * Returns the first repeat, by table in snapshot order (keys, names, records) — `later` is its table index — or
   * undefined.
   */
  *settleTables(): Generator<void, { table: 'keys' | 'names' | 'records'; later: number } | undefined, void> {
    const keys = yield* this.keys.settleSteps();
    const names = yield* this.names.settleSteps();
    const ids = yield* this.ids.settleSteps();
    if (keys) return { table: 'keys', later: keys[1] };
    if (names) return { table: 'names', later: names[1] };
    return ids ? { table: 'records', later: ids[1] } : undefined;
  }

  /** Appends a name of a snapshot's table without a lookup (`settleTables` finds repeats). */
  appendName(src: Uint8Array, start: number, length: number, hash: number): void {
    this.names.append(src, start, length, hash);
  }

  /** Takes a decoded block's payloads into the payload store, without a copy; returns the handle to pass `restoreDecoded`. */
  adoptPayloads(b: RecordBlock): number {
    return this.payloads.adopt(b.payloads);
  }

  private joinRestored(r: number, serial: number): void {
    const head = this.profiles.join(serial, r);
    if (head < 0) {
      this.nextInProfile[r] = r;
      this.liveProfiles++;
    } else {
      this.nextInProfile[r] = this.nextInProfile[head]!;
      this.nextInProfile[head] = r;
    }
  }

  /** Judges every key (after restoring). */
  judgeAllKeys(): void {
    this.judgeKeys(0, this.keys.size);
  }

  /** Judges keys `from` to `to` − 1 (the stream reader judges in slices, giving the event loop turns between). */
  judgeKeys(from: number, to: number): void {
    for (let k = from; k < to; k++) this.keyGeneric[k] = this.judge(k);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Internals

  private slotOf(id: string): number {
    const before = this.ids.size;
    const r = this.ids.intern(id);
    if (r === before) this.initSlot(r);
    return r;
  }

  /** Sets up the columns of a newly interned id. */
  private initSlot(r: number): void {
    if (r >= this.alive.length) this.growRecords(r + 1);
    this.alive[r] = 0;
    this.tombstone[r] = 0;
    this.kCap[r] = 0;
    this.kLen[r] = 0;
    this.wCap[r] = 0;
    this.wLen[r] = 0;
    this.serial[r] = -1;
    this.nextInProfile[r] = r;
  }

  /**
   * Sizes the tables for what is about to be restored, at once (perf: restoring 20M records otherwise copies
   * every column ~24 times while doubling, and stalls for seconds on each rehash of a large table).
   */
  reserve(sizes: TableSizes): void {
    const steps = this.reserveSteps(sizes);
    while (!steps.next().done);
  }

  /** `reserve` in steps of one table each (at 20M, allocating them all took ~1 s), so a caller can pause between. */
  *reserveSteps(sizes: TableSizes): Generator<void, void, void> {
    const { records = 0, keys = 0, names = 0, profiles = 0, strongKeys = 0, weakKeys = 0 } = sizes;
    if (records > this.alive.length) this.growRecords(records, true);
    yield;
    if (records > 0) {
      this.ids.reserveEntries(records);
      this.payloads.reserve(records);
    }
    yield;
    if (keys > 0) {
      this.keys.reserveEntries(keys);
      yield;
      if (keys > this.keyKind.length) this.growKeys(keys, true);
      yield;
    }
    yield* this.strong.reserveSteps(strongKeys, keys);
    yield* this.weak.reserveSteps(weakKeys, keys);
    if (names > 0) this.names.reserveEntries(names);
    yield;
    if (profiles > 0) this.profiles.reserve(profiles);
  }

  protected override growRecords(min: number, exact = false): void {
    super.growRecords(min, exact);
    this.alive = grow(this.alive, min, exact);
    this.kStart = grow(this.kStart, min, exact);
    this.kLen = grow(this.kLen, min, exact);
    this.kCap = grow(this.kCap, min, exact);
    this.wStart = grow(this.wStart, min, exact);
    this.wLen = grow(this.wLen, min, exact);
    this.wCap = grow(this.wCap, min, exact);
    this.serial = grow(this.serial, min, exact);
    this.nextInProfile = grow(this.nextInProfile, min, exact);
    this.mark = grow(this.mark, min, exact);
    this.tombstone = grow(this.tombstone, min, exact);
  }

  /** Writes a record's content and index entries (its slot ranges are reused when they fit). */
  private store(r: number, p: PreparedRecordCursor, serial: number): void {
    const keys: number[] = [];
    for (let k = 0; k < p.keyCount; k++) keys.push(this.internKeyRef(p, k));
    const weak: number[] = [];
    for (let k = 0; k < p.weakCount; k++) weak.push(this.internWeakRef(p, k));
    this.storeKeys(r, serial, keys, 0, keys.length, weak, 0, weak.length);
    this.writeFields(r, p);
  }

  /**
   * Makes r live in profile `serial` holding the keys `keys[kFrom, kTo)` and weak keys `weak[wFrom, wTo)` (ids):
   * the one place a record's index entries are written (its fields are written by the table).
   */
  private storeKeys(r: number, serial: number, keys: ArrayLike<number>, kFrom: number, kTo: number, weak: ArrayLike<number>, wFrom: number, wTo: number): void {
    if (this.alive[r]! === 0) this.liveRecords++;
    this.alive[r] = 1;
    this.serial[r] = serial;
    const kn = kTo - kFrom;
    let ks = this.kStart[r]!;
    if (kn > this.kCap[r]!) {
      this.strong.wasted += this.kCap[r]!;
      ks = this.strong.allocate(kn);
      this.kStart[r] = ks;
      this.kCap[r] = kn;
    }
    for (let i = 0; i < kn; i++) this.strong.link(ks + i, r, keys[kFrom + i]!);
    this.kLen[r] = kn;
    const wn = wTo - wFrom;
    let ws = this.wStart[r]!;
    if (wn > this.wCap[r]!) {
      this.weak.wasted += this.wCap[r]!;
      ws = this.weak.allocate(wn);
      this.wStart[r] = ws;
      this.wCap[r] = wn;
    }
    for (let i = 0; i < wn; i++) this.weak.link(ws + i, r, weak[wFrom + i]!);
    this.wLen[r] = wn;
  }

  /** Takes a record's keys out of the index and erases its payload (the record stays alive). */
  private unstore(r: number): void {
    for (let j = this.kStart[r]!, end = j + this.kLen[r]!; j < end; j++) this.strong.unlink(j);
    for (let j = this.wStart[r]!, end = j + this.wLen[r]!; j < end; j++) this.weak.unlink(j);
    this.kLen[r] = 0;
    this.wLen[r] = 0;
    this.payloads.erase(r);
  }

  /** The table's key columns, and a key's generic status and postings heads. */
  protected override keyAdded(id: number, kind: number, group: number): void {
    super.keyAdded(id, kind, group);
    this.keyGeneric[id] = 0;
    this.strong.ensureKey(id);
    this.weak.ensureKey(id);
  }

  protected override growKeys(min: number, exact = false): void {
    super.growKeys(min, exact);
    this.keyGeneric = grow(this.keyGeneric, min, exact);
    this.keyStamp = grow(this.keyStamp, min, exact);
    this.keyLocal = grow(this.keyLocal, min, exact);
  }

  /** Records sharing a non-generic key (strong or weak) with r, in the current graph. */
  private neighbors(r: number): number[] {
    const e = ++this.epoch;
    const out: number[] = [];
    this.mark[r] = e;
    const keys = [...this.strongKeysOf(r), ...this.weakKeysOf(r)];
    for (const k of keys) {
      if (this.keyGeneric[k]! === 1) continue;
      for (const post of [this.strong, this.weak]) {
        for (let p = post.head[k]!; p !== -1; p = post.next[p]!) {
          const x = post.record[p]!;
          if (this.mark[x]! === e) continue;
          this.mark[x] = e;
          out.push(x);
        }
      }
    }
    return out;
  }

  /** Judges again the strong keys r holds now and `oldKeys`; returns the keys whose generic status flipped. */
  private rejudge(r: number, oldKeys: readonly number[]): number[] {
    return this.rejudgeKeys([...oldKeys, ...this.strongKeysOf(r)]);
  }

  private rejudgeKeys(keys: readonly number[]): number[] {
    const flipped: number[] = [];
    if (this.options.generic === false) return flipped;
    for (const k of keys) {
      if (flipped.includes(k)) continue;
      const now = this.judge(k);
      if (now !== this.keyGeneric[k]!) {
        this.keyGeneric[k] = now;
        flipped.push(k);
      }
    }
    return flipped;
  }

  /** 1 when key k is generic over all live records (the rule of `genericKeyOf`). */
  private judge(k: number): number {
    if (this.options.generic === false) return 0;
    const count = this.strong.count[k]!;
    if (count < 2) return 0;
    // The rule's first clause, checked first so that a large key's records are not walked on every edit.
    if (count > this.options.generic.maxRecords) return 1;
    const members = this.strongMembers(k);
    const csr = this.csrOf(members);
    return genericKeyOf(csr, k, csr.members, 0, members.length, this.options.generic, this.seen) ? 1 : 0;
  }

  private genericLimits(): { maxRecords: number; maxDistinctIdentifiers: number } {
    return this.options.generic === false ? { maxRecords: Infinity, maxDistinctIdentifiers: Infinity } : this.options.generic;
  }

  /** The strong keys of `members` as a small CSR (members renumbered 0..n-1), for `genericKeyOf`. */
  private csrOf(members: readonly number[]): { keyStart: Uint32Array; keyIds: Int32Array; members: Int32Array } {
    let total = 0;
    for (const r of members) total += this.kLen[r]!;
    const keyStart = new Uint32Array(members.length + 1);
    const keyIds = new Int32Array(total);
    let t = 0;
    for (let i = 0; i < members.length; i++) {
      const r = members[i]!;
      for (let j = this.kStart[r]!, end = j + this.kLen[r]!; j < end; j++) keyIds[t++] = this.strong.key[j]!;
      keyStart[i + 1] = t;
    }
    return { keyStart, keyIds, members: Int32Array.from(members, (_, i) => i) };
  }

  /** Adds the members (strong and weak) of flipped keys to the seeds: their components may split or join. */
  private seedFlipped(flipped: readonly number[], seeds: number[]): void {
    for (const k of flipped) {
      for (const post of [this.strong, this.weak]) {
        for (let p = post.head[k]!; p !== -1; p = post.next[p]!) seeds.push(post.record[p]!);
      }
    }
  }

  /**
   * Links `records` (a union of components that holds every old profile touching them) and replaces their
   * profiles by succession. `changed` is the record the operation added or updated (-1 for none).
   */
  private reresolve(records: number[], changed: ReadonlySet<number>, removed: { id: string; serial: number }[]): ResolverEvent[] {
    const linked = this.link(records);
    const n = linked.records.length;
    // Old profiles touched, numbered densely for the succession.
    const dense = new Map<number, number>();
    const oldSerials: number[] = [];
    const denseOf = (serial: number): number => {
      let d = dense.get(serial);
      if (d === undefined) {
        d = oldSerials.length;
        dense.set(serial, d);
        oldSerials.push(serial);
      }
      return d;
    };
    const oldProfile = new Int32Array(n);
    const changedFlags = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const r = linked.records[i]!;
      const s = this.serial[r]!;
      oldProfile[i] = s < 0 ? -1 : denseOf(s);
      if (changed.has(r)) changedFlags[i] = 1;
    }
    const removedProfile = removed.map((x) => denseOf(x.serial));
    const idAt = (i: number): string => this.ids.keyOf(linked.records[i]!);
    const input: SuccessionInput = {
      n,
      root: linked.root,
      oldProfile,
      oldSerials: Float64Array.from(oldSerials),
      changed: changedFlags,
      removedProfile,
      removedId: (k) => removed[k]!.id,
      compare: (i, j) => this.ids.compare(linked.records[i]!, linked.records[j]!),
      hash: (i) => this.ids.hashOf(linked.records[i]!),
      recordId: idAt,
    };
    const result = succeed(input, () => this.allocateSerial());
    const events = [...successionEvents(input, result, clusterMembers(input, result))];
    // Old profiles touched: every member is in `records` (or was removed), so their lists are rebuilt whole.
    for (const s of oldSerials) this.profiles.delete(s);
    for (let i = 0; i < n; i++) {
      const r = linked.records[i]!;
      const s = result.serialOfRoot[linked.root[i]!]!;
      this.serial[r] = s;
      const head = this.profiles.join(s, r);
      if (head < 0) {
        this.nextInProfile[r] = r;
      } else {
        this.nextInProfile[r] = this.nextInProfile[head]!;
        this.nextInProfile[head] = r;
      }
    }
    this.liveProfiles += result.fresh - result.retired.length;
    return events;
  }

  private allocateSerial(): number {
    if (this.nextSerial >= (this.idRange + 1) * ID_RANGE_SIZE) throw new Error(`id range ${this.idRange} is exhausted`);
    return this.nextSerial++;
  }

  /**
   * Throws when the id range may not hold the serials of an edit that re-resolves (checked before the edit
   * changes anything): one re-resolving `more` new records and any live ones gives out at most that many.
   */
  checkSerialsLeft(more: number): void {
    const left = (this.idRange + 1) * ID_RANGE_SIZE - this.nextSerial;
    const need = this.liveRecords + more;
    if (left < Math.max(1, need)) {
      throw new IdweaveError('usage', `id range ${this.idRange} is exhausted (${left} profile ids left, an edit of ${this.liveRecords} live records may need ${Math.max(1, need)}): write on in another id range`);
    }
  }

  /** Reclaims index slots left by removed and grown records once they are half the table. */
  private maybeCompact(): void {
    if (this.strong.wasted >= 65_536 && this.strong.wasted * 2 >= this.strong.slots) this.compact(this.strong, this.kStart, this.kLen, this.kCap);
    if (this.weak.wasted >= 65_536 && this.weak.wasted * 2 >= this.weak.slots) this.compact(this.weak, this.wStart, this.wLen, this.wCap);
  }

  private compact(post: Postings, start: Uint32Array, len: Uint32Array, cap: Uint32Array): void {
    const oldKey = post.key;
    post.reset();
    for (let r = 0; r < this.ids.size; r++) {
      if (this.alive[r] === 0) continue;
      const s = start[r]!;
      const l = len[r]!;
      const ns = post.allocate(l);
      for (let i = 0; i < l; i++) post.link(ns + i, r, oldKey[s + i]!);
      start[r] = ns;
      cap[r] = l;
    }
  }

}

export { profileIdOfSerial, serialOfProfileId } from '../identity/profileIds.js';

/**
 * Live profiles by serial: the head record of each profile's ring, in an open-addressing table (linear probing,
 * backward-shift deletion, so no tombstones). Memory follows the live profiles (≤ live records), not the serials
 * ever allocated: serials are never reused, and a restored snapshot's serials are untrusted numbers (up to
 * 2^53), so a column indexed by serial could be made to allocate gigabytes. The slot hash is seeded per
 * process, so serials cannot be chosen to collide; the layout never shows in results.
 */
export class ProfileTable {
  private serials = new Float64Array(1024); // 0 = free (serial 0 is never used)
  private heads = new Int32Array(1024);
  private mask = 1023;
  /** Live profiles held. */
  size = 0;
  private readonly seed = (Math.random() * 2 ** 32) | 0;

  /** Head record of live profile `s`, or -1. */
  head(s: number): number {
    if (!(s > 0)) return -1;
    const serials = this.serials;
    for (let i = this.slot(s); ; i = (i + 1) & this.mask) {
      const k = serials[i]!;
      if (k === s) return this.heads[i]!;
      if (k === 0) return -1;
    }
  }

  /** Record `r` joins profile `s` (`s` > 0): returns the profile's head, or -1 when `s` was not live (r is its head now). */
  join(s: number, r: number): number {
    let i = this.slot(s);
    for (let k = this.serials[i]!; k !== 0; k = this.serials[i]!) {
      if (k === s) return this.heads[i]!;
      i = (i + 1) & this.mask;
    }
    this.serials[i] = s;
    this.heads[i] = r;
    if (++this.size * 4 > this.serials.length * 3) this.rehash(this.serials.length * 2);
    return -1;
  }

  /** Forgets profile `s` (nothing when it is not live). */
  delete(s: number): void {
    if (!(s > 0)) return;
    const serials = this.serials;
    const mask = this.mask;
    let hole = this.slot(s);
    for (let k = serials[hole]!; k !== s; k = serials[hole]!) {
      if (k === 0) return;
      hole = (hole + 1) & mask;
    }
    // Backward shift: move later entries of the probe run into the hole unless their home lies in (hole, j].
    for (let j = (hole + 1) & mask; serials[j]! !== 0; j = (j + 1) & mask) {
      const home = this.slot(serials[j]!);
      const stays = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (stays) continue;
      serials[hole] = serials[j]!;
      this.heads[hole] = this.heads[j]!;
      hole = j;
    }
    serials[hole] = 0;
    this.size--;
  }

  /** Makes room for `n` live profiles without a rehash. */
  reserve(n: number): void {
    let capacity = this.serials.length;
    while (n * 4 > capacity * 3) capacity *= 2;
    if (capacity > this.serials.length) this.rehash(capacity);
  }

  private slot(s: number): number {
    // Serials reach 2^53: both 32-bit halves take part.
    let h = (s >>> 0) ^ this.seed ^ Math.imul(Math.floor(s / 4294967296), 0x9e3779b1);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) & this.mask;
  }

  private rehash(capacity: number): void {
    const serials = this.serials;
    const heads = this.heads;
    this.serials = new Float64Array(capacity);
    this.heads = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < serials.length; i++) {
      const s = serials[i]!;
      if (s === 0) continue;
      let j = this.slot(s);
      while (this.serials[j]! !== 0) j = (j + 1) & this.mask;
      this.serials[j] = s;
      this.heads[j] = heads[i]!;
    }
  }
}

const NONE: ReadonlySet<number> = new Set();
