import { ByteInterner, stringAt } from '../_internal/ByteInterner.js';
import { GrowableArray } from '../_internal/GrowableArray.js';
import { fnv1a32, murmurMix32 } from '../_internal/hash.js';
import { breakTies, radixSortIndices } from '../_internal/radixSort.js';
import { withDefaults, type ResolvedOptions, type ResolveOptions } from '../config/ResolveOptions.js';
import { GUARD_OF_OUTCOME, OUTCOME, type EvidenceLog } from '../cluster/EvidenceLog.js';
import type { LinkInput } from '../cluster/LinkInput.js';
import { linkRecords, type GenericKey } from '../cluster/linkRecords.js';
import { KIND, kindOfKeyPrefix, type KeyStats, type KindCode } from '../match/createRecordKeyer.js';
import { compareStrings } from '../merge/buildProfile.js';
import { duplicateIdIssue } from '../accept/RecordIssue.js';
import type { CustomerRecord, GoldenProfile, GuardName, IdentifierKind, LinkEvidence, RecordIssue } from '../types.js';
import type { ResolveReport } from './ResolveReport.js';
import { isExclusiveGroup, linkConfigOf } from './_internal/linkConfigOf.js';
import { linkEvidenceAt, readableKey } from './_internal/linkEvidenceAt.js';
import { PayloadSlab } from './_internal/PayloadSlab.js';
import { PreparedRecordCursor, type PreparedChunk } from './_internal/PreparedChunk.js';
import { survivorshipConfigOf, type SurvivorshipOptions } from '../merge/survivorshipConfig.js';
import { profileAt, profileIdAt, type BatchColumns } from './_internal/BatchColumns.js';
import { createRecordPreparer, mergeKeyStats, type PreparedRecord } from './prepareRecord.js';

/** Outcome of adding one record to a batch. */
export type AddResult = { readonly ok: true; readonly index: number } | { readonly ok: false; readonly issues: readonly RecordIssue[] };

/** The report fields a batch knows; the caller adds input counts, stage timings and RSS. */
export type BatchReport = Omit<ResolveReport, 'stages' | 'peakRssBytes' | 'recordsIn' | 'rejected' | 'invalidUpdatedAt'>;

/**
 * The engine behind `resolve` and `resolveFiles`. Records are added one by one (shape already validated), then
 * `link()` clusters them once, then mapping, profiles and evidence are read out. No I/O here.
 *
 * Per record it keeps only compact columns — the id (interned), key ids (CSR), name ids, source id, update
 * time — plus a small JSON payload (names, attributes) in off-heap slabs, so 20M records fit in memory.
 */
export class ResolutionBatch {
  readonly options: ResolvedOptions;
  private readonly prepare: (record: CustomerRecord, stats: KeyStats) => PreparedRecord;
  private readonly stats: KeyStats = { invalid: {}, junk: {} };
  /** Per kind code: identifier values that became keys (for the report). */
  private readonly keyValues = new Float64Array(KIND_NAMES.length);

  // All strings are interned off the V8 heap: ids and keys are tens of millions, and chunks prepared in worker
  // threads arrive as bytes, interned without decoding.
  private readonly ids = new ByteInterner();
  private readonly keys = new ByteInterner();
  private readonly names = new ByteInterner();
  private readonly sources = new ByteInterner();
  private readonly groups = new ByteInterner();
  private readonly groupExclusive = new GrowableArray(Uint8Array, 16);

  private readonly keyKind = new GrowableArray(Uint8Array);
  private readonly keyGroup = new GrowableArray(Int32Array);
  private readonly keyStart = new GrowableArray(Uint32Array, 1024, true);
  private readonly keyIds = new GrowableArray(Int32Array, 1024, true);
  private readonly firstName = new GrowableArray(Int32Array);
  private readonly lastName = new GrowableArray(Int32Array);
  private readonly attributes = new GrowableArray(Int32Array);
  private readonly sourceOf = new GrowableArray(Int32Array, 1024, true);
  private readonly updatedAt = new GrowableArray(Float64Array, 1024, true);
  private readonly weakRecord = new GrowableArray(Int32Array, 64);
  private readonly weakKey = new GrowableArray(Int32Array, 64);
  private readonly payloads = new PayloadSlab();

  private linked: { evidence: EvidenceLog; genericKeys: readonly GenericKey[]; columns: BatchColumns } | undefined;

  constructor(options: ResolveOptions = {}) {
    this.options = withDefaults(options);
    this.prepare = createRecordPreparer(this.options);
    this.keyStart.push(0);
  }

  /** Number of accepted records so far. */
  get size(): number {
    return this.ids.size;
  }

