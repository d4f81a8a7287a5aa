import { GrowableArray } from '../_internal/GrowableArray.js';
import { payloadAt, PayloadStore, type PayloadView } from '../_internal/PayloadStore.js';
import { toShared } from '../_internal/shared.js';
import { CHUNK_BASE } from '../_internal/chunkString.js';
import type { GuardName } from '../types.js';

/** Outcome codes stored per link; the order is the report's. */
export const OUTCOME = {
  accepted: 0,
  acceptedFuzzy: 1,
  generic: 2,
  exclusive: 3,
  shareable: 4,
  maxClusterSize: 5,
  fuzzy: 6,
  /** Refused by a steward override: a union joining a `never` pair, or an `always` pair contradicting one. */
  override: 7,
} as const;
export type OutcomeCode = (typeof OUTCOME)[keyof typeof OUTCOME];

export const GUARD_OF_OUTCOME: readonly (GuardName | undefined)[] = [
  undefined, undefined, 'generic', 'exclusive', 'shareable', 'maxClusterSize', 'fuzzy', 'override',
];

/** True for the outcomes of an accepted link (`"accepted": true` in `evidence.ndjson`); every other outcome is a refusal. */
export function isAcceptedOutcome(outcome: number): boolean {
  return outcome === OUTCOME.accepted || outcome === OUTCOME.acceptedFuzzy;
}

/** The key of a decision on an `always` override pair: no identifier joined (or failed to join) the records. */
export const OVERRIDE_KEY = -1;

/**
 * Every link decision as compact columns (perf: ~21 bytes per link instead of an object; a 20M-row run records
 * about as many links as records). Reasons in words are kept only for refused links and accepted `always`
 * overrides: as UTF-8 in a `PayloadStore`, not as strings (perf: data with millions of refusals, such as numbers
 * shared by unrelated people, held each reason as a heap string of ~250 bytes, copied again into every worker
 * thread: gigabytes at 20M rows; here it costs its bytes plus 16, shared with the threads).
 */
export class EvidenceLog {
  // perf: start small; the incremental resolver makes one log per edit, the batch grows it by doubling.
  readonly key: GrowableArray<Int32Array>;
  readonly recordA: GrowableArray<Int32Array>;
  readonly recordB: GrowableArray<Int32Array>;
  readonly outcome: GrowableArray<Uint8Array>;
  /** The decision's match weight (NaN when none was computed) and its facts (`match/matchWeights` packFacts). */
  readonly weight: GrowableArray<Float32Array>;
  readonly facts: GrowableArray<Uint32Array>;
  /** Reasons, made on the first one: the k-th reason's entry index (ascending) and its text. */
  private why: { entry: GrowableArray<Int32Array>; text: PayloadStore } | undefined;
  readonly counts = new Uint32Array(8);
  /** `always` overrides refused because they would join a `never` pair (the contradiction rule: never wins). */
  overrideConflicts = 0;

  /**
   * `shared`: columns in shared memory from the start, so `entries()` hands them to worker threads without a
   * copy (the batch; the incremental resolver's per-edit logs stay in ordinary memory).
   */
  constructor(private readonly shared = false) {
    this.key = new GrowableArray(Int32Array, 64, shared);
    this.recordA = new GrowableArray(Int32Array, 64, shared);
    this.recordB = new GrowableArray(Int32Array, 64, shared);
    this.outcome = new GrowableArray(Uint8Array, 64, shared);
    this.weight = new GrowableArray(Float32Array, 64, shared);
    this.facts = new GrowableArray(Uint32Array, 64, shared);
  }

  get length(): number {
    return this.key.length;
  }

  /**
   * Room for `entries` entries in all (a link part's expected decisions, `expectedDecisions`). perf: a part's log
   * grew by doubling from 64 entries: every doubling copied the columns into fresh shared memory, whose first
   * touch is a page fault (~11 µs a 4 KiB page on this VM), on the link's critical path. An overestimate costs
   * address space only: shared memory left untouched is never mapped (1 GiB reserved: RSS unchanged).
   */
  reserve(entries: number): void {
    for (const column of [this.key, this.recordA, this.recordB, this.outcome, this.weight, this.facts]) column.reserve(entries);
  }

  add(key: number, a: number, b: number, outcome: OutcomeCode, why?: string, weight = Number.NaN, facts = 0): void {
    if (why !== undefined) this.addWhy(this.key.length, why);
    this.key.push(key);
    this.recordA.push(a);
    this.recordB.push(b);
    this.outcome.push(outcome);
    this.weight.push(weight);
    this.facts.push(facts);
    this.counts[outcome]!++;
    if (key === OVERRIDE_KEY && outcome === OUTCOME.override) this.overrideConflicts++;
  }

  /**
   * Takes the byte chunks of another log's reasons as its own, without a copy (merging the logs of a link's parts,
   * `cluster/linkParts`); returns where each chunk now starts, for `adoptReason`.
   */
  adoptReasons(e: EvidenceEntries): number[] {
    const text = this.whyStore().text;
    return e.why.text.chunks.map((c) => text.adopt(c));
  }

