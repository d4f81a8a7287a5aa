import { PayloadNames } from '../_internal/PayloadNames.js';
import { ByteInterner, stringAt } from '../_internal/ByteInterner.js';
import { GrowableArray } from '../_internal/GrowableArray.js';
import { lowerBound } from '../_internal/lowerBound.js';
import { withDefaults, type RecordOverride, type ResolvedOptions, type ResolveOptions } from '../config/ResolveOptions.js';
import { EvidenceLog, GUARD_OF_OUTCOME, OUTCOME } from '../cluster/EvidenceLog.js';
import type { LinkInput } from '../cluster/LinkInput.js';
import { linkPart, linkRecords, type GenericKey } from '../cluster/linkRecords.js';
import { mergePartLogs, planParts, type PartLog } from '../cluster/linkParts.js';
import { UnionFind } from '../cluster/UnionFind.js';
import { attachPartResult, linkColumnsOf, type LinkPartResult, type LinkPartTask } from './linkInParts.js';
import type { LinkOverrides } from '../cluster/overrides.js';
import { KIND, type KeyStats } from '../match/createRecordKeyer.js';
import { compareStrings } from '../_internal/compareStrings.js';
import { duplicateIdIssue } from '../accept/RecordIssue.js';
import type { CustomerRecord, GoldenProfile, GuardName, IdentifierKind, LinkEvidence, RecordIssue } from '../types.js';
import type { ResolveReport } from './ResolveReport.js';
import { firstSerialOfRange, ID_RANGE_SIZE, profileIdOfSerial } from '../identity/profileIds.js';
import { PreviousRun } from '../identity/PreviousRun.js';
import { createdProfiles, succeed, successionEvents, successionParts, type ResolverEvent, type Succession, type SuccessionInput, type SuccessionParts } from '../identity/succession.js';
import { toShared } from '../_internal/shared.js';
import { linkConfigOf } from './linkConfigOf.js';
import { linkEvidenceAt, readableKey } from './linkEvidenceAt.js';
import { RecordTable } from './RecordTable.js';
import { PreparedRecordCursor, type PreparedChunk } from './PreparedChunk.js';
import { survivorshipConfigOf, type SurvivorshipOptions } from '../merge/survivorshipConfig.js';
import { profileAt, profileIdAt, type BatchColumns } from './BatchColumns.js';
import { createSinglePreparer, mergeKeyStats } from './prepareRecord.js';

/** Outcome of adding one record to a batch. */
export type AddResult =
  | { readonly ok: true; readonly index: number }
  | { readonly ok: false; readonly issues: readonly RecordIssue[]; readonly erased?: undefined }
  /** The record's id is erased: it is dropped from the run and counted, nothing else. */
  | { readonly ok: false; readonly erased: true };

/** What a batch continues from, and what it must forget (docs/identity-over-time.md). */
export interface BatchIdentityOptions {
  /** The previous run: ids carry over by succession. */
  readonly previous?: PreviousRun;
  /** Record ids erased for good: dropped from the run even when an input still carries them. */
  readonly erased?: Iterable<string>;
}

/** Identity over time after `link()`: the succession from the previous run and the allocator's state. */
interface BatchIdentity {
  readonly input: SuccessionInput;
  readonly succession: Succession;
  readonly idRange: number;
  readonly nextSerial: number;
  /** Two 32-bit halves per record (`fingerprint`). */
  readonly fingerprints: Uint32Array;
}

/** What linking leaves for settling: each record's cluster root, every decision, the generic keys. */
interface Linked {
  readonly root: Int32Array;
  readonly evidence: EvidenceLog;
  readonly genericKeys: readonly GenericKey[];
}