  /**
   * Normalize, intern and keep one record. A record without an id or with an id already seen is refused with
   * reasons (the first occurrence of an id wins).
   */
  add(record: CustomerRecord): AddResult {
    return this.addPrepared(this.prepare(record, this.stats));
  }

  /** `add` after preparing: ids and keys are interned (the only step that needs the batch's state). */
  private addPrepared(p: PreparedRecord): AddResult {
    if (this.linked) throw new Error('ResolutionBatch: add() after link()');
    // perf: one lookup — when interning does not grow the table, the id was seen before.
    const before = this.ids.size;
    const index = this.ids.intern(p.id);
    if (this.ids.size === before) return { ok: false, issues: [duplicateIdIssue(p.id)] };

    for (let i = 0; i < p.keys.length; i++) {
      this.keyIds.push(this.internKey(p.keys[i]!, p.kinds[i]!, p.groups[i]!));
      this.keyValues[p.kinds[i]!]!++;
    }
    this.keyStart.push(this.keyIds.length);
    for (const weak of p.weak) {
      this.weakRecord.push(index);
      this.weakKey.push(this.internKey(weak, kindOfKeyPrefix(weak.charCodeAt(0)) as KindCode, ''));
    }
    this.firstName.push(p.firstName ? this.names.intern(p.firstName) : -1);
    this.lastName.push(p.lastName ? this.names.intern(p.lastName) : -1);
    this.attributes.push(p.attributes ? this.names.intern(p.attributes) : -1);
    this.sourceOf.push(p.source === '' ? -1 : this.sources.intern(p.source));
    this.updatedAt.push(p.updatedAt);
    this.payloads.push(p.payload);
    return { ok: true, index };
  }

  /**
   * Adds the records of a chunk prepared by `createPiecePreparer` (maybe in a worker thread), in order. A record
   * whose id was seen before is not added: `onDuplicate` gets its row within the chunk and the id. The chunk's
   * identifier counts are added too.
   */
  addChunk(c: PreparedChunk, onDuplicate: (row: number, id: string) => void): void {
    if (this.linked) throw new Error('ResolutionBatch: add() after link()');
    const { bytes, strStart, strLen, strHash } = c;
    const intern = (into: ByteInterner, ref: number): number => into.internBytes(bytes, strStart[ref]!, strLen[ref]!, strHash[ref]!);
    const rec = new PreparedRecordCursor(c);
    while (rec.next()) {
      const before = this.ids.size;
      const index = intern(this.ids, rec.id);
      if (this.ids.size === before) {
        onDuplicate(rec.row, this.ids.keyOf(index));
        continue;
      }
      for (let k = 0; k < rec.keyCount; k++) {
        const groupRef = rec.keyGroup(k);
        const before = this.keys.size;
        const id = intern(this.keys, rec.keyRef(k));
        const kind = rec.keyKind(k);
        if (id === before) this.newKey(kind, groupRef === -1 ? -1 : this.internGroup(intern(this.groups, groupRef)));
        this.keyIds.push(id);
        this.keyValues[kind]!++;
      }
      this.keyStart.push(this.keyIds.length);
      for (let k = 0; k < rec.weakCount; k++) {
        const before = this.keys.size;
        const ref = rec.weakRef(k);
        const id = intern(this.keys, ref);
        if (id === before) this.newKey(kindOfKeyPrefix(bytes[strStart[ref]!]!) as KindCode, -1);
        this.weakRecord.push(index);
        this.weakKey.push(id);
      }
      this.firstName.push(rec.first === -1 ? -1 : intern(this.names, rec.first));
      this.lastName.push(rec.last === -1 ? -1 : intern(this.names, rec.last));
      this.attributes.push(rec.attributes === -1 ? -1 : intern(this.names, rec.attributes));
      this.sourceOf.push(rec.source === -1 ? -1 : intern(this.sources, rec.source));
      this.updatedAt.push(rec.updatedAt);
      this.payloads.pushBytes(bytes, strStart[rec.payload]!, strLen[rec.payload]!);
    }
    mergeKeyStats(this.stats, c.stats);
  }

