import { GrowableArray } from '../_internal/GrowableArray.js';
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
 * overrides, which are few.
 */
export class EvidenceLog {
  // perf: start small; the incremental resolver makes one log per edit, the batch grows it by doubling.
  readonly key = new GrowableArray(Int32Array, 64);
  readonly recordA = new GrowableArray(Int32Array, 64);
  readonly recordB = new GrowableArray(Int32Array, 64);
  readonly outcome = new GrowableArray(Uint8Array, 64);
  /** The decision's match weight (NaN when none was computed) and its facts (`match/matchWeights` packFacts). */
  readonly weight = new GrowableArray(Float32Array, 64);
  readonly facts = new GrowableArray(Uint32Array, 64);
  /** Sparse: index → why, only for refused links and `always` overrides. */
  private readonly why: (string | undefined)[] = [];
  readonly counts = new Uint32Array(8);
  /** `always` overrides refused because they would join a `never` pair (the contradiction rule: never wins). */
  overrideConflicts = 0;

  get length(): number {
    return this.key.length;
  }

  add(key: number, a: number, b: number, outcome: OutcomeCode, why?: string, weight = Number.NaN, facts = 0): void {
    if (why !== undefined) this.why[this.key.length] = why;
    this.key.push(key);
    this.recordA.push(a);
    this.recordB.push(b);
    this.outcome.push(outcome);
    this.weight.push(weight);
    this.facts.push(facts);
    this.counts[outcome]!++;
    if (key === OVERRIDE_KEY && outcome === OUTCOME.override) this.overrideConflicts++;
  }

  whyOf(i: number): string | undefined {
    return this.why[i];
  }

  /** The log as plain arrays in shared memory, for worker threads (see `EvidenceEntries`). */
  entries(): EvidenceEntries {
    const whyIndex: number[] = [];
    const whyText: string[] = [];
    this.why.forEach((w, i) => {
      if (w !== undefined) {
        whyIndex.push(i);
        whyText.push(w);
      }
    });
    return {
      length: this.length,
      key: this.key.sharedView(),
      recordA: this.recordA.sharedView(),
      recordB: this.recordB.sharedView(),
      outcome: this.outcome.sharedView(),
      weight: this.weight.sharedView(),
      facts: this.facts.sharedView(),
      whyIndex: Int32Array.from(whyIndex),
      whyText,
    };
  }
}

/** An `EvidenceLog` as plain data: refused links' reasons are `whyText[k]` for entry `whyIndex[k]` (ascending). */
export interface EvidenceEntries {
  readonly length: number;
  readonly key: Int32Array;
  readonly recordA: Int32Array;
  readonly recordB: Int32Array;
  readonly outcome: Uint8Array;
  readonly weight: Float32Array;
  readonly facts: Uint32Array;
  readonly whyIndex: Int32Array;
  readonly whyText: readonly string[];
}

/** `EvidenceEntries` with the `EvidenceLog` accessors that `linkEvidenceAt` reads. */
export function evidenceReader(e: EvidenceEntries): EvidenceReader {
  const at = (a: Int32Array | Uint32Array | Float32Array | Uint8Array) => ({ get: (i: number) => a[i]! });
  return {
    key: at(e.key),
    recordA: at(e.recordA),
    recordB: at(e.recordB),
    outcome: at(e.outcome),
    weight: at(e.weight),
    facts: at(e.facts),
    whyOf(i) {
      // Binary search: reasons are kept for refused links only.
      let lo = 0;
      let hi = e.whyIndex.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const v = e.whyIndex[mid]!;
        if (v === i) return e.whyText[mid];
        if (v < i) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
  };
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