/** The id figures of the report: the range allocated in, the allocator's next serial, serials allocated. */
type IdSummary = BatchReport['ids'];

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
  private prepare: (record: CustomerRecord, stats: KeyStats, keep?: boolean) => PreparedRecordCursor;
  private readonly stats: KeyStats = { invalid: {}, junk: {} };
  /** Per kind code: identifier values that became keys (for the report). */
  private readonly keyValues = new Float64Array(KIND_NAMES.length);

  /**
   * Records, keys, names and payloads, in shared memory: worker threads build output lines from them. Read-only
   * outside the batch.
   */
  readonly table: RecordTable;
  // Each record's keys, append-only: strong keys as CSR (`keyIds[keyStart[i], keyStart[i + 1])`), weak keys as
  // (record, key) pairs in record order.
  private readonly keyStart = new GrowableArray(Uint32Array, 1024, true);
  private readonly keyIds = new GrowableArray(Int32Array, 1024, true);
  private readonly weakRecord = new GrowableArray(Int32Array, 64, true);
  private readonly weakKey = new GrowableArray(Int32Array, 64, true);
  /** Each record's content fingerprint as prepared (two halves); handed to the succession, then dropped. */
  private fingerprintColumn: GrowableArray<Uint32Array> | undefined = new GrowableArray(Uint32Array, 2048);
  /** Steward overrides by record id, matched to records at `link()` (records may come in any order). */
  private readonly overrides: readonly RecordOverride[];
  private overridesUnmatched = 0;

  private linked: { evidence: EvidenceLog; genericKeys: readonly GenericKey[]; columns: BatchColumns; identity: BatchIdentity | undefined; ids: IdSummary } | undefined;

  private readonly previous: PreviousRun | undefined;
  private readonly erased: ByteInterner | undefined;
  /** Records dropped because their id is erased. */
  erasedCount = 0;

  constructor(options: ResolveOptions = {}, identity: BatchIdentityOptions = {}) {
    this.options = withDefaults(options);
    this.previous = identity.previous;
    if (identity.erased !== undefined) {
      this.erased = new ByteInterner();
      for (const id of identity.erased) this.erased.intern(id);
    }
    this.overrides = options.overrides ?? [];
    this.prepare = createSinglePreparer(this.options);
    this.table = new RecordTable(this.options, true);
    this.keyStart.push(0);
  }

  /**
   * The field table (`PayloadNames`) whose tokens the payloads of the chunks it adds hold (`Piece.payloadFields`), and
   * of the records it prepares itself: set before the first record.
   */
  usePayloadFields(fields: readonly string[]): void {
    const names = PayloadNames.of(fields);
    this.table.payloads.names = names;
    this.prepare = createSinglePreparer(this.options, names);
  }

  /** Number of accepted records so far. */
  get size(): number {
    return this.table.ids.size;
  }

  /**
   * Normalize, intern and keep one record. A record without an id or with an id already seen is refused with
   * reasons (the first occurrence of an id wins).
   */
  add(record: CustomerRecord): AddResult {
    if (this.linked) throw new Error('ResolutionBatch: add() after link()');
    if (this.erased !== undefined && this.erased.get(record.id) >= 0) {
      this.erasedCount++;
      return { ok: false, erased: true };
    }
    const index = this.addRecord(this.prepare(record, this.stats));
    return index >= 0 ? { ok: true, index } : { ok: false, issues: [duplicateIdIssue(record.id)] };
  }

  /**
   * Adds the records of a chunk prepared by `createPiecePreparer` (maybe in a worker thread), in order. A record
   * whose id was seen before is not added: `onDuplicate` gets its row within the chunk and the id. The chunk's
   * identifier counts are added too. Returns the number of records dropped because their id is erased.
   */
  addChunk(c: PreparedChunk, onDuplicate: (row: number, id: string) => void): number {
    if (this.linked) throw new Error('ResolutionBatch: add() after link()');
    const { bytes, strStart, strLen, strHash } = c;
    const rec = new PreparedRecordCursor(c);
    const ahead = new PreparedRecordCursor(c);
    let erased = 0;
    this.table.adoptChunkPayloads(c);
    for (let r = 0; rec.next(); r++) {
      if (r % WARM_RECORDS === 0) this.table.warmInterning(ahead, WARM_RECORDS);
      if (this.erased !== undefined && this.erased.getBytes(bytes, strStart[rec.id]!, strLen[rec.id]!, strHash[rec.id]!) >= 0) {
        // Its payload may be kept in memory with the chunk's others (`RecordTable.adoptChunkPayloads`): not its bytes.
        if (rec.payload !== -1) c.payloads.fill(0, strStart[rec.payload]!, strStart[rec.payload]! + strLen[rec.payload]!);
        erased++;
        continue;
      }
      const index = this.addRecord(rec);
      if (index < 0) onDuplicate(rec.row, this.table.ids.keyOf(~index));
    }
    this.table.adoptChunkPayloads(undefined);
    mergeKeyStats(this.stats, c.stats);
    this.erasedCount += erased;
    return erased;
  }

  /**
   * Keeps the cursor's record: its index, or `~index` of the earlier record with its id (nothing is added). The
   * one way a record enters the batch, whether it came from a file or from memory.
   */
  private addRecord(rec: PreparedRecordCursor): number {
    const t = this.table;
    const c = rec.chunk;
    const before = t.ids.size;
    const index = t.ids.internBytes(c.bytes, c.strStart[rec.id]!, c.strLen[rec.id]!, c.strHash[rec.id]!);
    if (t.ids.size === before) return ~index;
    for (let k = 0; k < rec.keyCount; k++) {
      this.keyIds.push(t.internKeyRef(rec, k));
      this.keyValues[rec.keyKind(k)]!++;
    }
    this.keyStart.push(this.keyIds.length);
    for (let k = 0; k < rec.weakCount; k++) {
      this.weakRecord.push(index);
      this.weakKey.push(t.internWeakRef(rec, k));
    }
    t.writeFields(index, rec);
    this.fingerprintColumn!.push(rec.fingerprintHi);
    this.fingerprintColumn!.push(rec.fingerprintLo);
    return index;
  }

  /**
   * Sizes the batch for about `times` times the records of `chunk` more than it holds (the batch job: once per
   * input file, the file's bytes over its first piece's). perf: growing the record columns and key lists by
   * doubling copied them a dozen times at 10M rows (with the id table's rehashing, ~20% of the read's main thread,
   * which the workers wait for). Only room that is written costs memory (the system zeroes pages lazily), so an
   * estimate too high costs address space, within `MAX_RESERVED_RECORDS`; the id and key tables, which fill at
   * random, are sized for a part of it (`RecordTable.reserveRecords` says how much). An estimate too low leaves the
   * rest to doubling.
   */
  reserveMore(chunk: PreparedChunk, times: number): void {
    const more = Math.min(MAX_RESERVED_RECORDS, Math.ceil(chunk.records * times));
    if (!(more > 0)) return;
    let keyRefs = 0;
    const rec = new PreparedRecordCursor(chunk);
    while (rec.next()) keyRefs += rec.keyCount;
    const records = this.size + more;
    this.table.reserveRecords(records);
    this.keyStart.reserve(records + 1);
    this.keyIds.reserve(this.keyIds.length + Math.ceil((keyRefs / chunk.records) * more));
    this.fingerprintColumn?.reserve(2 * records);
  }

  /** Run the guards and the ordered linking. Call once, after the last `add`. */
  link(): void {
    if (this.linked) return;
    this.settle(this.linkAll());
  }

  /**
   * `link()` split into up to `parts` parts that run at once (`cluster/linkParts`), every part through `elsewhere`
   * (the batch job's worker threads, `runLinkPart`) while this thread waits; a plan of one part is linked here.
   * The same partition and the same evidence, decision for decision, as `link()`. `collect` runs where the link
   * leaves large garbage: after planning, after the parts (the plan, before the logs merge), and after each column
   * of the merge (`mergePartLogs`).
   */
  async linkInParts(parts: number, elsewhere: (task: LinkPartTask) => Promise<LinkPartResult>, collect?: () => void): Promise<void> {
    if (this.linked) return;
    const { root, genericKeys, evidence, logs } = await this.linkAllInParts(parts, elsewhere, collect);
    // perf: the plan, the link input and the union-find are garbage once the parts are done (~40 bytes a record
    // and 8 a key at 20M rows): collected before the merge and the settling allocate theirs.
    collect?.();
    this.settle({ root, genericKeys, evidence: evidence ?? mergePartLogs(logs!, collect) });
  }

  private linkAll(): Linked {
    const { uf, evidence, genericKeys } = linkRecords(this.linkInput(), linkConfigOf(this.options), undefined, new EvidenceLog(true));
    return { root: uf.roots(), evidence, genericKeys };
  }

  /** The link in parts, up to the parts' logs (merged by the caller, once the plan is garbage); one part: its log. */
  private async linkAllInParts(
    parts: number,
    elsewhere: (task: LinkPartTask) => Promise<LinkPartResult>,
    collect?: () => void,
  ): Promise<Omit<Linked, 'evidence'> & ({ evidence: EvidenceLog; logs?: undefined } | { evidence?: undefined; logs: PartLog[] })> {
    const input = this.linkInput();
    const config = linkConfigOf(this.options);
    const plan = planParts(input, config, parts);
    // The planning's scratch (orders' sort arrays, the components) is garbage now: the caller may collect it
    // before the parts allocate theirs (the batch job does, when Node allows it).
    collect?.();
    const uf = new UnionFind(this.size, plan.parts > 1);
    const done = new Int32Array(new SharedArrayBuffer(4 * plan.parts));
    if (plan.parts === 1) {
      const evidence = new EvidenceLog(true);
      linkPart(input, config, plan, 0, uf, evidence);
      return { root: uf.roots(), evidence, genericKeys: plan.genericKeys };
    }
    // The columns other threads read carry no overrides: a plan with overrides has one part (`planParts`).
    if (input.overrides !== undefined) throw new Error('ResolutionBatch: a link with overrides cannot run in parts');
    // Every part elsewhere, this thread waiting. perf: at 20M rows, part 0 linked here took 21.3 and 21.6 s (two
    // runs; the worker's part of the same size 16.8 and 17.1 s) and 16.4 s in a fresh thread (one run); the link
    // stage 34.0 -> 27.4 s. Likely cause: this thread's code for the helpers the link shares with the read stage
    // carries that stage's type feedback.
    const columns = linkColumnsOf(input, this.table.keys.view());
    const results = await Promise.all(Array.from({ length: plan.parts }, (_, p) => elsewhere({ columns, config, plan, part: p, uf: uf.buffers(), done })));
    for (let p = 0; p < plan.parts; p++) {
      if (Atomics.load(done, p) !== 1) throw new Error(`ResolutionBatch: link part ${p} did not finish`);
    }
    // The logs are held by this array alone: the merge drops each part's columns as it goes.
    const logs: PartLog[] = results.map(attachPartResult);
    return { root: uf.roots(), logs, genericKeys: plan.genericKeys };
  }

  /** The linked batch's columns and identity, from the linker's clusters and log. */
  private settle({ root, evidence, genericKeys }: Linked): void {
    const n = this.size;

    // Profile serials by succession from the previous run (all fresh without one): identity/succession.
    const identity = this.succeed(root);
    const { rootsBySerial, serialOfRoot } = identity.succession;
    const roots = rootsBySerial.length;
    const slot = new Int32Array(n);
    const profileSerial = new Float64Array(new SharedArrayBuffer(8 * roots));
    for (let p = 0; p < roots; p++) {
      const r = rootsBySerial[p]!;
      slot[r] = p;
      profileSerial[p] = serialOfRoot[r]!;
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

    const t = this.table;
    const columns: BatchColumns = {
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
      createdProfile: toShared(createdProfiles(identity.input, identity.succession)),
    };
    this.linked = { evidence, genericKeys, columns, identity, ids: { range: identity.idRange, nextSerial: identity.nextSerial, fresh: identity.succession.fresh } };
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
    return this.table.ids.get(recordId);
  }

  /** Number of profiles (after `link`). */
  /**
   * Sizes of the key and name tables, the profile count and the key memberships (the hints of identity.json's
   * `tables`; weak memberships before repeats are dropped, an upper bound).
   */
  tableSizes(): { keys: number; names: number; profiles: number; strongKeys: number; weakKeys: number } {
    return { keys: this.table.keys.size, names: this.table.names.size, profiles: this.profileCount, strongKeys: this.keyIds.length, weakKeys: this.weakRecord.length };
  }

  get profileCount(): number {
    return this.columns().profileSerial.length;
  }

  /** Golden profiles, ordered by profile id. */
  *profiles(): IterableIterator<GoldenProfile> {
    const c = this.columns();
    const config = survivorshipConfigOf(this.survivorship());
    for (let p = 0; p < c.profileSerial.length; p++) yield profileAt(c, p, config);
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
    for (let code = OUTCOME.generic; code <= OUTCOME.override; code++) {
      const c = l.evidence.counts[code]!;
      if (c > 0) refused[GUARD_OF_OUTCOME[code]!] = c;
    }
    const generic = [...l.genericKeys]
      .sort((a, b) => b.records - a.records || compareStrings(this.table.keys.keyOf(a.key), this.table.keys.keyOf(b.key)))
      .slice(0, 1000)
      .map((g) => ({ key: readableKey(this.table.keys.keyOf(g.key)), records: g.records, distinctIdentifiers: g.distinctIdentifiers }));
    const validIdentifiers: Partial<Record<IdentifierKind, number>> = {};
    for (let k = 0; k < KIND_NAMES.length; k++) if (this.keyValues[k]! > 0) validIdentifiers[KIND_NAMES[k]!] = this.keyValues[k]!;
    const genericByKind: Partial<Record<IdentifierKind, number>> = {};
    for (const g of l.genericKeys) {
      const kind = KIND_NAMES[this.table.keyKind[g.key]!]!;
      genericByKind[kind] = (genericByKind[kind] ?? 0) + 1;
    }
    const accepted = this.size;
    return {
      accepted,
      erased: this.erasedCount,
      ids: l.ids,
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
      overrideConflicts: l.evidence.overrideConflicts,
      overridesUnmatched: this.overridesUnmatched,
    };
  }

  /** The id range this run allocated in, and its allocator's next serial (part of the output: never reuse). */
  idState(): { readonly idRange: number; readonly nextSerial: number } {
    const { range, nextSerial } = this.requireLinked().ids;
    return { idRange: range, nextSerial };
  }

  /** What changed relative to the previous run (all `created` without one), in the order of `successionEvents`. */
  changes(): Generator<ResolverEvent> {
    const { input, succession } = this.identity();
    const c = this.columns();
    return successionEvents(input, succession, { start: c.memberStart, members: c.members });
  }

  /** Profiles this run creates (`created` events). */
  createdCount(): number {
    let n = 0;
    for (const f of this.columns().createdProfile) n += f;
    return n;
  }

  /**
   * `changes()` in three parts (`identity/succession` successionParts): the events before the creations, the
   * creations (one per profile flagged in `columns().createdProfile`), and the events after them.
   */
  changeParts(): SuccessionParts {
    const { input, succession } = this.identity();
    const c = this.columns();
    return successionParts(input, succession, { start: c.memberStart, members: c.members });
  }

  /** The content fingerprint of record i as two 32-bit halves (in `fingerprints()` at 2i, 2i + 1). */
  fingerprints(): Uint32Array {
    return this.identity().fingerprints;
  }

  /** This run as the previous run of a next one (for `resolve()` chains in memory). */
  asPreviousRun(): PreviousRun {
    const { idRange, nextSerial, fingerprints } = this.identity();
    const c = this.columns();
    const run = new PreviousRun(idRange, nextSerial);
    for (let i = 0; i < this.size; i++) run.add(this.table.ids.keyOf(i), profileIdOfSerial(c.profileSerial[c.profileOf[i]!]!), fingerprints[2 * i]!, fingerprints[2 * i + 1]!);
    return run;
  }

  /** Whether `id` is erased for this run. */
  isErased(id: string): boolean {
    return this.erased !== undefined && this.erased.get(id) >= 0;
  }

  /**
   * Serials for the clusters of `root` by succession from the previous run (identity/succession): records are
   * matched to the previous run's by id; a previous record absent now was removed; a present one whose
   * fingerprint differs was changed in place.
   */
  private succeed(root: Int32Array): BatchIdentity {
    const n = this.size;
    const prev = this.previous;
    const idRange = prev?.idRange ?? 0;
    let next = prev?.nextSerial ?? firstSerialOfRange(idRange);
    // Memory: ~8 bytes a record; the identity holds them from here until `releaseIdentity`.
    const fingerprints = this.fingerprintColumn!.view();
    this.fingerprintColumn = undefined;
    const oldProfile = new Int32Array(n).fill(-1);
    const changed = new Uint8Array(n);
    let oldSerials = new Float64Array(0);
    const removedProfile = new GrowableArray(Int32Array, 64);
    const removedRecord = new GrowableArray(Int32Array, 64);
    if (prev !== undefined && prev.size > 0) {
      // Old profiles numbered densely by serial: a sort and a binary search, no map of millions of entries.
      const sorted = new Float64Array(prev.size);
      for (let k = 0; k < prev.size; k++) sorted[k] = prev.serial(k);
      sorted.sort();
      let distinct = 0;
      for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k]!;
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
    const input: SuccessionInput = {
      n,
      root,
      oldProfile,
      oldSerials,
      changed,
      removedProfile: removedProfile.view(),
      removedId: (k) => {
        const id = prev!.recordId(removedRecord.get(k));
        return this.isErased(id) ? undefined : id;
      },
      compare: (a, b) => this.table.ids.compare(a, b),
      hash: (i) => idHash[i]!,
      recordId: (i) => this.table.ids.keyOf(i),
    };
    const succession = succeed(input, () => {
      if (next >= (idRange + 1) * ID_RANGE_SIZE) throw new Error(`id range ${idRange} is exhausted`);
      return next++;
    });
    return { input, succession, idRange, nextSerial: next, fingerprints };
  }

  private linkInput(): LinkInput {
    const lists = { keyStart: this.keyStart.view(), keyIds: this.keyIds.view(), weakRecord: this.weakRecord.view(), weakKey: this.weakKey.view() };
    return this.table.linkInputOf(lists, this.overridePairs());
  }

  /** The overrides as record index pairs; one naming an id the batch does not hold is ignored and counted. */
  private overridePairs(): LinkOverrides | undefined {
    this.overridesUnmatched = 0;
    if (this.overrides.length === 0) return undefined;
    const never: number[] = [];
    const always: number[] = [];
    for (const o of this.overrides) {
      const a = this.table.ids.get(o.recordA);
      const b = this.table.ids.get(o.recordB);
      if (a < 0 || b < 0) {
        this.overridesUnmatched++;
        continue;
      }
      (o.rule === 'never' ? never : always).push(a, b);
    }
    return { never: Int32Array.from(never), always: Int32Array.from(always), recordId: (r) => this.table.ids.keyOf(r) };
  }

  private evidenceAt(ev: EvidenceLog, i: number): LinkEvidence {
    return linkEvidenceAt(ev, i, (r) => this.table.ids.keyOf(r), (k) => this.table.keys.keyOf(k));
  }

  /**
   * Forgets the succession and the fingerprints once `changes.ndjson` and `fingerprints.bin` are written (perf:
   * ~25 bytes a record, 0.5 GB at 20M rows, that the profile and evidence stages do not need). `changes`,
   * `changeParts`, `fingerprints` and `asPreviousRun` throw afterwards; the report keeps its figures.
   */
  releaseIdentity(): void {
    this.requireLinked().identity = undefined;
  }

  private identity(): BatchIdentity {
    const identity = this.requireLinked().identity;
    if (identity === undefined) throw new Error('ResolutionBatch: the succession was released (releaseIdentity)');
    return identity;
  }

  private requireLinked(): NonNullable<ResolutionBatch['linked']> {
    if (!this.linked) throw new Error('ResolutionBatch: call link() first');
    return this.linked;
  }
}

/**
 * Most records one estimate reserves room for (`reserveMore`), above the 20M rows the batch job is sized for: a
 * wrong estimate (narrow first rows, then wide ones) costs at most ~2.5 GB of address space, its largest column
 * 256 MB, not a failed allocation.
 */
const MAX_RESERVED_RECORDS = 1 << 25;

/** Records of a chunk whose interning is warmed at once (`RecordTable.warmInterning`). */
const WARM_RECORDS = 16;

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