  /** Run the guards and the ordered linking. Call once, after the last `add`. */
  link(): void {
    if (this.linked) return;
    const n = this.size;
    const input = this.linkInput();
    const { uf, evidence, genericKeys } = linkRecords(input, linkConfigOf(this.options));
    const root = uf.roots();

    // Profile id of each cluster: from its smallest record id.
    const smallest = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const r = root[i]!;
      const cur = smallest[r]!;
      if (cur === -1 || this.ids.compare(i, cur) < 0) smallest[r] = i;
    }
    let roots = 0;
    for (let r = 0; r < n; r++) if (root[r] === r) roots++;
    const rootOf = new Uint32Array(roots);
    const hi = new Uint32Array(roots);
    const lo = new Uint32Array(roots);
    for (let r = 0, k = 0; r < n; r++) {
      if (root[r] !== r) continue;
      const id = this.ids.keyOf(smallest[r]!);
      rootOf[k] = r;
      hi[k] = fnv1a32(id);
      lo[k] = murmurMix32(id);
      k++;
    }
    // Profiles in profile id order (the hex digits of hi, lo), so output is byte-identical in any input order.
    const order = radixSortIndices(hi);
    breakTies(order, hi, (a, b) => lo[a]! - lo[b]! || this.ids.compare(smallest[rootOf[a]!]!, smallest[rootOf[b]!]!));

    const slot = new Int32Array(n);
    const profileHi = new Uint32Array(new SharedArrayBuffer(4 * roots));
    const profileLo = new Uint32Array(new SharedArrayBuffer(4 * roots));
    for (let p = 0; p < roots; p++) {
      const k = order[p]!;
      slot[rootOf[k]!] = p;
      profileHi[p] = hi[k]!;
      profileLo[p] = lo[k]!;
    }
    // Members of each cluster, in the order they were added (CSR).
    const profileOf = new Uint32Array(new SharedArrayBuffer(4 * n));
    const memberStart = new Uint32Array(new SharedArrayBuffer(4 * (roots + 1)));
    for (let i = 0; i < n; i++) {
      const p = slot[root[i]!]!;
      profileOf[i] = p;
      memberStart[p + 1]!++;
    }
    for (let p = 0; p < roots; p++) memberStart[p + 1]! += memberStart[p]!;
    const fill = memberStart.slice(0, roots);
    const members = new Uint32Array(new SharedArrayBuffer(4 * n));
    for (let i = 0; i < n; i++) members[fill[profileOf[i]!]!++] = i;