  /**
   * Gives entry `i` of this log the `why`-th reason of another log's entries, whose chunks this log adopted
   * (`adoptReasons`, which returned `chunkAt`). Reasons are given in ascending `i`, before `adoptColumns`.
   */
  adoptReason(i: number, e: EvidenceEntries, why: number, chunkAt: readonly number[]): void {
    const w = this.whyStore();
    w.entry.push(i);
    const address = e.why.text.starts[why]!;
    const chunk = Math.floor(address / CHUNK_BASE);
    w.text.pushAdopted(chunkAt[chunk]! + (address - chunk * CHUNK_BASE), e.why.text.lengths[why]!);
  }

  /**
   * Takes whole columns as the entries of this empty log, without a copy (merged logs, `cluster/linkParts`), and
   * counts their outcomes.
   */
  adoptColumns(c: EvidenceColumns): void {
    if (this.length !== 0) throw new Error('EvidenceLog: adoptColumns on a log with entries');
    this.key.adopt(c.key);
    this.recordA.adopt(c.recordA);
    this.recordB.adopt(c.recordB);
    this.outcome.adopt(c.outcome);
    this.weight.adopt(c.weight);
    this.facts.adopt(c.facts);
    for (let i = 0; i < c.outcome.length; i++) {
      const outcome = c.outcome[i]!;
      this.counts[outcome]!++;
      if (c.key[i] === OVERRIDE_KEY && outcome === OUTCOME.override) this.overrideConflicts++;
    }
  }

  private addWhy(i: number, why: string): void {
    const w = this.whyStore();
    w.entry.push(i);
    w.text.push(why);
  }

  private whyStore(): { entry: GrowableArray<Int32Array>; text: PayloadStore } {
    const s = this.shared;
    // perf: a resolver edit's log holds a reason or two: its store starts small.
    return (this.why ??= { entry: new GrowableArray(Int32Array, 16, s), text: new PayloadStore(s, !s) });
  }

  whyOf(i: number): string | undefined {
    const w = this.why;
    if (w === undefined) return undefined;
    const k = indexOfEntry(w.entry.view(), i);
    return k < 0 ? undefined : w.text.get(k);
  }

  /** The log as plain arrays in shared memory, for worker threads (see `EvidenceEntries`). */
  entries(): EvidenceEntries {
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
        entry: w === undefined ? new Int32Array(0) : w.entry.sharedView(),
        text: w === undefined ? NO_TEXT : this.shared ? w.text.view() : sharedCopy(w.text.view()),
      },
    };
  }
}

/** Reasons of an `EvidenceLog` as plain data: the k-th reason is entry `entry[k]`'s (ascending), text `payloadAt(text, k)`. */
export interface EvidenceReasons {
  readonly entry: Int32Array;
  /** In shared memory (after crossing to a worker, its chunks wrapped again: `attachColumns`). */
  readonly text: PayloadView;
}

/** The per-entry columns of an `EvidenceLog`, whole. */
export type EvidenceColumns = Pick<EvidenceEntries, 'key' | 'recordA' | 'recordB' | 'outcome' | 'weight' | 'facts'>;

/** An `EvidenceLog` as plain data. */
export interface EvidenceEntries {
  readonly length: number;
  readonly key: Int32Array;
  readonly recordA: Int32Array;
  readonly recordB: Int32Array;
  readonly outcome: Uint8Array;
  readonly weight: Float32Array;
  readonly facts: Uint32Array;
  readonly why: EvidenceReasons;
}

/** `EvidenceEntries` with the `EvidenceLog` accessors that `linkEvidenceAt` reads. */
export function evidenceReader(e: EvidenceEntries): EvidenceReader {
  const at = (a: Int32Array | Uint32Array | Float32Array | Uint8Array) => ({ get: (i: number) => a[i]! });
  const why = e.why;
  return {
    key: at(e.key),
    recordA: at(e.recordA),
    recordB: at(e.recordB),
    outcome: at(e.outcome),
    weight: at(e.weight),
    facts: at(e.facts),
    whyOf(i) {
      const k = indexOfEntry(why.entry, i);
      return k < 0 ? undefined : payloadAt(why.text, k);
    },
  };
}

const NO_TEXT: PayloadView = { chunks: [], starts: new Float64Array(0), lengths: new Uint32Array(0) };

/** A view of an unshared store copied into shared memory. */
function sharedCopy(v: PayloadView): PayloadView {
  const chunks = v.chunks.map((c) => {
    const out = Buffer.from(new SharedArrayBuffer(c.length));
    out.set(c);
    return out;
  });
  return { chunks, starts: toShared(v.starts), lengths: toShared(v.lengths) };
}

/** Position of `i` in the ascending `entries`, or -1 (reasons are kept for refused links only). */
function indexOfEntry(entries: Int32Array, i: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = entries[mid]!;
    if (v === i) return mid;
    if (v < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** What reading one evidence entry needs: an `EvidenceLog`, or `evidenceReader` over its entries. */
export interface EvidenceReader {
  readonly key: { get(i: number): number };
  readonly recordA: { get(i: number): number };
  readonly recordB: { get(i: number): number };
  readonly outcome: { get(i: number): number };
  readonly weight: { get(i: number): number };
  readonly facts: { get(i: number): number };
  whyOf(i: number): string | undefined;
}
