import type { GuardName, IdentifierKind } from '../types.js';

/** Timing of one pipeline stage. */
export interface StageTiming {
  readonly stage: string;
  readonly seconds: number;
  readonly recordsPerSecond: number;
}

/** What a resolution did, in numbers (spec §5 `report.json`). */
export interface ResolveReport {
  readonly recordsIn: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Records dropped because their id is erased (`erased`): recordsIn = accepted + rejected + erased. */
  readonly erased: number;
  /** The id range this run allocated profile ids in, and its allocator's next serial (docs/identity-over-time.md). */
  readonly ids: { readonly range: number; readonly nextSerial: number; readonly fresh: number };
  readonly profiles: number;
  /** 1 - profiles / accepted: the share of records that were duplicates. */
  readonly reductionRatio: number;
  /** Cluster size → number of profiles of that size (sizes above 10 grouped by power of two, e.g. `"11-16"`). */
  readonly clusterSizeHistogram: Readonly<Record<string, number>>;
  /**
   * Per kind: identifier values that were normalized and became linking keys (a value repeated within one record
   * counts once; typo corrections and inferred phone readings are not counted again).
   */
  readonly validIdentifiers: Readonly<Partial<Record<IdentifierKind, number>>>;
  /** Per kind, per reason: identifier values that could not be normalized. */
  readonly invalidIdentifiers: Readonly<Partial<Record<IdentifierKind, Readonly<Record<string, number>>>>>;
  /** Per kind: placeholder values dropped as junk. */
  readonly junkIdentifiers: Readonly<Partial<Record<IdentifierKind, number>>>;
  /** Keys that stopped linking because too many records or identifiers share them (largest first, capped). */
  readonly genericIdentifiers: readonly { readonly key: string; readonly records: number; readonly distinctIdentifiers: number }[];
  readonly genericIdentifierCount: number;
  /** Per kind: how many distinct identifiers were generic (all of them, not only those listed). */
  readonly genericIdentifiersByKind: Readonly<Partial<Record<IdentifierKind, number>>>;
  readonly linksAccepted: number;
  /** Links refused, per guard (`override`: by a steward's `never`, or `always` overrides contradicting one). */
  readonly linksRefused: Readonly<Partial<Record<GuardName, number>>>;
  /** `always` overrides refused because they would have joined a `never` pair (never wins). */
  readonly overrideConflicts: number;
  /** Overrides naming a record id the run did not accept: ignored. */
  readonly overridesUnmatched: number;
  /** Accepted records whose `updatedAt` was not an ISO-8601 date (kept, without the timestamp). */
  readonly invalidUpdatedAt: number;
  readonly stages: readonly StageTiming[];
  readonly peakRssBytes?: number;
}