    const columns: BatchColumns = {
      ids: this.ids.view(),
      keys: this.keys.view(),
      sources: this.sources.view(),
      keyStart: this.keyStart.sharedView(),
      keyIds: this.keyIds.sharedView(),
      sourceOf: this.sourceOf.sharedView(),
      updatedAt: this.updatedAt.sharedView(),
      payloads: this.payloads.view(),
      profileHi,
      profileLo,
      memberStart,
      members,
      profileOf,
      evidence: evidence.entries(),
    };
    this.linked = { evidence, genericKeys, columns };
  }

  /**
   * The linked batch as shared, read-only columns: what `profiles()` and `mapping()` read, and what worker
   * threads build output lines from (after `link`).
   */
  columns(): BatchColumns {
    return this.requireLinked().columns;
  }

  /** Survivorship settings as plain data (for `survivorshipConfigOf`, in any thread). */
  survivorship(): SurvivorshipOptions {
    const { default: d, fields, sourcePriority } = this.options.survivorship;
    return { default: d, fields, sourcePriority };
  }

  /** `[recordId, profileId]` for every accepted record, in the order they were added. */
  *mapping(): IterableIterator<readonly [string, string]> {
    const c = this.columns();
    for (let i = 0; i < this.size; i++) yield [stringAt(c.ids, i), profileIdAt(c, c.profileOf[i]!)];
  }

  /** The index of an accepted record (the order it was added in), or -1 when no accepted record has this id. */
  indexOf(recordId: string): number {
    return this.ids.get(recordId);
  }

  /** Number of profiles (after `link`). */
  get profileCount(): number {
    return this.columns().profileHi.length;
  }

  /** Golden profiles, ordered by profile id. */
  *profiles(): IterableIterator<GoldenProfile> {
    const c = this.columns();
    const config = survivorshipConfigOf(this.survivorship());
    for (let p = 0; p < c.profileHi.length; p++) yield profileAt(c, p, config);
  }

  /** Every accepted and refused link, in the order they were decided. */
  *evidence(): IterableIterator<LinkEvidence> {
    const ev = this.requireLinked().evidence;
    for (let i = 0; i < ev.length; i++) yield this.evidenceAt(ev, i);
  }

  /** Counts of what the batch did. */
  report(): BatchReport {
    const l = this.requireLinked();
    const histogram: Record<string, number> = {};
    const { memberStart } = l.columns;
    const profiles = memberStart.length - 1;
    for (let p = 0; p < profiles; p++) {
      const bucket = sizeBucket(memberStart[p + 1]! - memberStart[p]!);
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    }
    const refused: Partial<Record<GuardName, number>> = {};
    for (let code = OUTCOME.generic; code <= OUTCOME.fuzzy; code++) {
      const c = l.evidence.counts[code]!;
      if (c > 0) refused[GUARD_OF_OUTCOME[code]!] = c;
    }
    const generic = [...l.genericKeys]
      .sort((a, b) => b.records - a.records || compareStrings(this.keys.keyOf(a.key), this.keys.keyOf(b.key)))
      .slice(0, 1000)
      .map((g) => ({ key: readableKey(this.keys.keyOf(g.key)), records: g.records, distinctIdentifiers: g.distinctIdentifiers }));
    const validIdentifiers: Partial<Record<IdentifierKind, number>> = {};
    for (let k = 0; k < KIND_NAMES.length; k++) if (this.keyValues[k]! > 0) validIdentifiers[KIND_NAMES[k]!] = this.keyValues[k]!;
    const genericByKind: Partial<Record<IdentifierKind, number>> = {};
    for (const g of l.genericKeys) {
      const kind = KIND_NAMES[this.keyKind.get(g.key)]!;
      genericByKind[kind] = (genericByKind[kind] ?? 0) + 1;
    }
    const accepted = this.size;
    return {
      accepted,
      profiles,
      reductionRatio: accepted === 0 ? 0 : 1 - profiles / accepted,
      clusterSizeHistogram: histogram,
      validIdentifiers,
      invalidIdentifiers: this.stats.invalid,
      junkIdentifiers: this.stats.junk,
      genericIdentifiers: generic,
      genericIdentifierCount: l.genericKeys.length,
      genericIdentifiersByKind: genericByKind,
      linksAccepted: l.evidence.counts[OUTCOME.accepted]! + l.evidence.counts[OUTCOME.acceptedFuzzy]!,
      linksRefused: refused,
    };
  }

  private internKey(key: string, kind: number, group: string): number {
    const before = this.keys.size;
    const id = this.keys.intern(key);
    if (id === before) this.newKey(kind, group === '' ? -1 : this.internGroup(this.groups.intern(group)));
    return id;
  }

  /** Columns of a key seen for the first time. */
  private newKey(kind: number, group: number): void {
    this.keyKind.push(kind);
    this.keyGroup.push(group);
  }

  /** `g` (a group id), noting whether a group seen for the first time is exclusive. */
  private internGroup(g: number): number {
    if (g === this.groupExclusive.length) this.groupExclusive.push(isExclusiveGroup(this.groups.keyOf(g), this.options) ? 1 : 0);
    return g;
  }

  private linkInput(): LinkInput {
    const n = this.size;
    // Deterministic record order: by hash of the id, ties by the id.
    const idHash = this.ids.hashView();
    const recordsByRank = radixSortIndices(idHash);
    breakTies(recordsByRank, idHash, (a, b) => this.ids.compare(a, b));
    const recordRank = new Uint32Array(n);
    for (let r = 0; r < n; r++) recordRank[recordsByRank[r]!] = r;
    return {
      recordCount: n,
      keyStart: this.keyStart.view(),
      keyIds: this.keyIds.view(),
      keyCount: this.keys.size,
      keyKind: this.keyKind.view(),
      keyGroup: this.keyGroup.view(),
      groupExclusive: this.groupExclusive.view(),
      groupName: (g) => this.groups.keyOf(g),
      keyString: (k) => this.keys.keyOf(k),
      keyHash: this.keys.hashView(),
      recordRank,
      recordsByRank,
      firstName: this.firstName.view(),
      lastName: this.lastName.view(),
      attributes: this.attributes.view(),
      nameOf: (id) => this.names.keyOf(id),
      weakRecord: this.weakRecord.view(),
      weakKey: this.weakKey.view(),
    };
  }

  private evidenceAt(ev: EvidenceLog, i: number): LinkEvidence {
    return linkEvidenceAt(ev, i, (r) => this.ids.keyOf(r), (k) => this.keys.keyOf(k));
  }

  private requireLinked(): NonNullable<ResolutionBatch['linked']> {
    if (!this.linked) throw new Error('ResolutionBatch: call link() first');
    return this.linked;
  }
}

/** Identifier kinds by kind code (`KIND`). */
const KIND_NAMES: readonly IdentifierKind[] = (() => {
  const names: IdentifierKind[] = [];
  for (const [name, code] of Object.entries(KIND)) names[code] = name as IdentifierKind;
  return names;
})();

function sizeBucket(size: number): string {
  if (size <= 10) return String(size);
  let hi = 16;
  while (hi < size) hi *= 2;
  return `${Math.max(11, hi / 2 + 1)}-${hi}`;
}
