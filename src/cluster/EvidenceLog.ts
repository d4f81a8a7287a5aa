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
} as const;
export type OutcomeCode = (typeof OUTCOME)[keyof typeof OUTCOME];

export const GUARD_OF_OUTCOME: readonly (GuardName | undefined)[] = [
  undefined, undefined, 'generic', 'exclusive', 'shareable', 'maxClusterSize', 'fuzzy',
];

/**
 * Every link decision as compact columns (perf: ~13 bytes per link instead of an object; a 20M-row run records
 * about as many links as records). Reasons in words are kept only for refused links, which are few.
 */
export class EvidenceLog {
  // perf: start small; the incremental resolver makes one log per edit, the batch grows it by doubling.
  readonly key = new GrowableArray(Int32Array, 64);
  readonly recordA = new GrowableArray(Int32Array, 64);
  readonly recordB = new GrowableArray(Int32Array, 64);
  readonly outcome = new GrowableArray(Uint8Array, 64);
  /** Sparse: index → why, only for refused links. */
  private readonly why: (string | undefined)[] = [];
  readonly counts = new Uint32Array(7);

  get length(): number {
    return this.key.length;
  }

  add(key: number, a: number, b: number, outcome: OutcomeCode, why?: string): void {
    if (why !== undefined) this.why[this.key.length] = why;
    this.key.push(key);
    this.recordA.push(a);
    this.recordB.push(b);
    this.outcome.push(outcome);
    this.counts[outcome]!++;
  }

  whyOf(i: number): string | undefined {
    return this.why[i];
  }
}
